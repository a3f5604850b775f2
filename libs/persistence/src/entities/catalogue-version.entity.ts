import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CatalogueDefinition } from '@app/domain';

/**
 * One version of a publisher's questionnaire: a draft, edited item by item, until a cycle uses
 * it; from then on it never changes (a trigger refuses the update).
 */
@Entity('catalogue_versions')
export class CatalogueVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  key!: string;

  @Column('integer')
  version!: number;

  @Column('jsonb')
  definition!: CatalogueDefinition;

  @Column('text')
  hash!: string;

  /** The version this one was started from as a draft; null for one posted or uploaded whole. */
  @Column('uuid', { name: 'based_on_id', nullable: true })
  basedOnId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
