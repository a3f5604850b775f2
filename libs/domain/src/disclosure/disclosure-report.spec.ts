import {
  BenchmarkUnitProfile,
  peerGroupDefinition,
  PeerGroupFilter,
} from '../benchmark/peer-group';
import { DEFAULT_DISCLOSURE_POLICY } from './disclosure-policy';
import {
  disclosureReport,
  DisclosureReportGroupInput,
  DisclosureReportInput,
  foldedCategoriesFrom,
  foldedCategoriesOf,
  LedgerEntry,
  policyRules,
} from './disclosure-report';

const profile = (industry: string, sizeBand: string): BenchmarkUnitProfile => ({
  industry,
  sizeBand,
  country: 'DE',
  customerType: 'b2c',
  sourcing: 'inhouse',
});

/** Six telecom M, three banking M and one banking L. */
const PROFILES: BenchmarkUnitProfile[] = [
  ...Array.from({ length: 6 }, () => profile('telecom', 'M')),
  ...Array.from({ length: 3 }, () => profile('banking', 'M')),
  profile('banking', 'L'),
];

function group(
  filter: PeerGroupFilter,
  kind: DisclosureReportGroupInput['kind'],
  n: number,
  released: boolean,
): DisclosureReportGroupInput {
  const definition = peerGroupDefinition(filter, kind);
  return { ...definition, n, released };
}

const GROUPS: DisclosureReportGroupInput[] = [
  group({}, 'all', 10, true),
  group({ industry: ['telecom'] }, 'dimension', 6, true),
  group({ industry: ['banking'] }, 'dimension', 4, false),
  group({ sizeBand: ['M'] }, 'dimension', 9, true),
  group({ sizeBand: ['L'] }, 'dimension', 1, false),
  group({ industry: ['telecom', 'banking'], sizeBand: ['M'] }, 'custom', 9, true),
];

const CUSTOM_ID = 'industry:telecom,banking;sizeBand:M';

function entry(
  organisation: 'A' | 'B',
  peerGroupId: string,
  decision: LedgerEntry['decision'],
  rule: string | null = null,
): LedgerEntry {
  return {
    peerGroupId,
    filter: {},
    n: 9,
    decision,
    rule,
    organisationId: `org-${organisation}`,
    organisationName: `Company ${organisation}`,
    requestedAt: '2026-03-01T10:00:00.000Z',
  };
}

const INPUT: DisclosureReportInput = {
  storedPolicy: { ...DEFAULT_DISCLOSURE_POLICY, maxCustomGroupsPerParticipant: 3 },
  storedFolding: [{ dimension: 'sizeBand', values: ['L', 'XL'], label: 'L + XL' }, { junk: 1 }],
  groups: GROUPS,
  // Two KPIs per group.
  cellTallies: [
    { peerGroupId: 'all', rule: null, cells: 2 },
    { peerGroupId: 'industry:telecom', rule: null, cells: 1 },
    { peerGroupId: 'industry:telecom', rule: 'p_percent', cells: 1 },
    { peerGroupId: 'industry:banking', rule: 'min_n', cells: 2 },
    { peerGroupId: 'sizeBand:M', rule: null, cells: 2 },
    { peerGroupId: 'sizeBand:L', rule: 'min_n', cells: 2 },
    { peerGroupId: CUSTOM_ID, rule: null, cells: 1 },
    { peerGroupId: CUSTOM_ID, rule: 'differencing', cells: 1 },
  ],
  statisticTallies: [
    { peerGroupId: 'industry:telecom', statistic: 'p10', rule: 'min_n_tails', count: 1 },
    { peerGroupId: 'industry:telecom', statistic: 'p90', rule: 'min_n_tails', count: 1 },
    { peerGroupId: 'sizeBand:M', statistic: 'pooled', rule: 'dominance', count: 1 },
    { peerGroupId: CUSTOM_ID, statistic: 'p10', rule: 'min_n_tails', count: 1 },
  ],
  ledger: [
    entry('A', CUSTOM_ID, 'released'),
    entry('A', 'sizeBand:M', 'already_released'),
    entry('A', 'sourcing:outsourced', 'refused', 'min_n'),
    entry('B', 'industry:banking;country:DE', 'refused', 'differencing'),
    entry('B', 'industry:retail', 'refused', 'custom_group_limit'),
  ],
  profiles: PROFILES,
};

describe('disclosureReport', () => {
  const report = disclosureReport(INPUT);

  it('counts the standard groups cells released and suppressed by rule, with shares', () => {
    // 5 groups x 2 KPIs; released 2 + 1 + 0 + 2 + 0 = 5; min_n 2 + 2, p_percent 1.
    expect(report.standard).toMatchObject({
      groups: 5,
      cells: 10,
      released: 5,
      releasedShare: 0.5,
      suppressed: 5,
      suppressedByRule: [
        { rule: 'min_n', count: 4, share: 0.4 },
        { rule: 'p_percent', count: 1, share: 0.1 },
      ],
    });
    expect(report.standard.statisticsWithheld).toEqual([
      { statistic: 'p10', rule: 'min_n_tails', count: 1 },
      { statistic: 'p90', rule: 'min_n_tails', count: 1 },
      { statistic: 'pooled', rule: 'dominance', count: 1 },
    ]);
  });

  it('keeps the custom groups cells apart from the standard ones', () => {
    expect(report.custom).toEqual({
      groups: 1,
      cells: 2,
      released: 1,
      releasedShare: 0.5,
      suppressed: 1,
      suppressedByRule: [{ rule: 'differencing', count: 1, share: 0.5 }],
      statisticsWithheld: [{ statistic: 'p10', rule: 'min_n_tails', count: 1 }],
    });
  });

  it('gives a line per group with its cells per rule', () => {
    expect(report.groups.map((g) => [g.id, g.n, g.cellsReleased, g.cellsSuppressed])).toEqual([
      ['all', 10, 2, 0],
      ['industry:telecom', 6, 1, 1],
      ['industry:banking', 4, 0, 2],
      ['sizeBand:M', 9, 2, 0],
      ['sizeBand:L', 1, 0, 2],
      [CUSTOM_ID, 9, 1, 1],
    ]);
    expect(report.groups[1]).toMatchObject({
      kind: 'dimension',
      label: { en: 'Industry: telecom' },
      suppressedByRule: [{ rule: 'p_percent', count: 1 }],
      statisticsWithheld: 2,
    });
  });

  it('summarises the custom groups asked for by decision, refusal rule and organisation', () => {
    expect(report.requests.requests).toBe(5);
    expect(report.requests.byDecision).toEqual([
      { decision: 'released', count: 1 },
      { decision: 'already_released', count: 1 },
      { decision: 'refused', count: 3 },
    ]);
    expect(report.requests.refusedByRule).toEqual([
      { rule: 'custom_group_limit', count: 1, share: 1 / 3 },
      { rule: 'differencing', count: 1, share: 1 / 3 },
      { rule: 'min_n', count: 1, share: 1 / 3 },
    ]);
    // A's repeat of a released group and B's refusal by the cap do not count against the cap.
    expect(report.requests.requesters).toEqual([
      { organisationId: 'org-A', organisationName: 'Company A', requests: 3, counted: 2 },
      { organisationId: 'org-B', organisationName: 'Company B', requests: 2, counted: 1 },
    ]);
    expect(report.ledger).toHaveLength(5);
  });

  it('counts the units with a released standard group other than all of at least 9 units', () => {
    // Only sizeBand:M (n = 9) qualifies: all nine M units, not the banking L unit.
    expect(report.utility).toEqual({
      standardCellsReleasedShare: 0.5,
      units: 10,
      unitsWithUsefulPeerGroup: 9,
      unitsWithUsefulPeerGroupShare: 0.9,
      usefulPeerGroupMinN: 9,
    });
  });

  it('counts neither all participants nor a custom group as a useful peer group', () => {
    const onlyAllAndCustom = disclosureReport({
      ...INPUT,
      groups: GROUPS.filter((g) => g.kind === 'all' || g.kind === 'custom'),
    });
    expect(onlyAllAndCustom.utility.unitsWithUsefulPeerGroup).toBe(0);
  });

  it('shows the folded categories, and none when the manifest has none', () => {
    expect(report.folding).toEqual([
      { dimension: 'sizeBand', values: ['L', 'XL'], label: { de: 'L + XL', en: 'L + XL' } },
    ]);
    expect(disclosureReport({ ...INPUT, storedFolding: undefined }).folding).toEqual([]);
  });

  it('gives no shares for a snapshot without cells or units', () => {
    const empty = disclosureReport({
      ...INPUT,
      groups: [],
      cellTallies: [],
      statisticTallies: [],
      ledger: [],
      profiles: [],
    });
    expect(empty.standard.releasedShare).toBeNull();
    expect(empty.utility.unitsWithUsefulPeerGroupShare).toBeNull();
    expect(empty.requests.refusedByRule).toEqual([]);
  });
});

describe('policyRules', () => {
  it('lists every rule of the policy with its parameters, defaults filled in', () => {
    expect(policyRules({ maxCustomGroupsPerParticipant: 3 })).toEqual([
      { rule: 'min_n', parameters: { minN: 5 } },
      { rule: 'min_n_tails', parameters: { minNTails: 10 } },
      { rule: 'small_group', parameters: { minNQuantiles: 20, quantileMethod: 'linear' } },
      { rule: 'p_percent', parameters: { pPercent: 10 } },
      { rule: 'dominance', parameters: { maxWeightSharePercent: 25 } },
      { rule: 'folding', parameters: { foldBelowN: 10 } },
      { rule: 'custom_group_limit', parameters: { maxCustomGroupsPerParticipant: 3 } },
    ]);
  });

  it('keeps a scalar parameter it does not know as a rule of its own', () => {
    const rules = policyRules({ auditMethod: 'leverage', nested: { a: 1 } });
    expect(rules.at(-1)).toEqual({ rule: 'auditMethod', parameters: { auditMethod: 'leverage' } });
    expect(rules.some((r) => r.rule === 'nested')).toBe(false);
  });
});

describe('foldedCategoriesOf', () => {
  it('reads a label per language and falls back to the values', () => {
    expect(
      foldedCategoriesOf([
        { dimension: 'sizeBand', values: ['L', 'XL'], label: { de: 'L und XL', en: 'L and XL' } },
        { dimension: 'industry', values: ['media', 'travel'] },
      ]),
    ).toEqual([
      { dimension: 'sizeBand', values: ['L', 'XL'], label: { de: 'L und XL', en: 'L and XL' } },
      {
        dimension: 'industry',
        values: ['media', 'travel'],
        label: { de: 'media, travel', en: 'media, travel' },
      },
    ]);
    expect(foldedCategoriesOf({ sizeBand: ['L', 'XL'] })).toEqual([]);
  });

  it('reads the band a category was folded within, and leaves out one that is no filter', () => {
    const within = (stored: unknown) =>
      foldedCategoriesOf([{ dimension: 'sizeBand', values: ['S', 'M'], within: stored }])[0];
    expect(within({ industry: ['telecom'] })).toEqual({
      dimension: 'sizeBand',
      values: ['S', 'M'],
      within: { industry: ['telecom'] },
      label: { de: 'S, M', en: 'S, M' },
    });
    expect(within({ industry: ['no such industry'] })).not.toHaveProperty('within');
    expect(within({})).not.toHaveProperty('within');
    expect(within('industry:telecom')).not.toHaveProperty('within');
  });
});

describe('foldedCategoriesFrom', () => {
  it('lists each band of more than one value with the label of its group, as the manifest does', () => {
    expect(foldedCategoriesFrom({ sizeBand: [['S'], ['M'], ['L', 'XL']] })).toEqual([
      {
        dimension: 'sizeBand',
        values: ['L', 'XL'],
        label: { de: 'Größenklasse: L, XL', en: 'Size band: L, XL' },
      },
    ]);
    expect(foldedCategoriesFrom({})).toEqual([]);
  });

  it('lists the bands folded within a pair, found in its groups, after those of the folding', () => {
    const pair = (filter: PeerGroupFilter) => peerGroupDefinition(filter, 'pair');
    const groups = [
      peerGroupDefinition({ sizeBand: ['L', 'XL'] }, 'dimension'),
      // The study's own band L, XL and a single value are no folding within the pair.
      pair({ industry: ['telecom'], sizeBand: ['S', 'M'] }),
      pair({ industry: ['telecom'], sizeBand: ['L', 'XL'] }),
      pair({ industry: ['banking'], sizeBand: ['S'] }),
      pair({ industry: ['banking'], sizeBand: ['M', 'L', 'XL'] }),
      // A custom group with the same shape is asked for, not folded.
      peerGroupDefinition({ industry: ['retail'], sizeBand: ['S', 'M'] }),
    ];
    expect(foldedCategoriesFrom({ sizeBand: [['S'], ['M'], ['L', 'XL']] }, groups)).toEqual([
      {
        dimension: 'sizeBand',
        values: ['L', 'XL'],
        label: { de: 'Größenklasse: L, XL', en: 'Size band: L, XL' },
      },
      {
        dimension: 'sizeBand',
        values: ['S', 'M'],
        within: { industry: ['telecom'] },
        label: {
          de: 'Branche: telecom · Größenklasse: S, M',
          en: 'Industry: telecom · Size band: S, M',
        },
      },
      {
        dimension: 'sizeBand',
        values: ['M', 'L', 'XL'],
        within: { industry: ['banking'] },
        label: {
          de: 'Branche: banking · Größenklasse: M, L, XL',
          en: 'Industry: banking · Size band: M, L, XL',
        },
      },
    ]);
  });
});
