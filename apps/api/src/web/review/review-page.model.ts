import type { CatalogueDefinition } from '@app/domain';
import type { CycleDto, ParticipationDto, StudyDto } from '../../studies/dto/study.dto';
import type { SubmissionDto } from '../../submissions/dto/submission.dto';
import type { UnitDto } from '../../units/dto/unit.dto';
import { submissionCounts } from '../cycles/cycles-page.model';
import { FormError, formErrorsOf, FormRefusal } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';
import type { ReviewFilter } from './dto/review-forms.dto';

/** What the review queue shows: a cycle's submissions, unit by unit. */
export interface ReviewPageData {
  cycle: CycleDto;
  study: StudyDto;
  submissions: SubmissionDto[];
  units: UnitDto[];
  participations: ParticipationDto[];
  /** The study's catalogue definition, for the KPI labels of the warnings. */
  catalogue: Record<string, unknown>;
}

/** A review form that comes back: the unit, its comment as typed, and why it was refused. */
export interface ReviewForm {
  unitId: string;
  comment: string;
  /** A mistake of the comment field (empty, too long). */
  error: string | null;
  refusal: FormRefusal | null;
}

/** What the page says after a review moved a submission on. */
export interface ReviewNotice {
  unitId: string;
  outcome: 'accepted' | 'returned';
}

/** The id of a unit's return comment field. */
export const returnCommentId = (unitId: string): string => `return-comment-${unitId}`;

function kpiLabels(catalogue: Record<string, unknown>, language: 'de' | 'en'): Map<string, string> {
  const items = (catalogue as unknown as Partial<CatalogueDefinition>).items ?? [];
  return new Map(items.map((item) => [item.key, item.label[language]]));
}

/** The model of `review/queue.hbs`. */
export function reviewPageModel(
  data: ReviewPageData,
  page: PageContext,
  filter: ReviewFilter,
  options: { form?: ReviewForm; notice?: ReviewNotice } = {},
) {
  const t = page.texts.review;
  const { cycle } = data;
  const open = cycle.state === 'open';
  const labels = kpiLabels(data.catalogue, page.language);
  const companies = new Map(data.participations.map((p) => [p.companyId, p.companyName]));
  const submissionOf = new Map(data.submissions.map((s) => [s.unitId, s]));
  const unitName = new Map(data.units.map((u) => [u.id, u.name]));
  const entries = data.units
    .map((unit) => ({ unit, submission: submissionOf.get(unit.id) ?? null }))
    .filter(({ submission }) =>
      filter === 'all' ? true : (submission?.state ?? 'none') === filter,
    )
    .sort(
      (a, b) =>
        (a.submission?.submittedAt ?? '').localeCompare(b.submission?.submittedAt ?? '') ||
        a.unit.name.localeCompare(b.unit.name),
    );
  const counts = submissionCounts(data.submissions, data.units.length);
  const form = options.form ?? null;
  const errors: FormError[] = [];
  if (form?.error) {
    errors.push({ field: returnCommentId(form.unitId), message: form.error });
  }
  errors.push(...formErrorsOf(form?.refusal ?? null));
  const notice = options.notice
    ? fill(options.notice.outcome === 'accepted' ? t.accepted : t.returned, {
        unit: unitName.get(options.notice.unitId) ?? '',
      })
    : null;
  return {
    title: fill(t.title, { year: cycle.year }),
    cycleHref: pagePaths.cycle(cycle.id),
    backLabel: fill(t.backToCycle, { year: cycle.year }),
    studyName: data.study.name,
    open,
    notice,
    errors,
    filters: [
      ...counts.map((c) => ({
        label: fill(t.filterEntry, {
          label: page.texts.common.submissionState[c.state],
          count: c.count,
        }),
        href: `${pagePaths.review(cycle.id)}?state=${c.state}`,
        current: filter === c.state,
      })),
      {
        label: fill(t.filterEntry, { label: t.all, count: data.units.length }),
        href: `${pagePaths.review(cycle.id)}?state=all`,
        current: filter === 'all',
      },
    ],
    entries: entries.map(({ unit, submission }) => {
      const mine = form?.unitId === unit.id ? form : null;
      const warnings = submission?.warnings ?? [];
      return {
        anchor: `unit-${unit.id}`,
        unitName: unit.name,
        company: fill(t.company, { name: companies.get(unit.companyId) ?? '' }),
        state: submission?.state ?? 'none',
        submittedAt: submission?.submittedAt ?? null,
        updatedAt: submission?.updatedAt ?? null,
        submissionHref: pagePaths.submission(cycle.id, unit.id),
        hasSubmission: submission !== null,
        warningsHeading: fill(t.warnings, { count: warnings.length }),
        warnings: warnings.map((w) => ({
          label: labels.get(w.key) ?? w.key,
          message: w.message,
          comment: w.comment,
        })),
        returnComment: submission?.returnComment ?? null,
        reviewable: open && submission?.state === 'submitted',
        acceptAction: pagePaths.reviewAccept(cycle.id, unit.id),
        returnAction: pagePaths.reviewReturn(cycle.id, unit.id),
        comment: {
          id: returnCommentId(unit.id),
          hintId: `${returnCommentId(unit.id)}-hint`,
          errorId: `${returnCommentId(unit.id)}-error`,
          value: mine?.comment ?? '',
          error: mine?.error ?? null,
        },
      };
    }),
  };
}
