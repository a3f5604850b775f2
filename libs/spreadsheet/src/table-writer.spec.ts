import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeCsv, writeXlsx, xlsxCellValue, type ExportTable } from './table-writer';

const table: ExportTable = {
  sheet: 'Export',
  columns: ['key', '=header'],
  rows: [
    ['comment', '=HYPERLINK("http://evil.example","x")'],
    ['plus', '+49 30 1234'],
    ['minus text', '-1+1'],
    ['at', '@SUM(A1:A2)'],
    ['tab', '\t=1'],
    ['negative number', -20],
    ['boolean', true],
    ['empty', null],
    ['quoted', 'say "hi", then go'],
  ],
};

describe('writeCsv', () => {
  it('escapes every text a spreadsheet would run and keeps numbers and booleans plain', async () => {
    const csv = (await writeCsv(table)).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      "key,'=header",
      `comment,"'=HYPERLINK(""http://evil.example"",""x"")"`,
      "plus,'+49 30 1234",
      "minus text,'-1+1",
      "at,'@SUM(A1:A2)",
      `tab,'\t=1`,
      'negative number,-20',
      'boolean,true',
      'empty,',
      'quoted,"say ""hi"", then go"',
      '',
    ]);
  });
});

describe('writeCsv with separators inside a text', () => {
  const hostile = "Bremen;=1+2;=cmd|' /C calc'!A0";
  const separated: ExportTable = {
    sheet: 'Export',
    columns: ['section', 'key', 'value'],
    rows: [
      ['submission', 'unitName', hostile],
      ['warning', 'w1', 'Anstieg,+3 % laut Plan'],
      ['warning', 'w2', 'plain; harmless'],
    ],
  };

  it('quotes every field that holds a semicolon or a comma, as RFC 4180 says', async () => {
    const csv = (await writeCsv(separated)).toString('utf8').slice(1);
    expect(csv.split('\r\n')).toEqual([
      'section,key,value',
      `submission,unitName,"Bremen;'=1+2;'=cmd|' /C calc'!A0"`,
      `warning,w1,"Anstieg,'+3 % laut Plan"`,
      'warning,w2,"plain; harmless"',
      '',
    ]);
  });

  it('gives no cell that starts a formula to a spreadsheet that splits on semicolons, quotes or not', async () => {
    const csv = (await writeCsv(separated)).toString('utf8');
    // A German Excel splits on ';' and reads a quote in the middle of a field as a character.
    const cells = csv
      .slice(1)
      .split('\r\n')
      .flatMap((line) => line.split(';'));
    expect(cells).toContain("'=1+2");
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('reads back, split on commas, to the texts with their formula starts escaped', async () => {
    const records: string[][] = parse(await writeCsv(separated), { bom: true });
    expect(records.map((record) => record[2])).toEqual([
      'value',
      "Bremen;'=1+2;'=cmd|' /C calc'!A0",
      "Anstieg,'+3 % laut Plan",
      'plain; harmless',
    ]);
  });
});

describe('writeXlsx', () => {
  it('writes escaped text cells, number cells and boolean cells, never a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(table)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Export');
    expect(sheet?.getCell('B1').value).toBe("'=header");
    expect(sheet?.getCell('B2').value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(sheet?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('B7').value).toBe(-20);
    expect(sheet?.getCell('B8').value).toBe(true);
    expect(sheet?.getCell('B9').value).toBeNull();
  });
});

describe('xlsxCellValue', () => {
  it('leaves nothing and a number that is not finite empty, escapes text and keeps the rest', () => {
    expect([null, undefined, Number.NaN, Infinity, -Infinity].map(xlsxCellValue)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(xlsxCellValue(-20)).toBe(-20);
    expect(xlsxCellValue(0.125)).toBe(0.125);
    expect(xlsxCellValue(false)).toBe(false);
    expect(xlsxCellValue('=1+1')).toBe("'=1+1");
    expect(xlsxCellValue('Kontakte gesamt')).toBe('Kontakte gesamt');
  });
});
