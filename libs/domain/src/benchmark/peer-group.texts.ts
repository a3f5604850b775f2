import type { LocalizedMessage } from '../errors/domain-error';

/** A value as a sentence names it: a text quoted, anything else by its type. */
function named(value: unknown): LocalizedMessage {
  return typeof value === 'string'
    ? { de: `'${value}'`, en: `'${value}'` }
    : { de: `ein Wert vom Typ ${typeof value}`, en: `a ${typeof value}` };
}

/**
 * The refusals of a peer-group filter or id, per rule, in both languages; the exception filters
 * and pages show the reader's.
 */
export const PEER_GROUP_FILTER_TEXTS = {
  invalid: (key: string, problem: LocalizedMessage): LocalizedMessage => ({
    de: `Ungültiger Vergleichsgruppen-Filter: ${key}: ${problem.de}`,
    en: `Invalid peer group filter: ${key}: ${problem.en}`,
  }),
  notAnObject: {
    de: 'Ein Vergleichsgruppen-Filter ist ein Objekt aus Dimensionen und ihren Werten.',
    en: 'A peer group filter is an object of dimensions and their values.',
  },
  unknownDimension: (key: string, dimensions: readonly string[]): LocalizedMessage => ({
    de: `'${key}' ist keine Dimension einer Vergleichsgruppe; die Dimensionen sind ${dimensions.join(', ')}.`,
    en: `'${key}' is not a peer group dimension; the dimensions are ${dimensions.join(', ')}.`,
  }),
  notAnArray: (key: string): LocalizedMessage => ({
    de: `${key} muss eine Liste von Werten sein.`,
    en: `${key} must be a list of values.`,
  }),
  empty: (key: string): LocalizedMessage => ({
    de: `${key} nennt keinen Wert; lassen Sie die Dimension weg, um alle Einheiten einzuschließen.`,
    en: `${key} lists no value; leave the dimension out to include all units.`,
  }),
  unknownValue: (key: string, value: unknown, allowed: readonly string[]): LocalizedMessage => {
    const what = named(value);
    return {
      de: `${what.de} ist kein Wert von ${key}; die Werte sind ${allowed.join(', ')}.`,
      en: `${what.en} is not a value of ${key}; the values are ${allowed.join(', ')}.`,
    };
  },
  malformed: (part: string): LocalizedMessage => ({
    de: `'${part}' hat nicht die Form dimension:wert,wert.`,
    en: `'${part}' is not of the form dimension:value,value.`,
  }),
  duplicateDimension: (dimension: string, id: string): LocalizedMessage => ({
    de: `${dimension} kommt in '${id}' mehr als einmal vor.`,
    en: `${dimension} appears more than once in '${id}'.`,
  }),
} as const satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
