import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { hasNodeParent, isProcessAlive, readCommandLine, waitForProcessExit } from './process.util';

/**
 * Makes `dataDir` startable when a previous run did not shut PostgreSQL down:
 *
 * - `postmaster.pid` names a dead process, or a live process that is not a postmaster for this
 *   data directory (the pid was reused, typically after a reboot): the file is removed.
 * - it names a postmaster for this data directory that a still-running Node process owns
 *   (another launcher, or an unstopped handle in this process): throws, rather than pull the
 *   database from under it.
 * - it names an orphaned postmaster (its launcher was killed): that server is shut down.
 */
export async function clearStalePostmaster(
  dataDir: string,
  log: (msg: string) => void,
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return;
    }
    throw error;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const alive = Number.isInteger(pid) && pid > 0 && isProcessAlive(pid);
  const commandLine = alive ? await readCommandLine(pid) : undefined;
  // An empty command line is a zombie: exited, not yet reaped.
  if (!alive || commandLine?.length === 0 || (commandLine === undefined && !isProcessAlive(pid))) {
    log(`Removing stale postmaster.pid (process ${Number.isNaN(pid) ? '?' : pid} is not running)`);
    await rm(pidFile, { force: true });
    return;
  }
  if (commandLine === undefined) {
    // Removing the lock file of a live server would let a second one open the same files.
    log(
      `postmaster.pid names running process ${pid}, which could not be inspected; PostgreSQL decides`,
    );
    return;
  }
  if (!isPostmasterFor(commandLine, dataDir)) {
    log(
      `Removing stale postmaster.pid (process ${pid} is not a PostgreSQL server for this directory)`,
    );
    await rm(pidFile, { force: true });
    return;
  }
  const parentPid = await hasNodeParent(pid);
  if (parentPid !== undefined) {
    throw new Error(
      `PostgreSQL is already running in ${dataDir} (pid ${pid}, started by process ${parentPid}). ` +
        'Stop that process first, or use another data directory.',
    );
  }
  log(`Stopping PostgreSQL left running in ${dataDir} by an earlier run (pid ${pid})`);
  await stopOrphan(pid);
}

function isPostmasterFor(commandLine: string[], dataDir: string): boolean {
  const executable = path.basename(commandLine[0] ?? '');
  const dataDirFlag = commandLine.indexOf('-D');
  const dataDirArg = dataDirFlag >= 0 ? commandLine[dataDirFlag + 1] : undefined;
  return (
    (executable === 'postgres' || executable === 'postmaster') &&
    dataDirArg !== undefined &&
    path.resolve(dataDirArg) === dataDir
  );
}

async function stopOrphan(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown; SIGQUIT the "immediate" one (crash recovery on start).
  for (const [signal, timeoutMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForProcessExit(pid, timeoutMs)) {
      return;
    }
  }
  throw new Error(`Could not stop the PostgreSQL server left running with pid ${pid}`);
}
