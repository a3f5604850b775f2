import { ParticipationEntity, UnitEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** What a new unit is made of: its name and profile, its company. */
export type NewUnit = Pick<
  UnitEntity,
  | 'tenantId'
  | 'name'
  | 'industry'
  | 'country'
  | 'customerType'
  | 'sourcing'
  | 'agentFte'
  | 'sizeBand'
>;

/** The units the caller sees (its own; a publisher's participants'), by name. */
export function unitsByName(tx: TenantTx): Promise<UnitEntity[]> {
  return managerOf(tx).find(UnitEntity, { order: { name: 'ASC' } });
}

/** The units of the companies taking part in a study, by name. */
export function unitsTakingPart(tx: TenantTx, studyId: string): Promise<UnitEntity[]> {
  return managerOf(tx)
    .createQueryBuilder(UnitEntity, 'u')
    .innerJoin(ParticipationEntity, 'p', 'p.company_id = u.tenant_id AND p.study_id = :studyId', {
      studyId,
    })
    .orderBy('u.name')
    .addOrderBy('u.id')
    .getMany();
}

/** The units of the companies taking part in a study, by id (the order of an export). */
export function unitsTakingPartById(tx: TenantTx, studyId: string): Promise<UnitEntity[]> {
  return managerOf(tx)
    .createQueryBuilder(UnitEntity, 'u')
    .where(
      'u.tenant_id IN (SELECT p.company_id FROM participations p WHERE p.study_id = :studyId)',
      { studyId },
    )
    .orderBy('u.id')
    .getMany();
}

/** A unit the caller sees; null for another's or none. */
export function findUnit(tx: TenantTx, unitId: string): Promise<UnitEntity | null> {
  return managerOf(tx).findOneBy(UnitEntity, { id: unitId });
}

/** Stores a new unit. */
export function insertUnit(tx: TenantTx, unit: NewUnit): Promise<UnitEntity> {
  const m = managerOf(tx);
  return m.save(m.create(UnitEntity, unit));
}

/** Stores a unit's changed name or profile. */
export function saveUnit(tx: TenantTx, unit: UnitEntity): Promise<UnitEntity> {
  return managerOf(tx).save(unit);
}
