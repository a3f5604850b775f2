import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkFailure } from '@app/domain';

export type ReportState = 'queued' | 'rendering' | 'done' | 'failed';

/**
 * A rendered report: a company report (one per snapshot, unit and language) or a trend report
 * (one per trend and language, the publisher's alone).
 */
@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The publisher of the snapshot. */
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  kind!: 'company' | 'trend';

  /** A company report's snapshot; null for a trend report. */
  @Column('uuid', { name: 'snapshot_id', nullable: true })
  snapshotId!: string | null;

  /** A company report's unit; null for a trend report. */
  @Column('uuid', { name: 'unit_id', nullable: true })
  unitId!: string | null;

  /** The company that runs the unit and may read the report once the snapshot is published. */
  @Column('uuid', { name: 'unit_tenant', nullable: true })
  unitTenant!: string | null;

  /** A trend report's trend; null for a company report. */
  @Column('uuid', { name: 'trend_id', nullable: true })
  trendId!: string | null;

  @Column('text')
  language!: 'de' | 'en';

  @Column('text')
  state!: ReportState;

  /** Why it failed, as data: rendered in the reader's language when read. */
  @Column('jsonb', { nullable: true })
  error!: WorkFailure | null;

  @Column('integer')
  attempts!: number;

  /** Loaded only where the file is served. */
  @Column('bytea', { nullable: true, select: false })
  pdf?: Buffer | null;

  @Column('text', { nullable: true })
  sha256!: string | null;

  @Column('integer', { name: 'size_bytes', nullable: true })
  sizeBytes!: number | null;

  @Column('integer', { nullable: true })
  pages!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'rendered_at', nullable: true })
  renderedAt!: Date | null;
}
