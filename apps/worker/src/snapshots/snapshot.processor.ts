import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { JobPayloads, QueueName, SnapshotJob } from '@app/jobs';
import { SnapshotComputation } from '@app/persistence';
import type { Job } from 'bull';

/** Computes snapshots; the work and its rules live in SnapshotComputation. */
@Processor(QueueName.Snapshots)
export class SnapshotProcessor {
  private readonly logger = new Logger(SnapshotProcessor.name);

  constructor(private readonly computation: SnapshotComputation) {}

  @Process(SnapshotJob.Compute)
  async compute(job: Job<JobPayloads[SnapshotJob.Compute]>): Promise<void> {
    const { tenantId, snapshotId } = job.data;
    try {
      await this.computation.run(tenantId, snapshotId, (percent) => job.progress(percent));
      this.logger.log(`snapshot ${snapshotId} computed`);
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = error instanceof Error ? error.message : String(error);
      // Only ids and the error go to the log: never a value of a cell or an input.
      this.logger.error(
        `snapshot ${snapshotId} attempt ${job.attemptsMade + 1} failed: ${message}`,
      );
      await this.computation.recordFailure(tenantId, snapshotId, message, final);
      throw error;
    }
  }
}
