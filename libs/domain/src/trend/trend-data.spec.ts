import { createBenchmarkInput, createUnitProfiles } from '../benchmark/benchmark-test-factories';
import { foldSizeBands, matchesPeerGroup, predefinedPeerGroups } from '../benchmark/peer-group';
import { computeSnapshot } from '../benchmark/snapshot-engine';
import { loadCatalogue } from '../catalogue/catalogue';
import { DEMO_CATALOGUE } from '../catalogue/demo-catalogue';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { generateDemoData } from '../demo/demo-data-generator';
import { demoTrendInput } from '../demo/demo-trend-input';
import { SeededRandom } from '../demo/seeded-random';
import { SizeBand } from '../profile/unit-profile';
import { computeTrendData, TrendData } from './trend-data';
import { TrendFigure } from './trend-disclosure';
import { TrendCycle, TrendInput, TrendKpi, TrendUnit } from './trend-input';
import { DIFFERENCING, KPIS, createStudy, released } from './trend-data.test-util';

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

  it('counts the size bands of each cycle folded as the snapshot of that cycle folds them', () => {
    // 2023: S 12, M 20, L 9, XL 1: the lone XL unit goes into "L, XL" (10 units). 2024: every
    // band has foldBelowN (10) units, nothing is folded.
    const bands = (counts: Record<string, number>): string[] =>
      Object.entries(counts).flatMap(([band, count]) => Array<string>(count).fill(band));
    const cycle = (year: number, sizeBands: string[]): TrendCycle => ({
      year,
      units: sizeBands.map((sizeBand, i) => ({
        id: `u${i}`,
        company: `c${i}`,
        profile: { industry: 'banking', sizeBand: sizeBand as SizeBand, country: 'DE' },
        values: { x: i },
      })),
    });
    const cycles = [
      cycle(2023, bands({ S: 12, M: 20, L: 9, XL: 1 })),
      cycle(2024, bands({ S: 12, M: 20, L: 11, XL: 10 })),
    ];
    const trend = computeTrendData({
      cycles,
      kpis: [{ key: 'x', boolean: false, polarity: 'neutral' }],
      policy: DEFAULT_DISCLOSURE_POLICY,
    });
    const counts = (c: number) =>
      trend.participation[c].bySizeBand.map(({ category, units }) => [
        category,
        units.released ? units.value : null,
      ]);
    expect(counts(0)).toEqual([
      ['S', 12],
      ['M', 20],
      ['L, XL', 10],
    ]);
    expect(trend.participation[0].folded).toEqual([{ dimension: 'sizeBand', values: ['L', 'XL'] }]);
    expect(counts(1)).toEqual([
      ['S', 12],
      ['M', 20],
      ['L', 11],
      ['XL', 10],
    ]);
    expect(trend.participation[1].folded).toEqual([]);
    // The same bands and counts as the size-band groups of the cycle's snapshot.
    cycles.forEach((c, i) => {
      const profiles = c.units.map((unit) => ({
        ...unit.profile,
        customerType: 'b2b',
        sourcing: 'inhouse',
      }));
      const groups = predefinedPeerGroups(
        ['sizeBand'],
        [],
        profiles,
        foldSizeBands(profiles, DEFAULT_DISCLOSURE_POLICY.foldBelowN),
      ).filter((group) => group.id !== 'all');
      expect(
        groups.map((group) => [
          (group.filter.sizeBand ?? []).join(', '),
          profiles.filter((profile) => matchesPeerGroup(profile, group.filter)).length,
        ]),
      ).toEqual(counts(i));
    });
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

  it('leaves out a pair of KPIs computed from a common item, such as a shared denominator', () => {
    // Leavers per 100 heads and headcount per team both read headcount_avg: their correlation
    // would come partly from the shared denominator (ratio correlation), not from the units.
    const study = createStudy();
    const perHead: TrendKpi = {
      key: 'heads_per_team',
      boolean: false,
      polarity: 'neutral',
      derivedFrom: ['headcount_avg', 'teams'],
    };
    const withPerHead: TrendInput = {
      ...study,
      kpis: [...KPIS, perHead],
      cycles: study.cycles.map((cycle) => ({
        ...cycle,
        units: cycle.units.map((unit) => ({
          ...unit,
          values: { ...unit.values, heads_per_team: 40 - Number(unit.values.training_days_new) },
        })),
      })),
    };
    const pairs = computeTrendData({ ...withPerHead, drivers: { maxPairs: 100 } }).drivers.map(
      (pair) => [pair.xKpiKey, pair.yKpiKey].sort().join(' '),
    );
    expect(pairs).not.toContain('attrition_rate heads_per_team');
    // Perfectly monotone in training days, and sharing no item with it: listed.
    expect(pairs).toContain('heads_per_team training_days_new');
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
            company: `c${i}`,
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
    expect(() =>
      computeTrendData({ ...study, policy: { ...study.policy, foldBelowN: 0 } }),
    ).toThrow(RangeError);
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
            company: `c${u}`,
            profile: { industry: industries[u % 3], sizeBand: 'S', country: 'DE' },
            values: {
              training_days_new: random.next() < 0.8 ? random.int(0, 30) : null,
              attrition_rate: random.next() < 0.8 ? random.int(0, 40) : null,
              leavers: random.next() < 0.8 ? random.int(0, 9) : null,
              headcount_avg: random.next() < 0.8 ? random.int(0, 60) : null,
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

describe('a cycle given as columns', () => {
  /** The same input with each cycle's values as columns and the units' values left empty. */
  function asColumns(input: TrendInput, keys: readonly string[]): TrendInput {
    return {
      ...input,
      cycles: input.cycles.map((cycle) => ({
        year: cycle.year,
        units: cycle.units.map((unit) => ({ ...unit, values: {} })),
        columns: {
          keys,
          values: keys.map((key) =>
            Float64Array.from(cycle.units, (unit) => {
              const value = unit.values[key];
              return typeof value === 'boolean' ? Number(value) : (value ?? Number.NaN);
            }),
          ),
        },
      })),
    };
  }

  it('gives the trend data the units’ values give, to the bit', () => {
    const input = demoTrendInput(generateDemoData({ units: 60 }), loadCatalogue(DEMO_CATALOGUE));
    const keys = [
      ...new Set(
        input.cycles.flatMap((cycle) => cycle.units.flatMap((u) => Object.keys(u.values))),
      ),
    ];
    expect(computeTrendData(asColumns(input, keys))).toEqual(computeTrendData(input));
  });

  it('refuses an infinite value, a yes/no value other than 0 or 1 and a short column', () => {
    const study = createStudy();
    const keys = ['training_days_new', 'works_value_creating_contacts'];
    const columnar = asColumns(study, keys);
    const withValue = (k: number, value: number): TrendInput => ({
      ...columnar,
      cycles: columnar.cycles.map((cycle, c) =>
        c === 0 && cycle.columns
          ? {
              ...cycle,
              columns: {
                keys,
                values: cycle.columns.values.map((column, j) =>
                  j === k ? Float64Array.from(column, (v, i) => (i === 0 ? value : v)) : column,
                ),
              },
            }
          : cycle,
      ),
    });
    expect(() => computeTrendData(withValue(0, Number.POSITIVE_INFINITY))).toThrow(RangeError);
    expect(() => computeTrendData(withValue(1, 2))).toThrow(RangeError);
    expect(() => computeTrendData(withValue(1, Number.NaN))).not.toThrow();
    const short: TrendInput = {
      ...columnar,
      cycles: columnar.cycles.map((cycle) => ({
        ...cycle,
        columns: { keys, values: keys.map(() => new Float64Array(1)) },
      })),
    };
    expect(() => computeTrendData(short)).toThrow(/has 1 values for 10 units/);
  });
});
