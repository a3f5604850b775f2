import type { Job, JobStatus, Queue } from 'bull';
import { JobPayloads, jobIds, QueueName, ReportJob, SnapshotJob } from './jobs';

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

/**
 * Puts a job under its deterministic id unless a live one holds that id already. A failed or
 * completed job with the id is removed first: Bull ignores an add whose id exists, so an old
 * job would otherwise keep the work from ever being delivered again. True when a job was added.
 */
export async function enqueueUnlessLive<N extends keyof JobPayloads>(
  queue: Queue,
  name: N,
  payload: JobPayloads[N],
  jobId: string,
): Promise<boolean> {
  const existing: Job | null = await queue.getJob(jobId);
  if (isLive(await deliveryState(existing))) {
    return false;
  }
  await existing?.remove();
  await queue.add(name, payload, { jobId });
  return true;
}

/** The job that delivers a stored piece of work: where it goes, under which id, with what. */
export type WorkKind = 'snapshot' | 'report';

export interface WorkJob {
  queue: QueueName.Snapshots | QueueName.Reports;
  name: SnapshotJob.Compute | ReportJob.Render;
  jobId: string;
  payload: JobPayloads[SnapshotJob.Compute] | JobPayloads[ReportJob.Render];
}

export function workJob(kind: WorkKind, tenantId: string, id: string): WorkJob {
  switch (kind) {
    case 'snapshot':
      return {
        queue: QueueName.Snapshots,
        name: SnapshotJob.Compute,
        jobId: jobIds.computeSnapshot(id),
        payload: { tenantId, snapshotId: id },
      };
    case 'report':
      return {
        queue: QueueName.Reports,
        name: ReportJob.Render,
        jobId: jobIds.renderReport(id),
        payload: { tenantId, reportId: id },
      };
  }
}
