import { SeededRandom } from '../demo/seeded-random';
import { spearman } from './spearman';
import { spearmanPairs } from './spearman-matrix';

/** Columns of integers 0..9 (many ties), each value missing with the given probability. */
function randomColumns(
  random: SeededRandom,
  count: number,
  units: number,
  missing: readonly number[],
): Float64Array[] {
  return Array.from({ length: count }, (_, k) =>
    Float64Array.from({ length: units }, () =>
      random.next() < missing[k] ? Number.NaN : random.int(0, 9),
    ),
  );
}

describe('spearmanPairs', () => {
  it('equals spearman of every pair, to the bit, with ties and missing values', () => {
    // Missing shares from none (complete columns) to most, so common units differ per pair.
    const columns = randomColumns(new SeededRandom(7), 5, 800, [0, 0, 0.1, 0.5, 0.9]);
    const pairs = spearmanPairs(columns);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
      [3, 4],
    ]);
    for (const { a, b, ...result } of pairs) {
      expect(result).toEqual(spearman(columns[a], columns[b]));
    }
  });

  it('re-ranks on the common units: the hand-worked example inside larger columns', () => {
    // The pairs of spearman.spec's first example (rho = 29/38), plus units that only one of the
    // two columns has; with their values the ranks among all units would differ.
    const nan = Number.NaN;
    const x = Float64Array.from([10, 0, 20, 20, 30, 99, 40, nan]);
    const y = Float64Array.from([1, nan, 3, 2, 2, nan, 5, -4]);
    const [pair] = spearmanPairs([x, y]);
    expect(pair.n).toBe(5);
    expect(pair.rho).toBeCloseTo(29 / 38, 14);
  });

  it('computes only the pairs it is asked for', () => {
    const columns = randomColumns(new SeededRandom(3), 4, 50, [0, 0, 0, 0]);
    const pairs = spearmanPairs(columns, (a, b) => a === 0 || b === 3);
    expect(pairs.map(({ a, b }) => `${a}-${b}`)).toEqual(['0-1', '0-2', '0-3', '1-3', '2-3']);
  });

  it('has no rho for a pair without common units', () => {
    const nan = Number.NaN;
    const [pair] = spearmanPairs([
      Float64Array.from([1, 2, nan]),
      Float64Array.from([nan, nan, 3]),
    ]);
    expect(pair).toEqual({ a: 0, b: 1, n: 0, rho: null, pValue: null });
  });

  it('refuses columns of different lengths and infinite values', () => {
    expect(() => spearmanPairs([new Float64Array(3), new Float64Array(4)])).toThrow(RangeError);
    expect(() =>
      spearmanPairs([Float64Array.from([1, Number.NEGATIVE_INFINITY]), new Float64Array(2)]),
    ).toThrow(RangeError);
  });
});
