import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

export const REDIS_URL = Symbol('REDIS_URL');

/**
 * Options of the api's Redis connections. While Redis is down a command fails at the next
 * reconnect attempt (about a second) instead of waiting in the offline queue, so that a
 * request that needs Redis answers 503 at once rather than hanging.
 */
export const FAIL_FAST_REDIS: RedisOptions = {
  maxRetriesPerRequest: 0,
  retryStrategy: (times: number) => Math.min(times * 100, 1000),
};

/**
 * Logs an outage of a connection once, and its end, instead of ioredis' "Unhandled error
 * event" at every reconnect attempt.
 */
export function logOutages(client: Redis, name: string): void {
  const logger = new Logger(name);
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) {
      down = true;
      logger.warn(`Redis unreachable: ${error.message}`);
    }
  });
  client.on('ready', () => {
    if (down) {
      down = false;
      logger.log('Redis reachable again');
    }
  });
}

/** One shared Redis client of the api (rate limits, readiness). */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(REDIS_URL) url: string) {
    super(url, FAIL_FAST_REDIS);
    logOutages(this, RedisClient.name);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => undefined);
  }
}
