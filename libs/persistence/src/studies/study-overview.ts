import type { SubmissionState } from '@app/domain';
import { In } from 'typeorm';
import type { TenantTx } from '../tenant/tenant-db';
import { CycleEntity, SubmissionEntity } from '../entities';
import { managerOf } from '../tenant/tenant-tx';

/** Submissions of a cycle in one state, counted. */
export interface SubmissionStateCount {
  cycleId: string;
  state: SubmissionState;
  n: number;
}

/** The participants of a study: companies and their units. */
export interface ParticipantCount {
  studyId: string;
  companies: number;
  units: number;
}

/** The published snapshot of each of the cycles the caller sees, by cycle id. */
export async function publishedSnapshotsOf(
  m: TenantTx,
  cycleIds: readonly string[],
): Promise<Map<string, Pick<CycleEntity, 'id' | 'publishedSnapshotId'>>> {
  if (cycleIds.length === 0) {
    return new Map();
  }
  const rows = await managerOf(m).find(CycleEntity, {
    select: { id: true, publishedSnapshotId: true },
    where: { id: In([...cycleIds]) },
  });
  return new Map(rows.map((c) => [c.id, c]));
}

/** The state of each of a company's submissions to the cycles. */
export function submissionStatesOf(
  m: TenantTx,
  tenantId: string,
  cycleIds: readonly string[],
): Promise<Pick<SubmissionEntity, 'cycleId' | 'unitId' | 'state' | 'updatedAt'>[]> {
  if (cycleIds.length === 0) {
    return Promise.resolve([]);
  }
  return managerOf(m).find(SubmissionEntity, {
    select: { id: true, cycleId: true, unitId: true, state: true, updatedAt: true },
    where: { cycleId: In([...cycleIds]), tenantId },
  });
}

/** The submissions of the cycles counted by state, as the caller sees them. */
export async function submissionStateCounts(
  m: TenantTx,
  cycleIds: readonly string[],
): Promise<SubmissionStateCount[]> {
  const rows = await managerOf(m).query<{ cycle_id: string; state: SubmissionState; n: number }[]>(
    `SELECT cycle_id, state, count(*)::int AS n FROM submissions
      WHERE cycle_id = ANY($1::uuid[]) GROUP BY cycle_id, state`,
    [cycleIds],
  );
  return rows.map((r) => ({ cycleId: r.cycle_id, state: r.state, n: r.n }));
}

/** The companies and units taking part in each of the studies, as the caller sees them. */
export async function participantCounts(
  m: TenantTx,
  studyIds: readonly string[],
): Promise<ParticipantCount[]> {
  const rows = await managerOf(m).query<{ study_id: string; companies: number; units: number }[]>(
    `SELECT p.study_id, count(DISTINCT p.company_id)::int AS companies, count(u.id)::int AS units
       FROM participations p LEFT JOIN units u ON u.tenant_id = p.company_id
      WHERE p.study_id = ANY($1::uuid[]) GROUP BY p.study_id`,
    [studyIds],
  );
  return rows.map((r) => ({ studyId: r.study_id, companies: r.companies, units: r.units }));
}
