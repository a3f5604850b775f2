import type { TrendData } from '@app/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The trend data of a study over its published cycles, owned by the publisher. Computed once
 * per set of published snapshots (`inputKey`) and frozen once computed.
 */
@Entity('trends')
export class TrendEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The publisher. */
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'study_id' })
  studyId!: string;

  /** The published snapshots it is computed from; an equal key reuses this trend. */
  @Column('text', { name: 'input_key' })
  inputKey!: string;

  /** The published cycles' years, ascending. */
  @Column('integer', { array: true })
  years!: number[];

  /** The published snapshot of each cycle, in the order of `years`. */
  @Column('uuid', { name: 'snapshot_ids', array: true })
  snapshotIds!: string[];

  /** Null until computed. */
  @Column('jsonb', { nullable: true })
  data!: TrendData | null;

  @Column('jsonb', { nullable: true })
  manifest!: Record<string, unknown> | null;

  @Column('text', { name: 'manifest_hash', nullable: true })
  manifestHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'computed_at', nullable: true })
  computedAt!: Date | null;
}
