import { spearman, spearmanPValue } from './spearman';

/**
 * Expected values are worked out by hand in the comments or come from closed forms of the t
 * distribution (1 df: Cauchy; 2 df: P(|T| >= t) = 1 − |t| / sqrt(2 + t²); 3 df: see
 * student-t.spec.ts) and from the printed t table (NIST/SEMATECH e-Handbook of Statistical
 * Methods, 1.3.6.7.2).
 */
describe('spearman', () => {
  it('averages tied ranks on both sides (n = 5)', () => {
    // x: 10 20 20 30 40 -> ranks 1, 2.5, 2.5, 4, 5 (the two 20s share ranks 2 and 3).
    // y:  1  3  2  2  5 -> sorted 1, 2, 2, 3, 5: ranks 1, 4, 2.5, 2.5, 5.
    // Mean rank c = 3. x − c: -2, -0.5, -0.5, 1, 2; y − c: -2, 1, -0.5, -0.5, 2.
    // Sxy = 4 − 0.5 + 0.25 − 0.5 + 4 = 7.25; Sxx = 4 + 0.25 + 0.25 + 1 + 4 = 9.5; Syy = 9.5.
    // rho = 7.25 / 9.5 = 29/38 ≈ 0.7632. (The no-ties shortcut 1 − 6Σd²/(n(n²−1)) would give
    // 1 − 6 · 4.5 / 120 = 0.775: the ties must be corrected for.)
    const result = spearman([10, 20, 20, 30, 40], [1, 3, 2, 2, 5]);
    expect(result.n).toBe(5);
    expect(result.rho).toBeCloseTo(29 / 38, 14);
    // 3 df: t = rho sqrt(3 / (1 − rho²)), θ = atan(t / √3), p = 1 − (2/π)(θ + sin θ cos θ).
    const rho = 29 / 38;
    const t = rho * Math.sqrt(3 / (1 - rho * rho));
    const theta = Math.atan(t / Math.sqrt(3));
    const p = 1 - (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta));
    expect(result.pValue).toBeCloseTo(p, 12);
  });

  it('gives a negative rho with ties and p = 1 − |rho| at n = 4', () => {
    // x: 1 1 2 3 -> ranks 1.5, 1.5, 3, 4;  y: 4 3 3 1 -> ranks 4, 2.5, 2.5, 1.  c = 2.5.
    // x − c: -1, -1, 0.5, 1.5;  y − c: 1.5, 0, 0, -1.5.
    // Sxy = -1.5 + 0 + 0 − 2.25 = -3.75; Sxx = 1 + 1 + 0.25 + 2.25 = 4.5; Syy = 2.25 + 2.25 = 4.5.
    // rho = -3.75 / 4.5 = -5/6. With 2 df, t² = 2 rho² / (1 − rho²) and 2 + t² = 2 / (1 − rho²),
    // so p = 1 − |t| / sqrt(2 + t²) = 1 − |rho| = 1/6.
    const result = spearman([1, 1, 2, 3], [4, 3, 3, 1]);
    expect(result.n).toBe(4);
    expect(result.rho).toBeCloseTo(-5 / 6, 14);
    expect(result.pValue).toBeCloseTo(1 / 6, 12);
  });

  it('computes an n = 3 case against the Cauchy distribution', () => {
    // Ranks 1 2 3 against 1 3 2: x − c = -1, 0, 1; y − c = -1, 1, 0; Sxy = 1, Sxx = Syy = 2,
    // rho = 1/2. With 1 df, t = rho / sqrt(1 − rho²) = tan(asin rho) = tan(π/6), and
    // p = 1 − (2/π) atan t = 1 − (2/π)(π/6) = 2/3.
    const result = spearman([5, 6, 7], [10, 30, 20]);
    expect(result).toEqual({
      n: 3,
      rho: expect.closeTo(0.5, 14),
      pValue: expect.closeTo(2 / 3, 12),
    });
  });

  it('uses only the pairs in which both values are present', () => {
    // The first example with three incomplete pairs added: same ranks, same rho.
    const result = spearman(
      [10, null, 20, 20, 30, Number.NaN, 40, 7],
      [1, 7, 3, 2, 2, 9, 5, undefined],
    );
    expect(result.n).toBe(5);
    expect(result.rho).toBeCloseTo(29 / 38, 14);
  });

  it('gives exactly 1 and p = 0 for a perfect monotone, non-linear relation', () => {
    const x = [1, 2, 3, 4, 5, 6, 7];
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v)),
      ),
    ).toEqual({ n: 7, rho: 1, pValue: 0 });
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toEqual({ n: 7, rho: -1, pValue: 0 });
  });

  it('gives exactly 1 when the two samples have the same ties', () => {
    // Ranks 1, 2.5, 2.5, 4 on both sides.
    expect(spearman([1, 2, 2, 3], [5, 7, 7, 9])).toEqual({ n: 4, rho: 1, pValue: 0 });
  });

  it('has no p-value below 3 pairs and no rho below 2 or for a constant sample', () => {
    expect(spearman([1, 2], [3, 4])).toEqual({ n: 2, rho: 1, pValue: null });
    expect(spearman([1], [3])).toEqual({ n: 1, rho: null, pValue: null });
    expect(spearman([], [])).toEqual({ n: 0, rho: null, pValue: null });
    expect(spearman([4, 4, 4, 4], [1, 2, 3, 4])).toEqual({ n: 4, rho: null, pValue: null });
  });

  it('does not depend on the order of the pairs', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4];
    const order = [10, 3, 7, 0, 5, 1, 9, 2, 8, 4, 6];
    expect(
      spearman(
        order.map((i) => x[i]),
        order.map((i) => y[i]),
      ),
    ).toEqual(spearman(x, y));
  });

  it('refuses samples of different lengths and infinite values', () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => spearman([1, 2, Number.POSITIVE_INFINITY], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('spearmanPValue', () => {
  it('gives 0.05 at the critical t of the table for n = 10', () => {
    // NIST/SEMATECH table: t = 2.306 is the two-sided 5 % point with 8 df. The rho that gives
    // this t with n = 10 solves t = rho sqrt(8 / (1 − rho²)): rho = t / sqrt(8 + t²) ≈ 0.632.
    const t = 2.306;
    expect(spearmanPValue(t / Math.sqrt(8 + t * t), 10)).toBeCloseTo(0.05, 3);
    expect(spearmanPValue(-t / Math.sqrt(8 + t * t), 10)).toBeCloseTo(0.05, 3);
  });

  it('gives 0.01 at the critical t of the table for n = 22', () => {
    // 2.845 is the two-sided 1 % point with 20 df.
    const t = 2.845;
    expect(spearmanPValue(t / Math.sqrt(20 + t * t), 22)).toBeCloseTo(0.01, 3);
  });

  it('is 1 for rho = 0, 0 for rho = ±1 and null below n = 3', () => {
    expect(spearmanPValue(0, 30)).toBe(1);
    expect(spearmanPValue(1, 30)).toBe(0);
    expect(spearmanPValue(-1, 4)).toBe(0);
    expect(spearmanPValue(0.5, 2)).toBeNull();
  });

  it('refuses a rho outside -1..1', () => {
    expect(() => spearmanPValue(1.2, 10)).toThrow(RangeError);
  });
});
