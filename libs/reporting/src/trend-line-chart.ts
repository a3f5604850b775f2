import { CHART_STYLE as S, coord } from './chart-style';
import { escapeXml } from './escape.util';
import { SvgMarkup } from './svg-markup';

/** One cycle of a trend: the unit's value and the peer group's median, either may be missing. */
export interface TrendPoint {
  year: number;
  unit: number | null;
  median: number | null;
}

/** What a small trend chart shows: one KPI over the published cycles, oldest first. */
export interface TrendLineChartInput {
  points: readonly TrendPoint[];
  /** Formats an axis value as the report writes it. */
  formatValue: (value: number) => string;
  title: string;
}

const WIDTH = 170;
const HEIGHT = 84;
const LEFT = 36;
const RIGHT = WIDTH - 6;
const TOP = 8;
const BOTTOM = HEIGHT - 18;

/** Runs of consecutive present values: a missing cycle breaks the line instead of bridging it. */
export function segments(
  points: ReadonlyArray<[number, number | null]>,
): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  for (const [x, y] of points) {
    if (y === null) {
      if (run.length > 0) {
        runs.push(run);
      }
      run = [];
    } else {
      run.push([x, y]);
    }
  }
  if (run.length > 0) {
    runs.push(run);
  }
  return runs;
}

/**
 * A small line chart of one KPI over the cycles: the unit's values as a solid line with dots,
 * the peer group's median dashed, the value range labelled at the top and bottom.
 */
export function trendLineChart(input: TrendLineChartInput): SvgMarkup {
  const { points } = input;
  const present = points
    .flatMap((point) => [point.unit, point.median])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  let low = present.length > 0 ? Math.min(...present) : 0;
  let high = present.length > 0 ? Math.max(...present) : 1;
  if (high === low) {
    const pad = Math.abs(high) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const step = points.length > 1 ? (RIGHT - LEFT - 16) / (points.length - 1) : 0;
  const x = (i: number): number => (points.length > 1 ? LEFT + 8 + i * step : (LEFT + RIGHT) / 2);
  const y = (v: number): number => BOTTOM - ((v - low) / (high - low)) * (BOTTOM - TOP);
  const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(input.title)}" font-family="${S.font}">`,
    `<line x1="${LEFT}" y1="${TOP}" x2="${RIGHT}" y2="${TOP}" stroke="${S.grid}" stroke-width="0.8"/>`,
    `<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="${S.grid}" stroke-width="0.8"/>`,
    `<text x="${LEFT - 4}" y="${TOP + 3}" font-size="9" text-anchor="end" fill="${S.text}">${escapeXml(input.formatValue(high))}</text>`,
    `<text x="${LEFT - 4}" y="${BOTTOM + 3}" font-size="9" text-anchor="end" fill="${S.text}">${escapeXml(input.formatValue(low))}</text>`,
  ];
  // More than six cycles: every other year is labelled, the latest always.
  const labelEvery = points.length > 6 ? 2 : 1;
  points.forEach((point, i) => {
    if ((points.length - 1 - i) % labelEvery === 0) {
      parts.push(
        `<text x="${coord(x(i))}" y="${HEIGHT - 5}" font-size="9" text-anchor="middle" fill="${S.text}">${escapeXml(String(point.year))}</text>`,
      );
    }
  });
  const series = (pick: (point: TrendPoint) => number | null): Array<Array<[number, number]>> =>
    segments(points.map((point, i): [number, number | null] => [x(i), finite(pick(point))]));
  const path = (run: Array<[number, number]>): string =>
    run.map(([px, v]) => `${coord(px)},${coord(y(v))}`).join(' ');

  for (const run of series((point) => point.median)) {
    if (run.length > 1) {
      parts.push(
        `<polyline points="${path(run)}" fill="none" stroke="${S.median}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      );
    }
    for (const [px, v] of run) {
      parts.push(`<circle cx="${coord(px)}" cy="${coord(y(v))}" r="1.8" fill="${S.median}"/>`);
    }
  }
  for (const run of series((point) => point.unit)) {
    if (run.length > 1) {
      parts.push(
        `<polyline points="${path(run)}" fill="none" stroke="${S.unit}" stroke-width="2"/>`,
      );
    }
    for (const [px, v] of run) {
      parts.push(`<circle cx="${coord(px)}" cy="${coord(y(v))}" r="2.6" fill="${S.unit}"/>`);
    }
  }
  parts.push('</svg>');
  return SvgMarkup.fromChartBuilder(parts.join(''));
}
