/** Socket errors of a database or Redis that is down, restarting or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's connection exceptions (class 08), a server shutting down or starting
 * (57P01-57P03) and a full server (53300).
 */
const POSTGRES_CODE = /^(08...|57P0[123]|53300)$/;

/** What pg and TypeORM say when the connection to PostgreSQL, not the statement, failed. */
const POSTGRES_CONNECTION_MESSAGE =
  /connection terminated|terminating connection|timeout exceeded when trying to connect|connect ECONNREFUSED|the database system is (starting up|shutting down)/i;

/** What ioredis says to a command it could not send or got no answer to. */
const REDIS_CONNECTION_MESSAGE =
  /connection is closed|Reached the max retries per request limit|Stream isn't writeable|Command timed out/i;

/** A service the product cannot work without. */
export type Dependency = 'database' | 'redis';

/**
 * Which service an error says could not be reached (PostgreSQL or Redis), or null when the
 * work itself failed. Looks through `cause` and TypeORM's `driverError`.
 */
export function unreachableDependency(error: unknown): Dependency | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof message === 'string' && REDIS_CONNECTION_MESSAGE.test(message)) {
      return 'redis';
    }
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_CODE.test(code))) {
      return 'database';
    }
    if (typeof message === 'string' && POSTGRES_CONNECTION_MESSAGE.test(message)) {
      return 'database';
    }
    const { driverError, cause } = current as { driverError?: unknown; cause?: unknown };
    current = driverError ?? cause;
  }
  return null;
}

/**
 * Whether an error says that PostgreSQL or Redis could not be reached, rather than that the
 * work itself failed. Such an error says nothing about the work: retrying it later is right,
 * and it must not use up the work's attempts.
 */
export function isInfrastructureError(error: unknown): boolean {
  return unreachableDependency(error) !== null;
}

/** The first wait after an outage is noticed, and the longest between two tries. */
export const INFRASTRUCTURE_BACKOFF = { firstMs: 500, maxMs: 60_000, giveUpAfterMs: 15 * 60_000 };

/**
 * The wait before try `failures + 1`: exponential from `firstMs` up to `maxMs`, with full
 * jitter in its upper half so that the workers of a batch do not all come back in the same
 * instant. `random` is in [0, 1).
 */
export function infrastructureBackoffMs(failures: number, random: number): number {
  const ceiling = Math.min(
    INFRASTRUCTURE_BACKOFF.maxMs,
    INFRASTRUCTURE_BACKOFF.firstMs * 2 ** Math.min(failures, 20),
  );
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * Runs `work` until it succeeds or fails for a reason of its own: while PostgreSQL or Redis is
 * unreachable it waits (`infrastructureBackoffMs`) and tries again, for up to
 * `giveUpAfterMs`; past that the outage's error is thrown like any other.
 */
export async function untilInfrastructureHolds<T>(
  work: () => Promise<T>,
  onWait: (error: unknown, waitMs: number) => void = () => undefined,
): Promise<T> {
  const started = Date.now();
  for (let failures = 0; ; failures++) {
    try {
      return await work();
    } catch (error) {
      const waitMs = infrastructureBackoffMs(failures, Math.random());
      if (
        !isInfrastructureError(error) ||
        Date.now() + waitMs - started > INFRASTRUCTURE_BACKOFF.giveUpAfterMs
      ) {
        throw error;
      }
      onWait(error, waitMs);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
