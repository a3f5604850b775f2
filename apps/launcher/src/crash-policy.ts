/** Crashes within this window count together; older ones are forgiven. */
export const CRASH_WINDOW_MS = 5 * 60_000;
/** More crashes than this within the window, and the launcher gives up. */
export const MAX_CRASHES_IN_WINDOW = 5;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/**
 * When to restart a child that crashed: after 1 s, then 2, 4, 8 ... up to 30 s while it keeps
 * crashing, and not at all once it crashed more than MAX_CRASHES_IN_WINDOW times within
 * CRASH_WINDOW_MS (a wrong setting or a broken install does not heal by restarting).
 */
export class CrashPolicy {
  private crashes: number[] = [];

  /** Records a crash at `now`; the delay before the restart, or null to give up. */
  restartDelayMs(now: number): number | null {
    this.crashes = [...this.crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES_IN_WINDOW) {
      return null;
    }
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.crashes.length - 1));
  }
}
