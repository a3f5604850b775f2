import {
  computeTrendData,
  DEFAULT_DISCLOSURE_POLICY,
  type SizeBand,
  type TrendUnit,
} from '@app/domain';
import ExcelJS from 'exceljs';
import { TREND_SHEET_NAMES, TREND_SHEETS } from './trend-workbook';
import {
  DRIVER_KPIS,
  createWorkbookInput,
  findRow,
  load,
  rowsOf,
  valueIn,
} from './trend-workbook.test-util';

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
      company: `company of F${i}`,
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
    expect(entries.get('Categories combined')).toBe('2024: Size band: L, XL');
  });

  it('counts a country of too few companies in its folded band, named in German and English', async () => {
    // DE: 10 units of 10 companies, AT: 8 of 8 stand alone; CH: 4 of 4, LU: 6 of one company
    // and NL: 3 of 3 do not. Together CH, LU and NL hold 13 units of 8 companies, 7 outside
    // LU's: one band, as the snapshot's peer-group list names it, "CH, LU, NL".
    const countries = [
      ['DE', 10, (i: number) => `de${i}`],
      ['AT', 8, (i: number) => `at${i}`],
      ['CH', 4, (i: number) => `ch${i}`],
      ['LU', 6, () => 'lu'],
      ['NL', 3, (i: number) => `nl${i}`],
    ] as const;
    const units = countries.flatMap(([country, count, company]) =>
      Array.from({ length: count }, (_, i): TrendUnit => ({
        id: `${country}${i}`,
        company: company(i),
        profile: { industry: 'banking', sizeBand: 'M', country },
        values: { training_days_new: 10 + i },
      })),
    );
    const trend = computeTrendData({
      cycles: [{ year: 2024, units }],
      kpis: DRIVER_KPIS.slice(0, 1),
      policy: DEFAULT_DISCLOSURE_POLICY,
    });
    const methodOf = (workbook: ExcelJS.Workbook, sheet: string) => {
      const entries = new Map<string, ExcelJS.CellValue>();
      workbook.getWorksheet(sheet)!.eachRow((row) => {
        entries.set(row.getCell(1).text, row.getCell(2).value);
      });
      return entries;
    };
    const en = await load(createWorkbookInput({ trend }));
    const country = rowsOf(en, 'Participation').rows.filter(
      (row) => valueIn(row, 'Dimension') === 'Country',
    );
    expect(country.map((row) => [valueIn(row, 'Category'), valueIn(row, 'Units')])).toEqual([
      ['DE', 10],
      ['AT', 8],
      ['CH, LU, NL', 13],
    ]);
    const enMethod = methodOf(en, 'Method');
    expect(enMethod.get('Categories combined')).toBe('2024: Country: CH, LU, NL');
    expect(
      enMethod.get(
        'Folding: the industries whose units belong to fewer companies, or of whose units fewer lie outside any one company, are counted as one category, and likewise the countries (minN)',
      ),
    ).toBe(5);
    const de = await load(createWorkbookInput({ trend, language: 'de' }));
    const land = rowsOf(de, 'Teilnahme').rows.filter((row) => valueIn(row, 'Dimension') === 'Land');
    expect(land.map((row) => [valueIn(row, 'Kategorie'), valueIn(row, 'Einheiten')])).toEqual([
      ['DE', 10],
      ['AT', 8],
      ['CH, LU, NL', 13],
    ]);
    expect(methodOf(de, 'Methode').get('Zusammengelegte Kategorien')).toBe(
      '2024: Land: CH, LU, NL',
    );
  });

  it('names the folded size bands of trend data from when only those were folded', async () => {
    const { trend } = createWorkbookInput();
    const legacy = {
      ...trend,
      participation: trend.participation.map(({ folded: _folded, ...cycle }) => ({
        ...cycle,
        foldedSizeBands: cycle.year === 2023 ? [['L', 'XL']] : [],
      })),
    };
    const entries = new Map<string, ExcelJS.CellValue>();
    (await load(createWorkbookInput({ trend: legacy }))).getWorksheet('Method')!.eachRow((row) => {
      entries.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(entries.get('Categories combined')).toBe('2023: Size band: L, XL; 2024: none');
    // Those data did not fold industries and countries: the workbook does not claim they did.
    expect([...entries.keys()].filter((entry) => entry.includes('companies'))).toEqual([]);
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
    expect(entries.get('Categories combined')).toBe('2023: none; 2024: none');
    expect(entries.get('Withheld')).toEqual(expect.stringContaining('empty cell'));
  });
});
