import type { Problem } from '@app/domain';
import { type CellProblem, type RawCell, displayValue } from './sheet-table';

/** Where a value sits in a sheet and what it showed there. */
export interface CellLocation {
  ref: string;
  value: CellProblem['value'];
}

/** A location of a cell of a table. */
export function locate(ref: string, cell: RawCell | undefined): CellLocation {
  return { ref, value: displayValue(cell) };
}

/** A problem at a cell. */
export function cellProblem(
  sheet: string,
  at: CellLocation,
  key: string,
  problem: Pick<Problem, 'rule' | 'message'>,
): CellProblem {
  return {
    sheet,
    cell: at.ref,
    key,
    value: at.value,
    rule: problem.rule,
    message: problem.message,
  };
}

/**
 * Places the problems answer validation found (by KPI key) at the cells their values came
 * from. A problem on a key the sheet has no cell for (a cross-field rule naming an input the
 * file left out) goes to `fallback`, e.g. the row's unit id.
 */
export function locateProblems(
  problems: readonly Problem[],
  sheet: string,
  cellOf: (key: string) => CellLocation | undefined,
  fallback: CellLocation,
): CellProblem[] {
  return problems.map((p) => cellProblem(sheet, cellOf(p.key) ?? fallback, p.key, p));
}

const REF = /^([A-Z]+)(\d+)$/;

function position(ref: string): [number, number] {
  const match = REF.exec(ref);
  if (!match) {
    return [0, 0];
  }
  const column = [...match[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return [Number(match[2]), column];
}

/** The problems in reading order: by row, then by column; the order within a cell is kept. */
export function sortByCell(problems: readonly CellProblem[]): CellProblem[] {
  const keyed = problems.map((p, index) => ({ p, index, at: position(p.cell) }));
  keyed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index);
  return keyed.map((k) => k.p);
}
