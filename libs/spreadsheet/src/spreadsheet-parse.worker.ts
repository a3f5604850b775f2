// The entry of a parser thread of SpreadsheetParsePool (piscina): the api bundles it apart from
// its main.js, and the tests and benches load it through ts-node.
import { DomainError } from '@app/domain';
import { catalogueItems } from './catalogue-items';
import { readCycleImport } from './cycle-import-reader';
import {
  packCycleImport,
  packSheetTable,
  type SpreadsheetParseResult,
  type SpreadsheetParseTask,
} from './spreadsheet-parse-task';
import { readSpreadsheet } from './spreadsheet-reader';
import { readSubmissionTemplate } from './submission-template-reader';

/**
 * Reads one uploaded spreadsheet, and what the task asks of it. A refusal comes back as data: a
 * thrown DomainError would reach the api as a plain Error, without its code and problems.
 */
export default async function parseSpreadsheet(
  task: SpreadsheetParseTask,
): Promise<SpreadsheetParseResult> {
  const buffer = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const { reading, options } = task;
  try {
    const table = await readSpreadsheet({ buffer, originalName: task.originalName }, options);
    switch (reading.kind) {
      case 'table':
        return { table: packSheetTable(table) };
      case 'cycle_import': {
        const read = readCycleImport(table, catalogueItems(reading.items), options.language);
        return { cycleImport: packCycleImport(read, reading.listProblems) };
      }
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
