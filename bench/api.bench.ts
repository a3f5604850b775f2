/**
 * npm run bench:api -- [--units 10000] [--duration 20] [--connections 50]
 *
 * The api under load, as a BI tool or many service directors at once would put it:
 * - a fresh database with a generated study of `--units` units (the demo generator), its
 *   snapshot computed as the worker computes it and published;
 * - a company editor of the study (the company of the first generated unit) signs in;
 * - the api runs in a process of its own (ts-node, production logging), against that database
 *   and the local Redis;
 * - autocannon sends `--connections` concurrent requests for `--duration` seconds per route,
 *   after a short warm-up, in this order: the bare authenticated route (`GET /api/v1/auth/me`:
 *   verify the token, read the user's row), the studies, the benchmarks of the group of all and
 *   the unit's position.
 *
 * Prints req/s, p50, p97.5 and p99 per route and each route's throughput as a ratio of the bare
 * route's in the same run (the machine's load cancels out of the ratio), and the api's database
 * time per request where it can be told (PostgreSQL's pg_stat_statements is not assumed: the
 * bench reads `pg_stat_database`'s active time of the bench database before and after each
 * route), and the CPU time per request of the api's process and of those backends, read from
 * /proc (on a busy machine the wall-clock figures grow, the CPU times hardly). Ends by itself
 * and drops what it made. `BENCH_API_NODE_ARGS="--cpu-prof
 * --cpu-prof-dir=/tmp/api-prof"` passes node flags to the api's process (a profile of it).
 */
import { asTenantId, DEMO_CATALOGUE, generateDemoData } from '@app/domain';
import { dataSourceOptions, TenantDb } from '@app/persistence';
import * as argon2 from 'argon2';
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { readThreadCpuMs } from '../libs/spreadsheet/src/thread-cpu-time.util';
import { backendCpuMs, backendCpuSpent } from './support/backend-cpu';
import { startBenchApi, stopApi } from './support/bench-api';
import { argument, benchDatabase, seconds } from './support/bench-database';
import { publishBenchSnapshot, seedBenchStudy } from './support/bench-study';

const PASSWORD = 'bench-password-1234';

interface RouteResult {
  name: string;
  path: string;
  requests: number;
  p50: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
  dbMsPerRequest: number;
  apiCpuMsPerRequest: number;
  dbCpuMsPerRequest: number;
}

/** CPU time (ms) used so far by the api's process and by the bench database's backends. */
async function cpuTimes(
  owner: DataSource,
  apiPid: number,
): Promise<{ api: number | null; db: Map<number, number> }> {
  return { api: readThreadCpuMs(String(apiPid)), db: await backendCpuMs(owner) };
}

/** CPU ms per request between two `cpuTimes` readings; a backend started between counts whole. */
function cpuPerRequest(
  before: Awaited<ReturnType<typeof cpuTimes>>,
  after: Awaited<ReturnType<typeof cpuTimes>>,
  requests: number,
): { api: number; db: number } {
  const db = backendCpuSpent(before.db, after.db);
  const api = after.api !== null && before.api !== null ? after.api - before.api : NaN;
  return {
    api: requests > 0 ? api / requests : NaN,
    db: requests > 0 && after.db.size > 0 ? db / requests : NaN,
  };
}

/** PostgreSQL's active time (ms) of all backends of the database so far. */
async function activeTime(owner: DataSource): Promise<number> {
  const [row] = await owner.query<{ active: string | null }[]>(
    `SELECT active_time AS active FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(row?.active ?? 0);
}

async function load(
  owner: DataSource,
  url: string,
  token: string,
  connections: number,
  duration: number,
  apiPid: number,
): Promise<Omit<RouteResult, 'name' | 'path'>> {
  const options = {
    url,
    connections,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
  };
  // Warm-up: the first requests fill the caches and the JIT, which a running api has done.
  await autocannon({ ...options, duration: 3 });
  await owner.query('SELECT pg_stat_clear_snapshot()');
  const before = await activeTime(owner);
  const cpuBefore = await cpuTimes(owner, apiPid);
  const result = await autocannon({ ...options, duration });
  const cpu = cpuPerRequest(cpuBefore, await cpuTimes(owner, apiPid), result.requests.total);
  await owner.query('SELECT pg_stat_clear_snapshot()');
  const after = await activeTime(owner);
  const requests = result.requests.total;
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    dbMsPerRequest: requests > 0 ? (after - before) / requests : NaN,
    apiCpuMsPerRequest: cpu.api,
    dbCpuMsPerRequest: cpu.db,
  };
}

async function main(): Promise<void> {
  const units = Number(argument('--units', '10000'));
  const duration = Number(argument('--duration', '20'));
  const connections = Number(argument('--connections', '50'));
  const bench = await benchDatabase('api');
  const owner = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
  let api: ChildProcess | null = null;
  try {
    console.log(`generating ${units} units with the demo generator ...`);
    const data = generateDemoData({ units, years: [2025] });
    const study = await seedBenchStudy(owner, data, [2025]);
    const app = await new DataSource(dataSourceOptions(bench.appUrl, 2)).initialize();
    console.log('computing and publishing the snapshot ...');
    const snapshotId = await publishBenchSnapshot(
      owner,
      new TenantDb(app),
      study.publisherId,
      study.cycleIds[0],
    );
    await app.destroy();

    // A company editor of the first unit's company, who may see the unit's position.
    const firstUnit = data.units[0];
    const unitId = study.unitIds.get(firstUnit.key) as string;
    const [{ tenant_id: companyId }] = await owner.query<{ tenant_id: string }[]>(
      'SELECT tenant_id FROM units WHERE id = $1',
      [unitId],
    );
    const email = `editor.${randomBytes(4).toString('hex')}@bench.example`;
    await owner.query(
      `INSERT INTO users (tenant_id, email, name, role, password_hash, preferred_language)
       VALUES ($1, $2, 'Bench editor', 'company_editor', $3, 'en')`,
      [companyId, email, await argon2.hash(PASSWORD, { type: argon2.argon2id })],
    );

    const started = await startBenchApi(bench.appUrl, 'api');
    api = started.child;
    const base = started.base;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!login.ok) {
      throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    }
    const { accessToken } = (await login.json()) as { accessToken: string };

    const routes: Array<[string, string]> = [
      ['bare (auth/me)', '/api/v1/auth/me'],
      ['studies', '/api/v1/studies'],
      ['benchmarks', `/api/v1/snapshots/${snapshotId}/benchmarks?peerGroup=all`],
      ['position', `/api/v1/snapshots/${snapshotId}/units/${unitId}/position`],
    ];
    for (const [name, path] of routes) {
      const check = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (!check.ok) {
        throw new Error(`${name} answered ${check.status}: ${(await check.text()).slice(0, 500)}`);
      }
    }
    const results: RouteResult[] = [];
    for (const [name, path] of routes) {
      console.log(`${name}: ${connections} connections for ${duration} s ...`);
      const start = process.hrtime.bigint();
      const result = await load(
        owner,
        `${base}${path}`,
        accessToken,
        connections,
        duration,
        api.pid as number,
      );
      results.push({ name, path, ...result });
      console.log(`  done in ${seconds(start).toFixed(0)} s`);
    }
    const bare = results[0].requests;
    const pad = (text: string | number, width: number) => String(text).padStart(width);
    console.log(
      [
        `units ${units} (${DEMO_CATALOGUE.key}), ${connections} connections, ${duration} s per route, tenant ${asTenantId(companyId)}`,
        `${'route'.padEnd(16)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p97.5 ms', 10)}${pad('p99 ms', 9)}${pad('× bare', 9)}${pad('db ms/req', 11)}${pad('api cpu ms', 12)}${pad('db cpu ms', 11)}${pad('non-2xx', 9)}`,
        ...results.map(
          (r) =>
            `${r.name.padEnd(16)}${pad(r.requests.toFixed(0), 9)}${pad(r.p50, 9)}${pad(r.p975, 10)}${pad(r.p99, 9)}${pad((r.requests / bare).toFixed(2), 9)}${pad(r.dbMsPerRequest.toFixed(2), 11)}${pad(r.apiCpuMsPerRequest.toFixed(2), 12)}${pad(r.dbCpuMsPerRequest.toFixed(2), 11)}${pad(r.non2xx + r.errors, 9)}`,
        ),
      ].join('\n'),
    );
  } finally {
    if (api) {
      await stopApi(api);
    }
    await owner.destroy();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
