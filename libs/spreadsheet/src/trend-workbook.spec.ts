import {
  computeTrendData,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  loadCatalogue,
  type Industry,
  type SizeBand,
  type TrendInput,
  type TrendUnit,
} from '@app/domain';
import ExcelJS from 'exceljs';
import {
  TREND_SHEET_NAMES,
  TREND_SHEETS,
  trendWorkbook,
  type TrendWorkbookInput,
} from './trend-workbook';

const catalogue = loadCatalogue(DEMO_CATALOGUE);

/**
 * A unit whose FCR is 50 + its training days t (a perfect driver), in banking unless given, with
 * its contacts (the weight of FCR), phone contacts (the weight of ASA) and ASA.
 */
function createTrendUnit(
  id: string,
  t: number,
  nps: number | null,
  yes: boolean,
  volumes: { contacts: number; phone: number; asa: number },
  industry: Industry = 'banking',
): TrendUnit {
  return {
    id,
    profile: { industry, sizeBand: 'M', country: 'DE' },
    values: {
      training_days_new: t,
      fcr_rate: 50 + t,
      nps,
      works_value_creating_contacts: yes,
      contacts_total: volumes.contacts,
      contacts_phone: volumes.phone,
      asa_seconds: volumes.asa,
    },
  };
}

/**
 * A1..A6 take part in both years, with 10, 12, .., 20 training days in 2023 and 2 more each in
 * 2024; B1..B5 (30..34 days, B5 in retail) join in 2024. Only A1..A4 give an NPS in 2023, so its
 * 2023 figures are withheld. "Yes" to value-creating contacts: A1 in 2023; A1, A2 and B1 in 2024.
 *
 * Hand-worked: training days 2023 sorted 10 12 14 16 18 20: P25 at position 1.25 = 12.5, median
 * 15, P75 17.5, mean 15; 2024 over all 11 units: median 22 (the 6th of 12 14 16 18 20 22 30 .. 34).
 * Panel A1..A6: median 15 -> 17, +2, +13.33 %; it differs from all participants by 0 units in
 * 2023 and by the 5 joiners in 2024, so it is released.
 *
 * Pooled FCR, weighted by contacts: 2023 FCR 60 62 64 66 with 1,000 contacts each and 68 70 with
 * 2,000: (252,000 + 276,000) / 8,000 = 66; the largest weight is exactly 25 % of 8,000, which
 * passes the dominance rule, and 8,000 − 2 × 2,000 = 4,000 ≥ 10 % of 2,000 the p% rule. 2024 all 11
 * units with 1,000 contacts: the plain mean (62 + .. + 72 + 80 + .. + 84) / 11 = 812 / 11 =
 * 73.818; change +7.818 on the smaller n, 6.
 *
 * Pooled ASA, weighted by phone contacts: 2023 A1 10,000 and A2..A6 1,000 each: 10,000 of 15,000
 * is 66.7 % > 25 %, withheld by the dominance rule (the rest, 4,000, passes the p% rule). 2024
 * A1 10,000, A2 9,000, the other nine 100 each: the rest, 900, is below 10 % of 10,000, withheld
 * by the p% rule. The change is withheld for the first side's reason.
 */
function createTrendInput(): TrendInput {
  const npsOf2024 = [5, 40, -10, 25, 0, 35, 15, -5, 30, 10, 20];
  const a2023 = [10, 12, 14, 16, 18, 20].map((t, i) =>
    createTrendUnit(`A${i + 1}`, t, i < 4 ? [20, 30, 10, 40][i] : null, i === 0, {
      contacts: i < 4 ? 1000 : 2000,
      phone: i === 0 ? 10_000 : 1000,
      asa: 100 + 10 * i,
    }),
  );
  const a2024 = [12, 14, 16, 18, 20, 22].map((t, i) =>
    createTrendUnit(`A${i + 1}`, t, npsOf2024[i], i < 2, {
      contacts: 1000,
      phone: [10_000, 9000][i] ?? 100,
      asa: 90 + 10 * i,
    }),
  );
  const b2024 = [30, 31, 32, 33, 34].map((t, i) =>
    createTrendUnit(
      `B${i + 1}`,
      t,
      npsOf2024[6 + i],
      i === 0,
      { contacts: 1000, phone: 100, asa: 200 + i },
      i === 4 ? 'retail' : 'banking',
    ),
  );
  return {
    cycles: [
      { year: 2023, units: a2023 },
      { year: 2024, units: [...a2024, ...b2024] },
    ],
    kpis: [
      { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
      {
        key: 'fcr_rate',
        boolean: false,
        polarity: 'higher_is_better',
        weightKey: 'contacts_total',
      },
      {
        key: 'asa_seconds',
        boolean: false,
        polarity: 'lower_is_better',
        weightKey: 'contacts_phone',
      },
      { key: 'nps', boolean: false, polarity: 'higher_is_better' },
      { key: 'works_value_creating_contacts', boolean: true, polarity: 'higher_is_better' },
    ],
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
}

function createWorkbookInput(overrides: Partial<TrendWorkbookInput> = {}): TrendWorkbookInput {
  return {
    language: 'en',
    study: { name: 'Contact Center Benchmark DACH' },
    catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    trend: computeTrendData(createTrendInput()),
    ...overrides,
  };
}

async function load(input: TrendWorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await trendWorkbook(input)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's data rows as header -> cell, and its headers. */
function rowsOf(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) {
    throw new Error(`no sheet ${name}`);
  }
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    headers[col - 1] = cell.text;
  });
  const rows: Array<Map<string, ExcelJS.Cell>> = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(new Map(headers.map((header, i) => [header, row.getCell(i + 1)])));
  }
  return { sheet, headers, rows };
}

/** The one row whose cells under the given headers hold the given values. */
function findRow(
  rows: Array<Map<string, ExcelJS.Cell>>,
  match: Record<string, string | number>,
): Map<string, ExcelJS.Cell> {
  const found = rows.filter((row) =>
    Object.entries(match).every(([header, value]) => row.get(header)?.value === value),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

const valueIn = (row: Map<string, ExcelJS.Cell>, header: string) => row.get(header)?.value;

/** A seeded generator, so that the "random" units are the same in every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value to 4 decimals: off every round cell edge, so that an equal cell would be no chance. */
const fourDecimals = (value: number): number => Math.round(value * 10_000) / 10_000 + 0.00005;

const DRIVER_KPIS: TrendInput['kpis'] = [
  { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
  { key: 'fcr_rate', boolean: false, polarity: 'higher_is_better' },
  { key: 'asa_seconds', boolean: false, polarity: 'lower_is_better' },
];

/**
 * 600 generated units over 2023 and 2024 (units 0..549 in 2023, all in 2024), with training days
 * t, FCR rising and ASA falling with t, plus noise, every value to 4 decimals. Industries:
 * banking and insurance hold nearly all; 2 units in retail and 1 in utilities.
 */
function createGeneratedTrendInput(): TrendInput {
  const next = random(20260210);
  const industryOf = (u: number): Industry =>
    u < 2 ? 'retail' : u === 2 ? 'utilities' : u % 2 === 0 ? 'banking' : 'insurance';
  const unitsOf = (count: number, year: number): TrendUnit[] =>
    Array.from({ length: count }, (_, u): TrendUnit => {
      const t = 2 + 20 * next() + (year - 2023);
      return {
        id: `G${u}`,
        profile: { industry: industryOf(u), sizeBand: u % 3 === 0 ? 'S' : 'M', country: 'DE' },
        values: {
          training_days_new: fourDecimals(t),
          fcr_rate: fourDecimals(55 + t + 8 * next()),
          asa_seconds: fourDecimals(120 - 2 * t + 10 * next()),
        },
      };
    });
  return {
    cycles: [
      { year: 2023, units: unitsOf(550, 2023) },
      { year: 2024, units: unitsOf(600, 2024) },
    ],
    kpis: DRIVER_KPIS,
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
}

/**
 * Hand-made clusters along the diagonal, one cycle: training days t = base + 0.01 i and FCR
 * = 50 + t, for 30 units at base 12, 12 at 22, 6 at 32 and 2 at 42.
 */
function createClusterTrendInput(): TrendInput {
  const clusters = [
    [12, 30],
    [22, 12],
    [32, 6],
    [42, 2],
  ] as const;
  const units = clusters.flatMap(([base, count]) =>
    Array.from({ length: count }, (_, i): TrendUnit => {
      const t = base + 0.01 * i;
      return {
        id: `C${base}-${i}`,
        profile: { industry: 'banking', sizeBand: 'M', country: 'DE' },
        values: { training_days_new: t, fcr_rate: 50 + t },
      };
    }),
  );
  return {
    cycles: [{ year: 2024, units }],
    kpis: DRIVER_KPIS.slice(0, 2),
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
}

/** The headers of the sheets' columns that hold a number of units. */
const COUNT_HEADERS = new Set([
  'n',
  'All: n',
  'Panel: n',
  'Pooled: n',
  'Units',
  'Units: from',
  'Units: to',
]);

describe('trendWorkbook', () => {
  let english: ExcelJS.Workbook;
  beforeAll(async () => {
    english = await load(createWorkbookInput());
  });

  it.each([
    [
      'de',
      [
        'Teilnahme',
        'Kennzahlen',
        'Veränderungen',
        'Verbreitung',
        'Treiber',
        'Treiberfelder',
        'Drift',
        'Methode',
      ],
      'Kennzahl',
    ],
    [
      'en',
      [
        'Participation',
        'KPIs',
        'Changes',
        'Adoption',
        'Drivers',
        'Driver cells',
        'Drift',
        'Method',
      ],
      'KPI',
    ],
  ] as const)('names its sheets and headers in %s', async (language, names, kpiHeader) => {
    const workbook = await load(createWorkbookInput({ language }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    expect(TREND_SHEETS.map((id) => TREND_SHEET_NAMES[id][language])).toEqual(names);
    const { headers } = rowsOf(workbook, TREND_SHEET_NAMES.kpis[language]);
    expect(headers.slice(0, 4)).toEqual([
      language === 'de' ? 'Schlüssel' : 'Key',
      kpiHeader,
      language === 'de' ? 'Einheit' : 'Unit',
      language === 'de' ? 'Jahr' : 'Year',
    ]);
  });

  it('freezes a bold header row on every sheet and fits the column widths', () => {
    for (const sheet of english.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
      sheet.getRow(1).eachCell((cell, col) => {
        expect(sheet.getColumn(col).width).toBeGreaterThanOrEqual(cell.text.length);
        expect(sheet.getColumn(col).width).toBeLessThanOrEqual(70);
      });
    }
    // The label column fits "Basic training of new agents" (28 characters) and a little more.
    const kpis = english.getWorksheet('KPIs')!;
    expect(kpis.getColumn(2).width).toBe(32);
  });

  it('writes a cycle’s quartiles, median and mean as hand-worked number cells', () => {
    const { rows } = rowsOf(english, 'KPIs');
    const row = findRow(rows, { Key: 'training_days_new', Year: 2023 });
    expect(valueIn(row, 'KPI')).toBe('Basic training of new agents');
    expect(valueIn(row, 'Unit')).toBe('days');
    expect(['n', 'P25', 'Median', 'P75', 'Mean'].map((h) => valueIn(row, h))).toEqual([
      6, 12.5, 15, 17.5, 15,
    ]);
    expect(row.get('Median')?.type).toBe(ExcelJS.ValueType.Number);
    expect(row.get('Year')?.type).toBe(ExcelJS.ValueType.Number);
    expect(valueIn(row, 'Withheld')).toBeNull();
    expect(valueIn(findRow(rows, { Key: 'training_days_new', Year: 2024 }), 'Median')).toBe(22);
  });

  it('writes the change over all participants and over the balanced panel as hand-worked', () => {
    const { rows } = rowsOf(english, 'Changes');
    const row = findRow(rows, { Key: 'training_days_new', 'From year': 2023, 'To year': 2024 });
    // All participants: 15 -> 22 on the smaller n of the two years.
    expect(valueIn(row, 'All: n')).toBe(6);
    expect(valueIn(row, 'All: median change')).toBe(7);
    expect(valueIn(row, 'All: median change %')).toBeCloseTo(46.667, 3);
    // Panel A1..A6: 15 -> 17.
    expect(valueIn(row, 'Panel: n')).toBe(6);
    expect(valueIn(row, 'Panel: median from')).toBe(15);
    expect(valueIn(row, 'Panel: median to')).toBe(17);
    expect(valueIn(row, 'Panel: median change')).toBe(2);
    expect(valueIn(row, 'Panel: median change %')).toBeCloseTo(13.333, 3);
    expect(row.get('Panel: median change')?.type).toBe(ExcelJS.ValueType.Number);
    expect(valueIn(row, 'Withheld')).toBeNull();
  });

  it('leaves a withheld figure’s cells empty, its n included, and names the rule and reason', async () => {
    const kpis = rowsOf(english, 'KPIs').rows;
    const nps = findRow(kpis, { Key: 'nps', Year: 2023 });
    for (const header of ['n', 'P25', 'Median', 'P75', 'Mean']) {
      expect(valueIn(nps, header)).toBeNull();
    }
    expect(valueIn(nps, 'Withheld')).toBe('min_n: fewer than 5 peers');
    // The later year, with 11 units, is released.
    expect(valueIn(findRow(kpis, { Key: 'nps', Year: 2024 }), 'n')).toBe(11);

    const change = findRow(rowsOf(english, 'Changes').rows, { Key: 'nps' });
    for (const header of ['All: n', 'All: median change', 'Panel: n', 'Panel: median from']) {
      expect(valueIn(change, header)).toBeNull();
    }
    expect(valueIn(change, 'Withheld')).toBe(
      'All: min_n: fewer than 5 peers; Panel: min_n: fewer than 5 peers',
    );

    const drift = rowsOf(english, 'Drift');
    expect(drift.headers).toEqual(['Year', 'Median: Net Promoter Score (NPS)', 'Withheld']);
    const drift2023 = findRow(drift.rows, { Year: 2023 });
    expect(valueIn(drift2023, 'Median: Net Promoter Score (NPS)')).toBeNull();
    expect(valueIn(drift2023, 'Withheld')).toBe(
      'Net Promoter Score (NPS): min_n: fewer than 5 peers',
    );

    const german = await load(createWorkbookInput({ language: 'de' }));
    const npsDe = findRow(rowsOf(german, 'Kennzahlen').rows, { Schlüssel: 'nps', Jahr: 2023 });
    expect(valueIn(npsDe, 'Median')).toBeNull();
    expect(valueIn(npsDe, 'Zurückgehalten')).toBe('min_n: weniger als 5 Vergleichseinheiten');
  });

  it('writes a weighted KPI’s pooled figure and its n beside the distribution, as hand-worked', () => {
    const { headers, rows } = rowsOf(english, 'KPIs');
    expect(headers.slice(9)).toEqual(['Pooled: weight', 'Pooled: n', 'Pooled', 'Withheld']);
    const fcr2023 = findRow(rows, { Key: 'fcr_rate', Year: 2023 });
    expect(valueIn(fcr2023, 'Pooled: weight')).toBe('contacts_total');
    expect(valueIn(fcr2023, 'Pooled: n')).toBe(6);
    expect(valueIn(fcr2023, 'Pooled')).toBe(66);
    expect(fcr2023.get('Pooled')?.type).toBe(ExcelJS.ValueType.Number);
    expect(valueIn(fcr2023, 'Withheld')).toBeNull();
    const fcr2024 = findRow(rows, { Key: 'fcr_rate', Year: 2024 });
    expect(valueIn(fcr2024, 'Pooled: n')).toBe(11);
    expect(valueIn(fcr2024, 'Pooled')).toBeCloseTo(812 / 11, 9);
    // A KPI without a weight has no pooled cells at all.
    const training = findRow(rows, { Key: 'training_days_new', Year: 2024 });
    for (const header of ['Pooled: weight', 'Pooled: n', 'Pooled']) {
      expect(valueIn(training, header)).toBeNull();
    }
  });

  it('writes the pooled change from, to and in points on the changes sheet', () => {
    const { headers, rows } = rowsOf(english, 'Changes');
    expect(headers.slice(13)).toEqual([
      'Pooled: n',
      'Pooled: from',
      'Pooled: to',
      'Pooled: change',
      'Withheld',
    ]);
    const fcr = findRow(rows, { Key: 'fcr_rate', 'From year': 2023, 'To year': 2024 });
    expect(valueIn(fcr, 'Pooled: n')).toBe(6);
    expect(valueIn(fcr, 'Pooled: from')).toBe(66);
    expect(valueIn(fcr, 'Pooled: to')).toBeCloseTo(812 / 11, 9);
    expect(valueIn(fcr, 'Pooled: change')).toBeCloseTo(812 / 11 - 66, 9);
    expect(valueIn(fcr, 'Withheld')).toBeNull();
    const training = findRow(rows, { Key: 'training_days_new' });
    expect(valueIn(training, 'Pooled: change')).toBeNull();
  });

  it('leaves a pooled figure withheld by the dominance or the p% rule empty, n included, and says why', async () => {
    const kpis = rowsOf(english, 'KPIs').rows;
    const asa2023 = findRow(kpis, { Key: 'asa_seconds', Year: 2023 });
    // The distribution of the six units is released; only the pooled figure is withheld.
    expect(valueIn(asa2023, 'Median')).toBe(125);
    expect(valueIn(asa2023, 'Pooled: n')).toBeNull();
    expect(valueIn(asa2023, 'Pooled')).toBeNull();
    expect(valueIn(asa2023, 'Withheld')).toBe(
      'Pooled: dominance: one unit carries more than 25 % of the weight',
    );
    expect(valueIn(findRow(kpis, { Key: 'asa_seconds', Year: 2024 }), 'Withheld')).toBe(
      'Pooled: p_percent: the weight less the two largest contributions is below 10 % of the largest',
    );
    const change = findRow(rowsOf(english, 'Changes').rows, { Key: 'asa_seconds' });
    for (const header of ['Pooled: n', 'Pooled: from', 'Pooled: to', 'Pooled: change']) {
      expect(valueIn(change, header)).toBeNull();
    }
    expect(valueIn(change, 'Withheld')).toBe(
      'Pooled: dominance: one unit carries more than 25 % of the weight',
    );

    const german = await load(createWorkbookInput({ language: 'de' }));
    const asaDe = findRow(rowsOf(german, 'Kennzahlen').rows, {
      Schlüssel: 'asa_seconds',
      Jahr: 2023,
    });
    expect(valueIn(asaDe, 'Gepoolt')).toBeNull();
    expect(valueIn(asaDe, 'Zurückgehalten')).toBe(
      'Gepoolt: dominance: eine Einheit trägt mehr als 25 % des Gewichts',
    );
    const fcrDe = findRow(rowsOf(german, 'Veränderungen').rows, { Schlüssel: 'fcr_rate' });
    expect(valueIn(fcrDe, 'Gepoolt: von')).toBe(66);
  });

  it('writes participation in long format and withholds a category of one unit', () => {
    const { headers, rows } = rowsOf(english, 'Participation');
    expect(headers).toEqual(['Year', 'Dimension', 'Category', 'Units', 'Withheld']);
    expect(valueIn(findRow(rows, { Year: 2024, Dimension: 'Total' }), 'Units')).toBe(11);
    expect(
      valueIn(findRow(rows, { Year: 2023, Dimension: 'Industry', Category: 'banking' }), 'Units'),
    ).toBe(6);
    const retail = findRow(rows, { Year: 2024, Dimension: 'Industry', Category: 'retail' });
    expect(valueIn(retail, 'Units')).toBeNull();
    expect(valueIn(retail, 'Withheld')).toBe('min_n: fewer than 5 peers');
    // With retail withheld, banking's 10 would be the total less 1: withheld as well.
    const banking = findRow(rows, { Year: 2024, Dimension: 'Industry', Category: 'banking' });
    expect(valueIn(banking, 'Units')).toBeNull();
    expect(valueIn(banking, 'Withheld')).toEqual(expect.stringMatching(/^differencing: /));
    expect(valueIn(findRow(rows, { Year: 2024, Dimension: 'Size band' }), 'Units')).toBe(11);
  });

  it('counts a lone XL unit in the folded band "L, XL", as the peer-group list names it', async () => {
    // S 12, M 20, L 9, XL 1: XL is folded into L (foldBelowN 10), "L, XL" holds 10 units.
    const sizeBands = [
      ...Array<SizeBand>(12).fill('S'),
      ...Array<SizeBand>(20).fill('M'),
      ...Array<SizeBand>(9).fill('L'),
      'XL' as const,
    ];
    const units = sizeBands.map((sizeBand, i): TrendUnit => ({
      id: `F${i}`,
      profile: { industry: 'banking', sizeBand, country: 'DE' },
      values: { training_days_new: 10 + i },
    }));
    const workbook = await load(
      createWorkbookInput({
        trend: computeTrendData({
          cycles: [{ year: 2024, units }],
          kpis: DRIVER_KPIS.slice(0, 1),
          policy: DEFAULT_DISCLOSURE_POLICY,
        }),
      }),
    );
    const sizeBand = rowsOf(workbook, 'Participation').rows.filter(
      (row) => valueIn(row, 'Dimension') === 'Size band',
    );
    expect(sizeBand.map((row) => [valueIn(row, 'Category'), valueIn(row, 'Units')])).toEqual([
      ['S', 12],
      ['M', 20],
      ['L, XL', 10],
    ]);
    const method = workbook.getWorksheet('Method')!;
    const entries = new Map<string, ExcelJS.CellValue>();
    method.eachRow((row) => entries.set(row.getCell(1).text, row.getCell(2).value));
    expect(
      entries.get(
        'Folding: a size band of fewer units is counted with its smaller neighbour (foldBelowN)',
      ),
    ).toBe(10);
    expect(entries.get('Size bands combined')).toBe('2024: L, XL');
  });

  it('writes each yes/no item’s share per cycle with the change from the cycle before', () => {
    const { rows } = rowsOf(english, 'Adoption');
    const first = findRow(rows, { Key: 'works_value_creating_contacts', Year: 2023 });
    expect(valueIn(first, 'Share yes %')).toBeCloseTo(100 / 6, 9);
    expect(valueIn(first, 'Compared with')).toBeNull();
    expect(valueIn(first, 'Withheld')).toBeNull();
    const second = findRow(rows, { Key: 'works_value_creating_contacts', Year: 2024 });
    expect(valueIn(second, 'n')).toBe(11);
    expect(valueIn(second, 'Share yes %')).toBeCloseTo(300 / 11, 9);
    expect(valueIn(second, 'Compared with')).toBe(2023);
    expect(valueIn(second, 'Change (points)')).toBeCloseTo(300 / 11 - 100 / 6, 9);
    // Panel A1..A6: 1 of 6 -> 2 of 6.
    expect(valueIn(second, 'Panel: n')).toBe(6);
    expect(valueIn(second, 'Panel: share then %')).toBeCloseTo(100 / 6, 9);
    expect(valueIn(second, 'Panel: share now %')).toBeCloseTo(200 / 6, 9);
    expect(valueIn(second, 'Panel: change (points)')).toBeCloseTo(100 / 6, 9);
  });

  it('lists the drivers and bins their scatter as the chart does, a cell of one unit without a count', () => {
    const drivers = rowsOf(english, 'Drivers').rows;
    const pair = findRow(drivers, { 'x: key': 'training_days_new', 'y: key': 'fcr_rate' });
    expect(valueIn(pair, 'y: KPI')).toBe('First-contact resolution (FCR)');
    expect(valueIn(pair, 'n')).toBe(11);
    expect(valueIn(pair, 'rho (Spearman)')).toBe(1);
    expect(valueIn(pair, 'p-value')).toEqual(expect.any(Number));
    const number = valueIn(pair, 'Pair');

    const cells = rowsOf(english, 'Driver cells');
    expect(cells.headers).toEqual([
      'Pair',
      'x: from',
      'x: to',
      'y: from',
      'y: to',
      'Units: from',
      'Units: to',
      'Withheld',
    ]);
    const own = cells.rows.filter((row) => valueIn(row, 'Pair') === number);
    // Hand-worked: training days 12..34 (2024) span 22, a quarter 5.5, so the step is 10 and the
    // x axis 10..40, a column 30 / 24 = 1.25 wide; FCR 62..84 likewise gives 60..90, a row
    // 30 / 16 = 1.875 high. Each unit falls in a cell of its own (12 days: column 1.6 → 1, FCR
    // 62: row 1.07 → 1; 31 and 32 days share row 11 but not a column): eleven cells of one unit.
    const cell = (column: number, row: number) => [
      10 + 1.25 * column,
      10 + 1.25 * (column + 1),
      60 + 1.875 * row,
      60 + 1.875 * (row + 1),
    ];
    expect(
      own.map((row) => ['x: from', 'x: to', 'y: from', 'y: to'].map((h) => valueIn(row, h))),
    ).toEqual([
      cell(1, 1),
      cell(3, 2),
      cell(4, 3),
      cell(6, 4),
      cell(8, 5),
      cell(9, 6),
      cell(16, 10),
      cell(16, 11),
      cell(17, 11),
      cell(18, 12),
      cell(19, 12),
    ]);
    for (const row of own) {
      expect(valueIn(row, 'Units: from')).toBeNull();
      expect(valueIn(row, 'Units: to')).toBeNull();
      expect(valueIn(row, 'Withheld')).toBe('min_n: fewer than 5 peers');
    }
  });

  it('states the policy in force and escapes a study name a spreadsheet would run', async () => {
    const workbook = await load(createWorkbookInput({ study: { name: '=HYPERLINK("x")' } }));
    const method = workbook.getWorksheet('Method')!;
    const entries = new Map<string, ExcelJS.CellValue>();
    method.eachRow((row) => entries.set(row.getCell(1).text, row.getCell(2).value));
    expect(entries.get('Study')).toBe(`'=HYPERLINK("x")`);
    expect(method.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(entries.get('Cycles')).toBe('2023, 2024');
    expect(entries.get('Minimum number of units per figure (min_n)')).toBe(5);
    expect(
      entries.get('p% rule: least share of the rest in the largest weight in % (pPercent)'),
    ).toBe(10);
    expect(
      entries.get(
        'Dominance rule: largest share of one unit in the weight in % (maxWeightSharePercent)',
      ),
    ).toBe(25);
    expect(entries.get('Rule p_percent')).toBe(
      'the weight less the two largest contributions is below 10 % of the largest',
    );
    expect(entries.get('Rule dominance')).toBe('one unit carries more than 25 % of the weight');
    expect(entries.get('Pooled')).toEqual(expect.stringContaining('Σ value × weight ÷ Σ weight'));
    expect(entries.get('Quantile method')).toEqual(expect.stringMatching(/^linear: /));
    expect(entries.get('Rule min_n')).toBe('fewer than 5 peers');
    expect(entries.get('Size bands combined')).toBe('2023: none; 2024: none');
    expect(entries.get('Withheld')).toEqual(expect.stringContaining('empty cell'));
  });

  it('classes each cell’s count as the chart does, from hand-made clusters of 30, 12, 6 and 2 units', async () => {
    const workbook = await load(
      createWorkbookInput({ trend: computeTrendData(createClusterTrendInput()) }),
    );
    expect(rowsOf(workbook, 'Drivers').rows).toHaveLength(1);
    // Hand-worked: t 12..42.01 spans 30.01, a quarter 7.5, so the step is 10 and the x axis
    // 10..50, a column 40 / 24 = 1.667 wide: the clusters lie in columns 1.2, 7.2, 13.2 and 19.2
    // → 1, 7, 13, 19. FCR 62..92.01 gives 60..100, a row 2.5 high: rows 0.8, 4.8, 8.8, 12.8
    // → 0, 4, 8, 12. Classes of minN 5: 25 or more, 10–24, 5–9 and fewer than 5.
    const rows = rowsOf(workbook, 'Driver cells').rows.map((row) =>
      ['x: from', 'x: to', 'y: from', 'y: to', 'Units: from', 'Units: to', 'Withheld'].map(
        (header) => valueIn(row, header),
      ),
    );
    const x = (column: number) => Number((10 + (40 * column) / 24).toPrecision(12));
    expect(rows).toEqual([
      [x(1), x(2), 60, 62.5, 25, null, null],
      [x(7), x(8), 70, 72.5, 10, 24, null],
      [x(13), x(14), 80, 82.5, 5, 9, null],
      [x(19), x(20), 90, 92.5, null, null, 'min_n: fewer than 5 peers'],
    ]);
    expect(x(1)).toBeCloseTo(11.6667, 4);
  });

  describe('of 600 generated units', () => {
    let input: TrendInput;
    let generated: ExcelJS.Workbook;
    beforeAll(async () => {
      input = createGeneratedTrendInput();
      generated = await load(createWorkbookInput({ trend: computeTrendData(input) }));
    });

    it('holds no row per unit in any sheet, and at most one row per cell of the grid per pair', () => {
      const latest = input.cycles[1].units.length;
      for (const sheet of generated.worksheets) {
        expect(sheet.rowCount - 1).toBeLessThan(latest / 2);
      }
      const pairs = rowsOf(generated, 'Drivers').rows;
      expect(pairs).toHaveLength(3);
      const cells = rowsOf(generated, 'Driver cells').rows;
      for (const pair of pairs) {
        const own = cells.filter((row) => valueIn(row, 'Pair') === valueIn(pair, 'Pair'));
        expect(own.length).toBeGreaterThan(0);
        expect(own.length).toBeLessThanOrEqual(24 * 16);
        expect(own.length).toBeLessThan(valueIn(pair, 'n') as number);
      }
    });

    it('shows no value of a generated unit in the driver cells', () => {
      const values = new Set(
        input.cycles.flatMap((cycle) =>
          cycle.units.flatMap((unit) => Object.values(unit.values) as number[]),
        ),
      );
      const shown = rowsOf(generated, 'Driver cells').rows.flatMap((row) =>
        [...row.values()].map((cell) => cell.value),
      );
      expect(shown.filter((value) => typeof value === 'number').length).toBeGreaterThan(100);
      expect(shown.filter((value) => values.has(value as number))).toEqual([]);
    });

    it('shows no count under min_n in any sheet, nor one the total less the shown counts gives', () => {
      const minN = DEFAULT_DISCLOSURE_POLICY.minN;
      let counts = 0;
      for (const sheet of generated.worksheets) {
        for (const row of rowsOf(generated, sheet.name).rows) {
          for (const [header, cell] of row) {
            if (COUNT_HEADERS.has(header) && typeof cell.value === 'number') {
              counts++;
              expect([sheet.name, header, cell.value >= minN]).toEqual([sheet.name, header, true]);
            }
          }
        }
      }
      expect(counts).toBeGreaterThan(50);
      // Participation: per year and dimension, the units not shown in a category, counted here
      // from the input, are none or at least minN.
      const participation = rowsOf(generated, 'Participation').rows;
      for (const cycle of input.cycles) {
        for (const dimension of ['Industry', 'Size band', 'Country']) {
          const shown = participation
            .filter((row) => valueIn(row, 'Year') === cycle.year)
            .filter((row) => valueIn(row, 'Dimension') === dimension)
            .reduce((sum, row) => sum + ((valueIn(row, 'Units') as number | null) ?? 0), 0);
          const rest = cycle.units.length - shown;
          expect([cycle.year, dimension, rest === 0 || rest >= minN]).toEqual([
            cycle.year,
            dimension,
            true,
          ]);
        }
      }
      // Retail (2) and utilities (1) are withheld; alone they would sum to 3, so banking is too:
      // the even units 4..598, 298 of them, fewer than insurance's odd 3..599, 299.
      const industry = participation.filter(
        (row) => valueIn(row, 'Year') === 2024 && valueIn(row, 'Dimension') === 'Industry',
      );
      expect(industry.map((row) => [valueIn(row, 'Category'), valueIn(row, 'Units')])).toEqual([
        ['utilities', null],
        ['banking', null],
        ['insurance', 299],
        ['retail', null],
      ]);
    });
  });
});
