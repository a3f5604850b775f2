import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddedPostgresClass } from './embedded-postgres-loader.util';
import { loadEmbeddedPostgres } from './embedded-postgres-loader.util';
import { findFreePort } from './free-port.util';
import { OutputTail } from './output-tail.util';
import { killOnParentExit } from './parent-exit.util';
import { clearStalePostmaster } from './postmaster-pid.util';
import { delay, isProcessAlive, waitForProcessExit } from './process.util';

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgresHandle {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  superuserUrl: string;
  port: number;
  /** Shuts the server down (fast shutdown: open sessions are ended, data is flushed). */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory (PGDATA). Created and initialised when it holds no cluster. */
  dataDir: string;
  /** Preferred port (default 54329); another free port is used when it is taken. */
  port?: number;
  /** Receives lifecycle lines and PostgreSQL's error lines; nothing is logged without it. */
  log?: (msg: string) => void;
}

const DEFAULT_PORT = 54329;
const SUPERUSER = 'postgres';
/** Kept inside the data directory so that the cluster and its password travel together. */
export const SUPERUSER_PASSWORD_FILE = 'devstack-superuser.password';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 5;
// UTF-8 everywhere, with PostgreSQL's own Unicode-aware C.UTF-8 collation so that the cluster
// does not depend on which OS locales happen to be installed.
const INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];
// TCP on loopback only; no Unix socket, so nothing is written to /tmp or /var/run.
const POSTGRES_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
// Only these server log lines reach `opts.log`; the rest is kept to explain a failed start.
const FORWARDED_LOG_LINE = /\b(ERROR|FATAL|PANIC):/;
// A server killed a moment ago may still hold its shared memory or lock file; worth a retry.
const RETRYABLE_START_FAILURE = /shared memory block|lock file .* already exists/i;

/**
 * Starts a PostgreSQL server from the embedded-postgres package on 127.0.0.1.
 *
 * An existing cluster in `dataDir` (one with a PG_VERSION file) is reused; otherwise a new one
 * is initialised with superuser `postgres`, scram-sha-256 authentication and a random password,
 * which is stored in `dataDir/devstack-superuser.password` (mode 0600) so that restarts reuse it.
 * A `postmaster.pid` left behind by a killed run is dealt with before starting. The server is
 * also shut down when this process exits.
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? ((): void => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const output = new OutputTail();
  const options = {
    user: SUPERUSER,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system
    // user, creating that user when it does not exist yet.
    createPostgresUser: isRoot(),
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (message: string): void => {
      for (const line of output.push(message)) {
        if (FORWARDED_LOG_LINE.test(line)) {
          log(`[postgres] ${line}`);
        }
      }
    },
    onError: (error: unknown): void =>
      log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();

  let password: string;
  if (await exists(path.join(dataDir, 'PG_VERSION'))) {
    log(`Reusing the PostgreSQL cluster in ${dataDir}`);
    password = await readPassword(dataDir);
  } else {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    password = randomBytes(24).toString('hex');
    await initialiseCluster(EmbeddedPostgres, options, dataDir, password, output);
  }

  await clearStalePostmaster(dataDir, log);
  const port = await findFreePort(opts.port ?? DEFAULT_PORT);
  const server = new EmbeddedPostgres({ ...options, password, databaseDir: dataDir, port });
  await startWithRetry(server, dataDir, output);

  const pid = await readPostmasterPid(dataDir).catch(async (error: unknown) => {
    await settlesWithin(server.stop(), STOP_TIMEOUT_MS);
    throw error;
  });
  // SIGINT requests a fast shutdown, which the server completes on its own after we are gone.
  const unregister = killOnParentExit(() => process.kill(pid, 'SIGINT'));
  log(
    `PostgreSQL ${await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8').then((v) => v.trim())} listening on 127.0.0.1:${port}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    unregister();
    if (!isProcessAlive(pid)) {
      return;
    }
    // embedded-postgres waits for the child's exit event, which never comes if the server died
    // some other way; bound the wait and escalate to an immediate shutdown.
    const stopped = await settlesWithin(server.stop(), STOP_TIMEOUT_MS);
    if (!stopped && isProcessAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      await waitForProcessExit(pid, 10_000);
    }
    log('PostgreSQL stopped');
  };

  return {
    superuserUrl: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => (stopping ??= stop()),
  };
}

type ServerOptions = NonNullable<ConstructorParameters<EmbeddedPostgresClass>[0]>;

/**
 * Runs initdb. A missing `dataDir` is initialised under a temporary sibling name and renamed
 * into place with the password file already inside, so that an interrupted initialisation never
 * leaves a half-made cluster that a later start would try to reuse. An existing empty directory
 * (a mount point, say) is initialised in place.
 */
async function initialiseCluster(
  EmbeddedPostgres: EmbeddedPostgresClass,
  options: ServerOptions,
  dataDir: string,
  password: string,
  output: OutputTail,
): Promise<void> {
  const existing = await listDirectory(dataDir);
  if (existing !== undefined && existing.length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` +
        'Empty it or choose another data directory.',
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  const target =
    existing === undefined
      ? path.join(
          path.dirname(dataDir),
          `.${path.basename(dataDir)}.initdb-${randomBytes(4).toString('hex')}`,
        )
      : dataDir;
  try {
    await new EmbeddedPostgres({ ...options, password, databaseDir: target }).initialise();
    await writeFile(path.join(target, SUPERUSER_PASSWORD_FILE), `${password}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    if (target !== dataDir) {
      await rename(target, dataDir);
    }
  } catch (error) {
    if (target !== dataDir) {
      await rm(target, { recursive: true, force: true });
    }
    throw new Error(
      `Could not initialise a PostgreSQL cluster in ${dataDir}: ${explainFailure(error, output)}`,
      {
        cause: error,
      },
    );
  }
  output.clear();
}

async function startWithRetry(
  server: InstanceType<EmbeddedPostgresClass>,
  dataDir: string,
  output: OutputTail,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    output.clear();
    try {
      await startWithTimeout(server);
      output.clear();
      return;
    } catch (error) {
      if (attempt < START_ATTEMPTS && RETRYABLE_START_FAILURE.test(output.text())) {
        await delay(1000);
        continue;
      }
      throw new Error(`PostgreSQL did not start in ${dataDir}: ${explainFailure(error, output)}`, {
        cause: error,
      });
    }
  }
}

async function startWithTimeout(server: InstanceType<EmbeddedPostgresClass>): Promise<void> {
  // embedded-postgres rejects (with undefined) when the server exits during start-up.
  if (!(await settlesWithin(server.start(), START_TIMEOUT_MS))) {
    // Do not leave a server behind that may still become ready.
    await settlesWithin(server.stop(), 10_000);
    throw new Error(`no "ready to accept connections" message within ${START_TIMEOUT_MS / 1000} s`);
  }
}

/** Resolves to true when `promise` fulfils within `ms`, false on timeout; rethrows its rejection. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SUPERUSER_PASSWORD_FILE);
  try {
    const password = (await readFile(file, 'utf8')).trim();
    if (password.length > 0) {
      return password;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  throw new Error(
    `${dataDir} holds a PostgreSQL cluster but no superuser password in ${SUPERUSER_PASSWORD_FILE}; ` +
      'it was not created by this launcher. Delete the directory to start afresh, or set DATABASE_URL.',
  );
}

async function readPostmasterPid(dataDir: string): Promise<number> {
  const content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) {
    throw new Error(`Unreadable postmaster.pid in ${dataDir}`);
  }
  return pid;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function listDirectory(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

// embedded-postgres rejects a failed start with `undefined`; the server's own output says why.
function explainFailure(error: unknown, output: OutputTail): string {
  const message = error instanceof Error ? error.message : '';
  const tail = output.text();
  const hint =
    isRoot() && /permission denied/i.test(`${message}\n${tail}`)
      ? 'Running as root, PostgreSQL runs as the "postgres" system user, which needs search (x) ' +
        'permission on every parent directory of the data directory.'
      : '';
  return [message, tail, hint].filter((part) => part.length > 0).join('\n') || 'unknown error';
}
