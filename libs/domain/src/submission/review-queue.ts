import {
  DomainError,
  DomainErrorCode,
  LocalizedMessage,
  LocalizedProblem,
} from '../errors/domain-error';
import type { SubmissionState } from '../study/submission-state';
import { BULK_ACCEPT_TEXTS as T } from './review-queue.texts';
import { CROSS_FIELD_RULE_PREFIX, SubmissionWarning } from './submission-warning';

/** The states the review queue filters by: a submission's, `none` (no data yet) or `all`. */
export const REVIEW_STATES = ['submitted', 'returned', 'accepted', 'draft', 'none', 'all'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * The kinds of plausibility warning, by the rule that raised it: a jump against the unit's
 * previous cycle, a value outside the previous benchmark's quartile range, or one of the
 * catalogue's cross-field rules (`rule:<id>`).
 */
export const WARNING_KINDS = [
  'previous_cycle_deviation',
  'benchmark_range',
  'cross_field',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** The kind of a stored warning. */
export function warningKind(warning: Pick<SubmissionWarning, 'rule'>): WarningKind {
  if (warning.rule.startsWith(CROSS_FIELD_RULE_PREFIX)) {
    return 'cross_field';
  }
  return warning.rule === 'benchmark_range' ? 'benchmark_range' : 'previous_cycle_deviation';
}

/**
 * What the queue sorts by; a leading `-` turns the order round. `submitted`: the time of
 * submitting (oldest first is the longest waiting); `warnings`: their number.
 */
export const REVIEW_SORTS = [
  'submitted',
  '-submitted',
  'updated',
  '-updated',
  'warnings',
  '-warnings',
  'company',
  '-company',
  'unit',
  '-unit',
] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const REVIEW_PAGE_SIZE = 50;
export const MAX_REVIEW_PAGE_SIZE = 200;
/** The most submissions one bulk accept takes: the largest study's units. */
export const MAX_BULK_ACCEPT = 2000;

/** One page of the review queue of a cycle, filtered and sorted in the database. */
export interface ReviewQueueQuery {
  state: ReviewState;
  /** Only these units (the confirm step of a bulk accept, one unit beside its peers). */
  unitIds?: readonly string[];
  /** Only units whose company's name contains this (case-insensitive). */
  company?: string;
  /** Only submissions with at least / at most this many warnings. */
  minWarnings?: number;
  maxWarnings?: number;
  /** Only submissions with a warning of this kind. */
  warningKind?: WarningKind;
  /** Only submissions submitted at least / at most this many whole days ago. */
  minAgeDays?: number;
  maxAgeDays?: number;
  sort: ReviewSort;
  /** From 1. */
  page: number;
  pageSize: number;
}

/** A submission as a bulk accept sees it: its unit, state, version and warnings. */
export interface BulkAcceptCandidate {
  unitId: string;
  state: SubmissionState | 'none';
  version: number;
  warningCount: number;
}

/**
 * Whether the publisher may accept a submission without looking at it on its own: it is
 * submitted and raised no warning (a warning needs the publisher to read the company's comment).
 */
export function bulkAcceptable(c: Omit<BulkAcceptCandidate, 'unitId' | 'version'>): boolean {
  return c.state === 'submitted' && c.warningCount === 0;
}

/**
 * Refuses a bulk accept unless every selected submission is, now, in the version the publisher
 * confirmed and still acceptable without a look: all or nothing. The problems name each unit
 * that changed (by id, at `units[i]`), and what it is now, in both languages.
 */
export function assertBulkAcceptable(
  selected: readonly { unitId: string; version: number }[],
  current: ReadonlyMap<string, BulkAcceptCandidate>,
  nameOf: (unitId: string) => string,
): void {
  const problems: LocalizedProblem[] = [];
  selected.forEach(({ unitId, version }, i) => {
    const now = current.get(unitId);
    const unit = nameOf(unitId);
    const refusal = (rule: keyof typeof T.refusals, message: LocalizedMessage): void => {
      problems.push({ key: `units[${i}]`, rule, message });
    };
    if (!now || now.state === 'none') {
      refusal('not_submitted', T.refusals.not_submitted(unit, 'none'));
    } else if (now.version !== version) {
      refusal('changed', T.refusals.changed(unit, now.state, now.version, version));
    } else if (now.state !== 'submitted') {
      refusal('not_submitted', T.refusals.not_submitted(unit, now.state));
    } else if (!bulkAcceptable(now)) {
      refusal('has_warnings', T.refusals.has_warnings(unit, now.warningCount));
    }
  });
  if (problems.length > 0) {
    throw new DomainError(
      DomainErrorCode.Conflict,
      T.refused(problems.length, selected.length),
      problems,
    );
  }
}
