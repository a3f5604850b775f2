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

/** What pg, TypeORM and ioredis say when the connection, not the statement, failed. */
const CONNECTION_MESSAGE =
  /connection terminated|terminating connection|timeout exceeded when trying to connect|connection is closed|connect ECONNREFUSED|Reached the max retries per request limit|the database system is (starting up|shutting down)/i;

/**
 * Whether an error says that PostgreSQL or Redis could not be reached, rather than that the
 * work itself failed. Such an error says nothing about the work: retrying it later is right,
 * and it must not use up the work's attempts. Looks through `cause` and TypeORM's
 * `driverError`.
 */
export function isInfrastructureError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_CODE.test(code))) {
      return true;
    }
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) {
      return true;
    }
    const { driverError, cause } = current as { driverError?: unknown; cause?: unknown };
    current = driverError ?? cause;
  }
  return false;
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
