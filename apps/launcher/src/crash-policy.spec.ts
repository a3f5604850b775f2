import { CRASH_WINDOW_MS, CrashPolicy } from './crash-policy';

describe('CrashPolicy', () => {
  it('restarts after 1, 2, 4, 8 and 16 s and gives up at the sixth crash within the window', () => {
    const policy = new CrashPolicy();
    const delays = [0, 10, 20, 30, 40, 50].map((s) => policy.restartDelayMs(s * 1000));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, null]);
  });

  it('forgives crashes older than the window', () => {
    const policy = new CrashPolicy();
    for (let i = 0; i < 5; i++) {
      policy.restartDelayMs(i * 1000);
    }
    // Every earlier crash lies more than the window back: this one counts as the first.
    expect(policy.restartDelayMs(4000 + CRASH_WINDOW_MS)).toBe(1000);
  });
});
