import {
  BenchmarkCell,
  BenchmarkInput,
  BenchmarkKpi,
  BenchmarkUnitProfile,
  Catalogue,
  cellsSeenBy,
  computeSnapshot,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  DemoDataset,
  foldedCategoriesFrom,
  foldSizeBands,
  generateDemoData,
  KpiItemDefinition,
  loadCatalogue,
  peerGroupDefinition,
  PeerGroupFilter,
  Quartile,
  sizeBandFor,
  UnitPosition,
  unitPosition,
} from '@app/domain';
import { CompanyReportInput } from './company-report-model';

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
