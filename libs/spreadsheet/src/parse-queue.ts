/**
 * The parses waiting for a parser thread, first come first served, in front of piscina: at
 * most `threads` parses are handed to piscina at once. Piscina (with no thread kept when idle)
 * starts a thread for a task it is handed, but none for the tasks in its own queue when it
 * stops a thread (a parse past its budget, a heap out of memory): those would wait until the
 * next upload arrived. Handed over only when a thread is free, each parse starts the thread it
 * needs.
 */
export class ParseQueue {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(threads: number) {
    this.free = threads;
  }

  /** Runs `parse` once fewer than `threads` parses run, after those that came before it. */
  async run<T>(parse: () => Promise<T>): Promise<T> {
    if (this.free > 0) {
      this.free -= 1;
    } else {
      // release() hands its place on to the first waiting parse.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await parse();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.free += 1;
    } else {
      next();
    }
  }
}
