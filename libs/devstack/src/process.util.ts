import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Whether a process with this id exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves once `pid` has gone, or to false after `timeoutMs`. */
export async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) {
      return false;
    }
    await delay(100);
  }
  return true;
}

/** The command line of a process, or undefined when it cannot be read. */
export async function readCommandLine(pid: number): Promise<string[] | undefined> {
  if (process.platform === 'linux') {
    try {
      const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      return raw.split('\0').filter((part) => part.length > 0);
    } catch {
      return undefined;
    }
  }
  // Without /proc, `ps` gives one string; splitting on spaces is good enough for the checks here.
  const output = await runPs(['-o', 'command=', '-p', String(pid)]);
  return output === undefined ? undefined : output.split(/\s+/).filter((part) => part.length > 0);
}

/** The parent process id, or undefined when it cannot be read. */
export async function readParentPid(pid: number): Promise<number | undefined> {
  if (process.platform === 'linux') {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The command name in parentheses may itself contain spaces or parentheses.
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return parsePid(afterName[1]);
    } catch {
      return undefined;
    }
  }
  return parsePid(await runPs(['-o', 'ppid=', '-p', String(pid)]));
}

/**
 * Whether a live Node.js process (a launcher, npm, Jest) is the parent of `pid`. A server whose
 * launcher was killed has been re-parented to init (or to a service manager) instead.
 */
export async function hasNodeParent(pid: number): Promise<number | undefined> {
  const parentPid = await readParentPid(pid);
  return parentPid !== undefined && parentPid !== 1 && (await isNodeProcess(parentPid))
    ? parentPid
    : undefined;
}

/** Whether the process looks like a Node.js process. */
export async function isNodeProcess(pid: number): Promise<boolean> {
  const commandLine = await readCommandLine(pid);
  const executable = commandLine?.[0];
  return executable !== undefined && /^node(js)?(\.exe)?$/i.test(path.basename(executable));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parsePid(text: string | undefined): number | undefined {
  const pid = Number.parseInt(text?.trim() ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function runPs(args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('ps', args, (error, stdout) => resolve(error ? undefined : stdout.trim()));
  });
}
