import { quantile, quantileLinear, quantileLocalMean } from './quantiles';

describe('quantileLinear', () => {
  it('returns the only observation for every p when n = 1', () => {
    for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
      expect(quantileLinear([7], p)).toBe(7);
    }
  });

  it('interpolates between the two observations when n = 2', () => {
    // h = (2 - 1) p = p, so the result is 10 + p (20 - 10).
    expect(quantileLinear([10, 20], 0)).toBe(10);
    expect(quantileLinear([10, 20], 0.25)).toBe(12.5);
    expect(quantileLinear([10, 20], 0.5)).toBe(15);
    expect(quantileLinear([10, 20], 0.9)).toBe(19);
    expect(quantileLinear([10, 20], 1)).toBe(20);
  });

  it('hits the observations at h = 1, 2, 3 when n = 5 and interpolates at P10 and P90', () => {
    const sorted = [10, 20, 30, 40, 50];
    // P25: h = 4 * 0.25 = 1 -> x[1]; P50: h = 2; P75: h = 3.
    expect(quantileLinear(sorted, 0.25)).toBe(20);
    expect(quantileLinear(sorted, 0.5)).toBe(30);
    expect(quantileLinear(sorted, 0.75)).toBe(40);
    // P10: h = 0.4 -> 10 + 0.4 * 10 = 14; P90: h = 3.6 -> 40 + 0.6 * 10 = 46.
    expect(quantileLinear(sorted, 0.1)).toBeCloseTo(14, 12);
    expect(quantileLinear(sorted, 0.9)).toBeCloseTo(46, 12);
  });

  it('computes the five statistics of ten irregular values', () => {
    const sorted = [3, 7, 8, 12, 13, 14, 18, 21, 30, 40];
    // h = 9p. P10: h = 0.9 -> 3 + 0.9 * (7 - 3) = 6.6
    expect(quantileLinear(sorted, 0.1)).toBeCloseTo(6.6, 12);
    // P25: h = 2.25 -> 8 + 0.25 * (12 - 8) = 9
    expect(quantileLinear(sorted, 0.25)).toBe(9);
    // P50: h = 4.5 -> 13 + 0.5 * (14 - 13) = 13.5
    expect(quantileLinear(sorted, 0.5)).toBe(13.5);
    // P75: h = 6.75 -> 18 + 0.75 * (21 - 18) = 20.25
    expect(quantileLinear(sorted, 0.75)).toBe(20.25);
    // P90: h = 8.1 -> 30 + 0.1 * (40 - 30) = 31
    expect(quantileLinear(sorted, 0.9)).toBeCloseTo(31, 12);
  });

  it('handles ties', () => {
    // h = 3p. P50: h = 1.5 between 5 and 5; P75: h = 2.25 -> 5 + 0.25 * (9 - 5) = 6.
    expect(quantileLinear([5, 5, 5, 9], 0.5)).toBe(5);
    expect(quantileLinear([5, 5, 5, 9], 0.75)).toBe(6);
    expect(quantileLinear([4, 4, 4, 4], 0.9)).toBe(4);
  });

  it('handles negative values', () => {
    const sorted = [-30, -10, 0, 10];
    // P50: h = 1.5 -> -10 + 0.5 * 10 = -5; P10: h = 0.3 -> -30 + 0.3 * 20 = -24.
    expect(quantileLinear(sorted, 0.5)).toBe(-5);
    expect(quantileLinear(sorted, 0.1)).toBeCloseTo(-24, 12);
    expect(quantileLinear(sorted, 0)).toBe(-30);
    expect(quantileLinear(sorted, 1)).toBe(10);
  });

  it('returns the observation itself, untouched, at an integer position', () => {
    // h = 2 * 0.5 = 1: 0.2 exactly, not 0.1 + (0.3 - 0.1) * 0.5.
    expect(quantileLinear([0.1, 0.2, 0.3], 0.5)).toBe(0.2);
  });

  it('accepts typed arrays', () => {
    expect(quantileLinear(new Float64Array([1, 2, 3, 4]), 0.5)).toBe(2.5);
  });

  it('refuses an empty array and a p outside 0..1', () => {
    expect(() => quantileLinear([], 0.5)).toThrow(RangeError);
    expect(() => quantileLinear([1], 1.5)).toThrow(RangeError);
    expect(() => quantileLinear([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('quantileLocalMean', () => {
  // Powers of two: every mean of three of them is a different number.
  const sorted = [1, 2, 4, 8, 16, 32, 64];

  it('takes the observation at an integer position and its two neighbours', () => {
    // P50: h = 6 * 0.5 = 3 -> indices 2, 3, 4 -> (4 + 8 + 16) / 3
    expect(quantileLocalMean(sorted, 0.5)).toBe(28 / 3);
  });

  it('takes the nearer side when the position lies between two observations', () => {
    // h = 3.6: nearest 4 (0.4), 3 (0.6), then 5 (1.4) before 2 (1.6) -> (8 + 16 + 32) / 3
    expect(quantileLocalMean(sorted, 0.6)).toBe(56 / 3);
    // P10: h = 0.6: nearest 1, 0, then 2 -> (1 + 2 + 4) / 3
    expect(quantileLocalMean(sorted, 0.1)).toBe(7 / 3);
    // P90: h = 5.4: nearest 5, 6, then 4 (1.4) before 7 (out of range) -> (16 + 32 + 64) / 3
    expect(quantileLocalMean(sorted, 0.9)).toBe(112 / 3);
  });

  it('breaks a tie toward the lower index', () => {
    // P25: h = 1.5: 1 and 2 (0.5 each), then 0 and 3 tie at 1.5 -> 0 -> (1 + 2 + 4) / 3
    expect(quantileLocalMean(sorted, 0.25)).toBe(7 / 3);
    // P75: h = 4.5: 4 and 5, then 3 and 6 tie -> 3 -> (8 + 16 + 32) / 3
    expect(quantileLocalMean(sorted, 0.75)).toBe(56 / 3);
  });

  it('keeps the window inside the array at both ends', () => {
    expect(quantileLocalMean(sorted, 0)).toBe(7 / 3);
    expect(quantileLocalMean(sorted, 1)).toBe(112 / 3);
  });

  it('averages all observations when there are fewer than three', () => {
    expect(quantileLocalMean([5], 0.9)).toBe(5);
    expect(quantileLocalMean([4, 10], 0.1)).toBe(7);
  });

  it('never publishes a single raw value when the three differ', () => {
    expect(quantileLocalMean([3, 6, 9], 0.5)).toBe(6);
    expect(quantileLocalMean([3, 6, 12], 0.5)).toBe(7);
  });
});

describe('quantile', () => {
  it('dispatches on the method', () => {
    expect(quantile([1, 2, 4, 8], 0.5, 'linear')).toBe(3);
    // h = 1.5: 1 and 2, then 0 and 3 tie -> 0 -> (1 + 2 + 4) / 3
    expect(quantile([1, 2, 4, 8], 0.5, 'local_mean')).toBe(7 / 3);
  });
});
