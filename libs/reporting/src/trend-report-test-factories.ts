import {
  AdoptionTrend,
  changeOf,
  computeTrendData,
  CycleParticipation,
  DEFAULT_DISCLOSURE_POLICY,
  demoTrendInput,
  DistributionChange,
  KpiDistribution,
  KpiTrend,
  PooledChange,
  SUPPRESSION_REASONS,
  suppressedFigure,
  TREND_SUPPRESSION_REASONS,
  TrendData,
  TrendFigure,
  TrendInput,
} from '@app/domain';
import { TrendReportInput } from './trend-report-model';
import { demoStudy } from './report-test-factories';

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
      folded: [],
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
      folded: [],
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
