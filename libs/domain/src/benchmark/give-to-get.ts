import { BenchmarkCell, suppressedCell } from './benchmark-cell';
import { SUPPRESSION_REASONS as R } from './suppression-reasons';

/**
 * Who reads a snapshot's cells. The publisher sees every released cell. A participant sees a
 * released cell only for a KPI it supplied to that same snapshot (give-to-get): a unit what it
 * supplied itself; a company reading without naming a unit what any of its units supplied, so
 * that it sees no more than the union of its units' own views.
 */
export type CellViewer =
  | { readonly kind: 'publisher' }
  | {
      readonly kind: 'participant';
      /** The keys of the KPIs the participant has a value for in the snapshot read. */
      readonly supplied: ReadonlySet<string>;
    };

/**
 * The one door through which every output reads a snapshot's cells (API, pages, the company
 * report with its trend tiles, positions, workbooks, plausibility ranges). For a participant a
 * released cell of a KPI it did not supply is withheld (`give_to_get`); a cell withheld already
 * keeps its own reason, the one that holds for every reader. Give-to-get holds per snapshot:
 * the cells of an earlier cycle are read with what the participant supplied to that cycle, so a
 * trend never shows a year's figure that the same year's benchmark withheld. Returns a new
 * array; no cell is changed.
 */
export function cellsSeenBy(cells: readonly BenchmarkCell[], viewer: CellViewer): BenchmarkCell[] {
  if (viewer.kind === 'publisher') {
    return [...cells];
  }
  return cells.map((cell) =>
    cell.suppressed === null && !viewer.supplied.has(cell.kpiKey)
      ? suppressedCell(cell.kpiKey, R.giveToGet())
      : cell,
  );
}

/**
 * The KPIs the given units supplied to a snapshot: the keys of the columns in which at least one
 * of them has a value (`values[k][u]`, NaN where unit u did not supply KPI k).
 */
export function suppliedKpis(
  kpiKeys: readonly string[],
  values: readonly ArrayLike<number>[],
  units: readonly number[],
): Set<string> {
  const supplied = new Set<string>();
  kpiKeys.forEach((key, k) => {
    const column = values[k];
    if (units.some((u) => u >= 0 && u < column.length && !Number.isNaN(column[u]))) {
      supplied.add(key);
    }
  });
  return supplied;
}
