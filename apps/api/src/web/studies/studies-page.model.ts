import {
  DEFAULT_DISCLOSURE_POLICY,
  disclosurePolicyOf,
  PROFILE_DIMENSION_LABELS,
  PROFILE_DIMENSIONS,
  type DisclosurePolicy,
  type ProfileDimension,
} from '@app/domain';
import { formatDate } from '@app/reporting';
import { LANGUAGES, type Language } from '../../common/request-context';
import type { CatalogueVersionDto, ParticipationDto, StudyDto } from '../../studies/dto/study.dto';
import type { UnitDto } from '../../units/dto/unit.dto';
import { FormError, formErrorsOf, FormRefusal } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { unitProfileView } from '../units/units-page.model';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

const newestFirst = (a: { year: number }, b: { year: number }): number => b.year - a.year;

/** What the study pages say after a form went through (`?notice=`). */
export const STUDY_NOTICES = ['created', 'saved', 'enrolled', 'withdrawn'] as const;
export type StudyNotice = (typeof STUDY_NOTICES)[number];

/** The notice of a `?notice=` query value; none for anything else. */
export function studyNoticeOf(value: unknown, page: PageContext): string | null {
  return typeof value === 'string' && (STUDY_NOTICES as readonly string[]).includes(value)
    ? page.texts.studies.notices[value as StudyNotice]
    : null;
}

/** The catalogue versions, the latest first: the newest stored, then the highest version. */
export function latestFirst(versions: readonly CatalogueVersionDto[]): CatalogueVersionDto[] {
  return [...versions].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version,
  );
}

/** A catalogue version as a person tells it apart: key, version and the day it was stored. */
function catalogueLabel(version: CatalogueVersionDto, page: PageContext): string {
  return fill(page.texts.studies.newStudy.catalogueOption, {
    key: version.key,
    version: version.version,
    date: formatDate(new Date(version.createdAt), page.language),
  });
}

/** A disclosure policy in words: each rule with its value and what it does. */
export function policyFacts(policy: DisclosurePolicy, page: PageContext) {
  const t = page.texts.studies.policy;
  const method = t.quantileMethod[policy.quantileMethod];
  return {
    facts: [
      {
        term: t.minN.term,
        value: fill(t.minN.value, { n: policy.minN }),
        meaning: t.minN.meaning,
      },
      {
        term: t.minNTails.term,
        value: fill(t.minNTails.value, { n: policy.minNTails }),
        meaning: t.minNTails.meaning,
      },
      {
        term: t.pPercent.term,
        value: fill(t.pPercent.value, { p: policy.pPercent }),
        meaning: fill(t.pPercent.meaning, { p: policy.pPercent }),
      },
      {
        term: t.maxWeightShare.term,
        value: fill(t.maxWeightShare.value, { p: policy.maxWeightSharePercent }),
        meaning: fill(t.maxWeightShare.meaning, { p: policy.maxWeightSharePercent }),
      },
      { term: t.quantileMethod.term, value: method.value, meaning: method.meaning },
      {
        term: t.minNQuantiles.term,
        value: fill(t.minNQuantiles.value, { n: policy.minNQuantiles }),
        meaning: t.minNQuantiles.meaning,
      },
      {
        term: t.foldBelowN.term,
        value: fill(t.foldBelowN.value, { n: policy.foldBelowN }),
        meaning: t.foldBelowN.meaning,
      },
      {
        term: t.maxCustomGroups.term,
        value: fill(t.maxCustomGroups.value, { n: policy.maxCustomGroupsPerParticipant }),
        meaning: t.maxCustomGroups.meaning,
      },
    ],
    always: fill(t.always, { n: policy.minN }),
  };
}

/** Language checkboxes of a form: `<prefix>-de`, `<prefix>-en`. */
function languageChoices(prefix: string, checked: readonly string[], page: PageContext) {
  return LANGUAGES.map((code: Language) => ({
    code,
    id: `${prefix}-${code}`,
    label: page.texts.common.languageNames[code],
    checked: checked.includes(code),
  }));
}

/** A form's mistakes for the `form-errors` summary: the refusal first, then each field's. */
function summaryOf(
  title: string | null,
  fields: ReadonlyArray<{ id: string; error: string | undefined }>,
  refusal: FormRefusal | null,
  refusalField: string | null = null,
): FormError[] {
  if (refusal !== null) {
    return formErrorsOf(refusal, refusalField);
  }
  const errors = fields.filter((f) => f.error !== undefined);
  if (errors.length === 0) {
    return [];
  }
  return [
    ...(title === null ? [] : [{ field: null, message: title }]),
    ...errors.map((f) => ({ field: f.id, message: f.error ?? '' })),
  ];
}

/** The new-study form as sent, to show again with its mistakes. */
export interface NewStudyForm {
  name: string;
  catalogueVersionId: string;
  languages: readonly string[];
  peerGroupDimensions: readonly string[];
  errors: { name?: string; catalogueVersionId?: string; languages?: string };
  refusal: FormRefusal | null;
}

/** The ids of the new-study form's fields (of the first checkbox, for a group). */
export const NEW_STUDY_FIELD_IDS = {
  name: 'study-name',
  catalogueVersionId: 'study-catalogue',
  languages: 'study-language-de',
} as const;

/** What the list of studies shows besides the studies. */
export interface StudiesListData {
  /** The publisher's catalogue versions, for the new-study form. */
  catalogueVersions: CatalogueVersionDto[];
  /** Whether the caller may create studies (publisher administrators). */
  canAdminister: boolean;
}

/** The model of `studies/list.hbs`: the studies, and the form that creates one. */
export function studiesListModel(
  studies: StudyDto[],
  page: PageContext,
  data: StudiesListData = { catalogueVersions: [], canAdminister: false },
  form?: NewStudyForm,
) {
  const t = page.texts.studies;
  const versions = latestFirst(data.catalogueVersions);
  const sent: NewStudyForm = form ?? {
    name: '',
    catalogueVersionId: versions[0]?.id ?? '',
    languages: [...LANGUAGES],
    peerGroupDimensions: [...PROFILE_DIMENSIONS],
    errors: {},
    refusal: null,
  };
  const field = (name: keyof NewStudyForm['errors']) => ({
    id: NEW_STUDY_FIELD_IDS[name],
    errorId: `${NEW_STUDY_FIELD_IDS[name]}-error`,
    error: sent.errors[name] ?? null,
  });
  return {
    title: t.title,
    organisationName: page.user?.organisationName ?? '',
    studies: studies.map((study) => {
      const latest = [...study.cycles].sort(newestFirst)[0] ?? null;
      return {
        name: study.name,
        href: pagePaths.study(study.id),
        cycles: study.cycles.length,
        latest:
          latest === null
            ? null
            : { year: latest.year, state: latest.state, href: pagePaths.cycle(latest.id) },
      };
    }),
    canAdminister: data.canAdminister,
    newStudy: {
      action: pagePaths.studies(),
      hasCatalogue: versions.length > 0,
      errors: summaryOf(
        t.newStudy.refused,
        (Object.keys(NEW_STUDY_FIELD_IDS) as (keyof NewStudyForm['errors'])[]).map((name) => ({
          id: NEW_STUDY_FIELD_IDS[name],
          error: sent.errors[name],
        })),
        sent.refusal,
      ),
      name: { ...field('name'), value: sent.name },
      catalogue: {
        ...field('catalogueVersionId'),
        options: versions.map((version) => ({
          value: version.id,
          label: catalogueLabel(version, page),
          selected: version.id === sent.catalogueVersionId,
        })),
      },
      languages: {
        ...field('languages'),
        options: languageChoices('study-language', sent.languages, page),
      },
      dimensions: PROFILE_DIMENSIONS.map((dimension) => ({
        value: dimension,
        id: `study-dimension-${dimension}`,
        label: PROFILE_DIMENSION_LABELS[dimension][page.language],
        checked: sent.peerGroupDimensions.includes(dimension),
      })),
      policy: policyFacts(DEFAULT_DISCLOSURE_POLICY, page),
    },
  };
}

/** What the forms of the study page show again after a refusal. */
export interface StudyForms {
  newCycle?: { year: string; error: string | null; refusal: FormRefusal | null };
  trend?: { language: 'de' | 'en'; refusal: FormRefusal | null };
  settings?: {
    name: string;
    languages: readonly string[];
    errors: { name?: string; languages?: string };
    refusal: FormRefusal | null;
  };
  enrol?: {
    companyId: string;
    companyIdTyped: string;
    errors: { companyId?: string; companyIdTyped?: string };
    refusal: FormRefusal | null;
  };
}

/** The ids of the settings and enrol forms' fields. */
export const STUDY_FIELD_IDS = {
  settingsName: 'settings-name',
  settingsLanguages: 'settings-language-de',
  enrolCompany: 'enrol-company',
  enrolCompanyId: 'enrol-company-id',
} as const;

/** What the study page shows: the study with its cycles, participants and their units. */
export interface StudyPageData {
  study: StudyDto;
  participations: ParticipationDto[];
  units: UnitDto[];
  /** Whether the caller may open cycles, change settings, enrol and withdraw (administrators). */
  canAdminister: boolean;
  /** The publisher's catalogue versions (to name the study's). */
  catalogueVersions: CatalogueVersionDto[];
  /** Companies the publisher sees that do not take part in this study yet. */
  enrollable: { id: string; name: string }[];
  notice: string | null;
}

/** The model of `studies/study.hbs`. */
export function studyPageModel(data: StudyPageData, page: PageContext, forms: StudyForms = {}) {
  const t = page.texts.studies;
  const { study } = data;
  const language = page.language;
  const unitsOf = new Map<string, UnitDto[]>();
  for (const unit of data.units) {
    unitsOf.set(unit.companyId, [...(unitsOf.get(unit.companyId) ?? []), unit]);
  }
  const companyName = new Map(data.participations.map((p) => [p.companyId, p.companyName]));
  const cycles = [...study.cycles].sort(newestFirst);
  const published = cycles.filter((c) => c.state === 'published').length;
  const nextYear = cycles.length > 0 ? cycles[0].year + 1 : new Date().getUTCFullYear();
  const newCycle = forms.newCycle ?? { year: String(nextYear), error: null, refusal: null };
  const trend = forms.trend ?? { language, refusal: null };
  const settings = forms.settings ?? {
    name: study.name,
    languages: study.languages,
    errors: {},
    refusal: null,
  };
  const sentEnrol = forms.enrol ?? {
    companyId: '',
    companyIdTyped: '',
    errors: {},
    refusal: null,
  };
  // Without a known company to choose, "choose one" belongs at the id field, the only one.
  const enrol =
    data.enrollable.length === 0 && sentEnrol.errors.companyId !== undefined
      ? {
          ...sentEnrol,
          errors: { companyIdTyped: sentEnrol.errors.companyIdTyped ?? sentEnrol.errors.companyId },
        }
      : sentEnrol;
  const catalogue = data.catalogueVersions.find((v) => v.id === study.catalogueVersionId);
  const dimensionNames = (dimensions: readonly ProfileDimension[]): string =>
    dimensions.map((d) => PROFILE_DIMENSION_LABELS[d][language]).join(', ');
  return {
    title: study.name,
    studiesHref: pagePaths.studies(),
    notice: data.notice,
    languages: fill(t.languages, {
      languages: study.languages.map((l) => page.texts.common.languageNames[l]).join(', '),
    }),
    participantsSummary: fill(t.participantsSummary, {
      companies: data.participations.length,
      units: data.units.length,
    }),
    canAdminister: data.canAdminister,
    cycles: cycles.map((cycle) => ({
      year: cycle.year,
      state: cycle.state,
      href: pagePaths.cycle(cycle.id),
      reviewHref: pagePaths.review(cycle.id),
    })),
    newCycle: {
      action: pagePaths.studyCycles(study.id),
      year: newCycle.year,
      error: newCycle.error,
      errors: newCycle.error
        ? [{ field: 'year', message: newCycle.error }]
        : formErrorsOf(newCycle.refusal, 'year'),
    },
    companies: data.participations.map((p) => ({
      name: p.companyName,
      units: (unitsOf.get(p.companyId) ?? []).length,
      enrolledAt: p.createdAt,
      withdrawHref: pagePaths.participationWithdraw(study.id, p.id),
      withdrawLabel: fill(t.withdraw.linkLabel, { company: p.companyName }),
    })),
    enrol: {
      action: pagePaths.studyParticipations(study.id),
      errors: summaryOf(
        t.enrol.refused,
        [
          { id: STUDY_FIELD_IDS.enrolCompany, error: enrol.errors.companyId },
          { id: STUDY_FIELD_IDS.enrolCompanyId, error: enrol.errors.companyIdTyped },
        ],
        enrol.refusal,
        STUDY_FIELD_IDS.enrolCompanyId,
      ),
      company: {
        id: STUDY_FIELD_IDS.enrolCompany,
        errorId: `${STUDY_FIELD_IDS.enrolCompany}-error`,
        error: enrol.errors.companyId ?? null,
        options: data.enrollable.map((company) => ({
          value: company.id,
          label: company.name,
          selected: company.id === enrol.companyId,
        })),
      },
      companyId: {
        id: STUDY_FIELD_IDS.enrolCompanyId,
        errorId: `${STUDY_FIELD_IDS.enrolCompanyId}-error`,
        error: enrol.errors.companyIdTyped ?? null,
        value: enrol.companyIdTyped,
        label: data.enrollable.length === 0 ? t.enrol.companyIdOnly : t.enrol.companyId,
      },
    },
    dimensions: PROFILE_DIMENSIONS.map((d) => PROFILE_DIMENSION_LABELS[d][language]),
    units: data.units.map((unit) => {
      const profile = unitProfileView(unit.profile, page);
      return {
        name: unit.name,
        href: pagePaths.unit(unit.id),
        company: companyName.get(unit.companyId) ?? '',
        profile: PROFILE_DIMENSIONS.map((d) => profile[d]),
        agentFte: unit.profile.agentFte,
      };
    }),
    settings: {
      action: pagePaths.study(study.id),
      errors: summaryOf(
        t.settings.refused,
        [
          { id: STUDY_FIELD_IDS.settingsName, error: settings.errors.name },
          { id: STUDY_FIELD_IDS.settingsLanguages, error: settings.errors.languages },
        ],
        settings.refusal,
        STUDY_FIELD_IDS.settingsName,
      ),
      name: {
        id: STUDY_FIELD_IDS.settingsName,
        errorId: `${STUDY_FIELD_IDS.settingsName}-error`,
        error: settings.errors.name ?? null,
        value: settings.name,
      },
      languages: {
        id: STUDY_FIELD_IDS.settingsLanguages,
        errorId: 'settings-languages-error',
        error: settings.errors.languages ?? null,
        options: languageChoices('settings-language', settings.languages, page),
      },
      catalogue:
        catalogue === undefined ? study.catalogueVersionId : catalogueLabel(catalogue, page),
      dimensions: dimensionNames(study.peerGroupDimensions),
      policy: policyFacts(disclosurePolicyOf(study.disclosurePolicy), page),
    },
    trend: {
      action: pagePaths.studyTrendReports(study.id),
      available: published >= 2,
      languages: study.languages.map((code) => ({
        code,
        label: page.texts.common.languageNames[code],
        checked: code === trend.language,
      })),
      errors: formErrorsOf(trend.refusal),
    },
  };
}

/** The model of `studies/withdraw.hbs`: the confirm step of a withdrawal. */
export function withdrawModel(study: StudyDto, participation: ParticipationDto, page: PageContext) {
  const t = page.texts.studies.withdraw;
  return {
    title: fill(t.title, { company: participation.companyName }),
    lead: fill(t.lead, { study: study.name }),
    studiesHref: pagePaths.studies(),
    studyHref: pagePaths.study(study.id),
    studyName: study.name,
    action: pagePaths.participationWithdraw(study.id, participation.id),
  };
}
