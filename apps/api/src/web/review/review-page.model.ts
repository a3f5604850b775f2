import {
  REVIEW_SORTS,
  REVIEW_STATES,
  ReviewQueueQuery,
  WARNING_KINDS,
  warningKind,
} from '@app/domain';
import type { CycleDto, StudyDto } from '../../studies/dto/study.dto';
import type {
  ReviewComparisonDto,
  ReviewQueueDto,
  ReviewQueueItemDto,
} from '../../submissions/dto/review-queue.dto';
import { FormError, formErrorsOf, FormRefusal } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

/** A review form that comes back: the unit, its comment as typed, and why it was refused. */
export interface ReviewForm {
  unitId: string;
  comment: string;
  /** A mistake of the comment field (empty, too long). */
  error: string | null;
  refusal: FormRefusal | null;
}

/** What the queue says after a review moved submissions on. */
export type ReviewNotice =
  | { outcome: 'accepted' | 'returned'; unitName: string }
  | { outcome: 'bulkAccepted'; count: number };

/** The id of a unit's return comment field. */
export const returnCommentId = (unitId: string): string => `return-comment-${unitId}`;

/** The value of a unit's checkbox in the bulk accept: the unit and the version seen. */
export const selectedUnit = (item: Pick<ReviewQueueItemDto, 'unitId' | 'version'>): string =>
  `${item.unitId}:${item.version}`;

/** The number of page links either side of the current page. */
const PAGE_LINKS_AROUND = 2;

/**
 * The query string of the queue with its filters, sort and page: only what differs from the
 * defaults, so that links stay short and every link of the page keeps the filters.
 */
export function reviewQueryString(query: ReviewQueueQuery, defaultState: string): string {
  const params = new URLSearchParams();
  const add = (name: string, value: string | number | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== '' && value !== fallback) {
      params.set(name, String(value));
    }
  };
  add('state', query.state, defaultState);
  add('company', query.company);
  add('minWarnings', query.minWarnings);
  add('maxWarnings', query.maxWarnings);
  add('warningKind', query.warningKind);
  add('minAgeDays', query.minAgeDays);
  add('maxAgeDays', query.maxAgeDays);
  add('sort', query.sort, 'submitted');
  add('pageSize', query.pageSize, 50);
  add('page', query.page, 1);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The review queue's state shown when the query names none: the queue proper while open. */
export const defaultReviewState = (cycle: Pick<CycleDto, 'state'>): 'submitted' | 'all' =>
  cycle.state === 'open' ? 'submitted' : 'all';

function noticeText(notice: ReviewNotice | undefined, page: PageContext): string | null {
  const t = page.texts.review;
  if (!notice) {
    return null;
  }
  if (notice.outcome === 'bulkAccepted') {
    return fill(t.bulkAccepted, { count: notice.count });
  }
  return fill(notice.outcome === 'accepted' ? t.accepted : t.returned, { unit: notice.unitName });
}

/** What `review/queue.hbs` is made from. */
export interface ReviewPageData {
  cycle: CycleDto;
  study: StudyDto;
  queue: ReviewQueueDto;
}

/** The model of `review/queue.hbs`: the counts, the filter form, a page of units, paging. */
export function reviewPageModel(
  data: ReviewPageData,
  page: PageContext,
  query: ReviewQueueQuery,
  options: { notice?: ReviewNotice; selectPage?: boolean } = {},
) {
  const t = page.texts.review;
  const { cycle, queue } = data;
  const open = cycle.state === 'open';
  const fallback = defaultReviewState(cycle);
  const base = pagePaths.review(cycle.id);
  const href = (changes: Partial<ReviewQueueQuery>) =>
    `${base}${reviewQueryString({ ...query, page: 1, ...changes }, fallback)}`;
  const all = queue.counts.reduce((sum, c) => sum + c.count, 0);
  const first = queue.items.length === 0 ? 0 : (queue.page - 1) * queue.pageSize + 1;
  const last = queue.items.length === 0 ? 0 : first + queue.items.length - 1;
  const pageNumbers = new Set([1, queue.pages]);
  for (let p = queue.page - PAGE_LINKS_AROUND; p <= queue.page + PAGE_LINKS_AROUND; p++) {
    if (p >= 1 && p <= queue.pages) {
      pageNumbers.add(p);
    }
  }
  const bulkable = open ? queue.items.filter((item) => item.bulkAcceptable) : [];
  const here = reviewQueryString(query, fallback);
  return {
    title: fill(t.title, { year: cycle.year }),
    cycleHref: pagePaths.cycle(cycle.id),
    backLabel: fill(t.backToCycle, { year: cycle.year }),
    studyName: data.study.name,
    open,
    notice: noticeText(options.notice, page),
    filters: [
      ...queue.counts.map((c) => ({
        label: fill(t.filterEntry, {
          label: page.texts.common.submissionState[c.state],
          count: c.count,
        }),
        href: href({ state: c.state }),
        current: query.state === c.state,
      })),
      {
        label: fill(t.filterEntry, { label: t.all, count: all }),
        href: href({ state: 'all' }),
        current: query.state === 'all',
      },
    ],
    form: {
      action: base,
      states: REVIEW_STATES.map((state) => ({
        value: state,
        label: state === 'all' ? t.all : page.texts.common.submissionState[state],
        selected: query.state === state,
      })),
      company: query.company ?? '',
      minWarnings: query.minWarnings ?? '',
      maxWarnings: query.maxWarnings ?? '',
      kinds: WARNING_KINDS.map((kind) => ({
        value: kind,
        label: t.warningKind[kind],
        selected: query.warningKind === kind,
      })),
      minAgeDays: query.minAgeDays ?? '',
      maxAgeDays: query.maxAgeDays ?? '',
      sorts: REVIEW_SORTS.map((sort) => ({
        value: sort,
        label: t.sort[sort],
        selected: query.sort === sort,
      })),
      pageSize: query.pageSize,
      resetHref: base,
    },
    caption: fill(t.tableCaption, { year: cycle.year }),
    showing: fill(t.showing, { from: first, to: last, total: queue.total }),
    rows: queue.items.map((item) => ({
      anchor: `unit-${item.unitId}`,
      unitName: item.unitName,
      companyName: item.companyName,
      state: item.state,
      warningCount: item.warnings.length,
      warningKinds: [...new Set(item.warnings.map((w) => t.warningKind[warningKind(w)]))].join(
        ', ',
      ),
      submittedAt: item.submittedAt,
      age: item.ageDays === null ? null : fill(t.ageDays, { days: item.ageDays }),
      href: `${pagePaths.reviewUnit(cycle.id, item.unitId)}${here}`,
      selectable: open && item.bulkAcceptable,
      select: {
        id: `select-${item.unitId}`,
        value: selectedUnit(item),
        label: fill(t.selectLabel, { unit: item.unitName }),
        checked: options.selectPage === true,
      },
    })),
    bulk: {
      shown: bulkable.length > 0,
      action: pagePaths.reviewBulkAccept(cycle.id),
      selectPageHref: `${base}${reviewQueryString(query, fallback)}${here === '' ? '?' : '&'}select=page`,
      hidden: hiddenFields(query, fallback),
    },
    pagination: {
      shown: queue.pages > 1,
      previous: queue.page > 1 ? href({ page: queue.page - 1 }) : null,
      next: queue.page < queue.pages ? href({ page: queue.page + 1 }) : null,
      pages: [...pageNumbers]
        .sort((a, b) => a - b)
        .map((p, i, list) => ({
          label: fill(t.pageLink, { page: p }),
          number: p,
          href: href({ page: p }),
          current: p === queue.page,
          gapBefore: i > 0 && p - list[i - 1] > 1,
        })),
    },
  };
}

/** The queue's query as hidden inputs of a form that leads back to it. */
function hiddenFields(
  query: ReviewQueueQuery,
  fallback: string,
): { name: string; value: string }[] {
  return [...new URLSearchParams(reviewQueryString(query, fallback).slice(1)).entries()].map(
    ([name, value]) => ({ name, value }),
  );
}

/** What `review/unit.hbs` is made from. */
export interface ReviewUnitData {
  cycle: CycleDto;
  study: StudyDto;
  comparison: ReviewComparisonDto;
}

/**
 * The model of `review/unit.hbs`: one submission with its warnings and the company's comments,
 * its values beside the previous year and the quartiles, and the accept and return forms.
 */
export function reviewUnitPageModel(
  data: ReviewUnitData,
  page: PageContext,
  query: ReviewQueueQuery,
  form: ReviewForm | null = null,
) {
  const t = page.texts.review;
  const { cycle, comparison } = data;
  const { item } = comparison;
  const back = reviewQueryString(query, defaultReviewState(cycle));
  const errors: FormError[] = [];
  if (form?.error) {
    errors.push({ field: returnCommentId(item.unitId), message: form.error });
  }
  errors.push(...formErrorsOf(form?.refusal ?? null));
  return {
    title: fill(t.unitTitle, { unit: item.unitName }),
    queueHref: `${pagePaths.review(cycle.id)}${back}`,
    backLabel: fill(t.backToQueue, { year: cycle.year }),
    studyName: data.study.name,
    errors,
    anchor: `unit-${item.unitId}`,
    unitName: item.unitName,
    company: fill(t.company, { name: item.companyName }),
    state: item.state,
    submittedAt: item.submittedAt,
    updatedAt: item.updatedAt,
    submissionHref: pagePaths.submission(cycle.id, item.unitId),
    hasSubmission: item.submissionId !== null,
    warningsHeading: fill(t.warnings, { count: item.warnings.length }),
    warnings: item.warnings.map((w) => ({
      label: comparison.rows.find((r) => r.key === w.key)?.label ?? w.key,
      message: w.message,
      comment: w.comment,
    })),
    returnComment: item.returnComment,
    reviewable: cycle.state === 'open' && item.state === 'submitted',
    acceptAction: `${pagePaths.reviewAccept(cycle.id, item.unitId)}${back}`,
    returnAction: `${pagePaths.reviewReturn(cycle.id, item.unitId)}${back}`,
    comment: {
      id: returnCommentId(item.unitId),
      hintId: `${returnCommentId(item.unitId)}-hint`,
      errorId: `${returnCommentId(item.unitId)}-error`,
      value: form?.comment ?? '',
      error: form?.error ?? null,
    },
    compare: {
      previousHeading:
        comparison.previousYear === null
          ? t.noPreviousYear
          : fill(t.previousYear, { year: comparison.previousYear }),
      previousYear: comparison.previousYear,
      source:
        comparison.benchmarkYear === null
          ? t.noQuartiles
          : fill(t.quartilesSource, { year: comparison.benchmarkYear }),
      rows: comparison.rows.map((r) => ({
        label: r.label,
        unit: r.unit,
        value: r.value,
        previous: r.previous,
        p25: r.p25,
        median: r.median,
        p75: r.p75,
        warned: r.warnings > 0,
      })),
    },
  };
}

/** What `review/confirm.hbs` is made from. */
export interface BulkConfirmData {
  cycle: CycleDto;
  study: StudyDto;
  /** The selected units that may be accepted in bulk now, with the versions seen now. */
  eligible: ReviewQueueItemDto[];
  /** How many units were selected. */
  selected: number;
}

/** The model of `review/confirm.hbs`: how many and which, and the form that accepts them. */
export function bulkConfirmModel(
  data: BulkConfirmData,
  page: PageContext,
  query: ReviewQueueQuery,
  refusal: FormRefusal | null = null,
) {
  const t = page.texts.review;
  const { cycle } = data;
  const back = reviewQueryString(query, defaultReviewState(cycle));
  const left = data.selected - data.eligible.length;
  return {
    title: fill(t.confirmTitle, { year: cycle.year }),
    queueHref: `${pagePaths.review(cycle.id)}${back}`,
    backLabel: fill(t.backToQueue, { year: cycle.year }),
    studyName: data.study.name,
    // Every submission that refused the accept, by name: the person sees which changed.
    errors: [
      ...formErrorsOf(refusal),
      ...(refusal?.problems ?? []).map((p) => ({ field: null, message: p.message })),
    ],
    count: data.eligible.length,
    lead: fill(t.confirmLead, { count: data.eligible.length }),
    notEligible: left > 0 ? fill(t.confirmNotEligible, { count: left }) : null,
    units: data.eligible.map((item) => ({
      unitName: item.unitName,
      companyName: item.companyName,
      submittedAt: item.submittedAt,
      value: selectedUnit(item),
    })),
    action: `${pagePaths.reviewBulkAccept(cycle.id)}${back}`,
    submit: fill(t.confirmSubmit, { count: data.eligible.length }),
  };
}
