import { SeededRandom } from '../demo/seeded-random';

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

/** One released linear equation: the sum of the unknowns of these units is known to everyone. */
export interface ReleasedSum {
  /** Where the figure comes from, for messages (e.g. `n × mean of k1 in industry:telecom`). */
  label: string;
  /** The units whose values the sum adds up (indices into `SumLedger.owners`). */
  units: readonly number[];
}

/** Everything released of one family of unknowns in a snapshot, to anyone. */
export interface SumLedger {
  /** owners[u]: the company of unit u; a company knows the values of all of its units. */
  owners: readonly string[];
  sums: readonly ReleasedSum[];
  /** No other unit's value and no sum over fewer than this many other units may be determined. */
  minN: number;
}

/** A set of other units whose sum (or, for one unit, value) an attacker can compute. */
export interface Exposure {
  attacker: string;
  /** The exposed units, ascending; none of them is the attacker's. */
  units: number[];
}

/** How an attacker computes an exposed sum: Σ coefficient x released sum, less its own values. */
export interface ExposureProof {
  terms: Array<{ label: string; coefficient: string }>;
}

/** The arithmetic of a fingerprint: the largest prime below 2^26. */
const PRIME = 67_108_859;
const FINGERPRINT_SIZE = 8;

const mulMod = (a: number, b: number): number => (a * b) % PRIME;
const addMod = (a: number, b: number): number => (a + b) % PRIME;
const negMod = (a: number): number => (a === 0 ? 0 : PRIME - a);

function invMod(a: number): number {
  // Fermat: a^(p-2); the exponent's bits are taken one at a time.
  let result = 1;
  let base = a % PRIME;
  let exponent = PRIME - 2;
  while (exponent > 0) {
    if (exponent % 2 === 1) {
      result = mulMod(result, base);
    }
    base = mulMod(base, base);
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** Thrown by the double arithmetic when a result would not be an exact integer. */
class InexactArithmetic extends Error {}

/** The integer arithmetic the echelon form is computed in. */
interface Integers<T> {
  readonly zero: T;
  isZero(a: T): boolean;
  isNegative(a: T): boolean;
  isOne(a: T): boolean;
  neg(a: T): T;
  /** a·b − c·d, exactly. */
  mulSub(a: T, b: T, c: T, d: T): T;
  /** gcd(|a|, |b|). */
  gcd(a: T, b: T): T;
  /** a / b for b dividing a. */
  div(a: T, b: T): T;
  /** a mod PRIME in [0, PRIME). */
  residue(a: T): number;
  big(a: T): bigint;
}

const DOUBLES: Integers<number> = {
  zero: 0,
  isZero: (a) => a === 0,
  isNegative: (a) => a < 0,
  isOne: (a) => a === 1,
  neg: (a) => (a === 0 ? 0 : -a),
  mulSub(a, b, c, d) {
    const left = a * b;
    const right = c * d;
    const result = left - right;
    // A true result beyond 2^53 rounds to a double beyond it, so these catch every inexact step.
    if (
      !Number.isSafeInteger(left) ||
      !Number.isSafeInteger(right) ||
      !Number.isSafeInteger(result)
    ) {
      throw new InexactArithmetic();
    }
    return result === 0 ? 0 : result;
  },
  gcd(a, b) {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) {
      [x, y] = [y, x % y];
    }
    return x;
  },
  div: (a, b) => a / b,
  residue: (a) => ((a % PRIME) + PRIME) % PRIME,
  big: (a) => BigInt(a),
};

const BIG_PRIME = BigInt(PRIME);

const BIGINTS: Integers<bigint> = {
  zero: 0n,
  isZero: (a) => a === 0n,
  isNegative: (a) => a < 0n,
  isOne: (a) => a === 1n,
  neg: (a) => -a,
  mulSub: (a, b, c, d) => a * b - c * d,
  gcd(a, b) {
    let x = a < 0n ? -a : a;
    let y = b < 0n ? -b : b;
    while (y !== 0n) {
      [x, y] = [y, x % y];
    }
    return x;
  },
  div: (a, b) => a / b,
  residue: (a) => Number(((a % BIG_PRIME) + BIG_PRIME) % BIG_PRIME),
  big: (a) => a,
};

/**
 * A reduced row echelon form with integer rows: row i has its pivot d_i > 0 in column
 * pivots[i], and every other row has 0 there. Rows are divided by the gcd of their entries.
 */
class IntegerEchelon<T> {
  readonly rows: T[][] = [];
  readonly pivots: number[] = [];

  constructor(private readonly z: Integers<T>) {}

  /** Adds a row to the span; returns whether it was independent of the rows before. */
  add(input: readonly T[]): boolean {
    const z = this.z;
    const v = this.reduce(input);
    const pivot = v.findIndex((x) => !z.isZero(x));
    if (pivot < 0) {
      return false;
    }
    if (z.isNegative(v[pivot])) {
      for (let x = 0; x < v.length; x++) {
        v[x] = z.neg(v[x]);
      }
    }
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      if (!z.isZero(row[pivot])) {
        this.eliminate(row, v, pivot);
      }
    }
    this.rows.push(v);
    this.pivots.push(pivot);
    return true;
  }

  /** The input less its components along the rows' pivots (a multiple of its residual). */
  reduce(input: readonly T[]): T[] {
    const v = input.slice();
    for (let i = 0; i < this.rows.length; i++) {
      if (!this.z.isZero(v[this.pivots[i]])) {
        this.eliminate(v, this.rows[i], this.pivots[i]);
      }
    }
    return v;
  }

  /** target := b[c]·target − target[c]·b, then divided by the gcd of its entries. */
  private eliminate(target: T[], by: readonly T[], column: number): void {
    const z = this.z;
    const a = by[column];
    const b = target[column];
    let divisor = z.zero;
    for (let x = 0; x < target.length; x++) {
      if (!z.isZero(target[x]) || !z.isZero(by[x])) {
        target[x] = z.mulSub(a, target[x], b, by[x]);
        if (!z.isZero(target[x]) && !z.isOne(divisor)) {
          divisor = z.gcd(divisor, target[x]);
        }
      }
    }
    if (!z.isZero(divisor) && !z.isOne(divisor)) {
      for (let x = 0; x < target.length; x++) {
        target[x] = z.div(target[x], divisor);
      }
    }
  }
}

/** The distinct sums (by unit set, the first label kept), each with its units ascending. */
function distinctSums(sums: readonly ReleasedSum[]): ReleasedSum[] {
  const seen = new Map<string, ReleasedSum>();
  for (const sum of sums) {
    const units = [...new Set(sum.units)].sort((a, b) => a - b);
    const key = units.join(',');
    if (units.length > 0 && !seen.has(key)) {
      seen.set(key, { label: sum.label, units });
    }
  }
  return [...seen.values()];
}

/**
 * The released sums over atoms, in exact reduced echelon form, with the fingerprints of the
 * atoms' residuals. In the null-space view: for each free column f, the null vector z^f has
 * z^f_f = 1, z^f_(pivot of row i) = −row_i[f] / d_i and 0 elsewhere; the residual of atom j is
 * (z^f_j) over the free columns f, and fingerprint t of atom j is Σ_f c_t[f]·z^f_j mod p.
 */
interface AtomAnalysis {
  atoms: number[][];
  fingerprints: number[][];
  /** c_t[f]: the random coefficients of the fingerprints. */
  coefficients: number[][];
  /** The free columns f whose null vector is not 0 at atom j, i.e. where its residual is not. */
  linked(j: number): number[];
  /** The atoms where the null vector of free column f is not 0: f and some pivots. */
  support(f: number): number[];
  /** z^f_j mod p. */
  nullEntry(f: number, j: number): number;
  /** The exact rank of the residuals of some atoms (for the rank check of an attacker's). */
  exactRank(atoms: readonly number[]): number;
}

function analyseAtoms(sums: readonly ReleasedSum[], forceBigInt: boolean): AtomAnalysis {
  // Atoms: units keyed by the list of sums they are in, in ascending unit order.
  const sumsOf = new Map<number, number[]>();
  sums.forEach((sum, s) => {
    for (const u of sum.units) {
      const list = sumsOf.get(u);
      if (list === undefined) {
        sumsOf.set(u, [s]);
      } else {
        list.push(s);
      }
    }
  });
  const atomByKey = new Map<string, number>();
  const atoms: number[][] = [];
  const atomSums: number[][] = [];
  for (const u of [...sumsOf.keys()].sort((a, b) => a - b)) {
    const list = sumsOf.get(u) as number[];
    const key = list.join(',');
    let atom = atomByKey.get(key);
    if (atom === undefined) {
      atom = atoms.length;
      atomByKey.set(key, atom);
      atoms.push([]);
      atomSums.push(list);
    }
    atoms[atom].push(u);
  }
  const matrix = sums.map(() => new Array<number>(atoms.length).fill(0));
  atomSums.forEach((list, atom) => list.forEach((s) => (matrix[s][atom] = 1)));
  if (!forceBigInt) {
    try {
      return analysisOf(DOUBLES, matrix, atoms);
    } catch (error) {
      if (!(error instanceof InexactArithmetic)) {
        throw error;
      }
    }
  }
  return analysisOf(
    BIGINTS,
    matrix.map((row) => row.map((x) => BigInt(x))),
    atoms,
  );
}

function analysisOf<T>(
  z: Integers<T>,
  matrix: ReadonlyArray<readonly T[]>,
  atoms: number[][],
): AtomAnalysis {
  const width = atoms.length;
  const echelon = new IntegerEchelon(z);
  for (const row of matrix) {
    echelon.add(row);
  }
  const rows = echelon.rows;
  const rowOfPivot = new Map<number, number>();
  echelon.pivots.forEach((column, i) => rowOfPivot.set(column, i));
  // −1 / d_i mod p per row: the factor of its entries in the null vectors.
  const factors = rows.map((row, i) => {
    const d = z.residue(row[echelon.pivots[i]]);
    if (d === 0) {
      throw new Error(`exposure check: a pivot is a multiple of ${PRIME}; pick another prime`);
    }
    return negMod(invMod(d));
  });
  // Per free column: the rows with an entry there.
  const rowsAt = new Map<number, number[]>();
  for (let f = 0; f < width; f++) {
    if (!rowOfPivot.has(f)) {
      rowsAt.set(
        f,
        rows.flatMap((row, i) => (z.isZero(row[f]) ? [] : [i])),
      );
    }
  }
  const nullEntry = (f: number, j: number): number => {
    const i = rowOfPivot.get(j);
    if (i === undefined) {
      return j === f ? 1 : 0;
    }
    return mulMod(z.residue(rows[i][f]), factors[i]);
  };
  // The same functionals for every call, so that a failure reproduces to the bit.
  const random = new SeededRandom(0x5eed_a7a5);
  const coefficients = Array.from({ length: FINGERPRINT_SIZE }, () =>
    Array.from({ length: width }, () => 1 + Math.floor(random.next() * (PRIME - 1))),
  );
  const linked = (j: number): number[] => {
    const i = rowOfPivot.get(j);
    if (i === undefined) {
      return [j];
    }
    return [...rowsAt.keys()].filter((f) => !z.isZero(rows[i][f]));
  };
  const fingerprints = atoms.map((_, j) => {
    const columns = linked(j);
    return coefficients.map((c) =>
      columns.reduce((sum, f) => addMod(sum, mulMod(c[f], nullEntry(f, j))), 0),
    );
  });
  const support = (f: number): number[] => [
    f,
    ...(rowsAt.get(f) ?? []).map((i) => echelon.pivots[i]),
  ];
  const exactRank = (chosen: readonly number[]): number => {
    // The residuals scaled to integers: e_j for a free column, row_i less its pivot otherwise.
    const residuals = new IntegerEchelon(BIGINTS);
    let rank = 0;
    for (const j of chosen) {
      const i = rowOfPivot.get(j);
      const v = new Array<bigint>(width).fill(0n);
      if (i === undefined) {
        v[j] = 1n;
      } else {
        rows[i].forEach((x, f) => {
          if (f !== j) {
            v[f] = z.big(x);
          }
        });
      }
      rank += residuals.add(v) ? 1 : 0;
    }
    return rank;
  };
  return { atoms, fingerprints, coefficients, linked, support, nullEntry, exactRank };
}

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

/** Linear constraints mod p in reduced echelon form, and the solutions they leave. */
class ModularEchelon {
  private readonly rows: number[][] = [];
  private readonly pivots: number[] = [];

  /** Adds a constraint; returns whether it was independent of those before. */
  add(constraint: readonly number[]): boolean {
    const v = constraint.slice();
    this.rows.forEach((row, i) => {
      const factor = v[this.pivots[i]];
      if (factor !== 0) {
        row.forEach((x, k) => (v[k] = addMod(v[k], negMod(mulMod(factor, x)))));
      }
    });
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) {
      return false;
    }
    const scale = invMod(v[pivot]);
    const normalised = v.map((x) => mulMod(x, scale));
    for (const row of this.rows) {
      const factor = row[pivot];
      if (factor !== 0) {
        row.forEach((x, k) => (row[k] = addMod(x, negMod(mulMod(factor, normalised[k])))));
      }
    }
    this.rows.push(normalised);
    this.pivots.push(pivot);
    return true;
  }

  /** The solution that keeps `free` on the non-pivot coordinates. */
  solve(free: readonly number[]): number[] {
    const x = free.slice();
    this.pivots.forEach((pivot) => (x[pivot] = 0));
    this.rows.forEach((row, i) => {
      let sum = 0;
      row.forEach((entry, k) => {
        if (k !== this.pivots[i] && entry !== 0) {
          sum = addMod(sum, mulMod(entry, x[k]));
        }
      });
      x[this.pivots[i]] = negMod(sum);
    });
    return x;
  }
}

const bigAbs = (a: bigint): bigint => (a < 0n ? -a : a);

function bigGcdOf(values: readonly bigint[], start = 0n): bigint {
  let g = start;
  for (const x of values) {
    if (x !== 0n) {
      g = BIGINTS.gcd(g, x);
      if (g === 1n) {
        break;
      }
    }
  }
  return g;
}

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
