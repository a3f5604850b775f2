import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReportState = 'queued' | 'rendering' | 'done' | 'failed';

/** A rendered company report: one per snapshot, unit and language. */
@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The publisher of the snapshot. */
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  kind!: 'company';

  @Column('uuid', { name: 'snapshot_id' })
  snapshotId!: string;

  @Column('uuid', { name: 'unit_id' })
  unitId!: string;

  /** The company that runs the unit and may read the report once the snapshot is published. */
  @Column('uuid', { name: 'unit_tenant' })
  unitTenant!: string;

  @Column('text')
  language!: 'de' | 'en';

  @Column('text')
  state!: ReportState;

  @Column('text', { nullable: true })
  error!: string | null;

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
