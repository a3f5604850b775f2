import { SeededRandom } from '../demo/seeded-random';
import { liftedLeverageBound } from './audit-arithmetic';

/**
 * The projector onto the span of `vectors` (each of length n), by Gram–Schmidt done twice per
 * vector, as a dense n × n matrix: the test's own computation, not the audit's.
 */
function projectorOnto(vectors: readonly number[][], n: number): number[][] {
  const basis: number[][] = [];
  for (const vector of vectors) {
    const v = [...vector];
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const dot = q.reduce((sum, x, i) => sum + x * v[i], 0);
        q.forEach((x, i) => (v[i] -= dot * x));
      }
    }
    const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    if (norm > 1e-9) {
      basis.push(v.map((x) => x / norm));
    }
  }
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => basis.reduce((sum, q) => sum + q[i] * q[j], 0)),
  );
}

const indicator = (members: readonly number[], n: number): number[] =>
  Array.from({ length: n }, (_, u) => (members.includes(u) ? 1 : 0));

describe('liftedLeverageBound', () => {
  it('is the exact leverage for a company of one unit: a pair sum less its own value', () => {
    // Units 0..3, the sum over {0, 1} released: P[0, 0] = P[0, 1] = P[1, 1] = 1/2. The company
    // of unit 1 learns unit 0's value (leverage 1): 1/2 + (1/2)² / (1 − 1/2) = 1.
    expect(liftedLeverageBound(0.5, 0.25, 0.5)).toBeCloseTo(1, 12);
  });

  it('gives no bound where the company knows (almost) all of its own direction', () => {
    expect(liftedLeverageBound(0.2, 0.1, 1)).toBe(Infinity);
    expect(liftedLeverageBound(0.2, 0.1, 1 - 1e-9)).toBe(Infinity);
  });

  it('never lies below the leverage a company attains, on random released sets', () => {
    const random = new SeededRandom(20261207);
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const n = random.int(4, 12);
      const units = Array.from({ length: n }, (_, u) => u);
      const sets = Array.from({ length: random.int(1, 6) }, () =>
        units.filter(() => random.bernoulli(0.5)),
      ).filter((set) => set.length > 0);
      const company = units.filter(() => random.bernoulli(0.25)).slice(0, 3);
      if (sets.length === 0 || company.length === 0) {
        continue;
      }
      const released = sets.map((set) => indicator(set, n));
      const p = projectorOnto(released, n);
      // What the company can compute: the released sums and its own units' values.
      const attacked = projectorOnto([...released, ...company.map((w) => indicator([w], n))], n);
      const own = company.reduce((sum, w) => sum + p[w][w], 0);
      for (const u of units.filter((unit) => !company.includes(unit))) {
        const reach = company.reduce((sum, w) => sum + p[u][w] * p[u][w], 0);
        expect(attacked[u][u]).toBeLessThanOrEqual(liftedLeverageBound(p[u][u], reach, own) + 1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
