import {
  formatNumber,
  formatQuantity,
  KpiItemDefinition,
  MessageLanguage,
  Polarity,
} from '@app/domain';

/** The language a report is written in. */
export type ReportLanguage = MessageLanguage;

/** No line break between a number and its unit. */
const NBSP = '\u00a0';

/** The sign a report writes for a withheld or missing figure. */
export const NO_VALUE = '–';

/** -0 prints as "-0"; a rounded figure of a tiny negative value must not. */
const noNegativeZero = (value: number): number => (value === 0 ? 0 : value);

/**
 * A figure as the reader's language writes it (`1.234,5` in German, `1,234.5` in English): the
 * domain's `formatNumber`, which the validation messages use too.
 */
export function formatFigure(value: number, language: ReportLanguage): string {
  return formatNumber(noNegativeZero(value), language);
}

/** A figure with the item's unit (`27 Tage`, `80 %`), unit and number never split by a break. */
export function formatFigureWithUnit(
  value: number,
  item: Pick<KpiItemDefinition, 'unit'>,
  language: ReportLanguage,
): string {
  return formatQuantity(noNegativeZero(value), item, language).replace(/ /g, NBSP);
}

/**
 * The unit as a column or axis shows it, in the plural (`Tage`, `contacts`, `%`), taken from
 * the domain's unit words through `formatQuantity` so that the words live in one place.
 */
export function unitLabel(
  item: Pick<KpiItemDefinition, 'unit'>,
  language: ReportLanguage,
): string | null {
  if (item.unit === null || item.unit === '') {
    return null;
  }
  const two = formatNumber(2, language);
  return formatQuantity(2, item, language).slice(two.length + 1);
}

/** A share or percentile rank in whole percent: `72 %`. */
export function formatPercent(value: number, language: ReportLanguage): string {
  return `${formatNumber(noNegativeZero(Math.round(value)), language)}${NBSP}%`;
}

/**
 * A distance between two values of the item: percentage points for a KPI in %, otherwise the
 * item's unit (`4,5 Prozentpunkte`, `1,70 EUR`).
 */
export function formatDistance(
  value: number,
  item: Pick<KpiItemDefinition, 'unit'>,
  language: ReportLanguage,
): string {
  if (item.unit === '%') {
    const points = language === 'de' ? 'Prozentpunkte' : 'percentage points';
    return `${formatFigure(value, language)}${NBSP}${points}`;
  }
  return formatFigureWithUnit(value, item, language);
}

/**
 * The change a value needs to reach the top quartile as the table shows it: `+3,2` when higher
 * is better, `−3,2` when lower is better, "erreicht" when it is there already.
 */
export function formatGapToTopQuartile(
  gap: number | null,
  polarity: Polarity,
  language: ReportLanguage,
): string {
  if (gap === null || polarity === 'neutral') {
    return NO_VALUE;
  }
  if (gap === 0) {
    return language === 'de' ? 'erreicht' : 'reached';
  }
  const sign = polarity === 'higher_is_better' ? '+' : '\u2212';
  return `${sign}${formatFigure(gap, language)}`;
}

const LOCALES: Record<ReportLanguage, string> = { de: 'de-DE', en: 'en-GB' };
const DATE_FORMATS = new Map<ReportLanguage, Intl.DateTimeFormat>();

/**
 * A date as the language writes it in running text (`5. März 2025`, `5 March 2025`). In UTC,
 * so that a report rendered twice from the same input reads the same on every machine.
 */
export function formatDate(date: Date, language: ReportLanguage): string {
  let format = DATE_FORMATS.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    DATE_FORMATS.set(language, format);
  }
  return format.format(date);
}

/**
 * A derived KPI's formula for a reader: item keys replaced by their labels, `*` and `/` by `×`
 * and `÷`, decimal points by the language's separator. Function names stay as written.
 */
export function formulaForReader(
  formula: string,
  labelOf: (key: string) => string | undefined,
  language: ReportLanguage,
): string {
  return formula.replace(
    /([a-z][a-z0-9_]*)|(\d+\.\d+)|(\*)|(\/)/g,
    (match, word: string | undefined, decimal: string | undefined, times: string | undefined) => {
      if (word !== undefined) {
        return labelOf(word) ?? word;
      }
      if (decimal !== undefined) {
        return language === 'de' ? decimal.replace('.', ',') : decimal;
      }
      return times !== undefined ? '×' : '÷';
    },
  );
}
