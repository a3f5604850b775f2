/**
 * The grid of a binned scatter of two KPIs: 24 × 16 cells over both axes' round-tick ranges.
 * Fine enough to show the shape of an association, coarse enough that a cell places its units
 * only within 1/24 of the x range and 1/16 of the y range; and at most 384 cells, whatever the
 * number of units. 24 columns line up with 2, 3 or 4 tick steps, 16 rows with 2 or 4.
 */
export const SCATTER_GRID = { columns: 24, rows: 16 } as const;

/** An axis of a binned scatter: from one round tick to another, with the ticks between. */
export interface ScatterAxis {
  low: number;
  high: number;
  ticks: number[];
}

/**
 * A class of cells by how many units they hold. Every output shows a cell's class, never its
 * count, so that no count can be read or derived from counts of neighbouring cells or pairs.
 */
export interface ScatterCountClass {
  /** The fewest units of a cell in the class. */
  min: number;
  /** The most; null for the class without an upper end. */
  max: number | null;
  /** The cells of 1 to minN − 1 units: shown as "fewer than minN", without their range. */
  suppressed: boolean;
}

/** A value range of a cell: `[from, to)`, the last column's and row's closed at `to`. */
export interface ScatterRange {
  from: number;
  to: number;
}

/** A cell of the grid that holds at least one unit: where it lies and its count's class. */
export interface ScatterCell {
  /** 0 is the leftmost column. */
  column: number;
  /** 0 is the bottom row. */
  row: number;
  x: ScatterRange;
  y: ScatterRange;
  /** The index of the cell's class in `ScatterBins.classes`; the count itself is not kept. */
  countClass: number;
}

/** Two KPIs' value pairs binned: what a chart draws and a workbook lists, and nothing more. */
export interface ScatterBins {
  /** The policy's minimum group size the classes are drawn with, rounded up. */
  minN: number;
  /** The count classes, fewest units first (`scatterCountClasses`). */
  classes: ScatterCountClass[];
  /** Both axes; null without a single pair of finite values. */
  axes: { x: ScatterAxis; y: ScatterAxis } | null;
  /** The cells with at least one unit, by column from the left, each column bottom to top. */
  cells: ScatterCell[];
}

/** The step of about `count` round ticks (1, 2 or 5 times a power of ten) over a span. */
function tickStep(span: number, count: number): number {
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
}

/** `i` steps, without 0.1 + 0.2 style drift. */
const multiple = (i: number, step: number): number => Number((i * step).toPrecision(12));

/**
 * Round tick values (multiples of 1, 2 or 5 times a power of ten) within the range, about four of
 * them. Ticks at round values rather than at the data's ends: the smallest and largest value are
 * single units' raw values, which a label would print to the last digit.
 */
export function niceTicks(low: number, high: number, count = 4): number[] {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) {
    return [];
  }
  const step = tickStep(span, count);
  const ticks: number[] = [];
  for (let i = Math.ceil(low / step); i * step <= high; i++) {
    ticks.push(multiple(i, step));
  }
  return ticks;
}

/**
 * The axis of the values: from the round tick at or below the smallest to the one at or above
 * the largest. Its ends are round values, not the data's extremes padded, since an end between
 * two round ticks would give away a padded extreme and with it a single unit's raw value.
 */
function axisOf(values: Iterable<number>): ScatterAxis | null {
  let min = Infinity;
  let max = -Infinity;
  // A loop, not Math.min(...values): spreading 100 000 arguments overflows the stack.
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min > max) {
    return null;
  }
  const step = tickStep(max > min ? max - min : 2 * (Math.abs(max) * 0.1 || 1), 4);
  let first = Math.floor(min / step);
  let last = Math.ceil(max / step);
  if (first === last) {
    first -= 1;
    last += 1;
  }
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) {
    ticks.push(multiple(i, step));
  }
  return { low: ticks[0], high: ticks[ticks.length - 1], ticks };
}

/** The policy's minN as a whole number of units, or a RangeError. */
function wholeMinN(minN: number): number {
  if (!(minN >= 1) || !Number.isFinite(minN)) {
    throw new RangeError(`binned scatter points need a minN of at least 1, not ${minN}`);
  }
  // 2.5 units is no group size: a cell of 2 is below it.
  return Math.ceil(minN);
}

/**
 * The count classes of the cells, fewest units first: fewer than minN (a suppressed class, left
 * out when minN is 1), then minN, 2 × minN and 5 × minN units and more. Fixed multiples of minN
 * rather than classes fitted to each scatter's counts, so that a class means the same in every
 * chart and sheet, and no class bound is derived from a cell's count.
 *
 * @throws RangeError when minN is not a number of at least 1: without it no count can be
 *   suppressed.
 */
export function scatterCountClasses(minN: number): ScatterCountClass[] {
  const n = wholeMinN(minN);
  const countClass = (min: number, max: number | null): ScatterCountClass => ({
    min,
    max,
    suppressed: false,
  });
  return [
    { ...countClass(1, n - 1), suppressed: true },
    countClass(n, 2 * n - 1),
    countClass(2 * n, 5 * n - 1),
    countClass(5 * n, null),
  ].filter((c) => c.max === null || c.max >= c.min);
}

/** The edge `i` of `cells` equal parts of an axis, to 12 significant digits. */
function edge(axis: ScatterAxis, i: number, cells: number): number {
  return Number((axis.low + ((axis.high - axis.low) * i) / cells).toPrecision(12));
}

/**
 * Bins value pairs (x, y) of units into the `SCATTER_GRID` over both axes' round-tick ranges
 * (half-open cells; a value on the axis's upper end belongs to the last cell) and classes each
 * cell with units by its count (`scatterCountClasses`). The one binning of the trend report's
 * driver scatters, for its chart and its workbook alike: neither gets a count or a unit's pair,
 * only the cells' value ranges and count classes. Pairs with a value that is not finite are left
 * out. The result does not depend on the order of the points.
 *
 * @throws RangeError when minN is not a number of at least 1.
 */
export function binScatterPoints(
  points: ReadonlyArray<readonly [number, number]>,
  minN: number,
): ScatterBins {
  const classes = scatterCountClasses(minN);
  const n = wholeMinN(minN);
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const x = axisOf(finite.map(([vx]) => vx));
  const y = axisOf(finite.map(([, vy]) => vy));
  if (x === null || y === null) {
    return { minN: n, classes, axes: null, cells: [] };
  }
  const { columns, rows } = SCATTER_GRID;
  const width = (x.high - x.low) / columns;
  const height = (y.high - y.low) / rows;
  const index = (v: number, low: number, size: number, cells: number): number =>
    Math.min(cells - 1, Math.max(0, Math.floor((v - low) / size)));
  // Column-major, so that the cells come out by column, each bottom to top.
  const counts = new Uint32Array(columns * rows);
  for (const [vx, vy] of finite) {
    counts[index(vx, x.low, width, columns) * rows + index(vy, y.low, height, rows)] += 1;
  }
  const cells: ScatterCell[] = [];
  for (let column = 0; column < columns; column++) {
    for (let row = 0; row < rows; row++) {
      const count = counts[column * rows + row];
      if (count === 0) {
        continue;
      }
      cells.push({
        column,
        row,
        x: { from: edge(x, column, columns), to: edge(x, column + 1, columns) },
        y: { from: edge(y, row, rows), to: edge(y, row + 1, rows) },
        countClass: classes.findIndex((c) => count >= c.min && (c.max === null || count <= c.max)),
      });
    }
  }
  return { minN: n, classes, axes: { x, y }, cells };
}
