import type { Job, JobStatus } from 'bull';
import {
  JobPayloads,
  jobIds,
  JobQueue,
  MailJob,
  QueueJobs,
  QueueName,
  ReportJob,
  SnapshotJob,
} from './jobs';

/**
 * What Bull will still deliver: waiting, delayed or paused, or active (if its worker died, the
 * stall check hands it to another once its lock runs out).
 */
const LIVE_STATES: ReadonlySet<JobStatus | 'stuck'> = new Set<JobStatus | 'stuck'>([
  'waiting',
  'active',
  'delayed',
  'paused',
]);

/** The Bull state of a job id, or `missing` when Redis has none (a lost queue, a removed job). */
export type DeliveryState = JobStatus | 'stuck' | 'missing';

export async function deliveryState(job: Job | null): Promise<DeliveryState> {
  return job ? job.getState() : 'missing';
}

/** Whether Bull will deliver (or is running) a job in this state. */
export function isLive(state: DeliveryState): boolean {
  return state !== 'missing' && LIVE_STATES.has(state);
}

/** A job to put on `queue`: its name, its payload and its deterministic id. */
export interface QueuedJob<Q extends QueueName, N extends QueueJobs[Q]> {
  queue: Q;
  name: N;
  jobId: string;
  payload: JobPayloads[N];
}

/**
 * Puts a job under its deterministic id unless a live one holds that id already. A failed or
 * completed job with the id is removed first: Bull ignores an add whose id exists, so an old
 * job would otherwise keep the work from ever being delivered again. True when a job was added.
 */
export async function enqueueUnlessLive<Q extends QueueName, N extends QueueJobs[Q]>(
  queue: JobQueue<Q>,
  job: QueuedJob<NoInfer<Q>, N>,
): Promise<boolean> {
  const existing: Job | null = await queue.getJob(job.jobId);
  if (isLive(await deliveryState(existing))) {
    return false;
  }
  await existing?.remove();
  await queue.add(job.name, job.payload, { jobId: job.jobId });
  return true;
}

/**
 * `enqueueUnlessLive` for many jobs of one queue, as one batch: the existing jobs are looked up
 * and the dead ones removed concurrently, and the new ones go to Redis in one `addBulk`
 * instead of three round trips each (a batch of a study's reports is thousands). Returns how
 * many were added.
 */
export async function enqueueAllUnlessLive<Q extends QueueName, N extends QueueJobs[Q]>(
  queue: JobQueue<Q>,
  jobs: ReadonlyArray<QueuedJob<NoInfer<Q>, N>>,
): Promise<number> {
  const existing: Array<Job | null> = await Promise.all(jobs.map((job) => queue.getJob(job.jobId)));
  const states = await Promise.all(existing.map((job) => deliveryState(job)));
  const added = jobs.filter((_, i) => !isLive(states[i]));
  const dead = existing.filter((job, i): job is Job => job !== null && !isLive(states[i]));
  await Promise.all(dead.map((job) => job.remove()));
  if (added.length > 0) {
    await queue.addBulk(
      added.map((job) => ({ name: job.name, data: job.payload, opts: { jobId: job.jobId } })),
    );
  }
  return added.length;
}

/** The job that delivers each kind of stored work. */
interface WorkJobs {
  snapshot: QueuedJob<QueueName.Snapshots, SnapshotJob.Compute>;
  report: QueuedJob<QueueName.Reports, ReportJob.Render>;
  mail: QueuedJob<QueueName.Mail, MailJob.Send>;
}

/** A kind of stored work that a job delivers. */
export type WorkKind = keyof WorkJobs;

/** The job that delivers a stored piece of work of some kind. */
export type WorkJob = WorkJobs[WorkKind];

const WORK_JOBS: { [K in WorkKind]: (tenantId: string, id: string) => WorkJobs[K] } = {
  snapshot: (tenantId, snapshotId) => ({
    queue: QueueName.Snapshots,
    name: SnapshotJob.Compute,
    jobId: jobIds.computeSnapshot(snapshotId),
    payload: { tenantId, snapshotId },
  }),
  report: (tenantId, reportId) => ({
    queue: QueueName.Reports,
    name: ReportJob.Render,
    jobId: jobIds.renderReport(reportId),
    payload: { tenantId, reportId },
  }),
  mail: (tenantId, messageId) => ({
    queue: QueueName.Mail,
    name: MailJob.Send,
    jobId: jobIds.sendMail(messageId),
    payload: { tenantId, messageId },
  }),
};

/** The job that delivers a stored piece of work: where it goes, under which id, with what. */
export function workJob<K extends WorkKind>(kind: K, tenantId: string, id: string): WorkJobs[K] {
  return WORK_JOBS[kind](tenantId, id);
}
