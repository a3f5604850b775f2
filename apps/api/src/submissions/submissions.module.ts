import { Module } from '@nestjs/common';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/**
 * The submission workflow; exports its service to the spreadsheet import and export. Its data
 * access, SubmissionRepository, is a reader and writer of @app/persistence.
 */
@Module({
  controllers: [SubmissionsController],
  providers: [SubmissionsService],
  exports: [SubmissionsService],
})
export class SubmissionsModule {}
