import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ReviewQueueController } from './review-queue.controller';
import { QueueName } from '@app/jobs';
import { SubmissionsController } from './submissions.controller';
import { ReviewQueueService, SubmissionsService } from '@app/application';

/**
 * The submission workflow; exports its service to the spreadsheet import and export. Its data
 * access, SubmissionRepository, is a reader and writer of @app/persistence.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Mail })],
  controllers: [SubmissionsController, ReviewQueueController],
  providers: [SubmissionsService, ReviewQueueService],
  exports: [SubmissionsService, ReviewQueueService],
})
export class SubmissionsModule {}
