import type { JobOptions } from 'bull';

/** Every Bull queue of the product. */
export enum QueueName {
  Maintenance = 'maintenance',
  Snapshots = 'snapshots',
  Reports = 'reports',
}

/** Every job name, per queue. */
export enum MaintenanceJob {
  HealthCheck = 'health-check',
}

export enum SnapshotJob {
  Compute = 'compute-snapshot',
}

export enum ReportJob {
  /** A company or a trend report: the stored report's kind says which. */
  Render = 'render-report',
}

/** The payload of each job: ids only, never tenant data. */
export interface JobPayloads {
  [MaintenanceJob.HealthCheck]: { requestedAt: string };
  [SnapshotJob.Compute]: { tenantId: string; snapshotId: string };
  [ReportJob.Render]: { tenantId: string; reportId: string };
}

/** Attempts and backoff live here and nowhere else. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
};

/**
 * Deterministic job ids: enqueueing the same work twice is a no-op for Bull, so a retried
 * request or a restarted api never computes a snapshot twice.
 */
export const jobIds = {
  computeSnapshot: (snapshotId: string): string => `snapshot:${snapshotId}`,
  renderReport: (reportId: string): string => `report:${reportId}`,
};
