import { generateDemoData } from '@app/domain';
import { RedisHandle, startRedisServer } from '@app/devstack';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createStudyWorld,
  createSubmission,
  createUser,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { until } from './support/waiting';

jest.setTimeout(180_000);

/**
 * The api while Redis is down: everything that needs Redis answers 503 and says so, nothing
 * hangs or answers 500, and the api comes back by itself. The api has a Redis of its own here,
 * so that stopping it touches no other test.
 */
describe('degraded mode: the api without Redis (e2e)', () => {
  let dir: string;
  let redis: RedisHandle;
  let t: TestApp;
  let publisher: TestUser;
  let cycleId: string;
  let consoleErrors: jest.SpyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-degraded-'));
    chmodSync(dir, 0o755);
    redis = await startRedisServer({ dataDir: dir });
    process.env.TEST_REDIS_URL = redis.url;
    t = await startApp();
    const world = await createStudyWorld();
    publisher = await createUser(world.publisher, 'publisher_admin');
    const [answers] = generateDemoData({ units: 1, years: [2025] }).submissions;
    await createSubmission(world.cycle, world.unit, answers.answers);
    cycleId = world.cycle.id;
    consoleErrors = jest.spyOn(console, 'error');
  });

  afterAll(async () => {
    consoleErrors?.mockRestore();
    await t?.close();
    await closeOwnerDataSource();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 naming Redis for readiness, sign-in, a new snapshot and the sign-in form, and recovers', async () => {
    const token = await t.tokenFor(publisher);
    expect((await t.http().get('/health/ready')).status).toBe(200);
    const port = redis.port;
    await redis.stop();

    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      error: 'service_unavailable',
      problems: [{ key: 'redis', rule: 'unreachable' }],
    });
    expect((ready.body as { message: string }).message).toContain('Redis');

    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .set('accept-language', 'de')
      .send({ email: publisher.email, password: publisher.password });
    expect(login.status).toBe(503);
    expect((login.body as { message: string }).message).toMatch(/^Redis .* ist nicht erreichbar/);

    // The order is kept in PostgreSQL; the reconciler delivers it once Redis is back.
    const ordered = await t
      .http()
      .post(`/api/v1/cycles/${cycleId}/snapshots`)
      .set('authorization', token);
    expect(ordered.status).toBe(503);
    expect((ordered.body as { message: string }).message).toContain('The order is stored');
    const stored = await (
      await ownerDataSource()
    ).query<{ state: string }[]>('SELECT state FROM snapshots WHERE cycle_id = $1', [cycleId]);
    expect(stored).toEqual([{ state: 'queued' }]);

    // The sign-in form is not handed out with a CSRF token that could not be stored.
    const form = await t.http().get('/login').set('accept-language', 'en');
    expect(form.status).toBe(503);
    expect(form.text).toContain('Temporarily unavailable');
    expect(form.text).not.toContain('name="_csrf"');
    expect(form.headers['set-cookie']).toBeUndefined();

    redis = await startRedisServer({ dataDir: dir, port });
    await until(
      () => t.http().get('/health/ready'),
      (r) => r.status === 200,
    );
    const again = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: publisher.email, password: publisher.password });
    expect(again.status).toBe(200);
    expect(
      consoleErrors.mock.calls.filter((args) => String(args[0]).includes('[ioredis]')),
    ).toEqual([]);
  });
});
