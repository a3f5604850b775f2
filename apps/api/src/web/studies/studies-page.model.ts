import { PROFILE_DIMENSION_LABELS, PROFILE_DIMENSIONS } from '@app/domain';
import type { ParticipationDto, StudyDto } from '../../studies/dto/study.dto';
import type { UnitDto } from '../../units/dto/unit.dto';
import { formErrorsOf, FormRefusal } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

const newestFirst = (a: { year: number }, b: { year: number }): number => b.year - a.year;

/** The model of `studies/list.hbs`. */
export function studiesListModel(studies: StudyDto[], page: PageContext) {
  const t = page.texts.studies;
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
  };
}

/** What the forms of the study page show again after a refusal. */
export interface StudyForms {
  newCycle?: { year: string; error: string | null; refusal: FormRefusal | null };
  trend?: { language: 'de' | 'en'; refusal: FormRefusal | null };
}

/** What the study page shows: the study with its cycles, participants and their units. */
export interface StudyPageData {
  study: StudyDto;
  participations: ParticipationDto[];
  units: UnitDto[];
  /** Whether the caller may open cycles (publisher administrators). */
  canAdminister: boolean;
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
  return {
    title: study.name,
    studiesHref: pagePaths.studies(),
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
    })),
    dimensions: PROFILE_DIMENSIONS.map((d) => PROFILE_DIMENSION_LABELS[d][language]),
    units: data.units.map((unit) => ({
      name: unit.name,
      company: companyName.get(unit.companyId) ?? '',
      profile: PROFILE_DIMENSIONS.map((d) => unit.profile[d]),
      agentFte: unit.profile.agentFte,
    })),
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
