import { DEMO_CATALOGUE, DomainError, DomainErrorCode, loadCatalogue } from '@app/domain';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  PARSER_THREAD_NICE,
  SpreadsheetParsePool,
} from '@app/spreadsheet';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { largeWorkbook } from './support/hostile-spreadsheets';

/** The parser threads (piscina) as the api uses them, through ts-node here. */
describe('SpreadsheetParsePool (worker threads)', () => {
  const catalogue = loadCatalogue(DEMO_CATALOGUE);

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

  it('counts a parse from its start in its thread, not its wait behind others, and still stops the one past its budget', async () => {
    const xlsx = (buffer: Buffer) => ({ buffer, originalName: 'units.xlsx' });
    // 10,000 cells: a parse of a fraction of a second.
    const file = await largeWorkbook(200, 50);
    const hostile = await largeWorkbook(1_200, 50);
    // One parse alone, on a thread already started, sets the scale: its wall time bounds its
    // thread's CPU time from above.
    await pool.read(xlsx(file), { language: 'en' });
    const aloneFrom = performance.now();
    await pool.read(xlsx(file), { language: 'en' });
    const maxParseMs = Math.ceil(3 * (performance.now() - aloneFrom));
    const limits = { ...DEFAULT_SPREADSHEET_LIMITS, maxParseMs };

    // Twelve such parses at once on the one thread, and in their middle one whose own parse
    // is past a budget of a millisecond: its thread is stopped, and the next parse gets one.
    const arrival = performance.now();
    const answeredAfterMs: number[] = [];
    const parse = async () => {
      const table = await pool.read(xlsx(file), { language: 'en', limits });
      answeredAfterMs.push(performance.now() - arrival);
      return table.rows.length;
    };
    const before = Array.from({ length: 6 }, parse);
    const stopped = refusal(
      pool.read(xlsx(hostile), { language: 'en', limits: { ...limits, maxParseMs: 1 } }),
    );
    const after = Array.from({ length: 6 }, parse);

    expect(await Promise.all([...before, ...after])).toEqual(Array<number>(12).fill(201));
    expect((await stopped).problems.map((p) => p.rule)).toEqual(['parse_budget']);
    // The test's premise: the last parses waited longer than the budget before theirs began.
    expect(Math.max(...answeredAfterMs)).toBeGreaterThan(maxParseMs);
  }, 300_000);

  it('reads a cycle import in a thread: rows, answers and cells, the first problems listed and all counted', async () => {
    const U1 = '11111111-1111-4111-8111-111111111111';
    const csv = [
      'unitId;agent_fte;no_such_kpi',
      `${U1};12,5;`,
      ...Array.from({ length: 5 }, (_, i) => `not-an-id-${i};viele;`),
    ].join('\r\n');
    const read = await pool.readCycleImport(
      { buffer: Buffer.from(csv), originalName: 'units.csv' },
      catalogue,
      { language: 'en', listProblems: 3 },
    );
    expect(read.keys).toEqual(['agent_fte']);
    expect(read.rows[0]).toMatchObject({ row: 2, unitId: U1, answers: { agent_fte: 12.5 } });
    expect(read.rows[0].cellOf('agent_fte')).toEqual({ ref: 'B2', value: '12,5' });
    expect(read.rows[1].answers).toEqual({});
    // The unknown column, then per bad row its unit id and its number: 11 in all.
    expect(read.problemCount).toBe(11);
    expect(read.problems.map((p) => `${p.cell} ${p.rule}`)).toEqual([
      'C1 unknown_column',
      'A3 unknown_unit',
      'B3 type_number',
    ]);
  }, 120_000);

  it('hands a cycle import over in chunks as the thread reads it, the problems listed at the end', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Import');
    sheet.addRow(['unitId', 'agent_fte']);
    const ids = Array.from(
      { length: 700 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    // Row 652 (the 651st unit) holds no number: one problem, found after two chunks.
    ids.forEach((id, i) => sheet.addRow([id, i === 650 ? 'many' : i]));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const chunks: { rows: number; first: number | undefined; counted: number; final: boolean }[] =
      [];
    let listed: string[] = [];
    for await (const chunk of pool.streamCycleImport({ buffer }, catalogue, {
      language: 'en',
      listProblems: 10,
    })) {
      chunks.push({
        rows: chunk.rows.length,
        first: chunk.rows[0]?.row,
        counted: chunk.problemCount,
        final: chunk.final,
      });
      listed = chunk.problems.map((p) => `${p.cell} ${p.rule}`);
    }
    expect(chunks).toEqual([
      { rows: 100, first: 2, counted: 0, final: false },
      { rows: 500, first: 102, counted: 0, final: false },
      { rows: 100, first: 602, counted: 1, final: false },
      { rows: 0, first: undefined, counted: 1, final: true },
    ]);
    expect(listed).toEqual(['B652 type_number']);
  }, 120_000);

  it('throws a refusal that comes after chunks were handed over', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Import');
    sheet.addRow(['unitId', 'agent_fte']);
    for (let i = 0; i < 300; i++) {
      sheet.addRow([`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, i]);
    }
    // Row 302 reaches past the widest row allowed.
    sheet.getCell(302, 30).value = 1;
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows: number[] = [];
    const error = await refusal(
      (async () => {
        for await (const chunk of pool.streamCycleImport({ buffer }, catalogue, {
          language: 'en',
          listProblems: 10,
          limits: { ...DEFAULT_SPREADSHEET_LIMITS, maxColumns: 20 },
        })) {
          rows.push(chunk.rows.length);
        }
      })(),
    );
    expect(rows).toEqual([100]);
    expect(error.problems.map((p) => p.rule)).toEqual(['too_many_columns']);
  }, 120_000);

  it('reads a filled-in template in a thread, and refuses a file that is none', async () => {
    const read = await pool.readSubmissionTemplate(
      { buffer: Buffer.from('Key;Value\r\nagent_fte;12,5\r\nno_such_kpi;1\r\n') },
      catalogue,
      { language: 'en' },
    );
    expect(read.answers).toEqual({ agent_fte: 12.5 });
    expect(read.cells.get('agent_fte')).toEqual({ ref: 'B2', value: '12,5' });
    expect(read.problems.map((p) => `${p.cell} ${p.rule}`)).toEqual(['A3 unknown_key']);

    const error = await refusal(
      pool.readSubmissionTemplate({ buffer: Buffer.from('a;b\r\n1;2\r\n') }, catalogue, {
        language: 'en',
      }),
    );
    expect(error.problems.map((p) => p.rule)).toEqual(['not_a_template']);
  }, 120_000);

  it('runs its parser threads at a lower CPU priority than the event loop', async () => {
    // Thread priorities are Linux's (CI and the Docker image); elsewhere threads keep theirs.
    if (process.platform !== 'linux') {
      return;
    }
    const loop = getPriority(0);
    await pool.read({ buffer: Buffer.from('a,b\n1,2\n') }, { language: 'en' });

    // Field 19 of /proc/<pid>/task/<tid>/stat, the 17th after the command's ')'.
    const nices = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    expect(getPriority(0)).toBe(loop);
    expect(nices).toContain(PARSER_THREAD_NICE);
    expect(PARSER_THREAD_NICE).toBeGreaterThan(loop);
  }, 120_000);
});
