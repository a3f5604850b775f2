import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A publisher's order to render the reports of every participant of a snapshot. */
@Entity('report_batches')
export class ReportBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'snapshot_id' })
  snapshotId!: string;

  @Column('text', { array: true })
  languages!: ('de' | 'en')[];

  /** The reports of the snapshot the batch found existing and kept: not its own. */
  @Column('integer', { default: 0 })
  kept!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
