import { LocalizedText } from '../catalogue/catalogue-definition';
import {
  ALL_PEER_GROUP_ID,
  BenchmarkUnitProfile,
  matchesPeerGroup,
  PeerGroupFilter,
  PeerGroupDefinition,
  PeerGroupFolding,
  PeerGroupKind,
  peerGroupLabel,
  validatePeerGroupFilter,
} from '../benchmark/peer-group';
import { ProfileDimension } from '../profile/unit-profile';
import { DisclosurePolicy, disclosurePolicyOf } from './disclosure-policy';
import {
  PEER_GROUP_REQUEST_DECISIONS,
  PeerGroupRequestDecision,
  customGroupsCounted,
} from './peer-group-request';

/**
 * The smallest peer group (other than all participants) that still makes a useful comparison
 * in a company report; the utility figure counts the units that have one.
 */
export const USEFUL_PEER_GROUP_MIN_N = 9;

/** One rule of the policy in force with the parameters that set it. */
export interface PolicyRule {
  rule: string;
  parameters: Record<string, number | string | boolean>;
}

/** A category folded into a neighbour before any peer group was formed (`manifest.folding`). */
export interface FoldedCategory {
  dimension: string;
  values: string[];
  /** Folded within this band of another dimension only (a pair's), not in the whole study. */
  within?: PeerGroupFilter;
  label: LocalizedText;
}

/** A stored peer group of the snapshot, as the report reads it. */
export interface DisclosureReportGroupInput {
  id: string;
  kind: PeerGroupKind;
  label: LocalizedText;
  filter: PeerGroupFilter;
  n: number;
  /** At least one cell released. */
  released: boolean;
}

/** The number of a group's cells released (`rule` null) or suppressed by one rule. */
export interface CellTally {
  peerGroupId: string;
  rule: string | null;
  cells: number;
}

/** The number of a group's released cells from which one statistic is withheld by one rule. */
export interface StatisticTally {
  peerGroupId: string;
  statistic: string;
  rule: string;
  count: number;
}

/** One row of the release ledger of custom peer-group requests. */
export interface LedgerEntry {
  peerGroupId: string;
  filter: PeerGroupFilter;
  n: number;
  decision: PeerGroupRequestDecision;
  rule: string | null;
  /** The requesting organisation: its id and its name as the publisher sees it. */
  organisationId: string;
  organisationName: string;
  requestedAt: string;
}

/** Everything the disclosure report of one snapshot is aggregated from. */
export interface DisclosureReportInput {
  /** The policy as the snapshot's manifest stores it. */
  storedPolicy: Readonly<Record<string, unknown>>;
  /** `manifest.folding` as stored; anything but an array of folded categories is ignored. */
  storedFolding: unknown;
  groups: readonly DisclosureReportGroupInput[];
  cellTallies: readonly CellTally[];
  statisticTallies: readonly StatisticTally[];
  ledger: readonly LedgerEntry[];
  /** The profiles of the snapshot's units (frozen inputs). */
  profiles: readonly BenchmarkUnitProfile[];
}

/** A count and its share (0..1) of a total; the share is null for an empty total. */
export interface RuleCount {
  rule: string;
  count: number;
  share: number | null;
}

/** A statistic withheld from released cells by one rule. */
export interface WithheldStatistic {
  statistic: string;
  rule: string;
  count: number;
}

/** Cells of a set of peer groups, released and suppressed by rule. */
export interface CellSummary {
  groups: number;
  cells: number;
  released: number;
  releasedShare: number | null;
  suppressed: number;
  suppressedByRule: RuleCount[];
  statisticsWithheld: WithheldStatistic[];
}

/** One peer group's line of the report. */
export interface DisclosureReportGroup {
  id: string;
  kind: PeerGroupKind;
  label: LocalizedText;
  n: number;
  released: boolean;
  cellsReleased: number;
  cellsSuppressed: number;
  suppressedByRule: { rule: string; count: number }[];
  statisticsWithheld: number;
}

/** One requesting organisation's custom-group requests. */
export interface RequesterSummary {
  organisationId: string;
  organisationName: string;
  requests: number;
  /** Requests that count against the policy's cap. */
  counted: number;
}

/** The custom peer groups asked for, by decision and refusal rule. */
export interface RequestSummary {
  requests: number;
  byDecision: { decision: PeerGroupRequestDecision; count: number }[];
  refusedByRule: RuleCount[];
  requesters: RequesterSummary[];
}

/** The utility figures: how much of the benchmark the policy left to the participants. */
export interface DisclosureUtility {
  /** Share (0..1) of the standard groups' cells released; null without cells. */
  standardCellsReleasedShare: number | null;
  units: number;
  /** Units with a released standard peer group other than all participants of n >= minN. */
  unitsWithUsefulPeerGroup: number;
  unitsWithUsefulPeerGroupShare: number | null;
  usefulPeerGroupMinN: number;
}

/**
 * The disclosure report of one snapshot: what a publisher shows an antitrust lawyer or a
 * participant's data-protection officer. It names the requesting organisations, so it is for
 * the snapshot's publisher only.
 */
export interface DisclosureReport {
  policy: DisclosurePolicy;
  rules: PolicyRule[];
  /** The groups every participant gets (all participants, dimensions, pairs). */
  standard: CellSummary;
  /** The custom groups released on request. */
  custom: CellSummary;
  folding: FoldedCategory[];
  requests: RequestSummary;
  ledger: LedgerEntry[];
  groups: DisclosureReportGroup[];
  utility: DisclosureUtility;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isParameter = (value: unknown): value is number | string | boolean =>
  typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

/** The parameters of the policy type, each under the rule it sets. */
const POLICY_RULES: readonly { rule: string; parameters: readonly (keyof DisclosurePolicy)[] }[] = [
  { rule: 'min_n', parameters: ['minN'] },
  { rule: 'min_n_tails', parameters: ['minNTails'] },
  { rule: 'small_group', parameters: ['minNQuantiles', 'quantileMethod'] },
  { rule: 'p_percent', parameters: ['pPercent'] },
  { rule: 'dominance', parameters: ['maxWeightSharePercent'] },
  { rule: 'folding', parameters: ['foldBelowN'] },
  { rule: 'custom_group_limit', parameters: ['maxCustomGroupsPerParticipant'] },
];

/**
 * The rules of a stored policy with their parameters: the ones `DisclosurePolicy` knows (with
 * the defaults it fills in), then every further scalar parameter the store holds, as a rule of
 * its own name, so that the report never leaves out a parameter a newer engine wrote.
 */
export function policyRules(stored: Readonly<Record<string, unknown>>): PolicyRule[] {
  const policy = disclosurePolicyOf(stored);
  const known = new Set<string>(POLICY_RULES.flatMap((r) => r.parameters));
  const rules: PolicyRule[] = POLICY_RULES.map(({ rule, parameters }) => ({
    rule,
    parameters: Object.fromEntries(parameters.map((p) => [p, policy[p]])),
  }));
  for (const [key, value] of Object.entries(stored)) {
    if (!known.has(key) && isParameter(value)) {
      rules.push({ rule: key, parameters: { [key]: value } });
    }
  }
  return rules;
}

function labelOf(value: unknown, fallback: string): LocalizedText {
  if (typeof value === 'string') {
    return { de: value, en: value };
  }
  if (isRecord(value) && typeof value.de === 'string' && typeof value.en === 'string') {
    return { de: value.de, en: value.en };
  }
  return { de: fallback, en: fallback };
}

/**
 * The folded categories of a manifest (`[{ dimension, values, label }]`), label a string or a
 * text per language; entries of another shape are left out, and anything but an array gives
 * none.
 */
export function foldedCategoriesOf(stored: unknown): FoldedCategory[] {
  if (!Array.isArray(stored)) {
    return [];
  }
  return stored.flatMap((entry: unknown): FoldedCategory[] => {
    if (!isRecord(entry) || typeof entry.dimension !== 'string' || !Array.isArray(entry.values)) {
      return [];
    }
    const values = entry.values.filter((v): v is string => typeof v === 'string');
    const within = withinOf(entry.within);
    return [
      {
        dimension: entry.dimension,
        values,
        ...(within === undefined ? {} : { within }),
        label: labelOf(entry.label, values.join(', ')),
      },
    ];
  });
}

/** A stored `within`: a valid, non-empty filter, else none. */
function withinOf(stored: unknown): PeerGroupFilter | undefined {
  if (!isRecord(stored) || Object.keys(stored).length === 0) {
    return undefined;
  }
  try {
    return validatePeerGroupFilter(stored);
  } catch {
    return undefined;
  }
}

/**
 * The folded categories of a folding (`foldCategories`), as a snapshot's manifest stores them:
 * each band of more than one value with its dimension and the label of its group
 * (`Größenklasse: L, XL`); then the bands folded within a pair (`predefinedPeerGroups` with
 * `standsAlone`), read from the pair groups: a dimension's band of more than one value that the
 * folding does not have, within the pair's other band, labelled as its group.
 */
export function foldedCategoriesFrom(
  folding: PeerGroupFolding,
  groups: readonly PeerGroupDefinition[] = [],
): FoldedCategory[] {
  const isBand = (dimension: ProfileDimension, values: readonly string[]): boolean =>
    (folding[dimension] ?? []).some((band) => band.join() === values.join());
  const inPairs = groups
    .filter((group) => group.kind === 'pair')
    .flatMap((group) => {
      const dimensions = Object.keys(group.filter) as ProfileDimension[];
      return dimensions.flatMap((dimension): FoldedCategory[] => {
        const values = group.filter[dimension] ?? [];
        if (values.length < 2 || isBand(dimension, values)) {
          return [];
        }
        const within = Object.fromEntries(
          dimensions.filter((d) => d !== dimension).map((d) => [d, [...(group.filter[d] ?? [])]]),
        ) as PeerGroupFilter;
        return [{ dimension, values: [...values], within, label: { ...group.label } }];
      });
    });
  return [
    ...Object.entries(folding).flatMap(([dimension, bands]) =>
      bands
        .filter((values) => values.length > 1)
        .map((values) => ({
          dimension,
          values: [...values],
          label: peerGroupLabel({ [dimension]: values }),
        })),
    ),
    ...inPairs,
  ];
}

const shareOf = (count: number, total: number): number | null =>
  total === 0 ? null : count / total;

/** Rule counts in descending order of count, then by rule name, so the report is stable. */
function ruleCounts(counts: ReadonlyMap<string, number>, total: number): RuleCount[] {
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([rule, count]) => ({ rule, count, share: shareOf(count, total) }));
}

function add<K>(map: Map<K, number>, key: K, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

function summaryOf(
  groups: readonly DisclosureReportGroup[],
  statisticTallies: readonly StatisticTally[],
): CellSummary {
  const ids = new Set(groups.map((g) => g.id));
  let released = 0;
  let suppressed = 0;
  const byRule = new Map<string, number>();
  for (const group of groups) {
    released += group.cellsReleased;
    suppressed += group.cellsSuppressed;
    for (const { rule, count } of group.suppressedByRule) {
      add(byRule, rule, count);
    }
  }
  const withheld = new Map<string, WithheldStatistic>();
  for (const tally of statisticTallies) {
    if (ids.has(tally.peerGroupId)) {
      const key = `${tally.statistic}\u0000${tally.rule}`;
      const entry = withheld.get(key) ?? { statistic: tally.statistic, rule: tally.rule, count: 0 };
      entry.count += tally.count;
      withheld.set(key, entry);
    }
  }
  const cells = released + suppressed;
  return {
    groups: groups.length,
    cells,
    released,
    releasedShare: shareOf(released, cells),
    suppressed,
    suppressedByRule: ruleCounts(byRule, cells),
    statisticsWithheld: [...withheld.values()].sort(
      (a, b) =>
        b.count - a.count || a.statistic.localeCompare(b.statistic) || a.rule.localeCompare(b.rule),
    ),
  };
}

function requestSummary(ledger: readonly LedgerEntry[]): RequestSummary {
  const byDecision = new Map<PeerGroupRequestDecision, number>();
  const refused = new Map<string, number>();
  const requesters = new Map<string, { name: string; entries: LedgerEntry[] }>();
  for (const entry of ledger) {
    add(byDecision, entry.decision, 1);
    if (entry.decision === 'refused') {
      add(refused, entry.rule ?? '', 1);
    }
    const requester = requesters.get(entry.organisationId) ?? {
      name: entry.organisationName,
      entries: [],
    };
    requester.entries.push(entry);
    requesters.set(entry.organisationId, requester);
  }
  return {
    requests: ledger.length,
    byDecision: PEER_GROUP_REQUEST_DECISIONS.map((decision) => ({
      decision,
      count: byDecision.get(decision) ?? 0,
    })),
    refusedByRule: ruleCounts(refused, byDecision.get('refused') ?? 0),
    requesters: [...requesters.entries()]
      .map(([organisationId, { name, entries }]) => ({
        organisationId,
        organisationName: name,
        requests: entries.length,
        counted: customGroupsCounted(
          entries.map((e) => ({ decision: e.decision, rule: e.rule, requests: 1 })),
        ),
      }))
      .sort(
        (a, b) => b.requests - a.requests || a.organisationName.localeCompare(b.organisationName),
      ),
  };
}

function utilityOf(
  groups: readonly DisclosureReportGroupInput[],
  standard: CellSummary,
  profiles: readonly BenchmarkUnitProfile[],
): DisclosureUtility {
  // Larger groups first: most units find theirs early.
  const useful = groups
    .filter(
      (g) =>
        g.kind !== 'custom' &&
        g.kind !== 'all' &&
        g.id !== ALL_PEER_GROUP_ID &&
        g.released &&
        g.n >= USEFUL_PEER_GROUP_MIN_N,
    )
    .sort((a, b) => b.n - a.n);
  let covered = 0;
  for (const profile of profiles) {
    if (useful.some((g) => matchesPeerGroup(profile, g.filter))) {
      covered++;
    }
  }
  return {
    standardCellsReleasedShare: standard.releasedShare,
    units: profiles.length,
    unitsWithUsefulPeerGroup: covered,
    unitsWithUsefulPeerGroupShare: shareOf(covered, profiles.length),
    usefulPeerGroupMinN: USEFUL_PEER_GROUP_MIN_N,
  };
}

/**
 * Aggregates the disclosure report of a snapshot: the policy in force with every rule's
 * parameters, the standard and custom groups' cells released and suppressed by rule, the
 * statistics withheld from released cells, the folded categories, the custom groups asked for
 * (released, repeated, refused by rule, per requesting organisation) and a line per group, with
 * the utility figures. Pure: the caller reads the tallies and the ledger.
 */
export function disclosureReport(input: DisclosureReportInput): DisclosureReport {
  const tallies = new Map<string, CellTally[]>();
  for (const tally of input.cellTallies) {
    const list = tallies.get(tally.peerGroupId) ?? [];
    list.push(tally);
    tallies.set(tally.peerGroupId, list);
  }
  const withheldPerGroup = new Map<string, number>();
  for (const tally of input.statisticTallies) {
    add(withheldPerGroup, tally.peerGroupId, tally.count);
  }
  const groups: DisclosureReportGroup[] = input.groups.map((group) => {
    let cellsReleased = 0;
    const byRule = new Map<string, number>();
    for (const tally of tallies.get(group.id) ?? []) {
      if (tally.rule === null) {
        cellsReleased += tally.cells;
      } else {
        add(byRule, tally.rule, tally.cells);
      }
    }
    const cellsSuppressed = [...byRule.values()].reduce((sum, count) => sum + count, 0);
    return {
      id: group.id,
      kind: group.kind,
      label: group.label,
      n: group.n,
      released: group.released,
      cellsReleased,
      cellsSuppressed,
      suppressedByRule: ruleCounts(byRule, cellsSuppressed).map(({ rule, count }) => ({
        rule,
        count,
      })),
      statisticsWithheld: withheldPerGroup.get(group.id) ?? 0,
    };
  });
  const standard = summaryOf(
    groups.filter((g) => g.kind !== 'custom'),
    input.statisticTallies,
  );
  const custom = summaryOf(
    groups.filter((g) => g.kind === 'custom'),
    input.statisticTallies,
  );
  return {
    policy: disclosurePolicyOf(input.storedPolicy),
    rules: policyRules(input.storedPolicy),
    standard,
    custom,
    folding: foldedCategoriesOf(input.storedFolding),
    requests: requestSummary(input.ledger),
    ledger: [...input.ledger],
    groups,
    utility: utilityOf(input.groups, standard, input.profiles),
  };
}
