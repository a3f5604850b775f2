import { CHART_STYLE as S, coord } from './chart-style';
import { escapeXml } from './escape.util';
import { SvgMarkup } from './svg-markup';
import { segments } from './trend-line-chart';

/** One published cycle of a unit's history: its percentile rank (0 to 100), or none. */
export interface RankPoint {
  year: number;
  /** Better than this % of the peer group; null when withheld or without a value that year. */
  rank: number | null;
}

/** What a rank history chart shows: one KPI over the published cycles, oldest first. */
export interface RankHistoryChartInput {
  points: readonly RankPoint[];
  /** The chart's accessible name: the KPI and its ranks in words. */
  title: string;
}

const WIDTH = 200;
const HEIGHT = 96;
const LEFT = 26;
const RIGHT = WIDTH - 8;
const TOP = 8;
const BOTTOM = HEIGHT - 18;

/**
 * A small chart of a unit's percentile rank in one KPI over the cycles, on a fixed scale of
 * 0 to 100 with the quartile boundaries (25, 50, 75) as lines, so that the charts of several
 * KPIs side by side (small multiples) compare at a glance. A year without a rank breaks the
 * line instead of bridging it; its year stays on the axis.
 */
export function rankHistoryChart(input: RankHistoryChartInput): SvgMarkup {
  const { points } = input;
  const step = points.length > 1 ? (RIGHT - LEFT - 16) / (points.length - 1) : 0;
  const x = (i: number): number => (points.length > 1 ? LEFT + 8 + i * step : (LEFT + RIGHT) / 2);
  const y = (rank: number): number => BOTTOM - (rank / 100) * (BOTTOM - TOP);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="rank-history" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(input.title)}" font-family="${S.font}">`,
    `<rect x="${LEFT}" y="${coord(y(75))}" width="${RIGHT - LEFT}" height="${coord(y(25) - y(75))}" fill="${S.band}"/>`,
  ];
  for (const rank of [0, 25, 50, 75, 100]) {
    parts.push(
      `<line x1="${LEFT}" y1="${coord(y(rank))}" x2="${RIGHT}" y2="${coord(y(rank))}" stroke="${rank === 50 ? S.median : S.grid}" stroke-width="${rank === 50 ? 1 : 0.8}"/>`,
    );
  }
  for (const rank of [0, 50, 100]) {
    parts.push(
      `<text x="${LEFT - 4}" y="${coord(y(rank) + 3)}" font-size="9" text-anchor="end" fill="${S.text}">${rank}</text>`,
    );
  }
  points.forEach((point, i) => {
    parts.push(
      `<text x="${coord(x(i))}" y="${HEIGHT - 5}" font-size="9" text-anchor="middle" fill="${S.text}">${escapeXml(String(point.year))}</text>`,
    );
  });
  const present = (rank: number | null): number | null =>
    rank !== null && Number.isFinite(rank) ? Math.min(100, Math.max(0, rank)) : null;
  for (const run of segments(points.map((point, i) => [x(i), present(point.rank)]))) {
    if (run.length > 1) {
      parts.push(
        `<polyline points="${run.map(([px, r]) => `${coord(px)},${coord(y(r))}`).join(' ')}" fill="none" stroke="${S.unit}" stroke-width="2"/>`,
      );
    }
    for (const [px, r] of run) {
      parts.push(`<circle cx="${coord(px)}" cy="${coord(y(r))}" r="3" fill="${S.unit}"/>`);
    }
  }
  parts.push('</svg>');
  return SvgMarkup.fromChartBuilder(parts.join(''));
}
