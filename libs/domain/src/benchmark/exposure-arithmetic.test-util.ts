/**
 * The exact arithmetic of the exposure check: residues modulo a prime below 2^26 for the
 * fingerprints, integers in doubles checked to stay exact (else BigInt) for the echelon form,
 * and a modular echelon form for the constraints of an attacker.
 */

/** The arithmetic of a fingerprint: the largest prime below 2^26. */
export const PRIME = 67_108_859;
export const FINGERPRINT_SIZE = 8;

export const mulMod = (a: number, b: number): number => (a * b) % PRIME;
export const addMod = (a: number, b: number): number => (a + b) % PRIME;
export const negMod = (a: number): number => (a === 0 ? 0 : PRIME - a);

export function invMod(a: number): number {
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
export class InexactArithmetic extends Error {}

/** The integer arithmetic the echelon form is computed in. */
export interface Integers<T> {
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

export const DOUBLES: Integers<number> = {
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

export const BIGINTS: Integers<bigint> = {
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
export class IntegerEchelon<T> {
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

/** Linear constraints mod p in reduced echelon form, and the solutions they leave. */
export class ModularEchelon {
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

export const bigAbs = (a: bigint): bigint => (a < 0n ? -a : a);

export function bigGcdOf(values: readonly bigint[], start = 0n): bigint {
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
