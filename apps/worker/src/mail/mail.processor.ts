import { Process, Processor } from '@nestjs/bull';
import { MailDelivery } from '@app/application';
import { JobPayloads, MailJob, QueueName } from '@app/jobs';
import type { Job } from 'bull';

/** Mails the SMTP server takes at once per worker. */
const MAILS_IN_FLIGHT = 2;

/**
 * Sends the outbox's mails. A failed job is retried by Bull; once it has no attempts left the
 * message is still queued in PostgreSQL, and the reconciler gives it a new job at its next
 * pass, so that an SMTP server down for an hour delays mail and loses none.
 */
@Processor(QueueName.Mail)
export class MailProcessor {
  constructor(private readonly delivery: MailDelivery) {}

  @Process({ name: MailJob.Send, concurrency: MAILS_IN_FLIGHT })
  async send(job: Job<JobPayloads[MailJob.Send]>): Promise<void> {
    await this.delivery.deliver(job.data.tenantId, job.data.messageId);
  }
}
