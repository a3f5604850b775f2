import { rankHistoryChart } from './rank-history-chart';

describe('rankHistoryChart', () => {
  it('places ranks on a fixed scale of 0 to 100, whatever the ranks are', () => {
    // Plot area from y = 8 (rank 100) to y = 78 (rank 0): rank 50 at 43, rank 75 at 25.5.
    const { markup } = rankHistoryChart({
      points: [
        { year: 2024, rank: 50 },
        { year: 2025, rank: 75 },
      ],
      title: 'FCR',
    });
    expect(markup).toContain('cy="43"');
    expect(markup).toContain('cy="25.5"');
    expect(markup).toContain('>0</text>');
    expect(markup).toContain('>100</text>');
    expect(markup.match(/<polyline/g)).toHaveLength(1);
  });

  it('breaks the line at a year without a rank and keeps the year on the axis', () => {
    const { markup } = rankHistoryChart({
      points: [
        { year: 2023, rank: 10 },
        { year: 2024, rank: null },
        { year: 2025, rank: 90 },
      ],
      title: 'FCR',
    });
    expect(markup).not.toContain('<polyline');
    expect(markup.match(/<circle/g)).toHaveLength(2);
    expect(markup).toContain('>2024</text>');
  });

  it('names itself by its title, escaped', () => {
    const { markup } = rankHistoryChart({ points: [{ year: 2025, rank: 40 }], title: 'A & <b>' });
    expect(markup).toContain('role="img" aria-label="A &amp; &lt;b&gt;"');
  });
});
