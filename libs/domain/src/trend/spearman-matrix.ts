import { ValueSortWorkspace } from '../benchmark/value-sort-workspace';
import { SpearmanResult, spearmanFromRankSums } from './spearman';

/** The rank correlation of columns a < b (their indices in the input). */
export interface SpearmanPair extends SpearmanResult {
  a: number;
  b: number;
}

/**
 * A column prepared once for all its pairs: its present units in ascending value order (ties by
 * unit) with those values, its own mid-ranks by unit, and which units are present as a bit set
 * (a lookup in 1.25 kB per 10,000 units stays in the first-level cache, the values would not).
 */
interface RankedColumn {
  order: Int32Array;
  sorted: Float64Array;
  /** Mid-ranks among the column's own present units, by unit; 0 where absent. */
  ranks: Float64Array;
  /** Σ (r − c)² of those ranks, c = (count + 1) / 2. */
  squares: number;
  present: Uint32Array;
  count: number;
}

/** The number of set bits of a 32-bit word (SWAR popcount). */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The number of units present in both columns. */
function commonCount(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < a.length; w++) {
    count += popcount(a[w] & b[w]);
  }
  return count;
}

/**
 * Walks one column's units in value order, keeps those present in `keep` and gives them
 * mid-ranks among themselves, written to `ranks` by unit (other entries are left alone): the
 * order is already sorted, so re-ranking on a pair's common units needs no sort, only the
 * grouping of equal neighbours. Returns Σ (r − c)² over the m kept units, c = (m + 1) / 2.
 * A free function with plain parameters, which V8 optimises better than a closure; `units` is
 * scratch space.
 */
function rankKept(
  order: Int32Array,
  sorted: Float64Array,
  keep: Uint32Array,
  units: Int32Array,
  ranks: Float64Array,
): number {
  let m = 0;
  let groupStart = 0;
  let groupValue = Number.NaN;
  let squares = 0;
  for (let i = 0; i < order.length; i++) {
    const u = order[i];
    if (((keep[u >>> 5] >>> (u & 31)) & 1) === 1) {
      const value = sorted[i];
      if (value !== groupValue) {
        // Positions groupStart..m-1 hold ranks groupStart+1..m; their mean is their midpoint.
        const rank = (groupStart + 1 + m) / 2;
        for (let k = groupStart; k < m; k++) {
          ranks[units[k]] = rank;
        }
        squares += (m - groupStart) * rank * rank;
        groupStart = m;
        groupValue = value;
      }
      units[m++] = u;
    }
  }
  const rank = (groupStart + 1 + m) / 2;
  for (let k = groupStart; k < m; k++) {
    ranks[units[k]] = rank;
  }
  squares += (m - groupStart) * rank * rank;
  const c = (m + 1) / 2;
  return squares - m * c * c;
}

/**
 * The same walk as `rankKept` for the other column of a pair, which needs its ranks only once:
 * instead of writing them it multiplies each with the first column's rank of the same unit.
 * Writes Σ (r − c)² and Σ r·rOther over the kept units to `out`.
 */
function rankKeptTimes(
  order: Int32Array,
  sorted: Float64Array,
  keep: Uint32Array,
  otherRanks: Float64Array,
  out: Float64Array,
): void {
  let m = 0;
  let groupStart = 0;
  let groupValue = Number.NaN;
  let groupOther = 0;
  let squares = 0;
  let products = 0;
  for (let i = 0; i < order.length; i++) {
    const u = order[i];
    if (((keep[u >>> 5] >>> (u & 31)) & 1) === 1) {
      const value = sorted[i];
      if (value !== groupValue) {
        const rank = (groupStart + 1 + m) / 2;
        squares += (m - groupStart) * rank * rank;
        products += rank * groupOther;
        groupStart = m;
        groupValue = value;
        groupOther = 0;
      }
      groupOther += otherRanks[u];
      m++;
    }
  }
  const rank = (groupStart + 1 + m) / 2;
  squares += (m - groupStart) * rank * rank;
  products += rank * groupOther;
  const c = (m + 1) / 2;
  out[0] = squares - m * c * c;
  out[1] = products;
}

/** Σ a·b over all units: only units with a non-zero rank on both sides contribute. */
function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let u = 0; u < a.length; u++) {
    sum += a[u] * b[u];
  }
  return sum;
}

function rankColumn(
  column: Float64Array,
  workspace: ValueSortWorkspace,
  units: Int32Array,
): RankedColumn {
  const present = new Uint32Array((column.length + 31) >>> 5);
  let count = 0;
  for (let u = 0; u < column.length; u++) {
    const value = column[u];
    if (value === value) {
      if (value - value !== 0) {
        throw new RangeError(`value ${value} of unit ${u} is not finite`);
      }
      workspace.values[count] = value;
      workspace.ids[count] = u;
      present[u >>> 5] |= 1 << (u & 31);
      count++;
    }
  }
  const order = workspace.sortIdsByValue(count).slice();
  const sorted = workspace.sortedValues.slice(0, count);
  const ranks = new Float64Array(column.length);
  const squares = rankKept(order, sorted, present, units, ranks);
  return { order, sorted, ranks, squares, present, count };
}

/**
 * Spearman's rho, n and p-value (as `spearman` computes them, to the bit) of every pair of
 * columns a < b that `include` accepts, in the order (a, b) ascending.
 *
 * With missing values the ranks must be taken among the pair's common units, so they differ
 * from pair to pair. Sorting every pair's common units afresh would cost two sorts per pair;
 * instead each column is sorted and ranked once. A column that has no unit the other lacks
 * keeps those ranks (always so for complete columns); otherwise its ranks on the common units
 * come from walking its sorted order and skipping the units the other column lacks: O(n) per
 * pair, no sort. The second column's walk multiplies its ranks with the first's as it goes, and
 * with both keeping their own ranks a pair costs one dot product.
 *
 * @param columns one value per unit each, all of the same length; NaN where a unit has none
 * @param include which pairs to compute (default all)
 */
export function spearmanPairs(
  columns: readonly Float64Array[],
  include: (a: number, b: number) => boolean = () => true,
): SpearmanPair[] {
  const unitCount = columns.length === 0 ? 0 : columns[0].length;
  for (const column of columns) {
    if (column.length !== unitCount) {
      throw new RangeError(`columns of ${unitCount} and ${column.length} units`);
    }
  }
  const workspace = new ValueSortWorkspace(unitCount);
  const units = new Int32Array(unitCount);
  const ranked = columns.map((column) => rankColumn(column, workspace, units));
  const scratch = new Float64Array(unitCount);
  const out = new Float64Array(2);
  const result: SpearmanPair[] = [];
  for (let a = 0; a < columns.length; a++) {
    for (let b = a + 1; b < columns.length; b++) {
      if (!include(a, b)) {
        continue;
      }
      const ca = ranked[a];
      const cb = ranked[b];
      const m = commonCount(ca.present, cb.present);
      // A column that lacks none of the other's units keeps its own ranks on the common units.
      // b's ranks on the common units, by unit; what scratch holds elsewhere (ranks of earlier
      // pairs) is never read, or read only to be multiplied by a's rank 0.
      let ranksB = cb.ranks;
      let syy = cb.squares;
      if (m < cb.count) {
        syy = rankKept(cb.order, cb.sorted, ca.present, units, scratch);
        ranksB = scratch;
      }
      let sxx = ca.squares;
      let products: number;
      if (m < ca.count) {
        rankKeptTimes(ca.order, ca.sorted, cb.present, ranksB, out);
        sxx = out[0];
        products = out[1];
      } else {
        // a's own ranks are 0 where a has no value, and a has no unit that b lacks, so only
        // the common units contribute.
        products = dot(ca.ranks, ranksB);
      }
      // Σ (ra − c)(rb − c) = Σ ra·rb − m c², as both rank sums are m c.
      const c = (m + 1) / 2;
      result.push({ a, b, ...spearmanFromRankSums(m, products - m * c * c, sxx, syy) });
    }
  }
  return result;
}
