import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** A free local port, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The api on a free port as in production (warnings logged only), against `databaseUrl` and the
 * local Redis under keys of its own (`bench-<name>-...`), with a secret of its own.
 */
export async function startBenchApi(
  databaseUrl: string,
  name: string,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  console.log(`starting the api on port ${port} ...`);
  const child = await startApi(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `bench-${name}-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      JWT_TTL_SECONDS: '3600',
    },
    port,
  );
  return { child, base: `http://127.0.0.1:${port}` };
}

/** The api in its own process group, resolved once it answers /health/live. */
async function startApi(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
        ...env,
      },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the api exited: ${errors.slice(-3000)}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/live`)).ok) {
        return child;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the api did not start in 180 s: ${errors.slice(-3000)}`);
}

/**
 * SIGTERM first, so that the api closes as in production (and a `--cpu-prof` in
 * BENCH_API_NODE_ARGS gets written), SIGKILL to its process group after 15 s.
 */
export async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) {
    return;
  }
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
