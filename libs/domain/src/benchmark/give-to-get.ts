import { BenchmarkCell, suppressedCell } from './benchmark-cell';
import { SUPPRESSION_REASONS as R } from './suppression-reasons';

/**
 * The cells as one unit may see them under give-to-get: a released cell of a KPI the unit did not
 * supply itself is withheld (`give_to_get`). Cells already withheld keep their own reason, which
 * is the one that holds for every reader. Returns a new array; no cell is changed.
 *
 * @param suppliedKeys the keys of the KPIs the unit has a value for
 */
export function applyGiveToGet(
  cells: readonly BenchmarkCell[],
  suppliedKeys: ReadonlySet<string>,
): BenchmarkCell[] {
  return cells.map((cell) =>
    cell.suppressed === null && !suppliedKeys.has(cell.kpiKey)
      ? suppressedCell(cell.kpiKey, R.giveToGet())
      : cell,
  );
}
