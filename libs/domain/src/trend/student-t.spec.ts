import { logGamma, regularizedIncompleteBeta, studentTTwoSidedPValue } from './student-t';

/**
 * Reference values in this file never come from the code under test: closed forms of the t
 * distribution for 1 to 4 degrees of freedom (derived in the comments), critical values of the
 * printed t table (NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2, "Critical
 * Values of the Student's t Distribution", three decimals), and a numerical integration of the
 * density written out here.
 */
describe('logGamma', () => {
  it('matches known values of the gamma function', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    // Γ(1/2) = √π; Γ(10) = 9! = 362880.
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    // Γ(7/2) = (5/2)(3/2)(1/2)√π = 15√π / 8.
    expect(logGamma(3.5)).toBeCloseTo(Math.log((15 * Math.sqrt(Math.PI)) / 8), 13);
    // Γ(0.1) = Γ(1.1) / 0.1 with Γ(1.1) = 0.951350769866873 (Abramowitz and Stegun, table 6.1).
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 12);
  });

  it('refuses a non-positive argument', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches the closed forms for b = 1 and a = 1', () => {
    // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13);
    expect(regularizedIncompleteBeta(0.8, 4, 1)).toBeCloseTo(0.8 ** 4, 13);
    expect(regularizedIncompleteBeta(0.3, 1, 3)).toBeCloseTo(1 - 0.7 ** 3, 13);
    expect(regularizedIncompleteBeta(0.42, 1, 1)).toBeCloseTo(0.42, 13);
  });

  it('is 1/2 at x = 1/2 when a = b, by symmetry', () => {
    expect(regularizedIncompleteBeta(0.5, 3, 3)).toBeCloseTo(0.5, 13);
    expect(regularizedIncompleteBeta(0.5, 40.5, 40.5)).toBeCloseTo(0.5, 12);
  });

  it('is 0 and 1 at the ends and refuses arguments outside its domain', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.1, 2, 3)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(RangeError);
  });
});

describe('studentTTwoSidedPValue', () => {
  it('matches the Cauchy distribution at 1 degree of freedom', () => {
    // With 1 df the t distribution is Cauchy: P(|T| >= t) = 1 − (2/π) atan|t|.
    expect(studentTTwoSidedPValue(1, 1)).toBeCloseTo(0.5, 13);
    expect(studentTTwoSidedPValue(Math.sqrt(3), 1)).toBeCloseTo(1 / 3, 13);
    expect(studentTTwoSidedPValue(-7.5, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(7.5), 13);
  });

  it('matches the closed form at 2 degrees of freedom', () => {
    // F(t) = 1/2 + t / (2 sqrt(2 + t²)), so P(|T| >= t) = 1 − |t| / sqrt(2 + t²).
    expect(studentTTwoSidedPValue(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 13);
    expect(studentTTwoSidedPValue(0.25, 2)).toBeCloseTo(1 - 0.25 / Math.sqrt(2.0625), 13);
  });

  it('matches the closed form at 3 degrees of freedom', () => {
    // F(t) = 1/2 + (1/π) (u / (1 + u²) + atan u) with u = t / √3, so with θ = atan u
    // P(|T| >= t) = 1 − (2/π) (θ + sin θ cos θ).
    for (const t of [0.5, 1.7, 4.2]) {
      const theta = Math.atan(t / Math.sqrt(3));
      const expected = 1 - (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta));
      expect(studentTTwoSidedPValue(t, 3)).toBeCloseTo(expected, 13);
    }
  });

  it('matches the closed form at 4 degrees of freedom', () => {
    // P(|T| < t) = I_x(1/2, 2) with x = t² / (t² + 4); B(1/2, 2) = 4/3 and
    // ∫0^x s^(-1/2) (1 − s) ds = 2 x^(1/2) − (2/3) x^(3/2), so P(|T| >= t) = 1 − √x (3 − x) / 2.
    for (const t of [0.3, 2.776, 6]) {
      const x = (t * t) / (t * t + 4);
      expect(studentTTwoSidedPValue(t, 4)).toBeCloseTo(1 - (Math.sqrt(x) * (3 - x)) / 2, 13);
    }
  });

  it('gives the levels of the printed t table at its critical values', () => {
    // NIST/SEMATECH table 1.3.6.7.2: upper critical values for one-sided 0.025 and 0.005,
    // i.e. two-sided 0.05 and 0.01. Three printed decimals move p by at most about 1e-4.
    const table: Array<[df: number, t: number, p: number]> = [
      [4, 2.776, 0.05],
      [8, 2.306, 0.05],
      [8, 3.355, 0.01],
      [10, 2.228, 0.05],
      [10, 3.169, 0.01],
      [20, 2.086, 0.05],
      [20, 2.845, 0.01],
      [100, 1.984, 0.05],
    ];
    for (const [df, t, p] of table) {
      expect(Math.abs(studentTTwoSidedPValue(t, df) - p)).toBeLessThan(2e-4);
    }
  });

  it('agrees with a numerical integration of the density at 7 degrees of freedom', () => {
    // f(s) = c (1 + s²/7)^-4 with c = Γ(4) / (√(7π) Γ(7/2)) = 6 / (√(7π) · 15√π / 8)
    //      = 16 / (5π√7); P(|T| >= t) = 1 − 2 ∫0^t f, by Simpson's rule on 2000 intervals.
    const c = 16 / (5 * Math.PI * Math.sqrt(7));
    const density = (s: number): number => c * (1 + (s * s) / 7) ** -4;
    const t = 1.5;
    const intervals = 2000;
    const h = t / intervals;
    let sum = density(0) + density(t);
    for (let i = 1; i < intervals; i++) {
      sum += (i % 2 === 1 ? 4 : 2) * density(i * h);
    }
    const integral = (sum * h) / 3;
    expect(studentTTwoSidedPValue(t, 7)).toBeCloseTo(1 - 2 * integral, 11);
  });

  it('approaches the normal distribution for very many degrees of freedom', () => {
    // 1.959963984540054 is the 97.5 % point of the standard normal distribution; the t
    // distribution with 10^6 df differs from it by about 1e-7 there.
    expect(studentTTwoSidedPValue(1.959963984540054, 1e6)).toBeCloseTo(0.05, 6);
    // And with 9,998 df (a correlation of 10,000 units) the table's last row, 1.960, holds.
    expect(Math.abs(studentTTwoSidedPValue(1.96, 9998) - 0.05)).toBeLessThan(1e-4);
  });

  it('is 1 at t = 0, 0 at an infinite t, and symmetric in t', () => {
    expect(studentTTwoSidedPValue(0, 5)).toBe(1);
    expect(studentTTwoSidedPValue(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(studentTTwoSidedPValue(-2.5, 12)).toBe(studentTTwoSidedPValue(2.5, 12));
  });

  it('refuses a NaN statistic and non-positive degrees of freedom', () => {
    expect(() => studentTTwoSidedPValue(Number.NaN, 5)).toThrow(RangeError);
    expect(() => studentTTwoSidedPValue(1, 0)).toThrow(RangeError);
  });
});
