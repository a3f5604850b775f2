import {
  binScatterPoints,
  niceTicks,
  SCATTER_GRID,
  ScatterCell,
  scatterCountClasses,
} from './scatter-bins';

type Point = [number, number];

/**
 * Worked by hand with minN 3 (classes 1–2, 3–5, 6–14, 15 or more). x runs 3..140: a quarter of
 * the span is 34.25, so the step is 50 and the axis 0..150, a column 6.25 wide. y runs 2..78: a
 * quarter is 19, the step 20, the axis 0..80, a row 5 high.
 */
const worked: Point[] = [
  [3, 2], // column 0, row 0
  [6.25, 5], // on both lower edges: column 1, row 1
  [140, 78], // column 22.4 → 22, row 15.6 → 15
  [101, 21], // column 16.16, row 4.2
  [105, 24], // column 16.8, row 4.8: with the one before, 2 units in column 16, row 4
  [26, 31],
  [27, 32],
  [30, 34], // 3 units in column 4, row 6
  ...Array.from({ length: 6 }, (_, i): Point => [63 + i, 50.5 + i / 2]), // 6 in column 10, row 10
  ...Array.from({ length: 15 }, (_, i): Point => [76 + 0.3 * i, 61 + 0.2 * i]), // 15 in 12, 12
];

/** The cell of column c and row r of the worked axes, with a count class. */
function workedCell(column: number, row: number, countClass: number): ScatterCell {
  return {
    column,
    row,
    x: { from: 6.25 * column, to: 6.25 * (column + 1) },
    y: { from: 5 * row, to: 5 * (row + 1) },
    countClass,
  };
}

describe('binScatterPoints', () => {
  it('bins the points into the cells worked by hand, each with the class of its count', () => {
    const bins = binScatterPoints(worked, 3);
    expect(bins.minN).toBe(3);
    expect(bins.axes).toEqual({
      x: { low: 0, high: 150, ticks: [0, 50, 100, 150] },
      y: { low: 0, high: 80, ticks: [0, 20, 40, 60, 80] },
    });
    // By column from the left, each column bottom to top.
    expect(bins.cells).toEqual([
      workedCell(0, 0, 0),
      workedCell(1, 1, 0),
      workedCell(4, 6, 1),
      workedCell(10, 10, 2),
      workedCell(12, 12, 3),
      workedCell(16, 4, 0),
      workedCell(22, 15, 0),
    ]);
  });

  it('keeps neither a count nor a unit’s value: only cell ranges and count classes', () => {
    // Values off the round edges of the axes, so that no edge equals one by chance.
    const units = worked.map(([x, y]): Point => [x + 0.0123, y + 0.0456]);
    const bins = binScatterPoints(units, 3);
    for (const cell of bins.cells) {
      expect(Object.keys(cell).sort()).toEqual(['column', 'countClass', 'row', 'x', 'y']);
    }
    const numbers = new Set(
      JSON.stringify(bins)
        .match(/-?\d+(\.\d+)?/g)
        ?.map(Number),
    );
    expect(numbers.size).toBeGreaterThan(10);
    for (const [x, y] of units) {
      expect(numbers.has(x)).toBe(false);
      expect(numbers.has(y)).toBe(false);
    }
  });

  it('puts a value on the axis upper end into the last column and the top row', () => {
    // x 0..100: step 50, axis 0..100; y 0..40: step 10, axis 0..40.
    const bins = binScatterPoints(
      [
        [0, 0],
        [100, 40],
      ],
      1,
    );
    expect(bins.cells.map(({ column, row }) => [column, row])).toEqual([
      [0, 0],
      [SCATTER_GRID.columns - 1, SCATTER_GRID.rows - 1],
    ]);
    // 100 × 23 / 24 = 95.8333…, to 12 significant digits.
    expect(bins.cells[1].x).toEqual({ from: 95.8333333333, to: 100 });
    expect(bins.cells[1].y).toEqual({ from: 37.5, to: 40 });
  });

  it('gives cell edges to 12 significant digits, without 0.1 + 0.2 drift', () => {
    // x 0.1..0.6: a quarter of 0.5 is 0.125, the step 0.2 and the axis 0..0.6, a column 0.025.
    const bins = binScatterPoints(
      [
        [0.1, 1],
        [0.6, 2],
      ],
      1,
    );
    expect(bins.axes?.x.high).toBe(0.6);
    // 0.1 / 0.025 = 4: column 4, from 0.1 to 0.125.
    expect(bins.cells[0].x).toEqual({ from: 0.1, to: 0.125 });
  });

  it('gives the same bins for the same points in any order', () => {
    expect(binScatterPoints([...worked].reverse(), 3)).toEqual(binScatterPoints(worked, 3));
  });

  it('leaves out pairs with a value that is not finite, and bins no points without axes', () => {
    expect(
      binScatterPoints([...worked, [Number.NaN, 3], [4, Number.POSITIVE_INFINITY]], 3),
    ).toEqual(binScatterPoints(worked, 3));
    expect(binScatterPoints([[Number.NaN, 1]], 5)).toEqual({
      minN: 5,
      classes: scatterCountClasses(5),
      axes: null,
      cells: [],
    });
  });

  it('holds at most one cell per field of the grid however many units there are', () => {
    const points = Array.from({ length: 100_000 }, (_, i): Point => [
      (i * 7919) % 1000,
      (i * 104_729) % 100,
    ]);
    const bins = binScatterPoints(points, 5);
    expect(bins.cells.length).toBeLessThanOrEqual(SCATTER_GRID.columns * SCATTER_GRID.rows);
    expect(new Set(bins.cells.map((c) => `${c.column} ${c.row}`)).size).toBe(bins.cells.length);
  });

  it('refuses a minN below 1 or not a number rather than class small counts', () => {
    for (const minN of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => binScatterPoints(worked, minN)).toThrow(RangeError);
    }
  });
});

describe('scatterCountClasses', () => {
  it('classes fewer than minN, minN, 2 × minN and 5 × minN or more', () => {
    expect(scatterCountClasses(5)).toEqual([
      { min: 1, max: 4, suppressed: true },
      { min: 5, max: 9, suppressed: false },
      { min: 10, max: 24, suppressed: false },
      { min: 25, max: null, suppressed: false },
    ]);
  });

  it('has no suppressed class when minN is 1, and rounds a fractional minN up', () => {
    expect(scatterCountClasses(1)).toEqual([
      { min: 1, max: 1, suppressed: false },
      { min: 2, max: 4, suppressed: false },
      { min: 5, max: null, suppressed: false },
    ]);
    expect(scatterCountClasses(2.5)).toEqual(scatterCountClasses(3));
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten inside the range', () => {
    // 22 / 4 = 5.5: step 10. 1.6 / 4 = 0.4: step 0.5. 0.46 / 4 = 0.115: step 0.2.
    expect(niceTicks(9, 31)).toEqual([10, 20, 30]);
    expect(niceTicks(-0.3, 1.3)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0.12, 0.58)).toEqual([0.2, 0.4]);
  });

  it('gives none for an empty range', () => {
    expect(niceTicks(3, 3)).toEqual([]);
  });
});
