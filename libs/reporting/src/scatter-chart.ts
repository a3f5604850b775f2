import { CHART_STYLE as S, coord } from './chart-style';
import { escapeXml } from './escape.util';
import { SvgMarkup } from './svg-markup';

/** What a scatter chart of two KPIs shows: the units' value pairs, nothing that names a unit. */
export interface ScatterChartInput {
  /** (x, y) per unit; drawn in value order whatever order they come in. */
  points: ReadonlyArray<readonly [number, number]>;
  /** The axis titles, e.g. `Grundausbildung neuer Agenten (Tage)`. */
  xLabel: string;
  yLabel: string;
  /** Formats an axis value as the report writes it. */
  formatValue: (value: number) => string;
  /** A short description of the whole chart for assistive technology. */
  title: string;
}

const WIDTH = 300;
const HEIGHT = 240;
const LEFT = 46;
const RIGHT = WIDTH - 10;
const TOP = 10;
const BOTTOM = HEIGHT - 38;
const RADIUS = 2.6;

/** The range an axis spans: the values' range with a small margin, never empty. */
function axisRange(values: readonly number[]): [number, number] {
  let low = values.length > 0 ? Math.min(...values) : 0;
  let high = values.length > 0 ? Math.max(...values) : 1;
  const pad = high > low ? (high - low) * 0.05 : Math.abs(high) * 0.1 || 1;
  low -= pad;
  high += pad;
  return [low, high];
}

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
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = Math.ceil(low / step); i * step <= high; i++) {
    // Multiplying the index keeps 0.1 + 0.2 style drift out of the labels.
    ticks.push(Number((i * step).toPrecision(12)));
  }
  return ticks;
}

/**
 * A scatter chart of two KPIs: one dot per unit, both axes with ticks at round values and titled
 * with the KPI and its unit. The dots are bare circles: no title, id, class or
 * data attribute per dot, and drawn sorted by value, so that neither the markup nor its order can
 * link a dot to a unit. Overlapping dots show through each other.
 */
export function scatterChart(input: ScatterChartInput): SvgMarkup {
  const points = input.points
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .map(([x, y]): [number, number] => [x, y])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const [xLow, xHigh] = axisRange(points.map(([x]) => x));
  const [yLow, yHigh] = axisRange(points.map(([, y]) => y));
  const px = (v: number): number => LEFT + ((v - xLow) / (xHigh - xLow)) * (RIGHT - LEFT);
  const py = (v: number): number => BOTTOM - ((v - yLow) / (yHigh - yLow)) * (BOTTOM - TOP);
  const label = (text: string, x: number, y: number, anchor: string, extra = ''): string =>
    `<text x="${coord(x)}" y="${coord(y)}" font-size="8.5" text-anchor="${anchor}" fill="${S.text}"${extra}>${escapeXml(text)}</text>`;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="scatter" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(input.title)}" font-family="${S.font}">`,
    `<rect x="${LEFT}" y="${TOP}" width="${RIGHT - LEFT}" height="${BOTTOM - TOP}" fill="none" stroke="${S.grid}" stroke-width="0.8"/>`,
  ];
  if (points.length > 0) {
    for (const tick of niceTicks(xLow, xHigh)) {
      const x = coord(px(tick));
      parts.push(
        `<line x1="${x}" y1="${BOTTOM}" x2="${x}" y2="${BOTTOM + 3}" stroke="${S.grid}" stroke-width="0.8"/>`,
        label(input.formatValue(tick), px(tick), BOTTOM + 12, 'middle'),
      );
    }
    for (const tick of niceTicks(yLow, yHigh)) {
      const y = coord(py(tick));
      parts.push(
        `<line x1="${LEFT - 3}" y1="${y}" x2="${LEFT}" y2="${y}" stroke="${S.grid}" stroke-width="0.8"/>`,
        label(input.formatValue(tick), LEFT - 5, py(tick) + 3, 'end'),
      );
    }
  }
  parts.push(
    label(input.xLabel, (LEFT + RIGHT) / 2, HEIGHT - 8, 'middle', ' font-weight="bold"'),
    label(
      input.yLabel,
      12,
      (TOP + BOTTOM) / 2,
      'middle',
      ` font-weight="bold" transform="rotate(-90 12 ${coord((TOP + BOTTOM) / 2)})"`,
    ),
    `<g fill="${S.median}" fill-opacity="0.55">`,
  );
  for (const [x, y] of points) {
    parts.push(`<circle cx="${coord(px(x))}" cy="${coord(py(y))}" r="${RADIUS}"/>`);
  }
  parts.push('</g>', '</svg>');
  return SvgMarkup.fromChartBuilder(parts.join(''));
}
