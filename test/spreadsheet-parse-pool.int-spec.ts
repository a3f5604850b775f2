import { DomainError, DomainErrorCode } from '@app/domain';
import { DEFAULT_SPREADSHEET_LIMITS, SpreadsheetParsePool } from '@app/spreadsheet';
import { largeWorkbook } from './support/hostile-spreadsheets';

/** The parser threads (piscina) as the api uses them, through ts-node here. */
describe('SpreadsheetParsePool (worker threads)', () => {
  let pool: SpreadsheetParsePool;

  beforeAll(() => {
    pool = new SpreadsheetParsePool(1);
  });

  afterAll(async () => {
    await pool.close();
  });

  async function refusal(run: Promise<unknown>): Promise<DomainError> {
    try {
      await run;
    } catch (e: unknown) {
      if (e instanceof DomainError) {
        return e;
      }
      throw e;
    }
    throw new Error('the parse was not refused');
  }

  it('reads a CSV in a thread into the same table readSpreadsheet gives', async () => {
    const table = await pool.read(
      { buffer: Buffer.from('unitId;agent_fte\r\nu1;12,5\r\n'), originalName: 'units.csv' },
      { language: 'de' },
    );
    expect(table).toMatchObject({ sheet: 'units.csv', format: 'csv', decimalComma: true });
    expect(table.rows.map((r) => r.cells.filter(Boolean))).toEqual([
      [
        { kind: 'text', value: 'unitId' },
        { kind: 'text', value: 'agent_fte' },
      ],
      [
        { kind: 'text', value: 'u1' },
        { kind: 'text', value: '12,5' },
      ],
    ]);
  }, 120_000);

  it('brings a refusal back across the thread with its code, rule and language', async () => {
    const error = await refusal(pool.read({ buffer: Buffer.alloc(0) }, { language: 'de' }));
    expect(error.code).toBe(DomainErrorCode.ValidationFailed);
    expect(error.problems).toEqual([
      { key: 'file', rule: 'empty_file', message: 'Die Datei enthält keine Daten.' },
    ]);
  }, 120_000);

  it('stops a parse past its time budget and refuses the file as parse_budget', async () => {
    // 60,000 cells take exceljs far longer than the budget of one millisecond.
    const file = await largeWorkbook(1_200, 50);
    const error = await refusal(
      pool.read(
        { buffer: file, originalName: 'slow.xlsx' },
        { language: 'en', limits: { ...DEFAULT_SPREADSHEET_LIMITS, maxParseMs: 1 } },
      ),
    );
    expect(error.problems).toEqual([
      {
        key: 'file',
        rule: 'parse_budget',
        message:
          'The file is too large or too complex to read within 0.001 seconds. Split it, or remove empty and formatted ranges.',
      },
    ]);
    // The pool goes on serving after a stopped thread.
    const table = await pool.read({ buffer: Buffer.from('a,b\n1,2\n') }, { language: 'en' });
    expect(table.rows).toHaveLength(2);
  }, 120_000);
});
