import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { JobPayloads, MaintenanceJob, QueueName } from '@app/jobs';
import type { Job } from 'bull';

/** Proves that a worker takes jobs off the queues: answers a health-check job. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  @Process(MaintenanceJob.HealthCheck)
  healthCheck(job: Job<JobPayloads[MaintenanceJob.HealthCheck]>): {
    ok: true;
    requestedAt: string;
    answeredAt: string;
  } {
    this.logger.debug(`health-check ${job.id}`);
    return { ok: true, requestedAt: job.data.requestedAt, answeredAt: new Date().toISOString() };
  }
}
