import { DEMO_CATALOGUE, generateDemoData, loadCatalogue, benchmarkKpis } from '@app/domain';
import { asTenantId } from '@app/domain';
import { dataSourceOptions, TenantDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudyWorld,
  createSubmission,
  createUser,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { appUrl } from './support/test-env';
// The tests reach the tenant's transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

/** A complete, plausible answer set for the demo catalogue, from the demo generator. */
function completeAnswers(): Record<string, number | boolean | string> {
  const data = generateDemoData({ units: 20, years: [2024] });
  const plausible = data.submissions.find((s) => !s.implausible);
  if (!plausible) {
    throw new Error('the demo generator gave no plausible submission');
  }
  return plausible.answers;
}

describe('submissions (e2e)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createStudyWorld>>;
  let editor: TestUser;
  let viewer: TestUser;
  let publisher: TestUser;
  let otherCompany: TestUser;
  let otherPublisher: TestUser;
  const path = () => `/api/v1/cycles/${world.cycle.id}/units/${world.unit.id}/submission`;

  beforeAll(async () => {
    t = await startApp();
    world = await createStudyWorld();
    editor = await createUser(world.company, 'company_editor');
    viewer = await createUser(world.company, 'company_viewer');
    publisher = await createUser(world.publisher, 'publisher_analyst');
    otherCompany = await createUser(await createOrganisation('company'), 'company_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  it('walks a submission through draft, submit, return, resubmit and accept, with its audit trail', async () => {
    const company = await t.tokenFor(editor);
    const empty = await t.http().get(path()).set('Authorization', company);
    expect(empty.body).toMatchObject({ id: null, state: 'draft', version: 0, answers: {} });

    // Hand-worked: 12 leavers of 80 average heads is an attrition rate of 15 %.
    const draft = await t
      .http()
      .put(path())
      .set('Authorization', company)
      .send({ answers: { leavers: 12, headcount_avg: 80 }, version: 0 });
    expect(draft.status).toBe(200);
    expect(draft.body.derived.attrition_rate).toBeCloseTo(15, 10);
    expect(draft.body.version).toBe(1);
    // The save also stores every KPI as a vector for the snapshot computation.
    const owner = await ownerDataSource();
    const [stored] = await owner.query<{ kpi_vector: Buffer }[]>(
      'SELECT kpi_vector FROM submissions WHERE cycle_id = $1 AND unit_id = $2',
      [world.cycle.id, world.unit.id],
    );
    const kpis = benchmarkKpis(loadCatalogue(DEMO_CATALOGUE)).map((k) => k.key);
    expect(stored.kpi_vector.readDoubleLE(kpis.indexOf('leavers') * 8)).toBe(12);
    expect(stored.kpi_vector.readDoubleLE(kpis.indexOf('attrition_rate') * 8)).toBeCloseTo(15, 10);

    const full = await t
      .http()
      .put(path())
      .set('Authorization', company)
      .send({ answers: completeAnswers(), version: 1 });
    expect(full.status).toBe(200);
    const comments = Object.fromEntries(
      (full.body.warnings as { id: string }[]).map((w) => [w.id, 'Checked: the value is right.']),
    );
    const commented = await t
      .http()
      .put(path())
      .set('Authorization', company)
      .send({ answers: {}, warningComments: comments, version: full.body.version });
    expect(commented.status).toBe(200);

    const submitted = await t
      .http()
      .post(`${path()}/submit`)
      .set('Authorization', company)
      .send({});
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');

    const editWhileSubmitted = await t
      .http()
      .put(path())
      .set('Authorization', company)
      .send({ answers: { leavers: 13 }, version: submitted.body.version });
    expect(editWhileSubmitted.status).toBe(409);

    const review = await t.tokenFor(publisher);
    const returned = await t
      .http()
      .post(`${path()}/return`)
      .set('Authorization', review)
      .send({ comment: 'Bitte die Abgänge prüfen.' });
    expect(returned.body).toMatchObject({
      state: 'returned',
      returnComment: 'Bitte die Abgänge prüfen.',
    });

    const edited = await t
      .http()
      .put(path())
      .set('Authorization', company)
      .send({ answers: { leavers: 11 }, version: returned.body.version });
    expect(edited.body.state).toBe('returned');
    const resubmitted = await t
      .http()
      .post(`${path()}/submit`)
      .set('Authorization', company)
      .send({});
    expect(resubmitted.body.state).toBe('submitted');
    const accepted = await t.http().post(`${path()}/accept`).set('Authorization', review);
    expect(accepted.body.state).toBe('accepted');

    const audit = await t.http().get(`${path()}/audit`).set('Authorization', company);
    const states = (audit.body as { action: string; newValue: unknown }[])
      .filter((a) => a.action === 'state')
      .map((a) => a.newValue);
    expect(states).toEqual(['submitted', 'returned', 'submitted', 'accepted']);
    const leavers = (
      audit.body as { field: string; oldValue: unknown; newValue: unknown; actorRole: string }[]
    ).filter((a) => a.field === 'leavers');
    expect(leavers[0]).toMatchObject({ oldValue: null, newValue: 12, actorRole: 'company_editor' });
    expect(leavers.at(-1)).toMatchObject({ newValue: 11 });
  });

  it('refuses invalid answers with every problem in the request language and stores nothing', async () => {
    const w = await createStudyWorld();
    const user = await createUser(w.company, 'company_admin');
    const p = `/api/v1/cycles/${w.cycle.id}/units/${w.unit.id}/submission`;
    const auth = await t.tokenFor(user);
    await t
      .http()
      .put(p)
      .set('Authorization', auth)
      .send({ answers: { agent_fte: 50 }, version: 0 });
    const res = await t
      .http()
      .put(p)
      .set('Authorization', auth)
      .set('Accept-Language', 'de-DE,de;q=0.9')
      .send({
        answers: { agent_fte: 'viele', sickness_rate: 140, no_such_kpi: 1, attrition_rate: 3 },
        version: 1,
      });
    expect(res.status).toBe(422);
    const byKey = Object.fromEntries(
      (res.body.problems as { key: string; rule: string }[]).map((x) => [x.key, x.rule]),
    );
    expect(byKey).toEqual({
      agent_fte: 'type_number',
      sickness_rate: 'max',
      no_such_kpi: 'unknown_key',
      attrition_rate: 'derived_readonly',
    });
    expect(res.body.message).toContain('nichts wurde gespeichert');
    const stored = await t.http().get(p).set('Authorization', auth);
    expect(stored.body).toMatchObject({ version: 1, answers: { agent_fte: 50 } });
  });

  it('shows a stored warning in the language of each reader, not of whoever saved it', async () => {
    const w = await createStudyWorld();
    const previous = await createCycle(w.study, 2025, 'closed');
    await createSubmission(previous, w.unit, { agent_fte: 50 });
    const company = await t.tokenFor(await createUser(w.company, 'company_admin'));
    const p = `/api/v1/cycles/${w.cycle.id}/units/${w.unit.id}/submission`;
    const saved = await t
      .http()
      .put(p)
      .set('Authorization', company)
      .set('Accept-Language', 'de')
      .send({ answers: { agent_fte: 120 }, version: 0 });
    const warning = {
      key: 'agent_fte',
      rule: 'previous_cycle_deviation',
      params: { value: 120, previous: 50 },
      id: 'previous_cycle_deviation|agent_fte',
      comment: null,
    };
    expect(saved.body.warnings).toEqual([
      {
        ...warning,
        message:
          'Agenten (Vollzeitäquivalente): 120 FTE ist mehr als das Doppelte des Vorjahreswerts von 50 FTE.',
      },
    ]);
    const owner = await ownerDataSource();
    const [stored] = await owner.query<{ warnings: unknown }[]>(
      'SELECT warnings FROM submissions WHERE cycle_id = $1 AND unit_id = $2',
      [w.cycle.id, w.unit.id],
    );
    expect(stored.warnings).toEqual([
      { key: 'agent_fte', rule: 'previous_cycle_deviation', params: { value: 120, previous: 50 } },
    ]);
    const publisher = await t.tokenFor(await createUser(w.publisher, 'publisher_admin'));
    const read = await t
      .http()
      .get(p)
      .set('Authorization', publisher)
      .set('Accept-Language', 'en-GB');
    expect(read.body.warnings).toEqual([
      {
        ...warning,
        message:
          "Agents (full-time equivalents): 120 FTE is more than twice last cycle's value of 50 FTE.",
      },
    ]);
  });

  it('gives the second of two concurrent writers 409 and keeps the first write', async () => {
    const w = await createStudyWorld();
    const a = await createUser(w.company, 'company_admin');
    const b = await createUser(w.company, 'company_editor');
    const p = `/api/v1/cycles/${w.cycle.id}/units/${w.unit.id}/submission`;
    const first = await t
      .http()
      .put(p)
      .set('Authorization', await t.tokenFor(a))
      .send({ answers: { agent_fte: 10 }, version: 0 });
    expect(first.status).toBe(200);
    const second = await t
      .http()
      .put(p)
      .set('Authorization', await t.tokenFor(b))
      .send({ answers: { agent_fte: 20 }, version: 0 });
    expect(second.status).toBe(409);
    const stored = await t
      .http()
      .get(p)
      .set('Authorization', await t.tokenFor(a));
    expect(stored.body.answers.agent_fte).toBe(10);
  });

  it('refuses a submit without required answers, naming them', async () => {
    const w = await createStudyWorld();
    const user = await createUser(w.company, 'company_admin');
    const p = `/api/v1/cycles/${w.cycle.id}/units/${w.unit.id}/submission`;
    const auth = await t.tokenFor(user);
    await t
      .http()
      .put(p)
      .set('Authorization', auth)
      .send({ answers: { agent_fte: 50 }, version: 0 });
    const res = await t.http().post(`${p}/submit`).set('Authorization', auth).send({});
    expect(res.status).toBe(422);
    const rules = new Set((res.body.problems as { rule: string }[]).map((x) => x.rule));
    expect(rules).toEqual(new Set(['required']));
    expect((await t.http().get(p).set('Authorization', auth)).body.state).toBe('draft');
  });

  it('refuses every change in a closed cycle', async () => {
    const w = await createStudyWorld();
    const closed = await createCycle(w.study, 2019, 'closed');
    const user = await createUser(w.company, 'company_admin');
    const res = await t
      .http()
      .put(`/api/v1/cycles/${closed.id}/units/${w.unit.id}/submission`)
      .set('Authorization', await t.tokenFor(user))
      .send({ answers: { agent_fte: 5 }, version: 0 });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('closed');
  });

  it('lets a company viewer read but not write (403)', async () => {
    const auth = await t.tokenFor(viewer);
    expect((await t.http().get(path()).set('Authorization', auth)).status).toBe(200);
    const res = await t
      .http()
      .put(path())
      .set('Authorization', auth)
      .send({ answers: {}, version: 0 });
    expect(res.status).toBe(403);
    expect(
      (await t.http().post(`${path()}/submit`).set('Authorization', auth).send({})).status,
    ).toBe(403);
  });

  it('answers 404 on every submission path to another company and another publisher', async () => {
    const calls: [string, string, object?][] = [
      ['get', path()],
      ['put', path(), { answers: {}, version: 0 }],
      ['post', `${path()}/submit`, {}],
      ['post', `${path()}/accept`],
      ['post', `${path()}/return`, { comment: 'x' }],
      ['get', `${path()}/audit`],
    ];
    const company = await t.tokenFor(otherCompany);
    const foreignPublisher = await t.tokenFor(otherPublisher);
    for (const [method, p, body] of calls) {
      const forCompany = method === 'post' && /accept|return/.test(p) ? null : company;
      const forPublisher = method === 'put' || p.endsWith('submit') ? null : foreignPublisher;
      for (const auth of [forCompany, forPublisher].filter((a): a is string => a !== null)) {
        const res = await t.http()[method as 'get'](p).set('Authorization', auth).send(body);
        expect({ method, p, status: res.status }).toEqual({ method, p, status: 404 });
      }
    }
  });

  it('audits a save of several answers as one row that lists each change', async () => {
    const w = await createStudyWorld();
    const user = await createUser(w.company, 'company_editor');
    const p = `/api/v1/cycles/${w.cycle.id}/units/${w.unit.id}/submission`;
    const auth = await t.tokenFor(user);
    const first = await t
      .http()
      .put(p)
      .set('Authorization', auth)
      .send({ answers: { agent_fte: 50, leavers: 5 }, version: 0 });
    expect(first.status).toBe(200);
    const second = await t
      .http()
      .put(p)
      .set('Authorization', auth)
      .send({
        answers: { agent_fte: 50, leavers: 6, headcount_avg: 60 },
        version: first.body.version,
      });
    expect(second.status).toBe(200);

    const owner = await ownerDataSource();
    const rows = await owner.query<{ changes: [string, string, unknown, unknown][] }[]>(
      `SELECT a.changes FROM submission_audit a JOIN submissions s ON s.id = a.submission_id
        WHERE s.unit_id = $1 ORDER BY a.id`,
      [w.unit.id],
    );
    // Two saves, two rows: the first set two answers, the second changed one and added one.
    expect(rows.map((row) => row.changes.map(([, field]) => field))).toEqual([
      ['agent_fte', 'leavers'],
      ['leavers', 'headcount_avg'],
    ]);
    const audit = await t.http().get(`${p}/audit`).set('Authorization', auth);
    expect(
      (audit.body as { field: string; oldValue: unknown; newValue: unknown }[]).map((entry) => [
        entry.field,
        entry.oldValue,
        entry.newValue,
      ]),
    ).toEqual([
      ['agent_fte', null, 50],
      ['leavers', null, 5],
      ['leavers', 5, 6],
      ['headcount_avg', null, 60],
    ]);
  });

  it('keeps the audit trail append-only for the application role', async () => {
    const db = new DataSource(dataSourceOptions(appUrl(), 1));
    await db.initialize();
    try {
      const tenantDb = new TenantDb(db);
      const tenant = asTenantId(world.company.id);
      const rows = await tenantDb.withTenant(tenant, (m) =>
        managerOf(m).query<{ id: string }[]>('SELECT id FROM submission_audit LIMIT 1'),
      );
      expect(rows.length).toBe(1);
      await expect(
        tenantDb.withTenant(tenant, (m) =>
          managerOf(m).query(`UPDATE submission_audit SET changes = '[]' WHERE id = $1`, [
            rows[0].id,
          ]),
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(
        tenantDb.withTenant(tenant, (m) =>
          managerOf(m).query('DELETE FROM submission_audit WHERE id = $1', [rows[0].id]),
        ),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await db.destroy();
    }
  });
});
