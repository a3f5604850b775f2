import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { NotificationRun } from '@app/application';
import { enqueueAllUnlessLive, JobQueue, MaintenanceJob, QueueName, workJob } from '@app/jobs';

/**
 * Runs the notification pass at the moment its job runs and enqueues the mails it wrote. A
 * mail whose job is lost (Redis down between the commit and the add) is still queued in the
 * outbox, and the reconciler gives it a job.
 */
@Processor(QueueName.Maintenance)
export class NotificationProcessor {
  private readonly logger = new Logger(NotificationProcessor.name);

  constructor(
    private readonly run: NotificationRun,
    @InjectQueue(QueueName.Mail) private readonly mail: JobQueue<QueueName.Mail>,
  ) {}

  @Process(MaintenanceJob.Notify)
  async notify(): Promise<{ mails: number }> {
    const mails = await this.run.pass(new Date());
    await enqueueAllUnlessLive(
      this.mail,
      mails.map((m) => workJob('mail', m.tenantId, m.messageId)),
    );
    if (mails.length > 0) {
      this.logger.log(`notification pass: ${mails.length} mails written`);
    }
    return { mails: mails.length };
  }
}
