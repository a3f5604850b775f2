import { generateDemoData } from '@app/domain';
import { RedisHandle, startRedisServer } from '@app/devstack';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createSubmission,
  createUnit,
  createUser,
  enrol,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { until } from './support/waiting';
import { startWorker, WorkerProcess } from './support/worker-process';

/**
 * Faults as an operator meets them, against the real worker process, Redis, PostgreSQL and
 * Chromium. After the fault nobody calls the api: the reconciler and Bull's stall handling
 * must finish the batch on their own, every report once, its stored checksum its PDF's.
 *
 * The file has a database and a Redis of its own, so that its reconciler sees no other test
 * file's rows and the Redis can be restarted without touching anyone else's.
 */
jest.setTimeout(300_000);

const UNITS = 8;

interface ReportRow {
  id: string;
  state: string;
  attempts: number;
  error: string | null;
  checksum_ok: boolean;
}

describe('job recovery (e2e: real worker process, Redis, PostgreSQL, Chromium)', () => {
  let database: TestDatabase;
  let redisDir: string;
  let redis: RedisHandle;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  let publisher: TestUser;
  let snapshotId: string;

  const workerEnv = (): Record<string, string> => ({
    DATABASE_URL: database.appUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'cockpit-test',
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    REPORT_CONCURRENCY: '1',
    // A dead worker's job is taken over after 5 s instead of 30 s, and the reconciler looks
    // every 2 s instead of every minute: the same paths, sooner.
    JOB_STALL_TIMEOUT_MS: '5000',
    JOB_RECONCILE_INTERVAL_MS: '2000',
  });

  const reports = async (): Promise<ReportRow[]> =>
    (await ownerDataSource()).query<ReportRow[]>(
      `SELECT id, state, attempts, error, encode(sha256(pdf), 'hex') = sha256 AS checksum_ok
         FROM reports WHERE snapshot_id = $1 ORDER BY id`,
      [snapshotId],
    );

  const orderBatch = async (): Promise<void> => {
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
      .set({ Authorization: await t.tokenFor(publisher) })
      .send({ languages: ['de'] });
    expect(created.status).toBe(202);
    expect((created.body as { total: number }).total).toBe(UNITS);
  };

  /** Waits, reading the database only, until no report is pending, and checks each is done once. */
  const expectEveryReportDoneOnce = async (): Promise<ReportRow[]> => {
    const rows = await until(
      reports,
      (rs) => rs.length === UNITS && rs.every((r) => r.state === 'done' || r.state === 'failed'),
      { timeoutMs: 240_000, everyMs: 250 },
    );
    expect(rows.map((r) => [r.state, r.error, r.checksum_ok])).toEqual(
      rows.map(() => ['done', null, true]),
    );
    return rows;
  };

  const restartWorker = async (): Promise<void> => {
    worker = await startWorker(workerEnv());
  };

  beforeAll(async () => {
    const superuserUrl = process.env.TEST_SUPERUSER_URL ?? '';
    database = await createTestDatabase(superuserUrl);
    // This file's factories, api and worker use its own database (Jest gives each file its own
    // process.env).
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    redisDir = mkdtempSync(join(tmpdir(), 'cockpit-recovery-redis-'));
    chmodSync(redisDir, 0o755);
    redis = await startRedisServer({ dataDir: redisDir });
    process.env.TEST_REDIS_URL = redis.url;

    t = await startApp();
    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    const study = await createStudy(publisherOrg);
    const cycle = await createCycle(study, 2025);
    const answers = generateDemoData({ units: UNITS, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    for (let i = 0; i < UNITS; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      const unit = await createUnit(company, 120, {
        industry: i < UNITS / 2 ? 'telecom' : 'banking',
      });
      await createSubmission(cycle, unit, answers[i]);
    }
    await restartWorker();
    const started = await t
      .http()
      .post(`/api/v1/cycles/${cycle.id}/snapshots`)
      .set({ Authorization: await t.tokenFor(publisher) });
    snapshotId = (started.body as { snapshotId: string }).snapshotId;
    await until(
      async () =>
        (
          await (
            await ownerDataSource()
          ).query<{ state: string }[]>('SELECT state FROM snapshots WHERE id = $1', [snapshotId])
        )[0].state,
      (state) => state === 'done',
      { timeoutMs: 120_000 },
    );
  });

  afterEach(async () => {
    await (
      await ownerDataSource()
    ).query('DELETE FROM reports WHERE snapshot_id = $1', [snapshotId]);
  });

  afterAll(async () => {
    await worker?.kill();
    await t?.close();
    await closeOwnerDataSource();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('finishes a batch, every report once, after the worker is killed with SIGKILL in the middle', async () => {
    await orderBatch();
    await until(reports, (rs) => rs.some((r) => r.state === 'rendering'), { everyMs: 20 });
    await worker?.kill();
    // As the launcher would: a new worker process, and no call to the api.
    await restartWorker();
    await expectEveryReportDoneOnce();
  });

  it('finishes a report whose worker was killed twice while rendering it', async () => {
    await orderBatch();
    const [victim] = (
      await until(reports, (rs) => rs.some((r) => r.state === 'rendering'), { everyMs: 20 })
    ).filter((r) => r.state === 'rendering');
    await worker?.kill();
    await restartWorker();
    // Bull hands the stalled job to the new worker once; it claims the report a second time.
    await until(
      reports,
      (rs) => rs.some((r) => r.id === victim.id && r.state === 'rendering' && r.attempts === 2),
      { timeoutMs: 120_000, everyMs: 20 },
    );
    await worker?.kill();
    // The second stall makes Bull fail the job without calling the processor; the row, with an
    // attempt left, gets a new job under the same id.
    await restartWorker();
    const rows = await expectEveryReportDoneOnce();
    expect(rows.find((r) => r.id === victim.id)?.attempts).toBe(3);
  });

  it('finishes a batch after Redis restarted mid-batch and lost every job', async () => {
    await orderBatch();
    await until(reports, (rs) => rs.some((r) => r.state === 'done'), { everyMs: 50 });
    const port = redis.port;
    await redis.stop();
    // A Redis without its append-only file, as the one of `npm start` was: the queue is gone.
    rmSync(redisDir, { recursive: true, force: true });
    redis = await startRedisServer({ dataDir: redisDir, port });
    expect(redis.port).toBe(port);
    await expectEveryReportDoneOnce();
  });

  it("finishes a batch after the worker's Chromium was killed", async () => {
    await orderBatch();
    await until(reports, (rs) => rs.some((r) => r.state === 'done'), { everyMs: 50 });
    // The worker's Chromium (Puppeteer starts it in a process group of its own).
    const chromium = execFileSync('pgrep', ['-P', String(worker?.child.pid ?? 0), 'chrom'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(chromium.length).toBeGreaterThan(0);
    execFileSync('kill', ['-KILL', ...chromium]);
    await expectEveryReportDoneOnce();
  });
});
