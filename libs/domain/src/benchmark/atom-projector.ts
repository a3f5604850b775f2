import { CommittedRows } from './committed-rows';

/**
 * The projector onto the span with a candidate direction added, between atoms: P[a, b] for a
 * unit of atom a and another unit of atom b. Rows are computed when first asked for and kept
 * for the one release being judged.
 */
export class AtomProjector {
  private readonly cache = new Map<number, Float64Array>();

  constructor(
    private readonly committed: CommittedRows,
    private readonly direction: Float64Array,
    /** Per atom, P[a, a]: the leverage with the direction. */
    readonly leverage: Float64Array,
  ) {}

  /**
   * P[a, b], from a row kept already or by one dot product; on the diagonal the leverage, which
   * holds the same sum of the same squares in the same order (the audit adds each direction's
   * square as it appends it), so it is the same number without the dot product.
   */
  entry(a: number, b: number): number {
    if (a === b) {
      return this.leverage[a];
    }
    return this.committed.entry(a, b) + this.direction[a] * this.direction[b];
  }

  /** Whether row(a) is at hand: computed in this release, or kept across releases. */
  holdsRow(a: number): boolean {
    return this.cache.has(a) || this.committed.keeps(a);
  }

  row(a: number): Float64Array {
    let row = this.cache.get(a);
    if (row === undefined) {
      const m = this.leverage.length;
      const direction = this.direction;
      row = this.committed.row(a).slice(0, m);
      const along = direction[a];
      for (let b = 0; b < m; b++) {
        row[b] += along * direction[b];
      }
      this.cache.set(a, row);
    }
    return row;
  }
}
