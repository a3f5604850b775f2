import {
  DomainError,
  DomainErrorCode,
  LocalizedMessage,
  LocalizedProblem,
  notFound,
} from '../errors/domain-error';
import { Catalogue, loadCatalogue } from './catalogue';
import type { CatalogueDefinition, KpiItemDefinition } from './catalogue-definition';
import { CATALOGUE_EDITOR_TEXTS as T } from './catalogue-editor.texts';

/** An edit of one item: the item as it should be, and where it should stand (1-based). */
export interface CatalogueItemEdit {
  item: KpiItemDefinition;
  /** The item's place in the questionnaire; default: where it is (or last, for a new one). */
  position?: number;
}

function refusePosition(position: number, count: number): never {
  const message = T.position(count, position);
  throw new DomainError(DomainErrorCode.ValidationFailed, message, [
    { key: 'position', rule: 'position', message },
  ]);
}

/** The items with `item` put at the 1-based `position` of the list without it. */
function placed(
  others: readonly KpiItemDefinition[],
  item: KpiItemDefinition,
  position: number,
): KpiItemDefinition[] {
  const count = others.length + 1;
  if (!Number.isInteger(position) || position < 1 || position > count) {
    refusePosition(position, count);
  }
  return [...others.slice(0, position - 1), item, ...others.slice(position - 1)];
}

/**
 * The definition with the item of key `key` replaced by `edit.item`, moved to `edit.position`
 * when given. The item may take a new key only if no other item has it. Throws NotFound for an
 * unknown key. The result is not yet checked: see `loadEditedCatalogue`.
 */
export function withItemReplaced(
  definition: CatalogueDefinition,
  key: string,
  edit: CatalogueItemEdit,
): CatalogueDefinition {
  const index = definition.items.findIndex((i) => i.key === key);
  if (index < 0) {
    throw notFound('Catalogue item', key);
  }
  if (edit.item.key !== key && definition.items.some((i) => i.key === edit.item.key)) {
    const message = T.keyTaken(edit.item.key);
    throw new DomainError(DomainErrorCode.Conflict, message, [
      { key: 'key', rule: 'key_duplicate', message },
    ]);
  }
  const others = definition.items.filter((_, i) => i !== index);
  return { ...definition, items: placed(others, edit.item, edit.position ?? index + 1) };
}

/** The definition with a new item at `edit.position` (default: last). */
export function withItemAdded(
  definition: CatalogueDefinition,
  edit: CatalogueItemEdit,
): CatalogueDefinition {
  if (definition.items.some((i) => i.key === edit.item.key)) {
    const message = T.keyTaken(edit.item.key);
    throw new DomainError(DomainErrorCode.Conflict, message, [
      { key: 'key', rule: 'key_duplicate', message },
    ]);
  }
  const position = edit.position ?? definition.items.length + 1;
  return { ...definition, items: placed(definition.items, edit.item, position) };
}

/** The definition without the item of key `key`; NotFound for an unknown key. */
export function withItemRemoved(definition: CatalogueDefinition, key: string): CatalogueDefinition {
  if (!definition.items.some((i) => i.key === key)) {
    throw notFound('Catalogue item', key);
  }
  return { ...definition, items: definition.items.filter((i) => i.key !== key) };
}

/**
 * Loads an edited definition, so that nothing invalid is ever stored. A refusal names the
 * item that was edited and lists every problem of the catalogue, the edited item's first
 * (an unknown key, a formula that does not parse at a position, a cycle), each prefixed with
 * the item or rule it is about; a removal that breaks other items' formulas names those.
 */
export function loadEditedCatalogue(
  definition: CatalogueDefinition,
  itemKey: string,
  kind: 'saved' | 'removed' = 'saved',
): Catalogue {
  try {
    return loadCatalogue(definition);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== DomainErrorCode.CatalogueInvalid) {
      throw error;
    }
    const problems: LocalizedProblem[] = error.problemsIn('de').map((p, index) => ({
      key: p.key,
      rule: p.rule,
      message: { de: p.message, en: error.problemsIn('en')[index].message },
    }));
    const own = problems.filter((p) => p.key === itemKey);
    const ordered = [...own, ...problems.filter((p) => p.key !== itemKey)];
    const first: LocalizedMessage = T.problemAt(ordered[0].key, ordered[0].message);
    const message =
      kind === 'saved'
        ? T.itemNotSaved(itemKey, ordered.length, first)
        : T.itemNotRemoved(itemKey, ordered.length, first);
    throw new DomainError(DomainErrorCode.CatalogueInvalid, message, ordered);
  }
}
