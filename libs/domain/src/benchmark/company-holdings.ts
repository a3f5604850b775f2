import { DisclosurePolicy } from '../disclosure/disclosure-policy';

/**
 * The p% rule on a sum of non-negative contributions: the total less the two largest must be
 * at least p % of the largest. Multiplied out, so that the edge (exactly p %) is exact for
 * integers.
 */
function failsPPercent(
  total: number,
  largest: number,
  second: number,
  policy: DisclosurePolicy,
): boolean {
  return (total - largest - second) * 100 < policy.pPercent * largest;
}

/**
 * The sums of a snapshot added up per company (one sum at a time), for the p% rule on
 * holdings; its buffers are kept for every sum of the snapshot.
 */
export class CompanyHoldings {
  /** Scratch per company for the p% rule on holdings: running totals, and a stamp of use. */
  private readonly holding: Float64Array;
  private readonly holdingStamp: Int32Array;
  /** The companies of the sum being added up, in the order first met. */
  private readonly touched: Int32Array;
  /**
   * Per unit, 1 when its company has no other unit (two of three companies at 100,000 units):
   * its holding is its own term, compared with the largest two as it comes, without the
   * running total per company, a read and a write far apart in memory for each such unit.
   */
  private readonly alone: Uint8Array;
  private stamp = 0;

  constructor(
    private readonly owners: Int32Array,
    private readonly policy: DisclosurePolicy,
  ) {
    const companies = this.owners.reduce((most, owner) => Math.max(most, owner + 1), 0);
    this.holding = new Float64Array(companies);
    this.holdingStamp = new Int32Array(companies);
    this.touched = new Int32Array(companies);
    const unitsOf = new Int32Array(companies);
    this.owners.forEach((owner) => unitsOf[owner]++);
    this.alone = Uint8Array.from(this.owners, (owner) => (unitsOf[owner] === 1 ? 1 : 0));
  }

  /**
   * The p% rule on the holdings of a sum: the terms (non-negative: `values[u]`, or
   * `values[u] · weights[u]` for a pooled figure's numerator) of `units` added up per company,
   * and the total less the two largest holdings set against the largest. A company's units
   * count as one contributor, as τ-ARGUS's holding option has it: the next largest company
   * estimates them together. Returns the number of companies, whether the rule fails, the total
   * and the largest holding. The terms are read from the arrays, not through a function: a call
   * per unit cost more than the rest of the sum.
   */
  of(
    units: Int32Array,
    values: Float64Array,
    weights: Float64Array | null = null,
  ): [number, boolean, number, number] {
    const stamp = ++this.stamp;
    const touched = this.touched;
    const alone = this.alone;
    // The largest two holdings do not depend on the order they are met in.
    let largest = 0;
    let second = 0;
    let single = 0;
    let companies = 0;
    let total = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const value = weights === null ? values[u] : values[u] * weights[u];
      total += value;
      if (alone[u] === 1) {
        single++;
        if (value > largest) {
          second = largest;
          largest = value;
        } else if (value > second) {
          second = value;
        }
        continue;
      }
      const owner = this.owners[u];
      if (this.holdingStamp[owner] !== stamp) {
        this.holdingStamp[owner] = stamp;
        this.holding[owner] = 0;
        touched[companies++] = owner;
      }
      this.holding[owner] += value;
    }
    for (let i = 0; i < companies; i++) {
      const value = this.holding[touched[i]];
      if (value > largest) {
        second = largest;
        largest = value;
      } else if (value > second) {
        second = value;
      }
    }
    return [companies + single, failsPPercent(total, largest, second, this.policy), total, largest];
  }
}
