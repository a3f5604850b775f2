import {
  INFRASTRUCTURE_BACKOFF,
  infrastructureBackoffMs,
  isInfrastructureError,
  unreachableDependency,
  untilInfrastructureHolds,
} from './infrastructure';

describe('isInfrastructureError', () => {
  it('knows an unreachable PostgreSQL or Redis, also wrapped by TypeORM or as a cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(isInfrastructureError(refused)).toBe(true);
    expect(isInfrastructureError({ message: 'query failed', driverError: { code: '57P01' } })).toBe(
      true,
    );
    expect(isInfrastructureError(new Error('wrapped', { cause: { code: '08006' } }))).toBe(true);
    expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureError(new Error('Connection is closed.'))).toBe(true);
  });

  it('does not take a failure of the work for one', () => {
    expect(isInfrastructureError(new Error('PDF rendering timed out after 60000 ms'))).toBe(false);
    // A unique violation (23505) and a division by zero (22012) are the statement's own.
    expect(isInfrastructureError({ message: 'duplicate key', code: '23505' })).toBe(false);
    expect(isInfrastructureError({ message: 'division by zero', code: '22012' })).toBe(false);
    expect(isInfrastructureError('ECONNREFUSED')).toBe(false);
  });
});

describe('unreachableDependency', () => {
  it('names Redis for what ioredis answers a command it could not send, else the database', () => {
    expect(
      unreachableDependency(new Error('Reached the max retries per request limit (which is 0).')),
    ).toBe('redis');
    expect(
      unreachableDependency(
        new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      ),
    ).toBe('redis');
    expect(
      unreachableDependency({
        message: 'connect ECONNREFUSED 127.0.0.1:5432',
        code: 'ECONNREFUSED',
      }),
    ).toBe('database');
    expect(unreachableDependency({ message: 'x', driverError: { code: '57P01' } })).toBe(
      'database',
    );
    expect(unreachableDependency(new Error('PDF rendering timed out'))).toBeNull();
  });
});

describe('infrastructureBackoffMs', () => {
  it('doubles from 500 ms with jitter in the upper half, up to a minute', () => {
    expect([0, 1, 2, 3].map((f) => infrastructureBackoffMs(f, 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((f) => infrastructureBackoffMs(f, 0.999999))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(infrastructureBackoffMs(30, 0)).toBe(30_000);
    expect(infrastructureBackoffMs(30, 0.999999)).toBe(INFRASTRUCTURE_BACKOFF.maxMs);
  });
});

describe('untilInfrastructureHolds', () => {
  it('tries again after an outage without counting it, and throws a failure of the work at once', async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await untilInfrastructureHolds(
      () => {
        calls++;
        return calls < 3
          ? Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))
          : Promise.resolve('stored');
      },
      (_error, waitMs) => waits.push(waitMs),
    );
    expect(result).toBe('stored');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);

    let failing = 0;
    await expect(
      untilInfrastructureHolds(() => {
        failing++;
        return Promise.reject(new Error('render failed'));
      }),
    ).rejects.toThrow('render failed');
    expect(failing).toBe(1);
  });
});
