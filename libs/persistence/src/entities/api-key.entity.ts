import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyScope, Role } from '@app/domain';

/** A credential for a machine client, bound to one organisation and one role. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  name!: string;

  /** The public part of the key, by which it is found; the secret is stored hashed only. */
  @Column('text')
  prefix!: string;

  @Column('text', { name: 'secret_hash', select: false })
  secretHash!: string;

  @Column('text')
  role!: Role;

  /** What the key may do besides its role: make further keys or users (none by default). */
  @Column('text', { array: true })
  scopes!: ApiKeyScope[];

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
