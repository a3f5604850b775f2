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
