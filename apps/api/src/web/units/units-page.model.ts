import {
  COUNTRIES,
  CUSTOMER_TYPES,
  INDUSTRIES,
  SIZE_BANDS,
  SOURCINGS,
  type Country,
  type Industry,
  type SizeBand,
} from '@app/domain';
import { COUNTRY_LABELS, INDUSTRY_LABELS, SIZE_BAND_LABELS } from '@app/reporting';
import type { Language } from '../../common/request-context';
import type { UnitDto, UnitProfileDto } from '../../units/dto/unit.dto';
import type { FormError } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { formatNumberInput } from '../submission/number-input.util';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';
import type { PostedUnitForm, UnitField, UnitFieldErrors } from './unit-form-input.util';
import type { UnitsTexts } from './units.texts';

/** What the units pages show after a form that went through (`?notice=`). */
export const UNIT_NOTICES = ['created', 'saved'] as const;
export type UnitNotice = (typeof UNIT_NOTICES)[number];

/** The notice of a `?notice=` query value; none for anything else. */
export function unitNoticeOf(value: unknown, texts: UnitsTexts): string | null {
  return typeof value === 'string' && (UNIT_NOTICES as readonly string[]).includes(value)
    ? texts.notices[value as UnitNotice]
    : null;
}

/**
 * A code of a list as a person reads it. The lists are the domain's; a stored code a newer or
 * older list does not know is shown as it is rather than failing the page.
 */
function labelOf<K extends string>(
  labels: Readonly<Record<K, { de: string; en: string }>>,
  code: string,
  language: Language,
): string {
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code as K][language] : code;
}

/** A unit's profile in words, in the page's language: every code with its name. */
export interface UnitProfileView {
  industry: string;
  country: string;
  customerType: string;
  sourcing: string;
  sizeBand: string;
  agentFte: number;
}

/** The names of a unit's profile codes (industry, country, ..., size band with its bounds). */
export function unitProfileView(profile: UnitProfileDto, page: PageContext): UnitProfileView {
  const t = page.texts.units;
  const language = page.language;
  const customerType = (CUSTOMER_TYPES as readonly string[]).includes(profile.customerType)
    ? t.customerTypes[profile.customerType].label
    : profile.customerType;
  const sourcing = (SOURCINGS as readonly string[]).includes(profile.sourcing)
    ? t.sourcings[profile.sourcing].label
    : profile.sourcing;
  return {
    industry: labelOf<Industry>(INDUSTRY_LABELS, profile.industry, language),
    country: labelOf<Country>(COUNTRY_LABELS, profile.country, language),
    customerType,
    sourcing,
    sizeBand: labelOf<SizeBand>(SIZE_BAND_LABELS, profile.sizeBand, language),
    agentFte: profile.agentFte,
  };
}

/** What the list of units shows. */
export interface UnitsListData {
  units: UnitDto[];
  /** The companies' names by id, for a publisher's view; null for a company's own units. */
  companyNames: ReadonlyMap<string, string> | null;
  /** The caller's organisation id, shown to a company for its enrolment; null for others. */
  organisationId: string | null;
  /** Whether the caller may add units (company administrators, as in the API). */
  canAdd: boolean;
  /** Whether the caller may edit units (company administrators and editors). */
  canEdit: boolean;
}

/** The model of `units/list.hbs`. */
export function unitsListModel(data: UnitsListData, page: PageContext, notice: string | null) {
  const t = page.texts.units;
  return {
    title: t.title,
    organisationName: page.user?.organisationName ?? '',
    intro: data.companyNames === null ? t.intro : t.publisherIntro,
    notice,
    organisationId: data.organisationId,
    isCompany: data.companyNames === null,
    canAdd: data.canAdd,
    addHref: pagePaths.newUnit(),
    showCompany: data.companyNames !== null,
    units: data.units.map((unit) => ({
      name: unit.name,
      href: pagePaths.unit(unit.id),
      company: data.companyNames?.get(unit.companyId) ?? '',
      profile: unitProfileView(unit.profile, page),
      actionLabel: data.canEdit ? t.edit : t.view,
    })),
  };
}

/** The id of a field's input (of its first choice, for a group of radio buttons). */
export const UNIT_FIELD_IDS: Readonly<Record<UnitField, string>> = {
  name: 'unit-name',
  industry: 'unit-industry',
  country: 'unit-country',
  customerType: `unit-customer-type-${CUSTOMER_TYPES[0]}`,
  sourcing: `unit-sourcing-${SOURCINGS[0]}`,
  agentFte: 'unit-agent-fte',
};

/** A unit form as sent from a stored unit: the agent FTE as the page's language writes it. */
export function postedFromUnit(unit: UnitDto, language: Language): PostedUnitForm {
  return {
    name: unit.name,
    industry: unit.profile.industry,
    country: unit.profile.country,
    customerType: unit.profile.customerType,
    sourcing: unit.profile.sourcing,
    agentFte: formatNumberInput(unit.profile.agentFte, language),
  };
}

/** An empty unit form. */
export const EMPTY_UNIT_FORM: PostedUnitForm = {
  name: '',
  industry: '',
  country: '',
  customerType: '',
  sourcing: '',
  agentFte: '',
};

/** Where the form goes and what its buttons say. */
export interface UnitFormTarget {
  action: string;
  submitLabel: string;
  cancelHref: string;
}

/** The model of the unit form of `units/unit.hbs`, for a unit to add or to edit. */
export function unitFormModel(
  posted: PostedUnitForm,
  errors: UnitFieldErrors,
  page: PageContext,
  target: UnitFormTarget,
  refusal: string | null = null,
) {
  const t = page.texts.units;
  const language = page.language;
  const field = (name: UnitField) => ({
    id: UNIT_FIELD_IDS[name],
    errorId: `unit-${name}-error`,
    value: posted[name],
    error: errors[name] ?? null,
  });
  const summary: FormError[] = [
    ...(refusal === null && Object.keys(errors).length === 0
      ? []
      : [{ field: null, message: refusal ?? t.errors.title }]),
    ...(Object.keys(UNIT_FIELD_IDS) as UnitField[])
      .filter((name) => errors[name] !== undefined)
      .map((name) => ({ field: UNIT_FIELD_IDS[name], message: errors[name] ?? '' })),
  ];
  return {
    ...target,
    errors: summary,
    name: field('name'),
    agentFte: field('agentFte'),
    industry: {
      ...field('industry'),
      options: INDUSTRIES.map((code) => ({
        value: code,
        label: INDUSTRY_LABELS[code][language],
        selected: code === posted.industry,
      })).sort((a, b) => a.label.localeCompare(b.label, language)),
    },
    country: {
      ...field('country'),
      options: COUNTRIES.map((code) => ({
        value: code,
        label: COUNTRY_LABELS[code][language],
        selected: code === posted.country,
      })),
    },
    customerType: {
      ...field('customerType'),
      options: CUSTOMER_TYPES.map((code) => ({
        value: code,
        id: `unit-customer-type-${code}`,
        label: t.customerTypes[code].label,
        hint: t.customerTypes[code].hint,
        checked: code === posted.customerType,
      })),
    },
    sourcing: {
      ...field('sourcing'),
      options: SOURCINGS.map((code) => ({
        value: code,
        id: `unit-sourcing-${code}`,
        label: t.sourcings[code].label,
        hint: t.sourcings[code].hint,
        checked: code === posted.sourcing,
      })),
    },
    sizeBands: SIZE_BANDS.map((band) => SIZE_BAND_LABELS[band][language]),
  };
}

/**
 * The model of `units/unit.hbs` for a unit to add: the form alone, empty or as sent with its
 * mistakes.
 */
export function newUnitModel(
  page: PageContext,
  posted: PostedUnitForm = EMPTY_UNIT_FORM,
  errors: UnitFieldErrors = {},
  refusal: string | null = null,
) {
  const t = page.texts.units;
  return {
    title: t.newTitle,
    unitsHref: pagePaths.units(),
    isNew: true,
    notice: null,
    companyName: null,
    profile: null,
    canEdit: true,
    form: unitFormModel(
      posted,
      errors,
      page,
      { action: pagePaths.units(), submitLabel: t.create, cancelHref: pagePaths.units() },
      refusal,
    ),
  };
}

/** What a unit's page shows besides the unit. */
export interface UnitPageState {
  /** Whether the caller may change this unit (a company's administrator or editor, its own). */
  canEdit: boolean;
  notice: string | null;
  /** A form sent with mistakes: shown again as sent. */
  posted?: PostedUnitForm;
  errors?: UnitFieldErrors;
  refusal?: string | null;
  /** The company's name, for a publisher's view. */
  companyName?: string | null;
}

/** The model of `units/unit.hbs` for a stored unit: its profile, and the form that edits it. */
export function unitPageModel(unit: UnitDto, page: PageContext, state: UnitPageState) {
  const t = page.texts.units;
  return {
    title: fill(t.unitTitle, { name: unit.name }),
    unitsHref: pagePaths.units(),
    isNew: false,
    notice: state.notice,
    companyName: state.companyName ?? null,
    profile: unitProfileView(unit.profile, page),
    canEdit: state.canEdit,
    form: state.canEdit
      ? unitFormModel(
          state.posted ?? postedFromUnit(unit, page.language),
          state.errors ?? {},
          page,
          { action: pagePaths.unit(unit.id), submitLabel: t.save, cancelHref: pagePaths.units() },
          state.refusal ?? null,
        )
      : null,
  };
}
