import {
  binScatterPoints,
  PROFILE_DIMENSION_LABELS,
  SUPPRESSION_REASONS,
  TREND_SUPPRESSION_REASONS,
  type Catalogue,
  type CycleParticipation,
  type DisclosurePolicy,
  type LocalizedText,
  type MessageLanguage,
  type Suppression,
  type TrendData,
  type TrendFigure,
} from '@app/domain';
import ExcelJS from 'exceljs';
import { xlsxCellValue, type TableValue } from './table-writer';

/** What the trend workbook of a study is written from. */
export interface TrendWorkbookInput {
  /** The language of headers, labels, notes and reasons. */
  language: MessageLanguage;
  study: { name: string };
  /** The catalogue the trend was computed with: the KPIs' labels and units. */
  catalogue: Catalogue;
  /** The policy the trend data was disclosed under; its parameters go to the method sheet. */
  policy: DisclosurePolicy;
  trend: TrendData;
}

/** The sheets of the trend workbook, in their order. */
export const TREND_SHEETS = [
  'participation',
  'kpis',
  'changes',
  'adoption',
  'drivers',
  'driverCells',
  'drift',
  'method',
] as const;
export type TrendSheetId = (typeof TREND_SHEETS)[number];

/** The name of each sheet of the trend workbook, per language. */
export const TREND_SHEET_NAMES: Readonly<Record<TrendSheetId, LocalizedText>> = {
  participation: { de: 'Teilnahme', en: 'Participation' },
  kpis: { de: 'Kennzahlen', en: 'KPIs' },
  changes: { de: 'Veränderungen', en: 'Changes' },
  adoption: { de: 'Verbreitung', en: 'Adoption' },
  drivers: { de: 'Treiber', en: 'Drivers' },
  driverCells: { de: 'Treiberfelder', en: 'Driver cells' },
  drift: { de: 'Drift', en: 'Drift' },
  method: { de: 'Methode', en: 'Method' },
};

const T = {
  year: { de: 'Jahr', en: 'Year' },
  dimension: { de: 'Dimension', en: 'Dimension' },
  category: { de: 'Kategorie', en: 'Category' },
  units: { de: 'Einheiten', en: 'Units' },
  total: { de: 'Gesamt', en: 'Total' },
  key: { de: 'Schlüssel', en: 'Key' },
  kpi: { de: 'Kennzahl', en: 'KPI' },
  item: { de: 'Frage', en: 'Item' },
  unit: { de: 'Einheit', en: 'Unit' },
  n: { de: 'n', en: 'n' },
  p25: { de: 'P25', en: 'P25' },
  median: { de: 'Median', en: 'Median' },
  p75: { de: 'P75', en: 'P75' },
  mean: { de: 'Mittelwert', en: 'Mean' },
  withheld: { de: 'Zurückgehalten', en: 'Withheld' },
  fromYear: { de: 'Von Jahr', en: 'From year' },
  toYear: { de: 'Bis Jahr', en: 'To year' },
  allN: { de: 'Alle: n', en: 'All: n' },
  allNNote: {
    de: 'Alle Teilnehmer mit einem Wert im jeweiligen Jahr; n ist das kleinere n der beiden Jahre.',
    en: 'All participants with a value in each year; n is the smaller n of the two years.',
  },
  allMedianChange: { de: 'Alle: Veränderung Median', en: 'All: median change' },
  allMedianChangePercent: { de: 'Alle: Veränderung Median %', en: 'All: median change %' },
  panelN: { de: 'Panel: n', en: 'Panel: n' },
  panelNNote: {
    de: 'Balanciertes Panel: die Einheiten mit einem Wert in beiden Jahren.',
    en: 'Balanced panel: the units with a value in both years.',
  },
  panelMedianFrom: { de: 'Panel: Median von', en: 'Panel: median from' },
  panelMedianTo: { de: 'Panel: Median bis', en: 'Panel: median to' },
  panelMedianChange: { de: 'Panel: Veränderung Median', en: 'Panel: median change' },
  panelMedianChangePercent: { de: 'Panel: Veränderung Median %', en: 'Panel: median change %' },
  pooledWeight: { de: 'Gepoolt: Gewicht', en: 'Pooled: weight' },
  pooledWeightNote: {
    de: 'Der Schlüssel der Angabe, mit der die Kennzahl gewichtet wird; leer für eine Kennzahl ohne gepoolten Wert.',
    en: 'The key of the item the KPI is weighted by; empty for a KPI without a pooled figure.',
  },
  pooledN: { de: 'Gepoolt: n', en: 'Pooled: n' },
  pooledNNote: {
    de: 'Die Einheiten mit einem Wert und einem Gewicht über 0.',
    en: 'The units with a value and a weight above 0.',
  },
  pooledValue: { de: 'Gepoolt', en: 'Pooled' },
  pooledValueNote: {
    de: 'Σ Wert × Gewicht ÷ Σ Gewicht über die Einheiten mit einem Wert und einem Gewicht über 0.',
    en: 'Σ value × weight ÷ Σ weight over the units with a value and a weight above 0.',
  },
  pooledChangeN: { de: 'Gepoolt: n', en: 'Pooled: n' },
  pooledChangeNNote: {
    de: 'Das kleinere n der gepoolten Werte beider Jahre.',
    en: 'The smaller n of the two years’ pooled figures.',
  },
  pooledFrom: { de: 'Gepoolt: von', en: 'Pooled: from' },
  pooledTo: { de: 'Gepoolt: bis', en: 'Pooled: to' },
  pooledChangePoints: { de: 'Gepoolt: Veränderung', en: 'Pooled: change' },
  pooledChangePointsNote: {
    de: 'Bis − von: Prozentpunkte bei einer Kennzahl in %, sonst in ihrer Einheit.',
    en: 'To − from: percentage points for a KPI in %, its unit otherwise.',
  },
  sharePercent: { de: 'Anteil Ja %', en: 'Share yes %' },
  comparedWith: { de: 'Vergleichsjahr', en: 'Compared with' },
  changePoints: { de: 'Veränderung Pkt.', en: 'Change (points)' },
  panelShareFrom: { de: 'Panel: Anteil Vergleichsjahr %', en: 'Panel: share then %' },
  panelShareTo: { de: 'Panel: Anteil %', en: 'Panel: share now %' },
  panelChangePoints: { de: 'Panel: Veränderung Pkt.', en: 'Panel: change (points)' },
  pair: { de: 'Paar', en: 'Pair' },
  xKey: { de: 'x: Schlüssel', en: 'x: key' },
  xLabel: { de: 'x: Kennzahl', en: 'x: KPI' },
  yKey: { de: 'y: Schlüssel', en: 'y: key' },
  yLabel: { de: 'y: Kennzahl', en: 'y: KPI' },
  rho: { de: 'rho (Spearman)', en: 'rho (Spearman)' },
  pValue: { de: 'p-Wert', en: 'p-value' },
  xFrom: { de: 'x: von', en: 'x: from' },
  xTo: { de: 'x: bis', en: 'x: to' },
  yFrom: { de: 'y: von', en: 'y: from' },
  yTo: { de: 'y: bis', en: 'y: to' },
  rangeNote: {
    de: 'Das Feld reicht von „von“ bis ausschließlich „bis“; das letzte Feld einer Achse schließt ihr Ende ein.',
    en: 'The cell runs from "from" up to but not including "to"; the last cell of an axis includes its end.',
  },
  unitsFrom: { de: 'Einheiten: von', en: 'Units: from' },
  unitsTo: { de: 'Einheiten: bis', en: 'Units: to' },
  unitsNote: {
    de: 'Die Klasse der Zahl der Einheiten im Feld, wie das Streudiagramm des Berichts sie schattiert; nie die Zahl selbst. Leer bei „bis“: ohne Obergrenze. Ein Feld mit weniger als min_n Einheiten hat keine Klasse; die Spalte „Zurückgehalten“ sagt es.',
    en: 'The class of the number of units in the cell, as the report’s scatter chart shades it; never the number itself. Empty "to": no upper end. A cell of fewer than min_n units has no class; the column "Withheld" says so.',
  },
  pairNote: {
    de: 'Die Nummer des Paars im Blatt „Treiber“.',
    en: 'The number of the pair on the sheet "Drivers".',
  },
  medianOf: { de: 'Median', en: 'Median' },
  // Prefixes of the withheld column when a row holds several figures.
  share: { de: 'Anteil', en: 'Share' },
  distribution: { de: 'Verteilung', en: 'Distribution' },
  pooled: { de: 'Gepoolt', en: 'Pooled' },
  all: { de: 'Alle', en: 'All' },
  panel: { de: 'Panel', en: 'Panel' },
  entry: { de: 'Angabe', en: 'Item' },
  value: { de: 'Wert', en: 'Value' },
  study: { de: 'Studie', en: 'Study' },
  years: { de: 'Berichtsjahre', en: 'Cycles' },
  minN: {
    de: 'Mindestzahl Einheiten je Zahl (min_n)',
    en: 'Minimum number of units per figure (min_n)',
  },
  pPercent: {
    de: 'p-%-Regel: Mindestanteil des Rests am größten Gewicht in % (pPercent)',
    en: 'p% rule: least share of the rest in the largest weight in % (pPercent)',
  },
  maxWeightShare: {
    de: 'Dominanzregel: größter Anteil einer Einheit am Gewicht in % (maxWeightSharePercent)',
    en: 'Dominance rule: largest share of one unit in the weight in % (maxWeightSharePercent)',
  },
  quantileMethod: { de: 'Quantilmethode', en: 'Quantile method' },
  foldBelowN: {
    de: 'Zusammenlegung: eine Größenklasse mit weniger Einheiten wird mit ihrer kleineren Nachbarklasse gezählt (foldBelowN)',
    en: 'Folding: a size band of fewer units is counted with its smaller neighbour (foldBelowN)',
  },
  folded: { de: 'Zusammengelegte Größenklassen', en: 'Size bands combined' },
  foldedNone: { de: 'keine', en: 'none' },
  linear: {
    de: 'linear: lineare Interpolation (PERCENTILE.INC, percentile_cont)',
    en: 'linear: linear interpolation (PERCENTILE.INC, percentile_cont)',
  },
  localMean: {
    de: 'local_mean: Mittel der 3 Beobachtungen, die der Position am nächsten liegen',
    en: 'local_mean: the mean of the 3 observations nearest the position',
  },
  rule: { de: 'Regel', en: 'Rule' },
  withheldNote: {
    de: 'Eine zurückgehaltene Zahl ist eine leere Zelle, auch ihr n. Die Spalte „Zurückgehalten“ ihrer Zeile nennt die Regel und den Grund.',
    en: 'A withheld figure is an empty cell, its n included. The column "Withheld" of its row names the rule and the reason.',
  },
  emptyPercent: { de: 'Leere Veränderung in %', en: 'Empty change in %' },
  emptyPercentNote: {
    de: 'Der Ausgangswert ist 0, eine relative Veränderung ist nicht definiert; die absolute Veränderung steht daneben.',
    en: 'The base is 0, so a relative change is not defined; the absolute change is given beside it.',
  },
  pooledTerm: { de: 'Gepoolt', en: 'Pooled' },
  pooledNote: {
    de: 'Für eine Kennzahl mit Gewicht (Blatt „Kennzahlen“, Spalte „Gepoolt: Gewicht“): Σ Wert × Gewicht ÷ Σ Gewicht über alle Einheiten mit einem Wert und einem Gewicht über 0, das Volumen aller Teilnehmer zusammen statt der typischen Einheit. Er wird nur ausgewiesen, wenn er auf mindestens min_n solchen Einheiten beruht und die p-%-Regel und die Dominanzregel erfüllt; seine Veränderung nur, wenn beide Jahre ausgewiesen sind.',
    en: 'For a KPI with a weight (sheet "KPIs", column "Pooled: weight"): Σ value × weight ÷ Σ weight over all units with a value and a weight above 0, the volume of all participants together rather than the typical unit. It is released only if it rests on at least min_n such units and passes the p% rule and the dominance rule; its change only if both years are released.',
  },
  panelTerm: { de: 'Panel', en: 'Panel' },
  panelNote: {
    de: 'Die Einheiten mit einem Wert in beiden Jahren einer Veränderung. Nur das Panel zeigt, was die Einheiten selbst verändert haben; die Zahl über alle Teilnehmer bewegt sich auch durch Zu- und Abgänge.',
    en: 'The units with a value in both years of a change. Only the panel shows what the units themselves did; the figure over all participants moves also when units join or leave.',
  },
  driversTerm: { de: 'Treiber', en: 'Drivers' },
  driversNote: {
    de: 'Die stärksten Rangkorrelationen (Spearman) des letzten Jahres, die stärkste zuerst. Das Blatt „Treiberfelder“ zeigt jedes Paar wie das Streudiagramm des Berichts: ein Raster von 24 × 16 Feldern zwischen runden Achsenwerten, je Feld mit Einheiten seine Wertebereiche und die Klasse seiner Zahl von Einheiten (min_n bis 2 × min_n − 1, 2 × min_n bis 5 × min_n − 1, ab 5 × min_n), ein Feld mit weniger als min_n Einheiten ohne Klasse. Kein Wert und keine Zahl einer einzelnen Einheit.',
    en: 'The strongest rank correlations (Spearman) of the latest cycle, strongest first. The sheet "Driver cells" shows each pair as the report’s scatter chart does: a grid of 24 × 16 cells between round axis values, for each cell with units its value ranges and the class of its number of units (min_n to 2 × min_n − 1, 2 × min_n to 5 × min_n − 1, 5 × min_n or more), a cell of fewer than min_n units without a class. No value and no count of a single unit.',
  },
} as const satisfies Record<string, LocalizedText>;

/** A column of a sheet: its header, the narrowest width and an optional note on the header. */
interface SheetColumn {
  header: string;
  minWidth: number;
  note?: string;
}

/** A sheet's content in the chosen language, before it is written. */
interface TrendSheet {
  columns: SheetColumn[];
  rows: TableValue[][];
  /** Data sheets get a filter on the header row; the method sheet is prose. */
  filter: boolean;
}

/** The widest a fitted column gets, in characters: long reasons and notes wrap or clip. */
const MAX_COLUMN_WIDTH = 70;
/** A number is shown in at most this many characters in Excel's General format. */
const NUMBER_DISPLAY_WIDTH = 11;

const column = (header: string, minWidth: number, note?: string): SheetColumn => ({
  header,
  minWidth,
  note,
});

/** The figure's value (picked), or null: a withheld or absent figure has none to give. */
function valueOf<T, U>(figure: TrendFigure<T> | undefined, pick: (value: T) => U): U | null {
  return figure?.released === true ? pick(figure.value) : null;
}

/** The figure's n, or null: a withheld figure does not even say how many units it rests on. */
function nOf(figure: TrendFigure<unknown> | undefined): number | null {
  return figure?.released === true ? figure.n : null;
}

function reasonText(suppression: Suppression, language: MessageLanguage): string {
  return `${suppression.rule}: ${suppression.reason[language]}`;
}

/**
 * The withheld column of a row: rule and reason of each withheld figure, prefixed with the
 * figure's name where a row holds several; null when all are released.
 */
function withheldText(
  figures: ReadonlyArray<readonly [prefix: string | null, figure: TrendFigure<unknown>]>,
  language: MessageLanguage,
): string | null {
  const parts = figures.flatMap(([prefix, figure]) =>
    figure.released
      ? []
      : [
          prefix === null
            ? reasonText(figure.suppression, language)
            : `${prefix}: ${reasonText(figure.suppression, language)}`,
        ],
  );
  return parts.length === 0 ? null : parts.join('; ');
}

/** Label and unit of a KPI from the catalogue; empty when the catalogue lacks the key. */
function kpiText(
  catalogue: Catalogue,
  key: string,
  language: MessageLanguage,
): { label: string | null; unit: string | null } {
  const item = catalogue.item(key);
  return { label: item?.label[language] ?? null, unit: item?.unit ?? null };
}

function participationSheet(trend: TrendData, language: MessageLanguage): TrendSheet {
  const rows: TableValue[][] = [];
  const dimensions = [
    ['industry', (p: CycleParticipation) => p.byIndustry],
    ['sizeBand', (p: CycleParticipation) => p.bySizeBand],
    ['country', (p: CycleParticipation) => p.byCountry],
  ] as const;
  for (const cycle of trend.participation) {
    rows.push([
      cycle.year,
      T.total[language],
      null,
      nOf(cycle.units),
      withheldText([[null, cycle.units]], language),
    ]);
    for (const [dimension, cells] of dimensions) {
      for (const cell of cells(cycle)) {
        rows.push([
          cycle.year,
          PROFILE_DIMENSION_LABELS[dimension][language],
          cell.category,
          valueOf(cell.units, (units) => units),
          withheldText([[null, cell.units]], language),
        ]);
      }
    }
  }
  return {
    filter: true,
    columns: [
      column(T.year[language], 8),
      column(T.dimension[language], 14),
      column(T.category[language], 12),
      column(T.units[language], 10),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

/**
 * The withheld column of a row with a distribution and, for a weighted KPI, a pooled figure:
 * unprefixed as before for a KPI without a weight, each reason named by its figure otherwise.
 */
function kpiWithheldText(
  distribution: TrendFigure<unknown>,
  pooled: TrendFigure<unknown> | undefined,
  language: MessageLanguage,
): string | null {
  return pooled === undefined
    ? withheldText([[null, distribution]], language)
    : withheldText(
        [
          [T.distribution[language], distribution],
          [T.pooled[language], pooled],
        ],
        language,
      );
}

function kpiSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const rows = trend.kpis.flatMap((kpi) => {
    const { label, unit } = kpiText(catalogue, kpi.kpiKey, language);
    const weightKey = catalogue.item(kpi.kpiKey)?.weightKey ?? null;
    return kpi.cycles.map(({ year, distribution, pooled }): TableValue[] => [
      kpi.kpiKey,
      label,
      unit,
      year,
      nOf(distribution),
      valueOf(distribution, (d) => d.p25),
      valueOf(distribution, (d) => d.median),
      valueOf(distribution, (d) => d.p75),
      valueOf(distribution, (d) => d.mean),
      pooled === undefined ? null : weightKey,
      nOf(pooled),
      valueOf(pooled, (p) => p),
      kpiWithheldText(distribution, pooled, language),
    ]);
  });
  return {
    filter: true,
    columns: [
      column(T.key[language], 12),
      column(T.kpi[language], 16),
      column(T.unit[language], 8),
      column(T.year[language], 8),
      column(T.n[language], 6),
      column(T.p25[language], 10),
      column(T.median[language], 10),
      column(T.p75[language], 10),
      column(T.mean[language], 10),
      column(T.pooledWeight[language], 12, T.pooledWeightNote[language]),
      column(T.pooledN[language], 8, T.pooledNNote[language]),
      column(T.pooledValue[language], 10, T.pooledValueNote[language]),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

function changeSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const rows = trend.kpis.flatMap((kpi) => {
    const { label, unit } = kpiText(catalogue, kpi.kpiKey, language);
    return kpi.changes.map(({ fromYear, toYear, all, panel, pooledChange }): TableValue[] => [
      kpi.kpiKey,
      label,
      unit,
      fromYear,
      toYear,
      nOf(all),
      valueOf(all, (c) => c.median.absolute),
      valueOf(all, (c) => c.median.percent),
      nOf(panel),
      valueOf(panel, (p) => p.from.median),
      valueOf(panel, (p) => p.to.median),
      valueOf(panel, (p) => p.change.median.absolute),
      valueOf(panel, (p) => p.change.median.percent),
      nOf(pooledChange),
      valueOf(pooledChange, (p) => p.from),
      valueOf(pooledChange, (p) => p.to),
      valueOf(pooledChange, (p) => p.points),
      withheldText(
        [
          [T.all[language], all],
          [T.panel[language], panel],
          ...(pooledChange === undefined ? [] : [[T.pooled[language], pooledChange] as const]),
        ],
        language,
      ),
    ]);
  });
  return {
    filter: true,
    columns: [
      column(T.key[language], 12),
      column(T.kpi[language], 16),
      column(T.unit[language], 8),
      column(T.fromYear[language], 8),
      column(T.toYear[language], 8),
      column(T.allN[language], 8, T.allNNote[language]),
      column(T.allMedianChange[language], 12),
      column(T.allMedianChangePercent[language], 12),
      column(T.panelN[language], 8, T.panelNNote[language]),
      column(T.panelMedianFrom[language], 12),
      column(T.panelMedianTo[language], 12),
      column(T.panelMedianChange[language], 12),
      column(T.panelMedianChangePercent[language], 12),
      column(T.pooledChangeN[language], 8, T.pooledChangeNNote[language]),
      column(T.pooledFrom[language], 12),
      column(T.pooledTo[language], 12),
      column(T.pooledChangePoints[language], 12, T.pooledChangePointsNote[language]),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

/**
 * One row per yes/no item and cycle; from the second cycle on, the row also holds the change
 * from the cycle before, so that share and change of a year stand side by side.
 */
function adoptionSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const rows = trend.adoption.flatMap((item) => {
    const { label } = kpiText(catalogue, item.kpiKey, language);
    return item.cycles.map(({ year, share }, c): TableValue[] => {
      const change = c === 0 ? undefined : item.changes[c - 1];
      const figures: Array<readonly [string, TrendFigure<unknown>]> = [[T.share[language], share]];
      if (change !== undefined) {
        figures.push([T.all[language], change.all], [T.panel[language], change.panel]);
      }
      return [
        item.kpiKey,
        label,
        year,
        nOf(share),
        valueOf(share, (s) => s),
        change?.fromYear ?? null,
        valueOf(change?.all, (points) => points),
        nOf(change?.panel),
        valueOf(change?.panel, (p) => p.from),
        valueOf(change?.panel, (p) => p.to),
        valueOf(change?.panel, (p) => p.points),
        withheldText(figures, language),
      ];
    });
  });
  return {
    filter: true,
    columns: [
      column(T.key[language], 12),
      column(T.item[language], 16),
      column(T.year[language], 8),
      column(T.n[language], 6),
      column(T.sharePercent[language], 10),
      column(T.comparedWith[language], 10),
      column(T.changePoints[language], 12),
      column(T.panelN[language], 8, T.panelNNote[language]),
      column(T.panelShareFrom[language], 12),
      column(T.panelShareTo[language], 12),
      column(T.panelChangePoints[language], 12),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

function driverSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  // Drivers are listed only when released (n ≥ min_n), so they need no withheld column.
  const rows = trend.drivers.map((pair, i): TableValue[] => [
    i + 1,
    pair.xKpiKey,
    kpiText(catalogue, pair.xKpiKey, language).label,
    pair.yKpiKey,
    kpiText(catalogue, pair.yKpiKey, language).label,
    pair.n,
    pair.rho,
    pair.pValue,
  ]);
  return {
    filter: true,
    columns: [
      column(T.pair[language], 6),
      column(T.xKey[language], 12),
      column(T.xLabel[language], 16),
      column(T.yKey[language], 12),
      column(T.yLabel[language], 16),
      column(T.n[language], 6),
      column(T.rho[language], 10),
      column(T.pValue[language], 10),
    ],
    rows,
  };
}

/**
 * The drivers' scatters as the report's charts draw them (`binScatterPoints`): per pair, its
 * cells with units, each with its value ranges and its count class; a cell of fewer than minN
 * units with no class, withheld by the frequency rule. Never a unit's pair, never a count.
 */
function driverCellSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, policy, language } = input;
  const withheld = reasonText(SUPPRESSION_REASONS.minN(policy), language);
  const rows = trend.drivers.flatMap((pair, i) => {
    const bins = binScatterPoints(pair.points, policy.minN);
    return bins.cells.map(({ x, y, countClass }): TableValue[] => {
      const { min, max, suppressed } = bins.classes[countClass];
      return [
        i + 1,
        x.from,
        x.to,
        y.from,
        y.to,
        suppressed ? null : min,
        suppressed ? null : max,
        suppressed ? withheld : null,
      ];
    });
  });
  return {
    filter: true,
    columns: [
      column(T.pair[language], 6, T.pairNote[language]),
      column(T.xFrom[language], 10),
      column(T.xTo[language], 10, T.rangeNote[language]),
      column(T.yFrom[language], 10),
      column(T.yTo[language], 10, T.rangeNote[language]),
      column(T.unitsFrom[language], 10, T.unitsNote[language]),
      column(T.unitsTo[language], 10, T.unitsNote[language]),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

function driftSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const { kpiKeys } = trend.drift;
  const names = kpiKeys.map((key) => kpiText(catalogue, key, language).label ?? key);
  const rows = trend.drift.cycles.map(({ year, medians }): TableValue[] => [
    year,
    ...medians.map((median) => valueOf(median, (m) => m)),
    withheldText(
      medians.map((median, k) => [names[k], median] as const),
      language,
    ),
  ]);
  return {
    filter: true,
    columns: [
      column(T.year[language], 8),
      ...names.map((name) => column(`${T.medianOf[language]}: ${name}`, 12)),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

/**
 * The folding of the size bands: the policy's threshold and, per cycle, the bands counted
 * together (`2023: L, XL; 2024: none`), as the snapshots formed their groups. None for trend data
 * computed before size bands were folded.
 */
function foldingRows(
  trend: TrendData,
  policy: DisclosurePolicy,
  language: MessageLanguage,
): TableValue[][] {
  const cycles = trend.participation;
  if (!cycles.every((cycle) => cycle.foldedSizeBands !== undefined)) {
    return [];
  }
  const perCycle = cycles.map((cycle) => {
    const bands = (cycle.foldedSizeBands ?? []).map((band) => band.join(', '));
    return `${cycle.year}: ${bands.length === 0 ? T.foldedNone[language] : bands.join('; ')}`;
  });
  return [
    [T.foldBelowN[language], policy.foldBelowN],
    [T.folded[language], perCycle.join('; ')],
  ];
}

function methodSheet(input: TrendWorkbookInput): TrendSheet {
  const { policy, trend, language } = input;
  // The rules the trend data applies, with the policy's numbers, as the report's appendix; the
  // pooled figures' own three after the others.
  const rules = [
    SUPPRESSION_REASONS.minN(policy),
    TREND_SUPPRESSION_REASONS.differencing(policy),
    SUPPRESSION_REASONS.pPercent(policy),
    SUPPRESSION_REASONS.dominance(policy),
  ];
  return {
    filter: false,
    columns: [column(T.entry[language], 20), column(T.value[language], 30)],
    rows: [
      [T.study[language], input.study.name],
      [T.years[language], trend.years.join(', ')],
      [T.minN[language], policy.minN],
      [T.pPercent[language], policy.pPercent],
      [T.maxWeightShare[language], policy.maxWeightSharePercent],
      [
        T.quantileMethod[language],
        policy.quantileMethod === 'local_mean' ? T.localMean[language] : T.linear[language],
      ],
      ...foldingRows(trend, policy, language),
      ...rules.map((rule): TableValue[] => [
        `${T.rule[language]} ${rule.rule}`,
        rule.reason[language],
      ]),
      [T.withheld[language], T.withheldNote[language]],
      [T.emptyPercent[language], T.emptyPercentNote[language]],
      [T.pooledTerm[language], T.pooledNote[language]],
      [T.panelTerm[language], T.panelNote[language]],
      [T.driversTerm[language], T.driversNote[language]],
    ],
  };
}

/** The width a cell needs in characters. */
function displayWidth(value: ExcelJS.CellValue): number {
  if (typeof value === 'number') {
    return Math.min(String(value).length, NUMBER_DISPLAY_WIDTH);
  }
  return typeof value === 'string' ? value.length : 0;
}

function writeSheet(workbook: ExcelJS.Workbook, name: string, sheet: TrendSheet): void {
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = sheet.columns.map((c) => Math.max(c.minWidth, c.header.length));
  const header = worksheet.addRow(sheet.columns.map((c) => xlsxCellValue(c.header)));
  header.font = { bold: true };
  sheet.columns.forEach((c, i) => {
    if (c.note !== undefined) {
      header.getCell(i + 1).note = c.note;
    }
  });
  for (const row of sheet.rows) {
    const values = row.map(xlsxCellValue);
    values.forEach((value, i) => {
      widths[i] = Math.max(widths[i], displayWidth(value));
    });
    worksheet.addRow(values);
  }
  // Two characters of padding, as Excel's own autofit leaves.
  widths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = Math.min(width + 2, MAX_COLUMN_WIDTH);
  });
  if (sheet.filter) {
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: sheet.columns.length },
    };
  } else {
    // Prose: long notes wrap inside the capped width instead of running off the screen.
    worksheet.getColumn(sheet.columns.length).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** Each sheet's content; a Record, so that a sheet added to `TREND_SHEETS` needs its builder. */
const SHEET_BUILDERS: Readonly<Record<TrendSheetId, (input: TrendWorkbookInput) => TrendSheet>> = {
  participation: (input) => participationSheet(input.trend, input.language),
  kpis: kpiSheet,
  changes: changeSheet,
  adoption: adoptionSheet,
  drivers: driverSheet,
  driverCells: driverCellSheet,
  drift: driftSheet,
  method: methodSheet,
};

/**
 * Writes a study's trend data (`computeTrendData`) as an XLSX workbook for the publisher's own
 * analysis, in the chosen language: the sheets of `TREND_SHEETS` (participation in long format,
 * KPI distributions and, for a weighted KPI, pooled figures per cycle, their changes over all
 * participants, over the balanced panel and of the pooled figure, adoption of the yes/no items,
 * the drivers and their scatters binned as the report's charts bin them (cell ranges and count
 * classes, no unit's values and no count under min_n), the drift medians, and the method). Every sheet has a bold, frozen header row with a filter and fitted column widths;
 * figures are number cells. A withheld figure is an empty cell, its n too, and the row's
 * "Withheld" column names the rule and the reason; texts, the study name included, are
 * formula-escaped.
 */
export async function trendWorkbook(input: TrendWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Benchmark Cockpit';
  workbook.title = input.study.name;
  for (const id of TREND_SHEETS) {
    writeSheet(workbook, TREND_SHEET_NAMES[id][input.language], SHEET_BUILDERS[id](input));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
