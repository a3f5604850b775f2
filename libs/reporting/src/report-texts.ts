import {
  Country,
  Industry,
  KpiArea,
  LocalizedText,
  Polarity,
  SizeBand,
  SuppressionRule,
} from '@app/domain';
import { formatFigure, ReportLanguage } from './report-format.util';

/** The areas' names as the report's headings show them. */
export const KPI_AREA_LABELS: Readonly<Record<KpiArea, LocalizedText>> = {
  strategy: { de: 'Strategie', en: 'Strategy' },
  employees: { de: 'Mitarbeitende', en: 'Employees' },
  volume: { de: 'Volumen und Kanäle', en: 'Volume and channels' },
  productivity: { de: 'Produktivität und Qualität', en: 'Productivity and quality' },
  value: { de: 'Wertschöpfung', en: 'Value' },
  customer: { de: 'Kundensicht', en: 'Customer' },
  cost: { de: 'Kosten', en: 'Cost' },
};

/** The disclosure rules' names, for footnotes and the appendix. */
export const SUPPRESSION_RULE_LABELS: Readonly<Record<SuppressionRule, LocalizedText>> = {
  min_n: { de: 'Mindestgröße', en: 'minimum group size' },
  min_n_tails: { de: 'Mindestgröße für P10 und P90', en: 'minimum size for P10 and P90' },
  small_group: { de: 'Quantile kleiner Gruppen', en: 'quantiles of small groups' },
  p_percent: { de: 'p-%-Regel', en: 'p% rule' },
  dominance: { de: 'Dominanzregel', en: 'dominance rule' },
  differencing: { de: 'Differenzbildung', en: 'differencing' },
  secondary: { de: 'Sekundärsperrung', en: 'secondary suppression' },
  give_to_get: { de: 'Give-to-get', en: 'give-to-get' },
};

export const POLARITY_LABELS: Readonly<Record<Polarity, LocalizedText>> = {
  higher_is_better: { de: 'höher ist besser', en: 'higher is better' },
  lower_is_better: { de: 'niedriger ist besser', en: 'lower is better' },
  neutral: { de: 'ohne Wertung', en: 'no better direction' },
};

/** The fixed words of the report: headings, column heads, legend. */
export interface ReportWords {
  documentTitle: string;
  coverKicker: string;
  cycleLabel: string;
  unitLabel: string;
  companyLabel: string;
  peerGroupLabel: string;
  unitsInGroup: string;
  dateLabel: string;
  contents: string;
  summaryTitle: string;
  strengthsTitle: string;
  improvementsTitle: string;
  maturityTitle: string;
  readingTitle: string;
  areasTitle: string;
  columnKpi: string;
  columnValue: string;
  columnP25: string;
  columnMedian: string;
  columnP75: string;
  columnRank: string;
  columnGap: string;
  yesShare: string;
  /** After a share of "yes" in a bar: `81 % Ja`, `81 % yes`. */
  yesShareSuffix: string;
  legendBand: string;
  legendBox: string;
  legendMedian: string;
  legendUnit: string;
  trendTitle: string;
  trendLegendUnit: string;
  trendLegendMedian: string;
  yes: string;
  no: string;
  appendixTitle: string;
  definitionsTitle: string;
  formulaLabel: string;
  methodTitle: string;
  rulesTitle: string;
  suppressedTitle: string;
  suppressedColumnKpi: string;
  suppressedColumnWhat: string;
  suppressedColumnRule: string;
  suppressedColumnReason: string;
  suppressedWholeCell: string;
  suppressedTails: string;
  /** The percentiles of a small group, withheld while n and the mean are shown. */
  suppressedPercentiles: string;
  footnotesTitle: string;
}

export const REPORT_WORDS: Readonly<Record<ReportLanguage, ReportWords>> = {
  de: {
    documentTitle: 'Benchmark-Bericht',
    coverKicker: 'Benchmark-Bericht',
    cycleLabel: 'Berichtsjahr',
    unitLabel: 'Einheit',
    companyLabel: 'Unternehmen',
    peerGroupLabel: 'Vergleichsgruppe',
    unitsInGroup: 'Einheiten',
    dateLabel: 'Erstellt am',
    contents: 'Inhalt',
    summaryTitle: 'Zusammenfassung',
    strengthsTitle: 'Stärken',
    improvementsTitle: 'Verbesserungspotenziale',
    maturityTitle: 'Reifegrad der Servicestrategie',
    readingTitle: 'So lesen Sie die Grafiken',
    areasTitle: 'Kennzahlen nach Bereichen',
    columnKpi: 'Kennzahl',
    columnValue: 'Ihr Wert',
    columnP25: 'P25',
    columnMedian: 'Median',
    columnP75: 'P75',
    columnRank: 'Perzentilrang · Quartil',
    columnGap: 'Abstand zum besten Viertel',
    yesShare: 'Anteil „Ja“ in der Vergleichsgruppe:',
    yesShareSuffix: 'Ja',
    legendBand: 'P10 bis P90',
    legendBox: 'P25 bis P75',
    legendMedian: 'Median',
    legendUnit: 'Ihr Wert',
    trendTitle: 'Entwicklung über die Berichtsjahre',
    trendLegendUnit: 'Ihr Wert',
    trendLegendMedian: 'Median der Vergleichsgruppe',
    yes: 'Ja',
    no: 'Nein',
    appendixTitle: 'Anhang',
    definitionsTitle: 'Definitionen der Kennzahlen',
    formulaLabel: 'Formel',
    methodTitle: 'Methode',
    rulesTitle: 'Regeln der Geheimhaltung',
    suppressedTitle: 'Nicht ausgewiesene Werte',
    suppressedColumnKpi: 'Kennzahl',
    suppressedColumnWhat: 'Nicht ausgewiesen',
    suppressedColumnRule: 'Regel',
    suppressedColumnReason: 'Grund',
    suppressedWholeCell: 'alle Werte',
    suppressedTails: 'P10 und P90',
    suppressedPercentiles: 'Perzentile (P10 bis P90)',
    footnotesTitle: 'Anmerkungen',
  },
  en: {
    documentTitle: 'Benchmark report',
    coverKicker: 'Benchmark report',
    cycleLabel: 'Reference year',
    unitLabel: 'Unit',
    companyLabel: 'Company',
    peerGroupLabel: 'Peer group',
    unitsInGroup: 'units',
    dateLabel: 'Generated on',
    contents: 'Contents',
    summaryTitle: 'Executive summary',
    strengthsTitle: 'Strengths',
    improvementsTitle: 'Areas for improvement',
    maturityTitle: 'Service strategy maturity',
    readingTitle: 'How to read the charts',
    areasTitle: 'KPIs by area',
    columnKpi: 'KPI',
    columnValue: 'Your value',
    columnP25: 'P25',
    columnMedian: 'Median',
    columnP75: 'P75',
    columnRank: 'Percentile rank · quartile',
    columnGap: 'Gap to top quartile',
    yesShare: 'Share of “yes” in the peer group:',
    yesShareSuffix: 'yes',
    legendBand: 'P10 to P90',
    legendBox: 'P25 to P75',
    legendMedian: 'Median',
    legendUnit: 'Your value',
    trendTitle: 'Trend over the reference years',
    trendLegendUnit: 'Your value',
    trendLegendMedian: 'Peer group median',
    yes: 'Yes',
    no: 'No',
    appendixTitle: 'Appendix',
    definitionsTitle: 'KPI definitions',
    formulaLabel: 'Formula',
    methodTitle: 'Method',
    rulesTitle: 'Disclosure rules',
    suppressedTitle: 'Values not released',
    suppressedColumnKpi: 'KPI',
    suppressedColumnWhat: 'Not released',
    suppressedColumnRule: 'Rule',
    suppressedColumnReason: 'Reason',
    suppressedWholeCell: 'all figures',
    suppressedTails: 'P10 and P90',
    suppressedPercentiles: 'percentiles (P10 to P90)',
    footnotesTitle: 'Notes',
  },
};

/** The industries of the unit profile as the trend report's participation tables name them. */
export const INDUSTRY_LABELS: Readonly<Record<Industry, LocalizedText>> = {
  telecom: { de: 'Telekommunikation', en: 'Telecommunications' },
  utilities: { de: 'Energie und Versorgung', en: 'Utilities' },
  banking: { de: 'Banken', en: 'Banking' },
  insurance: { de: 'Versicherungen', en: 'Insurance' },
  retail: { de: 'Handel', en: 'Retail' },
  ecommerce: { de: 'E-Commerce', en: 'E-commerce' },
  public: { de: 'Öffentlicher Sektor', en: 'Public sector' },
  healthcare: { de: 'Gesundheitswesen', en: 'Healthcare' },
  travel: { de: 'Reise und Verkehr', en: 'Travel and transport' },
  it_services: { de: 'IT-Dienstleistungen', en: 'IT services' },
  manufacturing: { de: 'Industrie', en: 'Manufacturing' },
  media: { de: 'Medien', en: 'Media' },
};

/**
 * Values of a dimension by `labels` (an industry's code by its name); a value the labels do not
 * know as it is.
 */
export function categoryLabels(
  labels: Readonly<Record<string, LocalizedText>>,
  values: readonly string[],
  language: ReportLanguage,
): string[] {
  return values.map((value) =>
    Object.prototype.hasOwnProperty.call(labels, value) ? labels[value][language] : value,
  );
}

/**
 * A category of the participation tables by `labels`: a value as labelled, a folded band (as the
 * peer-group list names it, `public, travel`) as its values' labels joined (`Öffentlicher
 * Sektor, Reise und Verkehr`).
 */
export function categoryLabel(
  labels: Readonly<Record<string, LocalizedText>>,
  category: string,
  language: ReportLanguage,
): string {
  return categoryLabels(labels, category.split(', '), language).join(', ');
}

/** The size bands with their bounds in agent FTE (those of `sizeBandFor`). */
export const SIZE_BAND_LABELS: Readonly<Record<SizeBand, LocalizedText>> = {
  S: { de: 'S (unter 50 Agenten-FTE)', en: 'S (under 50 agent FTE)' },
  M: { de: 'M (50 bis unter 200 Agenten-FTE)', en: 'M (50 to under 200 agent FTE)' },
  L: { de: 'L (200 bis unter 1.000 Agenten-FTE)', en: 'L (200 to under 1,000 agent FTE)' },
  XL: { de: 'XL (ab 1.000 Agenten-FTE)', en: 'XL (1,000 agent FTE and more)' },
};

/** The bounds of each size band in agent FTE, those of `sizeBandFor`: from (inclusive), below. */
const SIZE_BAND_BOUNDS: Readonly<Record<SizeBand, { from: number | null; below: number | null }>> =
  {
    S: { from: null, below: 50 },
    M: { from: 50, below: 200 },
    L: { from: 200, below: 1000 },
    XL: { from: 1000, below: null },
  };

const isSizeBand = (value: string): value is SizeBand =>
  Object.prototype.hasOwnProperty.call(SIZE_BAND_BOUNDS, value);

/**
 * A size-band category of the participation tables: a band as `SIZE_BAND_LABELS` names it, a
 * folded band (`L, XL`, as the peer-group list names it) with the bounds of its bands together,
 * `L, XL (ab 200 Agenten-FTE)`; anything else as it is.
 */
export function sizeBandLabel(category: string, language: ReportLanguage): string {
  if (isSizeBand(category)) {
    return SIZE_BAND_LABELS[category][language];
  }
  const bands = category.split(', ');
  if (bands.length < 2 || !bands.every(isSizeBand)) {
    return category;
  }
  const from = SIZE_BAND_BOUNDS[bands[0]].from;
  const below = SIZE_BAND_BOUNDS[bands[bands.length - 1]].below;
  const fte = (value: number): string => formatFigure(value, language);
  const de = language === 'de';
  let range: string;
  if (from === null && below === null) {
    range = de ? 'alle Größen' : 'all sizes';
  } else if (from === null) {
    range = de ? `unter ${fte(below ?? 0)} Agenten-FTE` : `under ${fte(below ?? 0)} agent FTE`;
  } else if (below === null) {
    range = de ? `ab ${fte(from)} Agenten-FTE` : `${fte(from)} agent FTE and more`;
  } else {
    range = de
      ? `${fte(from)} bis unter ${fte(below)} Agenten-FTE`
      : `${fte(from)} to under ${fte(below)} agent FTE`;
  }
  return `${category} (${range})`;
}

/** The countries of the study region. */
export const COUNTRY_LABELS: Readonly<Record<Country, LocalizedText>> = {
  DE: { de: 'Deutschland', en: 'Germany' },
  AT: { de: 'Österreich', en: 'Austria' },
  CH: { de: 'Schweiz', en: 'Switzerland' },
  LI: { de: 'Liechtenstein', en: 'Liechtenstein' },
  LU: { de: 'Luxemburg', en: 'Luxembourg' },
  NL: { de: 'Niederlande', en: 'Netherlands' },
  BE: { de: 'Belgien', en: 'Belgium' },
  IT: { de: 'Italien', en: 'Italy' },
  FR: { de: 'Frankreich', en: 'France' },
  PL: { de: 'Polen', en: 'Poland' },
  CZ: { de: 'Tschechien', en: 'Czechia' },
  DK: { de: 'Dänemark', en: 'Denmark' },
};

/**
 * What the trend report's summary calls the things a weight counts, as the plural after "aller"
 * and "of all" (`8,0 % aller Kontakte`), by the weight's key: the weights of the demo catalogue,
 * whose unit words alone would be vague (a phone contact is not any contact, a head not any
 * person). Another weight falls back to its unit's word where that counts things (contacts,
 * customers, …); a weight in FTE or euros has no noun, and its KPIs no pooled share sentence.
 */
export const POOLED_WEIGHT_NOUNS: Readonly<Record<string, LocalizedText>> = {
  contacts_total: { de: 'Kontakte', en: 'contacts' },
  contacts_phone: { de: 'Telefonkontakte', en: 'phone contacts' },
  headcount_avg: { de: 'Mitarbeitenden', en: 'employees' },
  active_customers: { de: 'aktiven Kunden', en: 'active customers' },
};

/** The fixed words of the trend report: headings, column heads, legend. */
export interface TrendReportWords {
  documentTitle: string;
  coverKicker: string;
  studyLabel: string;
  publisherLabel: string;
  yearsLabel: string;
  dateLabel: string;
  participationTitle: string;
  participationTotalTitle: string;
  /**
   * A participation cell of a category that the cycle counts in another (folded) one, before
   * its names: `siehe „L, XL“`.
   */
  participationSee: string;
  columnYear: string;
  columnUnits: string;
  totalRow: string;
  summaryTitle: string;
  movementsTitle: string;
  adoptionSummaryTitle: string;
  driftSummaryTitle: string;
  pooledSummaryTitle: string;
  areasTitle: string;
  groupAll: string;
  groupPanel: string;
  columnN: string;
  columnP25: string;
  columnMedian: string;
  columnP75: string;
  columnMean: string;
  columnChange: string;
  columnChangePercent: string;
  adoptionTitle: string;
  columnShare: string;
  columnPoints: string;
  /** The pooled figure's column in a KPI's table of pooled figures. */
  columnPooledValue: string;
  /** The head of a pooled figure's change for a KPI not in %, before its unit: `Δ s`. */
  columnPooledChange: string;
  legendMedianLine: string;
  driversTitle: string;
  columnDriverX: string;
  columnDriverY: string;
  columnRho: string;
  columnPValue: string;
  driftTitle: string;
  appendixTitle: string;
  panelTitle: string;
  correlationTitle: string;
  percentilesTitle: string;
  pooledTitle: string;
  rulesTitle: string;
  parametersTitle: string;
  withheldTitle: string;
  notesTitle: string;
}

export const TREND_REPORT_WORDS: Readonly<Record<ReportLanguage, TrendReportWords>> = {
  de: {
    documentTitle: 'Trendbericht',
    coverKicker: 'Trendbericht',
    studyLabel: 'Studie',
    publisherLabel: 'Herausgeber',
    yearsLabel: 'Berichtsjahre',
    dateLabel: 'Erstellt am',
    participationTitle: 'Teilnahme',
    participationTotalTitle: 'Teilnehmende Einheiten je Berichtsjahr',
    participationSee: 'siehe',
    columnYear: 'Jahr',
    columnUnits: 'Einheiten',
    totalRow: 'Insgesamt',
    summaryTitle: 'Zusammenfassung',
    movementsTitle: 'Die größten Veränderungen',
    adoptionSummaryTitle: 'Verbreitung von Praktiken',
    driftSummaryTitle: 'Kundensicht',
    pooledSummaryTitle: 'Gepoolte Anteile',
    areasTitle: 'Kennzahlen nach Bereichen',
    groupAll: 'Alle Teilnehmer',
    groupPanel: 'Ausgewogenes Panel',
    columnN: 'n',
    columnP25: 'P25',
    columnMedian: 'Median',
    columnP75: 'P75',
    columnMean: 'Mittelwert',
    columnChange: 'Δ Median',
    columnChangePercent: 'Δ %',
    adoptionTitle: 'Ja/Nein-Fragen: Anteil „Ja“',
    columnShare: 'Anteil „Ja“',
    columnPoints: 'Δ Prozentpunkte',
    columnPooledValue: 'Wert',
    columnPooledChange: 'Δ',
    legendMedianLine: 'Median aller Teilnehmer',
    driversTitle: 'Treiber',
    columnDriverX: 'Kennzahl',
    columnDriverY: 'geht einher mit',
    columnRho: 'ρ',
    columnPValue: 'p-Wert',
    driftTitle: 'Drift der Kundenkennzahlen',
    appendixTitle: 'Anhang: Methode',
    panelTitle: 'Ausgewogenes Panel und Veränderungen',
    correlationTitle: 'Rangkorrelation',
    percentilesTitle: 'Perzentile',
    pooledTitle: 'Gepoolte Werte',
    rulesTitle: 'Regeln der Geheimhaltung',
    parametersTitle: 'Parameter der Studie',
    withheldTitle: 'Nicht ausgewiesene Werte',
    notesTitle: 'Anmerkungen',
  },
  en: {
    documentTitle: 'Trend report',
    coverKicker: 'Trend report',
    studyLabel: 'Study',
    publisherLabel: 'Publisher',
    yearsLabel: 'Reference years',
    dateLabel: 'Generated on',
    participationTitle: 'Participation',
    participationTotalTitle: 'Participating units per reference year',
    participationSee: 'see',
    columnYear: 'Year',
    columnUnits: 'Units',
    totalRow: 'Total',
    summaryTitle: 'Executive summary',
    movementsTitle: 'The largest movements',
    adoptionSummaryTitle: 'Adoption of practices',
    driftSummaryTitle: 'Customer view',
    pooledSummaryTitle: 'Pooled shares',
    areasTitle: 'KPIs by area',
    groupAll: 'All participants',
    groupPanel: 'Balanced panel',
    columnN: 'n',
    columnP25: 'P25',
    columnMedian: 'Median',
    columnP75: 'P75',
    columnMean: 'Mean',
    columnChange: 'Δ median',
    columnChangePercent: 'Δ %',
    adoptionTitle: 'Yes/no items: share of “yes”',
    columnShare: 'Share of “yes”',
    columnPoints: 'Δ percentage points',
    columnPooledValue: 'Value',
    columnPooledChange: 'Δ',
    legendMedianLine: 'Median of all participants',
    driversTitle: 'Drivers',
    columnDriverX: 'KPI',
    columnDriverY: 'goes with',
    columnRho: 'ρ',
    columnPValue: 'p-value',
    driftTitle: 'Drift of the customer metrics',
    appendixTitle: 'Appendix: method',
    panelTitle: 'Balanced panel and changes',
    correlationTitle: 'Rank correlation',
    percentilesTitle: 'Percentiles',
    pooledTitle: 'Pooled figures',
    rulesTitle: 'Disclosure rules',
    parametersTitle: 'Parameters of the study',
    withheldTitle: 'Figures not released',
    notesTitle: 'Notes',
  },
};
