import type { Logger } from '@nestjs/common';
import type { QueuedMail } from '../notifications/notification-mails';
import { enqueueAllUnlessLive, JobQueue, QueueName, workJob } from '@app/jobs';
import { isQueueReachable } from './queue-reachable';

/**
 * Gives the mails a use-case wrote into the outbox their jobs, after its transaction committed.
 * The mails are stored: with Redis lost (an add would wait for it) or an add failing, the
 * worker's reconciler gives them jobs, so the answer to the caller does not wait or fail.
 */
export async function enqueueMails(
  queue: JobQueue<QueueName.Mail>,
  mails: readonly QueuedMail[],
  logger: Logger,
): Promise<void> {
  if (mails.length === 0 || !isQueueReachable(queue)) {
    return;
  }
  try {
    await enqueueAllUnlessLive(
      queue,
      mails.map((m) => workJob('mail', m.tenantId, m.messageId)),
    );
  } catch (error) {
    logger.warn(
      `${mails.length} mails not enqueued (${error instanceof Error ? error.message : String(error)}); the reconciler will`,
    );
  }
}
