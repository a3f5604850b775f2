import { LocalizedText } from '../catalogue/catalogue-definition';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { PeerGroupBenchmark, Suppression } from './benchmark-cell';
import { BenchmarkInput } from './benchmark-input';
import { CellDecision, cellStatistics, dealOut, gatherValues } from './cell-statistics';
import { CompanyHoldings } from './company-holdings';
import { PeerGroupDefinition, validatePeerGroupFilter } from './peer-group';
import { CompiledPeerGroup } from './compiled-peer-group';
import { pooledSums, pooledSuppression } from './pooled-figure';
import { ProfileCodes } from './profile-codes';
import { ReleaseMemo, SumAudit } from './release-audit';
import { checkInput, KpiPlan, kpiPlans, ownerIndices } from './snapshot-input';
import { SUPPRESSION_REASONS as R } from './suppression-reasons';
import { ValueSortWorkspace } from './value-sort-workspace';

/** The answer to a requested (custom) peer group. */
export type CustomPeerGroupOutcome =
  | { released: true; group: PeerGroupBenchmark }
  | { released: false; rule: 'min_n' | 'differencing'; reason: LocalizedText };

/**
 * What the rules need of a cell's contributors, beyond who they are: worked out once per cell
 * (`cellFacts`), for the protection of its failing sums and again for its decision.
 */
interface CellFacts {
  /**
   * How many units contribute, and how many companies own them (the frequency rule counts
   * both).
   */
  units: number;
  companies: number;
  /** Whether their sum fails the p% rule, counted by company holdings. */
  failsPPercent: boolean;
  /** Their sum, and the largest company holding in it. */
  total: number;
  largest: number;
  /**
   * The pooled figure's value-based rule (`pooledValueRule`) for a KPI with a weight and enough
   * contributors; null if it passes them, or has none.
   */
  pooled: PooledValueRule | null;
}

/** A pooled figure's value-based refusal, and which of its sums fails the p% rule. */
interface PooledValueRule {
  rule: Suppression;
  weight: boolean;
  numerator: boolean;
}

/**
 * A computed snapshot: the cells of every peer group, and what it takes to judge one more
 * (custom) group against them. Use `computeSnapshot` and `addCustomGroup`; this is their
 * implementation.
 *
 * The disclosure rules, with the parameters of the policy, decided group by group in priority
 * order and within a group KPI by KPI:
 * - Frequency: the contributors of a cell are the group's units with a value for the KPI; with
 *   fewer than `minN` the whole cell is withheld (`min_n`).
 * - p% rule (value-based by definition): the sum behind the mean of a KPI without negative
 *   values must keep the total less its two largest contributions at p % of the largest
 *   (`p_percent`). The sums of predefined groups that fail are protected before any cell is
 *   released, those of a custom group when it is judged.
 * - Release audit (`SumAudit`, one per family of unknowns: each KPI's values, each pooled
 *   figure's products value x weight): a cell is released only if, with every sum released
 *   before it (in any group, to anyone), no participant could compute another unit's value or
 *   a sum over fewer than `minN` other units (`differencing`), and no protected sum
 *   (`secondary`: the secondary suppression of the p% rule).
 * - Small groups: a released cell with fewer than `minNQuantiles` contributors has n and the
 *   mean only (`small_group`); P10 and P90 need `minNTails` besides (`min_n_tails`).
 * - Pooled figure (a KPI with a weight, not yes/no): over the contributors with a weight > 0,
 *   Σ v·w / Σ w. It is withheld by `pooledSuppression` (min_n, the p% rule on the weights,
 *   the weight share), by the p% rule on the numerator Σ v·w, or by the audit of its two sums
 *   (Σ w in the weight's family, Σ v·w in its own).
 *
 * Every decision but the p% rule's depends on who contributes, never on the values, so a
 * refusal reveals nothing about them. Everything is taken in a fixed order (groups in priority
 * order; the values of a mean ascending, equal values by unit index; the terms of a pooled
 * figure by unit index), so equal inputs give equal output to the bit, whether a group was
 * computed with the others or added later.
 */
export class SnapshotState {
  readonly policy: DisclosurePolicy;
  private readonly benchmarks: PeerGroupBenchmark[] = [];
  private readonly compiled: CompiledPeerGroup[] = [];
  private readonly decisions: CellDecision[][] = [];
  private readonly indexById = new Map<string, number>();
  private readonly plans: KpiPlan[];
  private readonly codes: ProfileCodes;
  private readonly owners: Int32Array;
  /** The p% rule on holdings, with its buffers per company. */
  private readonly holdings: CompanyHoldings;
  /** Scratch for a cell's contributing units (one cell is judged at a time). */
  private readonly contributing: Int32Array;
  /** Scratch for the units of a cell's pooled figure (a subset of `contributing`'s). */
  private readonly pooling: Int32Array;
  /** Per benchmarked KPI, the groups whose cell is released so far, in order, and their sums. */
  private readonly releasedGroups: number[][];
  private readonly releasedSums: Array<Map<number, { total: number; largest: number }>>;
  /** The release audit per family of unknowns: KPI values by input index, then products. */
  private readonly audits = new Map<string, SumAudit>();
  private readonly memo = new ReleaseMemo();
  /** The audit of the released groups' member sets. */
  private readonly membership: SumAudit;
  /** Per benchmarked KPI, its units in value order (see `valueOrders`). */
  private sortedByValue: Array<{ order: Int32Array; sorted: Float64Array }> | null = null;

  private constructor(private readonly input: BenchmarkInput) {
    checkInput(input);
    this.policy = { ...input.policy };
    this.codes = new ProfileCodes(input.profiles);
    this.owners = ownerIndices(input.owners);
    this.holdings = new CompanyHoldings(this.owners, this.policy);
    this.contributing = new Int32Array(this.owners.length);
    this.pooling = new Int32Array(this.owners.length);
    this.membership = new SumAudit(this.owners, this.policy.minN, this.memo);
    this.plans = kpiPlans(input);
    this.releasedGroups = this.plans.map(() => []);
    this.releasedSums = this.plans.map(() => new Map<number, { total: number; largest: number }>());
  }

  /** Use `computeSnapshot`; this is its implementation. */
  static compute(input: BenchmarkInput): SnapshotState {
    const state = new SnapshotState(input);
    const added = input.peerGroups.flatMap((definition) =>
      state.indexById.has(definition.id) ? [] : [state.register(definition)],
    );
    // The p% rule's sums of the predefined groups are protected before anything is released,
    // so that no earlier group's cells can give them away.
    const facts = added.map((g) => state.cellFacts(g));
    added.forEach((g, i) => {
      if (state.benchmarks[g].kind !== 'custom') {
        state.protectFailingSums(g, facts[i]);
      }
    });
    added.forEach((g, i) => {
      state.decide(g, facts[i]);
      state.releaseMembership(g);
    });
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
    const candidate = new CompiledPeerGroup(validatePeerGroupFilter(definition.filter), this.codes);
    if (candidate.members.length < this.policy.minN) {
      return { released: false, rule: 'min_n', reason: R.groupTooSmall(this.policy).reason };
    }
    const index = this.register(definition);
    // Generalised differencing on the groups themselves: the members of every released group
    // are sums too (of anything all members supplied), so a group whose membership would let
    // a participant single out fewer than minN units is refused as a whole.
    if (
      this.membership.release(candidate.members, true, this.benchmarks[index].id) !== 'released'
    ) {
      this.unregister(index);
      return { released: false, rule: 'differencing', reason: R.groupAudit(this.policy).reason };
    }
    const protectedBefore = [...this.audits.values()].map((audit) => audit.protectedCount);
    this.decide(index, this.cellFacts(index));
    const rules = this.decisions[index].map((decision) => decision.suppressed?.rule);
    // Refused when no cell could be released for who contributes (a cell withheld by the
    // value-based p% rule does not refuse the group, or the refusal would tell of values).
    if (
      rules.every((rule) => rule === 'min_n' || rule === 'differencing' || rule === 'secondary')
    ) {
      // Nothing of it was released; its protections go with it.
      [...this.audits.values()].forEach((audit, i) => audit.unprotectFrom(protectedBefore[i] ?? 0));
      this.unregister(index);
      return rules.every((rule) => rule === 'min_n')
        ? { released: false, rule: 'min_n', reason: R.groupTooFewContributors(this.policy).reason }
        : { released: false, rule: 'differencing', reason: R.groupAudit(this.policy).reason };
    }
    this.releaseMembership(index);
    this.evaluate([index]);
    return { released: true, group: this.benchmarks[index] };
  }

  /**
   * Adds the members of a group with a released cell to the membership audit, if they pass it
   * (a predefined group is never refused for it: its cells were judged KPI by KPI).
   */
  private releaseMembership(g: number): void {
    if (this.decisions[g].some((decision) => decision.suppressed === null)) {
      this.membership.release(this.compiled[g].members, false, this.benchmarks[g].id);
    }
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
    this.decisions.push([]);
    this.indexById.set(definition.id, index);
    return index;
  }

  /** Takes back the group registered last. */
  private unregister(index: number): void {
    this.indexById.delete(this.benchmarks[index].id);
    this.compiled.pop();
    this.benchmarks.pop();
    this.decisions.pop();
  }

  /** The audit of one family of unknowns, made on first use. */
  private audit(family: string): SumAudit {
    let audit = this.audits.get(family);
    if (audit === undefined) {
      audit = new SumAudit(this.owners, this.policy.minN, this.memo);
      this.audits.set(family, audit);
    }
    return audit;
  }

  private valueAudit(kpiIndex: number): SumAudit {
    return this.audit(`value:${kpiIndex}`);
  }

  private productAudit(plan: KpiPlan): SumAudit {
    return this.audit(`product:${plan.kpiIndex}`);
  }

  /**
   * The group's units with a value of the plan's KPI, ascending: a view of scratch, valid until
   * the next call (or the members themselves when every unit has a value: nearly half the KPIs
   * of a study, whose cells are judged twice each). Read only.
   */
  private contributors(g: number, plan: KpiPlan): Int32Array {
    const members = this.compiled[g].members;
    if (plan.complete) {
      return members;
    }
    const values = plan.values;
    const units = this.contributing;
    let count = 0;
    for (let i = 0; i < members.length; i++) {
      const u = members[i];
      if (values[u] === values[u]) {
        units[count++] = u;
      }
    }
    return units.subarray(0, count);
  }

  /** Per plan, what the rules need of the contributors of group g's cell (see `CellFacts`). */
  private cellFacts(g: number): CellFacts[] {
    return this.plans.map((plan) => {
      const units = this.contributors(g, plan);
      const values = plan.values;
      const [companies, fails, total, largest] = this.holdings.of(units, values);
      const facts: CellFacts = {
        units: units.length,
        companies,
        failsPPercent: fails,
        total,
        largest,
        pooled: null,
      };
      if (plan.weights !== null && !this.tooFew(facts)) {
        facts.pooled = this.pooledValueRule(plan, this.pooledUnits(plan, units));
      }
      return facts;
    });
  }

  /**
   * The contributors that also carry a weight > 0: the units of the pooled figure (a view of
   * scratch, valid until the next call; a typed array's filter allocates and calls per unit).
   * The contributors themselves where every unit with a value has a weight > 0 (equal masks are
   * equal sets). Read only.
   */
  private pooledUnits(plan: KpiPlan, contributors: Int32Array): Int32Array {
    if (plan.pooledMask === plan.valueMask) {
      return contributors;
    }
    const weights = plan.weights as Float64Array;
    const units = this.pooling;
    let count = 0;
    for (let i = 0; i < contributors.length; i++) {
      const u = contributors[i];
      if (weights[u] > 0) {
        units[count++] = u;
      }
    }
    return units.subarray(0, count);
  }

  /** Fewer than minN units, or fewer than minN companies, contribute. */
  private tooFew(c: CellFacts): boolean {
    return c.units < this.policy.minN || c.companies < this.policy.minN;
  }

  /** Whether the p% rule withholds the cell's sum (never for yes/no or signed KPIs). */
  private sumFailsPPercent(plan: KpiPlan, c: CellFacts): boolean {
    return !plan.boolean && plan.nonNegative && !this.tooFew(c) && c.failsPPercent;
  }

  /**
   * The pooled figure's value-based rules: `pooledSuppression` (its frequency, the p% rule on
   * the weights, the weight share), then the p% rule on the numerator Σ v·w. Says which sum
   * fails the p% rule, so that only that one is protected.
   */
  private pooledValueRule(plan: KpiPlan, units: Int32Array): PooledValueRule | null {
    const weights = plan.weights as Float64Array;
    const rule = pooledSuppression(pooledSums(plan.values, weights, units), this.policy);
    if (rule !== null) {
      return { rule, weight: rule.rule === 'p_percent', numerator: false };
    }
    const values = plan.values;
    if (plan.nonNegative && this.holdings.of(units, values, weights)[1]) {
      return { rule: R.pPercentNumerator(this.policy), weight: false, numerator: true };
    }
    return null;
  }

  /** The exact key of a cell's set in the release audit: equal keys, equal members. */
  private setKey(g: number, mask: number): string {
    return `${this.benchmarks[g].id}|${mask}`;
  }

  /** Protects, in their audits, the sums of group g that the p% rule withholds. */
  private protectFailingSums(g: number, facts: readonly CellFacts[]): void {
    this.plans.forEach((plan, p) => {
      const c = facts[p];
      if (this.sumFailsPPercent(plan, c)) {
        this.valueAudit(plan.kpiIndex).protect(
          this.contributors(g, plan),
          this.setKey(g, plan.valueMask),
        );
      }
      const failed = c.pooled;
      if (failed !== null && (failed.weight || failed.numerator)) {
        const units = this.pooledUnits(plan, this.contributors(g, plan));
        const key = this.setKey(g, plan.pooledMask);
        if (failed.weight) {
          this.valueAudit(plan.weightIndex).protect(units, key);
        }
        if (failed.numerator) {
          this.productAudit(plan).protect(units, key);
        }
      }
    });
  }

  /**
   * The p% rule on the cells a release implies: with group g's cell and a released cell of a
   * group nested in it (or it in one), the difference of the two sums is released too. A
   * difference of fewer than minN units is the audit's business.
   */
  private impliedCellFails(g: number, p: number, plan: KpiPlan, c: CellFacts): boolean {
    if (plan.boolean || !plan.nonNegative) {
      return false;
    }
    const group = this.compiled[g];
    const values = plan.values;
    for (const h of this.releasedGroups[p]) {
      const other = this.compiled[h];
      const nested = group.within(other) ? -1 : other.within(group) ? 1 : 0;
      if (nested === 0) {
        continue;
      }
      const [outer, inner] = nested < 0 ? [other, group] : [group, other];
      const known = this.releasedSums[p].get(h) as { total: number; largest: number };
      const [outerSum, innerSum] = nested < 0 ? [known, c] : [c, known];
      // No holding of the difference exceeds the outer set's largest, L: with a rest of at
      // least total − 2L, a difference that clears p % of L passes without a look at it.
      const rest = outerSum.total - innerSum.total - 2 * outerSum.largest;
      if (rest * 100 >= this.policy.pPercent * outerSum.largest * (1 + 1e-9) + 1e-9) {
        continue;
      }
      const difference = outer.members.filter((u) => values[u] === values[u] && !inner.has(u));
      if (difference.length >= this.policy.minN) {
        const [companies, fails] = this.holdings.of(difference, values);
        if (companies >= this.policy.minN && fails) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Decides every cell of group g, KPI by KPI, releasing the sums of those that pass into the
   * audits (so the next cell is judged against them).
   */
  private decide(g: number, facts: readonly CellFacts[]): void {
    if (this.benchmarks[g].kind === 'custom') {
      this.protectFailingSums(g, facts);
    }
    this.decisions[g] = this.plans.map((plan, p) => {
      const c = facts[p];
      if (this.tooFew(c)) {
        return { suppressed: R.minN(this.policy), pooled: null };
      }
      if (this.sumFailsPPercent(plan, c)) {
        return { suppressed: R.pPercentSum(this.policy), pooled: null };
      }
      if (this.impliedCellFails(g, p, plan, c)) {
        return { suppressed: R.secondary(), pooled: null };
      }
      const audit = this.valueAudit(plan.kpiIndex);
      const units = this.contributors(g, plan);
      const verdict = audit.release(units, false, this.setKey(g, plan.valueMask));
      if (verdict !== 'released') {
        return {
          suppressed: verdict === 'secondary' ? R.secondary() : R.differencing(this.policy),
          pooled: null,
        };
      }
      this.releasedGroups[p].push(g);
      this.releasedSums[p].set(g, { total: c.total, largest: c.largest });
      return {
        suppressed: null,
        pooled: plan.weights === null ? null : this.decidePooled(g, plan, units, c.pooled),
      };
    });
  }

  /** The pooled figure of a released cell: its value-based rules, then the audit of its sums. */
  private decidePooled(
    g: number,
    plan: KpiPlan,
    contributors: Int32Array,
    failed: PooledValueRule | null,
  ): Suppression | null {
    if (failed !== null) {
      return failed.rule;
    }
    const units = this.pooledUnits(plan, contributors);
    // Σ w is an equation on the weight's values, Σ v·w on the products: both must pass.
    const weights = this.valueAudit(plan.weightIndex);
    const products = this.productAudit(plan);
    const key = this.setKey(g, plan.pooledMask);
    for (const audit of [weights, products]) {
      const verdict = audit.release(units, true, key);
      if (verdict !== 'released') {
        return verdict === 'secondary' ? R.secondary() : R.differencing(this.policy);
      }
    }
    weights.release(units, false, key);
    products.release(units, false, key);
    return null;
  }

  /**
   * Computes the statistics of decided groups that have no cells yet, in the order given. Each
   * KPI's values are dealt out in value order (`valueOrders`) to the groups in that order, so
   * every group's values arrive sorted without a sort of its own.
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
    groups.forEach((g, j) => {
      if (everyone(j)) {
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
      const members = this.compiled[g].members;
      for (let i = 0; i < members.length; i++) {
        family.slot[members[i]] = j;
      }
    });
    const buffer = new Float64Array(offset[groups.length]);
    const end = new Int32Array(groups.length);
    const valueOrders = this.valueOrders();

    this.plans.forEach((plan, p) => {
      const { order, sorted } = valueOrders[p];
      end.set(offset.subarray(0, groups.length));
      for (const family of families) {
        dealOut(order, sorted, family.slot, end, buffer);
      }
      groups.forEach((g, j) => {
        if (everyone(j)) {
          buffer.set(sorted, offset[j]);
          end[j] = offset[j] + sorted.length;
        }
        this.benchmarks[g].cells[p] = cellStatistics(
          plan,
          this.decisions[g][p],
          buffer.subarray(offset[j], end[j]),
          this.policy,
          this.compiled[g].members,
        );
      });
    });
  }

  /**
   * Per plan, the units of the snapshot with a value of its KPI in value order, ties by unit (a
   * total order, so the members of any group come out of it in the order a sort of their own
   * would give), and their values in that order: sorted at the first evaluation and kept, so
   * that a custom group's cells need no sort.
   */
  private valueOrders(): ReadonlyArray<{ order: Int32Array; sorted: Float64Array }> {
    if (this.sortedByValue === null) {
      const workspace = new ValueSortWorkspace(this.codes.unitCount);
      this.sortedByValue = this.plans.map((plan) => {
        const contributors = gatherValues(plan.values, null, workspace);
        return {
          order: workspace.sortIdsByValue(contributors).slice(),
          sorted: workspace.sortedValues.slice(0, contributors),
        };
      });
    }
    return this.sortedByValue;
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
 * It is refused (nothing is added) when it has fewer than `minN` units (`min_n`), or when no
 * cell of it could be released for who contributes (`differencing`: the release audit against
 * everything released before, to anyone). A group with the same members as an existing one is
 * accepted. An accepted group's cells pass the same rules as all others. A definition whose id
 * is already in the snapshot returns that group unchanged.
 */
export function addCustomGroup(
  state: SnapshotState,
  definition: PeerGroupDefinition,
): CustomPeerGroupOutcome {
  return state.addCustomGroup(definition);
}
