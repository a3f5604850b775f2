import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * XLSX templates, uploads and cycle imports, and the CSV and XLSX exports. Exports its service
 * to the pages (web/), which upload and download through it as the API does.
 */
@Module({
  imports: [SubmissionsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
