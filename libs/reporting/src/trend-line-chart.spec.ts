import { trendLineChart } from './trend-line-chart';

const format = (v: number): string => String(v);

describe('trendLineChart', () => {
  it('draws the unit solid and the median dashed, a dot per present value', () => {
    const { markup } = trendLineChart({
      points: [
        { year: 2023, unit: 10, median: 12 },
        { year: 2024, unit: 14, median: 13 },
      ],
      formatValue: format,
      title: 'FCR',
    });
    expect(markup.match(/<polyline/g)).toHaveLength(2);
    expect(markup).toContain('stroke-dasharray="4 3"');
    expect(markup.match(/<circle/g)).toHaveLength(4);
    expect(markup).toContain('>2023</text>');
    expect(markup).toContain('>2024</text>');
  });

  it('labels the value range at the top and the bottom', () => {
    const { markup } = trendLineChart({
      points: [
        { year: 2023, unit: 10, median: 12 },
        { year: 2024, unit: 14, median: 13 },
      ],
      formatValue: (v) => `~${v}`,
      title: 'FCR',
    });
    expect(markup).toContain('>~14</text>');
    expect(markup).toContain('>~10</text>');
  });

  it('breaks the line at a missing cycle instead of bridging it', () => {
    const { markup } = trendLineChart({
      points: [
        { year: 2022, unit: 1, median: null },
        { year: 2023, unit: null, median: null },
        { year: 2024, unit: 3, median: null },
      ],
      formatValue: format,
      title: 'x',
    });
    expect(markup).not.toContain('<polyline');
    expect(markup.match(/<circle/g)).toHaveLength(2);
  });

  it('draws a flat series without dividing by zero', () => {
    const { markup } = trendLineChart({
      points: [
        { year: 2023, unit: 5, median: 5 },
        { year: 2024, unit: 5, median: 5 },
      ],
      formatValue: format,
      title: 'x',
    });
    expect(markup).not.toMatch(/NaN|Infinity/);
  });

  it('escapes its title and the formatted values', () => {
    const { markup } = trendLineChart({
      points: [
        { year: 2023, unit: 1, median: 2 },
        { year: 2024, unit: 2, median: 1 },
      ],
      formatValue: () => '<b>',
      title: '<img src="http://127.0.0.1:9/x">',
    });
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<b>');
  });
});
