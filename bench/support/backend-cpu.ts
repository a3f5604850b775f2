import type { DataSource } from 'typeorm';
import { readThreadCpuMs } from '../../libs/spreadsheet/src/thread-cpu-time.util';

/**
 * CPU time (ms, user and system) used so far by each PostgreSQL backend of the bench database
 * but the one asking, from /proc: unlike wall-clock figures, it does not grow when other work
 * shares the cores, so it compares runs on a busy machine. Empty where /proc cannot be read
 * (PostgreSQL on another machine).
 */
export async function backendCpuMs(owner: DataSource): Promise<Map<number, number>> {
  const backends = await owner.query<{ pid: number }[]>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const cpu = new Map<number, number>();
  for (const { pid } of backends) {
    const ms = readThreadCpuMs(String(pid));
    if (ms !== null) {
      cpu.set(pid, ms);
    }
  }
  return cpu;
}

/** The backends' CPU ms between two `backendCpuMs` readings; one started between counts whole. */
export function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) {
    ms += now - (before.get(pid) ?? 0);
  }
  return ms;
}
