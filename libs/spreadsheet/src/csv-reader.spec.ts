import { DomainError } from '@app/domain';
import { decodeText, detectDelimiter, readCsvTable } from './csv-reader';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';

const read = (text: string | Buffer, limits = DEFAULT_SPREADSHEET_LIMITS) =>
  readCsvTable(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), {
    limits,
    language: 'en',
    sheet: 'import.csv',
  });

describe('readCsvTable', () => {
  it('reads a comma-separated file as text cells with spreadsheet row numbers', async () => {
    const table = await read('\uFEFFunitId,agent_fte\r\n\r\nu1,"multi\nline"\nu2,3\n');
    expect(table).toMatchObject({ sheet: 'import.csv', format: 'csv', numbersAsText: true });
    expect(table.decimalComma).toBe(false);
    expect(table.rows.map((r) => r.number)).toEqual([1, 3, 5]);
    expect(table.rows[1].cells[2]).toEqual({ kind: 'text', value: 'multi\nline' });
    expect(table.rows[2].cells[1]).toEqual({ kind: 'text', value: 'u2' });
  });

  it('detects semicolons (German Excel), allowing a decimal comma, and tabs', async () => {
    const semicolon = await read('unitId;agent_fte\nu1;1,5\n');
    expect(semicolon.decimalComma).toBe(true);
    expect(semicolon.rows[1].cells[2]).toEqual({ kind: 'text', value: '1,5' });
    const tabs = await read('unitId\tagent_fte\nu1\t2\n');
    expect(tabs.rows[1].cells[2]).toEqual({ kind: 'text', value: '2' });
  });

  it('reads Windows-1252 when the file is not UTF-8', async () => {
    const latin = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]); // "Müller\n"
    expect(decodeText(latin)).toBe('Müller\n');
    expect((await read(latin)).rows[0].cells[1]).toEqual({ kind: 'text', value: 'Müller' });
  });

  it('refuses too many rows or columns and a malformed file', async () => {
    const limits = { ...DEFAULT_SPREADSHEET_LIMITS, maxRows: 2, maxColumns: 3 };
    await expect(read('h\n1\n2\n3\n', limits)).rejects.toMatchObject({
      problems: [{ rule: 'too_many_rows' }],
    });
    await expect(read('h\n1\n2\n', limits)).resolves.toBeDefined();
    await expect(read('a,b,c,d\n', limits)).rejects.toMatchObject({
      problems: [{ rule: 'too_many_columns' }],
    });
    const broken = await read('a,"b\n').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(DomainError);
    expect(broken).toMatchObject({ problems: [{ rule: 'invalid_csv' }] });
  });
});

describe('detectDelimiter', () => {
  it('counts only outside quotes and only on the first line', () => {
    expect(detectDelimiter('"a;b;c",d\ne;f;g;h')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});
