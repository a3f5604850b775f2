import { ChildProcess } from 'node:child_process';
import { CRASH_WINDOW_MS, CrashPolicy, MAX_CRASHES_IN_WINDOW } from './crash-policy';

/** A started child: how it ended once it ends, and how to stop it. */
export interface Running {
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** A Node.js child process as a Running: SIGTERM stops it (the apps shut down gracefully). */
export function runningProcess(child: ChildProcess): Running {
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) =>
      resolve(signal === null ? `code ${code}` : `signal ${signal}`),
    ),
  );
  return {
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}

/** A supervised child: stopping it ends the supervision. */
export interface Supervised {
  stop(): Promise<void>;
}

/**
 * Starts a child and keeps it running: when it exits without being asked to, it is started
 * again after the CrashPolicy's delay, and each crash and restart is logged. When the child
 * crashes too often (or cannot be started again), `giveUp` is called and supervision ends.
 * The first start's error is thrown.
 */
export async function supervise(
  name: string,
  start: () => Promise<Running>,
  options: { log: (message: string) => void; giveUp: () => void },
): Promise<Supervised> {
  const policy = new CrashPolicy();
  let current: Running | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const restart = async (): Promise<void> => {
    try {
      const running = await start();
      if (stopping) {
        await running.stop();
        return;
      }
      watch(running);
      options.log(`${name} restarted`);
    } catch (error) {
      crashed(`it could not be started: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const crashed = (how: string): void => {
    current = undefined;
    if (stopping) {
      return;
    }
    const delay = policy.restartDelayMs(Date.now());
    if (delay === null) {
      options.log(
        `${name} ended (${how}), more than ${MAX_CRASHES_IN_WINDOW} times within ${CRASH_WINDOW_MS / 60_000} minutes: giving up`,
      );
      options.giveUp();
      return;
    }
    options.log(`${name} ended (${how}); restarting it in ${delay / 1000} s`);
    timer = setTimeout(() => void restart(), delay);
  };
  const watch = (running: Running): void => {
    current = running;
    void running.exited.then((how) => {
      if (current === running) {
        crashed(how);
      }
    });
  };
  watch(await start());

  return {
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await current?.stop();
    },
  };
}
