import { KpiItemDefinition, StatisticChange } from '@app/domain';
import { ReportFigure } from './company-report-model';
import { formatFigure, formatFigureWithUnit, ReportLanguage } from './report-format.util';
import { TREND_REPORT_SENTENCES as T } from './trend-report-sentences';

const MINUS = '\u2212';
export const NBSP = '\u00a0';
export const EMPTY: ReportFigure = { text: '', mark: null };

/**
 * A rule's name as a table cell starts it: `Minimum group size`. A name that opens with a symbol
 * (`p% rule`, `p-%-Regel`) keeps its small letter, which is part of the symbol.
 */
export function capitalized(text: string): string {
  return /^\p{L}\p{L}/u.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The sign a change is written with: `+`, the minus sign, or `±` for none. */
function sign(value: number): string {
  return value > 0 ? '+' : value < 0 ? MINUS : '±';
}

/** A change in the KPI's unit: `+6`, `−0,15`. */
export function signedFigure(value: number, language: ReportLanguage): string {
  return `${sign(value)}${formatFigure(Math.abs(value), language)}`;
}

/**
 * A relative change: whole percent from 10 % on, one decimal below it (`+29 %`, `−4,5 %`), so that
 * a small change does not print as 0.
 */
export function signedPercent(percent: number, language: ReportLanguage): string {
  const magnitude = Math.abs(percent);
  const rounded = magnitude >= 10 ? Math.round(magnitude) : Math.round(magnitude * 10) / 10;
  return `${sign(rounded === 0 ? 0 : percent)}${formatFigure(rounded, language)}${NBSP}%`;
}

/** A change in percentage points with one decimal: `+2,4`. */
export function signedPoints(points: number, language: ReportLanguage): string {
  const rounded = Math.round(Math.abs(points) * 10) / 10;
  return `${sign(rounded === 0 ? 0 : points)}${formatFigure(rounded, language)}`;
}

/** A share of yes with one decimal: `12,5 %`. */
export function shareText(share: number, language: ReportLanguage): string {
  return `${formatFigure(Math.round(share * 10) / 10, language)}${NBSP}%`;
}

const ONE_DECIMAL: Record<ReportLanguage, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/**
 * A pooled share with exactly one decimal (`8,0`): a ratio of sums is never a round number, and
 * `8` would read as if it were.
 */
export function oneDecimal(value: number, language: ReportLanguage): string {
  const rounded = Math.round(value * 10) / 10;
  return ONE_DECIMAL[language].format(rounded === 0 ? 0 : rounded);
}

/**
 * The years a trend report covers: `2023–2025` (the dash is the en dash unless given), one year
 * alone, or nothing for no cycles.
 */
export function trendReportYears(years: readonly number[], dash = '–'): string {
  if (years.length === 0) {
    return '';
  }
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? String(first) : `${first}${dash}${last}`;
}

/**
 * A change as the summary words it: percentage points for a KPI in %, otherwise relative
 * (`+29 %`), or in the KPI's unit where the base is 0.
 */
export function changeText(
  change: StatisticChange,
  item: Pick<KpiItemDefinition, 'unit' | 'min'>,
  language: ReportLanguage,
): string {
  if (item.unit === '%') {
    const rounded = Math.round(Math.abs(change.absolute) * 10) / 10;
    return T.points(signedPoints(change.absolute, language), rounded, language);
  }
  // On a scale that reaches below 0 (NPS, eNPS: −100 to 100) a change in per cent of the
  // earlier value means nothing: an eNPS from 7 to 13 is not "+86 %", it is +6.
  const crossesZero = item.min !== undefined && item.min < 0;
  if (change.percent !== null && !crossesZero) {
    return signedPercent(change.percent, language);
  }
  const magnitude = formatFigureWithUnit(Math.abs(change.absolute), item, language);
  return `${sign(change.absolute)}${magnitude}`;
}

export function direction(change: number): 'up' | 'down' | 'same' {
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/** A label in mid-sentence: `total contacts`; German nouns and acronyms keep their capitals. */
export function midSentence(label: string, language: ReportLanguage): string {
  return language === 'en' && /^\p{Lu}\p{Ll}/u.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/** ρ with two decimals, as a correlation table writes it whatever its value. */
export function formatRho(rho: number, language: ReportLanguage): string {
  const text = rho.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return text.replace('-', MINUS);
}

/** A p-value to three decimals, and `< 0,001` below that: no reader needs 4 × 10⁻³⁴. */
export function formatPValue(p: number, language: ReportLanguage): string {
  const floor = 0.001;
  return p < floor
    ? `<${NBSP}${formatFigure(floor, language)}`
    : formatFigure(Math.round(p * 1000) / 1000, language);
}
