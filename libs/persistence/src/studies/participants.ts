import type { EntityManager } from 'typeorm';

/** The company of each of the units the caller sees, by unit id. */
export async function companiesOfUnits(
  m: EntityManager,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await m.query<{ id: string; tenant_id: string }[]>(
    'SELECT id, tenant_id FROM units WHERE id = ANY($1::uuid[])',
    [unitIds],
  );
  return new Map(rows.map((u) => [u.id, u.tenant_id]));
}

/** The companies taking part in a study, as the caller sees them. */
export async function participatingCompanies(
  m: EntityManager,
  studyId: string,
): Promise<Set<string>> {
  const rows = await m.query<{ company_id: string }[]>(
    'SELECT company_id FROM participations WHERE study_id = $1',
    [studyId],
  );
  return new Set(rows.map((p) => p.company_id));
}

/**
 * The kind of any organisation (`organisation_kind`, a security-definer door: a publisher
 * enrols a company it cannot see yet); null when there is none of that id.
 */
export async function organisationKindOf(
  m: EntityManager,
  organisationId: string,
): Promise<string | null> {
  const [row] = await m.query<{ kind: string | null }[]>('SELECT organisation_kind($1) AS kind', [
    organisationId,
  ]);
  return row?.kind ?? null;
}
