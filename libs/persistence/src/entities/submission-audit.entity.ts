import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SubmissionAuditAction = 'answer' | 'state' | 'warning_comment' | 'return_comment';

/** Answers, states and comments are all scalars. */
export type SubmissionAuditValue = string | number | boolean | null;

/** One change of a submission: who, when, which field, old and new value. Append-only. */
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

  @Column('text')
  action!: SubmissionAuditAction;

  @Column('text', { nullable: true })
  field!: string | null;

  @Column('jsonb', { name: 'old_value', nullable: true })
  oldValue!: SubmissionAuditValue;

  @Column('jsonb', { name: 'new_value', nullable: true })
  newValue!: SubmissionAuditValue;

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;
}
