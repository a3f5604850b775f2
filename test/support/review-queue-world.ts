import type { CycleEntity, StudyEntity } from '@app/persistence';
import { createCycle, ownerDataSource } from './factories';

/**
 * A study at the size of a real one for the review queue: 2,000 units of 400 companies (5 each), every
 * unit's state, warnings and age following from its number i, so that a spec counts each
 * expected figure from this scheme, not from the code under test:
 * - i % 10: 0..5 submitted, 6 draft, 7 accepted, 8 returned, 9 no data;
 * - a submitted unit has i % 3 warnings: the first a jump against the previous cycle (AHT),
 *   the second a value outside the previous benchmark's range (CSAT);
 * - submitted i % 30 days and one hour ago; unit `Unit 0042` of company `Company 008`.
 */
export const UNITS = 2000;
export const stateOf = (i: number): 'submitted' | 'draft' | 'accepted' | 'returned' | 'none' =>
  i % 10 <= 5 ? 'submitted' : (['draft', 'accepted', 'returned', 'none'] as const)[(i % 10) - 6];
export const warningsOf = (i: number): number => (stateOf(i) === 'submitted' ? i % 3 : 0);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const unitName = (i: number): string => `Unit ${pad(i, 4)}`;
export const companyName = (c: number): string => `Company ${pad(c, 3)}`;
export const indices = Array.from({ length: UNITS }, (_, i) => i);

/** What `seedReviewQueue` made: the two cycles and the unit ids by number i. */
export interface ReviewQueueWorld {
  previous: CycleEntity;
  cycle: CycleEntity;
  unitIds: string[];
}

/**
 * The companies, units and submissions of the scheme above in the publisher's study, written in
 * a few statements as the owner: the cycle 2025 with every unit accepted at an AHT of
 * 200 + i % 100 s, and the open cycle 2026 (AHT 300 + i % 50 s) as the scheme says.
 */
export async function seedReviewQueue(study: StudyEntity): Promise<ReviewQueueWorld> {
  const owner = await ownerDataSource();
  const previous = await createCycle(study, 2025);
  const cycle = await createCycle(study, 2026);
  const companies = await owner.query<{ id: string }[]>(
    `INSERT INTO organisations (kind, name) SELECT 'company', n FROM unnest($1::text[]) n RETURNING id`,
    [Array.from({ length: UNITS / 5 }, (_, c) => companyName(c))],
  );
  await owner.query(
    `INSERT INTO participations (tenant_id, study_id, company_id) SELECT $1, $2, c FROM unnest($3::uuid[]) c`,
    [study.tenantId, study.id, companies.map((c) => c.id)],
  );
  const tenantOf = (i: number): string => companies[Math.floor(i / 5)].id;
  const units = await owner.query<{ id: string }[]>(
    `INSERT INTO units (tenant_id, name, industry, country, customer_type, sourcing, agent_fte, size_band)
     SELECT t, n, 'telecom', 'DE', 'b2c', 'inhouse', 120, 'M' FROM unnest($1::uuid[], $2::text[]) AS x(t, n)
     RETURNING id`,
    [indices.map(tenantOf), indices.map(unitName)],
  );
  const unitIds = units.map((u) => u.id);
  await owner.query(
    `INSERT INTO submissions (tenant_id, cycle_id, unit_id, state, answers)
     SELECT t, $1, u, 'accepted', jsonb_build_object('aht_seconds', a)
       FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS x(t, u, a)`,
    [previous.id, indices.map(tenantOf), unitIds, indices.map((i) => 200 + (i % 100))],
  );
  const current = indices.filter((i) => stateOf(i) !== 'none');
  const warnings = (i: number) =>
    [
      {
        key: 'aht_seconds',
        rule: 'previous_cycle_deviation',
        params: { value: 500, previous: 200 },
      },
      { key: 'csat', rule: 'benchmark_range', params: { value: 10, lower: 70, upper: 90 } },
    ].slice(0, warningsOf(i));
  await owner.query(
    `INSERT INTO submissions (tenant_id, cycle_id, unit_id, state, answers, warnings, submitted_at)
     SELECT t, $1, u, s, jsonb_build_object('aht_seconds', a), w::jsonb,
            CASE WHEN s = 'draft' THEN NULL ELSE now() - make_interval(days => d, hours => 1) END
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::int[])
         AS x(t, u, s, a, w, d)`,
    [
      cycle.id,
      current.map(tenantOf),
      current.map((i) => unitIds[i]),
      current.map(stateOf),
      current.map((i) => 300 + (i % 50)),
      current.map((i) => JSON.stringify(warnings(i))),
      current.map((i) => i % 30),
    ],
  );
  return { previous, cycle, unitIds };
}
