import { DEMO_CATALOGUE, loadCatalogue } from '@app/domain';
import type {
  PositionHistoryDto,
  PositionYearDto,
} from '../../position-history/dto/position-history.dto';
import type {
  BenchmarkCellDto,
  KpiPositionDto,
  PeerGroupDto,
} from '../../snapshots/dto/snapshot.dto';
import { BENCHMARKS_TEXTS } from '../benchmarks/benchmarks.texts';
import { positionHistoryModel, PositionHistoryState } from './position-history-page.model';
import { POSITION_HISTORY_TEXTS } from './position-history.texts';

const catalogue = loadCatalogue(DEMO_CATALOGUE);

const TELECOM: PeerGroupDto = {
  id: 'industry:telecom',
  kind: 'dimension',
  label: 'industry:telecom',
  filter: { industry: ['telecom'] },
  n: 12,
  released: true,
};

function cell(kpiKey: string, values: Partial<BenchmarkCellDto> = {}): BenchmarkCellDto {
  return {
    kpiKey,
    n: 12,
    mean: 20,
    p10: 8,
    p25: 12,
    p50: 20,
    p75: 25,
    p90: 30,
    pooled: null,
    suppressed: null,
    suppressedStatistics: [],
    ...values,
  };
}

function position(kpiKey: string, rank: number | null, quartile: number | null): KpiPositionDto {
  return {
    kpiKey,
    value: rank === null ? null : 10,
    percentileRank: rank,
    quartile,
    gapToMedian: null,
    gapToTopQuartile: null,
    cell: cell(kpiKey),
  };
}

const WITHHELD: KpiPositionDto = {
  ...position('employee_nps', null, null),
  cell: cell('employee_nps', {
    n: null,
    mean: null,
    p10: null,
    p25: null,
    p50: null,
    p75: null,
    p90: null,
    suppressed: { rule: 'give_to_get', reason: 'eigener Wert fehlt' },
  }),
};

function year(value: number, positions: KpiPositionDto[] | null): PositionYearDto {
  return {
    year: value,
    cycleId: `c${value}`,
    snapshotId: `s${value}`,
    peerGroup: positions === null ? null : TELECOM,
    positions: positions ?? [],
  };
}

function state(years: PositionYearDto[], language: 'de' | 'en' = 'de'): PositionHistoryState {
  const history: PositionHistoryDto = { studyId: 'study', unitId: 'unit', years };
  return {
    language,
    texts: POSITION_HISTORY_TEXTS[language],
    benchmarkTexts: BENCHMARKS_TEXTS[language],
    catalogue,
    history,
  };
}

describe('positionHistoryModel', () => {
  const years = [
    year(2023, null),
    year(2024, [
      position('training_days_new', 41.666, 3),
      position('employee_nps', 4.2, 4),
      position('has_service_strategy', 50, null),
    ]),
    year(2025, [position('training_days_new', 79.166, 1), WITHHELD]),
  ];

  it('gives each KPI its rank per cycle in words, a withheld cycle its rule and reason, a cycle without the unit as such', () => {
    const model = positionHistoryModel(state(years));
    const employees = model.areas.find((a) => a.id === 'area-employees');
    const training = employees?.kpis.find((k) => k.id === 'kpi-training_days_new');
    expect(training?.cells).toEqual([
      { year: 2023, text: 'nicht enthalten', quartile: null, quartileHint: null, withheld: false },
      {
        year: 2024,
        text: 'besser als 42\u00a0% der Gruppe',
        quartile: 'Q3',
        quartileHint: 'Quartil 3 (Q1 ist das beste Viertel)',
        withheld: false,
      },
      {
        year: 2025,
        text: 'besser als 79\u00a0% der Gruppe',
        quartile: 'Q1',
        quartileHint: 'Quartil 1 (Q1 ist das beste Viertel)',
        withheld: false,
      },
    ]);
    const nps = employees?.kpis.find((k) => k.id === 'kpi-employee_nps');
    expect(nps?.cells[2]).toEqual({
      year: 2025,
      text: 'nicht veröffentlicht: Give-to-get – eigener Wert fehlt',
      quartile: null,
      quartileHint: null,
      withheld: true,
    });
  });

  it('draws a rank only where the cycle gives one, and names the chart by the ranks in words', () => {
    const model = positionHistoryModel(state(years, 'en'));
    const nps = model.areas.flatMap((a) => a.kpis).find((k) => k.id === 'kpi-employee_nps');
    // 2023 not included, 2025 withheld: one dot, no line.
    expect(nps?.chart.markup.match(/<circle/g)).toHaveLength(1);
    expect(nps?.chart.markup).not.toContain('<polyline');
    expect(nps?.chart.markup).toContain(
      'aria-label="Employee NPS (eNPS): 2023: not included; 2024: better than 4\u00a0% of the group; 2025: not released: give-to-get – eigener Wert fehlt"',
    );
  });

  it('leaves out yes/no KPIs, which have no percentile rank, and areas without a KPI', () => {
    const model = positionHistoryModel(state(years));
    const keys = model.areas.flatMap((a) => a.kpis.map((k) => k.id));
    expect(keys).not.toContain('kpi-has_service_strategy');
    expect(model.areas.map((a) => a.id)).toEqual(['area-employees']);
  });

  it('lists the cycles with their peer group and a link to the benchmark view of each cycle with the unit', () => {
    const model = positionHistoryModel(state(years));
    expect(model.years).toEqual([
      {
        year: 2023,
        peerGroup: 'Ihre Einheit ist in diesem Zyklus nicht enthalten',
        benchmarkHref: null,
      },
      {
        year: 2024,
        peerGroup: 'Branche: Telekommunikation (n = 12)',
        benchmarkHref: '/snapshots/s2024/benchmarks?unitId=unit',
      },
      {
        year: 2025,
        peerGroup: 'Branche: Telekommunikation (n = 12)',
        benchmarkHref: '/snapshots/s2025/benchmarks?unitId=unit',
      },
    ]);
  });
});
