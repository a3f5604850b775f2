import { createBenchmarkInput, createUnitProfiles } from '../benchmark/benchmark-test-factories';
import { computeSnapshot } from '../benchmark/snapshot-engine';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { SeededRandom } from '../demo/seeded-random';
import { computeTrendData, TrendData } from './trend-data';
import { TrendFigure } from './trend-disclosure';
import { TrendCycle, TrendInput, TrendKpi, TrendUnit } from './trend-input';

const KPIS: TrendKpi[] = [
  { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
  {
    key: 'attrition_rate',
    boolean: false,
    polarity: 'lower_is_better',
    derivedFrom: ['leavers', 'headcount_avg'],
  },
  { key: 'leavers', boolean: false, polarity: 'neutral' },
  { key: 'fcr_rate', boolean: false, polarity: 'higher_is_better' },
  { key: 'nps', boolean: false, polarity: 'higher_is_better' },
  { key: 'ces', boolean: false, polarity: 'lower_is_better' },
  { key: 'works_value_creating_contacts', boolean: true, polarity: 'neutral' },
];

const DIFFERENCING = {
  rule: 'differencing',
  reason: {
    de: 'würde zusammen mit einer anderen Zahl desselben Jahres weniger als 5 Einheiten durch Differenzbildung offenlegen',
    en: 'would reveal fewer than 5 units by difference with another figure of the same cycle',
  },
};

/** A banking unit of size M in DE whose figures follow from its training days t. */
function createTrendUnit(id: string, t: number, cesValue: number, yes: boolean): TrendUnit {
  return {
    id,
    profile: { industry: 'banking', sizeBand: 'M', country: 'DE' },
    values: {
      training_days_new: t,
      attrition_rate: 40 - t,
      leavers: 2 * (40 - t),
      fcr_rate: 50 + t,
      nps: t % 2 === 0 ? 29 : 31,
      ces: cesValue,
      works_value_creating_contacts: yes,
    },
  };
}

/**
 * Ten units A1..A10 (training days 11..20) take part in all three years with the same figures;
 * B1..B5 (30..34) join in 2023; C1 (40) joins in 2024. CES falls from 4 to 3.8 to 3.5 for all.
 * "Yes" to value-creating contacts: A1 in 2022; A1, A2 and B1 from 2023.
 */
function createStudy(): TrendInput {
  const a = (ces: number, year: number): TrendUnit[] =>
    Array.from({ length: 10 }, (_, i) =>
      createTrendUnit(`A${i + 1}`, 11 + i, ces, i === 0 || (year > 2022 && i === 1)),
    );
  const b = (ces: number): TrendUnit[] =>
    Array.from({ length: 5 }, (_, i) => createTrendUnit(`B${i + 1}`, 30 + i, ces, i === 0));
  return {
    cycles: [
      { year: 2022, units: a(4, 2022) },
      { year: 2023, units: [...a(3.8, 2023), ...b(3.8)] },
      { year: 2024, units: [...a(3.5, 2024), ...b(3.5), createTrendUnit('C1', 40, 3.5, false)] },
    ],
    kpis: KPIS,
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
}

function released<T>(figure: TrendFigure<T>): T {
  if (!figure.released) {
    throw new Error(`withheld: ${figure.suppression.reason.en}`);
  }
  return figure.value;
}

describe('computeTrendData', () => {
  const data = computeTrendData(createStudy());
  const training = data.kpis[0];

  it('counts the participants of each cycle', () => {
    expect(data.years).toEqual([2022, 2023, 2024]);
    expect(data.participation.map((cycle) => cycle.units)).toEqual([
      { released: true, n: 10, value: 10 },
      { released: true, n: 15, value: 15 },
      { released: true, n: 16, value: 16 },
    ]);
    expect(data.participation[2].byIndustry).toEqual([
      { category: 'banking', units: { released: true, n: 16, value: 16 } },
    ]);
  });

  it('gives the quartiles and the mean of each cycle over all participants', () => {
    // 2022: 11..20, h = 9p: P25 h 2.25 -> 13.25, median h 4.5 -> 15.5, P75 h 6.75 -> 17.75.
    expect(training.cycles[0]).toEqual({
      year: 2022,
      distribution: {
        released: true,
        n: 10,
        value: { p25: 13.25, median: 15.5, p75: 17.75, mean: 15.5 },
      },
    });
    // 2023: 11..20, 30..34, h = 14p: P25 h 3.5 -> 14.5, median h 7 -> 18, P75 h 10.5 -> 30.5;
    // mean (155 + 160) / 15 = 21.
    expect(released(training.cycles[1].distribution)).toEqual({
      p25: 14.5,
      median: 18,
      p75: 30.5,
      mean: 21,
    });
  });

  it('moves the median over all participants while the panel stays put', () => {
    const [change] = training.changes;
    expect(change.fromYear).toBe(2022);
    expect(change.toYear).toBe(2023);
    // 15.5 -> 18: +2.5, i.e. +16.13 %. The panel A1..A10 (5 joiners): 15.5 -> 15.5.
    const all = released(change.all);
    expect(all.median.absolute).toBe(2.5);
    expect(all.median.percent).toBeCloseTo((2.5 / 15.5) * 100, 12);
    expect(change.panel).toMatchObject({ released: true, n: 10 });
    expect(released(change.panel).change.median).toEqual({ absolute: 0, percent: 0 });
  });

  it('withholds the panel that differs from its cycle by a single joiner', () => {
    // 2023 -> 2024: the panel A, B (15) and 2024's 16 participants differ by C1 alone.
    const [, change] = training.changes;
    expect(change.panel).toEqual({ released: false, suppression: DIFFERENCING });
    expect(change.all.released).toBe(true);
  });

  it('gives the adoption of a practice and its change in points', () => {
    const [practice] = data.adoption;
    expect(practice.kpiKey).toBe('works_value_creating_contacts');
    // 1 of 10 = 10 %; 3 of 15 = 20 %; 3 of 16 = 18.75 %.
    expect(practice.cycles.map((cycle) => released(cycle.share))).toEqual([10, 20, 18.75]);
    expect(released(practice.changes[0].all)).toBe(10);
    // Panel A1..A10: 1 of 10 -> 2 of 10.
    expect(released(practice.changes[0].panel)).toEqual({ from: 10, to: 20, points: 10 });
  });

  it('lists the strongest rank correlations of the latest cycle, without derived pairs', () => {
    // Training, attrition (40 − t), leavers (2 (40 − t)) and FCR (50 + t) are perfectly monotone
    // in one another: |rho| = 1, p = 0, ties in KPI order. Attrition against leavers is left
    // out, as attrition is computed from leavers. CES is constant in 2024: no rho.
    const strongest = computeTrendData({ ...createStudy(), drivers: { maxPairs: 5 } }).drivers;
    expect(
      strongest.map((pair) => [pair.xKpiKey, pair.yKpiKey, pair.rho, pair.pValue, pair.n]),
    ).toEqual([
      ['training_days_new', 'attrition_rate', -1, 0, 16],
      ['training_days_new', 'leavers', -1, 0, 16],
      ['training_days_new', 'fcr_rate', 1, 0, 16],
      ['attrition_rate', 'fcr_rate', -1, 0, 16],
      ['leavers', 'fcr_rate', -1, 0, 16],
    ]);
    expect(
      data.drivers.some((pair) => pair.xKpiKey === 'attrition_rate' && pair.yKpiKey === 'leavers'),
    ).toBe(false);
    expect(data.drivers.every((pair) => pair.xKpiKey !== 'ces' && pair.yKpiKey !== 'ces')).toBe(
      true,
    );
  });

  it('gives each driver its scatter points as sorted value pairs without identities', () => {
    const pair = data.drivers.find((driver) => driver.yKpiKey === 'fcr_rate');
    const ts = [...Array.from({ length: 10 }, (_, i) => 11 + i), 30, 31, 32, 33, 34, 40];
    expect(pair?.points).toEqual(ts.map((t) => [t, 50 + t]));
    expect(JSON.stringify(data.drivers)).not.toMatch(/"[ABC]\d+"/);
  });

  it('leaves out excluded pairs and pairs above the p-value limit', () => {
    const result = computeTrendData({
      ...createStudy(),
      drivers: { excludedPairs: [['fcr_rate', 'training_days_new']], maxPValue: 0.01 },
    });
    expect(
      result.drivers.some((p) => p.xKpiKey === 'training_days_new' && p.yKpiKey === 'fcr_rate'),
    ).toBe(false);
    expect(result.drivers.every((pair) => pair.pValue < 0.01)).toBe(true);
  });

  it('shows the NPS and CES medians side by side: NPS holds, CES falls', () => {
    // NPS is 29 for an even t, 31 for an odd one: 2022 five of each (median 30); 2023 eight
    // 29s of 15 (median, h = 7: 29); 2024 nine of 16 (h = 7.5 between two 29s: 29).
    expect(data.drift.kpiKeys).toEqual(['nps', 'ces']);
    expect(data.drift.cycles.map((cycle) => [cycle.year, ...cycle.medians.map(released)])).toEqual([
      [2022, 30, 4],
      [2023, 29, 3.8],
      [2024, 29, 3.5],
    ]);
  });

  it('gives the figures of a cycle over all participants that the snapshot gives', () => {
    const random = new SeededRandom(5);
    const values = Array.from({ length: 700 }, () => Math.round(random.normal(30, 8) * 100) / 100);
    const snapshot = computeSnapshot(
      createBenchmarkInput({
        profiles: createUnitProfiles(values.length),
        kpis: [{ key: 'x', values }],
        peerGroups: [{}],
      }),
    );
    const cell = snapshot.group('all')?.cells[0];
    const trend = computeTrendData({
      cycles: [
        {
          year: 2024,
          units: values.map((x, i) => ({
            id: `u${i}`,
            profile: { industry: 'telecom', sizeBand: 'M', country: 'DE' },
            values: { x },
          })),
        },
      ],
      kpis: [{ key: 'x', boolean: false, polarity: 'neutral' }],
      policy: DEFAULT_DISCLOSURE_POLICY,
    });
    const distribution = released(trend.kpis[0].cycles[0].distribution);
    expect([distribution.p25, distribution.median, distribution.p75, distribution.mean]).toEqual([
      cell?.p25,
      cell?.p50,
      cell?.p75,
      cell?.mean,
    ]);
  });

  it('does not depend on the order of the units', () => {
    const study = createStudy();
    const reversed: TrendInput = {
      ...study,
      cycles: study.cycles.map((cycle) => ({ ...cycle, units: [...cycle.units].reverse() })),
    };
    expect(computeTrendData(reversed)).toEqual(data);
  });

  it('refuses input that is a bug of the caller', () => {
    const study = createStudy();
    const [first, second] = study.cycles;
    expect(() => computeTrendData({ ...study, cycles: [second, first] })).toThrow(RangeError);
    expect(() =>
      computeTrendData({
        ...study,
        cycles: [{ ...first, units: [...first.units, first.units[0]] }],
      }),
    ).toThrow(RangeError);
    const unit = first.units[0];
    const withValue = (values: TrendUnit['values']): TrendCycle[] => [
      { year: 2022, units: [{ ...unit, values: { ...unit.values, ...values } }] },
    ];
    expect(() => computeTrendData({ ...study, cycles: withValue({ nps: true }) })).toThrow(
      RangeError,
    );
    expect(() =>
      computeTrendData({ ...study, cycles: withValue({ works_value_creating_contacts: 2 }) }),
    ).toThrow(RangeError);
    expect(() => computeTrendData({ ...study, cycles: withValue({ ces: Number.NaN }) })).toThrow(
      RangeError,
    );
    expect(() => computeTrendData({ ...study, driftKpiKeys: ['unknown'] })).toThrow(RangeError);
    expect(() => computeTrendData({ ...study, kpis: [...KPIS, KPIS[0]] })).toThrow(RangeError);
    expect(() => computeTrendData({ ...study, policy: { ...study.policy, minN: 0 } })).toThrow(
      RangeError,
    );
  });

  it('has nothing to report without cycles', () => {
    expect(computeTrendData({ ...createStudy(), cycles: [] })).toEqual({
      years: [],
      participation: [],
      kpis: KPIS.filter((kpi) => !kpi.boolean).map((kpi) => ({
        kpiKey: kpi.key,
        polarity: kpi.polarity,
        cycles: [],
        changes: [],
      })),
      adoption: [{ kpiKey: 'works_value_creating_contacts', cycles: [], changes: [] }],
      drivers: [],
      drift: { kpiKeys: ['nps', 'ces'], cycles: [] },
    });
  });
});

/**
 * Walks the trend data and checks that every number outside the cycle years sits in a released
 * figure of at least minN units (or in a driver of at least minN units), and that a withheld
 * figure holds nothing but its reason.
 */
function expectNoFigureBelowMinN(data: TrendData, minN: number): void {
  const YEARS = new Set(['year', 'fromYear', 'toYear']);
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (typeof node === 'number') {
      throw new Error(`${path}: a number outside a released figure`);
    }
    if (typeof node !== 'object' || node === null) {
      return;
    }
    if ('released' in node) {
      const figure = node as TrendFigure<unknown>;
      if (figure.released) {
        expect(figure.n).toBeGreaterThanOrEqual(minN);
      } else {
        expect(Object.keys(figure).sort()).toEqual(['released', 'suppression']);
      }
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (!YEARS.has(key)) {
        walk(value, `${path}.${key}`);
      }
    }
  };
  walk(data.participation, 'participation');
  walk(data.kpis, 'kpis');
  walk(data.adoption, 'adoption');
  walk(data.drift, 'drift');
  for (const pair of data.drivers) {
    expect(pair.n).toBeGreaterThanOrEqual(minN);
    expect(pair.points).toHaveLength(pair.n);
  }
}

describe('no figure of the trend data rests on fewer than minN units', () => {
  it('holds for random small studies with turnover and missing values', () => {
    const random = new SeededRandom(2024);
    const industries = ['banking', 'telecom', 'retail'] as const;
    for (let trial = 0; trial < 60; trial++) {
      const minN = random.int(3, 7);
      const cycles: TrendCycle[] = Array.from({ length: 4 }, (_, c) => ({
        year: 2020 + c,
        units: Array.from({ length: 40 }, (_, u) => u)
          .filter(() => random.next() < 0.4)
          .map((u) => ({
            id: `u${u}`,
            profile: { industry: industries[u % 3], sizeBand: 'S', country: 'DE' },
            values: {
              training_days_new: random.next() < 0.8 ? random.int(0, 30) : null,
              attrition_rate: random.next() < 0.8 ? random.int(0, 40) : null,
              leavers: random.next() < 0.8 ? random.int(0, 9) : null,
              fcr_rate: random.next() < 0.8 ? random.int(40, 90) : null,
              nps: random.next() < 0.8 ? random.int(-50, 80) : null,
              ces: random.next() < 0.8 ? random.int(1, 7) : null,
              works_value_creating_contacts: random.next() < 0.8 ? random.next() < 0.3 : null,
            },
          })),
      }));
      const data = computeTrendData({
        cycles,
        kpis: KPIS,
        policy: { ...DEFAULT_DISCLOSURE_POLICY, minN },
        drivers: { maxPValue: 1 },
      });
      expectNoFigureBelowMinN(data, minN);
    }
  });
});
