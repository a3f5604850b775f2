import { KpiItemDefinition, LocalizedText } from '../catalogue/catalogue-definition';

/** A language the messages of a submission are written in. */
export type MessageLanguage = keyof LocalizedText;

const LOCALES: Record<MessageLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * Catalogue units are stored as short English words; a German sentence must not read
 * "mindestens 1 persons". Symbols (%, s, EUR, FTE) are the same in both languages and are
 * absent here, so they are shown as stored. Each entry is [singular, plural].
 */
const UNIT_WORDS: Readonly<Record<string, Record<MessageLanguage, readonly [string, string]>>> = {
  persons: { de: ['Person', 'Personen'], en: ['person', 'persons'] },
  days: { de: ['Tag', 'Tage'], en: ['day', 'days'] },
  contacts: { de: ['Kontakt', 'Kontakte'], en: ['contact', 'contacts'] },
  customers: { de: ['Kunde', 'Kunden'], en: ['customer', 'customers'] },
  agents: { de: ['Agent', 'Agenten'], en: ['agent', 'agents'] },
  complaints: { de: ['Beschwerde', 'Beschwerden'], en: ['complaint', 'complaints'] },
};

/**
 * A number as a person of that language writes it (`1.234,5` in German, `1,234.5` in English).
 * Small values keep three significant digits so that 0.004 does not print as 0.
 */
export function formatNumber(value: number, language: MessageLanguage): string {
  const small = value !== 0 && Math.abs(value) < 1;
  return numberFormat(language, small).format(value);
}

// Making an Intl.NumberFormat costs far more than using one; an import of thousands of
// submissions formats a number for every warning.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(language: MessageLanguage, small: boolean): Intl.NumberFormat {
  const key = `${language}:${small}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = small
      ? { maximumSignificantDigits: 3 }
      : { maximumFractionDigits: 2 };
    format = new Intl.NumberFormat(LOCALES[language], options);
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** A number with the item's unit, e.g. `1.234 Kontakte`, `80 %`, `1 day`. */
export function formatQuantity(
  value: number,
  item: Pick<KpiItemDefinition, 'unit'>,
  language: MessageLanguage,
): string {
  const number = formatNumber(value, language);
  if (item.unit === null || item.unit === '') {
    return number;
  }
  const words = UNIT_WORDS[item.unit]?.[language];
  const unit = words ? words[value === 1 ? 0 : 1] : item.unit;
  return `${number} ${unit}`;
}

type Labelled = Pick<KpiItemDefinition, 'label' | 'unit'>;

// Plausibility sentences open with "<label>: <value>" so that they read correctly whether a
// label is singular or plural ("Servicekosten", "Austritte") without a grammar per item.

/** The sentences of answer validation, plausibility and submitting, in German and English. */
export const SUBMISSION_MESSAGES = {
  unknownKey: (key: string, language: MessageLanguage): string =>
    language === 'de'
      ? `„${key}“ ist keine Frage dieses Fragebogens.`
      : `'${key}' is not a question of this questionnaire.`,

  derivedReadonly: (item: Labelled, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} wird berechnet und kann nicht eingegeben werden.`
      : `${item.label.en} is computed and cannot be entered.`,

  typeNumber: (item: Labelled, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} muss eine Zahl sein.`
      : `${item.label.en} must be a number.`,

  typeInteger: (item: Labelled, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} muss eine ganze Zahl sein.`
      : `${item.label.en} must be a whole number.`,

  typeBoolean: (item: Labelled, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} muss mit Ja oder Nein beantwortet werden.`
      : `${item.label.en} must be answered with yes or no.`,

  typeChoice: (item: Pick<KpiItemDefinition, 'label' | 'choices'>, language: MessageLanguage) => {
    const options = (item.choices ?? []).map((choice) => choice.label[language]).join(', ');
    return language === 'de'
      ? `${item.label.de} muss eine dieser Antworten sein: ${options}.`
      : `${item.label.en} must be one of these answers: ${options}.`;
  },

  min: (item: Labelled, bound: number, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} muss mindestens ${formatQuantity(bound, item, 'de')} sein.`
      : `${item.label.en} must be at least ${formatQuantity(bound, item, 'en')}.`,

  max: (item: Labelled, bound: number, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} darf höchstens ${formatQuantity(bound, item, 'de')} sein.`
      : `${item.label.en} must be at most ${formatQuantity(bound, item, 'en')}.`,

  required: (item: Labelled, language: MessageLanguage): string =>
    language === 'de'
      ? `${item.label.de} muss vor dem Einreichen beantwortet werden.`
      : `${item.label.en} must be answered before submitting.`,

  previousCycleAbove: (
    item: Labelled,
    value: number,
    previous: number,
    language: MessageLanguage,
  ): string =>
    language === 'de'
      ? `${item.label.de}: ${formatQuantity(value, item, 'de')} ist mehr als das Doppelte des Vorjahreswerts von ${formatQuantity(previous, item, 'de')}.`
      : `${item.label.en}: ${formatQuantity(value, item, 'en')} is more than twice last cycle's value of ${formatQuantity(previous, item, 'en')}.`,

  previousCycleBelow: (
    item: Labelled,
    value: number,
    previous: number,
    language: MessageLanguage,
  ): string =>
    language === 'de'
      ? `${item.label.de}: ${formatQuantity(value, item, 'de')} ist weniger als die Hälfte des Vorjahreswerts von ${formatQuantity(previous, item, 'de')}.`
      : `${item.label.en}: ${formatQuantity(value, item, 'en')} is less than half of last cycle's value of ${formatQuantity(previous, item, 'en')}.`,

  benchmarkRange: (
    item: Labelled,
    value: number,
    range: { lower: number; upper: number },
    language: MessageLanguage,
  ): string =>
    language === 'de'
      ? `${item.label.de}: ${formatQuantity(value, item, 'de')} liegt außerhalb des üblichen Bereichs von ${formatQuantity(range.lower, item, 'de')} bis ${formatQuantity(range.upper, item, 'de')} im zuletzt veröffentlichten Benchmark.`
      : `${item.label.en}: ${formatQuantity(value, item, 'en')} is outside the usual range of ${formatQuantity(range.lower, item, 'en')} to ${formatQuantity(range.upper, item, 'en')} in the last published benchmark.`,

  commentRequired: (warningMessage: string, language: MessageLanguage): string =>
    language === 'de'
      ? `${warningMessage} Zum Einreichen ist ein Kommentar zu dieser Warnung nötig.`
      : `${warningMessage} A comment on this warning is needed to submit.`,

  notSubmittable: (errorCount: number, uncommented: number, language: MessageLanguage) => {
    const parts: string[] = [];
    if (language === 'de') {
      if (errorCount > 0) {
        parts.push(
          errorCount === 1
            ? '1 Fehler muss behoben werden'
            : `${formatNumber(errorCount, 'de')} Fehler müssen behoben werden`,
        );
      }
      if (uncommented > 0) {
        parts.push(
          uncommented === 1
            ? '1 Warnung braucht einen Kommentar'
            : `${formatNumber(uncommented, 'de')} Warnungen brauchen einen Kommentar`,
        );
      }
      return `Die Antworten können noch nicht eingereicht werden: ${parts.join(' und ')}.`;
    }
    if (errorCount > 0) {
      parts.push(
        errorCount === 1
          ? '1 error must be fixed'
          : `${formatNumber(errorCount, 'en')} errors must be fixed`,
      );
    }
    if (uncommented > 0) {
      parts.push(
        uncommented === 1
          ? '1 warning needs a comment'
          : `${formatNumber(uncommented, 'en')} warnings need a comment`,
      );
    }
    return `The answers cannot be submitted yet: ${parts.join(' and ')}.`;
  },
} as const;
