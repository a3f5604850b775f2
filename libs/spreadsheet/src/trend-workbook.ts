import {
  type Catalogue,
  type DisclosurePolicy,
  type LocalizedText,
  type MessageLanguage,
  type TrendData,
} from '@app/domain';
import ExcelJS from 'exceljs';
import { xlsxCellValue } from './table-writer';
import { TrendSheet } from './trend-sheet';
import { adoptionSheet, changeSheet, kpiSheet, participationSheet } from './trend-figure-sheets';
import { driftSheet, driverCellSheet, driverSheet, methodSheet } from './trend-analysis-sheets';

/** What the trend workbook of a study is written from. */
export interface TrendWorkbookInput {
  /** The language of headers, labels, notes and reasons. */
  language: MessageLanguage;
  study: { name: string };
  /** The catalogue the trend was computed with: the KPIs' labels and units. */
  catalogue: Catalogue;
  /** The policy the trend data was disclosed under; its parameters go to the method sheet. */
  policy: DisclosurePolicy;
  trend: TrendData;
}

/** The sheets of the trend workbook, in their order. */
export const TREND_SHEETS = [
  'participation',
  'kpis',
  'changes',
  'adoption',
  'drivers',
  'driverCells',
  'drift',
  'method',
] as const;
export type TrendSheetId = (typeof TREND_SHEETS)[number];

/** The name of each sheet of the trend workbook, per language. */
export const TREND_SHEET_NAMES: Readonly<Record<TrendSheetId, LocalizedText>> = {
  participation: { de: 'Teilnahme', en: 'Participation' },
  kpis: { de: 'Kennzahlen', en: 'KPIs' },
  changes: { de: 'Veränderungen', en: 'Changes' },
  adoption: { de: 'Verbreitung', en: 'Adoption' },
  drivers: { de: 'Treiber', en: 'Drivers' },
  driverCells: { de: 'Treiberfelder', en: 'Driver cells' },
  drift: { de: 'Drift', en: 'Drift' },
  method: { de: 'Methode', en: 'Method' },
};

/** The widest a fitted column gets, in characters: long reasons and notes wrap or clip. */
const MAX_COLUMN_WIDTH = 70;
/** A number is shown in at most this many characters in Excel's General format. */
const NUMBER_DISPLAY_WIDTH = 11;

/** The width a cell needs in characters. */
function displayWidth(value: ExcelJS.CellValue): number {
  if (typeof value === 'number') {
    return Math.min(String(value).length, NUMBER_DISPLAY_WIDTH);
  }
  return typeof value === 'string' ? value.length : 0;
}

function writeSheet(workbook: ExcelJS.Workbook, name: string, sheet: TrendSheet): void {
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = sheet.columns.map((c) => Math.max(c.minWidth, c.header.length));
  const header = worksheet.addRow(sheet.columns.map((c) => xlsxCellValue(c.header)));
  header.font = { bold: true };
  sheet.columns.forEach((c, i) => {
    if (c.note !== undefined) {
      header.getCell(i + 1).note = c.note;
    }
  });
  for (const row of sheet.rows) {
    const values = row.map(xlsxCellValue);
    values.forEach((value, i) => {
      widths[i] = Math.max(widths[i], displayWidth(value));
    });
    worksheet.addRow(values);
  }
  // Two characters of padding, as Excel's own autofit leaves.
  widths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = Math.min(width + 2, MAX_COLUMN_WIDTH);
  });
  if (sheet.filter) {
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: sheet.columns.length },
    };
  } else {
    // Prose: long notes wrap inside the capped width instead of running off the screen.
    worksheet.getColumn(sheet.columns.length).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** Each sheet's content; a Record, so that a sheet added to `TREND_SHEETS` needs its builder. */
const SHEET_BUILDERS: Readonly<Record<TrendSheetId, (input: TrendWorkbookInput) => TrendSheet>> = {
  participation: (input) => participationSheet(input.trend, input.language),
  kpis: kpiSheet,
  changes: changeSheet,
  adoption: adoptionSheet,
  drivers: driverSheet,
  driverCells: driverCellSheet,
  drift: driftSheet,
  method: methodSheet,
};

/**
 * Writes a study's trend data (`computeTrendData`) as an XLSX workbook for the publisher's own
 * analysis, in the chosen language: the sheets of `TREND_SHEETS` (participation in long format,
 * KPI distributions and, for a weighted KPI, pooled figures per cycle, their changes over all
 * participants, over the balanced panel and of the pooled figure, adoption of the yes/no items,
 * the drivers and their scatters binned as the report's charts bin them (cell ranges and count
 * classes, no unit's values and no count under min_n), the drift medians, and the method). Every sheet has a bold, frozen header row with a filter and fitted column widths;
 * figures are number cells. A withheld figure is an empty cell, its n too, and the row's
 * "Withheld" column names the rule and the reason; texts, the study name included, are
 * formula-escaped.
 */
export async function trendWorkbook(input: TrendWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Benchmark Cockpit';
  workbook.title = input.study.name;
  for (const id of TREND_SHEETS) {
    writeSheet(workbook, TREND_SHEET_NAMES[id][input.language], SHEET_BUILDERS[id](input));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
