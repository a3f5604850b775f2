import { DEMO_CATALOGUE, loadCatalogue } from '@app/domain';
import type {
  BenchmarkCellDto,
  KpiPositionDto,
  PeerGroupDto,
} from '../../snapshots/dto/snapshot.dto';
import { BENCHMARKS_TEXTS } from './benchmarks.texts';
import {
  benchmarkViewModel,
  BenchmarkViewState,
  peerGroupName,
  refusalText,
} from './benchmark-view.model';
import { defaultPeerGroup } from '@app/application';

const catalogue = loadCatalogue(DEMO_CATALOGUE);

const profile = {
  industry: 'telecom',
  country: 'DE',
  sizeBand: 'M',
  customerType: 'b2c',
  sourcing: 'inhouse',
};

function group(id: string, filter: Record<string, string[]>, n = 8, released = true): PeerGroupDto {
  return { id, kind: 'dimension', label: id, filter, n, released };
}

const ALL = { ...group('all', {}, 40), kind: 'all', label: 'Alle Teilnehmer' };
const TELECOM = group('industry:telecom', { industry: ['telecom'] }, 12);
const TELECOM_M = group('industry:telecom;sizeBand:M', { industry: ['telecom'], sizeBand: ['M'] });
const BANKING = group('industry:banking', { industry: ['banking'] }, 9);

function cell(kpiKey: string, values: Partial<BenchmarkCellDto> = {}): BenchmarkCellDto {
  return {
    kpiKey,
    n: 12,
    mean: 20,
    p10: 8,
    p25: 12.25,
    p50: 1234.5,
    p75: 2000,
    p90: 2500,
    pooled: null,
    suppressed: null,
    suppressedStatistics: [],
    ...values,
  };
}

function position(
  kpiKey: string,
  value: number | null,
  more: Partial<KpiPositionDto> = {},
): KpiPositionDto {
  return {
    kpiKey,
    value,
    percentileRank: 72,
    quartile: 2,
    gapToMedian: 1,
    gapToTopQuartile: 3.5,
    cell: cell(kpiKey),
    ...more,
  };
}

function state(more: Partial<BenchmarkViewState> = {}): BenchmarkViewState {
  return {
    language: 'de',
    texts: BENCHMARKS_TEXTS.de,
    catalogue,
    profile,
    groups: [ALL, TELECOM, BANKING, TELECOM_M],
    group: TELECOM_M,
    positions: [
      position('training_days_new', 27.5),
      position('attrition_rate', 9, { quartile: 1, gapToTopQuartile: 0 }),
      position('has_service_strategy', 1, {
        cell: cell('has_service_strategy', { mean: 81.25 }),
        percentileRank: null,
        quartile: null,
      }),
      position('sickness_rate', 5.5, {
        cell: cell('sickness_rate', {
          n: 3,
          p25: null,
          p50: null,
          p75: null,
          suppressed: { rule: 'min_n', reason: 'weniger als 5 Vergleichseinheiten' },
        }),
      }),
    ],
    cells: [],
    ...more,
  };
}

const rows = (model: ReturnType<typeof benchmarkViewModel>) => model.areas.flatMap((a) => a.rows);
const rowOf = (model: ReturnType<typeof benchmarkViewModel>, key: string) => {
  const found = rows(model).find((r) => r.key === key);
  if (!found) {
    throw new Error(`no row ${key}`);
  }
  return found;
};

describe('benchmarkViewModel', () => {
  it("shows the unit's position per KPI by area, in the questionnaire's order", () => {
    const model = benchmarkViewModel(state());
    expect(model.areas.map((a) => a.title)).toEqual(['Strategie', 'Mitarbeitende']);
    expect(rows(model).map((r) => r.key)).toEqual([
      'has_service_strategy',
      'attrition_rate',
      'training_days_new',
      'sickness_rate',
    ]);
    const training = rowOf(model, 'training_days_new');
    expect(training).toMatchObject({
      id: 'kpi-training_days_new',
      label: 'Grundausbildung neuer Agenten',
      meta: 'Tage · höher ist besser · n = 12',
      value: '27,5',
      p25: '12,25',
      median: '1.234,5',
      p75: '2.000',
      position: 'besser als 72\u00a0% der Gruppe',
      quartile: 'Q2',
      gap: '+3,5',
      suppressed: null,
    });
    expect(training.chart?.markup).toContain('<svg');
    expect(training.chart?.markup).toContain('27,5\u00a0Tage');
    expect(rowOf(model, 'attrition_rate')).toMatchObject({ gap: 'erreicht', quartile: 'Q1' });
  });

  it('shows a yes/no KPI as the share of yes, and a withheld cell with its rule and reason', () => {
    const model = benchmarkViewModel(state());
    expect(rowOf(model, 'has_service_strategy')).toMatchObject({
      yesNo: true,
      value: 'Ja',
      yesShare: '81\u00a0% der Gruppe mit „Ja“',
      chart: null,
    });
    expect(rowOf(model, 'has_service_strategy').shareBar?.markup).toContain('81\u00a0%');
    expect(rowOf(model, 'sickness_rate')).toMatchObject({
      value: '5,5',
      median: '–',
      chart: null,
      suppressed: 'nicht veröffentlicht: Mindestgröße – weniger als 5 Vergleichseinheiten',
    });
  });

  it('leaves the band out of the chart when P10 and P90 are withheld', () => {
    const withheld = cell('training_days_new', {
      p10: null,
      p90: null,
      suppressedStatistics: [
        { statistic: 'p10', rule: 'min_n_tails', reason: 'x' },
        { statistic: 'p90', rule: 'min_n_tails', reason: 'x' },
      ],
    });
    const full = benchmarkViewModel(state()).areas[1].rows[1].chart?.markup ?? '';
    const model = benchmarkViewModel(
      state({ positions: [position('training_days_new', 27.5, { cell: withheld })] }),
    );
    const markup = rowOf(model, 'training_days_new').chart?.markup ?? '';
    expect(markup.match(/<rect/g)?.length).toBe((full.match(/<rect/g)?.length ?? 0) - 1);
  });

  it("shows a group's cells without a position when the unit is not a member", () => {
    const model = benchmarkViewModel(
      state({ group: BANKING, positions: null, cells: [cell('training_days_new')] }),
    );
    expect(rowOf(model, 'training_days_new')).toMatchObject({
      value: '–',
      median: '1.234,5',
      position: '–',
      quartile: null,
    });
  });

  it('writes figures and words in English', () => {
    const model = benchmarkViewModel(state({ language: 'en', texts: BENCHMARKS_TEXTS.en }));
    expect(rowOf(model, 'training_days_new')).toMatchObject({
      value: '27.5',
      median: '1,234.5',
      position: 'better than 72\u00a0% of the group',
      meta: 'days · higher is better · n = 12',
    });
    expect(model.groupLabel).toBe('Industry: Telecommunications · Size band: M');
  });

  it("lists the unit's own released groups first and ticks the shown group's filter", () => {
    const hidden = group('industry:retail', { industry: ['retail'] }, 3, false);
    const model = benchmarkViewModel(state({ groups: [ALL, TELECOM, BANKING, TELECOM_M, hidden] }));
    expect(model.ownGroups.map((o) => o.value)).toEqual(['all', 'industry:telecom', TELECOM_M.id]);
    expect(model.ownGroups.find((o) => o.selected)?.label).toBe(
      'Branche: Telekommunikation · Größenklasse: M (n = 8)',
    );
    expect(model.otherGroups.map((o) => o.value)).toEqual(['industry:banking']);
    expect(model.groupSize).toBe('8 Einheiten');
    const ticked = model.dimensions.flatMap((d) => d.options.filter((o) => o.checked));
    expect(ticked.map((o) => o.id)).toEqual(['filter-industry-telecom', 'filter-sizeBand-M']);
    const sizes = model.dimensions.find((d) => d.dimension === 'sizeBand');
    expect(sizes?.legend).toBe('Größenklasse');
    expect(sizes?.options[0]).toMatchObject({
      name: 'filter[sizeBand][]',
      value: 'S',
      label: 'S (unter 50 Agenten-FTE)',
    });
  });

  it('ticks what a refused custom group asked for', () => {
    const model = benchmarkViewModel(state({ filter: { country: ['AT', 'CH'] } }));
    const ticked = model.dimensions.flatMap((d) => d.options.filter((o) => o.checked));
    expect(ticked.map((o) => o.label)).toEqual(['Österreich', 'Schweiz']);
  });
});

describe('defaultPeerGroup', () => {
  it('opens with the narrowest released group of the report: industry and size, industry, all', () => {
    expect(defaultPeerGroup([ALL, TELECOM, TELECOM_M], profile)).toBe(TELECOM_M);
    expect(defaultPeerGroup([ALL, TELECOM, { ...TELECOM_M, released: false }], profile)).toBe(
      TELECOM,
    );
    expect(defaultPeerGroup([ALL, BANKING], profile)).toBe(ALL);
    expect(defaultPeerGroup([BANKING], profile)).toBe(BANKING);
    expect(defaultPeerGroup([], profile)).toBeUndefined();
  });

  it('finds a folded size band by its filter, and never a custom group', () => {
    const telecomSM = group('industry:telecom;sizeBand:S,M', {
      industry: ['telecom'],
      sizeBand: ['S', 'M'],
    });
    expect(defaultPeerGroup([ALL, TELECOM, telecomSM], profile)).toBe(telecomSM);
    const custom = { ...telecomSM, kind: 'custom' };
    expect(defaultPeerGroup([ALL, TELECOM, custom], profile)).toBe(TELECOM);
    expect(defaultPeerGroup([ALL, TELECOM, custom], { ...profile, sizeBand: 'L' })).toBe(TELECOM);
  });
});

describe('peerGroupName and refusalText', () => {
  it('names a group by its values in words', () => {
    const custom = group('x', { customerType: ['b2b', 'mixed'], sourcing: ['outsourced'] });
    expect(peerGroupName(custom, 'de', BENCHMARKS_TEXTS.de)).toBe(
      'Kundentyp: Geschäftskunden (B2B), Geschäfts- und Privatkunden · Betriebsmodell: ausgelagert',
    );
    expect(peerGroupName(ALL, 'de', BENCHMARKS_TEXTS.de)).toBe('Alle Teilnehmer');
  });

  it('says which rule refused a custom group, in words', () => {
    expect(
      refusalText(
        { rule: 'min_n', message: 'weniger als 5 Vergleichseinheiten' },
        'de',
        BENCHMARKS_TEXTS.de,
      ),
    ).toBe('Regel „Mindestgröße“: weniger als 5 Vergleichseinheiten.');
    expect(
      refusalText(
        { rule: 'differencing', message: 'would reveal fewer than 5 units.' },
        'en',
        BENCHMARKS_TEXTS.en,
      ),
    ).toBe("Rule 'differencing': would reveal fewer than 5 units.");
    expect(
      refusalText(
        {
          rule: 'differencing',
          message:
            'die Gruppe unterscheidet sich von der Vergleichsgruppe industry:telecom;sizeBand:M um weniger als 5 Einheiten',
        },
        'de',
        BENCHMARKS_TEXTS.de,
        [ALL, TELECOM_M],
      ),
    ).toBe(
      'Regel „Differenzbildung“: die Gruppe unterscheidet sich von der Vergleichsgruppe „Branche: Telekommunikation · Größenklasse: M“ um weniger als 5 Einheiten.',
    );
  });

  it('names the cap on custom groups in words', () => {
    expect(
      refusalText(
        { rule: 'custom_group_limit', message: 'a participant may ask for at most 20' },
        'en',
        BENCHMARKS_TEXTS.en,
      ),
    ).toBe("Rule 'cap on custom peer groups': a participant may ask for at most 20.");
  });
});
