import {
  KPI_AREAS,
  KPI_TYPES,
  type KpiItemDefinition,
  POLARITIES,
  type CatalogueDefinition,
  type CatalogueDiff,
  type CatalogueFieldValue,
} from '@app/domain';
import type {
  CatalogueItemInputDto,
  CatalogueVersionDetailDto,
} from '../../catalogues/dto/catalogue-editor.dto';
import type { StudyDto } from '../../studies/dto/study.dto';
import { FormError, formErrorsOf, FormRefusal } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

/** What the item form shows and sends: every field as typed. */
export interface ItemFormValues {
  key: string;
  area: string;
  type: string;
  unit: string;
  labelDe: string;
  labelEn: string;
  helpDe: string;
  helpEn: string;
  min: string;
  max: string;
  required: boolean;
  polarity: string;
  formula: string;
  choices: string;
  benchmarked: boolean;
  weightKey: string;
  position: string;
}

/** The form's field of each rule of the catalogue's checks, for showing a refusal at its input. */
const FIELD_OF_RULE: Readonly<Record<string, keyof ItemFormValues>> = {
  key_syntax: 'key',
  key_duplicate: 'key',
  area: 'area',
  type: 'type',
  unit: 'unit',
  label_missing: 'labelDe',
  help_missing: 'helpDe',
  bounds: 'min',
  required: 'required',
  derived_required: 'required',
  polarity: 'polarity',
  formula_syntax: 'formula',
  formula_unknown_key: 'formula',
  formula_type: 'formula',
  formula_cycle: 'formula',
  choices: 'choices',
  weight: 'weightKey',
  position: 'position',
};

const numberText = (value: number | undefined, page: PageContext): string =>
  value === undefined
    ? ''
    : page.language === 'de'
      ? String(value).replace('.', ',')
      : String(value);

/** The form's values of a stored item at its 1-based position. */
export function itemFormValues(
  item: KpiItemDefinition,
  position: number,
  page: PageContext,
): ItemFormValues {
  return {
    key: item.key,
    area: item.area,
    type: item.type,
    unit: item.unit ?? '',
    labelDe: item.label.de,
    labelEn: item.label.en,
    helpDe: item.help.de,
    helpEn: item.help.en,
    min: numberText(item.min, page),
    max: numberText(item.max, page),
    required: item.required,
    polarity: item.polarity,
    formula: item.formula ?? '',
    choices: (item.choices ?? [])
      .map((c) => `${c.value} | ${c.label.de} | ${c.label.en}`)
      .join('; '),
    benchmarked: item.benchmarked ?? true,
    weightKey: item.weightKey ?? '',
    position: String(position),
  };
}

/** The empty form of a new item, placed last. */
export function newItemValues(count: number): ItemFormValues {
  return {
    key: '',
    area: 'volume',
    type: 'number',
    unit: '',
    labelDe: '',
    labelEn: '',
    helpDe: '',
    helpEn: '',
    min: '',
    max: '',
    required: false,
    polarity: 'neutral',
    formula: '',
    choices: '',
    benchmarked: true,
    weightKey: '',
    position: String(count + 1),
  };
}

/** A number as a person typed it (`12,5` or `12.5`); undefined for blank, NaN for no number. */
function typedNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') {
    return undefined;
  }
  const normal =
    trimmed.includes(',') && !trimmed.includes('.') ? trimmed.replace(',', '.') : trimmed;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : NaN;
}

/**
 * The item the form describes, or the fields a person must fix first (a number that is none,
 * a choice not of the form `value | German | English`) in the page's words.
 */
export function itemInputOf(
  values: ItemFormValues,
  page: PageContext,
): { input: CatalogueItemInputDto } | { errors: Partial<Record<keyof ItemFormValues, string>> } {
  const t = page.texts.catalogues.item;
  const errors: Partial<Record<keyof ItemFormValues, string>> = {};
  const min = typedNumber(values.min);
  const max = typedNumber(values.max);
  const position = typedNumber(values.position);
  for (const [field, value] of [
    ['min', min],
    ['max', max],
    ['position', position],
  ] as const) {
    if (value !== undefined && Number.isNaN(value)) {
      errors[field] = t.notANumber;
    }
  }
  const choiceParts = values.choices
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => c.split('|').map((p) => p.trim()));
  if (choiceParts.some((parts) => parts.length !== 3 || parts.some((p) => p === ''))) {
    errors.choices = t.badChoice;
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  return {
    input: {
      key: values.key.trim(),
      area: values.area as CatalogueItemInputDto['area'],
      type: values.type as CatalogueItemInputDto['type'],
      unit: values.unit,
      label: { de: values.labelDe, en: values.labelEn },
      help: { de: values.helpDe, en: values.helpEn },
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
      required: values.required,
      polarity: values.polarity as CatalogueItemInputDto['polarity'],
      formula: values.formula,
      ...(choiceParts.length === 0
        ? {}
        : { choices: choiceParts.map(([value, de, en]) => ({ value, label: { de, en } })) }),
      benchmarked: values.benchmarked,
      weightKey: values.weightKey,
      ...(position === undefined ? {} : { position }),
    },
  };
}

const option = (value: string, label: string, selected: string) => ({
  value,
  label,
  selected: value === selected,
});

/** The item form: each field with its value, its options and its error, and the summary. */
export function itemFormModel(
  version: CatalogueVersionDetailDto,
  itemKey: string | null,
  values: ItemFormValues,
  page: PageContext,
  fieldErrors: Partial<Record<keyof ItemFormValues, string>> = {},
  refusal: FormRefusal | null = null,
) {
  const t = page.texts.catalogues;
  const errors: Partial<Record<keyof ItemFormValues, string>> = { ...fieldErrors };
  for (const problem of refusal?.problems ?? []) {
    const field = FIELD_OF_RULE[problem.rule];
    if (field !== undefined && errors[field] === undefined) {
      errors[field] = problem.message;
    }
  }
  const summary: FormError[] = refusal
    ? formErrorsOf(refusal)
    : Object.entries(errors).map(([field, message]) => ({ field: `item-${field}`, message }));
  const field = (name: keyof ItemFormValues) => ({
    id: `item-${name}`,
    error: errors[name] ?? null,
    errorId: `item-${name}-error`,
  });
  return {
    title: itemKey === null ? t.item.newTitle : fill(t.item.editTitle, { key: itemKey }),
    lead: fill(t.item.lead, { key: version.key, version: version.version }),
    versionHref: pagePaths.catalogue(version.id),
    action:
      itemKey === null
        ? pagePaths.catalogueItems(version.id)
        : pagePaths.catalogueItem(version.id, itemKey),
    submit: itemKey === null ? t.item.add : t.item.save,
    errors: summary,
    values,
    fields: {
      key: field('key'),
      area: field('area'),
      type: field('type'),
      unit: field('unit'),
      labelDe: field('labelDe'),
      labelEn: field('labelEn'),
      helpDe: field('helpDe'),
      helpEn: field('helpEn'),
      min: field('min'),
      max: field('max'),
      required: field('required'),
      polarity: field('polarity'),
      formula: field('formula'),
      choices: field('choices'),
      benchmarked: field('benchmarked'),
      weightKey: field('weightKey'),
      position: field('position'),
    },
    areas: KPI_AREAS.map((a) => option(a, t.areas[a], values.area)),
    types: KPI_TYPES.map((k) => option(k, t.types[k], values.type)),
    polarities: POLARITIES.map((p) => option(p, t.polarities[p], values.polarity)),
  };
}

/** Where a stored version stands: draft, or fixed by the studies whose cycles use it. */
function useOf(version: CatalogueVersionDetailDto, page: PageContext): string {
  const t = page.texts.catalogues;
  const used = version.usedBy.filter((u) => u.cycleYears.length > 0);
  return used.length === 0
    ? t.unused
    : used
        .map((u) => fill(t.usedBy, { study: u.studyName, years: u.cycleYears.join(', ') }))
        .join('; ');
}

/** The list of versions and the upload form of a new draft. */
export function catalogueListModel(
  versions: readonly CatalogueVersionDetailDto[],
  page: PageContext,
  canCreate: boolean,
  refusal: FormRefusal | null = null,
) {
  const t = page.texts.catalogues;
  return {
    title: t.title,
    versions: versions.map((v) => {
      const definition = v.definition as unknown as CatalogueDefinition;
      return {
        href: pagePaths.catalogue(v.id),
        label: fill(t.versionTitle, { key: v.key, version: v.version }),
        name: definition.name[page.language],
        items: definition.items.length,
        state: v.editable ? t.draft : t.fixed,
        use: useOf(v, page),
      };
    }),
    canCreate,
    uploadAction: pagePaths.catalogueUpload(),
    upload: uploadRefusalModel(refusal),
  };
}

/** A refused upload: the summary and each located problem in a row. */
function uploadRefusalModel(refusal: FormRefusal | null) {
  return {
    errors: formErrorsOf(refusal),
    problems: (refusal?.problems ?? []).map((p) => {
      const at = p as typeof p & { sheet?: string; row?: number; column?: string };
      return {
        sheet: at.sheet ?? '',
        row: at.row ?? '',
        column: at.column ?? '',
        message: p.message,
      };
    }),
  };
}

/** A version's page: its items, and what the caller may do with it. */
export function versionPageModel(
  version: CatalogueVersionDetailDto,
  siblings: readonly CatalogueVersionDetailDto[],
  studies: readonly StudyDto[],
  page: PageContext,
  may: { create: boolean; edit: boolean; assign: boolean },
  notice: string | null,
  refusal: FormRefusal | null = null,
) {
  const t = page.texts.catalogues;
  const definition = version.definition as unknown as CatalogueDefinition;
  const canEdit = may.edit && version.editable;
  return {
    title: fill(t.versionTitle, { key: version.key, version: version.version }),
    lead: fill(t.versionLead, {
      name: definition.name[page.language],
      count: definition.items.length,
    }),
    listHref: pagePaths.catalogues(),
    notice,
    note: version.editable ? t.draftNote : t.fixedNote,
    editable: version.editable,
    canEdit,
    canCreate: may.create,
    draftAction: pagePaths.catalogueDrafts(version.id),
    downloadHref: pagePaths.catalogueXlsx(version.id),
    uploadAction: pagePaths.catalogueXlsx(version.id),
    upload: uploadRefusalModel(refusal),
    newItemHref: pagePaths.catalogueNewItem(version.id),
    items: definition.items.map((item, index) => ({
      position: index + 1,
      key: item.key,
      label: item.label[page.language],
      area: t.areas[item.area] ?? item.area,
      type: t.types[item.type] ?? item.type,
      formula: item.formula ?? null,
      editHref: pagePaths.catalogueItem(version.id, item.key),
      removeAction: pagePaths.catalogueItemRemove(version.id, item.key),
      removeLabel: fill(t.removeLabel, { key: item.key }),
    })),
    compare: siblings
      .filter((s) => s.id !== version.id && s.key === version.key)
      .map((s) => ({
        href: pagePaths.catalogueDiff(s.id, version.id),
        label:
          s.id === version.basedOnId
            ? fill(t.compare.basedOn, { version: s.version })
            : fill(t.compare.with, { version: s.version }),
      })),
    assign: may.assign
      ? studies
          .filter((s) => s.cycles.length === 0 && s.catalogueVersionId !== version.id)
          .map((s) => ({
            href: pagePaths.studyCatalogue(s.id, version.id),
            label: fill(t.assign.link, { study: s.name }),
          }))
      : [],
  };
}

const shown = (value: CatalogueFieldValue, page: PageContext): string => {
  const t = page.texts.catalogues.diff;
  if (value === null || value === '') {
    return t.empty;
  }
  if (typeof value === 'number') {
    return numberText(value, page);
  }
  return String(value);
};

/** The diff as sections of added, removed and changed entries, old -> new per field. */
export function diffSections(diff: CatalogueDiff, page: PageContext) {
  const t = page.texts.catalogues.diff;
  const part = (heading: string, p: CatalogueDiff['items']) => ({
    heading,
    added: p.added.map((e) => ({ key: e.key, where: fill(t.position, { position: e.position }) })),
    removed: p.removed.map((e) => ({
      key: e.key,
      where: fill(t.position, { position: e.position }),
    })),
    changed: p.changed.flatMap((c) =>
      c.changes.map((change, index) => ({
        key: index === 0 ? c.key : '',
        field: change.field,
        before: shown(change.before, page),
        after: shown(change.after, page),
      })),
    ),
    empty: p.added.length + p.removed.length + p.changed.length === 0,
  });
  const name = diff.name.map((c) => ({
    key: '',
    field: c.field,
    before: shown(c.before, page),
    after: shown(c.after, page),
  }));
  const sections = [part(t.items, diff.items), part(t.rules, diff.rules)];
  return {
    name,
    sections: sections.filter((s) => !s.empty),
    same: name.length === 0 && sections.every((s) => s.empty),
  };
}
