import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/jobs';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/**
 * The submission workflow; exports its service to the spreadsheet import and export. Its data
 * access, SubmissionRepository, is a reader and writer of @app/persistence.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Mail })],
  controllers: [SubmissionsController],
  providers: [SubmissionsService],
  exports: [SubmissionsService],
})
export class SubmissionsModule {}
