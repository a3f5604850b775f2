import { CHART_STYLE as S, coord } from './chart-style';
import { escapeXml } from './escape.util';
import { SvgMarkup } from './svg-markup';

/** What a percentile strip chart shows: a released cell's percentiles and the unit's value. */
export interface PercentileStripChartInput {
  /** null where P10 and P90 are withheld: the band is left out. */
  p10: number | null;
  p25: number;
  p50: number;
  p75: number;
  p90: number | null;
  /** The unit's value; null draws no marker. */
  value: number | null;
  /** The value as the report writes it, shown above the marker. */
  valueLabel: string;
  /** A short description for assistive technology. */
  title: string;
}

const WIDTH = 660;
const HEIGHT = 36;
const LEFT = 14;
const RIGHT = WIDTH - 14;
const MIDDLE = 23;

/**
 * A horizontal strip of one KPI: the P10–P90 band, the P25–P75 box, the median as a line and
 * the unit's value as a dot, on a value axis from left (small) to right (large): never flipped
 * for a KPI where lower is better, so that it reads like the table beside it, whose row names
 * the better direction.
 */
export function percentileStripChart(input: PercentileStripChartInput): SvgMarkup {
  const { p10, p25, p50, p75, p90, value } = input;
  const values = [p25, p50, p75];
  for (const v of [p10, p90, value]) {
    if (v !== null && Number.isFinite(v)) {
      values.push(v);
    }
  }
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = high > low ? (high - low) * 0.06 : Math.abs(high) * 0.1 || 1;
  low -= pad;
  high += pad;
  const x = (v: number): number => LEFT + ((v - low) / (high - low)) * (RIGHT - LEFT);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="strip" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(input.title)}" font-family="${S.font}">`,
    `<rect x="${LEFT}" y="${MIDDLE - 3}" width="${RIGHT - LEFT}" height="6" rx="3" fill="${S.track}"/>`,
  ];
  if (p10 !== null && p90 !== null) {
    parts.push(
      `<rect x="${coord(x(p10))}" y="${MIDDLE - 6}" width="${coord(x(p90) - x(p10))}" height="12" fill="${S.band}"/>`,
    );
  }
  parts.push(
    `<rect x="${coord(x(p25))}" y="${MIDDLE - 10}" width="${coord(Math.max(1, x(p75) - x(p25)))}" height="20" fill="${S.box}"/>`,
    `<line x1="${coord(x(p50))}" y1="${MIDDLE - 13}" x2="${coord(x(p50))}" y2="${MIDDLE + 13}" stroke="${S.median}" stroke-width="2.5"/>`,
  );
  if (value !== null && Number.isFinite(value)) {
    const cx = x(value);
    const anchor = cx < LEFT + 30 ? 'start' : cx > RIGHT - 30 ? 'end' : 'middle';
    parts.push(
      `<circle cx="${coord(cx)}" cy="${MIDDLE}" r="6.5" fill="${S.unit}" stroke="#fff" stroke-width="1.5"/>`,
      `<text x="${coord(cx)}" y="9" font-size="10" font-weight="bold" text-anchor="${anchor}" fill="${S.unit}">${escapeXml(input.valueLabel)}</text>`,
    );
  }
  parts.push('</svg>');
  return SvgMarkup.fromChartBuilder(parts.join(''));
}

/** What a yes/no KPI shows: the share of "yes" in the peer group. */
export interface YesShareBarInput {
  /** 0..100. */
  share: number;
  /** The share as the report writes it, e.g. `81 % Ja`. */
  shareLabel: string;
  title: string;
}

const BAR_WIDTH = 180;
const BAR_HEIGHT = 16;
const BAR_LENGTH = 110;

/**
 * A short bar of the share of "yes" among the peers with its figure beside it, small enough to
 * sit in the table row of a yes/no KPI.
 */
export function yesShareBar(input: YesShareBarInput): SvgMarkup {
  const share = Math.min(100, Math.max(0, input.share));
  return SvgMarkup.fromChartBuilder(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" class="share" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" role="img" aria-label="${escapeXml(input.title)}" font-family="${S.font}">`,
      `<rect x="0" y="3" width="${BAR_LENGTH}" height="10" fill="${S.track}"/>`,
      `<rect x="0" y="3" width="${coord((BAR_LENGTH * share) / 100)}" height="10" fill="${S.box}"/>`,
      `<text x="${BAR_LENGTH + 6}" y="12" font-size="12" fill="${S.median}">${escapeXml(input.shareLabel)}</text>`,
      '</svg>',
    ].join(''),
  );
}
