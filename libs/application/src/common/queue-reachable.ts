import type { JobQueue, QueueName } from '@app/jobs';
import { serviceUnavailable } from './service-unavailable';
import type { Language } from './caller';

/** The states of a connection that was lost and is being made again. */
const LOST = new Set(['reconnecting', 'close', 'end']);

/** Whether the queue's Redis connection is up (or being made for the first time). */
export function isQueueReachable(queue: JobQueue<QueueName>): boolean {
  return !LOST.has(queue.client.status);
}

/**
 * Refuses with a 503 at once when the queue's Redis connection is lost, instead of letting the
 * enqueue wait for Redis. The work's row is in PostgreSQL already: the worker's reconciler
 * delivers it once Redis is back, and the message says so.
 */
export function requireQueueReachable(queue: JobQueue<QueueName>, language: Language): void {
  if (!isQueueReachable(queue)) {
    throw serviceUnavailable('redis', language, {
      de: 'Der Auftrag ist gespeichert und wird ausgeführt, sobald Redis wieder erreichbar ist.',
      en: 'The order is stored and is carried out once Redis is back.',
    });
  }
}
