import type { Type } from '@nestjs/common';
// The keys under which @Processor and @Process store their options; @nestjs/bull reads them
// with these constants and does not re-export them.
import { BULL_MODULE_QUEUE, BULL_MODULE_QUEUE_PROCESS } from '@nestjs/bull/dist/bull.constants';
import { JobHandler, jobsWithoutHandler } from '@app/jobs';
import { MissingProcessorError } from './missing-processor.error';

/** The job handlers that the @Processor classes declare with @Process. */
export function jobHandlers(processors: readonly Type[]): JobHandler[] {
  return processors.flatMap((processor) => {
    const queue = (
      Reflect.getMetadata(BULL_MODULE_QUEUE, processor) as { name?: string } | undefined
    )?.name;
    if (queue === undefined) {
      return [];
    }
    const prototype = processor.prototype as object;
    return Object.getOwnPropertyNames(prototype).flatMap((method) => {
      const value: unknown = Object.getOwnPropertyDescriptor(prototype, method)?.value;
      const process =
        typeof value === 'function'
          ? (Reflect.getMetadata(BULL_MODULE_QUEUE_PROCESS, value) as { name?: string } | undefined)
          : undefined;
      return process ? [{ queue, name: process.name }] : [];
    });
  });
}

/**
 * Throws MissingProcessorError, naming each one, when a job name of a queue has no @Process
 * handler among `processors`, so that a worker missing one refuses to start instead of leaving
 * those jobs undelivered.
 */
export function requireProcessorForEveryJob(processors: readonly Type[]): void {
  const missing = jobsWithoutHandler(jobHandlers(processors));
  if (missing.length > 0) {
    throw new MissingProcessorError(missing);
  }
}
