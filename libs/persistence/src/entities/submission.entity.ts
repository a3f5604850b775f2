import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { SubmissionState, SubmissionWarning } from '@app/domain';

/** The answers of one unit for one cycle. */
@Entity('submissions')
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The company that owns the unit. */
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'unit_id' })
  unitId!: string;

  @Column('text')
  state!: SubmissionState;

  @Column('jsonb')
  answers!: Record<string, number | boolean | string | null>;

  /**
   * Every KPI as float64 in the catalogue's benchmark order (see `kpiVector`); written with the
   * answers on every save, cleared by the database when answers change without it. Not loaded
   * by default: only the snapshot computation reads it.
   */
  @Column('bytea', { name: 'kpi_vector', nullable: true, select: false })
  kpiVector?: Buffer | null;

  @Column('jsonb')
  derived!: Record<string, number | boolean | null>;

  @Column('jsonb')
  warnings!: SubmissionWarning[];

  /** The submitter's comment on each warning, keyed by the warning's id. */
  @Column('jsonb', { name: 'warning_comments' })
  warningComments!: Record<string, string>;

  @Column('text', { name: 'return_comment', nullable: true })
  returnComment!: string | null;

  /** Optimistic lock: every write names the version it read. */
  @VersionColumn()
  version!: number;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
