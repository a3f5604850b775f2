import { bigAbs, bigGcdOf, BIGINTS } from './exposure-arithmetic.test-util';
import { distinctSums } from './exposure-atoms.test-util';
import { Exposure, ExposureProof, ReleasedSum, SumLedger } from './sum-ledger.test-util';

/**
 * The slow, plain check: Gauss-Jordan over the rationals (BigInt) on the unit-level equations
 * of one attacker, each row carrying the combination of released sums it stands for. No atoms,
 * no fingerprints: it confirms what `findExposures` reports and stands in for it in tests.
 */
export class UnitLevelSolver {
  private readonly sums: ReleasedSum[];
  private readonly column = new Map<number, number>();
  private readonly basis: Array<{ v: bigint[]; c: bigint[]; pivot: number }> = [];

  constructor(
    ledger: SumLedger,
    private readonly attacker: string,
  ) {
    this.sums = distinctSums(ledger.sums);
    const unknown = (u: number): boolean => ledger.owners[u] !== attacker;
    for (const sum of this.sums) {
      for (const u of sum.units) {
        if (unknown(u) && !this.column.has(u)) {
          this.column.set(u, this.column.size);
        }
      }
    }
    this.sums.forEach((sum, s) => {
      const v = new Array<bigint>(this.column.size).fill(0n);
      for (const u of sum.units) {
        const x = this.column.get(u);
        if (x !== undefined) {
          v[x] = 1n;
        }
      }
      const c = new Array<bigint>(this.sums.length).fill(0n);
      c[s] = 1n;
      this.insert(v, c);
    });
  }

  /** The units (not the attacker's) that appear in some released sum. */
  get unknowns(): number[] {
    return [...this.column.keys()].sort((a, b) => a - b);
  }

  /**
   * How the attacker computes the sum over `units` (none of them its own), or null when the
   * released sums and its own values do not determine it.
   */
  explain(units: readonly number[]): ExposureProof | null {
    const t = new Array<bigint>(this.column.size).fill(0n);
    for (const u of units) {
      const x = this.column.get(u);
      if (x === undefined) {
        // In no released sum (or the attacker's own): not determined as asked.
        return null;
      }
      t[x] = 1n;
    }
    // Invariant: t = s·e_T − Σ c[k]·sum_k (restricted to the attacker's unknowns).
    let s = 1n;
    const c = new Array<bigint>(this.sums.length).fill(0n);
    for (const row of this.basis) {
      const b = t[row.pivot];
      if (b === 0n) {
        continue;
      }
      const a = row.v[row.pivot];
      for (let x = 0; x < t.length; x++) {
        t[x] = a * t[x] - b * row.v[x];
      }
      s *= a;
      for (let k = 0; k < c.length; k++) {
        c[k] = a * c[k] + b * row.c[k];
      }
      const g = bigGcdOf(c, bigGcdOf(t, bigAbs(s)));
      if (g > 1n) {
        t.forEach((x, i) => (t[i] = x / g));
        c.forEach((x, i) => (c[i] = x / g));
        s /= g;
      }
    }
    if (t.some((x) => x !== 0n)) {
      return null;
    }
    const terms = this.sums.flatMap((sum, k) => {
      if (c[k] === 0n) {
        return [];
      }
      const negative = c[k] < 0n !== s < 0n;
      const numerator = bigAbs(c[k]);
      const denominator = bigAbs(s);
      const g = BIGINTS.gcd(numerator, denominator);
      const fraction =
        denominator / g === 1n ? `${numerator / g}` : `${numerator / g}/${denominator / g}`;
      return [{ label: sum.label, coefficient: `${negative ? '-' : '+'}${fraction}` }];
    });
    return { terms };
  }

  private insert(v: bigint[], c: bigint[]): void {
    for (const row of this.basis) {
      const b = v[row.pivot];
      if (b !== 0n) {
        const a = row.v[row.pivot];
        for (let x = 0; x < v.length; x++) {
          v[x] = a * v[x] - b * row.v[x];
        }
        for (let k = 0; k < c.length; k++) {
          c[k] = a * c[k] - b * row.c[k];
        }
      }
    }
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot < 0) {
      return;
    }
    const sign = v[pivot] < 0n ? -1n : 1n;
    const g = bigGcdOf(c, bigGcdOf(v)) * sign;
    v.forEach((x, i) => (v[i] = x / g));
    c.forEach((x, i) => (c[i] = x / g));
    for (const row of this.basis) {
      const b = row.v[pivot];
      if (b !== 0n) {
        const a = v[pivot];
        for (let x = 0; x < v.length; x++) {
          row.v[x] = a * row.v[x] - b * v[x];
        }
        for (let k = 0; k < c.length; k++) {
          row.c[k] = a * row.c[k] - b * c[k];
        }
        const h = bigGcdOf(row.c, bigGcdOf(row.v));
        if (h > 1n) {
          row.v.forEach((x, i) => (row.v[i] = x / h));
          row.c.forEach((x, i) => (row.c[i] = x / h));
        }
      }
    }
    this.basis.push({ v, c, pivot });
  }
}

/** Confirms an exposure exactly: how the attacker computes it, or null if it cannot. */
export function proveExposure(ledger: SumLedger, exposure: Exposure): ExposureProof | null {
  if (exposure.units.some((u) => ledger.owners[u] === exposure.attacker)) {
    throw new RangeError('an exposure lists one of the attacker\u2019s own units');
  }
  return new UnitLevelSolver(ledger, exposure.attacker).explain(exposure.units);
}

/**
 * Every set of 1 to `minN` − 1 other units whose sum each company can compute, by trying all
 * subsets with `UnitLevelSolver`: for tiny ledgers only, to cross-check `findExposures`.
 */
export function bruteForceExposures(ledger: SumLedger): Exposure[] {
  const exposures: Exposure[] = [];
  for (const attacker of [...new Set(ledger.owners)]) {
    const solver = new UnitLevelSolver(ledger, attacker);
    const unknowns = solver.unknowns;
    const visit = (from: number, chosen: number[]): void => {
      for (let i = from; i < unknowns.length; i++) {
        const units = [...chosen, unknowns[i]];
        if (solver.explain(units) !== null) {
          exposures.push({ attacker, units });
        }
        if (units.length < ledger.minN - 1) {
          visit(i + 1, units);
        }
      }
    };
    visit(0, []);
  }
  return exposures;
}
