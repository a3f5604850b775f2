import { KEPT_COLUMNS, KEPT_ROWS } from './audit-arithmetic';

/**
 * Rows of the projector onto what is released, between atoms, kept across releases for the
 * atoms searched around recently (a bounded number). A kept row says up to which rank and atom
 * count it holds; it is brought up to date when read, adding only the directions released since
 * (O(atoms) each, instead of O(atoms × rank) to compute it again) and computing the entries of
 * atoms split off since. Rows that are never read again cost nothing per release.
 */
export class CommittedRows {
  private readonly kept = new Map<number, KeptRow>();
  /**
   * The directions appended last, by rank: the basis' columns, each as the one array it was
   * appended from. Bringing a row up to date reads a column per direction added since; read from
   * the rows it is one entry per atom `stride` apart (a cache line and often a page each), from
   * here one stream.
   */
  private readonly columns = new Map<number, KeptColumn>();

  constructor(private readonly audit: SumAuditRows) {}

  clear(): void {
    this.kept.clear();
    this.columns.clear();
  }

  /**
   * The direction of rank `rank` was appended, per atom of the `atoms` there were: the entries
   * that the rows hold at that rank from then on (atoms split off later are not in it).
   */
  appended(rank: number, direction: Float64Array, atoms: number): void {
    this.columns.set(rank, { values: direction, atoms });
    this.columns.delete(rank - KEPT_COLUMNS);
  }

  /** P[a, b], from a kept row that is up to date, else by one dot product. */
  entry(a: number, b: number): number {
    const { rows, stride, rank, atomCount } = this.audit;
    const row = this.kept.get(a);
    if (row !== undefined && row.rank === rank && row.atoms === atomCount) {
      return row.values[b];
    }
    const other = this.kept.get(b);
    if (other !== undefined && other.rank === rank && other.atoms === atomCount) {
      return other.values[a];
    }
    let sum = 0;
    for (let k = 0, x = a * stride, y = b * stride; k < rank; k++) {
      sum += rows[x + k] * rows[y + k];
    }
    return sum;
  }

  /** Whether a row of atom a is kept (up to date or not). */
  keeps(a: number): boolean {
    return this.kept.has(a);
  }

  row(a: number): Float64Array {
    let row = this.kept.get(a);
    if (row === undefined) {
      // The least recently used row makes room, and lends its buffer: no new array of all
      // atoms per row (a row's entries are all computed anew from rank 0).
      let values: Float64Array | null = null;
      if (this.kept.size >= KEPT_ROWS) {
        const oldest = this.kept.keys().next().value as number;
        values = (this.kept.get(oldest) as KeptRow).values;
        this.kept.delete(oldest);
      }
      row = {
        values:
          values !== null && values.length >= this.audit.capacity
            ? values
            : new Float64Array(this.audit.capacity),
        rank: 0,
        atoms: 0,
      };
      this.kept.set(a, row);
    } else {
      // Most recently used last.
      this.kept.delete(a);
      this.kept.set(a, row);
    }
    return this.current(a, row);
  }

  /**
   * Atom `to` was split off atom `from`: its coordinates are a copy of `from`'s, so a kept row
   * of `from` is its row too, valid to the same rank and atom count.
   */
  split(from: number, to: number): void {
    const parent = this.kept.get(from);
    if (parent !== undefined) {
      this.kept.set(to, { ...parent, values: parent.values.slice() });
    }
  }

  /**
   * The kept row of atom a, up to date. Entries of atoms that existed when it was last brought
   * up to date need only the directions added since: a split copies the parent's coordinates
   * and changes no atom's own, so their older terms still hold.
   */
  private current(a: number, row: KeptRow): Float64Array {
    const { rows, stride, rank, atomCount, capacity } = this.audit;
    if (row.rank === rank && row.atoms === atomCount) {
      return row.values;
    }
    if (row.values.length < capacity) {
      const grown = new Float64Array(capacity);
      grown.set(row.values);
      row.values = grown;
    }
    const values = row.values;
    const x = a * stride;
    if (this.columns.has(row.rank)) {
      // Direction by direction, each entry adding the same products in the same order as the
      // loop below (a column's entry is the rows' entry at its rank, the same number).
      for (let k = row.rank; k < rank; k++) {
        const column = this.columns.get(k) as KeptColumn;
        const along = rows[x + k];
        const within = Math.min(column.atoms, row.atoms);
        const entries = column.values;
        for (let b = 0; b < within; b++) {
          values[b] += along * entries[b];
        }
        for (let b = within; b < row.atoms; b++) {
          values[b] += along * rows[b * stride + k];
        }
      }
    } else {
      for (let b = 0; b < row.atoms; b++) {
        let sum = values[b];
        for (let k = row.rank, y = b * stride; k < rank; k++) {
          sum += rows[x + k] * rows[y + k];
        }
        values[b] = sum;
      }
    }
    for (let b = row.atoms; b < atomCount; b++) {
      let sum = 0;
      for (let k = 0, y = b * stride; k < rank; k++) {
        sum += rows[x + k] * rows[y + k];
      }
      values[b] = sum;
    }
    row.rank = rank;
    row.atoms = atomCount;
    return values;
  }
}

/** A kept row: P[a, b] for every atom b below `atoms`, over the first `rank` directions. */
export interface KeptRow {
  values: Float64Array;
  rank: number;
  atoms: number;
}

/** A kept column: the direction of one rank, per atom below `atoms`. */
interface KeptColumn {
  values: Float64Array;
  atoms: number;
}

/** What `CommittedRows` reads of its audit. */
export interface SumAuditRows {
  readonly rows: Float64Array;
  readonly stride: number;
  readonly rank: number;
  readonly atomCount: number;
  readonly capacity: number;
}
