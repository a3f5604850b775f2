import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { generateDemoData } from '@app/domain';
import type { StudyEntity, UnitEntity } from '@app/persistence';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { accessibilityViolations } from './support/accessibility';
import { ApiClient } from './support/api-client';
import { BrowserTestApp, heading, screenshot, startBrowserApp, textOf } from './support/browser';
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
import { publishSnapshot } from './support/published-snapshot';
import { testConfig } from './support/test-env';

jest.setTimeout(180_000);

/*
 * Two published cycles of twelve telecom units of one size, each unit of a company of its own;
 * every peer group the view may open with holds all twelve. Unit 0 is ours.
 *
 * Basic training of new agents (higher is better), rank = (below + equal / 2) / n:
 *   2024: unit 0 trained 20 days, units 1..11 10 + 2i = 12..32. Below 20: 12, 14, 16, 18 (4);
 *         equal: unit 0 and unit 5 (2). (4 + 1) / 12 = 41.7 %, shown as 42 %.
 *   2025: unit 0 trained 30 days, units 1..11 11 + 2i = 13..33. Below 30: 13..29 (9); equal:
 *         unit 0 (1). (9 + 0.5) / 12 = 79.2 %, shown as 79 %.
 * Employee NPS (higher is better): 2024 unit i has 5i - 20, unit 0 the lowest, -20:
 *   (0 + 0.5) / 12 = 4.2 %, shown as 4 %. 2025 unit 0 gives none: give-to-get withholds the
 *   KPI from it, although the eleven others' cell is released.
 */
const TRAINING_2024 = [20, ...Array.from({ length: 11 }, (_, j) => 10 + 2 * (j + 1))];
const TRAINING_2025 = [30, ...Array.from({ length: 11 }, (_, j) => 11 + 2 * (j + 1))];
const NPS_2024 = Array.from({ length: 12 }, (_, i) => 5 * i - 20);

const UNIT_NAME = 'Contact Center Kiel';

describe('a unit over the years (e2e, real worker and Chromium)', () => {
  let t: BrowserTestApp;
  let worker: INestApplicationContext;
  let viewer: TestUser;
  let otherCompany: TestUser;
  let study: StudyEntity;
  let unit: UnitEntity;
  let foreignUnit: UnitEntity;

  const historyPath = (u: UnitEntity = unit): string =>
    `/studies/${study.id}/units/${u.id}/position-history`;

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();
    const publisherOrg = await createOrganisation('publisher');
    const publisher = await createUser(publisherOrg, 'publisher_admin');
    // Quartiles from 6 contributors, so that twelve units get a released cell per KPI.
    study = await createStudy(publisherOrg, 'Kundenservice-Benchmark', { minNQuantiles: 6 });
    // A year of three contributors only, fewer than any group of the policy may have.
    const cycle2023 = await createCycle(study, 2023);
    const cycle2024 = await createCycle(study, 2024);
    const cycle2025 = await createCycle(study, 2025);
    const answers = generateDemoData({ units: 12, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    const units: UnitEntity[] = [];
    for (let i = 0; i < 12; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      const created = await createUnit(company, 120, { industry: 'telecom' });
      units.push(created);
      if (i < 3) {
        await createSubmission(cycle2023, created, answers[i]);
      }
      await createSubmission(cycle2024, created, {
        ...answers[i],
        training_days_new: TRAINING_2024[i],
        employee_nps: NPS_2024[i],
      });
      const answers2025: Record<string, unknown> = {
        ...answers[i],
        training_days_new: TRAINING_2025[i],
        employee_nps: 10 + i,
      };
      if (i === 0) {
        delete answers2025.employee_nps;
        viewer = await createUser(company, 'company_viewer');
      }
      await createSubmission(cycle2025, created, answers2025 as (typeof answers)[number]);
    }
    unit = units[0];
    foreignUnit = units[1];
    otherCompany = await createUser(await createOrganisation('company'), 'company_admin');
    const owner = await ownerDataSource();
    await owner.query('UPDATE units SET name = $1 WHERE id = $2', [UNIT_NAME, unit.id]);
    const api = new ApiClient(t, publisher);
    await publishSnapshot(api, cycle2023.id);
    await publishSnapshot(api, cycle2024.id);
    await publishSnapshot(api, cycle2025.id);
  }, 600_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await closeOwnerDataSource();
  });

  it('gives the percentile ranks of every published cycle as each cycle releases them', async () => {
    const history = await new ApiClient(t, viewer).positionHistory(study.id, unit.id);
    expect(history.years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    const of = (year: number, key: string) =>
      history.years.find((y) => y.year === year)?.positions.find((p) => p.kpiKey === key);
    expect(of(2024, 'training_days_new')?.percentileRank).toBeCloseTo((5 / 12) * 100, 9);
    expect(of(2025, 'training_days_new')?.percentileRank).toBeCloseTo((9.5 / 12) * 100, 9);
    expect(of(2024, 'employee_nps')?.percentileRank).toBeCloseTo((0.5 / 12) * 100, 9);
    // Withheld from the unit that did not supply it: no rank, the rule named, no figure.
    expect(of(2025, 'employee_nps')).toMatchObject({
      value: null,
      percentileRank: null,
      quartile: null,
      cell: { suppressed: { rule: 'give_to_get' }, n: null, mean: null, p50: null },
    });
    for (const year of history.years.filter((y) => y.year > 2023)) {
      expect(year.peerGroup?.n).toBe(12);
    }
  });

  it('releases nothing of a year whose contributors are too few for any group: no group, no rank, no figure', async () => {
    const history = await new ApiClient(t, viewer).positionHistory(study.id, unit.id);
    const year2023 = history.years.find((y) => y.year === 2023);
    // Three contributors, the unit one of them: a rank or a quartile there would tell the
    // other two's values apart.
    expect(year2023).toMatchObject({ peerGroup: null, positions: [] });
  });

  it("answers another company's unit, and the unit to another company, with 404", async () => {
    const res = await t
      .http()
      .get(`/api/v1/studies/${study.id}/units/${foreignUnit.id}/position-history`)
      .set('Authorization', await t.tokenFor(viewer));
    expect(res.status).toBe(404);
    const other = await t
      .http()
      .get(`/api/v1/studies/${study.id}/units/${unit.id}/position-history`)
      .set('Authorization', await t.tokenFor(otherCompany));
    expect(other.status).toBe(404);

    const page = await t.newPage({ acceptLanguage: 'de-DE' });
    await t.signIn(page, viewer);
    const response = await page.goto(t.url(historyPath(foreignUnit)));
    expect(response?.status()).toBe(404);
    await page.browserContext().close();
  });

  it.each([
    [
      'de',
      'de-DE',
      {
        heading: `Position im Zeitverlauf: ${UNIT_NAME}`,
        training: [
          '2023 nicht enthalten',
          '2024 besser als 42 % der Gruppe',
          '2025 besser als 79 % der Gruppe',
        ],
        nps: [
          '2023 nicht enthalten',
          '2024 besser als 4 % der Gruppe',
          '2025 nicht veröffentlicht: Give-to-get',
        ],
      },
    ],
    [
      'en',
      'en-GB',
      {
        heading: `Position over the years: ${UNIT_NAME}`,
        training: [
          '2023 not included',
          '2024 better than 42 % of the group',
          '2025 better than 79 % of the group',
        ],
        nps: [
          '2023 not included',
          '2024 better than 4 % of the group',
          '2025 not released: give-to-get',
        ],
      },
    ],
  ] as const)(
    'shows the ranks per cycle in %s, reached from the benchmark view, with no WCAG 2.1 AA violation',
    async (language, acceptLanguage, expected) => {
      const page = await t.newPage({ acceptLanguage });
      await t.signIn(page, viewer);
      const history = await new ApiClient(t, viewer).positionHistory(study.id, unit.id);
      const newest = history.years[history.years.length - 1];
      await page.goto(t.url(`/snapshots/${newest.snapshotId}/benchmarks?unitId=${unit.id}`));
      await Promise.all([page.waitForNavigation(), page.locator('#position-history').click()]);
      expect(new URL(page.url()).pathname).toBe(historyPath());
      expect(await heading(page)).toBe(expected.heading);
      // A row per cycle: the year and the rank in words (NBSP before "%", as the pages write
      // percentages), without the quartile's badge.
      const rows = async (id: string): Promise<string[]> =>
        (await textOf(page, `#${id} tbody`))
          .replace(/\u00a0/g, ' ')
          .split('\n')
          .map((line) =>
            line
              .replace(/\s+/g, ' ')
              .trim()
              .replace(/ Q[1-4]$/, ''),
          )
          .filter((line) => line !== '');
      const training = await rows('kpi-training_days_new');
      expect(training.slice(0, 3)).toEqual(expected.training);
      const nps = await rows('kpi-employee_nps');
      expect(nps.slice(0, 2)).toEqual(expected.nps.slice(0, 2));
      expect(nps[2].startsWith(expected.nps[2])).toBe(true);
      await screenshot(page, `company-position-history-${language}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.browserContext().close();
    },
  );
});
