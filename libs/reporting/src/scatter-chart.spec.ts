import { SCATTER_GRID } from '@app/domain';
import { CHART_STYLE as S } from './chart-style';
import { ReportLanguage } from './report-format.util';
import { scatterChart, ScatterChartInput } from './scatter-chart';

type Point = [number, number];

/** The shade between box and median: box #8fb0d3 and median #1b365d halfway. */
const MID = '#557398';

function chart(points: readonly Point[], overrides: Partial<ScatterChartInput> = {}): string {
  return scatterChart({
    points,
    xLabel: 'x',
    yLabel: 'y',
    formatValue: String,
    title: 't',
    minN: 3,
    language: 'en',
    ...overrides,
  }).markup;
}

/** Every drawn cell: its shade and top-left corner, in drawing order. */
function cells(markup: string): Array<{ fill: string; x: number; y: number; w: number }> {
  return [...markup.matchAll(/<path fill="([^"]+)" d="([^"]+)"\/>/g)].flatMap(([, fill, d]) =>
    [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v12h-[\d.]+z/g)].map(([, x, y, w]) => ({
      fill,
      x: Number(x),
      y: Number(y),
      w: Number(w),
    })),
  );
}

/** The contents of every text element: all the chart writes. */
function texts(markup: string): string[] {
  return [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) => text);
}

/** A seeded generator, so that the "random" points are the same in every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Worked by hand. x runs 3..140: a quarter of the span is 34.25, so the step is 50 and the axis
 * 0..150, a column 6.25 wide. y runs 2..78: a quarter is 19, the step 20, the axis 0..80, a row
 * 5 high. On the plot (x 46..290, y 202..10) column c starts at 46 + c × 244 / 24, row r (from
 * the bottom) at 202 − (r + 1) × 12. With minN 3 the shades are 1–2, 3–5, 6–14 and 15 or more.
 */
const lone: Point[] = [
  [3, 2], // column 0, row 0: x 46, y 190
  [6.25, 5], // on both lower edges: column 1, row 1: x 56.2, y 178
  [140, 78], // column 22.4 → 22, row 15.6 → 15: x 269.7, y 10
];
const pair: Point[] = [
  [101, 21], // column 16.16, row 4.2
  [105, 24], // column 16.8, row 4.8: both in column 16, row 4: x 208.7, y 142
];
const three: Point[] = [
  [26, 31],
  [27, 32],
  [30, 34], // column 4, row 6: x 86.7, y 118
];
const six: Point[] = [
  [63, 51],
  [64, 52],
  [65, 53],
  [66, 54],
  [67, 50.5],
  [68, 51.5], // column 10, row 10: x 147.7, y 70
];
const fifteen: Point[] = Array.from({ length: 15 }, (_, i): Point => [76 + 0.3 * i, 61 + 0.2 * i]);
// x 76..80.2, y 61..63.8: column 12, row 12: x 168, y 46
const worked: Point[] = [...lone, ...pair, ...three, ...six, ...fifteen];

describe('scatterChart', () => {
  it('bins the points into the cells worked by hand and shades each by its count', () => {
    expect(cells(chart(worked))).toEqual([
      // Lightest shade first, each shade's cells from the top row down, left to right.
      { fill: S.band, x: 269.7, y: 10, w: 10.1 },
      { fill: S.band, x: 208.7, y: 142, w: 10.1 },
      { fill: S.band, x: 56.2, y: 178, w: 10.1 },
      { fill: S.band, x: 46, y: 190, w: 10.2 },
      { fill: S.box, x: 86.7, y: 118, w: 10.1 },
      { fill: MID, x: 147.7, y: 70, w: 10.1 },
      { fill: S.median, x: 168, y: 46, w: 10.2 },
    ]);
  });

  it('puts a value on the axis upper end into the last column and the top row', () => {
    // x 0..100: step 50, axis 0..100; y 0..40: step 10, axis 0..40.
    expect(
      cells(
        chart([
          [0, 0],
          [100, 40],
        ]),
      ).map(({ x, y }) => [x, y]),
    ).toEqual([
      [279.8, 10],
      [46, 190],
    ]);
  });

  it('draws cells of 1 to minN − 1 units alike, so that their count cannot be read', () => {
    const withPair = chart(worked);
    const withOne = chart(worked.filter((point) => point !== pair[1]));
    expect(withOne).toBe(withPair);
    // The classes above are ranges, too: 3 and 5 units are one shade.
    expect(chart([...worked, [28, 33], [29, 33]])).toBe(withPair);
    // The worked example's single cells and its cell of two share their fill.
    const fills = new Set(
      cells(withPair)
        .slice(0, 4)
        .map((cell) => cell.fill),
    );
    expect([...fills]).toEqual([S.band]);
  });

  it('writes no count and no unit value: only round ticks, axis titles and the legend', () => {
    const markup = chart(worked, { xLabel: 'Training (days)', yLabel: 'FCR (%)' });
    expect(texts(markup)).toEqual([
      '0',
      '50',
      '100',
      '150',
      '0',
      '20',
      '40',
      '60',
      '80',
      'Training (days)',
      'FCR (%)',
      'units per cell',
      'fewer than 3',
      '3–5',
      '6–14',
      '15 or more',
    ]);
    // Nor in an attribute: the markup uses only drawing attributes, whose numbers are
    // coordinates, sizes and colours.
    const attributes = new Set([...markup.matchAll(/\s([\w-]+)="/g)].map(([, name]) => name));
    expect([...attributes].sort()).toEqual(
      [
        'aria-label',
        'class',
        'd',
        'fill',
        'font-family',
        'font-size',
        'font-weight',
        'height',
        'role',
        'stroke',
        'stroke-width',
        'text-anchor',
        'transform',
        'viewBox',
        'width',
        'x',
        'x1',
        'x2',
        'xmlns',
        'y',
        'y1',
        'y2',
      ].sort(),
    );
  });

  it('gives a cell nothing that could name a unit: no title, id, class or data attribute', () => {
    const markup = chart(worked);
    const paths = [...markup.matchAll(/<path[^>]*\/>/g)].map(([tag]) => tag);
    expect(paths).toHaveLength(4);
    for (const tag of paths) {
      expect(tag).toMatch(
        /^<path fill="#[0-9a-f]{6}" d="(M[\d.]+ [\d.]+h[\d.]+v12h-[\d.]+z)+"\/>$/,
      );
    }
    expect(markup).not.toMatch(/<title|\sid=|\sdata-|<a\s|<circle/);
    expect(markup.match(/\sclass="/g)).toEqual([' class="']);
  });

  it('draws the same markup for the same points in any order', () => {
    const next = random(7);
    const shuffled = [...worked];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(shuffled).not.toEqual(worked);
    expect(chart(shuffled)).toBe(chart(worked));
  });

  it('keeps the markup within the grid however many units there are', () => {
    const { columns, rows } = SCATTER_GRID;
    const next = random(42);
    const uniform = (n: number): Point[] =>
      Array.from({ length: n }, (): Point => [next() * 1000, next() * 100]);
    const correlated = Array.from({ length: 10_000 }, (): Point => {
      const x = next() + next() + next();
      return [x * 20, x * 10 + (next() + next()) * 6];
    });
    // 10 000 units spread evenly fill every cell, the largest chart there can be.
    const full = chart(uniform(10_000), { minN: 5 });
    expect(cells(full)).toHaveLength(columns * rows);
    expect(full.length).toBeLessThan(14_000);
    // One circle per unit took some 45 characters each: 450 000 for 10 000 units.
    for (const n of [2_000, 100_000]) {
      const markup = chart(uniform(n), { minN: 5 });
      expect(cells(markup).length).toBeLessThanOrEqual(columns * rows);
      expect(markup.length).toBeLessThan(14_000);
    }
    const shaped = cells(chart(correlated, { minN: 5 }));
    expect(shaped.length).toBeLessThan(columns * rows);
    expect(shaped.length).toBeGreaterThan(0);
  });

  it.each<[ReportLanguage, string[]]>([
    ['en', ['units per cell', 'fewer than 5', '5–9', '10–24', '25 or more']],
    ['de', ['Einheiten je Feld', 'weniger als 5', '5–9', '10–24', 'ab 25']],
  ])('writes the legend in %s with the shades of minN 5', (language, legend) => {
    const markup = chart(worked, { minN: 5, language });
    expect(texts(markup).slice(-5)).toEqual(legend);
    const swatches = [...markup.matchAll(/<rect [^>]*width="8" height="8" fill="([^"]+)"\/>/g)];
    expect(swatches.map(([, fill]) => fill)).toEqual([S.band, S.box, MID, S.median]);
  });

  it('formats the legend counts as the language writes them and keeps the row in the chart', () => {
    const markup = chart(worked, { minN: 1000, language: 'de' });
    expect(texts(markup).slice(-5)).toEqual([
      'Einheiten je Feld',
      'weniger als 1.000',
      '1.000–1.999',
      '2.000–4.999',
      'ab 5.000',
    ]);
    const xs = [...markup.matchAll(/<(?:rect|text) x="([\d.-]+)"/g)].map(([, x]) => Number(x));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    // With minN 1000 every cell of the worked example is below it: one shade throughout.
    expect(new Set(cells(markup).map((cell) => cell.fill))).toEqual(new Set([S.band]));
  });

  it('has no "fewer than" shade when minN is 1, and rounds a fractional minN up', () => {
    expect(texts(chart(worked, { minN: 1 })).slice(-4)).toEqual([
      'units per cell',
      '1',
      '2–4',
      '5 or more',
    ]);
    // 2.5 units is no group size: cells of 2 are below it, so suppressed like those below 3.
    expect(chart(worked, { minN: 2.5 })).toBe(chart(worked, { minN: 3 }));
  });

  it('refuses a minN below 1 or not a number rather than draw small counts', () => {
    for (const minN of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => chart(worked, { minN })).toThrow(RangeError);
    }
  });

  it('spans each axis between round ticks, never labelling the extreme raw values', () => {
    const markup = chart(
      [
        [10.3, 57.5],
        [20, 70],
        [74.8, 98],
      ],
      { xLabel: 'Basic training (days)', yLabel: 'FCR (%)', formatValue: (v) => `~${v}` },
    );
    expect(markup).toContain('>Basic training (days)</text>');
    expect(markup).toContain('>FCR (%)</text>');
    expect(markup).toContain('rotate(-90');
    // x 10.3..74.8: a quarter of the span is 16.1, so the step is 20 and the axis 0..80; y
    // 57.5..98: a quarter is 10.1, the step 20, the axis 40..100.
    for (const tick of [0, 20, 40, 60, 80, 100]) {
      expect(markup).toContain(`>~${tick}</text>`);
    }
    for (const extreme of [10.3, 74.8, 57.5, 98]) {
      expect(markup).not.toContain(`>~${extreme}</text>`);
    }
    // The frame's edges are the end ticks, not the data's extremes padded.
    const tickAt = (pattern: RegExp): string[] => [...markup.matchAll(pattern)].map(([, at]) => at);
    expect(tickAt(/<line x1="([\d.]+)" y1="202" x2="[\d.]+" y2="205"/g)).toEqual([
      '46',
      '107',
      '168',
      '229',
      '290',
    ]);
    expect(tickAt(/<line x1="43" y1="([\d.]+)"/g)).toEqual(['202', '138', '74', '10']);
  });

  it('escapes the axis titles and the aria-label', () => {
    const markup = chart(worked, { xLabel: '<script>x</script>', yLabel: 'y & z', title: '"t"' });
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(markup).toContain('y &amp; z');
    expect(markup).toContain('aria-label="&quot;t&quot;"');
  });

  it('leaves out values that are not finite', () => {
    expect(chart([...worked, [Number.NaN, 3], [4, Number.POSITIVE_INFINITY]])).toBe(chart(worked));
  });

  it('draws equal values and no points without dividing by zero', () => {
    const same = chart([
      [5, 5],
      [5, 5],
    ]);
    expect(same).not.toMatch(/NaN|Infinity/);
    expect(cells(same)).toHaveLength(1);
    const none = chart([]);
    expect(none).not.toMatch(/NaN|Infinity|<path/);
    expect(texts(none)).toEqual([
      'x',
      'y',
      'units per cell',
      'fewer than 3',
      '3–5',
      '6–14',
      '15 or more',
    ]);
  });
});
