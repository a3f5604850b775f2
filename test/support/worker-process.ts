import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { until } from './waiting';

const ROOT = resolve(__dirname, '..', '..');

/** The real worker app in a process of its own, which a test may kill like an operator's crash. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed, to explain a failed test. */
  output(): string;
  /** SIGKILL to the worker and its Chromium, as when a machine loses the process. */
  kill(): Promise<void>;
}

/**
 * Starts `apps/worker/src/main.ts` (through ts-node, so the test needs no build) in its own
 * process group with `env`, and resolves once it says it started.
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/worker/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'), ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const worker: WorkerProcess = {
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        process.kill(-child.pid, 'SIGKILL');
        await exited;
      }
    },
  };
  try {
    await until(
      () => Promise.resolve(output),
      (text) => text.includes('worker started') || child.exitCode !== null,
      { timeoutMs: 120_000 },
    );
  } catch (error) {
    await worker.kill();
    throw new Error(`the worker did not start: ${String(error)}\n${output.slice(-3000)}`);
  }
  if (child.exitCode !== null) {
    throw new Error(`the worker exited with ${child.exitCode}:\n${output.slice(-3000)}`);
  }
  return worker;
}
