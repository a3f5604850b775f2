// The bulk enqueue takes Bull's own queue, as the api's module registers it.
import Bull from 'bull';
import { randomUUID } from 'node:crypto';
import { enqueueAllUnlessLive, JobQueue, QueueName, workJob } from '@app/jobs';
import { testConfig } from './support/test-env';

describe('enqueueing a batch of jobs (real Redis)', () => {
  let queue: Bull.Queue;

  beforeAll(() => {
    const config = testConfig();
    queue = new Bull(QueueName.Reports, config.REDIS_URL, {
      prefix: `${config.REDIS_PREFIX}-enqueue-${randomUUID()}`,
    });
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('adds the new jobs, replaces a failed one and leaves a waiting one alone', async () => {
    const tenantId = randomUUID();
    const [waiting, failed, fresh1, fresh2] = Array.from({ length: 4 }, () =>
      workJob('report', tenantId, randomUUID()),
    );
    // A job that ran and failed: taken as a worker takes it, then failed.
    await queue.add(failed.name, failed.payload, { jobId: failed.jobId });
    const failedJob = (await queue.getNextJob()) as Bull.Job;
    expect(failedJob.id).toBe(failed.jobId);
    await failedJob.moveToFailed({ message: 'rendering failed' });
    const waitingJob = await queue.add(waiting.name, waiting.payload, { jobId: waiting.jobId });
    expect(await failedJob.getState()).toBe('failed');

    const added = await enqueueAllUnlessLive(queue as unknown as JobQueue<QueueName.Reports>, [
      waiting,
      failed,
      fresh1,
      fresh2,
    ]);

    expect(added).toBe(3);
    const states = await Promise.all(
      [waiting, failed, fresh1, fresh2].map(async (job) => {
        const stored = await queue.getJob(job.jobId);
        return [job.jobId, await stored?.getState(), stored?.data] as const;
      }),
    );
    expect(states).toEqual(
      [waiting, failed, fresh1, fresh2].map((job) => [job.jobId, 'waiting', job.payload]),
    );
    // The waiting job is the one added first, not a copy.
    expect((await queue.getJob(waiting.jobId))?.timestamp).toBe(waitingJob.timestamp);
    expect(await queue.getWaitingCount()).toBe(4);
  });

  it('adds nothing for an empty batch', async () => {
    const before = await queue.getWaitingCount();
    expect(await enqueueAllUnlessLive(queue as unknown as JobQueue<QueueName.Reports>, [])).toBe(0);
    expect(await queue.getWaitingCount()).toBe(before);
  });
});
