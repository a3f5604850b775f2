/** What the specs of the snapshot engine share: groups, the cells they expect, shortcuts. */
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkCell, SuppressibleStatistic, Suppression } from './benchmark-cell';
import { createBenchmarkInput, createUnitProfiles, TestKpi } from './benchmark-test-factories';
import { PeerGroupFilter } from './peer-group';
import { computeSnapshot, SnapshotState } from './snapshot-engine';

export const ALL: PeerGroupFilter = {};
export const TELECOM: PeerGroupFilter = { industry: ['telecom'] };
export const SIZE_L: PeerGroupFilter = { sizeBand: ['L'] };
export const SIZE_M: PeerGroupFilter = { sizeBand: ['M'] };
export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The small-group rule releases no quantile below 20 contributors. The tests of the quantile
 * arithmetic and of the tails rule switch it off with this policy, so that their samples stay
 * small enough to work out by hand.
 */
export const QUANTILES_FROM_ONE: Partial<DisclosurePolicy> = { minNQuantiles: 1 };

export function cellOf(state: SnapshotState, groupId: string, kpiKey: string): BenchmarkCell {
  const cell = state.group(groupId)?.cells.find((c) => c.kpiKey === kpiKey);
  if (cell === undefined) {
    throw new Error(`no cell ${groupId} x ${kpiKey}`);
  }
  return cell;
}

/** Per group id and KPI: the rule that withheld the cell, or `released`. */
export function decisions(state: SnapshotState): Record<string, Record<string, string>> {
  return Object.fromEntries(
    state.groups.map((group) => [
      group.id,
      Object.fromEntries(group.cells.map((c) => [c.kpiKey, c.suppressed?.rule ?? 'released'])),
    ]),
  );
}

export type SnapshotOptions = Parameters<typeof createBenchmarkInput>[0];
export const snapshot = (options: SnapshotOptions): SnapshotState =>
  computeSnapshot(createBenchmarkInput(options));

/** One KPI `x` over the given values, each from one telecom unit, in the group "all". */
export function singleGroup(
  values: number[],
  options: {
    kpi?: Partial<TestKpi>;
    policy?: Partial<DisclosurePolicy>;
    owners?: string[];
  } = {},
): BenchmarkCell {
  const state = snapshot({
    profiles: createUnitProfiles(values.length),
    kpis: [{ key: 'x', values, ...options.kpi }],
    peerGroups: [ALL],
    policy: options.policy,
    owners: options.owners,
  });
  return cellOf(state, 'all', 'x');
}

export const MIN_N: Suppression = {
  rule: 'min_n',
  reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
};
export const TAILS: Suppression = {
  rule: 'min_n_tails',
  reason: {
    de: 'weniger als 10 Vergleichseinheiten für P10 und P90',
    en: 'fewer than 10 peers for P10 and P90',
  },
};
export const SMALL_GROUP: Suppression = {
  rule: 'small_group',
  reason: {
    de: 'Quantile erst ab 20 Vergleichseinheiten, damit kein Quantil ein Einzelwert ist',
    en: "quantiles only from 20 peers, so that no quantile is one unit's value",
  },
};
/** What a released cell of fewer than 20 contributors lists first: every quantile withheld. */
export const SMALL_GROUP_STATISTICS = (['p10', 'p25', 'p50', 'p75', 'p90'] as const).map(
  (statistic: SuppressibleStatistic) => ({ statistic, ...SMALL_GROUP }),
);
/** The release audit's reason: it names no group, no unit and no figure. */
export const DIFFERENCING: Suppression = {
  rule: 'differencing',
  reason: {
    de: 'würde zusammen mit den bereits veröffentlichten Vergleichsgruppen die Werte von weniger als 5 anderen Einheiten berechenbar machen',
    en: 'together with the peer groups released before, would let a participant compute the values of fewer than 5 other units',
  },
};
export const SECONDARY: Suppression = {
  rule: 'secondary',
  reason: {
    de: 'zurückgehalten, damit eine nach der p-%-Regel gesperrte Zelle nicht berechenbar wird',
    en: 'withheld so that a cell withheld by the p% rule cannot be computed',
  },
};
export const P_PERCENT_SUM: Suppression = {
  rule: 'p_percent',
  reason: {
    de: 'die Summe ohne die zwei größten Beiträge liegt unter 10 % des größten',
    en: 'the sum less the two largest contributions is below 10 % of the largest',
  },
};
export const GROUP_AUDIT: Suppression = {
  rule: 'differencing',
  reason: {
    de: 'die Gruppe würde zusammen mit den bereits veröffentlichten Vergleichsgruppen die Werte von weniger als 5 anderen Einheiten berechenbar machen',
    en: 'together with the peer groups released before, the group would let a participant compute the values of fewer than 5 other units',
  },
};

/** A cell withheld as a whole: no figure at all, n included. */
export const withheld = (kpiKey: string, suppressed: Suppression): BenchmarkCell => ({
  kpiKey,
  n: null,
  mean: null,
  p10: null,
  p25: null,
  p50: null,
  p75: null,
  p90: null,
  pooled: null,
  suppressed,
  suppressedStatistics: [],
});
