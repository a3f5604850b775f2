import {
  AdoptionTrend,
  BenchmarkCell,
  BenchmarkInput,
  BenchmarkKpi,
  BenchmarkUnitProfile,
  Catalogue,
  cellsSeenBy,
  changeOf,
  computeSnapshot,
  computeTrendData,
  CycleParticipation,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  DemoDataset,
  demoTrendInput,
  DistributionChange,
  foldedCategoriesFrom,
  foldSizeBands,
  generateDemoData,
  KpiDistribution,
  KpiItemDefinition,
  KpiTrend,
  loadCatalogue,
  peerGroupDefinition,
  PeerGroupFilter,
  PooledChange,
  Quartile,
  sizeBandFor,
  SUPPRESSION_REASONS,
  suppressedFigure,
  TREND_SUPPRESSION_REASONS,
  TrendData,
  TrendFigure,
  TrendInput,
  UnitPosition,
  unitPosition,
} from '@app/domain';
import { CompanyReportInput } from './company-report-model';
import { TrendReportInput } from './trend-report-model';

let demo: { catalogue: Catalogue; data: DemoDataset } | undefined;

/** The demo catalogue and the demo study's data (180 units, 2023 to 2025), made once. */
export function demoStudy(): { catalogue: Catalogue; data: DemoDataset } {
  demo ??= { catalogue: loadCatalogue(DEMO_CATALOGUE), data: generateDemoData() };
  return demo;
}

/** Options of `createCompanyReportInput`; every one has a default. */
export interface CompanyReportInputOptions {
  language?: 'de' | 'en';
  /** Index of the demo unit reported on; default 0. */
  unitIndex?: number;
  unitName?: string;
  companyName?: string;
  /** The peer group: `all` or the unit's industry (default). */
  peerGroup?: 'all' | 'industry';
  /** The published cycles of the trend, the last one reported on; default 2023 to 2025. */
  years?: number[];
}

/**
 * A report input as the worker would assemble it, from the demo study: one snapshot per cycle
 * computed by the domain's engine, give-to-get applied, the unit's positions and its trend.
 */
export function createCompanyReportInput(
  options: CompanyReportInputOptions = {},
): CompanyReportInput {
  const key = JSON.stringify([
    options.unitIndex ?? 0,
    options.peerGroup ?? 'industry',
    options.years,
  ]);
  let base = demoInputs.get(key);
  if (!base) {
    base = demoReportInput(options);
    demoInputs.set(key, base);
  }
  return {
    ...base,
    language: options.language ?? 'de',
    unit: {
      ...base.unit,
      name: options.unitName ?? base.unit.name,
      companyName: options.companyName ?? base.unit.companyName,
    },
  };
}

// Three snapshots of the demo study per unit and peer group: computed once per test file.
const demoInputs = new Map<string, CompanyReportInput>();

function demoReportInput(options: CompanyReportInputOptions): CompanyReportInput {
  const { catalogue, data } = demoStudy();
  const years = options.years ?? [2023, 2024, 2025];
  const unit = data.units[options.unitIndex ?? 0];
  const profileOf = (key: string): BenchmarkUnitProfile => {
    const spec = data.units.find((u) => u.key === key);
    if (!spec) {
      throw new Error(`no demo unit ${key}`);
    }
    return {
      industry: spec.industry,
      country: spec.country,
      sizeBand: sizeBandFor(spec.agentFte),
      customerType: spec.customerType,
      sourcing: spec.sourcing,
    };
  };
  const filter: PeerGroupFilter = options.peerGroup === 'all' ? {} : { industry: [unit.industry] };
  const group = peerGroupDefinition(filter, options.peerGroup === 'all' ? 'all' : 'dimension');
  const kpis: BenchmarkKpi[] = catalogue.items
    .filter((item) => item.type !== 'choice')
    .map((item) => ({
      key: item.key,
      boolean: item.type === 'boolean',
      benchmarked: item.benchmarked !== false,
      ...(item.weightKey ? { weightKey: item.weightKey } : {}),
    }));

  const cycles = years.map((year) => {
    const submissions = data.submissions.filter((s) => s.year === year);
    const values = kpis.map(() => new Float64Array(submissions.length).fill(NaN));
    submissions.forEach((submission, u) => {
      const derived = catalogue.derive(submission.answers);
      kpis.forEach((kpi, k) => {
        const value = kpi.key in derived ? derived[kpi.key] : submission.answers[kpi.key];
        if (typeof value === 'boolean') {
          values[k][u] = value ? 1 : 0;
        } else if (typeof value === 'number' && Number.isFinite(value)) {
          values[k][u] = value;
        }
      });
    });
    const input: BenchmarkInput = {
      profiles: submissions.map((s) => profileOf(s.unitKey)),
      owners: submissions.map((s) => s.unitKey),
      kpis,
      values,
      peerGroups: [group],
      policy: DEFAULT_DISCLOSURE_POLICY,
    };
    const snapshot = computeSnapshot(input);
    const u = submissions.findIndex((s) => s.unitKey === unit.key);
    const ownValue = (key: string): number | null => {
      const k = kpis.findIndex((kpi) => kpi.key === key);
      return u < 0 || Number.isNaN(values[k][u]) ? null : values[k][u];
    };
    const supplied = new Set(kpis.map((kpi) => kpi.key).filter((key) => ownValue(key) !== null));
    const cells = cellsSeenBy(snapshot.group(group.id)?.cells ?? [], {
      kind: 'participant',
      supplied,
    });
    const n = snapshot.group(group.id)?.n ?? 0;
    // What the snapshot computation folds and writes to the manifest.
    const folding = foldedCategoriesFrom(
      foldSizeBands(input.profiles, DEFAULT_DISCLOSURE_POLICY.foldBelowN),
    );
    return { year, cells, ownValue, snapshot, n, folding };
  });

  const latest = cycles[cycles.length - 1];
  const positions = latest.cells.map((cell) => ({
    kpiKey: cell.kpiKey,
    ...unitPosition({
      value: latest.ownValue(cell.kpiKey),
      peerValuesSorted: latest.snapshot.sortedValues(group.id, cell.kpiKey) ?? [],
      polarity: catalogue.item(cell.kpiKey)?.polarity ?? 'neutral',
      cell,
    }),
  }));
  const company = data.companies.find((c) => c.key === unit.companyKey);
  return {
    language: 'de',
    study: { name: 'Contact Center Benchmark DACH' },
    cycle: { year: latest.year },
    unit: {
      name: unit.name,
      companyName: company?.name ?? 'Demo AG',
      profile: profileOf(unit.key),
    },
    peerGroup: { id: group.id, label: group.label, n: latest.n },
    catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    folding: latest.folding,
    cells: latest.cells,
    positions,
    trend: cycles.map((cycle) => ({
      year: cycle.year,
      values: Object.fromEntries(
        cycle.cells.map((cell) => [
          cell.kpiKey,
          { unit: cycle.ownValue(cell.kpiKey), median: cell.p50 },
        ]),
      ),
    })),
    generatedAt: new Date('2025-03-05T10:00:00Z'),
  };
}

/** A catalogue item of a hand-made test catalogue: a number KPI higher-is-better unless told. */
export function createItem(
  key: string,
  overrides: Partial<KpiItemDefinition> = {},
): KpiItemDefinition {
  return {
    key,
    area: 'productivity',
    type: 'number',
    unit: null,
    label: { de: `Kennzahl ${key}`, en: `KPI ${key}` },
    help: { de: `Hilfe zu ${key}.`, en: `Help on ${key}.` },
    required: false,
    polarity: 'higher_is_better',
    ...overrides,
  };
}

/** A released cell with the given percentiles; P10 and P90 widen the box by 1 unless given. */
export function createCell(
  kpiKey: string,
  stats: Partial<Omit<BenchmarkCell, 'kpiKey'>> & { p25?: number; p50?: number; p75?: number } = {},
): BenchmarkCell {
  const p25 = stats.p25 ?? 10;
  const p50 = stats.p50 ?? 20;
  const p75 = stats.p75 ?? 30;
  return {
    kpiKey,
    n: 20,
    mean: p50,
    p10: p25 - 1,
    p90: p75 + 1,
    pooled: null,
    suppressed: null,
    suppressedStatistics: [],
    ...stats,
    p25,
    p50,
    p75,
  };
}

/** A unit's position; the rank decides the quartile unless one is given. */
export function createPosition(
  kpiKey: string,
  position: Partial<UnitPosition> & { percentileRank: number | null },
): { kpiKey: string } & UnitPosition {
  const rank = position.percentileRank;
  const quartile: Quartile | null =
    rank === null ? null : rank >= 75 ? 1 : rank >= 50 ? 2 : rank >= 25 ? 3 : 4;
  return {
    kpiKey,
    value: 15,
    quartile,
    gapToMedian: null,
    gapToTopQuartile: null,
    ...position,
  };
}

/**
 * A hand-made report input over a small catalogue of the given items, the default policy, no
 * trend; cells and positions as given.
 */
export function createHandMadeReportInput(options: {
  items: KpiItemDefinition[];
  cells: BenchmarkCell[];
  positions: Array<{ kpiKey: string } & UnitPosition>;
  language?: 'de' | 'en';
  unitName?: string;
  companyName?: string;
  trend?: CompanyReportInput['trend'];
  folding?: CompanyReportInput['folding'];
}): CompanyReportInput {
  const catalogue = loadCatalogue({
    key: 'test',
    version: 1,
    name: { de: 'Test', en: 'Test' },
    items: options.items,
    rules: [],
  });
  return {
    language: options.language ?? 'en',
    study: { name: 'Test Study' },
    cycle: { year: 2024 },
    unit: {
      name: options.unitName ?? 'Service North',
      companyName: options.companyName ?? 'Example Ltd',
      profile: {
        industry: 'telecom',
        country: 'DE',
        sizeBand: 'M',
        customerType: 'b2c',
        sourcing: 'inhouse',
      },
    },
    peerGroup: { id: 'all', label: { de: 'Alle Teilnehmer', en: 'All participants' }, n: 42 },
    catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    folding: options.folding ?? [],
    cells: options.cells,
    positions: options.positions,
    trend: options.trend ?? [],
    generatedAt: new Date('2024-11-05T09:00:00Z'),
  };
}

/** The cycles the demo seed publishes; 2025 is its open cycle, in no trend report yet. */
export const DEMO_PUBLISHED_YEARS: readonly number[] = [2023, 2024];

/**
 * The trend input of the demo study's published cycles, 2023 and 2024, as the platform builds it
 * (`demoTrendInput` of the domain: the catalogue's trend KPIs with their weights, the default
 * policy). Made once per test file.
 */
export function createDemoTrendInput(): TrendInput {
  const { catalogue, data } = demoStudy();
  demoTrend ??= demoTrendInput(data, catalogue, DEMO_PUBLISHED_YEARS);
  return demoTrend;
}

let demoTrend: TrendInput | undefined;

let demoTrendData: TrendData | undefined;

/** The demo study's trend report input (2023 and 2024), the trend data computed once. */
export function createDemoTrendReportInput(language: 'de' | 'en' = 'de'): TrendReportInput {
  demoTrendData ??= computeTrendData(createDemoTrendInput());
  return {
    language,
    study: { name: 'Contact Center Benchmark DACH', publisherName: 'Service Excellence Cockpit' },
    catalogue: demoStudy().catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    trend: demoTrendData,
    generatedAt: new Date('2026-02-10T09:00:00Z'),
  };
}

/** A released trend figure. */
export function releasedFigure<T>(n: number, value: T): TrendFigure<T> {
  return { released: true, n, value };
}

/** A KPI's statistics in one cycle: P25 and P75 five below and above the median unless given. */
export function createDistribution(
  median: number,
  stats: Partial<KpiDistribution> = {},
): KpiDistribution {
  return { p25: median - 5, median, p75: median + 5, mean: median, ...stats };
}

function distributionChange(from: KpiDistribution, to: KpiDistribution): DistributionChange {
  return {
    p25: changeOf(from.p25, to.p25),
    median: changeOf(from.median, to.median),
    p75: changeOf(from.p75, to.p75),
    mean: changeOf(from.mean, to.mean),
  };
}

/** The change between two figures as the trend data gives it: withheld if either side is. */
function changeFigure<A, C>(
  from: TrendFigure<A>,
  to: TrendFigure<A>,
  combine: (from: A, to: A) => C,
): TrendFigure<C> {
  if (!from.released) {
    return suppressedFigure(from.suppression);
  }
  if (!to.released) {
    return suppressedFigure(to.suppression);
  }
  return releasedFigure(Math.min(from.n, to.n), combine(from.value, to.value));
}

/**
 * A numeric KPI over two cycles, 2024 and 2025: the change over all participants follows from
 * the two distributions (withheld if either is), the panel's from its own two. With `pooled`
 * (a weighted KPI), the pooled figures of the two cycles and their change likewise.
 */
export function createKpiTrend(
  kpiKey: string,
  cycles: [TrendFigure<KpiDistribution>, TrendFigure<KpiDistribution>],
  panel: { n: number; from: KpiDistribution; to: KpiDistribution } | TrendFigure<never>,
  polarity: KpiTrend['polarity'] = 'higher_is_better',
  pooled?: [TrendFigure<number>, TrendFigure<number>],
): KpiTrend {
  const [from, to] = cycles;
  const all = changeFigure(from, to, distributionChange);
  return {
    kpiKey,
    polarity,
    cycles: [
      { year: 2024, distribution: from, ...(pooled && { pooled: pooled[0] }) },
      { year: 2025, distribution: to, ...(pooled && { pooled: pooled[1] }) },
    ],
    changes: [
      {
        fromYear: 2024,
        toYear: 2025,
        all,
        ...(pooled && {
          pooledChange: changeFigure(pooled[0], pooled[1], (a, b): PooledChange => ({
            from: a,
            to: b,
            points: b - a,
          })),
        }),
        panel:
          'released' in panel
            ? panel
            : releasedFigure(panel.n, {
                from: panel.from,
                to: panel.to,
                change: distributionChange(panel.from, panel.to),
              }),
      },
    ],
  };
}

/** A yes/no item over 2024 and 2025: shares in %, the panel's n and points or a withheld panel. */
export function createAdoptionTrend(
  kpiKey: string,
  shares: [number, number],
  n: [number, number],
  panel: { n: number; from: number; to: number } | null,
): AdoptionTrend {
  return {
    kpiKey,
    cycles: [
      { year: 2024, share: releasedFigure(n[0], shares[0]) },
      { year: 2025, share: releasedFigure(n[1], shares[1]) },
    ],
    changes: [
      {
        fromYear: 2024,
        toYear: 2025,
        all: releasedFigure(Math.min(...n), shares[1] - shares[0]),
        panel:
          panel === null
            ? suppressedFigure(TREND_SUPPRESSION_REASONS.differencing(DEFAULT_DISCLOSURE_POLICY))
            : releasedFigure(panel.n, {
                from: panel.from,
                to: panel.to,
                points: panel.to - panel.from,
              }),
      },
    ],
  };
}

/**
 * A small hand-made trend of 2024 and 2025 over KPIs of the demo catalogue, under the default
 * policy (min_n 5):
 * - participation 160 and 180 units; in 2025 healthcare is withheld (min_n) and banking with it
 *   (differencing: it would follow from the total);
 * - basic training of new agents: median 21 -> 27 days (+28,57 %), the panel of 150 units
 *   21 -> 27,3 (+30 %);
 * - attrition rate: median 30 -> 23 % (-7 points, -23,3 %), the panel of 140 units 29 -> 22,5
 *   (-6,5 points, -22,4 %); pooled by headcount 30,84 % (150 units) -> 22,24 % (160 units),
 *   -8,6 points;
 * - first-contact resolution: median 70 -> 71 % (+1 point, +1,43 %), its panel withheld
 *   (differencing); pooled by contacts 68,04 % (140 units) -> 72,46 % (150 units), +4,42 points;
 * - average speed of answer: 2024 withheld (min_n), so its changes are withheld, too; 2025
 *   median 40 s over 12 units; its pooled figure withheld by the p% rule in 2024 and by the
 *   dominance rule in 2025, and so their change;
 * - NPS 30 -> 30,5 and CES 3,7 -> 3,3, the drift;
 * - value-creating contacts: yes 10 -> 13 % (+3 points), the panel of 145 units 10,5 -> 12,9
 *   (+2,4 points); service cost per customer measured: 10 -> 11,5 % (+1,5 points), its panel
 *   withheld (differencing);
 * - one driver: training days against first-contact resolution over 6 units, rho 0,9429
 *   (ranks 1..6 against 1, 3, 2, 4, 5, 6: 1 - 6 * 2 / (6 * 35)), p 0,0048.
 */
export function createHandMadeTrendData(): TrendData {
  const policy = DEFAULT_DISCLOSURE_POLICY;
  const minN = suppressedFigure(SUPPRESSION_REASONS.minN(policy));
  const differencing = suppressedFigure(TREND_SUPPRESSION_REASONS.differencing(policy));
  const count = (n: number): TrendFigure<number> => releasedFigure(n, n);
  const participation: CycleParticipation[] = [
    {
      year: 2024,
      units: count(160),
      byIndustry: [
        { category: 'telecom', units: count(100) },
        { category: 'banking', units: count(60) },
      ],
      bySizeBand: [{ category: 'M', units: count(160) }],
      byCountry: [{ category: 'DE', units: count(160) }],
      foldedSizeBands: [],
    },
    {
      year: 2025,
      units: count(180),
      byIndustry: [
        { category: 'telecom', units: count(110) },
        {
          category: 'banking',
          units: suppressedFigure(TREND_SUPPRESSION_REASONS.complement(policy)),
        },
        { category: 'healthcare', units: minN },
      ],
      bySizeBand: [
        { category: 'M', units: count(120) },
        { category: 'L', units: count(60) },
      ],
      byCountry: [
        { category: 'DE', units: count(150) },
        { category: 'AT', units: count(30) },
      ],
      foldedSizeBands: [],
    },
  ];
  const nps = [createDistribution(30), createDistribution(30.5)];
  const ces = [
    createDistribution(3.7, { p25: 3, p75: 4.5 }),
    createDistribution(3.3, { p25: 2.8, p75: 4 }),
  ];
  return {
    years: [2024, 2025],
    participation,
    kpis: [
      createKpiTrend(
        'training_days_new',
        [
          releasedFigure(150, createDistribution(21, { p25: 15, p75: 30, mean: 22 })),
          releasedFigure(170, createDistribution(27, { p25: 20, p75: 35, mean: 27.5 })),
        ],
        {
          n: 150,
          from: createDistribution(21, { p25: 15.5, p75: 30, mean: 22 }),
          to: createDistribution(27.3, { p25: 20, p75: 35, mean: 27.6 }),
        },
      ),
      createKpiTrend(
        'attrition_rate',
        [releasedFigure(150, createDistribution(30)), releasedFigure(168, createDistribution(23))],
        { n: 140, from: createDistribution(29), to: createDistribution(22.5) },
        'lower_is_better',
        [releasedFigure(150, 30.84), releasedFigure(160, 22.24)],
      ),
      createKpiTrend(
        'fcr_rate',
        [releasedFigure(150, createDistribution(70)), releasedFigure(160, createDistribution(71))],
        differencing,
        'higher_is_better',
        [releasedFigure(140, 68.04), releasedFigure(150, 72.46)],
      ),
      createKpiTrend(
        'asa_seconds',
        [minN, releasedFigure(12, createDistribution(40))],
        minN,
        'lower_is_better',
        [
          suppressedFigure(SUPPRESSION_REASONS.pPercent(policy)),
          suppressedFigure(SUPPRESSION_REASONS.dominance(policy)),
        ],
      ),
      createKpiTrend('nps', [releasedFigure(90, nps[0]), releasedFigure(95, nps[1])], {
        n: 80,
        from: nps[0],
        to: nps[0],
      }),
      createKpiTrend(
        'ces',
        [releasedFigure(50, ces[0]), releasedFigure(60, ces[1])],
        { n: 45, from: ces[0], to: createDistribution(3.4) },
        'lower_is_better',
      ),
    ],
    adoption: [
      createAdoptionTrend('works_value_creating_contacts', [10, 13], [150, 170], {
        n: 145,
        from: 10.5,
        to: 12.9,
      }),
      createAdoptionTrend('measures_cost_per_customer', [10, 11.5], [150, 170], null),
    ],
    drivers: [
      {
        xKpiKey: 'training_days_new',
        yKpiKey: 'fcr_rate',
        n: 6,
        rho: 0.9428571428571428,
        pValue: 0.0048,
        points: [
          [10, 60],
          [12, 63],
          [15, 62],
          [20, 68],
          [25, 70],
          [30, 75],
        ],
      },
    ],
    drift: {
      kpiKeys: ['nps', 'ces'],
      cycles: [
        { year: 2024, medians: [releasedFigure(90, 30), releasedFigure(50, 3.7)] },
        { year: 2025, medians: [releasedFigure(95, 30.5), releasedFigure(60, 3.3)] },
      ],
    },
  };
}

/** A trend report input over the hand-made trend data and the demo catalogue. */
export function createHandMadeTrendReportInput(
  options: {
    language?: 'de' | 'en';
    trend?: TrendData;
    publisherName?: string;
    studyName?: string;
  } = {},
): TrendReportInput {
  return {
    language: options.language ?? 'en',
    study: {
      name: options.studyName ?? 'Contact Center Benchmark DACH',
      publisherName: options.publisherName ?? 'Service Excellence Cockpit',
    },
    catalogue: demoStudy().catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    trend: options.trend ?? createHandMadeTrendData(),
    generatedAt: new Date('2026-02-10T09:00:00Z'),
  };
}
