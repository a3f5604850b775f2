import type { AdvancedSettings, JobOptions } from 'bull';

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

/**
 * Times a worker may start one piece of work (a snapshot, a report) before its row is failed.
 * The row counts them, so that a worker killed in the middle counts as well as an error does;
 * an outage of PostgreSQL or Redis does not count (see `untilInfrastructureHolds`).
 */
export const MAX_WORK_ATTEMPTS = 3;

/** Attempts and backoff live here and nowhere else. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: MAX_WORK_ATTEMPTS,
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

/**
 * Bull's stall handling. A job whose worker died keeps its lock for `stallTimeoutMs`; the next
 * stall check after that hands it to another worker once, and fails it the second time (the
 * failed event then lets the row decide, see JobReconciler).
 */
export function queueSettings(stallTimeoutMs: number): AdvancedSettings {
  return { lockDuration: stallTimeoutMs, stalledInterval: stallTimeoutMs, maxStalledCount: 1 };
}

/** Bull's reason for a job it failed because its workers died twice while running it. */
export const STALL_LIMIT_REASON = 'job stalled more than allowable limit';
