import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import {
  asTenantId,
  DEFAULT_DISCLOSURE_POLICY,
  generateDemoData,
  matchesPeerGroup,
  type PeerGroupFilter,
} from '@app/domain';
import { dataSourceOptions, StudyEntity, TenantDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ApiClient } from './support/api-client';
import { publishSnapshot } from './support/published-snapshot';
import {
  BrowserTestApp,
  clickAndWait,
  heading,
  mainText,
  screenshot,
  startBrowserApp,
  textOf,
} from './support/browser';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createSubmission,
  createUnit,
  createUser,
  enrol,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { appUrl, testConfig } from './support/test-env';
// The tests reach the tenant's transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

/** The cap of this study's policy: small, so that a test reaches it. */
const CAP = 3;
const BROWSER_TEST_MS = 180_000;

interface LedgerRow {
  peer_group_id: string;
  decision: string;
  rule: string | null;
  n: number;
  requester_tenant_id: string;
  requester_user_id: string | null;
}

interface Report {
  snapshotId: string;
  rules: { rule: string; parameters: Record<string, unknown> }[];
  standard: {
    cells: number;
    released: number;
    suppressed: number;
    suppressedByRule: { rule: string; count: number }[];
    statisticsWithheld: { statistic: string; rule: string; count: number }[];
  };
  custom: { groups: number; cells: number; released: number };
  folding: unknown[];
  requests: {
    requests: number;
    byDecision: { decision: string; count: number }[];
    refusedByRule: { rule: string; count: number }[];
    requesters: { organisationName: string; requests: number; counted: number }[];
  };
  ledger: { peerGroupId: string; decision: string; organisationName: string }[];
  groups: { id: string; kind: string; n: number; cellsReleased: number; cellsSuppressed: number }[];
  utility: {
    standardCellsReleasedShare: number;
    units: number;
    unitsWithUsefulPeerGroup: number;
    unitsWithUsefulPeerGroupShare: number;
  };
}

describe('release ledger of custom peer groups and the disclosure report (e2e, real worker)', () => {
  let t: BrowserTestApp;
  let worker: INestApplicationContext;
  let publisher: TestUser;
  let companyA: TestUser;
  let companyB: TestUser;
  let outsider: TestUser;
  let otherPublisher: TestUser;
  let cycleId: string;
  let snapshotId: string;

  const auth = async (user: TestUser) => ({ Authorization: await t.tokenFor(user) });

  const ask = async (user: TestUser, filter: PeerGroupFilter, language = 'en') =>
    t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/peer-groups`)
      .set(await auth(user))
      .set('Accept-Language', language)
      .send({ filter });

  const problemOf = (body: unknown) => (body as { problems: { rule: string }[] }).problems[0];

  async function ledger(): Promise<LedgerRow[]> {
    const db = await ownerDataSource();
    return db.query<LedgerRow[]>(
      `SELECT peer_group_id, decision, rule, n, requester_tenant_id, requester_user_id
         FROM peer_group_requests WHERE snapshot_id = $1 ORDER BY requested_at, id`,
      [snapshotId],
    );
  }

  async function report(user: TestUser) {
    return t
      .http()
      .get(`/api/v1/snapshots/${snapshotId}/disclosure-report`)
      .set(await auth(user));
  }

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();

    const publisherOrg = await createOrganisation('publisher', 'Ledger Benchmarking GmbH');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    const study = await createStudy(publisherOrg);
    const db = await ownerDataSource();
    await db
      .getRepository(StudyEntity)
      .update(
        { id: study.id },
        { disclosurePolicy: { ...DEFAULT_DISCLOSURE_POLICY, maxCustomGroupsPerParticipant: CAP } },
      );
    const cycle = await createCycle(study, 2025);
    cycleId = cycle.id;
    const answers = generateDemoData({ units: 12, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    for (let i = 0; i < 12; i++) {
      const company = await createOrganisation('company', `Ledger Company ${i}`);
      await enrol(study, company);
      if (i === 0) {
        companyA = await createUser(company, 'company_admin');
      }
      if (i === 1) {
        companyB = await createUser(company, 'company_viewer');
      }
      // Six telecom and six banking units, all in Germany but the last, all of size band M.
      const unit = await createUnit(company, 120, {
        industry: i < 6 ? 'telecom' : 'banking',
        country: i === 11 ? 'AT' : 'DE',
      });
      await createSubmission(cycle, unit, answers[i]);
    }
    outsider = await createUser(await createOrganisation('company'), 'company_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');

    snapshotId = await publishSnapshot(new ApiClient(t, publisher), cycleId);
  }, 120_000);

  afterAll(async () => {
    await worker.close();
    await t.close();
    await closeOwnerDataSource();
  });

  it('records a released, a refused and a repeated custom group with who asked and its member count', async () => {
    const released = await ask(companyA, { industry: ['telecom'], country: ['DE'] });
    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ peerGroup: { id: 'industry:telecom;country:DE', n: 6 } });
    const refused = await ask(companyA, { sourcing: ['outsourced'] });
    expect(refused.status).toBe(422);
    expect(problemOf(refused.body).rule).toBe('min_n');
    const repeated = await ask(companyA, { industry: ['telecom'], country: ['DE'] });
    expect(repeated.status).toBe(201);
    expect(repeated.body).toEqual(released.body);

    expect(await ledger()).toEqual([
      {
        peer_group_id: 'industry:telecom;country:DE',
        decision: 'released',
        rule: null,
        n: 6,
        requester_tenant_id: companyA.tenantId,
        requester_user_id: companyA.id,
      },
      {
        peer_group_id: 'sourcing:outsourced',
        decision: 'refused',
        rule: 'min_n',
        n: 0,
        requester_tenant_id: companyA.tenantId,
        requester_user_id: companyA.id,
      },
      {
        peer_group_id: 'industry:telecom;country:DE',
        decision: 'already_released',
        rule: null,
        n: 6,
        requester_tenant_id: companyA.tenantId,
        requester_user_id: companyA.id,
      },
    ]);
  });

  it('refuses the next new group beyond the cap with custom_group_limit, and still answers a released group', async () => {
    // Released 1 + refused 1 so far; the repeat did not count. The third new group is the last.
    const third = await ask(companyA, { sourcing: ['mixed'] });
    expect(problemOf(third.body).rule).toBe('min_n');

    const capped = await ask(companyA, { customerType: ['b2b'] });
    expect(capped.status).toBe(422);
    expect(problemOf(capped.body).rule).toBe('custom_group_limit');
    expect((capped.body as { message: string }).message).toContain(
      `at most ${CAP} custom peer groups`,
    );
    const cappedDe = await ask(companyA, { customerType: ['mixed'] }, 'de');
    expect(problemOf(cappedDe.body).rule).toBe('custom_group_limit');
    expect((cappedDe.body as { message: string }).message).toContain(
      `höchstens ${CAP} eigene Vergleichsgruppen`,
    );

    // A released group still answers: the custom one asked before and a standard one.
    const again = await ask(companyA, { industry: ['telecom'], country: ['DE'] });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ peerGroup: { id: 'industry:telecom;country:DE' } });
    const standard = await ask(companyA, { industry: ['telecom'] });
    expect(standard.status).toBe(201);

    // The cap is per participant: another company is judged as before.
    const other = await ask(companyB, { sourcing: ['outsourced'] });
    expect(problemOf(other.body).rule).toBe('min_n');

    const rows = await ledger();
    expect(rows.slice(3).map((r) => [r.peer_group_id, r.decision, r.rule])).toEqual([
      ['sourcing:mixed', 'refused', 'min_n'],
      ['customerType:b2b', 'refused', 'custom_group_limit'],
      ['customerType:mixed', 'refused', 'custom_group_limit'],
      ['industry:telecom;country:DE', 'already_released', null],
      ['industry:telecom', 'already_released', null],
      ['sourcing:outsourced', 'refused', 'min_n'],
    ]);
    expect(rows.at(-1)?.requester_tenant_id).toBe(companyB.tenantId);
  });

  it('lets a company neither read nor write the ledger, only count its own requests', async () => {
    const app = new DataSource(dataSourceOptions(appUrl(), 1));
    await app.initialize();
    try {
      const db = new TenantDb(app);
      const asCompany = (tenantId: string) =>
        db.withTenant(asTenantId(tenantId), async (m) => ({
          rows: await managerOf(m).query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM peer_group_requests',
          ),
          tally: await managerOf(m).query<
            { decision: string; rule: string | null; requests: number }[]
          >('SELECT * FROM peer_group_request_tally($1) ORDER BY decision, rule', [snapshotId]),
        }));
      const a = await asCompany(companyA.tenantId);
      expect(a.rows).toEqual([{ n: 0 }]);
      expect(a.tally).toEqual([
        { decision: 'already_released', rule: null, requests: 3 },
        { decision: 'refused', rule: 'custom_group_limit', requests: 2 },
        { decision: 'refused', rule: 'min_n', requests: 2 },
        { decision: 'released', rule: null, requests: 1 },
      ]);
      expect((await asCompany(companyB.tenantId)).tally).toEqual([
        { decision: 'refused', rule: 'min_n', requests: 1 },
      ]);
      const asPublisher = await db.withTenant(asTenantId(publisher.tenantId), (m) =>
        managerOf(m).query<{ n: number }[]>('SELECT count(*)::int AS n FROM peer_group_requests'),
      );
      expect(asPublisher).toEqual([{ n: 9 }]);

      await expect(
        db.withTenant(asTenantId(companyA.tenantId), (m) =>
          managerOf(m).query(
            `INSERT INTO peer_group_requests (snapshot_id, tenant_id, requester_tenant_id,
               requester_user_id, peer_group_id, filter, n, decision)
             VALUES ($1, $2, $2, $3, 'all', '{}', 12, 'released')`,
            [snapshotId, companyA.tenantId, companyA.id],
          ),
        ),
      ).rejects.toThrow(/permission denied/);
      // A company outside the study cannot write a request on the snapshot either.
      await expect(
        db.withTenant(asTenantId(outsider.tenantId), (m) =>
          managerOf(m).query(
            `SELECT peer_group_request_record($1, 'all', '{}', 12, 'released', NULL, $2, NULL)`,
            [snapshotId, outsider.id],
          ),
        ),
      ).rejects.toThrow(/no peer group request/);
      await expect(
        app.query('UPDATE peer_group_requests SET decision = $1', ['released']),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
    }
  });

  it('answers the disclosure report to the publisher only: a company or another tenant gets 404', async () => {
    expect((await report(publisher)).status).toBe(200);
    for (const user of [companyA, companyB, outsider, otherPublisher]) {
      expect([user.role, (await report(user)).status]).toEqual([user.role, 404]);
    }
    const unknown = await t
      .http()
      .get(`/api/v1/snapshots/00000000-0000-4000-8000-000000000000/disclosure-report`)
      .set(await auth(publisher));
    expect(unknown.status).toBe(404);
  });

  it('counts in the disclosure report what an independent count over the stored cells gives', async () => {
    const body = (await report(publisher)).body as Report;
    const db = await ownerDataSource();

    const cells = await db.query<{ rule: string | null; cells: number }[]>(
      `SELECT c.suppressed->>'rule' AS rule, count(*)::int AS cells
         FROM snapshot_cells c
         JOIN snapshot_peer_groups g USING (snapshot_id, peer_group_id)
        WHERE c.snapshot_id = $1 AND g.kind <> 'custom'
        GROUP BY 1`,
      [snapshotId],
    );
    const released = cells.find((c) => c.rule === null)?.cells ?? 0;
    const suppressed = cells.filter((c) => c.rule !== null);
    expect(body.standard.released).toBe(released);
    expect(body.standard.suppressed).toBe(suppressed.reduce((sum, c) => sum + c.cells, 0));
    expect(body.standard.cells).toBe(body.standard.released + body.standard.suppressed);
    expect(
      Object.fromEntries(body.standard.suppressedByRule.map((r) => [r.rule, r.count])),
    ).toEqual(Object.fromEntries(suppressed.map((c) => [c.rule, c.cells])));
    expect(body.utility.standardCellsReleasedShare).toBeCloseTo(released / body.standard.cells, 12);

    const statistics = await db.query<{ statistic: string; rule: string; count: number }[]>(
      `SELECT s->>'statistic' AS statistic, s->>'rule' AS rule, count(*)::int AS count
         FROM snapshot_cells c
         JOIN snapshot_peer_groups g USING (snapshot_id, peer_group_id)
         CROSS JOIN LATERAL jsonb_array_elements(c.suppressed_statistics) s
        WHERE c.snapshot_id = $1 AND g.kind <> 'custom'
        GROUP BY 1, 2`,
      [snapshotId],
    );
    const key = (s: { statistic: string; rule: string }) => `${s.statistic}/${s.rule}`;
    expect(
      Object.fromEntries(body.standard.statisticsWithheld.map((s) => [key(s), s.count])),
    ).toEqual(Object.fromEntries(statistics.map((s) => [key(s), s.count])));

    // One custom group was released; its cells are counted apart.
    expect(body.custom.groups).toBe(1);
    const groups = await db.query<{ peer_group_id: string; cells: number }[]>(
      `SELECT peer_group_id, count(*)::int AS cells FROM snapshot_cells
        WHERE snapshot_id = $1 GROUP BY 1`,
      [snapshotId],
    );
    for (const group of body.groups) {
      const stored = groups.find((g) => g.peer_group_id === group.id)?.cells ?? 0;
      expect([group.id, group.cellsReleased + group.cellsSuppressed]).toEqual([group.id, stored]);
    }

    // The requests: nine in the ledger, the organisations named for the publisher.
    const rows = await ledger();
    expect(body.requests.requests).toBe(rows.length);
    const decisions = (decision: string) => rows.filter((r) => r.decision === decision).length;
    expect(body.requests.byDecision).toEqual([
      { decision: 'released', count: decisions('released') },
      { decision: 'already_released', count: decisions('already_released') },
      { decision: 'refused', count: decisions('refused') },
    ]);
    expect(body.requests.refusedByRule).toEqual([
      { rule: 'min_n', count: 3, share: 0.6 },
      { rule: 'custom_group_limit', count: 2, share: 0.4 },
    ]);
    expect(body.requests.requesters).toEqual([
      expect.objectContaining({ organisationName: 'Ledger Company 0', requests: 8, counted: 3 }),
      expect.objectContaining({ organisationName: 'Ledger Company 1', requests: 1, counted: 1 }),
    ]);
    expect(body.rules).toContainEqual({
      rule: 'custom_group_limit',
      parameters: { maxCustomGroupsPerParticipant: CAP },
    });

    // Units with a released standard group other than all of n >= 9, counted here from the
    // units' profiles and the stored groups.
    const units = await db.query<
      {
        industry: string;
        country: string;
        size_band: string;
        customer_type: string;
        sourcing: string;
      }[]
    >(
      `SELECT u.industry, u.country, u.size_band, u.customer_type, u.sourcing
         FROM submissions s JOIN units u ON u.id = s.unit_id
        WHERE s.cycle_id = $1 AND s.state = 'accepted'`,
      [cycleId],
    );
    const useful = await db.query<{ filter: PeerGroupFilter }[]>(
      `SELECT filter FROM snapshot_peer_groups
        WHERE snapshot_id = $1 AND released AND kind IN ('dimension', 'pair') AND n >= 9`,
      [snapshotId],
    );
    const covered = units.filter((u) =>
      useful.some((g) =>
        matchesPeerGroup(
          {
            industry: u.industry,
            country: u.country,
            sizeBand: u.size_band,
            customerType: u.customer_type,
            sourcing: u.sourcing,
          },
          g.filter,
        ),
      ),
    ).length;
    expect(body.utility).toMatchObject({
      units: units.length,
      unitsWithUsefulPeerGroup: covered,
      unitsWithUsefulPeerGroupShare: covered / units.length,
    });
  });

  it(
    'shows the publisher the disclosure report page from the cycle page, and a company a not-found page',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, publisher, `/login?next=${encodeURIComponent(`/cycles/${cycleId}`)}`);
      expect(await clickAndWait(page, `a[href="/snapshots/${snapshotId}/disclosure-report"]`)).toBe(
        200,
      );
      expect(await heading(page)).toBe('Offenlegungsbericht des Snapshots 2025');
      const text = await mainText(page);
      expect(text).toContain('Obergrenze eigener Vergleichsgruppen (custom_group_limit)');
      expect(text).toContain('Ledger Company 0');
      expect(await textOf(page, '#request-counts [data-count="total"]')).toBe('9');
      expect(await textOf(page, '#requesters tbody tr:first-child td:last-child')).toBe(
        `3 von ${CAP}`,
      );
      await screenshot(page, 'publisher-disclosure-report-de');

      const english = await t.newPage({ acceptLanguage: 'en' });
      await t.signIn(
        english,
        publisher,
        `/login?next=${encodeURIComponent(`/snapshots/${snapshotId}/disclosure-report`)}`,
      );
      expect(await heading(english)).toBe('Disclosure report of the snapshot 2025');
      expect(await mainText(english)).toContain('cap on custom peer groups (custom_group_limit)');
      await screenshot(english, 'publisher-disclosure-report-en');

      const company = await t.newPage({ acceptLanguage: 'en' });
      await t.signIn(company, companyA);
      const response = await company.goto(t.url(`/snapshots/${snapshotId}/disclosure-report`));
      expect(response?.status()).toBe(404);
      expect(await mainText(company)).not.toContain('Ledger Company');
    },
    BROWSER_TEST_MS,
  );
});
