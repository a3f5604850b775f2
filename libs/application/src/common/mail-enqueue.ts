import type { Logger } from '@nestjs/common';
import { enqueueUnlessLive, JobQueue, QueueName, workJob } from '@app/jobs';
import { isQueueReachable } from './queue-reachable';

/** A mail of the outbox, committed, to be given its job. */
export interface QueuedMail {
  tenantId: string;
  messageId: string;
}

/**
 * Gives committed outbox mails their jobs. A mail whose job cannot be added now (Redis lost) is
 * only delayed: the reconciler gives it one.
 */
export async function enqueueMails(
  queue: JobQueue<QueueName.Mail>,
  logger: Logger,
  mails: readonly QueuedMail[],
): Promise<void> {
  for (const { tenantId, messageId } of mails) {
    try {
      // With Redis lost, an add would wait for it: the reconciler delivers the mail instead.
      if (isQueueReachable(queue)) {
        await enqueueUnlessLive(queue, workJob('mail', tenantId, messageId));
      }
    } catch (error) {
      logger.warn(
        `mail ${messageId}: not enqueued (${error instanceof Error ? error.message : String(error)}); the reconciler will`,
      );
    }
  }
}
