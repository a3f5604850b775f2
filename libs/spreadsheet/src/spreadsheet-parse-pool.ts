import { type Catalogue, DomainError, DomainErrorCode } from '@app/domain';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ParseQueue } from './parse-queue';
import { isParseStart, ParseTimeBudget } from './parse-time-budget';
import type { SheetTable } from './sheet-table';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import type { ImportRow } from './cycle-import-reader';
import {
  unpackCycleImport,
  unpackSheetTable,
  type CycleImportChunk,
  type ListedCycleImport,
  type PackedCycleImport,
  type SheetReading,
  type SpreadsheetParseResult,
  type SpreadsheetParseTask,
} from './spreadsheet-parse-task';
import type { SpreadsheetReadOptions, UploadedSpreadsheet } from './spreadsheet-reader';
import type { TemplateAnswers } from './submission-template-reader';

/** The heap a parser thread may use before it is stopped (exceljs holds the whole workbook). */
const THREAD_HEAP_MB = 768;

/**
 * The parser thread's entry: in the api's bundle beside main.js (webpack.config.js), or the
 * TypeScript source for the tests and the benches, loaded through ts-node.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const bundled = join(__dirname, 'spreadsheet-parse.worker.js');
  if (existsSync(bundled)) {
    return { filename: bundled, execArgv: [] };
  }
  return {
    filename: join(__dirname, 'spreadsheet-parse.worker.ts'),
    execArgv: [
      '--require',
      'ts-node/register/transpile-only',
      '--require',
      'tsconfig-paths/register',
    ],
  };
}

function budgetExceeded(limitMs: number, options: SpreadsheetReadOptions): DomainError {
  const message = M.parseBudget(limitMs, options.language);
  return new DomainError(DomainErrorCode.ValidationFailed, message, [
    { key: 'file', rule: 'parse_budget', message },
  ]);
}

/**
 * Reads uploaded spreadsheets in worker threads, so that parsing a large or hostile file never
 * blocks the api's event loop (health checks, every other request). A cycle import or a
 * template is read from its table in the thread as well: the event loop gets the rows, not the
 * cells. A parse whose thread spends more CPU time on it than the limits' `maxParseMs`, counted
 * from the moment the thread starts it (ParseTimeBudget: the wait for a free thread and other
 * processes' load do not count), is stopped with its thread, and so is one whose heap outgrows
 * THREAD_HEAP_MB; either is refused as `parse_budget`. Parses beyond the threads wait their
 * turn in a ParseQueue, for as long as it takes.
 */
export class SpreadsheetParsePool {
  private readonly pool: Piscina<SpreadsheetParseTask, SpreadsheetParseResult>;
  private readonly queue: ParseQueue;

  /** `threads`: parser threads at most; by default one core is left to the event loop. */
  constructor(threads = Math.max(1, availableParallelism() - 1)) {
    const entry = workerEntry();
    this.pool = new Piscina({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    this.queue = new ParseQueue(threads);
  }

  /** As `readSpreadsheet`, in a parser thread, within the time and heap budget. */
  async read(file: UploadedSpreadsheet, options: SpreadsheetReadOptions): Promise<SheetTable> {
    const result = await this.run(file, options, { kind: 'table' });
    if (!('table' in result)) {
      throw new Error('a parser thread answered a table with something else');
    }
    return this.handOver(unpackSheetTable(result.table));
  }

  /**
   * As `readCycleImport` of the file's table, all in a parser thread: `problems` holds the
   * first `listProblems` in cell order, `problemCount` counts them all.
   */
  async readCycleImport(
    file: UploadedSpreadsheet,
    catalogue: Catalogue,
    options: SpreadsheetReadOptions & { listProblems: number },
  ): Promise<ListedCycleImport> {
    const rows: ImportRow[] = [];
    for await (const chunk of this.streamCycleImport(file, catalogue, options)) {
      if (chunk.final) {
        const { final: _, ...read } = chunk;
        return { ...read, rows };
      }
      rows.push(...chunk.rows);
    }
    throw new Error('a parser thread ended a cycle import without its problems');
  }

  /**
   * A cycle import read in a parser thread, in chunks as the thread reads the rows: each with
   * the problems counted so far, the last (`final`) without rows but with the first
   * `listProblems` problems in cell order and all counted. A refusal of the file is thrown,
   * possibly after chunks; whoever stored a chunk's rows must undo that.
   */
  async *streamCycleImport(
    file: UploadedSpreadsheet,
    catalogue: Catalogue,
    options: SpreadsheetReadOptions & { listProblems: number },
  ): AsyncGenerator<CycleImportChunk> {
    const { listProblems, ...readOptions } = options;
    const { port1, port2 } = new MessageChannel();
    const arrived: (PackedCycleImport | null)[] = [];
    let wake = (): void => undefined;
    port1.on('message', (chunk: PackedCycleImport | null) => {
      arrived.push(chunk);
      wake();
    });
    const reading = this.run(
      file,
      readOptions,
      { kind: 'cycle_import', items: catalogue.items, listProblems, rows: port2 },
      [port2],
    );
    // The chunks and the task's answer come on two channels, in either order: chunks are
    // handed on until the thread's null, unless the task failed before it came.
    let failure: { error: unknown } | undefined;
    reading.then(
      () => wake(),
      (error: unknown) => {
        failure = { error };
        wake();
      },
    );
    try {
      for (;;) {
        while (arrived.length === 0) {
          if (failure) {
            throw failure.error;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        const chunk = arrived.shift();
        if (!chunk) {
          break;
        }
        yield { ...unpackCycleImport(chunk), final: false };
      }
      const result = await reading;
      if (!('cycleImport' in result)) {
        throw new Error('a parser thread answered a cycle import with something else');
      }
      yield { ...unpackCycleImport(result.cycleImport), final: true };
    } finally {
      port1.close();
    }
  }

  /** As `readSubmissionTemplate` of the file's table, all in a parser thread. */
  async readSubmissionTemplate(
    file: UploadedSpreadsheet,
    catalogue: Catalogue,
    options: SpreadsheetReadOptions,
  ): Promise<TemplateAnswers> {
    const result = await this.run(file, options, { kind: 'template', items: catalogue.items });
    if (!('template' in result)) {
      throw new Error('a parser thread answered a template with something else');
    }
    return this.handOver(result.template);
  }

  private async run(
    file: UploadedSpreadsheet,
    options: SpreadsheetReadOptions,
    reading: SheetReading,
    ports: MessagePort[] = [],
  ): Promise<Exclude<SpreadsheetParseResult, { refusal: unknown }>> {
    const limitMs = (options.limits ?? DEFAULT_SPREADSHEET_LIMITS).maxParseMs;
    const budget = new ParseTimeBudget(limitMs);
    // The thread says on this channel when it starts the parse, and which thread it is.
    const { port1, port2 } = new MessageChannel();
    port1.once('message', (started: unknown) => {
      budget.start(isParseStart(started) ? started : { thread: null, cpuMs: null });
    });
    let result: SpreadsheetParseResult;
    try {
      result = await this.queue.run(() =>
        this.pool.run(
          { bytes: file.buffer, originalName: file.originalName, options, reading, started: port2 },
          { signal: budget.signal, transferList: [port2, ...ports] },
        ),
      );
    } catch (e: unknown) {
      const code = (e as { code?: unknown } | null)?.code;
      if (budget.signal.aborted || code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw budgetExceeded(limitMs, options);
      }
      throw e;
    } finally {
      budget.stop();
      port1.close();
    }
    if ('refusal' in result) {
      const { code, message, problems } = result.refusal;
      throw new DomainError(code, message, problems);
    }
    return result;
  }

  /** The caller reads what it gets at once, synchronously: let waiting requests go first. */
  private async handOver<T>(read: T): Promise<T> {
    await turn();
    return read;
  }

  /** Stops the threads; pending parses are rejected. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
