// The entry of a parser thread of SpreadsheetParsePool (piscina): the api bundles it apart from
// its main.js, and the tests and benches load it through ts-node.
import { DomainError } from '@app/domain';
import { setPriority } from 'node:os';
import { catalogueItems } from './catalogue-items';
import { CycleImportReader, type ImportRow } from './cycle-import-reader';
import type { ParseStart } from './parse-time-budget';
import {
  PARSER_THREAD_NICE,
  packCycleImport,
  packSheetTable,
  type PackedCycleImport,
  type SheetReading,
  type SpreadsheetParseResult,
  type SpreadsheetParseTask,
} from './spreadsheet-parse-task';
import { readSpreadsheet, readSpreadsheetRows } from './spreadsheet-reader';
import { readSubmissionTemplate } from './submission-template-reader';
import { ownThreadProcPath, readThreadCpuMs } from './thread-cpu-time.util';

/** This thread in /proc ('<pid>/task/<tid>'), or null where there is none. */
const THREAD = ownThreadProcPath();

/**
 * Lowers this thread's CPU priority on Linux. A parse keeps a core busy for seconds; on a
 * machine with as many busy threads as cores the scheduler would otherwise share the core
 * between it and the api's event loop, whose answers then wait out time slices of the parse.
 * Linux takes a thread's own id for a priority; elsewhere, or where /proc is missing or the
 * change is refused, the thread keeps the priority it was started with. The price: while other
 * processes keep every core busy (the worker rendering reports on the same machine), a parse
 * gets a smaller share and takes longer. Its time budget (maxParseMs) counts its CPU time, so
 * it is not refused for that, unless it lasts five times the budget in wall time.
 */
function lowerThreadPriority(): void {
  const tid = Number(THREAD?.split('/').pop());
  if (!Number.isInteger(tid) || tid <= 0) {
    return;
  }
  try {
    setPriority(tid, PARSER_THREAD_NICE);
  } catch {
    // See above: the parse runs at the inherited priority.
  }
}

lowerThreadPriority();

/**
 * Rows of a cycle import per message: a short first one, so that the api starts storing soon,
 * then longer ones, whose fixed cost (a message, the api's reads of their units) is spread thin.
 */
const FIRST_CHUNK_ROWS = 100;
const CHUNK_ROWS = 500;

/**
 * Reads a cycle import and posts its rows in chunks as they are read, each with the problems
 * counted so far, then null; returns no rows but the first problems listed and all counted.
 */
async function streamCycleImport(
  buffer: Buffer,
  task: SpreadsheetParseTask,
  reading: Extract<SheetReading, { kind: 'cycle_import' }>,
): Promise<PackedCycleImport> {
  const items = catalogueItems(reading.items);
  const { language } = task.options;
  let reader: CycleImportReader | undefined;
  let chunk: ImportRow[] = [];
  let posted = 0;
  const post = (sheet: string, reader: CycleImportReader): void => {
    const { keys, keyColumns, problems } = reader;
    const packed = packCycleImport({ sheet, rows: chunk, keys, keyColumns, problems: [] }, 0);
    reading.rows.postMessage({ ...packed, problemCount: problems.length });
    chunk = [];
    posted += 1;
  };
  const format = await readSpreadsheetRows(
    { buffer, originalName: task.originalName },
    task.options,
    (row, format) => {
      reader ??= new CycleImportReader(format, items, language);
      const read = reader.take(row);
      if (read) {
        chunk.push(read);
        if (chunk.length >= (posted === 0 ? FIRST_CHUNK_ROWS : CHUNK_ROWS)) {
          post(format.sheet, reader);
        }
      }
    },
  );
  reader ??= new CycleImportReader(format, items, language);
  if (chunk.length > 0) {
    post(format.sheet, reader);
  }
  reading.rows.postMessage(null);
  reader.finish();
  const { keys, keyColumns, problems } = reader;
  return packCycleImport(
    { sheet: format.sheet, rows: [], keys, keyColumns, problems },
    reading.listProblems,
  );
}

/**
 * Reads one uploaded spreadsheet, and what the task asks of it. A refusal comes back as data: a
 * thrown DomainError would reach the api as a plain Error, without its code and problems.
 */
export default async function parseSpreadsheet(
  task: SpreadsheetParseTask,
): Promise<SpreadsheetParseResult> {
  // First of all, before the parse keeps the thread busy: the budget counts from here.
  const started: ParseStart = {
    thread: THREAD,
    cpuMs: THREAD === null ? null : readThreadCpuMs(THREAD),
  };
  task.started.postMessage(started);
  const buffer = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const { reading, options } = task;
  try {
    if (reading.kind === 'cycle_import') {
      return { cycleImport: await streamCycleImport(buffer, task, reading) };
    }
    const table = await readSpreadsheet({ buffer, originalName: task.originalName }, options);
    switch (reading.kind) {
      case 'table':
        return { table: packSheetTable(table) };
      case 'template':
        return {
          template: readSubmissionTemplate(table, catalogueItems(reading.items), options.language),
        };
    }
  } catch (e: unknown) {
    if (e instanceof DomainError) {
      return { refusal: { code: e.code, message: e.message, problems: e.problems } };
    }
    throw e;
  }
}
