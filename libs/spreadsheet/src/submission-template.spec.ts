import { DEMO_CATALOGUE, generateDemoData, loadCatalogue } from '@app/domain';
import ExcelJS from 'exceljs';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
import {
  allowedValuesText,
  TEMPLATE_SHEET_NAMES,
  writeSubmissionTemplate,
} from './submission-template';
import { readSubmissionTemplate } from './submission-template-reader';
import { readXlsxTable } from './xlsx-reader';

const catalogue = loadCatalogue(DEMO_CATALOGUE);
const [answers] = generateDemoData({ units: 5, years: [2024] }).submissions.map((s) => s.answers);

async function readBack(buffer: Buffer) {
  const table = await readXlsxTable(buffer, {
    limits: DEFAULT_SPREADSHEET_LIMITS,
    language: 'en',
    sheetNames: Object.values(TEMPLATE_SHEET_NAMES),
  });
  return readSubmissionTemplate(table, catalogue, 'en');
}

describe('the submission template', () => {
  it.each(['de', 'en'] as const)(
    'reads back the answers it was written with (%s)',
    async (language) => {
      const buffer = await writeSubmissionTemplate({ catalogue, answers, language, title: 't' });
      const read = await readBack(buffer);
      expect(read.problems).toEqual([]);
      const expected = Object.fromEntries(
        catalogue.inputs().map((item) => [item.key, answers[item.key] ?? null]),
      );
      expect(read.answers).toEqual(expected);
      expect(read.sheet).toBe(TEMPLATE_SHEET_NAMES[language]);
    },
  );

  it('lists every cell it cannot read with its reference, and a key it does not know', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeSubmissionTemplate({
        catalogue,
        answers: {},
        language: 'en',
        title: 't',
      })) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet('Answers')!;
    // Row 2 is the first input, has_service_strategy; the value column is C.
    expect(sheet.getCell('A2').value).toBe('has_service_strategy');
    sheet.getCell('C2').value = 'maybe';
    sheet.getCell('C3').value = { formula: 'C2', date1904: false };
    sheet.getCell('A60').value = 'no_such_key';
    sheet.getCell('C60').value = 1;
    sheet.getCell('C61').value = 2;
    const read = await readBack(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.problems.map((p) => [p.cell, p.rule])).toEqual([
      ['C2', 'type_boolean'],
      ['C3', 'formula_without_value'],
      ['A60', 'unknown_key'],
      ['C61', 'key_missing'],
    ]);
    expect(read.cells.get('has_service_strategy')).toEqual({ ref: 'C2', value: 'maybe' });
  });

  it('refuses a workbook without the key and value headers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Answers').addRow(['something', 'else']);
    await expect(readBack(Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toMatchObject({
      problems: [{ rule: 'not_a_template', cell: 'A1' }],
    });
  });
});

describe('allowedValuesText', () => {
  it('states type, bounds and whether the answer is required, in both languages', () => {
    expect(allowedValuesText(catalogue.item('leavers')!, 'en')).toBe(
      'Whole number from 0 to 60,000; required for submitting',
    );
    expect(allowedValuesText(catalogue.item('sickness_rate')!, 'de')).toBe('Zahl von 0 bis 50');
    expect(allowedValuesText(catalogue.item('measures_nps')!, 'de')).toBe(
      'Ja / Nein; Pflichtangabe zum Einreichen',
    );
  });
});
