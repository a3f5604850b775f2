import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { CycleState } from '@app/domain';
import { StudyEntity } from './study.entity';

/** One study year. */
@Entity('cycles')
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'study_id' })
  studyId!: string;

  @ManyToOne(() => StudyEntity, (study) => study.cycles)
  @JoinColumn({ name: 'study_id' })
  study?: StudyEntity;

  @Column('integer')
  year!: number;

  @Column('text')
  state!: CycleState;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** The snapshot publishing froze: the only one the participants see. */
  @Column('uuid', { name: 'published_snapshot_id', nullable: true })
  publishedSnapshotId!: string | null;

  /** When the cycle's submissions are due; null while the publisher has set none. */
  @Column('timestamptz', { name: 'submission_deadline', nullable: true })
  submissionDeadline!: Date | null;

  /** Days from the deadline on which units that have not submitted are reminded. */
  @Column('integer', { name: 'reminder_offsets', array: true, default: () => `'{-14,-3,1}'` })
  reminderOffsets!: number[];
}
