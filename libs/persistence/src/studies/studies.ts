import { StudyEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** What a new study is made of; the rest are the table's defaults. */
export type NewStudy = Pick<
  StudyEntity,
  | 'tenantId'
  | 'name'
  | 'catalogueVersionId'
  | 'languages'
  | 'peerGroupDimensions'
  | 'peerGroupPairs'
  | 'disclosurePolicy'
>;

/** The studies the caller sees (its own, or those its company takes part in), by name. */
export function studiesWithCycles(tx: TenantTx): Promise<StudyEntity[]> {
  return managerOf(tx).find(StudyEntity, { relations: { cycles: true }, order: { name: 'ASC' } });
}

/** A study the caller sees, with its cycles if asked; null for another's or none. */
export function findStudy(
  tx: TenantTx,
  studyId: string,
  withCycles = false,
): Promise<StudyEntity | null> {
  return managerOf(tx).findOne(StudyEntity, {
    where: { id: studyId },
    relations: { cycles: withCycles },
  });
}

/**
 * The study a cycle, a trend or a submission's cycle belongs to: it exists, the foreign key
 * says so (a missing one throws TypeORM's EntityNotFoundError, an internal error).
 */
export function studyOf(tx: TenantTx, of: { studyId: string }): Promise<StudyEntity> {
  return managerOf(tx).findOneByOrFail(StudyEntity, { id: of.studyId });
}

/** Whether the caller sees the study. */
export function studyExists(tx: TenantTx, studyId: string): Promise<boolean> {
  return managerOf(tx).existsBy(StudyEntity, { id: studyId });
}

/** The studies that pin a catalogue version, by name, with their cycles. */
export function studiesUsingCatalogueVersion(
  tx: TenantTx,
  versionId: string,
): Promise<StudyEntity[]> {
  return managerOf(tx).find(StudyEntity, {
    where: { catalogueVersionId: versionId },
    relations: { cycles: true },
    order: { name: 'ASC' },
  });
}

/** Stores a new study. */
export function insertStudy(tx: TenantTx, study: NewStudy): Promise<StudyEntity> {
  const m = managerOf(tx);
  return m.save(m.create(StudyEntity, study));
}

/** Stores a study's own columns (not its cycles). */
export async function saveStudy(tx: TenantTx, study: Omit<StudyEntity, 'cycles'>): Promise<void> {
  await managerOf(tx).save(StudyEntity, study);
}
