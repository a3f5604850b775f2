import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkFailure } from '@app/domain';

export type SnapshotState = 'queued' | 'running' | 'done' | 'failed';

/** The frozen benchmark of a cycle, owned by the study's publisher. */
@Entity('snapshots')
export class SnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The publisher. */
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  /** The inputs at request time; a request with an equal key reuses this snapshot. */
  @Column('text', { name: 'input_key' })
  inputKey!: string;

  @Column('text')
  state!: SnapshotState;

  /** 0 to 100. */
  @Column('integer')
  progress!: number;

  @Column('jsonb', { nullable: true })
  manifest!: Record<string, unknown> | null;

  @Column('text', { name: 'manifest_hash', nullable: true })
  manifestHash!: string | null;

  /** Why it failed, as data: rendered in the reader's language when read. */
  @Column('jsonb', { nullable: true })
  error!: WorkFailure | null;

  @Column('integer')
  attempts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
