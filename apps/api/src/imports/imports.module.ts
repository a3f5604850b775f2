import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** XLSX templates, uploads and cycle imports, and the CSV and XLSX exports. */
@Module({
  imports: [SubmissionsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
