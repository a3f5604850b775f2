import { CHART_STYLE } from './chart-style';
import { percentileStripChart, yesShareBar } from './percentile-strip-chart';

const base = {
  p10: 5,
  p25: 10,
  p50: 20,
  p75: 30,
  p90: 45,
  value: 25,
  valueLabel: '25 days',
  title: 'Training: your value 25',
};

/** The x coordinates of the rects and the line, in document order. */
function xs(markup: string, tag: 'rect' | 'line' | 'circle'): number[] {
  const attribute = tag === 'line' ? 'x1' : tag === 'circle' ? 'cx' : 'x';
  const pattern = new RegExp(`<${tag} ${attribute}="([\\d.]+)"`, 'g');
  return [...markup.matchAll(pattern)].map((match) => Number(match[1]));
}

describe('percentileStripChart', () => {
  it('draws the band, the box, the median and the marker in value order', () => {
    const { markup } = percentileStripChart(base);
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const [, band, box] = xs(markup, 'rect');
    const [median] = xs(markup, 'line');
    const [marker] = xs(markup, 'circle');
    expect(band).toBeLessThan(box);
    expect(box).toBeLessThan(median);
    expect(median).toBeLessThan(marker);
    expect(markup).toContain(`fill="${CHART_STYLE.band}"`);
    expect(markup).toContain('>25 days</text>');
  });

  it('places the median halfway between P25 and P75 when it is their mean', () => {
    const { markup } = percentileStripChart({ ...base, p10: null, p90: null });
    const box = /<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="20"/.exec(markup);
    const [median] = xs(markup, 'line');
    expect(median).toBeCloseTo(Number(box?.[1]) + Number(box?.[2]) / 2, 0);
  });

  it('leaves out the band when P10 and P90 are withheld, and the marker without a value', () => {
    const { markup } = percentileStripChart({ ...base, p10: null, p90: null, value: null });
    expect(markup).not.toContain(CHART_STYLE.band);
    expect(markup).not.toContain('<circle');
    expect(markup).not.toContain('<text');
  });

  it('draws a cell whose percentiles are all equal without dividing by zero', () => {
    const { markup } = percentileStripChart({
      ...base,
      p10: 7,
      p25: 7,
      p50: 7,
      p75: 7,
      p90: 7,
      value: 7,
    });
    expect(markup).not.toMatch(/NaN|Infinity/);
  });

  it('escapes the texts it is given', () => {
    const { markup } = percentileStripChart({
      ...base,
      valueLabel: '<img src=x>',
      title: '"><script>alert(1)</script>',
    });
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;img src=x&gt;');
    expect(markup).toContain('aria-label="&quot;&gt;&lt;script&gt;');
  });
});

describe('yesShareBar', () => {
  it('fills the share of the bar and escapes its label', () => {
    const { markup } = yesShareBar({ share: 50, shareLabel: '50 % <b>', title: 'x' });
    expect(markup).toContain('width="55"');
    expect(markup).toContain('50 % &lt;b&gt;');
  });

  it('keeps a share outside 0..100 inside the bar', () => {
    expect(yesShareBar({ share: 140, shareLabel: '', title: '' }).markup).toContain('width="110"');
  });
});
