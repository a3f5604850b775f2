import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A company enrolled in a study; all its units take part. */
@Entity('participations')
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The publisher running the study. */
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'study_id' })
  studyId!: string;

  @Column('uuid', { name: 'company_id' })
  companyId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
