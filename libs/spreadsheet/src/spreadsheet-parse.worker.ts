// The entry of a parser thread of SpreadsheetParsePool (piscina): the api bundles it apart from
// its main.js, and the tests and benches load it through ts-node.
import { DomainError } from '@app/domain';
import {
  packSheetTable,
  type SpreadsheetParseResult,
  type SpreadsheetParseTask,
} from './spreadsheet-parse-task';
import { readSpreadsheet } from './spreadsheet-reader';

/**
 * Reads one uploaded spreadsheet. A refusal comes back as data: a thrown DomainError would
 * reach the api as a plain Error, without its code and problems.
 */
export default async function parseSpreadsheet(
  task: SpreadsheetParseTask,
): Promise<SpreadsheetParseResult> {
  const buffer = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    const table = await readSpreadsheet({ buffer, originalName: task.originalName }, task.options);
    return { table: packSheetTable(table) };
  } catch (e: unknown) {
    if (e instanceof DomainError) {
      return { refusal: { code: e.code, message: e.message, problems: e.problems } };
    }
    throw e;
  }
}
