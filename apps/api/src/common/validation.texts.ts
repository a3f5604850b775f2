import type { LocalizedMessage } from '@app/domain';

/** What a field's rule says, as class-validator records it on the request DTO. */
export interface FieldRule {
  /** The field's path in the request, e.g. `filter` or `languages`. */
  key: string;
  /** The rule's arguments: a bound, the allowed values, the options of a number. */
  constraints: readonly unknown[];
  /** The rule holds for each entry of a list. */
  each: boolean;
}

type FieldText = (field: FieldRule) => LocalizedMessage;

const listOf = (values: unknown): string => (Array.isArray(values) ? values.join(', ') : '');

const bound = (field: FieldRule): number => Number(field.constraints[0]);

/** The entries of a list or the field itself: "each entry of languages" or "languages". */
function subject(field: FieldRule): LocalizedMessage {
  return field.each
    ? { de: `Jeder Eintrag von ${field.key}`, en: `Each entry of ${field.key}` }
    : { de: field.key, en: field.key };
}

/** A sentence about the field (or each of its entries) in both languages. */
function says(field: FieldRule, de: string, en: string): LocalizedMessage {
  const who = subject(field);
  return { de: `${who.de} ${de}`, en: `${who.en} ${en}` };
}

/**
 * The sentences of the request DTOs' rules, by class-validator's name of the rule, in both
 * languages; the exception filters show the reader's. Every rule a DTO uses has one, so that
 * no English default of class-validator reaches a German reader.
 */
export const FIELD_RULE_TEXTS: Record<string, FieldText> = {
  unknown_field: (f) => ({
    de: `${f.key} ist kein bekanntes Feld.`,
    en: `${f.key} is not a known field.`,
  }),
  isString: (f) => says(f, 'muss ein Text sein.', 'must be a text.'),
  isInt: (f) => says(f, 'muss eine ganze Zahl sein.', 'must be an integer.'),
  isNumber: (f) => {
    const decimals = (f.constraints[0] as { maxDecimalPlaces?: number } | undefined)
      ?.maxDecimalPlaces;
    return decimals === undefined
      ? says(f, 'muss eine Zahl sein.', 'must be a number.')
      : says(
          f,
          `muss eine Zahl mit höchstens ${decimals} Nachkommastellen sein.`,
          `must be a number with at most ${decimals} decimals.`,
        );
  },
  isBoolean: (f) => says(f, 'muss true oder false sein.', 'must be true or false.'),
  isObject: (f) => says(f, 'muss ein Objekt sein.', 'must be an object.'),
  nestedValidation: (f) => says(f, 'muss ein Objekt sein.', 'must be an object.'),
  isArray: (f) => says(f, 'muss eine Liste sein.', 'must be a list.'),
  isEmail: (f) => says(f, 'muss eine E-Mail-Adresse sein.', 'must be an e-mail address.'),
  isUuid: (f) => says(f, 'muss eine Id (eine UUID) sein.', 'must be an id (a UUID).'),
  isIn: (f) =>
    says(
      f,
      `muss einer dieser Werte sein: ${listOf(f.constraints[0])}.`,
      `must be one of ${listOf(f.constraints[0])}.`,
    ),
  min: (f) =>
    says(f, `darf nicht kleiner als ${bound(f)} sein.`, `must not be less than ${bound(f)}.`),
  max: (f) =>
    says(f, `darf nicht größer als ${bound(f)} sein.`, `must not be greater than ${bound(f)}.`),
  minLength: (f) =>
    bound(f) === 1
      ? says(f, 'darf nicht leer sein.', 'must not be empty.')
      : says(
          f,
          `muss mindestens ${bound(f)} Zeichen lang sein.`,
          `must be at least ${bound(f)} characters long.`,
        ),
  maxLength: (f) =>
    says(
      f,
      `darf höchstens ${bound(f)} Zeichen lang sein.`,
      `must be at most ${bound(f)} characters long.`,
    ),
  arrayMinSize: (f) =>
    bound(f) === 1
      ? says(f, 'muss mindestens einen Eintrag enthalten.', 'must list at least one entry.')
      : says(
          f,
          `muss mindestens ${bound(f)} Einträge enthalten.`,
          `must list at least ${bound(f)} entries.`,
        ),
  arrayMaxSize: (f) =>
    says(
      f,
      `darf höchstens ${bound(f)} Einträge enthalten.`,
      `must list at most ${bound(f)} entries.`,
    ),
  arrayUnique: (f) => says(f, 'darf keinen Eintrag wiederholen.', 'must not repeat an entry.'),
};

/** A rule without a sentence of its own still names the field and the rule. */
export const unknownRuleText = (field: FieldRule, rule: string): LocalizedMessage =>
  says(field, `erfüllt die Regel ${rule} nicht.`, `does not meet the rule ${rule}.`);
