/**
 * npm run bench:uploads -- [--uploads 3] [--rows 4800] [--columns 50]
 *
 * The api's liveness while hostile uploads are parsed: the whole api listens on a port, a
 * publisher posts `--uploads` cycle imports at once of a valid XLSX of `--rows` x `--columns`
 * number cells (240,050 cells by default, just within the cell limit, as slow for exceljs as
 * a file within the limits gets), and a client asks GET /health/live every 10 ms until every
 * upload is answered (after a few unmeasured requests that warm its HTTP client up). Prints the
 * liveness latency (p50, p95, max) against the goal of 50 ms, each upload's status and time, the
 * delay of the api's event loop, and the process's peak resident memory.
 */
import { generateDemoData } from '@app/domain';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { setupApp } from '../apps/api/src/setup-app';
import { largeWorkbook } from '../test/support/hostile-spreadsheets';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';
import { seedBenchStudy } from './support/bench-study';

const GOAL_MS = 50;
const PROBE_EVERY_MS = 10;

/**
 * The liveness client, in a thread of its own: in the api's thread its timers would wait out
 * the same blocked event loop, and it would send its requests only after the stall it should
 * measure. It probes until told to stop, then posts the latencies in milliseconds.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
let stop = false;
parentPort.on('message', () => { stop = true; });
const probe = async () => {
  const t0 = performance.now();
  const res = await fetch(workerData.url);
  await res.arrayBuffer();
  return performance.now() - t0;
};
(async () => {
  // The first requests of a thread load and compile its HTTP client: unmeasured, before the uploads.
  for (let i = 0; i < 5; i++) {
    await probe();
  }
  parentPort.postMessage('ready');
  const latencies = [];
  while (!stop) {
    latencies.push(await probe());
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs));
  }
  parentPort.postMessage(latencies);
})();
`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const uploads = Number(argument('--uploads', '3'));
  const rows = Number(argument('--rows', '4800'));
  const columns = Number(argument('--columns', '50'));
  const bench = await benchDatabase('uploads');
  const owner = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
  let app: NestExpressApplication | undefined;
  try {
    const study = await seedBenchStudy(
      owner,
      generateDemoData({ units: 20, years: [2026] }),
      [2026],
    );
    const password = randomBytes(12).toString('hex');
    const email = `bench.${randomBytes(4).toString('hex')}@bench.example`;
    await owner.query(
      `INSERT INTO users (tenant_id, email, name, role, password_hash)
       VALUES ($1, $2, 'Bench', 'publisher_analyst', $3)`,
      [study.publisherId, email, await argon2.hash(password, { type: argon2.argon2id })],
    );
    const config = loadConfig({
      DATABASE_URL: bench.appUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `cockpit-bench-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'silent',
    });
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bufferLogs: true,
    });
    setupApp(app);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const file = await largeWorkbook(rows, columns);

    const prober = new Worker(PROBER, {
      eval: true,
      workerData: { url: `${base}/health/live`, everyMs: PROBE_EVERY_MS },
    });
    await new Promise((resolve) => prober.once('message', resolve));
    const probed = new Promise<number[]>((resolve) => prober.once('message', resolve));
    // The api's own event loop, apart from the client's view that includes the network stack.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();

    let peakRss = process.memoryUsage().rss;
    const started = process.hrtime.bigint();
    const answers = Array.from({ length: uploads }, async (_, i) => {
      const form = new FormData();
      form.append('file', new Blob([file]), `hostile-${i}.xlsx`);
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/cycles/${study.cycleIds[0]}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
        body: form,
      });
      const body = (await res.json()) as { problems?: { rule: string }[] };
      return { status: res.status, ms: performance.now() - t0, rule: body.problems?.[0]?.rule };
    });
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const results = await Promise.all(answers);
    clearInterval(sampler);
    loopDelay.disable();
    prober.postMessage('stop');
    const latencies = await probed;
    await prober.terminate();
    const sorted = [...latencies].sort((a, b) => a - b);
    const max = sorted[sorted.length - 1];
    console.log(
      `Uploads: ${uploads} at once of a ${(file.length / 1e6).toFixed(2)} MB XLSX of ${(rows * columns + columns).toLocaleString('en')} cells, answered within ${seconds(started).toFixed(1)} s`,
    );
    for (const [i, r] of results.entries()) {
      console.log(
        `  upload ${i + 1}: ${r.status} ${r.rule ?? ''} in ${(r.ms / 1000).toFixed(2)} s`,
      );
    }
    console.log(
      `/health/live meanwhile: ${sorted.length} answers, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${max.toFixed(1)} ms (goal: under ${GOAL_MS} ms: ${max < GOAL_MS ? 'met' : 'missed'})`,
    );
    console.log(
      `  event loop delay of the api meanwhile: p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`,
    );
    console.log(`  peak resident memory of the api process: ${bytes(peakRss)}`);
  } finally {
    await app?.close();
    await owner.destroy();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
