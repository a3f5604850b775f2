/**
 * Student's t distribution, as far as a correlation's p-value needs it: the two-sided tail
 * probability, through the regularized incomplete beta function. No library in the project
 * offers it, and the few lines below are the textbook method (Numerical Recipes in C, 2nd ed.,
 * §6.1 and §6.4), in double precision.
 */

/**
 * Lanczos coefficients for g = 7, n = 9 (the set published with Paul Godfrey's notes and used by
 * many numerical libraries): relative accuracy about 1e-15 for positive arguments, where the
 * Numerical Recipes set (g = 5) gives only about 2e-10.
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** The continued fraction stops when a step changes it by less than this (relative). */
const EPSILON = 1e-15;
/**
 * It needs O(sqrt(max(a, b))) steps; with a = df / 2 that is a few hundred at 100,000 units, so
 * the cap only guards against a loop that would not end on a NaN.
 */
const MAX_ITERATIONS = 10_000;
/** Keeps Lentz's denominators away from zero. */
const TINY = 1e-300;

/**
 * ln Γ(z) for z > 0, by the Lanczos approximation; below 0.5 through Γ(z) = Γ(z + 1) / z, so that
 * the approximation is only used where it is accurate.
 */
export function logGamma(z: number): number {
  if (!(z > 0)) {
    throw new RangeError(`logGamma needs a positive argument, got ${z}`);
  }
  if (z < 0.5) {
    return logGamma(z + 1) - Math.log(z);
  }
  const w = z - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) {
    series += LANCZOS[i] / (w + i);
  }
  const t = w + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (w + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * The continued fraction of I_x(a, b) (NR `betacf`), evaluated by the modified Lentz method:
 * the convergents are carried as the ratios C and D instead of numerators and denominators,
 * which would overflow. It converges fast for x < (a + 1) / (a + b + 2).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) {
    d = TINY;
  }
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // The even step d_{2m} of the fraction.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) {
      c = TINY;
    }
    d = 1 / d;
    h *= d * c;
    // The odd step d_{2m+1}.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) {
      c = TINY;
    }
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) {
      return h;
    }
  }
  throw new RangeError(`incomplete beta did not converge for a=${a} b=${b} x=${x}`);
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), by the continued
 * fraction of Numerical Recipes (2nd ed., §6.4, `betai`): the prefactor x^a (1 − x)^b / (a B(a, b))
 * times the fraction, taken directly where it converges fast (x < (a + 1) / (a + b + 2)) and
 * otherwise through the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
 *
 * @param x 0..1
 * @param a > 0
 * @param b > 0
 * @param complement 1 − x, when the caller has it more precisely than 1 − x (default 1 − x)
 */
export function regularizedIncompleteBeta(
  x: number,
  a: number,
  b: number,
  complement: number = 1 - x,
): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new RangeError(`incomplete beta undefined for x=${x} a=${a} b=${b}`);
  }
  if (x === 0 || complement === 0) {
    return x === 0 ? 0 : 1;
  }
  const logPrefactor =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(complement);
  const prefactor = Math.exp(logPrefactor);
  if (x < (a + 1) / (a + b + 2)) {
    return (prefactor * betaContinuedFraction(a, b, x)) / a;
  }
  return 1 - (prefactor * betaContinuedFraction(b, a, complement)) / b;
}

/**
 * The two-sided tail probability P(|T| ≥ |t|) of Student's t distribution with `df` degrees of
 * freedom: I_{df / (df + t²)}(df / 2, 1 / 2) (Numerical Recipes, 2nd ed., §6.4, eq. 6.4.9).
 * 1 at t = 0, 0 for an infinite t.
 *
 * @param t the t statistic, any sign
 * @param df degrees of freedom, > 0 (need not be an integer)
 */
export function studentTTwoSidedPValue(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) {
    throw new RangeError(`t distribution undefined for t=${t} df=${df}`);
  }
  if (!Number.isFinite(t)) {
    return 0;
  }
  const t2 = t * t;
  // 1 − x is computed as t² / (df + t²) rather than by subtraction: near t = 0 the subtraction
  // would cancel all digits of the small tail the fraction is then evaluated in.
  const p = regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  return Math.min(1, Math.max(0, p));
}
