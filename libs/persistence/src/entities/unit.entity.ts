import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Country, CustomerType, Industry, SizeBand, Sourcing } from '@app/domain';

const numeric = {
  to: (v: number) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** A contact center of a company: the thing benchmarked. */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  industry!: Industry;

  @Column('text')
  country!: Country;

  @Column('text', { name: 'customer_type' })
  customerType!: CustomerType;

  @Column('text')
  sourcing!: Sourcing;

  @Column('numeric', { name: 'agent_fte', precision: 10, scale: 2, transformer: numeric })
  agentFte!: number;

  @Column('text', { name: 'size_band' })
  sizeBand!: SizeBand;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
