import { SubmissionEntity } from '@app/persistence';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import { until } from './support/waiting';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createStudyWorld,
  createUnit,
  createUnits,
  createUser,
  enrol,
  ownerDataSource,
  TestUser,
} from './support/factories';

import {
  Answers,
  CellProblem,
  demoAnswers,
  downloadFrom,
  readWorkbook,
  submissionPath,
  templateRefs,
  World,
  XLSX,
  xlsxOf,
} from './support/spreadsheets';

describe('imports and exports (e2e)', () => {
  let t: TestApp;
  let download: ReturnType<typeof downloadFrom>;

  beforeAll(async () => {
    t = await startApp();
    download = downloadFrom(t);
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  describe('the unit template', () => {
    let world: World;
    let editor: TestUser;
    let auth: string;
    let path: string;

    beforeAll(async () => {
      world = await createStudyWorld();
      editor = await createUser(world.company, 'company_editor');
      auth = await t.tokenFor(editor);
      path = submissionPath(world, world.unit.id);
    });

    it('is an XLSX of every input with data validation, a protected sheet and a file name', async () => {
      const res = await download(`${path}/template?language=en`, auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="template-2026-unit-[a-z0-9-]+\.xlsx"/,
      );
      const sheet = (await readWorkbook(res.body as Buffer)).getWorksheet('Answers');
      expect(sheet).toBeDefined();
      const ref = templateRefs(sheet!);
      const fte = sheet!.getCell(ref('agent_fte'));
      expect(fte.dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'between',
        formulae: [1, 20000],
      });
      expect(fte.protection).toMatchObject({ locked: false });
      expect(sheet!.getCell(ref('leavers')).dataValidation).toMatchObject({ type: 'whole' });
      expect(sheet!.getCell(ref('measures_nps')).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Yes,No"'],
      });
      // exceljs reads the protection back but its typings do not declare it.
      const protection = (sheet as unknown as { sheetProtection?: object }).sheetProtection;
      expect(protection).toMatchObject({ sheet: true });
    });

    it('uploads a filled-in template as the draft, and refuses exactly the three bad cells of the same file without changing it', async () => {
      const template = await download(`${path}/template?language=en`, auth);
      const workbook = await readWorkbook(template.body as Buffer);
      const sheet = workbook.getWorksheet('Answers')!;
      const ref = templateRefs(sheet);
      const [answers] = demoAnswers(1);
      for (const [key, value] of Object.entries(answers)) {
        sheet.getCell(ref(key)).value = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value;
      }
      const good = Buffer.from(await workbook.xlsx.writeBuffer());
      const stored = await t
        .http()
        .post(`${path}/upload`)
        .set('Authorization', auth)
        .attach('file', good, 'filled.xlsx');
      expect(stored.status).toBe(200);
      expect(stored.body.answers).toEqual(answers);
      expect(stored.body.version).toBe(1);

      const bad: Record<string, ExcelJS.CellValue> = {
        [ref('training_days_new')]: 'lots',
        [ref('sickness_rate')]: 140,
        [ref('aht_seconds')]: { formula: `${ref('asa_seconds')}*2`, date1904: false },
      };
      for (const [cell, value] of Object.entries(bad)) {
        sheet.getCell(cell).value = value;
      }
      const refused = await t
        .http()
        .post(`${path}/upload`)
        .set('Authorization', auth)
        .set('Accept-Language', 'de')
        .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), 'filled.xlsx');
      expect(refused.status).toBe(422);
      const problems = refused.body.problems as CellProblem[];
      expect(problems.map((p) => [p.cell, p.key, p.rule])).toEqual(
        expect.arrayContaining([
          [ref('training_days_new'), 'training_days_new', 'type_number'],
          [ref('sickness_rate'), 'sickness_rate', 'max'],
          [ref('aht_seconds'), 'aht_seconds', 'formula_without_value'],
        ]),
      );
      expect(problems).toHaveLength(3);
      expect(new Set(problems.map((p) => p.sheet))).toEqual(new Set(['Answers']));
      const formula = problems.find((p) => p.rule === 'formula_without_value')!;
      expect(formula.value).toBe(`=${ref('asa_seconds')}*2`);
      expect(formula.message).toContain('Formel');
      expect(problems.find((p) => p.rule === 'type_number')!.value).toBe('lots');
      expect(refused.body.message).toContain('nichts wurde gespeichert');

      const after = await t.http().get(path).set('Authorization', auth);
      expect(after.body.version).toBe(1);
      expect(after.body.answers).toEqual(answers);
    });

    it('fills the current draft into a German template', async () => {
      const res = await download(`${path}/template?language=de`, auth);
      const sheet = (await readWorkbook(res.body as Buffer)).getWorksheet('Antworten')!;
      const ref = templateRefs(sheet);
      const draft = (await t.http().get(path).set('Authorization', auth)).body as {
        answers: Answers;
      };
      expect(sheet.getCell(ref('agent_fte')).value).toBe(draft.answers.agent_fte);
      expect(sheet.getCell(ref('measures_nps')).value).toBe(
        draft.answers.measures_nps ? 'Ja' : 'Nein',
      );
      expect(res.headers['content-disposition']).toContain('vorlage-2026-');
    });

    it('lets a company viewer download the template but not upload (403)', async () => {
      const viewer = await t.tokenFor(await createUser(world.company, 'company_viewer'));
      expect((await download(`${path}/template`, viewer)).status).toBe(200);
      const res = await t
        .http()
        .post(`${path}/upload`)
        .set('Authorization', viewer)
        .attach('file', Buffer.from('key,value\n'), 'x.csv');
      expect(res.status).toBe(403);
    });
  });

  describe('the cycle import', () => {
    it('stores one draft per unit from an XLSX, with the publisher in the audit trail, and updates them from a CSV', async () => {
      const world = await createStudyWorld();
      const units = [world.unit, await createUnit(world.company), await createUnit(world.company)];
      const analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_analyst'));
      const company = await t.tokenFor(await createUser(world.company, 'company_admin'));
      const answers = demoAnswers(3);
      const keys = [...new Set(answers.flatMap((a) => Object.keys(a)))];
      const file = await xlsxOf([
        ['unitId', ...keys],
        ...units.map((u, i) => [u.id, ...keys.map((k) => answers[i][k] ?? null)]),
      ]);
      const res = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/import`)
        .set('Authorization', analyst)
        .attach('file', file, 'cycle.xlsx');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        cycleId: world.cycle.id,
        units: 3,
        created: 3,
        updated: 0,
        unchanged: 0,
      });
      for (const [i, unit] of units.entries()) {
        const stored = await t
          .http()
          .get(submissionPath(world, unit.id))
          .set('Authorization', company);
        expect(stored.body).toMatchObject({ state: 'draft', version: 1, answers: answers[i] });
        expect(stored.body.derived.attrition_rate).toEqual(expect.any(Number));
      }
      const audit = await t
        .http()
        .get(`${submissionPath(world, units[0].id)}/audit`)
        .set('Authorization', company);
      expect(audit.body.length).toBe(Object.keys(answers[0]).length);
      expect(audit.body[0]).toMatchObject({ action: 'answer', actorRole: 'publisher_analyst' });

      // German Excel writes semicolons and decimal commas.
      const csv = `unitId;agent_fte;has_service_strategy\r\n${units[1].id};123,5;nein\r\n`;
      const update = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/import`)
        .set('Authorization', analyst)
        .attach('file', Buffer.from(csv, 'utf8'), 'update.csv');
      expect(update.status).toBe(200);
      expect(update.body).toMatchObject({ units: 1, created: 0, updated: 1 });
      const updated = await t
        .http()
        .get(submissionPath(world, units[1].id))
        .set('Authorization', company);
      expect(updated.body).toMatchObject({ version: 2 });
      expect(updated.body.answers).toEqual({
        ...answers[1],
        agent_fte: 123.5,
        has_service_strategy: false,
      });
    });

    it('stores nothing when any cell is bad and lists every bad cell with its reference and rule', async () => {
      const world = await createStudyWorld();
      const analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_admin'));
      const [u1, u2, u4, u5] = [
        world.unit,
        await createUnit(world.company),
        await createUnit(world.company),
        await createUnit(world.company),
      ];
      // A company in another study of the same publisher: visible to it, but not in this study.
      const elsewhere = await createOrganisation('company');
      await enrol(await createStudy(world.publisher), elsewhere);
      const u3 = await createUnit(elsewhere);
      const db = await ownerDataSource();
      await db.getRepository(SubmissionEntity).save({
        tenantId: world.company.id,
        cycleId: world.cycle.id,
        unitId: u5.id,
        state: 'submitted',
        answers: { agent_fte: 10 },
        derived: {},
        warnings: [],
        warningComments: {},
        returnComment: null,
      });
      const file = await xlsxOf([
        ['unitId', 'agent_fte', 'headcount_avg', 'leavers', 'no_such_kpi'],
        [u1.id, 50, 60, 5, 1],
        [u2.id, 'viele', 60, 5, null],
        [randomUUID(), 50, 60, 5, null],
        [u3.id, 50, 60, 5, null],
        [u1.id, 50, 60, 5, null],
        [u4.id, 50, 100, 500, null],
        [u5.id, 50, 60, 5, null],
      ]);
      const res = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/import`)
        .set('Authorization', analyst)
        .attach('file', file, 'cycle.xlsx');
      expect(res.status).toBe(422);
      const problems = res.body.problems as CellProblem[];
      expect(problems.map((p) => `${p.cell} ${p.rule}`)).toEqual([
        'E1 unknown_column',
        'B3 type_number',
        'A4 unknown_unit',
        'A5 unit_not_participating',
        'A6 duplicate_unit',
        'C7 rule:leavers_within_headcount',
        'D7 rule:leavers_within_headcount',
        'A8 submission_locked',
      ]);
      expect(problems[1]).toMatchObject({
        sheet: 'Import',
        key: 'agent_fte',
        value: 'viele',
        message: 'Agents (full-time equivalents) must be a number.',
      });
      expect(res.body.message).toBe('The file has 8 problems; nothing was stored.');
      const company = await t.tokenFor(await createUser(world.company, 'company_viewer'));
      for (const unit of [u1, u2, u4]) {
        const stored = await t
          .http()
          .get(submissionPath(world, unit.id))
          .set('Authorization', company);
        expect(stored.body).toMatchObject({ id: null, answers: {} });
      }
    });

    it('stores nothing when a row after the first round of stored drafts is bad', async () => {
      const world = await createStudyWorld();
      const analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_admin'));
      const db = await ownerDataSource();
      // Rows come from the parser thread 100 first, then 500 at a time, and are stored in
      // rounds of 100, then 500, while the rows after them are checked: with 520 rows, the
      // first round went to the database before the chunk with the bad last one came.
      const units = await createUnits(world.company, 520);
      const rows = units.map((u, i) => `${u.id},${i === units.length - 1 ? 'viele' : 40}`);
      const res = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/import`)
        .set('Authorization', analyst)
        .attach('file', Buffer.from(`unitId,agent_fte\n${rows.join('\n')}\n`), 'late.csv');
      expect(res.status).toBe(422);
      // The header is row 1, the 520th unit's row is 521.
      expect((res.body.problems as CellProblem[]).map((p) => `${p.cell} ${p.rule}`)).toEqual([
        'B521 type_number',
      ]);
      expect(res.body.message).toBe('The file has 1 problem; nothing was stored.');
      const stored = await db.query<{ submissions: string; audit: string }[]>(
        `SELECT (SELECT count(*) FROM submissions WHERE cycle_id = $1) AS submissions,
                (SELECT count(*) FROM submission_audit WHERE tenant_id = $2) AS audit`,
        [world.cycle.id, world.company.id],
      );
      expect(stored[0]).toEqual({ submissions: '0', audit: '0' });
    });

    it('stores nothing when the file is refused after its first rows were stored', async () => {
      const world = await createStudyWorld();
      const analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_admin'));
      const db = await ownerDataSource();
      const units = await createUnits(world.company, 300);
      // The parser thread hands over the first 100 rows, sent to the database, before it reads
      // row 302: a cell in column 501, past the widest row allowed (500 columns).
      const rows: ExcelJS.CellValue[][] = [
        ['unitId', 'agent_fte'],
        ...units.map((u) => [u.id, 40]),
        [...Array<ExcelJS.CellValue>(500).fill(null), 1],
      ];
      const res = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/import`)
        .set('Authorization', analyst)
        .attach('file', await xlsxOf(rows), 'wide.xlsx');
      expect(res.status).toBe(422);
      expect((res.body.problems as CellProblem[]).map((p) => p.rule)).toEqual(['too_many_columns']);
      const stored = await db.query<{ submissions: string; audit: string }[]>(
        `SELECT (SELECT count(*) FROM submissions WHERE cycle_id = $1) AS submissions,
                (SELECT count(*) FROM submission_audit WHERE tenant_id = $2) AS audit`,
        [world.cycle.id, world.company.id],
      );
      expect(stored[0]).toEqual({ submissions: '0', audit: '0' });
    });

    it("waits while another bulk change of the cycle's submissions holds them", async () => {
      const world = await createStudyWorld();
      const analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_admin'));
      const db = await ownerDataSource();
      // Another bulk change of this cycle (an import or a bulk accept) under way.
      const other = db.createQueryRunner();
      await other.startTransaction();
      await other.query("SELECT pg_advisory_xact_lock(hashtext('cycle-submissions:' || $1))", [
        world.cycle.id,
      ]);
      const waitingLocks = () =>
        db.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
      try {
        const importing = t
          .http()
          .post(`/api/v1/cycles/${world.cycle.id}/import`)
          .set('Authorization', analyst)
          .attach('file', Buffer.from(`unitId,agent_fte\n${world.unit.id},40\n`), 'c.csv')
          .then((res) => res);
        // The import waits for the lock before it locks any unit.
        await until(waitingLocks, (rows) => rows[0].n === '1');
        await other.commitTransaction();
        const res = await importing;
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ units: 1, created: 1 });
      } finally {
        if (other.isTransactionActive) {
          await other.rollbackTransaction();
        }
        await other.release();
      }
    });

    it('refuses an import into a closed cycle (409)', async () => {
      const world = await createStudyWorld();
      const closed = await createCycle(world.study, 2020, 'closed');
      const analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_admin'));
      const res = await t
        .http()
        .post(`/api/v1/cycles/${closed.id}/import`)
        .set('Authorization', analyst)
        .attach('file', Buffer.from(`unitId,agent_fte\n${world.unit.id},5\n`), 'c.csv');
      expect(res.status).toBe(409);
    });
  });
});
