import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, Min } from 'class-validator';

/** What the buttons of the data entry form ask for. */
export const SUBMISSION_INTENTS = ['draft', 'submit'] as const;
export type SubmissionIntent = (typeof SUBMISSION_INTENTS)[number];

/**
 * The data entry form as the url-encoded parser reads it: `answers[<key>]` for every input,
 * `comments[<warning id>]` with `commentGroups[<warning id>]` for each warning's comment box,
 * the version the form was built from, and the button pressed. Answers stay text here: the
 * page reads them in the page's language (submission-form-input.util.ts).
 */
export class SubmissionFormDto {
  /** By KPI key, as typed. */
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;

  /** By the first warning id of a comment box: the comment. */
  @IsOptional()
  @IsObject()
  comments?: Record<string, unknown>;

  /** By the first warning id of a comment box: every warning id it comments, comma-separated. */
  @IsOptional()
  @IsObject()
  commentGroups?: Record<string, unknown>;

  /** The version of the submission the form showed; a stale one is refused (optimistic lock). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  version!: number;

  /** "Save as draft" or "Save and submit". */
  @IsIn(SUBMISSION_INTENTS)
  intent!: SubmissionIntent;
}
