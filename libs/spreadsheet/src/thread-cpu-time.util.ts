import { readFileSync, readlinkSync } from 'node:fs';

/**
 * Clock ticks per second of the CPU times in /proc (USER_HZ, what `getconf CLK_TCK` prints):
 * part of Linux's ABI and 100 on every architecture Node.js runs on, whatever the kernel's HZ.
 */
export const PROC_TICKS_PER_SECOND = 100;

/**
 * The calling thread as /proc names it, '<pid>/task/<tid>', or null where there is no /proc
 * (other systems than Linux, a container without it).
 */
export function ownThreadProcPath(): string | null {
  if (process.platform !== 'linux') {
    return null;
  }
  try {
    const path = readlinkSync('/proc/thread-self');
    return /^\d+\/task\/\d+$/.test(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The CPU time, user and system, in milliseconds of a thread's or process's /proc stat line:
 * fields 14 and 15, counted after the command's closing parenthesis, because the command (a
 * thread's name) may itself hold spaces and parentheses.
 */
export function cpuMsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After ')' comes field 3 (the state): utime, field 14, is the 12th.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) {
    throw new Error(`not a /proc stat line: ${stat.slice(0, 80)}`);
  }
  return (ticks * 1000) / PROC_TICKS_PER_SECOND;
}

/**
 * The CPU time in milliseconds that the thread `procPath` ('<pid>/task/<tid>', see
 * ownThreadProcPath) has used so far, or null when it cannot be read (the thread has ended).
 * A read of /proc costs microseconds and never waits for a disk.
 */
export function readThreadCpuMs(procPath: string): number | null {
  try {
    return cpuMsOfStat(readFileSync(`/proc/${procPath}/stat`, 'utf8'));
  } catch {
    return null;
  }
}
