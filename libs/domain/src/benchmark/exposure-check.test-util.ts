import {
  addMod,
  FINGERPRINT_SIZE,
  ModularEchelon,
  mulMod,
  negMod,
  PRIME,
} from './exposure-arithmetic.test-util';
import { analyseAtoms, distinctSums } from './exposure-atoms.test-util';
import { Exposure, SumLedger } from './sum-ledger.test-util';

export type { Exposure, ExposureProof, ReleasedSum, SumLedger } from './sum-ledger.test-util';
export { bruteForceExposures, proveExposure, UnitLevelSolver } from './unit-level-solver.test-util';

/**
 * An independent audit of released sums, for tests of the snapshot engine's disclosure control.
 * It knows nothing of the engine: it is given the released linear equations of one family of
 * unknowns (a KPI's values, or the products value x weight of a pooled figure) and the company
 * of every unit, and it answers whether some company (which knows its own units' values) can
 * compute another unit's value or a sum over fewer than `minN` other units.
 *
 * Determined means: the indicator of the set (restricted to the units the attacker does not
 * own) lies in the span of the released sums' membership vectors (restricted the same way).
 *
 * How `findExposures` finds every such set without trying all subsets:
 * - Atoms. Units with the same membership in every released sum form an atom. Every vector in
 *   the span is constant on each atom, so a determined set is a union of atoms (less the
 *   attacker's units), and the membership matrix can be taken over atoms: one column per atom.
 * - Exact echelon form. The atom matrix is brought to reduced row echelon form with integer
 *   rows (fraction-free elimination, each row divided by the gcd of its entries), in doubles
 *   that are checked to stay exact integers, and again in BigInt if they would not. A vector v
 *   is in the row space iff its residual r(v) = v − Σ_i v[pivot_i] / d_i · row_i (zero on the
 *   pivot columns) is zero, and r is linear, so a union T of atoms is determined iff the
 *   residuals of its atoms sum to zero.
 * - The attacker. An atom entirely owned by the attacker is known to it: T is determined for it
 *   iff Σ_{j in T} r(e_j) lies in the span of the residuals of those atoms; in the dual view,
 *   iff every null vector that vanishes on the attacker's atoms vanishes on T. Partly owned
 *   atoms just get smaller.
 * - Fingerprints. Each residual is mapped to GF(p)^8 by 8 random linear functionals, i.e. 8
 *   random combinations of the null vectors (p < 2^26, so every product of two residues is an
 *   exact double). For an attacker, the combinations are re-drawn (solved mod p) to vanish on
 *   its atoms; that changes the fingerprints of few atoms only (see `findExposures`). A set
 *   determined over the rationals has a zero fingerprint sum, because every pivot d_i is
 *   checked to be invertible mod p and the rank of the attacker's atoms is checked to be the
 *   same mod p as over the rationals. So nothing determined is missed; a fingerprint match that
 *   is not a real dependency is practically impossible, and `proveExposure` confirms a finding
 *   with plain BigInt arithmetic on the units anyway.
 * - Search. A set of fewer than `minN` units is a union of at most `minN − 1` atoms. Those with
 *   a zero fingerprint are determined alone; the others are searched by meet-in-the-middle: all
 *   unions of at most ⌈(minN − 1) / 2⌉ atoms are hashed by their fingerprint sum, and each is
 *   looked up with the negated sum of another. This finds every minimal determined set of
 *   fewer than `minN` units (a determined set that contains a determined atom contains a
 *   smaller determined set), which the spec cross-checks against trying every subset.
 */

const isZeroVector = (v: readonly number[]): boolean => v.every((x) => x === 0);

/** The hash key of a fingerprint (sum): its first two coordinates, exact in a double. */
const keyOf = (v: readonly number[]): number => v[0] * PRIME + v[1];
const negatedKeyOf = (v: readonly number[]): number => negMod(v[0]) * PRIME + negMod(v[1]);

/**
 * Calls `visit` with every union of at most `most` of `atoms` (total size at most `budget`)
 * whose first atom is one of the first `firstCount`, and its fingerprint sum. Both arrays are
 * reused for the next call: a visitor that keeps them copies them.
 */
function forEachHalf(
  atoms: readonly number[],
  size: (atom: number) => number,
  fingerprint: (atom: number) => readonly number[],
  most: number,
  budget: number,
  firstCount: number,
  visit: (members: readonly number[], sum: readonly number[]) => void,
): void {
  const members: number[] = [];
  const sums = Array.from({ length: most + 1 }, () => new Array<number>(FINGERPRINT_SIZE).fill(0));
  const extend = (from: number, to: number, total: number): void => {
    const depth = members.length;
    const sum = sums[depth + 1];
    for (let i = from; i < to; i++) {
      const next = total + size(atoms[i]);
      if (next > budget) {
        continue;
      }
      const f = fingerprint(atoms[i]);
      const before = sums[depth];
      for (let t = 0; t < FINGERPRINT_SIZE; t++) {
        sum[t] = addMod(before[t], f[t]);
      }
      members.push(atoms[i]);
      visit(members, sum);
      if (members.length < most) {
        extend(i + 1, atoms.length, next);
      }
      members.pop();
    }
  };
  extend(0, firstCount, 0);
}

/**
 * Unions of at most `most` atoms ("halves" of a sought set), each with its fingerprint sum,
 * hashed by that sum.
 */
class HalfIndex {
  readonly members: number[][] = [];
  readonly sums: number[][] = [];
  private readonly byKey = new Map<number, number[]>();

  /** Every union of at most `most` of `atoms` with total size at most `budget`. */
  static of(
    atoms: readonly number[],
    size: (atom: number) => number,
    fingerprint: (atom: number) => readonly number[],
    most: number,
    budget: number,
  ): HalfIndex {
    const index = new HalfIndex();
    forEachHalf(atoms, size, fingerprint, most, budget, atoms.length, (members, sum) =>
      index.add(members, sum),
    );
    return index;
  }

  add(members: readonly number[], sum: readonly number[]): void {
    const h = this.members.length;
    this.members.push(members.slice());
    this.sums.push(sum.slice());
    const key = keyOf(sum);
    const bucket = this.byKey.get(key);
    if (bucket === undefined) {
      this.byKey.set(key, [h]);
    } else {
      bucket.push(h);
    }
  }

  /** The halves whose sum is −sum (all coordinates compared). */
  complements(sum: readonly number[]): readonly number[] {
    const bucket = this.byKey.get(negatedKeyOf(sum));
    if (bucket === undefined) {
      return NONE;
    }
    return bucket.filter((h) => this.sums[h].every((x, t) => addMod(x, sum[t]) === 0));
  }
}

const NONE: readonly number[] = [];

/**
 * Every company's exposures in the ledger: for each company, unions of atoms (less its own
 * units) of fewer than `minN` units whose sum it can compute. Each minimal such set is listed
 * (some others may be too); stops after `limit` exposures in all.
 *
 * The attacker's own values: an atom d it owns entirely is known to it. A set T then is
 * determined iff every null vector z with z_D = 0 vanishes on T. The null vectors z^f with
 * z^f_D = 0 are such vectors already; those of the free columns f linked to D are combined
 * (with random coefficients β, solved mod p) into ones that vanish on D. That changes the
 * fingerprints of the atoms in the supports of those z^f only (the "affected" atoms), so a set
 * without an affected atom is determined for the attacker iff it is for everyone (the shared
 * search), and the attacker's own search only needs halves with an affected atom in them.
 *
 * @param options.forceBigInt compute the echelon form in BigInt from the start (for tests of
 *   the fallback)
 */
export function findExposures(
  ledger: SumLedger,
  limit = Number.POSITIVE_INFINITY,
  options: { forceBigInt?: boolean } = {},
): Exposure[] {
  const budget = ledger.minN - 1;
  const sums = distinctSums(ledger.sums);
  if (budget < 1 || sums.length === 0 || limit <= 0) {
    return [];
  }
  const analysis = analyseAtoms(sums, options.forceBigInt === true);
  const { atoms, fingerprints } = analysis;
  const most = Math.ceil(budget / 2);
  // How many units of each atom each company owns, and the most any one company owns.
  const owned = new Map<string, Map<number, number>>();
  const mostOwned = new Array<number>(atoms.length).fill(0);
  atoms.forEach((units, atom) => {
    for (const u of units) {
      const company = ledger.owners[u];
      let counts = owned.get(company);
      if (counts === undefined) {
        counts = new Map();
        owned.set(company, counts);
      }
      const count = (counts.get(atom) ?? 0) + 1;
      counts.set(atom, count);
      mostOwned[atom] = Math.max(mostOwned[atom], count);
    }
  });

  // The shared search, at the smallest size any attacker can see each atom (an atom owned
  // entirely by one company counts 1: to that company it is known, to others whole).
  const smallest = atoms.map((units, atom) => Math.max(1, units.length - mostOwned[atom]));
  const zeroAtoms = atoms.flatMap((_, atom) =>
    isZeroVector(fingerprints[atom]) && smallest[atom] <= budget ? [atom] : [],
  );
  const nonzeroAtoms = atoms.flatMap((_, atom) =>
    !isZeroVector(fingerprints[atom]) && smallest[atom] < budget ? [atom] : [],
  );
  const shared = HalfIndex.of(
    nonzeroAtoms,
    (atom) => smallest[atom],
    (atom) => fingerprints[atom],
    most,
    budget,
  );
  // Each set once: as a half alone, or as its first `most` atoms and a half of the rest.
  const sharedUnions: number[][] = zeroAtoms.map((atom) => [atom]);
  shared.members.forEach((a, h) => {
    if (a.length > 1 && isZeroVector(shared.sums[h])) {
      sharedUnions.push(a);
    }
    if (a.length < most) {
      return;
    }
    for (const b of shared.complements(shared.sums[h])) {
      const other = shared.members[b];
      const total = [...a, ...other].reduce((sum, atom) => sum + smallest[atom], 0);
      if (other[0] > a[a.length - 1] && total <= budget) {
        sharedUnions.push([...a, ...other]);
      }
    }
  });

  const exposures: Exposure[] = [];
  for (const company of [...new Set(ledger.owners)]) {
    const counts = owned.get(company) ?? new Map<number, number>();
    const known = new Set(
      [...counts].filter(([atom, count]) => count === atoms[atom].length).map(([atom]) => atom),
    );
    const size = (atom: number): number => atoms[atom].length - (counts.get(atom) ?? 0);
    const found = new Set<string>();
    const report = (union: readonly number[]): boolean => {
      const others = union.filter((atom) => !known.has(atom)).sort((a, b) => a - b);
      const total = others.reduce((sum, atom) => sum + size(atom), 0);
      const key = others.join(',');
      if (total >= 1 && total <= budget && !found.has(key)) {
        found.add(key);
        exposures.push({
          attacker: company,
          units: others
            .flatMap((atom) => atoms[atom])
            .filter((u) => ledger.owners[u] !== company)
            .sort((a, b) => a - b),
        });
      }
      return exposures.length >= limit;
    };
    for (const union of sharedUnions) {
      if (report(union)) {
        return exposures;
      }
    }
    if (known.size === 0) {
      continue;
    }
    // The free columns linked to the known atoms, and the constraints K·β = 0 (β_f over them)
    // that make Σ_f β_f z^f vanish on the known atoms.
    const knownAtoms = [...known];
    const columns = [...new Set(knownAtoms.flatMap((atom) => analysis.linked(atom)))];
    if (columns.length === 0) {
      continue;
    }
    const constraints = new ModularEchelon();
    let modularRank = 0;
    for (const d of knownAtoms) {
      modularRank += constraints.add(columns.map((f) => analysis.nullEntry(f, d))) ? 1 : 0;
    }
    if (modularRank < knownAtoms.length && analysis.exactRank(knownAtoms) !== modularRank) {
      throw new Error(`exposure check: the fingerprints lose rank for ${company}`);
    }
    // Fingerprint t for this attacker: c_t on the other free columns, β_t on the linked ones.
    const change = analysis.coefficients.map((c) => {
      const beta = constraints.solve(columns.map((f) => c[f]));
      return columns.map((f, k) => addMod(beta[k], negMod(c[f])));
    });
    const affected = [...new Set(columns.flatMap((f) => analysis.support(f)))].filter(
      (atom) => !known.has(atom) && size(atom) >= 1 && size(atom) <= budget,
    );
    const isAffected = new Set(affected);
    const own = new Map<number, number[]>(
      affected.map((atom) => {
        const entries = columns.map((f) => analysis.nullEntry(f, atom));
        return [
          atom,
          fingerprints[atom].map((x, t) =>
            entries.reduce((sum, e, k) => addMod(sum, mulMod(change[t][k], e)), x),
          ),
        ];
      }),
    );
    const fingerprint = (atom: number): number[] => own.get(atom) ?? fingerprints[atom];
    for (const atom of affected) {
      if (isZeroVector(fingerprint(atom)) && report([atom])) {
        return exposures;
      }
    }
    // Halves with an affected atom, matched with halves of affected atoms only, or of
    // unaffected ones (whose fingerprints are the shared ones).
    const inUnions = affected.filter(
      (atom) => !isZeroVector(fingerprint(atom)) && size(atom) < budget,
    );
    const others = nonzeroAtoms.filter(
      (atom) => !isAffected.has(atom) && !known.has(atom) && size(atom) < budget,
    );
    const affectedOnly = HalfIndex.of(inUnions, size, fingerprint, most, budget);
    let done = false;
    const candidates = [...inUnions, ...others];
    const fits = (a: readonly number[], b: readonly number[]): boolean => {
      let total = 0;
      for (const atom of a) {
        total += size(atom);
      }
      for (const atom of b) {
        if (a.includes(atom)) {
          return false;
        }
        total += size(atom);
      }
      return total <= budget;
    };
    forEachHalf(candidates, size, fingerprint, most, budget, inUnions.length, (a, sum) => {
      if (done) {
        return;
      }
      if (a.length > 1 && isZeroVector(sum)) {
        done = report(a);
      }
      for (const b of shared.complements(sum)) {
        const other = shared.members[b];
        if (
          !done &&
          other.every((atom) => !isAffected.has(atom) && !known.has(atom)) &&
          fits(a, other)
        ) {
          done = report([...a, ...other]);
        }
      }
      for (const b of affectedOnly.complements(sum)) {
        if (!done && fits(a, affectedOnly.members[b])) {
          done = report([...a, ...affectedOnly.members[b]]);
        }
      }
    });
    if (done) {
      return exposures;
    }
  }
  return exposures;
}
