import { niceTicks, scatterChart } from './scatter-chart';

const format = (v: number): string => String(v);

/** Every `<circle …/>` of the markup with its centre. */
function circles(markup: string): Array<{ tag: string; cx: number; cy: number }> {
  return [...markup.matchAll(/<circle[^>]*\/>/g)].map(([tag]) => ({
    tag,
    cx: Number(/cx="([^"]+)"/.exec(tag)?.[1]),
    cy: Number(/cy="([^"]+)"/.exec(tag)?.[1]),
  }));
}

describe('scatterChart', () => {
  const points: Array<[number, number]> = [
    [10, 60],
    [12, 63],
    [15, 62],
    [20, 68],
    [25, 70],
    [30, 75],
  ];

  it('draws one circle per point', () => {
    const { markup } = scatterChart({
      points,
      xLabel: 'Training (days)',
      yLabel: 'FCR (%)',
      formatValue: format,
      title: 'Training / FCR',
    });
    expect(circles(markup)).toHaveLength(6);
  });

  it('gives a point nothing that could name it: no title, id, class or data attribute', () => {
    const { markup } = scatterChart({
      points,
      xLabel: 'x',
      yLabel: 'y',
      formatValue: format,
      title: 'x / y',
    });
    for (const { tag } of circles(markup)) {
      expect(tag).toMatch(/^<circle cx="[\d.-]+" cy="[\d.-]+" r="[\d.]+"\/>$/);
    }
    // The chart's only title is its aria-label; no element carries an id or a tooltip.
    expect(markup).not.toMatch(/<title|\sid=|\sdata-|<a\s/);
  });

  it('draws the points in value order whatever order they come in', () => {
    const input = { xLabel: 'x', yLabel: 'y', formatValue: format, title: 't' };
    const sorted = scatterChart({ ...input, points }).markup;
    const shuffled = scatterChart({
      ...input,
      points: [points[3], points[0], points[5], points[1], points[4], points[2]],
    }).markup;
    expect(shuffled).toBe(sorted);
    const xs = circles(sorted).map((c) => c.cx);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('puts a larger value further right and higher up', () => {
    const { markup } = scatterChart({
      points: [
        [1, 1],
        [2, 3],
      ],
      xLabel: 'x',
      yLabel: 'y',
      formatValue: format,
      title: 't',
    });
    const [low, high] = circles(markup);
    expect(high.cx).toBeGreaterThan(low.cx);
    // SVG's y grows downwards.
    expect(high.cy).toBeLessThan(low.cy);
  });

  it('titles both axes and labels round ticks, never the extreme raw values', () => {
    const { markup } = scatterChart({
      points: [
        [10.3, 57.5],
        [20, 70],
        [74.8, 98],
      ],
      xLabel: 'Basic training (days)',
      yLabel: 'FCR (%)',
      formatValue: (v) => `~${v}`,
      title: 't',
    });
    expect(markup).toContain('>Basic training (days)</text>');
    expect(markup).toContain('>FCR (%)</text>');
    expect(markup).toContain('rotate(-90');
    // x 10.3..74.8 padded by 5 % to 7.075..78.025: a quarter of the span is 17.7, so the step
    // is 20 (ticks 20, 40, 60); y 57.5..98 padded to 55.475..100.025: a quarter is 11.1, the
    // step 20 (60, 80, 100).
    for (const tick of [20, 40, 60, 80, 100]) {
      expect(markup).toContain(`>~${tick}</text>`);
    }
    for (const extreme of [10.3, 74.8, 57.5, 98]) {
      expect(markup).not.toContain(`>~${extreme}</text>`);
    }
  });

  it('escapes the axis titles and the aria-label', () => {
    const { markup } = scatterChart({
      points,
      xLabel: '<script>x</script>',
      yLabel: 'y & z',
      formatValue: format,
      title: '"t"',
    });
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(markup).toContain('y &amp; z');
    expect(markup).toContain('aria-label="&quot;t&quot;"');
  });

  it('draws equal values and no points without dividing by zero', () => {
    const same = scatterChart({
      points: [
        [5, 5],
        [5, 5],
      ],
      xLabel: 'x',
      yLabel: 'y',
      formatValue: format,
      title: 't',
    }).markup;
    expect(same).not.toMatch(/NaN|Infinity/);
    expect(circles(same)).toHaveLength(2);
    const none = scatterChart({
      points: [],
      xLabel: 'x',
      yLabel: 'y',
      formatValue: format,
      title: 't',
    }).markup;
    expect(none).not.toMatch(/NaN|Infinity|<circle/);
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
