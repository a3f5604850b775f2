import {
  binScatterPoints,
  SCATTER_GRID,
  type ScatterCell,
  type ScatterCountClass,
} from '@app/domain';
import { CHART_STYLE as S, coord } from './chart-style';
import { escapeXml } from './escape.util';
import { formatFigure, ReportLanguage } from './report-format.util';
import { SvgMarkup } from './svg-markup';

/**
 * What the chart of two KPIs shows: how many units fall into each cell of a grid over the value
 * pairs, never a unit's own pair.
 */
export interface ScatterChartInput {
  /**
   * (x, y) per unit; binned by `binScatterPoints`, only the cells' count classes are drawn, so
   * their order does not matter.
   */
  points: ReadonlyArray<readonly [number, number]>;
  /** The axis titles, e.g. `Grundausbildung neuer Agenten (Tage)`. */
  xLabel: string;
  yLabel: string;
  /** Formats an axis value as the report writes it. */
  formatValue: (value: number) => string;
  /** A short description of the whole chart for assistive technology. */
  title: string;
  /**
   * The policy's minimum group size: every cell of 1 to `minN − 1` units is drawn in one shade,
   * labelled "fewer than minN", so that no count below it can be read.
   */
  minN: number;
  /** The language of the legend and of its counts. */
  language: ReportLanguage;
}

const WIDTH = 300;
const HEIGHT = 262;
const LEFT = 46;
const RIGHT = WIDTH - 10;
const TOP = 10;
const BOTTOM = 202;
const X_TITLE_Y = 228;
const LEGEND_TITLE_Y = 243;
const LEGEND_ROW_Y = 256;
const LEGEND_FONT_SIZE = 7.5;
const SWATCH = 8;

const LEGEND_WORDS: Readonly<
  Record<
    ReportLanguage,
    { title: string; fewerThan: (n: string) => string; orMore: (n: string) => string }
  >
> = {
  de: {
    title: 'Einheiten je Feld',
    fewerThan: (n) => `weniger als ${n}`,
    orMore: (n) => `ab ${n}`,
  },
  en: {
    title: 'units per cell',
    fewerThan: (n) => `fewer than ${n}`,
    orMore: (n) => `${n} or more`,
  },
};

/** A colour between two `#rrggbb` colours: `share` 0 gives `from`, 1 gives `to`. */
function blend(from: string, to: string, share: number): string {
  const channel = (hex: string, i: number): number => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A shade of the legend: a count class of the cells and its fill. */
interface Shade extends ScatterCountClass {
  fill: string;
}

/**
 * The shades of the count classes (`scatterCountClasses`), lightest first. The palette's blues,
 * with one step between box and median, so that neighbouring shades stay apart in print (band and
 * track would not).
 */
function shades(classes: readonly ScatterCountClass[], minN: number): Shade[] {
  return classes.map((c) => ({
    ...c,
    fill: c.suppressed
      ? S.band
      : c.max === null
        ? S.median
        : c.min === minN
          ? S.box
          : blend(S.box, S.median, 0.5),
  }));
}

/** A width of text, generously estimated (DejaVu Sans runs about 0.55 em a character). */
const textWidth = (text: string, fontSize: number): number => text.length * 0.62 * fontSize;

/**
 * A binned density chart (2-D histogram) of two KPIs: a grid of 24 × 16 cells over both axes'
 * round-tick ranges, each cell holding units shaded by its count class, empty cells left out,
 * and a legend of the classes. Cells of 1 to minN − 1 units share the lightest shade and the
 * label "fewer than minN"; no count and no unit's value is written anywhere, and no element names
 * a unit. The markup grows with the cells, not with the units: at most 384 cells in one path per
 * shade.
 *
 * @throws RangeError when minN is not a number of at least 1: without it no count can be
 *   suppressed, and the chart fails rather than draws them.
 */
export function scatterChart(input: ScatterChartInput): SvgMarkup {
  // The same binning as the trend workbook's driver cells; it refuses a minN below 1.
  const bins = binScatterPoints(input.points, input.minN);
  const { minN } = bins;
  const label = (text: string, x: number, y: number, anchor: string, extra = ''): string =>
    `<text x="${coord(x)}" y="${coord(y)}" font-size="8.5" text-anchor="${anchor}" fill="${S.text}"${extra}>${escapeXml(text)}</text>`;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="scatter" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(input.title)}" font-family="${S.font}">`,
  ];
  const classes = shades(bins.classes, minN);
  if (bins.axes !== null) {
    const { x: xAxis, y: yAxis } = bins.axes;
    const px = (v: number): number =>
      LEFT + ((v - xAxis.low) / (xAxis.high - xAxis.low)) * (RIGHT - LEFT);
    const py = (v: number): number =>
      BOTTOM - ((v - yAxis.low) / (yAxis.high - yAxis.low)) * (BOTTOM - TOP);
    parts.push(...cellPaths(bins.cells, classes));
    for (const tick of xAxis.ticks) {
      const x = coord(px(tick));
      parts.push(
        `<line x1="${x}" y1="${BOTTOM}" x2="${x}" y2="${BOTTOM + 3}" stroke="${S.grid}" stroke-width="0.8"/>`,
        label(input.formatValue(tick), px(tick), BOTTOM + 12, 'middle'),
      );
    }
    for (const tick of yAxis.ticks) {
      const y = coord(py(tick));
      parts.push(
        `<line x1="${LEFT - 3}" y1="${y}" x2="${LEFT}" y2="${y}" stroke="${S.grid}" stroke-width="0.8"/>`,
        label(input.formatValue(tick), LEFT - 5, py(tick) + 3, 'end'),
      );
    }
  }
  parts.push(
    // The frame over the cells, so that edge cells do not cover it.
    `<rect x="${LEFT}" y="${TOP}" width="${RIGHT - LEFT}" height="${BOTTOM - TOP}" fill="none" stroke="${S.grid}" stroke-width="0.8"/>`,
    label(input.xLabel, (LEFT + RIGHT) / 2, X_TITLE_Y, 'middle', ' font-weight="bold"'),
    label(
      input.yLabel,
      12,
      (TOP + BOTTOM) / 2,
      'middle',
      ` font-weight="bold" transform="rotate(-90 12 ${coord((TOP + BOTTOM) / 2)})"`,
    ),
    ...legend(classes, minN, input.language),
    '</svg>',
  );
  return SvgMarkup.fromChartBuilder(parts.join(''));
}

/**
 * One path per shade with a square per non-empty cell, top row first. A path rather than a rect
 * per cell: half the markup, and neighbouring cells of one shade show no hairline seam in a PDF
 * viewer. Cell edges are rounded once, so that neighbours share them exactly.
 */
function cellPaths(cells: readonly ScatterCell[], classes: readonly Shade[]): string[] {
  const { columns, rows } = SCATTER_GRID;
  const edge = (i: number, from: number, to: number, count: number): number =>
    Math.round((from + ((to - from) * i) / count) * 10) / 10;
  const xEdge = (col: number): number => edge(col, LEFT, RIGHT, columns);
  // Row 0 is the bottom row.
  const yEdge = (row: number): number => edge(row, BOTTOM, TOP, rows);
  const squares = classes.map((): string[] => []);
  const topFirst = [...cells].sort((a, b) => b.row - a.row || a.column - b.column);
  for (const { column, row, countClass } of topFirst) {
    const [x, y] = [xEdge(column), yEdge(row + 1)];
    const [w, h] = [coord(xEdge(column + 1) - x), coord(yEdge(row) - y)];
    squares[countClass].push(`M${coord(x)} ${coord(y)}h${w}v${h}h-${w}z`);
  }
  return classes.flatMap((shade, i) =>
    squares[i].length > 0 ? [`<path fill="${shade.fill}" d="${squares[i].join('')}"/>`] : [],
  );
}

/** The legend under the chart: its title, then a swatch and the range of each shade. */
function legend(classes: readonly Shade[], minN: number, language: ReportLanguage): string[] {
  const words = LEGEND_WORDS[language];
  const figure = (n: number): string => formatFigure(n, language);
  const entries = classes.map((shade) => ({
    fill: shade.fill,
    text:
      shade.max === null
        ? words.orMore(figure(shade.min))
        : shade.suppressed
          ? words.fewerThan(figure(minN))
          : shade.min === shade.max
            ? figure(shade.min)
            : `${figure(shade.min)}\u2013${figure(shade.max)}`,
  }));
  const gap = 10;
  const entryWidth = (text: string): number => SWATCH + 3 + textWidth(text, LEGEND_FONT_SIZE);
  const rowWidth =
    entries.reduce((sum, entry) => sum + entryWidth(entry.text), 0) + gap * (entries.length - 1);
  // Under the plot; moved left where a large minN makes the row longer than the plot is wide.
  let x = Math.max(4, Math.min(LEFT, RIGHT - rowWidth));
  const text = (content: string, at: number, y: number): string =>
    `<text x="${coord(at)}" y="${y}" font-size="${LEGEND_FONT_SIZE}" fill="${S.text}">${escapeXml(content)}</text>`;
  const parts = [text(words.title, x, LEGEND_TITLE_Y)];
  for (const entry of entries) {
    parts.push(
      `<rect x="${coord(x)}" y="${LEGEND_ROW_Y - SWATCH + 0.5}" width="${SWATCH}" height="${SWATCH}" fill="${entry.fill}"/>`,
      text(entry.text, x + SWATCH + 3, LEGEND_ROW_Y),
    );
    x += entryWidth(entry.text) + gap;
  }
  return parts;
}
