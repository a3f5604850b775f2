import { KpiArea, LocalizedText, Polarity, SuppressionRule } from '@app/domain';
import { ReportLanguage } from './report-format.util';

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
  p_percent: { de: 'p-%-Regel', en: 'p% rule' },
  dominance: { de: 'Dominanzregel', en: 'dominance rule' },
  differencing: { de: 'Differenzbildung', en: 'differencing' },
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
    footnotesTitle: 'Notes',
  },
};
