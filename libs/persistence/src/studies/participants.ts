import type { TenantTx } from '../tenant/tenant-db';

/** The company of each of the units the caller sees, by unit id. */
export async function companiesOfUnits(
  m: TenantTx,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await m.query<{ id: string; tenant_id: string }[]>(
    'SELECT id, tenant_id FROM units WHERE id = ANY($1::uuid[])',
    [unitIds],
  );
  return new Map(rows.map((u) => [u.id, u.tenant_id]));
}

/** The companies taking part in a study, as the caller sees them. */
export async function participatingCompanies(m: TenantTx, studyId: string): Promise<Set<string>> {
  const rows = await m.query<{ company_id: string }[]>(
    'SELECT company_id FROM participations WHERE study_id = $1',
    [studyId],
  );
  return new Set(rows.map((p) => p.company_id));
}
