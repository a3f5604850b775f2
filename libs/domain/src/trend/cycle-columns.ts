/**
 * The values of one item over several cycles, aligned by unit: `columns[c][u]` is unit u's value
 * in cycle c, NaN where the unit has none (absent from the cycle, or no answer). Aligned columns
 * make the balanced panel of two cycles a test of two array slots instead of map lookups.
 */
export interface AlignedCycles {
  /** The units in the order of the columns: first seen first, cycle by cycle. */
  unitIds: string[];
  columns: Float64Array[];
}

/**
 * Aligns per-cycle maps unit id → value; null, undefined and NaN mean "no value". Nothing
 * computed from the columns depends on the unit order, so the order of first appearance is kept.
 *
 * @param cycles one map per cycle, in cycle order
 * @param toNumber the value as a number (e.g. yes/no as 1/0); must be finite
 */
export function alignCycles<T>(
  cycles: ReadonlyArray<ReadonlyMap<string, T | null | undefined>>,
  toNumber: (value: T) => number,
): AlignedCycles {
  const indexById = new Map<string, number>();
  const unitIds: string[] = [];
  for (const cycle of cycles) {
    for (const id of cycle.keys()) {
      if (!indexById.has(id)) {
        indexById.set(id, unitIds.length);
        unitIds.push(id);
      }
    }
  }
  const columns = cycles.map((cycle, c) => {
    const column = new Float64Array(unitIds.length).fill(Number.NaN);
    for (const [id, value] of cycle) {
      if (value === null || value === undefined) {
        continue;
      }
      const number = toNumber(value);
      if (number === number && number - number !== 0) {
        throw new RangeError(`value ${number} of unit ${id} in cycle ${c} is not finite`);
      }
      column[indexById.get(id) as number] = number;
    }
    return column;
  });
  return { unitIds, columns };
}
