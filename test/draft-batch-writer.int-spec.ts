import { asTenantId } from '@app/domain';
import {
  type BatchedDraft,
  dataSourceOptions,
  SnapshotReader,
  SubmissionRepository,
  TenantDb,
  UnitEntity,
} from '@app/persistence';
import { DataSource } from 'typeorm';
import {
  closeOwnerDataSource,
  createStudyWorld,
  createSubmission,
  createUnits,
  ownerDataSource,
} from './support/factories';
import { appUrl } from './support/test-env';
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

/** A vector of two doubles that no other draft of the test has: i and -i. */
function vectorOf(i: number): Buffer {
  const vector = Buffer.alloc(16);
  vector.writeDoubleLE(i, 0);
  vector.writeDoubleLE(-i, 8);
  return vector;
}

/** A new draft of a unit whose answer and vector tell which draft it was. */
function newDraft(repository: SubmissionRepository, unit: UnitEntity, cycleId: string, i: number) {
  const entity = repository.newSubmission(unit.tenantId, cycleId, unit.id);
  entity.answers = { headcount_avg: i };
  entity.derived = {};
  entity.kpiVector = vectorOf(i);
  const draft: BatchedDraft = {
    entity,
    changes: [['answer', 'headcount_avg', null, i]],
    isNew: true,
  };
  return draft;
}

/**
 * The import's writer stores drafts in rounds of a few hundred while the next are prepared:
 * what it stores must not depend on where a round ends, and a draft that changed meanwhile
 * must stop it.
 */
describe('SubmissionRepository.writeDrafts (application role, real PostgreSQL)', () => {
  let appDb: DataSource;
  let tenantDb: TenantDb;
  const repository = new SubmissionRepository(new SnapshotReader());

  beforeAll(async () => {
    appDb = new DataSource(dataSourceOptions(appUrl(), 2));
    await appDb.initialize();
    tenantDb = new TenantDb(appDb);
  });

  afterAll(async () => {
    await appDb.destroy();
    await closeOwnerDataSource();
  });

  const author = (tenantId: string) => ({
    actor: {
      userId: null,
      apiKeyId: null,
      apiKeyScopes: [],
      tenantId: asTenantId(tenantId),
      organisationKind: 'publisher' as const,
      role: 'publisher_admin' as const,
    },
    requestId: 'writer-spec',
  });

  it('stores 1,201 new drafts over four rounds (100, 500, 500, 101), each with its vector and one audit row', async () => {
    const { publisher, company, cycle, unit } = await createStudyWorld();
    const units = [unit, ...(await createUnits(company, 1200))];
    const drafts = units.map((u, i) => newDraft(repository, u, cycle.id, i));

    const written = await tenantDb.withTenant(asTenantId(publisher.id), (m) =>
      repository.writeDrafts(m, author(publisher.id), cycle.id, drafts),
    );

    expect(written).toEqual({ stored: true, created: 1201, updated: 0 });
    const db = await ownerDataSource();
    const rows = await db.query<
      { id: string; answers: { headcount_avg: number }; kpi_vector: Buffer }[]
    >('SELECT id, answers, kpi_vector FROM submissions WHERE cycle_id = $1', [cycle.id]);
    expect(rows).toHaveLength(1201);
    for (const row of rows) {
      // Each row's slice of the round's vectors is its own: i and -i of its answer.
      expect(row.kpi_vector.equals(vectorOf(row.answers.headcount_avg))).toBe(true);
    }
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(drafts.map((d) => d.entity.id)));
    const audit = await db.query<{ submission_id: string; changes: unknown }[]>(
      `SELECT a.submission_id, a.changes FROM submission_audit a
         JOIN submissions s ON s.id = a.submission_id WHERE s.cycle_id = $1`,
      [cycle.id],
    );
    expect(audit).toHaveLength(1201);
    const first = drafts[0].entity.id;
    expect(audit.find((a) => a.submission_id === first)?.changes).toEqual([
      ['answer', 'headcount_avg', null, 0],
    ]);
  });

  it('sends no further round once a draft read for update had changed, and says so', async () => {
    const { publisher, company, cycle, unit } = await createStudyWorld();
    const stale = await createSubmission(cycle, unit, { headcount_avg: 1 }, 'draft');
    const units = await createUnits(company, 600);
    // Read at version 1, but stored at version 2 since.
    const db = await ownerDataSource();
    await db.query('UPDATE submissions SET version = 2 WHERE id = $1', [stale.id]);
    Object.assign(stale, { version: 1, answers: { headcount_avg: 2 }, kpiVector: vectorOf(2) });
    const drafts: BatchedDraft[] = [
      { entity: stale, changes: [['answer', 'headcount_avg', 1, 2]], isNew: false },
      ...units.map((u, i) => newDraft(repository, u, cycle.id, 10 + i)),
    ];

    const seen = await tenantDb.withTenant(asTenantId(publisher.id), async (m) => {
      const written = await repository.writeDrafts(m, author(publisher.id), cycle.id, drafts);
      const [{ n }] = await managerOf(m).query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM submissions WHERE cycle_id = $1',
        [cycle.id],
      );
      const [{ a }] = await managerOf(m).query<{ a: number }[]>(
        `SELECT count(*)::int AS a FROM submission_audit a
           JOIN submissions s ON s.id = a.submission_id WHERE s.cycle_id = $1`,
        [cycle.id],
      );
      return { stored: written.stored, submissions: n, auditRows: a };
    });

    // The first round (the stale draft and 99 new ones) inserted its new drafts before its
    // update found nothing to update; its audit rows and the rounds after it (500 and 1) never
    // went out.
    expect(seen).toEqual({ stored: false, submissions: 1 + 99, auditRows: 0 });
  });
});
