import type { ReviewSort, ReviewState, WarningKind } from '@app/domain';
import type { WarningDto } from './submission.dto';

/*
 * What the review queue's use-cases take and return, as plain types: the api's DTO classes of
 * the same names implement them with their validation and OpenAPI decorators.
 */

/** The filters, sort and page of a cycle's review queue; the API and the page take the same. */
export interface ReviewQueueQueryDto {
  state?: ReviewState;
  /** A part of the company's name. */
  company?: string;
  minWarnings?: number;
  maxWarnings?: number;
  warningKind?: WarningKind;
  minAgeDays?: number;
  maxAgeDays?: number;
  sort?: ReviewSort;
  page?: number;
  pageSize?: number;
}

/** How many units of the cycle are in a state. */
export interface ReviewStateCountDto {
  state: Exclude<ReviewState, 'all'>;
  count: number;
}

/** A unit of the queue with its submission's state and warnings. */
export interface ReviewQueueItemDto {
  unitId: string;
  unitName: string;
  companyId: string;
  companyName: string;
  /** Null: no data yet. */
  submissionId: string | null;
  state: Exclude<ReviewState, 'all'>;
  /** The version a bulk accept names (0 without data). */
  version: number;
  warnings: WarningDto[];
  returnComment: string | null;
  submittedAt: string | null;
  updatedAt: string | null;
  /** Whole days since submitting. */
  ageDays: number | null;
  /** Submitted without warnings: may be accepted in bulk. */
  bulkAcceptable: boolean;
}

/** A page of the queue with the counts of all units of the cycle by state. */
export interface ReviewQueueDto {
  counts: ReviewStateCountDto[];
  /** Units matching the filters, on all pages. */
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: ReviewQueueItemDto[];
}

/** A submission to accept, in the version the publisher confirmed. */
export interface BulkAcceptItemDto {
  unitId: string;
  version: number;
}

/** The submissions a bulk accept accepted. */
export interface BulkAcceptResultDto {
  accepted: number;
  unitIds: string[];
}

/** A KPI of a submission beside the previous cycle's value and the published quartiles. */
export interface ComparisonRowDto {
  key: string;
  label: string;
  unit: string | null;
  value: number | string | boolean | null;
  previous: number | string | boolean | null;
  /** Released cells only. */
  p25: number | null;
  median: number | null;
  p75: number | null;
  /** Warnings of this KPI. */
  warnings: number;
}

/** A submission compared with the unit's previous cycle and the latest published benchmark. */
export interface ReviewComparisonDto {
  item: ReviewQueueItemDto;
  /** The previous cycle's year. */
  previousYear: number | null;
  /** The year of the published benchmark the quartiles come from. */
  benchmarkYear: number | null;
  rows: ComparisonRowDto[];
}
