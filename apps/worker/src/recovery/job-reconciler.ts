import { InjectQueue } from '@nestjs/bull';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import {
  deliveryState,
  enqueueUnlessLive,
  JobQueue,
  QueueName,
  reconcile,
  Reconciliation,
  UnfinishedWork,
  WorkKind,
  WorkJob,
  workJob,
} from '@app/jobs';
import { workFailureText } from '@app/domain';
import { UnfinishedWorkStore } from '@app/persistence';

/** How often the reconciler runs; a provider so that the worker module sets it from config. */
export const RECONCILE_INTERVAL_MS = Symbol('RECONCILE_INTERVAL_MS');

/**
 * PostgreSQL is the truth of every snapshot, report and mail, Bull only delivers. At start and every
 * JOB_RECONCILE_INTERVAL_MS (one worker at a time, under an advisory lock), every unfinished
 * row without a live job gets a new one, or is failed with the reason once it has used its
 * attempts; a job Bull fails (its stall limit included) is settled the same way at once. So a
 * lost queue, a PostgreSQL outage or a worker killed twice delays work and never strands it.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private passing: Promise<void> | undefined;

  constructor(
    private readonly store: UnfinishedWorkStore,
    @InjectQueue(QueueName.Snapshots) private readonly snapshots: JobQueue<QueueName.Snapshots>,
    @InjectQueue(QueueName.Reports) private readonly reports: JobQueue<QueueName.Reports>,
    @InjectQueue(QueueName.Mail) private readonly mail: JobQueue<QueueName.Mail>,
    @Inject(RECONCILE_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) {
      return;
    }
    void this.pass();
    this.timer = setInterval(() => void this.pass(), this.intervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.passing;
  }

  /** One pass over the unfinished rows; a pass still running (Redis slow or down) is not doubled. */
  pass(): Promise<void> {
    this.passing ??= this.reconcileAll().finally(() => (this.passing = undefined));
    return this.passing;
  }

  /** Settles the row of a job Bull failed: a retry of its own is left to Bull. */
  async afterFailure(kind: WorkKind, tenantId: string, id: string, error: Error): Promise<void> {
    try {
      const work = await this.store.current(kind, tenantId, id);
      if (work) {
        await this.settle(work, error.message);
      }
    } catch (settleError) {
      // The next pass settles it: the row is still unfinished.
      this.logger.warn(`${kind} ${id}: could not settle its failed job: ${messageOf(settleError)}`);
    }
  }

  private async reconcileAll(): Promise<void> {
    try {
      const counts = await this.store.whileReconciling(async (rows) => {
        const done = { enqueue: 0, fail: 0 };
        for (const work of rows) {
          const { action } = await this.settle(work, null);
          if (action !== 'leave') {
            done[action]++;
          }
        }
        return done;
      });
      if (counts && counts.enqueue + counts.fail > 0) {
        this.logger.warn(
          `reconciled unfinished work: ${counts.enqueue} enqueued again, ${counts.fail} failed`,
        );
      }
    } catch (error) {
      // PostgreSQL or Redis is down: the next pass tries again.
      this.logger.warn(`reconciling unfinished work failed: ${messageOf(error)}`);
    }
  }

  private async settle(work: UnfinishedWork, failedReason: string | null): Promise<Reconciliation> {
    const job = workJob(work.kind, work.tenantId, work.id);
    const existing = await this.queueOf(job).getJob(job.jobId);
    const decision = reconcile(
      work,
      await deliveryState(existing),
      failedReason ?? existing?.failedReason ?? null,
    );
    switch (decision.action) {
      case 'leave':
        break;
      case 'enqueue':
        await this.enqueue(job);
        this.logger.log(`${work.kind} ${work.id} (${work.state}) had no live job: enqueued again`);
        break;
      case 'fail':
        await this.store.fail(work, decision.reason);
        this.logger.warn(
          `${work.kind} ${work.id} failed: ${workFailureText(decision.reason, 'en')}`,
        );
        break;
    }
    return decision;
  }

  private queueOf(job: WorkJob): JobQueue<WorkJob['queue']> {
    switch (job.queue) {
      case QueueName.Snapshots:
        return this.snapshots;
      case QueueName.Reports:
        return this.reports;
      case QueueName.Mail:
        return this.mail;
    }
  }

  private async enqueue(job: WorkJob): Promise<void> {
    switch (job.queue) {
      case QueueName.Snapshots:
        await enqueueUnlessLive(this.snapshots, job);
        break;
      case QueueName.Reports:
        await enqueueUnlessLive(this.reports, job);
        break;
      case QueueName.Mail:
        await enqueueUnlessLive(this.mail, job);
        break;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
