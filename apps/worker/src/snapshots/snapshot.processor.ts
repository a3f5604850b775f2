import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { isInfrastructureError, JobPayloads, QueueName, SnapshotJob } from '@app/jobs';
import { SnapshotComputation } from '@app/application';
import { workFailureOf } from '@app/domain';
import type { Job } from 'bull';
import { randomUUID } from 'node:crypto';
import { JobReconciler } from '../recovery/job-reconciler';

/** Computes snapshots; the work and its rules live in SnapshotComputation. */
@Processor(QueueName.Snapshots)
export class SnapshotProcessor {
  private readonly logger = new Logger(SnapshotProcessor.name);

  constructor(
    private readonly computation: SnapshotComputation,
    private readonly reconciler: JobReconciler,
  ) {}

  @Process(SnapshotJob.Compute)
  async compute(job: Job<JobPayloads[SnapshotJob.Compute]>): Promise<void> {
    const { tenantId, snapshotId } = job.data;
    try {
      await this.computation.run(tenantId, snapshotId, (percent) => job.progress(percent));
      this.logger.log(`snapshot ${snapshotId} computed`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const errorId = randomUUID();
      // Only ids and the error go to the log: never a value of a cell or an input. The row
      // gets the failure as data, under the error id of this line.
      this.logger.error(
        `snapshot ${snapshotId} attempt ${job.attemptsMade + 1} failed (error id ${errorId}): ${message}`,
      );
      // An outage longer than the computation waits for leaves the row to Bull's retry and
      // the reconciler: it could not be written anyway.
      if (
        !isInfrastructureError(error) &&
        (await this.computation.recordFailure(
          tenantId,
          snapshotId,
          workFailureOf(error, errorId),
          false,
        ))
      ) {
        await job.discard();
      }
      throw error;
    }
  }

  @OnQueueFailed()
  async failed(job: Job<JobPayloads[SnapshotJob.Compute]>, error: Error): Promise<void> {
    await this.reconciler.afterFailure('snapshot', job.data.tenantId, job.data.snapshotId, error);
  }
}
