import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogueDefinition } from '@app/domain';

/** One immutable version of a publisher's questionnaire. */
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
