import { SeededRandom } from '../demo/seeded-random';
import {
  addMod,
  BIGINTS,
  DOUBLES,
  FINGERPRINT_SIZE,
  InexactArithmetic,
  IntegerEchelon,
  Integers,
  invMod,
  mulMod,
  negMod,
  PRIME,
} from './exposure-arithmetic.test-util';
import { ReleasedSum } from './sum-ledger.test-util';

/** The atoms of a ledger and their residuals in exact echelon form (see `findExposures`). */

/** The distinct sums (by unit set, the first label kept), each with its units ascending. */
export function distinctSums(sums: readonly ReleasedSum[]): ReleasedSum[] {
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

export function analyseAtoms(sums: readonly ReleasedSum[], forceBigInt: boolean): AtomAnalysis {
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
