import { SnapshotComputation } from '@app/application';
import { CycleEntity, dataSourceOptions, SnapshotEntity, TenantDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import type {
  BulkAcceptResultDto,
  ReviewComparisonDto,
  ReviewQueueDto,
} from '../apps/api/src/submissions/dto/review-queue.dto';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudy,
  createUser,
  ownerDataSource,
  TestUser,
} from './support/factories';
import {
  indices,
  seedReviewQueue,
  stateOf,
  unitName,
  warningsOf,
} from './support/review-queue-world';
import { appUrl } from './support/test-env';

/** The scheme of `seedReviewQueue` (test/support/review-queue-world.ts) gives every expected figure. */
describe('review queue at 2,000 submissions (e2e)', () => {
  let t: TestApp;
  let publisher: TestUser;
  let otherPublisher: TestUser;
  let cycle: CycleEntity;
  const unitIds: string[] = [];
  let app: DataSource;

  const queue = async (query: string): Promise<ReviewQueueDto> => {
    const response = await t
      .http()
      .get(`/api/v1/cycles/${cycle.id}/review-queue?${query}`)
      .set('Authorization', await t.tokenFor(publisher))
      .set('Accept-Language', 'en');
    expect(response.status).toBe(200);
    return response.body as ReviewQueueDto;
  };
  const bulkAccept = async (units: number[], language = 'en') =>
    t
      .http()
      .post(`/api/v1/cycles/${cycle.id}/review-queue/accept`)
      .set('Authorization', await t.tokenFor(publisher))
      .set('Accept-Language', language)
      .send({ submissions: units.map((i) => ({ unitId: unitIds[i], version: 1 })) });
  const statesOf = async (units: number[]) => {
    const owner = await ownerDataSource();
    const rows = await owner.query<{ unit_id: string; state: string }[]>(
      'SELECT unit_id, state FROM submissions WHERE cycle_id = $1 AND unit_id = ANY($2::uuid[])',
      [cycle.id, units.map((i) => unitIds[i])],
    );
    const byUnit = new Map(rows.map((r) => [r.unit_id, r.state]));
    return units.map((i) => byUnit.get(unitIds[i]));
  };
  const auditRows = async () => {
    const owner = await ownerDataSource();
    return owner.query<{ submission_id: string; changes: unknown; actor_user_id: string }[]>(
      `SELECT a.submission_id, a.changes, a.actor_user_id FROM submission_audit a
         JOIN submissions s ON s.id = a.submission_id WHERE s.cycle_id = $1 ORDER BY a.id`,
      [cycle.id],
    );
  };

  beforeAll(async () => {
    t = await startApp();
    app = await new DataSource(dataSourceOptions(appUrl(), 2)).initialize();
    const owner = await ownerDataSource();
    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');
    const study = await createStudy(publisherOrg);
    const world = await seedReviewQueue(study);
    cycle = world.cycle;
    unitIds.push(...world.unitIds);
    const previous = world.previous;
    // The previous cycle's benchmark, computed as the worker computes it, and published.
    const snapshot = await owner.getRepository(SnapshotEntity).save({
      tenantId: publisherOrg.id,
      cycleId: previous.id,
      inputKey: 'review-queue-2025',
      state: 'queued',
      progress: 0,
      attempts: 0,
    });
    await new SnapshotComputation(new TenantDb(app)).run(publisherOrg.id, snapshot.id, () =>
      Promise.resolve(),
    );
    await owner
      .getRepository(CycleEntity)
      .update({ id: previous.id }, { state: 'published', publishedSnapshotId: snapshot.id });
  }, 300_000);

  afterAll(async () => {
    await app.destroy();
    await t.close();
    await closeOwnerDataSource();
  });

  it('counts every state at the top and pages 1,200 submitted ones by 50, sorted by unit', async () => {
    const first = await queue('state=submitted&sort=unit');
    expect(first.counts).toEqual([
      { state: 'none', count: 200 },
      { state: 'draft', count: 200 },
      { state: 'submitted', count: 1200 },
      { state: 'accepted', count: 200 },
      { state: 'returned', count: 200 },
    ]);
    const submitted = indices.filter((i) => stateOf(i) === 'submitted');
    expect(first).toMatchObject({ total: 1200, page: 1, pageSize: 50, pages: 24 });
    expect(first.items.map((item) => item.unitName)).toEqual(submitted.slice(0, 50).map(unitName));
    const last = await queue('state=submitted&sort=unit&page=24');
    expect(last.items.map((item) => item.unitName)).toEqual(submitted.slice(1150).map(unitName));
    const beyond = await queue('state=submitted&sort=unit&page=25');
    expect(beyond).toMatchObject({ total: 1200, items: [] });
    const all = await queue('pageSize=200&sort=-unit');
    expect(all).toMatchObject({ total: 2000, pages: 10 });
    expect(all.items[0].unitName).toBe('Unit 1999');
    expect(all.items[0].state).toBe('none');
  });

  it('filters by number and kind of warnings, company and age, and sorts by warnings and company', async () => {
    const count = (test: (i: number) => boolean) => indices.filter(test).length;
    const submitted = (i: number) => stateOf(i) === 'submitted';
    expect((await queue('state=submitted&minWarnings=2')).total).toBe(
      count((i) => submitted(i) && i % 3 === 2),
    );
    expect((await queue('state=submitted&maxWarnings=0')).total).toBe(
      count((i) => submitted(i) && i % 3 === 0),
    );
    expect((await queue('warningKind=benchmark_range')).total).toBe(
      count((i) => submitted(i) && i % 3 === 2),
    );
    expect((await queue('warningKind=previous_cycle_deviation')).total).toBe(
      count((i) => submitted(i) && i % 3 >= 1),
    );
    expect((await queue('warningKind=cross_field')).total).toBe(0);
    const company = await queue('company=company%20008&sort=unit');
    expect(company.items.map((item) => item.unitName)).toEqual([40, 41, 42, 43, 44].map(unitName));
    // Submitted 10 to 12 days ago: i % 30 in 10..12, of units with a submission date.
    expect((await queue('state=submitted&minAgeDays=10&maxAgeDays=12')).total).toBe(
      count((i) => submitted(i) && i % 30 >= 10 && i % 30 <= 12),
    );
    // The oldest submitted ones: i % 30 = 25 (i % 30 decides i % 10, and 26..29 are not submitted).
    const aged = await queue('state=submitted&minAgeDays=25&pageSize=200');
    expect(aged.total).toBe(count((i) => submitted(i) && i % 30 === 25));
    expect(aged.total).toBeGreaterThan(0);
    expect(aged.items.every((item) => item.ageDays === 25)).toBe(true);

    const mostWarned = await queue('state=submitted&sort=-warnings&pageSize=5');
    expect(mostWarned.items.map((item) => item.warnings.length)).toEqual([2, 2, 2, 2, 2]);
    expect(mostWarned.items[0].warnings[1]).toMatchObject({ key: 'csat', rule: 'benchmark_range' });
    expect((await queue('sort=-company&pageSize=1')).items[0].companyName).toBe('Company 399');
  });

  it('refuses a query outside its rules with the field and rule named', async () => {
    const response = await t
      .http()
      .get(`/api/v1/cycles/${cycle.id}/review-queue?pageSize=500&sort=age`)
      .set('Authorization', await t.tokenFor(publisher))
      .set('Accept-Language', 'en');
    expect(response.status).toBe(400);
    const keys = (response.body.problems as { key: string }[]).map((p) => p.key).sort();
    expect(keys).toEqual(['pageSize', 'sort']);
  });

  it("shows one submission beside the unit's accepted previous year and the released quartiles", async () => {
    const response = await t
      .http()
      .get(`/api/v1/cycles/${cycle.id}/review-queue/units/${unitIds[42]}`)
      .set('Authorization', await t.tokenFor(publisher))
      .set('Accept-Language', 'en');
    expect(response.status).toBe(200);
    const comparison = response.body as ReviewComparisonDto;
    expect(comparison).toMatchObject({ previousYear: 2025, benchmarkYear: 2025 });
    expect(comparison.item).toMatchObject({ unitName: 'Unit 0042', state: 'submitted' });
    // Hand-worked: 2,000 AHTs of 200..299 s, each 20 times; sorted, value k is 200 + ⌊k / 20⌋.
    // P25 at (n - 1) · 0.25 = 499.75: 224 + 0.75 = 224.75; median at 999.5: 249.5; P75 at
    // 1499.25: 274.25. Unit 42 answered 300 + 42 = 342 s, the year before 200 + 42 = 242 s.
    const aht = comparison.rows.find((r) => r.key === 'aht_seconds');
    expect(aht).toMatchObject({ value: 342, previous: 242, warnings: 0 });
    expect(aht?.p25).toBeCloseTo(224.75, 10);
    expect(aht?.median).toBeCloseTo(249.5, 10);
    expect(aht?.p75).toBeCloseTo(274.25, 10);
    // A KPI nobody supplied has no released cell: no quartiles are shown for it.
    expect(comparison.rows.find((r) => r.key === 'csat')).toMatchObject({
      value: null,
      previous: null,
      p25: null,
      median: null,
      p75: null,
    });
  });

  it('accepts only the selected submissions without warnings, one audit row each', async () => {
    const chosen = [0, 3, 21]; // submitted, i % 3 = 0: no warnings
    expect(chosen.every((i) => stateOf(i) === 'submitted' && warningsOf(i) === 0)).toBe(true);
    const before = await auditRows();
    const response = await bulkAccept(chosen);
    expect(response.status).toBe(200);
    expect(response.body as BulkAcceptResultDto).toEqual({
      accepted: 3,
      unitIds: chosen.map((i) => unitIds[i]),
    });
    expect(await statesOf(chosen)).toEqual(['accepted', 'accepted', 'accepted']);
    const after = await auditRows();
    const added = after.slice(before.length);
    expect(added).toHaveLength(3);
    expect(added.map((r) => r.changes)).toEqual(
      chosen.map(() => [['state', null, 'submitted', 'accepted']]),
    );
    expect(new Set(added.map((r) => r.actor_user_id))).toEqual(new Set([publisher.id]));
    // Every other unit is as it was: 1,200 - 3 submitted, 200 + 3 accepted.
    const counts = (await queue('pageSize=1')).counts;
    expect(counts.find((c) => c.state === 'submitted')?.count).toBe(1197);
    expect(counts.find((c) => c.state === 'accepted')?.count).toBe(203);
  });

  it('refuses the whole bulk accept when one changed in the meantime, and writes nothing', async () => {
    const chosen = [30, 33, 42]; // submitted without warnings
    // Between the confirm step and the accept, the publisher's colleague returns unit 33.
    const returned = await t
      .http()
      .post(`/api/v1/cycles/${cycle.id}/units/${unitIds[33]}/submission/return`)
      .set('Authorization', await t.tokenFor(publisher))
      .send({ comment: 'Bitte prüfen.' });
    expect(returned.status).toBe(200);
    const before = await auditRows();
    const refused = await bulkAccept(chosen);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      '1 of the 3 selected submissions cannot be accepted together; none was accepted.',
    );
    expect(refused.body.problems).toEqual([
      {
        key: 'units[1]',
        rule: 'changed',
        message:
          'Unit 0033: the submission was changed in the meantime (version 2, not 1; now returned).',
      },
    ]);
    expect(await statesOf(chosen)).toEqual(['submitted', 'returned', 'submitted']);
    expect(await auditRows()).toHaveLength(before.length);

    const german = await bulkAccept([30, 1], 'de');
    expect(german.status).toBe(409);
    expect(german.body.problems).toEqual([
      {
        key: 'units[1]',
        rule: 'has_warnings',
        message: 'Unit 0001: Der Datensatz hat 1 Warnung(en); prüfen Sie ihn einzeln.',
      },
    ]);
    expect(await statesOf([30, 1])).toEqual(['submitted', 'submitted']);
  });

  it("answers another publisher's cycle with 404 on every review-queue route", async () => {
    const other = await t.tokenFor(otherPublisher);
    const list = await t
      .http()
      .get(`/api/v1/cycles/${cycle.id}/review-queue`)
      .set('Authorization', other);
    const compare = await t
      .http()
      .get(`/api/v1/cycles/${cycle.id}/review-queue/units/${unitIds[0]}`)
      .set('Authorization', other);
    const accept = await t
      .http()
      .post(`/api/v1/cycles/${cycle.id}/review-queue/accept`)
      .set('Authorization', other)
      .send({ submissions: [{ unitId: unitIds[6 * 10], version: 1 }] });
    expect([list.status, compare.status, accept.status]).toEqual([404, 404, 404]);
    expect(await statesOf([60])).toEqual(['submitted']);
  });
});
