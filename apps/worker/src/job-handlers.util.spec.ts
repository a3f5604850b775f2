import { Process, Processor } from '@nestjs/bull';
import { MaintenanceJob, QueueName, ReportJob, SnapshotJob } from '@app/jobs';
import { jobHandlers, requireProcessorForEveryJob } from './job-handlers.util';
import { MissingProcessorError } from './missing-processor.error';
import { WORKER_PROCESSORS } from './worker.module';

@Processor(QueueName.Maintenance)
class HealthCheckOnly {
  @Process(MaintenanceJob.HealthCheck)
  healthCheck(): void {}
}

@Processor(QueueName.Reports)
class ReportsOnly {
  @Process({ name: ReportJob.Render, concurrency: 2 })
  render(): void {}

  helper(): void {}
}

@Processor(QueueName.Snapshots)
class UnnamedSnapshotHandler {
  // Bull gives a handler without a name only the jobs added without one.
  @Process()
  compute(): void {}
}

describe('requireProcessorForEveryJob', () => {
  it("passes the worker's own processors", () => {
    expect(() => requireProcessorForEveryJob(WORKER_PROCESSORS)).not.toThrow();
  });

  it('reads the queue and job name of each @Process handler', () => {
    expect(jobHandlers([HealthCheckOnly, ReportsOnly])).toEqual([
      { queue: QueueName.Maintenance, name: MaintenanceJob.HealthCheck },
      { queue: QueueName.Reports, name: ReportJob.Render },
    ]);
  });

  it('refuses processors that leave a job without one, naming the job and its queue', () => {
    const check = () => requireProcessorForEveryJob([HealthCheckOnly, ReportsOnly]);
    expect(check).toThrow(MissingProcessorError);
    expect(check).toThrow(
      `The worker has no processor for job '${MaintenanceJob.Notify}' of queue '${QueueName.Maintenance}', job '${SnapshotJob.Compute}' of queue '${QueueName.Snapshots}'`,
    );
  });

  it('does not count a handler without a job name as the processor of a named job', () => {
    expect(() =>
      requireProcessorForEveryJob([HealthCheckOnly, ReportsOnly, UnnamedSnapshotHandler]),
    ).toThrow(`job '${SnapshotJob.Compute}' of queue '${QueueName.Snapshots}'`);
  });

  it('names every job that lacks a processor', () => {
    expect(() => requireProcessorForEveryJob([ReportsOnly])).toThrow(
      "The worker has no processor for job 'health-check' of queue 'maintenance', job 'send-notifications' of queue 'maintenance', job 'compute-snapshot' of queue 'snapshots'",
    );
  });
});
