// JobQueue is Bull's Queue with a typed add: the one place that names Bull's own.
// eslint-disable-next-line no-restricted-imports
import type { AdvancedSettings, Job, JobOptions, Queue } from 'bull';

/** Every Bull queue of the product. */
export enum QueueName {
  Maintenance = 'maintenance',
  Snapshots = 'snapshots',
  Reports = 'reports',
  Mail = 'mail',
}

/** Every job name, per queue. */
export enum MaintenanceJob {
  HealthCheck = 'health-check',
  /** The repeatable pass that sends due deadline reminders and publishers' digests. */
  Notify = 'send-notifications',
}

export enum SnapshotJob {
  Compute = 'compute-snapshot',
}

export enum ReportJob {
  /** A company or a trend report: the stored report's kind says which. */
  Render = 'render-report',
}

export enum MailJob {
  /** An e-mail of the outbox. */
  Send = 'send-mail',
}

/** The jobs each queue delivers. A job enum belongs to a queue here, or it is no job. */
export interface QueueJobs {
  [QueueName.Maintenance]: MaintenanceJob;
  [QueueName.Snapshots]: SnapshotJob;
  [QueueName.Reports]: ReportJob;
  [QueueName.Mail]: MailJob;
}

/** Every job name of the product. */
export type JobName = QueueJobs[QueueName];

/** The payload of each job: ids only, never tenant data. */
interface PayloadOf {
  [MaintenanceJob.HealthCheck]: { requestedAt: string };
  [MaintenanceJob.Notify]: Record<string, never>;
  [SnapshotJob.Compute]: { tenantId: string; snapshotId: string };
  [ReportJob.Render]: { tenantId: string; reportId: string };
  [MailJob.Send]: { tenantId: string; messageId: string };
}

/** The payload type per job name; a job name without one does not compile. */
export type JobPayloads = { [N in JobName]: PayloadOf[N] };

/** The job names of each queue at run time, for the worker's check that it processes them all. */
export const QUEUE_JOBS: { readonly [Q in QueueName]: readonly QueueJobs[Q][] } = {
  [QueueName.Maintenance]: Object.values(MaintenanceJob),
  [QueueName.Snapshots]: Object.values(SnapshotJob),
  [QueueName.Reports]: Object.values(ReportJob),
  [QueueName.Mail]: Object.values(MailJob),
};

/**
 * A Bull queue that is given only its own job names, each with its payload type. Bull's own
 * `add` takes any string and any data (and a job without a name), so a typo would wait in
 * Redis for a processor that never comes.
 */
export interface JobQueue<Q extends QueueName> extends Omit<Queue, 'add' | 'addBulk'> {
  add<N extends QueueJobs[Q]>(
    name: N,
    data: JobPayloads[N],
    opts?: JobOptions,
  ): Promise<Job<JobPayloads[N]>>;
  /** Many jobs in one round trip to Redis. */
  addBulk<N extends QueueJobs[Q]>(
    jobs: Array<{ name: N; data: JobPayloads[N]; opts?: JobOptions }>,
  ): Promise<Array<Job<JobPayloads[N]>>>;
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
  sendMail: (messageId: string): string => `mail:${messageId}`,
  /** The one repeatable notification pass: a second worker's schedule is the same job. */
  notify: (): string => 'notifications',
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

/** A job handler a processor declares: its queue and the job name it takes, if it names one. */
export interface JobHandler {
  queue: string;
  name: string | undefined;
}

/** The jobs of QUEUE_JOBS that none of `handlers` takes, in the order QUEUE_JOBS lists them. */
export function jobsWithoutHandler(
  handlers: readonly JobHandler[],
): { queue: QueueName; name: JobName }[] {
  const handled = new Set(handlers.map((handler) => `${handler.queue}\u0000${handler.name}`));
  return Object.values(QueueName).flatMap((queue) =>
    QUEUE_JOBS[queue]
      .filter((name) => !handled.has(`${queue}\u0000${name}`))
      .map((name) => ({ queue, name })),
  );
}
