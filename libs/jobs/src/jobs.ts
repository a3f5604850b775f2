import type { JobOptions } from 'bull';

/** Every Bull queue of the product. */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job name, per queue. */
export enum MaintenanceJob {
  HealthCheck = 'health-check',
}

/** The payload of each job: ids only, never tenant data. */
export interface JobPayloads {
  [MaintenanceJob.HealthCheck]: { requestedAt: string };
}

/** Attempts and backoff live here and nowhere else. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
};
