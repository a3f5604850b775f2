import { getQueueToken } from '@nestjs/bull';
import { Test } from '@nestjs/testing';
import { JobQueue, MaintenanceJob, QueueName } from '@app/jobs';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { testConfig } from './support/test-env';

describe('worker (real Redis)', () => {
  it('answers a health-check job taken from the maintenance queue', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot(testConfig())],
    }).compile();
    const worker = await moduleRef.init();
    try {
      const queue = worker.get<JobQueue<QueueName.Maintenance>>(
        getQueueToken(QueueName.Maintenance),
      );
      const requestedAt = new Date().toISOString();
      const job = await queue.add(MaintenanceJob.HealthCheck, { requestedAt });
      const result = (await job.finished()) as { ok: boolean; requestedAt: string };
      expect(result).toMatchObject({ ok: true, requestedAt });
    } finally {
      await worker.close();
    }
  });
});
