import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SubmissionAuditAction = 'answer' | 'state' | 'warning_comment' | 'return_comment';

/** Answers, states and comments are all scalars. */
export type SubmissionAuditValue = string | number | boolean | null;

/**
 * One change of a write: action, field, old value, new value. Stored as this tuple, not as an
 * object of four keys, which would double the text of an import's audit rows (see the
 * migration AuditChangesAsTuples).
 */
export type SubmissionAuditChange = [
  action: SubmissionAuditAction,
  field: string | null,
  old: SubmissionAuditValue,
  new: SubmissionAuditValue,
];

/**
 * One write of a submission (a save, an import, a transition, a comment): who, when, in which
 * request, and every change it made, in order. Append-only.
 */
@Entity('submission_audit')
export class SubmissionAuditEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'submission_id' })
  submissionId!: string;

  @Column('uuid', { name: 'actor_organisation_id' })
  actorOrganisationId!: string;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column('uuid', { name: 'actor_api_key_id', nullable: true })
  actorApiKeyId!: string | null;

  @Column('text', { name: 'actor_role' })
  actorRole!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('jsonb')
  changes!: SubmissionAuditChange[];

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;
}
