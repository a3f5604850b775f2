import type { Catalogue, KpiItemDefinition } from '@app/domain';

/**
 * What the sheet readers need of a catalogue: its items by key. A Catalogue is one; a parser
 * thread, which receives only the items, builds one with `catalogueItems`.
 */
export type CatalogueItems = Pick<Catalogue, 'item'>;

/** The items as a lookup by key. */
export function catalogueItems(items: readonly KpiItemDefinition[]): CatalogueItems {
  const byKey = new Map(items.map((item) => [item.key, item]));
  return { item: (key) => byKey.get(key) };
}
