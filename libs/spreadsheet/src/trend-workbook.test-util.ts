import {
  computeTrendData,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  loadCatalogue,
  type Industry,
  type TrendInput,
  type TrendUnit,
} from '@app/domain';
import ExcelJS from 'exceljs';
import { trendWorkbook, type TrendWorkbookInput } from './trend-workbook';

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
    company: `company of ${id}`,
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

export function createWorkbookInput(
  overrides: Partial<TrendWorkbookInput> = {},
): TrendWorkbookInput {
  return {
    language: 'en',
    study: { name: 'Contact Center Benchmark DACH' },
    catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    trend: computeTrendData(createTrendInput()),
    ...overrides,
  };
}

export async function load(input: TrendWorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await trendWorkbook(input)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's data rows as header -> cell, and its headers. */
export function rowsOf(workbook: ExcelJS.Workbook, name: string) {
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
export function findRow(
  rows: Array<Map<string, ExcelJS.Cell>>,
  match: Record<string, string | number>,
): Map<string, ExcelJS.Cell> {
  const found = rows.filter((row) =>
    Object.entries(match).every(([header, value]) => row.get(header)?.value === value),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

export const valueIn = (row: Map<string, ExcelJS.Cell>, header: string) => row.get(header)?.value;

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

export const DRIVER_KPIS: TrendInput['kpis'] = [
  { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
  { key: 'fcr_rate', boolean: false, polarity: 'higher_is_better' },
  { key: 'asa_seconds', boolean: false, polarity: 'lower_is_better' },
];

/**
 * 600 generated units over 2023 and 2024 (units 0..549 in 2023, all in 2024), with training days
 * t, FCR rising and ASA falling with t, plus noise, every value to 4 decimals. Industries:
 * banking and insurance hold nearly all; 2 units in retail and 1 in utilities.
 */
export function createGeneratedTrendInput(): TrendInput {
  const next = random(20260210);
  const industryOf = (u: number): Industry =>
    u < 2 ? 'retail' : u === 2 ? 'utilities' : u % 2 === 0 ? 'banking' : 'insurance';
  const unitsOf = (count: number, year: number): TrendUnit[] =>
    Array.from({ length: count }, (_, u): TrendUnit => {
      const t = 2 + 20 * next() + (year - 2023);
      return {
        id: `G${u}`,
        company: `company of G${u}`,
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
export function createClusterTrendInput(): TrendInput {
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
        company: `company of C${base}-${i}`,
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
export const COUNT_HEADERS = new Set([
  'n',
  'All: n',
  'Panel: n',
  'Pooled: n',
  'Units',
  'Units: from',
  'Units: to',
]);
