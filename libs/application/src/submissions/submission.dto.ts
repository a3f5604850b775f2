import type { SubmissionState } from '@app/domain';

/*
 * What the submission use-cases return, as plain types: the api's DTO classes of the same
 * names implement them with their OpenAPI decorators.
 */

/** A plausibility warning of a submission, in the reader's language, with its comment. */
export interface WarningDto {
  key: string;
  rule: string;
  message: string;
  /** The figures of the message by name. */
  params: Record<string, number>;
  /** The identity under which a comment is stored: rule|key. */
  id: string;
  comment: string | null;
}

/** A unit's submission of a cycle, with its derived KPIs and warnings. */
export interface SubmissionDto {
  /** Null before the submission is stored. */
  id: string | null;
  cycleId: string;
  unitId: string;
  state: SubmissionState;
  answers: Record<string, unknown>;
  derived: Record<string, unknown>;
  warnings: WarningDto[];
  returnComment: string | null;
  version: number;
  submittedAt: string | null;
  updatedAt: string | null;
}

/** One change of a submission's audit trail. */
export interface AuditEntryDto {
  at: string;
  action: string;
  field: string | null;
  oldValue: string | number | boolean | null;
  newValue: string | number | boolean | null;
  actorRole: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  requestId: string | null;
}
