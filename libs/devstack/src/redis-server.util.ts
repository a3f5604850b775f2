import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './free-port.util';
import { OutputTail } from './output-tail.util';
import { killOnParentExit } from './parent-exit.util';
import {
  delay,
  hasNodeParent,
  isProcessAlive,
  readCommandLine,
  waitForProcessExit,
} from './process.util';

/** A running redis-server child process. */
export interface RedisHandle {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Resolves, with how it ended, once the server has exited, stopped or not. */
  exited: Promise<string>;
  /** Terminates the server; its append-only file keeps the data for the next start. */
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** Working directory of redis-server; created when missing. Holds its append-only file. */
  dataDir: string;
  /** Preferred port (default 63790); another free port is used when it is taken. */
  port?: number;
  /** Receives lifecycle lines; nothing is logged without it. */
  log?: (msg: string) => void;
}

export const REDIS_SERVER_MISSING_MESSAGE =
  'redis-server was not found on PATH. Install it (Debian/Ubuntu: apt-get install redis-server; ' +
  'macOS: brew install redis) or set REDIS_URL.';

const DEFAULT_PORT = 63790;
const PID_FILE = 'redis-server.pid';
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts the machine's `redis-server` on 127.0.0.1 with an append-only file in `dataDir`
 * (fsync every second), so that a restart keeps the queued jobs, and resolves once it answers
 * PING. The server is stopped by `stop()` and killed when this process exits.
 */
export async function startRedisServer(opts: RedisServerOptions): Promise<RedisHandle> {
  const log = opts.log ?? ((): void => undefined);
  const binary = await findOnPath('redis-server');
  if (binary === undefined) {
    throw new Error(REDIS_SERVER_MISSING_MESSAGE);
  }
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  await stopOrphanedServer(dataDir, log);
  const port = await findFreePort(opts.port ?? DEFAULT_PORT);

  const output = new OutputTail();
  // prettier-ignore
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--dir', dataDir,
    '--pidfile', path.join(dataDir, PID_FILE),
    '--daemonize', 'no',
    '--loglevel', 'warning',
  ];
  // A process group of its own: Ctrl+C in the terminal reaches the launcher, the api and the
  // worker, but not Redis, which `stop()` ends after them, once their queues are closed. An
  // orphan of a killed launcher is found by its pid file on the next start.
  const child = spawn(binary, args, {
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));

  let exitDescription: string | undefined;
  let ready = false;
  let stopping = false;
  const unregister = killOnParentExit(() => child.kill('SIGKILL'));
  const exited = new Promise<string>((resolve) => {
    const onGone = (description: string): void => {
      if (exitDescription !== undefined) {
        return;
      }
      exitDescription = description;
      unregister();
      if (!stopping && ready) {
        log(`redis-server exited unexpectedly (${description}):\n${output.text()}`);
      }
      resolve(description);
    };
    child.once('exit', (code, signal) =>
      onGone(signal === null ? `exit code ${code}` : `signal ${signal}`),
    );
    child.once('error', (error) => onGone(error.message));
  });

  try {
    await waitForPing(port, () => exitDescription);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`redis-server did not start: ${reason}\n${output.text()}`.trim(), {
      cause: error,
    });
  }
  ready = true;
  log(`Redis listening on 127.0.0.1:${port}`);

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    stopping = true;
    if (exitDescription === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    log('Redis stopped');
  };

  return { url: `redis://127.0.0.1:${port}`, port, exited, stop: () => (stopped ??= stop()) };
}

/**
 * A launcher killed with SIGKILL cannot take its redis-server along; the next start finds it
 * through the pid file and ends it, unless a live Node.js process still owns it.
 */
async function stopOrphanedServer(dataDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, PID_FILE);
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) {
    return;
  }
  // redis-server rewrites its process title to "redis-server 127.0.0.1:<port>".
  const title = (await readCommandLine(pid))?.join(' ') ?? '';
  if (
    !path.basename(title.split(' ')[0] ?? '').startsWith('redis-server') ||
    (await hasNodeParent(pid)) !== undefined
  ) {
    return;
  }
  log(`Stopping redis-server left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForProcessExit(pid, STOP_TIMEOUT_MS))) {
    process.kill(pid, 'SIGKILL');
    await waitForProcessExit(pid, STOP_TIMEOUT_MS);
  }
  await rm(pidFile, { force: true });
}

async function waitForPing(port: number, exitDescription: () => string | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    const exit = exitDescription();
    if (exit !== undefined) {
      throw new Error(`it exited (${exit})`);
    }
    const client = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      connectTimeout: 1000,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    // Connection refused while the server boots is expected; the loop retries.
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') {
        return;
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      client.disconnect();
    }
    await delay(100);
  }
  throw new Error(`no PING answer within ${READY_TIMEOUT_MS / 1000} s (${lastError})`);
}

async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.length === 0) {
      continue;
    }
    const candidate = path.join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) {
        return candidate;
      }
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}
