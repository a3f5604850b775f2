/**
 * Lets at most `permits` tasks run at once; the others wait in order of arrival. Enough for
 * the renderer's pool of pages, so no dependency is needed for it.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly permits: number) {
    if (!Number.isInteger(permits) || permits < 1) {
      throw new RangeError(`Semaphore permits must be a positive integer, got ${permits}`);
    }
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a permit. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once a permit is free and frees the permit when it settles. */
  async use<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.permits) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      // The permit passes straight to the next task: `active` stays as it is.
      next();
    } else {
      this.active -= 1;
    }
  }
}
