import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jobIds, JobQueue, MaintenanceJob, QueueName } from '@app/jobs';

/** How often the notification pass runs; a provider so that the worker module sets it. */
export const NOTIFICATION_INTERVAL_MS = Symbol('NOTIFICATION_INTERVAL_MS');

/**
 * Puts the notification pass on the maintenance queue as a repeatable job at the worker's
 * start. Bull keys a repeatable job by its name, id and interval, so every worker scheduling
 * it makes one schedule, and each run is one job that one worker takes.
 */
@Injectable()
export class NotificationSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationSchedule.name);

  constructor(
    @InjectQueue(QueueName.Maintenance)
    private readonly maintenance: JobQueue<QueueName.Maintenance>,
    @Inject(NOTIFICATION_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.intervalMs === 0) {
      return;
    }
    try {
      await this.maintenance.add(
        MaintenanceJob.Notify,
        {},
        { jobId: jobIds.notify(), repeat: { every: this.intervalMs } },
      );
    } catch (error) {
      // Redis down at the start: reminders wait for the next start, nothing is lost (they
      // are due until sent).
      this.logger.warn(
        `notification schedule not set: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
