import { readThreadCpuMs } from './thread-cpu-time.util';

/** What a parser thread tells the api as it starts a parse (SpreadsheetParseTask's `started`). */
export interface ParseStart {
  /** The thread in /proc, '<pid>/task/<tid>', or null where its CPU time cannot be read. */
  thread: string | null;
  /** The thread's CPU time in milliseconds as the parse started, or null. */
  cpuMs: number | null;
}

/**
 * How many times its budget a parse may last in wall time, however little CPU it gets: a
 * thread starved by other processes, or one whose CPU time cannot be read, still ends.
 */
export const WALL_BACKSTOP_FACTOR = 5;

/** How often a parse's CPU time is read: a parse overruns its budget by this much at most. */
const POLL_MS = 250;
/** The finest poll, for the tiny budgets of tests: /proc counts CPU time in 10 ms ticks. */
const MIN_POLL_MS = 10;

/** Whether a message from a parser thread is a ParseStart (a message is anything until checked). */
export function isParseStart(message: unknown): message is ParseStart {
  if (typeof message !== 'object' || message === null) {
    return false;
  }
  const { thread, cpuMs } = message as Record<string, unknown>;
  return (
    (thread === null || typeof thread === 'string') && (cpuMs === null || typeof cpuMs === 'number')
  );
}

/**
 * The time budget of one parse: the CPU time its parser thread spends on it, counted from the
 * moment the thread starts it. Neither the wait for a free thread nor the CPU other processes
 * take from a thread at a low priority counts, so that a refusal depends on the file and not on
 * the queue or the machine's load. Where the thread's CPU time cannot be read, its wall time
 * from the start counts instead; in any case the parse ends after WALL_BACKSTOP_FACTOR times
 * the budget in wall time. `signal` is aborted once the parse is past its budget.
 */
export class ParseTimeBudget {
  private readonly controller = new AbortController();
  /** Aborted once the parse is past its budget; it never is before `start`. */
  readonly signal: AbortSignal = this.controller.signal;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /** `readCpuMs`: a thread's CPU time in ms, or null; /proc's by default (tests pass theirs). */
  constructor(
    readonly limitMs: number,
    private readonly readCpuMs: (thread: string) => number | null = readThreadCpuMs,
  ) {}

  /** The thread has started the parse: from now on its time counts. */
  start(started: ParseStart): void {
    if (this.stopped || this.timer !== undefined) {
      return;
    }
    const startedAt = performance.now();
    this.timer = setInterval(
      () => {
        const wallMs = performance.now() - startedAt;
        if (
          this.spentMs(started, wallMs) > this.limitMs ||
          wallMs > WALL_BACKSTOP_FACTOR * this.limitMs
        ) {
          this.stop();
          this.controller.abort();
        }
      },
      Math.min(POLL_MS, Math.max(MIN_POLL_MS, this.limitMs)),
    );
    // The pending parse holds the process, not its watch.
    this.timer.unref();
  }

  /** The parse has ended (or was never started): no more reads. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private spentMs(started: ParseStart, wallMs: number): number {
    if (started.thread === null || started.cpuMs === null) {
      return wallMs;
    }
    const cpuMs = this.readCpuMs(started.thread);
    return cpuMs === null ? wallMs : cpuMs - started.cpuMs;
  }
}
