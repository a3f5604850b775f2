/**
 * npm run bench:review -- [--units 2000] [--requests 50]
 *
 * The publisher's review queue at the size of a real study, as one person at a time uses it:
 * - a fresh database with a generated study of `--units` units (the demo generator) over two
 *   years; the first year's snapshot computed as the worker computes it and published (so that
 *   the side-by-side view has quartiles), the second year the open cycle under review: of every
 *   ten submissions seven submitted (a third of them with one or two warnings), one a draft, one
 *   returned, one accepted, submitted over the last 60 days;
 * - a publisher admin signs in through the sign-in form; the api runs in a process of its own
 *   (ts-node, production logging) against that database and the local Redis;
 * - `--requests` requests one after the other per route, after 5 of warm-up: the queue's first
 *   page, a filtered, sorted later page, one unit beside its previous year and the quartiles,
 *   and the API's list of the same filtered page.
 *
 * Prints the median and p95 of each route's response time (the whole request on the loopback
 * interface: the page's server time and a few tenths of a millisecond of transport), the median
 * less that of the bare route `/health/live` (what the machine's load adds to any request
 * mostly cancels out), and the size of the answer. Ends by itself and drops what it made.
 */
import { generateDemoData } from '@app/domain';
import { dataSourceOptions, TenantDb } from '@app/persistence';
import * as argon2 from 'argon2';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startBenchApi, stopApi } from './support/bench-api';
import { argument, benchDatabase } from './support/bench-database';
import { publishBenchSnapshot, seedBenchStudy } from './support/bench-study';

const PASSWORD = 'bench-password-1234';
const WARM_UP = 5;

/** The session cookie and CSRF token of a signed-in browser, from the sign-in form. */
async function signIn(base: string, email: string): Promise<string> {
  const form = await fetch(`${base}/login`);
  const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD, next: '/' }).toString(),
  });
  if (response.status !== 303) {
    throw new Error(`sign-in failed: ${response.status} ${(await response.text()).slice(0, 500)}`);
  }
  return (response.headers.get('set-cookie') ?? cookie).split(';')[0];
}

function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  return sorted[low] + (h - low) * ((sorted[Math.ceil(h)] ?? sorted[low]) - sorted[low]);
}

/** `requests` timed GETs one after the other; each must answer 200. */
async function time(
  url: string,
  headers: Record<string, string>,
  requests: number,
): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = 0;
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + requests; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200) {
      throw new Error(`${url} answered ${response.status}: ${body.slice(0, 500)}`);
    }
    bytes = body.length;
    if (i >= WARM_UP) {
      times.push(ms);
    }
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), bytes };
}

async function main(): Promise<void> {
  const units = Number(argument('--units', '2000'));
  const requests = Number(argument('--requests', '50'));
  const bench = await benchDatabase('review');
  const owner = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
  let api: ChildProcess | null = null;
  try {
    console.log(`generating ${units} units over 2024 and 2025 with the demo generator ...`);
    const data = generateDemoData({ units, years: [2024, 2025] });
    const study = await seedBenchStudy(owner, data, [2024, 2025]);
    const app = await new DataSource(dataSourceOptions(bench.appUrl, 2)).initialize();
    console.log('computing and publishing the 2024 snapshot ...');
    await publishBenchSnapshot(owner, new TenantDb(app), study.publisherId, study.cycleIds[0]);
    await app.destroy();
    const cycleId = study.cycleIds[1];
    // The open cycle under review, by each submission's row number n (in unit order).
    await owner.query(
      `WITH numbered AS (
         SELECT id, row_number() OVER (ORDER BY unit_id) AS n FROM submissions WHERE cycle_id = $1)
       UPDATE submissions s
          SET state = CASE WHEN x.n % 10 < 7 THEN 'submitted' WHEN x.n % 10 = 7 THEN 'draft'
                           WHEN x.n % 10 = 8 THEN 'returned' ELSE 'accepted' END,
              submitted_at = now() - make_interval(days => (x.n % 60)::int, hours => 1),
              warnings = CASE WHEN x.n % 10 < 7 AND x.n % 3 = 1 THEN
                  '[{"key":"aht_seconds","rule":"previous_cycle_deviation","params":{"value":500,"previous":200}}]'::jsonb
                WHEN x.n % 10 < 7 AND x.n % 3 = 2 THEN
                  '[{"key":"aht_seconds","rule":"previous_cycle_deviation","params":{"value":500,"previous":200}},
                    {"key":"csat","rule":"benchmark_range","params":{"value":10,"lower":70,"upper":90}}]'::jsonb
                ELSE '[]'::jsonb END
         FROM numbered x WHERE s.id = x.id`,
      [cycleId],
    );
    await owner.query(`UPDATE cycles SET state = 'open' WHERE id = $1`, [cycleId]);
    await owner.query('ANALYZE');
    const [{ id: unitId }] = await owner.query<{ id: string }[]>(
      `SELECT unit_id AS id FROM submissions WHERE cycle_id = $1 AND state = 'submitted'
        ORDER BY unit_id LIMIT 1`,
      [cycleId],
    );
    const email = `publisher.${randomBytes(4).toString('hex')}@bench.example`;
    await owner.query(
      `INSERT INTO users (tenant_id, email, name, role, password_hash, preferred_language)
       VALUES ($1, $2, 'Bench publisher', 'publisher_admin', $3, 'en')`,
      [study.publisherId, email, await argon2.hash(PASSWORD, { type: argon2.argon2id })],
    );

    const started = await startBenchApi(bench.appUrl, 'review');
    api = started.child;
    const base = started.base;
    const session = { cookie: await signIn(base, email) };
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const bearer = { authorization: `Bearer ${accessToken}` };
    const filtered =
      'state=submitted&minWarnings=1&warningKind=benchmark_range&sort=-submitted&page=3';
    const routes: Array<[string, string, Record<string, string>]> = [
      ['bare (health/live)', '/health/live', {}],
      ['queue, first page', `/cycles/${cycleId}/review`, session],
      ['queue, filtered p.3', `/cycles/${cycleId}/review?${filtered}`, session],
      ['side by side', `/cycles/${cycleId}/review/units/${unitId}`, session],
      ['API list, filtered', `/api/v1/cycles/${cycleId}/review-queue?${filtered}`, bearer],
    ];
    const pad = (text: string | number, width: number) => String(text).padStart(width);
    const lines = [
      `units ${units}, ${requests} requests per route one after the other (after ${WARM_UP} of warm-up)`,
      `${'route'.padEnd(22)}${pad('median ms', 11)}${pad('p95 ms', 9)}${pad('- bare ms', 11)}${pad('KiB', 7)}`,
    ];
    let bare = 0;
    for (const [name, path, headers] of routes) {
      const result = await time(`${base}${path}`, headers, requests);
      bare ||= result.median;
      lines.push(
        `${name.padEnd(22)}${pad(result.median.toFixed(1), 11)}${pad(result.p95.toFixed(1), 9)}${pad((result.median - bare).toFixed(1), 11)}${pad((result.bytes / 1024).toFixed(0), 7)}`,
      );
    }
    console.log(lines.join('\n'));
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
