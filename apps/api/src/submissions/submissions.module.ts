import { Module } from '@nestjs/common';
import { SubmissionsController } from './submissions.controller';
import { SubmissionRepository } from './submission.repository';
import { SubmissionsService } from './submissions.service';

/**
 * The submission workflow; exports its service, and its data access for the cycle import's
 * batch of drafts, to the spreadsheet import and export.
 */
@Module({
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionRepository],
  exports: [SubmissionsService, SubmissionRepository],
})
export class SubmissionsModule {}
