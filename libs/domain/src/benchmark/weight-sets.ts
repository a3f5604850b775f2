import { KpiPlan } from './snapshot-input';

/**
 * A set for a weight's family: a weight KPI's own cell (with its sums), or a released cell's
 * pooled figure that passed its value-based rules.
 */
export interface WeightSet {
  /** The plan's index. */
  p: number;
  plan: KpiPlan;
  units: Int32Array;
  key: string;
  sums?: { total: number; largest: number };
}

/**
 * Splits a weight's family, in order, into the sets to release as one block and those to judge
 * alone after it: a set within fewer than minN units of an earlier one, one inside the other,
 * would give away the sum of those few, so it would only fail the others' block.
 */
export function blockAndAlone(
  family: readonly WeightSet[],
  minN: number,
): { block: WeightSet[]; alone: WeightSet[] } {
  const block: WeightSet[] = [];
  const alone: WeightSet[] = [];
  family.forEach((set, i) => {
    const doubtful = family
      .slice(0, i)
      .some((earlier) => nearlyNested(set.units, earlier.units, minN));
    (doubtful ? alone : block).push(set);
  });
  return { block, alone };
}

/** Whether one ascending unit list holds the other and has 1 to minN − 1 units more. */
function nearlyNested(a: Int32Array, b: Int32Array, minN: number): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const extra = large.length - small.length;
  if (extra < 1 || extra >= minN) {
    return false;
  }
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    while (j < large.length && large[j] < small[i]) {
      j++;
    }
    if (j === large.length || large[j] !== small[i]) {
      return false;
    }
  }
  return true;
}
