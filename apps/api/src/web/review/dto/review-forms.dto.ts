import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

/** The states the review queue filters by: a submission's, `none` (no data yet) or `all`. */
export const REVIEW_FILTERS = [
  'submitted',
  'returned',
  'accepted',
  'draft',
  'none',
  'all',
] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

/** The query of the review queue: its filter, and the unit a review just moved on. */
export class ReviewQueryDto {
  @IsOptional()
  @IsIn(REVIEW_FILTERS)
  state?: ReviewFilter;

  /** The unit whose submission was just accepted (the notice after the redirect). */
  @IsOptional()
  @IsUUID('all')
  accepted?: string;

  /** The unit whose submission was just returned. */
  @IsOptional()
  @IsUUID('all')
  returned?: string;
}

/**
 * The form that returns a submission. The comment is optional here so that an empty one is
 * shown at its field in the person's language, not refused by the validation pipe.
 */
export class ReturnFormDto {
  @IsOptional()
  @IsString()
  comment?: string;
}
