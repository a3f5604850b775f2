import { OrganisationEntity, ParticipationEntity } from '../entities';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** The company of each of the units the caller sees, by unit id. */
export async function companiesOfUnits(
  m: TenantTx,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await managerOf(m).query<{ id: string; tenant_id: string }[]>(
    'SELECT id, tenant_id FROM units WHERE id = ANY($1::uuid[])',
    [unitIds],
  );
  return new Map(rows.map((u) => [u.id, u.tenant_id]));
}

/** The companies taking part in a study, as the caller sees them. */
export async function participatingCompanies(m: TenantTx, studyId: string): Promise<Set<string>> {
  const rows = await managerOf(m).query<{ company_id: string }[]>(
    'SELECT company_id FROM participations WHERE study_id = $1',
    [studyId],
  );
  return new Set(rows.map((p) => p.company_id));
}

/** A company's enrolment in a study, as it is listed. */
export interface ParticipationRow {
  id: string;
  studyId: string;
  companyId: string;
  companyName: string;
  createdAt: Date;
}

/** The enrolments of a study with their companies' names, by name. */
export function participationsOf(tx: TenantTx, studyId: string): Promise<ParticipationRow[]> {
  return managerOf(tx)
    .createQueryBuilder(ParticipationEntity, 'p')
    .innerJoin(OrganisationEntity, 'o', 'o.id = p.company_id')
    .select([
      'p.id AS id',
      'p.study_id AS "studyId"',
      'p.company_id AS "companyId"',
      'o.name AS "companyName"',
    ])
    .addSelect('p.created_at', 'createdAt')
    .where('p.study_id = :studyId', { studyId })
    .orderBy('o.name')
    .getRawMany<ParticipationRow>();
}

/** Whether a company takes part in a study. */
export function takesPart(tx: TenantTx, studyId: string, companyId: string): Promise<boolean> {
  return managerOf(tx).existsBy(ParticipationEntity, { studyId, companyId });
}

/** Enrols a company in a study of the caller's. */
export function insertParticipation(
  tx: TenantTx,
  participation: Pick<ParticipationEntity, 'tenantId' | 'studyId' | 'companyId'>,
): Promise<ParticipationEntity> {
  const m = managerOf(tx);
  return m.save(m.create(ParticipationEntity, participation));
}

/** Ends an enrolment; false when the study has none of that id. */
export async function deleteParticipation(
  tx: TenantTx,
  studyId: string,
  participationId: string,
): Promise<boolean> {
  const result = await managerOf(tx).delete(ParticipationEntity, { id: participationId, studyId });
  return Boolean(result.affected);
}
