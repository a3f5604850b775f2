import { LocalizedText } from '../catalogue/catalogue-definition';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkCell, PeerGroupBenchmark, suppressedCell } from './benchmark-cell';
import { BenchmarkInput } from './benchmark-input';
import { PeerGroupDefinition, validatePeerGroupFilter } from './peer-group';
import { CompiledPeerGroup } from './compiled-peer-group';
import {
  hasValidPooledParameters,
  pooledSums,
  pooledSuppression,
  pooledValue,
} from './pooled-figure';
import { ProfileCodes } from './profile-codes';
import { quantile } from './quantiles';
import { SUPPRESSION_REASONS as R } from './suppression-reasons';
import { ValueSortWorkspace } from './value-sort-workspace';
import { sumOf } from './sum.util';

/** The answer to a requested (custom) peer group. */
export type CustomPeerGroupOutcome =
  | { released: true; group: PeerGroupBenchmark }
  | { released: false; rule: 'min_n' | 'differencing'; reason: LocalizedText };

/** A benchmarked KPI resolved against the input: its values and those of its weight. */
interface KpiPlan {
  key: string;
  boolean: boolean;
  values: Float64Array;
  /** The weight's values for the pooled figure; null for a KPI without one or a yes/no KPI. */
  weights: Float64Array | null;
}

/** The groups whose cell of one KPI is released so far, in priority order, with their n. */
interface ReleasedCells {
  groups: number[];
  counts: number[];
}

/**
 * The hot loop of a snapshot: walks the contributors in value order and appends each value to
 * the buffer range of its group in one family of disjoint groups (`slot[u]`: the group of unit
 * u, or -1); `end[j]` starts at group j's offset and ends after its last value. One pass per
 * family reads a small array per unit where a list of all of a unit's groups would mean two
 * cache misses per unit. A free function with plain parameters, which V8 optimises far better
 * than the same loop reading captured variables.
 */
function dealOut(
  order: Int32Array,
  sortedValues: Float64Array,
  slot: Int32Array,
  end: Int32Array,
  buffer: Float64Array,
): void {
  for (let i = 0; i < order.length; i++) {
    const j = slot[order[i]];
    if (j >= 0) {
      buffer[end[j]++] = sortedValues[i];
    }
  }
}

/**
 * Puts the units with a value (of `units`, or of all when null) and their values into the
 * workspace, in ascending unit order; returns how many there are.
 */
function gatherValues(
  values: Float64Array,
  units: Int32Array | null,
  workspace: ValueSortWorkspace,
): number {
  const into = workspace.values;
  const ids = workspace.ids;
  let count = 0;
  const total = units === null ? values.length : units.length;
  for (let i = 0; i < total; i++) {
    const u = units === null ? i : units[i];
    const value = values[u];
    if (value === value) {
      into[count] = value;
      ids[count] = u;
      count++;
    }
  }
  return count;
}

/**
 * Caller bugs (inconsistent arrays, an unknown weight key, an infinite value, a nonsensical
 * policy) are RangeErrors, not domain errors: nobody's request can be refused for them.
 */
function checkInput(input: BenchmarkInput): void {
  const { policy, kpis, values, profiles } = input;
  const positiveInteger = (value: number): boolean => Number.isInteger(value) && value >= 1;
  if (
    !positiveInteger(policy.minN) ||
    !positiveInteger(policy.minNTails) ||
    !hasValidPooledParameters(policy) ||
    (policy.quantileMethod !== 'linear' && policy.quantileMethod !== 'local_mean')
  ) {
    throw new RangeError(`invalid disclosure policy ${JSON.stringify(policy)}`);
  }
  if (values.length !== kpis.length) {
    throw new RangeError(`${kpis.length} KPIs but ${values.length} value arrays`);
  }
  const keys = new Set<string>();
  kpis.forEach((kpi, k) => {
    if (keys.has(kpi.key)) {
      throw new RangeError(`KPI ${kpi.key} appears twice`);
    }
    keys.add(kpi.key);
    const column = values[k];
    if (column.length !== profiles.length) {
      throw new RangeError(
        `KPI ${kpi.key} has ${column.length} values for ${profiles.length} units`,
      );
    }
    for (let u = 0; u < column.length; u++) {
      const value = column[u];
      // value - value is NaN for NaN and both infinities; NaN alone means "not supplied".
      if (value - value !== 0 && value === value) {
        throw new RangeError(`KPI ${kpi.key} of unit ${u} is ${value}`);
      }
    }
  });
  for (const kpi of kpis) {
    if (kpi.weightKey !== undefined && (kpi.weightKey === kpi.key || !keys.has(kpi.weightKey))) {
      throw new RangeError(`KPI ${kpi.key} is weighted by unknown KPI ${kpi.weightKey}`);
    }
  }
}

/**
 * A computed snapshot: the cells of every peer group, and what it takes to judge one more
 * (custom) group against them. Use `computeSnapshot` and `addCustomGroup`; this is their
 * implementation.
 *
 * The disclosure rules, with the parameters of the policy:
 * - Frequency: the contributors of a cell are the group's units with a value for the KPI; with
 *   fewer than `minN` the whole cell is withheld (`min_n`), with fewer than `minNTails` P10 and
 *   P90 (`min_n_tails`).
 * - Pooled figure (a KPI with a weight, not yes/no): over the contributors with a weight > 0,
 *   Σ v·w / Σ w. It is withheld (one entry, the first rule that fails, in this order) when fewer
 *   than `minN` units carry it (`min_n`: DESIGN's "no statistic of fewer than min_n units"), by
 *   the p% rule (W − w1 − w2 < p/100 · w1, with w1 ≥ w2 the two largest weights: `p_percent`)
 *   and when the largest weight is more than `maxWeightSharePercent` % of W (`dominance`):
 *   `pooledSuppression`, which the trend data's pooled figures share.
 * - Differencing: the groups are taken in priority order, and a cell is released only if its
 *   contributor set differs from that of every cell of the same KPI released before it by 0 or
 *   by at least `minN` units; otherwise it is withheld (`differencing`).
 *
 * Everything is taken in a fixed order (groups in priority order; the values of a mean ascending,
 * equal values by unit index; the terms of a pooled figure by unit index), so equal inputs give
 * equal output to the bit, whether a group was computed with the others or added later.
 */
export class SnapshotState {
  readonly policy: DisclosurePolicy;
  private readonly benchmarks: PeerGroupBenchmark[] = [];
  private readonly compiled: CompiledPeerGroup[] = [];
  private readonly indexById = new Map<string, number>();
  private readonly plans: KpiPlan[];
  private readonly codes: ProfileCodes;
  private readonly released: ReleasedCells[];
  private readonly anyReleased: boolean[] = [];

  private constructor(input: BenchmarkInput) {
    checkInput(input);
    this.policy = { ...input.policy };
    this.codes = new ProfileCodes(input.profiles);
    const indexByKey = new Map(input.kpis.map((kpi, k) => [kpi.key, k]));
    this.plans = input.kpis.flatMap((kpi, k) => {
      if (!kpi.benchmarked) {
        return [];
      }
      const weightIndex = kpi.weightKey === undefined ? undefined : indexByKey.get(kpi.weightKey);
      const weights = kpi.boolean || weightIndex === undefined ? null : input.values[weightIndex];
      return [{ key: kpi.key, boolean: kpi.boolean, values: input.values[k], weights }];
    });
    this.released = this.plans.map(() => ({ groups: [], counts: [] }));
  }

  /** Use `computeSnapshot`; this is its implementation. */
  static compute(input: BenchmarkInput): SnapshotState {
    const state = new SnapshotState(input);
    const added = input.peerGroups.flatMap((definition) =>
      state.indexById.has(definition.id) ? [] : [state.register(definition)],
    );
    state.evaluate(added);
    return state;
  }

  /** The groups in priority order: those given to `computeSnapshot`, then accepted custom ones. */
  get groups(): readonly PeerGroupBenchmark[] {
    return this.benchmarks;
  }

  /** The group with this id, or undefined. */
  group(id: string): PeerGroupBenchmark | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.benchmarks[index];
  }

  /** The indices of the group's units, ascending (a copy), or undefined for an unknown id. */
  members(id: string): Int32Array | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.compiled[index].members.slice();
  }

  /**
   * The values of a KPI among the group's units, ascending: the peers a position is computed
   * against. Undefined for an unknown group or KPI; it does not check that the cell is released.
   */
  sortedValues(id: string, kpiKey: string): Float64Array | undefined {
    const index = this.indexById.get(id);
    const plan = this.plans.find((candidate) => candidate.key === kpiKey);
    if (index === undefined || plan === undefined) {
      return undefined;
    }
    const result: number[] = [];
    for (const u of this.compiled[index].members) {
      const value = plan.values[u];
      if (value === value) {
        result.push(value + 0);
      }
    }
    return new Float64Array(result).sort();
  }

  /** Use `addCustomGroup`; this is its implementation. */
  addCustomGroup(definition: PeerGroupDefinition): CustomPeerGroupOutcome {
    const existing = this.indexById.get(definition.id);
    if (existing !== undefined) {
      return { released: true, group: this.benchmarks[existing] };
    }
    const { minN } = this.policy;
    const candidate = new CompiledPeerGroup(validatePeerGroupFilter(definition.filter), this.codes);
    const size = candidate.members.length;
    if (size < minN) {
      return { released: false, rule: 'min_n', reason: R.groupTooSmall(this.policy).reason };
    }
    for (let g = 0; g < this.compiled.length; g++) {
      if (!this.anyReleased[g]) {
        continue;
      }
      const other = this.compiled[g];
      const otherSize = other.members.length;
      if (Math.abs(size - otherSize) >= minN) {
        continue;
      }
      const difference = candidate.differenceSize(other, size, otherSize, null);
      if (difference > 0 && difference < minN) {
        const { reason } = R.groupDifferencing(this.policy, this.benchmarks[g].id);
        return { released: false, rule: 'differencing', reason };
      }
    }
    const index = this.register(definition);
    this.evaluate([index]);
    return { released: true, group: this.benchmarks[index] };
  }

  private register(definition: PeerGroupDefinition): number {
    const filter = validatePeerGroupFilter(definition.filter);
    const index = this.compiled.length;
    this.compiled.push(new CompiledPeerGroup(filter, this.codes));
    this.benchmarks.push({
      id: definition.id,
      kind: definition.kind,
      label: { ...definition.label },
      n: this.compiled[index].members.length,
      cells: [],
    });
    this.indexById.set(definition.id, index);
    this.anyReleased.push(false);
    return index;
  }

  /**
   * Computes the cells of registered groups that have none yet, in the order given. Each KPI's
   * values are sorted once and then dealt out to the groups in that order, so every group's
   * values arrive sorted without a sort of its own.
   */
  private evaluate(groups: readonly number[]): void {
    const unitCount = this.codes.unitCount;
    const everyone = (j: number): boolean => this.compiled[groups[j]].members.length === unitCount;
    const offset = new Int32Array(groups.length + 1);
    groups.forEach((g, j) => {
      offset[j + 1] = offset[j] + this.compiled[g].members.length;
    });
    // Families of groups no unit can be in two of (the values of one dimension, the value
    // combinations of one pair), each with the group of every unit.
    const families: Array<{ groups: number[]; slot: Int32Array }> = [];
    const inUnion = new Uint8Array(unitCount);
    groups.forEach((g, j) => {
      const members = this.compiled[g].members;
      if (everyone(j)) {
        inUnion.fill(1);
        return;
      }
      let family = families.find((candidate) =>
        candidate.groups.every((other) => this.compiled[g].disjoint(this.compiled[groups[other]])),
      );
      if (family === undefined) {
        family = { groups: [], slot: new Int32Array(unitCount).fill(-1) };
        families.push(family);
      }
      family.groups.push(j);
      for (let i = 0; i < members.length; i++) {
        family.slot[members[i]] = j;
        inUnion[members[i]] = 1;
      }
    });
    const units = inUnion.every((flag) => flag === 1)
      ? null
      : Int32Array.from({ length: unitCount }, (_, u) => u).filter((u) => inUnion[u] === 1);
    const workspace = new ValueSortWorkspace(units === null ? unitCount : units.length);
    const buffer = new Float64Array(offset[groups.length]);
    const end = new Int32Array(groups.length);

    this.plans.forEach((plan, p) => {
      const contributors = gatherValues(plan.values, units, workspace);
      const order = workspace.sortIdsByValue(contributors);
      const sorted = workspace.sortedValues.subarray(0, contributors);
      end.set(offset.subarray(0, groups.length));
      for (const family of families) {
        dealOut(order, sorted, family.slot, end, buffer);
      }
      groups.forEach((g, j) => {
        if (everyone(j)) {
          buffer.set(sorted, offset[j]);
          end[j] = offset[j] + contributors;
        }
        this.benchmarks[g].cells[p] = this.cell(plan, p, g, buffer.subarray(offset[j], end[j]));
      });
    });
  }

  /** The cell of group g for one KPI: frequency and differencing first, then the statistics. */
  private cell(plan: KpiPlan, p: number, g: number, sorted: Float64Array): BenchmarkCell {
    const policy = this.policy;
    const n = sorted.length;
    if (n < policy.minN) {
      return suppressedCell(plan.key, R.minN(policy));
    }
    const released = this.released[p];
    for (let i = 0; i < released.groups.length; i++) {
      const r = released.groups[i];
      const otherCount = released.counts[i];
      // The difference of two sets is at least the difference of their sizes.
      if (Math.abs(n - otherCount) >= policy.minN) {
        continue;
      }
      const difference = this.compiled[g].differenceSize(
        this.compiled[r],
        n,
        otherCount,
        plan.values,
      );
      if (difference > 0 && difference < policy.minN) {
        return suppressedCell(plan.key, R.differencing(policy, this.benchmarks[r].id));
      }
    }
    released.groups.push(g);
    released.counts.push(n);
    this.anyReleased[g] = true;

    const sum = sumOf(sorted);
    const cell: BenchmarkCell = {
      kpiKey: plan.key,
      n,
      // A share of "yes" is counted to the integer first so that 13 of 100 is exactly 13 %.
      mean: plan.boolean ? (sum * 100) / n : sum / n,
      p10: null,
      p25: null,
      p50: null,
      p75: null,
      p90: null,
      pooled: null,
      suppressed: null,
      suppressedStatistics: [],
    };
    if (plan.boolean) {
      return cell;
    }
    const method = policy.quantileMethod;
    cell.p25 = quantile(sorted, 0.25, method);
    cell.p50 = quantile(sorted, 0.5, method);
    cell.p75 = quantile(sorted, 0.75, method);
    if (n >= policy.minNTails) {
      cell.p10 = quantile(sorted, 0.1, method);
      cell.p90 = quantile(sorted, 0.9, method);
    } else {
      const tails = R.minNTails(policy);
      cell.suppressedStatistics.push(
        { statistic: 'p10', ...tails },
        { statistic: 'p90', ...tails },
      );
    }
    if (plan.weights !== null) {
      // Over the members in ascending order: a fixed order, so that a snapshot and its
      // recomputation (or a custom group added later) agree to the bit.
      const sums = pooledSums(plan.values, plan.weights, this.compiled[g].members);
      const withheld = pooledSuppression(sums, policy);
      if (withheld === null) {
        cell.pooled = pooledValue(sums);
      } else {
        cell.suppressedStatistics.push({ statistic: 'pooled', ...withheld });
      }
    }
    return cell;
  }
}

/**
 * Computes the snapshot of a cycle: every benchmarked KPI x peer group, under the disclosure
 * rules of `SnapshotState`. A group whose id repeats an earlier one is left out.
 *
 * To restore a snapshot with accepted custom groups, call this with the predefined groups
 * followed by the accepted custom groups in the order they were accepted: the cells are the
 * same as those `addCustomGroup` returned.
 */
export function computeSnapshot(input: BenchmarkInput): SnapshotState {
  return SnapshotState.compute(input);
}

/**
 * Judges a requested peer group against a snapshot, and if it is accepted adds it to the state
 * (so later requests are judged against it, too) and returns its cells.
 *
 * It is refused (nothing is added) when it has fewer than `minN` units (`min_n`), or when its
 * members differ from those of a group with at least one released cell by 1 to `minN` − 1 units
 * (`differencing`). A group with the same members as an existing one is accepted. An accepted
 * group's cells pass the same rules as all others, differencing against every released cell
 * before it. A definition whose id is already in the snapshot returns that group unchanged.
 */
export function addCustomGroup(
  state: SnapshotState,
  definition: PeerGroupDefinition,
): CustomPeerGroupOutcome {
  return state.addCustomGroup(definition);
}
