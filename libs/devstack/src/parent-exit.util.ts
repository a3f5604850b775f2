/**
 * Kills child servers when this process goes away, so that a developer's Ctrl-C or a crash of
 * the launcher does not leave PostgreSQL or Redis running.
 *
 * - On `exit` (normal end, `process.exit()`), every registered killer runs synchronously.
 * - On SIGINT/SIGTERM/SIGHUP the listener only acts when nobody else listens for the signal:
 *   it kills the children and re-raises the signal, so Node's default "terminate" still
 *   happens. When the application handles the signal itself, it is expected to call `stop()`
 *   (or exit, which runs the `exit` hook).
 */
type Killer = () => void;

const killers = new Set<Killer>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const signalListeners = new Map<NodeJS.Signals, () => void>();
let installed = false;

/** Registers a synchronous killer; returns a function that unregisters it. */
export function killOnParentExit(killer: Killer): () => void {
  killers.add(killer);
  install();
  return () => {
    killers.delete(killer);
    if (killers.size === 0) {
      uninstall();
    }
  };
}

function killAll(): void {
  for (const killer of killers) {
    try {
      killer();
    } catch {
      // The child may already be gone; the others must still be killed.
    }
  }
  killers.clear();
}

function install(): void {
  if (installed) {
    return;
  }
  installed = true;
  process.on('exit', killAll);
  for (const signal of SIGNALS) {
    const listener = (): void => {
      if (process.listenerCount(signal) > 1) {
        return;
      }
      killAll();
      uninstall();
      process.kill(process.pid, signal);
    };
    signalListeners.set(signal, listener);
    process.on(signal, listener);
  }
}

function uninstall(): void {
  if (!installed) {
    return;
  }
  installed = false;
  process.removeListener('exit', killAll);
  for (const [signal, listener] of signalListeners) {
    process.removeListener(signal, listener);
  }
  signalListeners.clear();
}
