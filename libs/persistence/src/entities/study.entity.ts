import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ProfileDimension } from '@app/domain';
import { CycleEntity } from './cycle.entity';

@Entity('studies')
export class StudyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'catalogue_version_id' })
  catalogueVersionId!: string;

  @Column('text', { array: true })
  languages!: ('de' | 'en')[];

  @Column('text', { name: 'peer_group_dimensions', array: true })
  peerGroupDimensions!: ProfileDimension[];

  @Column('jsonb', { name: 'peer_group_pairs' })
  peerGroupPairs!: [ProfileDimension, ProfileDimension][];

  @Column('jsonb', { name: 'disclosure_policy' })
  disclosurePolicy!: Record<string, unknown>;

  @OneToMany(() => CycleEntity, (cycle) => cycle.study)
  cycles?: CycleEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
