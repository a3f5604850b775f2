import { Test } from '@nestjs/testing';
import { generateDemoData } from '@app/domain';
import {
  dataSourceOptions,
  OrganisationEntity,
  StudyEntity,
  SubmissionEntity,
  UnitEntity,
} from '@app/persistence';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApp, TestApp } from './support/app';
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

interface Cell {
  kpiKey: string;
  n: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  suppressed: { rule: string; reason: string } | null;
  suppressedStatistics: { statistic: string; rule: string }[];
}

/** Hand-picked training days of the twelve units: 10, 12, ..., 32. */
const TRAINING_DAYS = Array.from({ length: 12 }, (_, i) => 10 + 2 * i);

describe('snapshots (e2e, real worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let publisher: TestUser;
  let viewer: TestUser;
  let editor: TestUser;
  let study: StudyEntity;
  let otherCompany: TestUser;
  let otherPublisher: TestUser;
  let cycleId: string;
  let unitIds: string[];
  let firstSnapshot: string;

  const auth = async (user: TestUser) => ({ Authorization: await t.tokenFor(user) });

  async function computed(snapshotId: string): Promise<Record<string, unknown>> {
    const headers = await auth(publisher);
    for (let i = 0; i < 300; i++) {
      const res = await t.http().get(`/api/v1/snapshots/${snapshotId}`).set(headers);
      const body = res.body as { state: string };
      if (body.state === 'done' || body.state === 'failed') {
        return res.body as Record<string, unknown>;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`snapshot ${snapshotId} did not finish`);
  }

  async function cells(user: TestUser, snapshotId: string, peerGroup = 'all'): Promise<Cell[]> {
    const res = await t
      .http()
      .get(`/api/v1/snapshots/${snapshotId}/benchmarks`)
      .query({ peerGroup })
      .set(await auth(user));
    expect(res.status).toBe(200);
    return (res.body as { cells: Cell[] }).cells;
  }

  /** A supertest agent signed in to the web pages through the form. */
  async function signedInAgent(user: TestUser) {
    const http = request.agent(t.app.getHttpServer());
    const form = await http.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const signIn = await http
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    expect(signIn.status).toBe(303);
    return http;
  }

  const cellOf = (list: Cell[], key: string) => {
    const cell = list.find((c) => c.kpiKey === key);
    if (!cell) {
      throw new Error(`no cell for ${key}`);
    }
    return cell;
  };

  beforeAll(async () => {
    t = await startApp();
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot(testConfig())],
    }).compile();
    worker = await moduleRef.init();

    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    // Twelve units, small enough to work the percentiles by hand: the policy gives quantiles
    // from 6 contributors instead of the default 20.
    study = await createStudy(publisherOrg, undefined, { minNQuantiles: 6 });
    const cycle = await createCycle(study, 2025);
    cycleId = cycle.id;
    const answers = generateDemoData({ units: 12, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    unitIds = [];
    for (let i = 0; i < 12; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      if (i === 0) {
        viewer = await createUser(company, 'company_viewer');
        editor = await createUser(company, 'company_editor');
      }
      // Six telecom and six banking units, all in Germany but the last, all of size band M.
      const unit = await createUnit(company, 120, {
        industry: i < 6 ? 'telecom' : 'banking',
        country: i === 11 ? 'AT' : 'DE',
      });
      unitIds.push(unit.id);
      const given: SubmissionEntity['answers'] = {
        ...answers[i],
        training_days_new: TRAINING_DAYS[i],
      };
      if (i === 0) {
        // The viewer's unit did not supply the employee NPS nor its agents per team lead:
        // give-to-get withholds them.
        delete given.employee_nps;
        delete given.agents_per_team_lead;
      }
      await createSubmission(cycle, unit, given);
    }
    otherCompany = await createUser(await createOrganisation('company'), 'company_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
    await closeOwnerDataSource();
  });

  it('computes a snapshot in the worker and reuses it for the same inputs', async () => {
    const headers = await auth(publisher);
    const started = await t.http().post(`/api/v1/cycles/${cycleId}/snapshots`).set(headers);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ reused: false });
    firstSnapshot = (started.body as { snapshotId: string }).snapshotId;
    const again = await t.http().post(`/api/v1/cycles/${cycleId}/snapshots`).set(headers);
    expect(again.body).toEqual({ snapshotId: firstSnapshot, reused: true });

    const snapshot = await computed(firstSnapshot);
    expect(snapshot).toMatchObject({ state: 'done', progress: 100, published: false });
    expect(snapshot.manifest).toMatchObject({ units: 12, companies: 12 });
    expect(snapshot.manifestHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('releases the percentiles of the hand-worked example in the group of all participants', async () => {
    const training = cellOf(await cells(publisher, firstSnapshot), 'training_days_new');
    // x = 10, 12, ..., 32 (n = 12); h = 11p: P10 = 12 + 0.1*2, P25 = 14 + 0.75*2, P50 = 21,
    // P75 = 26 + 0.25*2, P90 = 28 + 0.9*2; mean 21.
    expect(training.suppressed).toBeNull();
    expect(training.n).toBe(12);
    expect(training.mean).toBeCloseTo(21, 10);
    expect(training.p10).toBeCloseTo(12.2, 10);
    expect(training.p25).toBeCloseTo(15.5, 10);
    expect(training.p50).toBeCloseTo(21, 10);
    expect(training.p75).toBeCloseTo(26.5, 10);
    expect(training.p90).toBeCloseTo(29.8, 10);
  });

  it('suppresses the tails below ten peers and a group one unit short of all participants', async () => {
    const telecom = cellOf(
      await cells(publisher, firstSnapshot, 'industry:telecom'),
      'training_days_new',
    );
    // 10, 12, ..., 20: P25 = 12 + 0.25*2, P50 = 15, P75 = 16 + 0.75*2.
    expect(telecom).toMatchObject({ n: 6, p10: null, p90: null, suppressed: null });
    expect(telecom.p25).toBeCloseTo(12.5, 10);
    expect(telecom.p50).toBeCloseTo(15, 10);
    expect(telecom.p75).toBeCloseTo(17.5, 10);
    expect(telecom.suppressedStatistics.map((s) => [s.statistic, s.rule])).toEqual([
      ['p10', 'min_n_tails'],
      ['p90', 'min_n_tails'],
    ]);

    // Germany holds all participants but one: releasing it would reveal the Austrian unit.
    const germany = cellOf(
      await cells(publisher, firstSnapshot, 'country:DE'),
      'training_days_new',
    );
    expect(germany).toMatchObject({ n: null, mean: null, p50: null });
    expect(germany.suppressed?.rule).toBe('differencing');
    const austria = cellOf(
      await cells(publisher, firstSnapshot, 'country:AT'),
      'training_days_new',
    );
    expect(austria.suppressed?.rule).toBe('min_n');
    expect(austria.p50).toBeNull();
  });

  it('shows a company nothing of a snapshot that is not published', async () => {
    const headers = await auth(viewer);
    expect((await t.http().get(`/api/v1/snapshots/${firstSnapshot}`).set(headers)).status).toBe(
      404,
    );
    const list = await t.http().get(`/api/v1/cycles/${cycleId}/snapshots`).set(headers);
    expect(list.body).toEqual([]);
  });

  it('keeps a computed snapshot unchanged when a submission changes, and refuses to publish it then', async () => {
    const before = await cells(publisher, firstSnapshot);
    const db = await ownerDataSource();
    const changed = await db
      .getRepository(SubmissionEntity)
      .findOneByOrFail({ cycleId, unitId: unitIds[5] });
    await db
      .getRepository(SubmissionEntity)
      .update({ id: changed.id }, { answers: { ...changed.answers, training_days_new: 99 } });

    expect(await cells(publisher, firstSnapshot)).toEqual(before);
    const headers = await auth(publisher);
    const next = await t.http().post(`/api/v1/cycles/${cycleId}/snapshots`).set(headers);
    expect(next.body).toMatchObject({ reused: false });
    const second = (next.body as { snapshotId: string }).snapshotId;
    await computed(second);
    // The edit bypassed the service, so the database cleared the unit's stored KPI vector and
    // the snapshot derived the unit from its answers: 99 days, not the stale 20.
    expect(cellOf(await cells(publisher, second), 'training_days_new').mean).toBeCloseTo(
      (21 * 12 - 20 + 99) / 12,
      10,
    );

    expect((await t.http().post(`/api/v1/cycles/${cycleId}/close`).set(headers)).status).toBe(200);
    const stale = await t
      .http()
      .post(`/api/v1/cycles/${cycleId}/publish`)
      .set(headers)
      .send({ snapshotId: firstSnapshot });
    expect(stale.status).toBe(409);

    // Recomputing the same inputs gives the identical manifest hash and cells.
    const recomputed = await t
      .http()
      .post(`/api/v1/cycles/${cycleId}/snapshots`)
      .set(headers)
      .send({ recompute: true });
    const third = (recomputed.body as { snapshotId: string }).snapshotId;
    expect(third).not.toBe(second);
    const [a, b] = [await computed(second), await computed(third)];
    expect(b.manifestHash).toBe(a.manifestHash);
    expect(await cells(publisher, third)).toEqual(await cells(publisher, second));

    const published = await t
      .http()
      .post(`/api/v1/cycles/${cycleId}/publish`)
      .set(headers)
      .send({ snapshotId: second });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', publishedSnapshotId: second });
    firstSnapshot = second;
  });

  it('lists only the published snapshot to a company and withholds KPIs it did not supply', async () => {
    const headers = await auth(viewer);
    const list = await t.http().get(`/api/v1/cycles/${cycleId}/snapshots`).set(headers);
    expect(
      (list.body as { id: string; published: boolean }[]).map((s) => [s.id, s.published]),
    ).toEqual([[firstSnapshot, true]]);
    const seen = await cells(viewer, firstSnapshot);
    expect(cellOf(seen, 'employee_nps')).toMatchObject({
      n: null,
      mean: null,
      suppressed: { rule: 'give_to_get' },
    });
    expect(cellOf(seen, 'training_days_new').suppressed).toBeNull();
    const groups = await t
      .http()
      .get(`/api/v1/snapshots/${firstSnapshot}/peer-groups`)
      .set(headers);
    const ids = (groups.body as { id: string }[]).map((g) => g.id);
    expect(ids).toContain('all');
    // Austria alone has one unit: no cell released, so a company does not see the group.
    expect(ids).not.toContain('country:AT');
  });

  it("shows the unit's benchmark page the KPIs it did not supply as withheld, in its groups and others", async () => {
    const http = await signedInAgent(viewer);
    // Training days after the change above: all 10..18, 22..32, 99 (median 23); banking, a group
    // the unit is not a member of, 22..32 (median (26 + 28) / 2 = 27).
    for (const [peerGroup, median] of [
      ['all', '23'],
      ['industry:banking', '27'],
    ]) {
      const page = await http
        .get(`/snapshots/${firstSnapshot}/benchmarks`)
        .query({ unitId: unitIds[0], peerGroup })
        .set('Accept-Language', 'en');
      expect(page.status).toBe(200);
      const block = (id: string) => {
        const start = page.text.indexOf(`<tbody class="kpi" id="${id}">`);
        expect(start).toBeGreaterThan(-1);
        return page.text.slice(start, page.text.indexOf('</tbody>', start));
      };
      // "All" releases both KPIs (eleven units gave them): give-to-get alone withholds them
      // from this unit. Banking withholds them for everyone (the release audit: with "all"
      // released, banking's sum would leave the five telecom units that gave them, and each of
      // those would learn the sum of the other four); the page shows no figure either way.
      for (const id of ['kpi-agents_per_team_lead', 'kpi-employee_nps']) {
        const withheld = block(id);
        if (peerGroup === 'all') {
          expect(withheld).toContain('only for units that supplied this KPI themselves');
        }
        expect(withheld).not.toContain('<svg');
        expect(withheld).not.toMatch(/<td class="number">[^<]*\d/);
      }
      expect(block('kpi-training_days_new')).toContain(`<td class="number">${median}</td>`);
    }
  });

  it("shows a unit without data in the snapshot no figure on its benchmark page, though its company's other unit supplied them", async () => {
    const db = await ownerDataSource();
    const company = await db
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ id: viewer.tenantId });
    const newcomer = await createUnit(company, 120, { industry: 'telecom' });
    const page = await (
      await signedInAgent(viewer)
    )
      .get(`/snapshots/${firstSnapshot}/benchmarks`)
      .query({ unitId: newcomer.id, peerGroup: 'all' })
      .set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    const start = page.text.indexOf('<tbody class="kpi" id="kpi-training_days_new">');
    expect(start).toBeGreaterThan(-1);
    const training = page.text.slice(start, page.text.indexOf('</tbody>', start));
    expect(training).toContain('only for units that supplied this KPI themselves');
    expect(page.text).not.toMatch(/<td class="number">[^<]*\d/);
  });

  it('warns about an answer of the next cycle outside the published benchmark range', async () => {
    const next = await createCycle(study, 2026);
    const res = await t
      .http()
      .put(`/api/v1/cycles/${next.id}/units/${unitIds[0]}/submission`)
      .set(await auth(editor))
      .set('Accept-Language', 'en')
      .send({ answers: { training_days_new: 200 }, version: 0 });
    expect(res.status).toBe(200);
    // Published quartiles 15.5 and 28.5 (IQR 13): fences 15.5 - 39, clipped to the bound 0, and
    // 28.5 + 39 = 67.5 days.
    const warning = (
      res.body as { warnings: { key: string; rule: string; message: string }[] }
    ).warnings.find((w) => w.rule === 'benchmark_range');
    expect(warning).toMatchObject({ key: 'training_days_new' });
    expect(warning?.message).toContain('0 days to 67.5 days');
  });

  it('gives no benchmark range for a KPI the unit did not supply to the published benchmark', async () => {
    const ratio = cellOf(await cells(publisher, firstSnapshot), 'agents_per_team_lead');
    const p25 = ratio.p25 ?? NaN;
    const p75 = ratio.p75 ?? NaN;
    // 99 agents per team lead lie above the upper fence P75 + 3 IQR.
    expect(99).toBeGreaterThan(p75 + 3 * (p75 - p25));
    const db = await ownerDataSource();
    const otherUnit = await db.getRepository(UnitEntity).findOneByOrFail({ id: unitIds[1] });
    const supplier = await createUser(
      await db.getRepository(OrganisationEntity).findOneByOrFail({ id: otherUnit.tenantId }),
      'company_editor',
    );
    const next = await createCycle(study, 2027);
    const rangeWarnings = async (user: TestUser, unitId: string) => {
      const res = await t
        .http()
        .put(`/api/v1/cycles/${next.id}/units/${unitId}/submission`)
        .set(await auth(user))
        .set('Accept-Language', 'en')
        .send({ answers: { agents_per_team_lead: 99 }, version: 0 });
      expect(res.status).toBe(200);
      return (res.body as { warnings: { key: string; rule: string }[] }).warnings
        .filter((w) => w.rule === 'benchmark_range')
        .map((w) => w.key);
    };
    // Unit 1 supplied the ratio to the published benchmark: warned. Unit 0 did not: the range
    // would give away the quartiles that give-to-get withholds from it.
    expect(await rangeWarnings(supplier, unitIds[1])).toEqual(['agents_per_team_lead']);
    expect(await rangeWarnings(editor, unitIds[0])).toEqual([]);
  });

  it('gives a unit its mid-rank position, polarity-aware', async () => {
    // After the change above unit 5 has 99 days: 10, 12, 14, 16, 18, 22, ..., 32, 99.
    // Unit 2 (14 days) is better than 2 units and equal to itself: (2 + 0.5) / 12 = 20.83 %.
    const res = await t
      .http()
      .get(`/api/v1/snapshots/${firstSnapshot}/units/${unitIds[2]}/position`)
      .set(await auth(publisher));
    expect(res.status).toBe(200);
    const training =
      (res.body as { positions: Record<string, number | string>[] }).positions.find(
        (p) => p.kpiKey === 'training_days_new',
      ) ?? {};
    expect(training.value).toBe(14);
    expect(training.percentileRank).toBeCloseTo((2.5 / 12) * 100, 8);
    // Sorted 10..18, 22..32, 99: P25 at h = 2.75 is 14 + 0.75*2 = 15.5, so 14 is in quartile 4.
    expect(training.quartile).toBe(4);
    // P50 at h = 5.5: 22 + 0.5*2 = 23; P75 at h = 8.25: 28 + 0.25*2 = 28.5.
    expect(training.gapToMedian).toBeCloseTo(14 - 23, 8);
    expect(training.gapToTopQuartile).toBeCloseTo(28.5 - 14, 8);
  });

  it('answers a company asking for another company unit position with 404', async () => {
    const mine = await t
      .http()
      .get(`/api/v1/snapshots/${firstSnapshot}/units/${unitIds[0]}/position`)
      .set(await auth(viewer));
    expect(mine.status).toBe(200);
    const theirs = await t
      .http()
      .get(`/api/v1/snapshots/${firstSnapshot}/units/${unitIds[1]}/position`)
      .set(await auth(viewer));
    expect(theirs.status).toBe(404);
  });

  it('releases a custom group with the member set of a released group, and refuses near-copies', async () => {
    const headers = await auth(viewer);
    const post = (filter: Record<string, string[]>) =>
      t.http().post(`/api/v1/snapshots/${firstSnapshot}/peer-groups`).set(headers).send({ filter });

    const same = await post({ industry: ['telecom'], country: ['DE'] });
    expect(same.status).toBe(201);
    expect(same.body).toMatchObject({ peerGroup: { id: 'industry:telecom;country:DE', n: 6 } });

    // Banking in Germany is banking less the Austrian unit: one unit apart.
    const nearCopy = await post({ industry: ['banking'], country: ['DE'] });
    expect(nearCopy.status).toBe(422);
    expect((nearCopy.body as { problems: { rule: string }[] }).problems[0].rule).toBe(
      'differencing',
    );
    // The refusal holds for every requester, the publisher included.
    const forPublisher = await t
      .http()
      .post(`/api/v1/snapshots/${firstSnapshot}/peer-groups`)
      .set(await auth(publisher))
      .send({ filter: { industry: ['banking'], country: ['DE'] } });
    expect(forPublisher.status).toBe(422);

    const empty = await post({ sourcing: ['outsourced'] });
    expect(empty.status).toBe(422);
    expect((empty.body as { problems: { rule: string }[] }).problems[0].rule).toBe('min_n');

    const unknown = await post({ planet: ['mars'] });
    expect(unknown.status).toBe(422);
  });

  it('serves kept positions and cells only past the access check, and revalidates them with 304', async () => {
    const own = `/api/v1/snapshots/${firstSnapshot}/units/${unitIds[0]}/position`;
    const benchmarks = `/api/v1/snapshots/${firstSnapshot}/benchmarks`;
    const viewerHeaders = await auth(viewer);
    // Read twice: the second answer comes from what the first kept, and says the same.
    const first = await t.http().get(own).set(viewerHeaders);
    const second = await t.http().get(own).set(viewerHeaders);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['cache-control']).toBe('private, no-cache');
    const etag = String(second.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const revalidated = await t.http().get(own).set(viewerHeaders).set('If-None-Match', etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text ?? '').toBe('');
    // The same kept figures in the other language are another body: a full answer.
    const german = await t
      .http()
      .get(own)
      .set(viewerHeaders)
      .set('Accept-Language', 'de')
      .set('If-None-Match', etag);
    expect(german.status).toBe(200);
    await t.http().get(benchmarks).set(viewerHeaders).expect(200);
    // Warm as they are now, the kept answers reach no other tenant, not even by revalidation.
    for (const user of [otherCompany, otherPublisher]) {
      const headers = await auth(user);
      for (const path of [own, benchmarks]) {
        const res = await t.http().get(path).set(headers).set('If-None-Match', etag);
        expect([path, res.status]).toEqual([path, 404]);
      }
    }
  });

  it('answers another tenant with 404 on every snapshot path', async () => {
    for (const user of [otherCompany, otherPublisher]) {
      const headers = await auth(user);
      const paths = [
        `/api/v1/snapshots/${firstSnapshot}`,
        `/api/v1/snapshots/${firstSnapshot}/benchmarks`,
        `/api/v1/snapshots/${firstSnapshot}/peer-groups`,
        `/api/v1/snapshots/${firstSnapshot}/units/${unitIds[0]}/position`,
        `/api/v1/cycles/${cycleId}/snapshots`,
      ];
      for (const path of paths) {
        expect([path, (await t.http().get(path).set(headers)).status]).toEqual([path, 404]);
      }
      const custom = await t
        .http()
        .post(`/api/v1/snapshots/${firstSnapshot}/peer-groups`)
        .set(headers)
        .send({ filter: { industry: ['telecom'] } });
      expect(custom.status).toBe(404);
    }
    const start = await t
      .http()
      .post(`/api/v1/cycles/${cycleId}/snapshots`)
      .set(await auth(otherPublisher));
    expect(start.status).toBe(404);
    const byCompany = await t
      .http()
      .post(`/api/v1/cycles/${cycleId}/snapshots`)
      .set(await auth(viewer));
    expect(byCompany.status).toBe(403);
  });

  it('lets the application role neither change nor delete the cells of a snapshot', async () => {
    const app = new DataSource(dataSourceOptions(appUrl(), 1));
    await app.initialize();
    try {
      await expect(app.query('UPDATE snapshot_cells SET mean = 0')).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query('DELETE FROM snapshot_cells')).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
    }
  });
});
