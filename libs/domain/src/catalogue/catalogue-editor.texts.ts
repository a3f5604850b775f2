import type { LocalizedMessage } from '../errors/domain-error';

/** The sentences of editing a catalogue version item by item. */
export const CATALOGUE_EDITOR_TEXTS = {
  itemNotSaved: (key: string, count: number, first: LocalizedMessage): LocalizedMessage => ({
    de: `Das Element '${key}' wurde nicht gespeichert: ${count === 1 ? '1 Problem' : `${count} Probleme`}, das erste: ${first.de}`,
    en: `Item '${key}' was not saved: ${count === 1 ? '1 problem' : `${count} problems`}, the first: ${first.en}`,
  }),
  itemNotRemoved: (key: string, count: number, first: LocalizedMessage): LocalizedMessage => ({
    de: `Das Element '${key}' wurde nicht entfernt: ${count === 1 ? '1 Problem' : `${count} Probleme`}, das erste: ${first.de}`,
    en: `Item '${key}' was not removed: ${count === 1 ? '1 problem' : `${count} problems`}, the first: ${first.en}`,
  }),
  problemAt: (key: string, message: LocalizedMessage): LocalizedMessage => ({
    de: `Element '${key}': ${message.de}`,
    en: `item '${key}': ${message.en}`,
  }),
  position: (count: number, given: number): LocalizedMessage => ({
    de: `position muss eine ganze Zahl von 1 bis ${count} sein, erhielt ${given}`,
    en: `position must be a whole number from 1 to ${count}, got ${given}`,
  }),
  keyTaken: (key: string): LocalizedMessage => ({
    de: `den Schlüssel '${key}' hat schon ein anderes Element dieser Version`,
    en: `key '${key}' belongs to another item of this version already`,
  }),
} satisfies Record<string, (...args: never[]) => LocalizedMessage>;
