/** The worker was built without a processor for a job that a queue delivers. */
export class MissingProcessorError extends Error {
  constructor(missing: readonly { queue: string; name: string }[]) {
    super(
      `The worker has no processor for ${missing
        .map(({ queue, name }) => `job '${name}' of queue '${queue}'`)
        .join(', ')}: such jobs would wait in Redis for ever`,
    );
    this.name = 'MissingProcessorError';
  }
}
