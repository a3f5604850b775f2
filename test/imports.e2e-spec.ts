import { generateDemoData, type DemoSubmissionSpec } from '@app/domain';
import { SubmissionEntity } from '@app/persistence';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createStudyWorld,
  createUnit,
  createUser,
  enrol,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { buildZip, deflatedText, deflatedZeros } from './support/zip';
import { binary } from './support/waiting';

type World = Awaited<ReturnType<typeof createStudyWorld>>;
type Answers = DemoSubmissionSpec['answers'];
interface CellProblem {
  sheet: string;
  cell: string;
  key: string;
  value: unknown;
  rule: string;
  message: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HYPERLINK = '=HYPERLINK("http://evil.example/steal","Click me")';

/** Plausible demo answers, one set per unit wanted. */
function demoAnswers(count: number): Answers[] {
  const data = generateDemoData({ units: Math.max(20, count * 2), years: [2024] });
  return data.submissions
    .filter((s) => !s.implausible)
    .slice(0, count)
    .map((s) => s.answers);
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

async function xlsxOf(rows: ExcelJS.CellValue[][], sheet = 'Import'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  rows.forEach((row) => worksheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function parseCsv(buffer: Buffer): Promise<string[][]> {
  return new Promise((resolve, reject) =>
    parse(buffer, { bom: true, relax_column_count: true }, (error, records: string[][]) =>
      error ? reject(error) : resolve(records),
    ),
  );
}

/** The cell reference of a key's value in a template, found from the headers, not the code. */
function templateRefs(sheet: ExcelJS.Worksheet): (key: string) => string {
  let keyColumn = 0;
  let valueColumn = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === 'Key' || cell.value === 'Schlüssel') {
      keyColumn = column;
    }
    if (cell.value === 'Value' || cell.value === 'Wert') {
      valueColumn = column;
    }
  });
  const rowOf = new Map<string, number>();
  sheet.eachRow((row, number) => {
    const key = row.getCell(keyColumn).value;
    if (number > 1 && typeof key === 'string') {
      rowOf.set(key, number);
    }
  });
  return (key) => {
    const row = rowOf.get(key);
    if (!row) {
      throw new Error(`no row for ${key} in the template`);
    }
    return sheet.getRow(row).getCell(valueColumn).address;
  };
}

describe('imports and exports (e2e)', () => {
  let t: TestApp;

  const submissionPath = (w: Pick<World, 'cycle'>, unitId: string) =>
    `/api/v1/cycles/${w.cycle.id}/units/${unitId}/submission`;

  const download = (path: string, auth: string, language = 'en') =>
    t
      .http()
      .get(path)
      .set('Authorization', auth)
      .set('Accept-Language', language)
      .buffer(true)
      .parse(binary);

  beforeAll(async () => {
    t = await startApp();
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

  describe('limits', () => {
    let world: World;
    let analyst: string;
    let importPath: string;

    beforeAll(async () => {
      world = await createStudyWorld();
      analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_admin'));
      importPath = `/api/v1/cycles/${world.cycle.id}/import`;
    });

    const post = (file: Buffer, name: string) =>
      t.http().post(importPath).set('Authorization', analyst).attach('file', file, name);

    it('refuses a zip bomb of 300 MB of zeros in a 300 KB XLSX without exhausting memory', async () => {
      const sheet = await deflatedZeros(300);
      expect(sheet.length).toBeLessThan(1024 * 1024);
      const types = await deflatedText('<Types/>');
      for (const declaredSize of [1000, 300 * 1024 * 1024]) {
        // One entry lies about its size, the other tells it: both must be stopped.
        const bomb = buildZip([
          { name: '[Content_Types].xml', data: types, declaredSize: 8 },
          { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize },
        ]);
        const before = process.memoryUsage().rss;
        const started = Date.now();
        const res = await post(bomb, 'bomb.xlsx');
        expect(res.status).toBe(413);
        expect(res.body.problems).toEqual([expect.objectContaining({ rule: 'uncompressed_size' })]);
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
      }
      const company = await t.tokenFor(await createUser(world.company, 'company_editor'));
      const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 10 }]);
      const upload = await t
        .http()
        .post(`${submissionPath(world, world.unit.id)}/upload`)
        .set('Authorization', company)
        .attach('file', bomb, 'template.xlsx');
      expect(upload.status).toBe(413);
    });

    it('refuses a file over 10 MB with 413, in the request language', async () => {
      const res = await t
        .http()
        .post(importPath)
        .set('Authorization', analyst)
        .set('Accept-Language', 'de')
        .attach('file', Buffer.alloc(11 * 1024 * 1024, 'a'), 'big.csv');
      expect(res.status).toBe(413);
      expect(res.body.message).toBe('Die Datei ist größer als die Grenze von 10 MB.');
    });

    it('refuses a zip of too many entries, too many rows or columns, and a broken XLSX with 422', async () => {
      const tiny = await deflatedText('x');
      const many = buildZip(
        Array.from({ length: 600 }, (_, i) => ({ name: `e${i}.xml`, data: tiny, declaredSize: 1 })),
      );
      const rows = `unitId\n${Array.from({ length: 20_001 }, () => randomUUID()).join('\n')}\n`;
      const columns = `unitId,${Array.from({ length: 500 }, (_, i) => `k${i}`).join(',')}\n`;
      const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
      const cases: [Buffer, string, string][] = [
        [many, 'many.xlsx', 'zip_entries'],
        [Buffer.from(rows), 'rows.csv', 'too_many_rows'],
        [Buffer.from(columns), 'columns.csv', 'too_many_columns'],
        [broken, 'broken.xlsx', 'invalid_xlsx'],
        [
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
          'old.xls',
          'unsupported_format',
        ],
      ];
      for (const [file, name, rule] of cases) {
        const res = await post(file, name);
        expect({ name, status: res.status, rule: res.body.problems?.[0]?.rule }).toEqual({
          name,
          status: 422,
          rule,
        });
      }
      const none = await t.http().post(importPath).set('Authorization', analyst).send({});
      expect(none.status).toBe(422);
      expect(none.body.problems[0].rule).toBe('file_missing');
    });
  });

  describe('exports', () => {
    let world: World;
    let company: string;
    let publisher: string;

    beforeAll(async () => {
      world = await createStudyWorld();
      company = await t.tokenFor(await createUser(world.company, 'company_editor'));
      publisher = await t.tokenFor(await createUser(world.publisher, 'publisher_analyst'));
      const saved = await t
        .http()
        .put(submissionPath(world, world.unit.id))
        .set('Authorization', company)
        .send({
          answers: { agent_fte: 50, headcount_avg: 60, leavers: 6, employee_nps: -20 },
          warningComments: { 'previous_cycle_deviation|agent_fte': HYPERLINK },
          version: 0,
        });
      expect(saved.status).toBe(200);
    });

    it('escapes a comment =HYPERLINK(...) in the CSV export of a submission and keeps numbers numbers', async () => {
      const res = await download(
        `${submissionPath(world, world.unit.id)}/export?format=csv`,
        company,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = await parseCsv(res.body as Buffer);
      expect(rows[0]).toEqual(['Section', 'Key', 'Label', 'Value', 'Unit', 'Comment']);
      const comment = rows.find((r) => r[1] === 'previous_cycle_deviation|agent_fte');
      expect(comment?.[5]).toBe(`'${HYPERLINK}`);
      expect(rows.find((r) => r[1] === 'employee_nps')?.[3]).toBe('-20');
      expect(rows.find((r) => r[1] === 'attrition_rate')?.[3]).toBe('10');
      expect((res.body as Buffer).toString('utf8')).not.toMatch(/(^|,)=HYPERLINK/m);
    });

    it('quotes a unit name that holds semicolons and escapes each formula start in it, in the CSV export', async () => {
      const hostile = "Bremen;=1+2;=cmd|' /C calc'!A0";
      const renamed = await t
        .http()
        .patch(`/api/v1/units/${world.unit.id}`)
        .set('Authorization', company)
        .send({ name: hostile });
      expect(renamed.status).toBe(200);
      const res = await download(
        `${submissionPath(world, world.unit.id)}/export?format=csv`,
        company,
      );
      const text = (res.body as Buffer).toString('utf8');
      expect(text).toContain(`,"Bremen;'=1+2;'=cmd|' /C calc'!A0",`);
      // Split as a German Excel splits it, on ';' with no regard for quotes: no cell is a formula.
      const cells = text.split(/\r\n/).flatMap((line) => line.split(';'));
      expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
      const rows = await parseCsv(res.body as Buffer);
      expect(rows.find((r) => r[1] === 'unitName')?.[3]).toBe("Bremen;'=1+2;'=cmd|' /C calc'!A0");
    });

    it('escapes the same comment in the XLSX export, where numbers are number cells', async () => {
      const res = await download(
        `${submissionPath(world, world.unit.id)}/export?format=xlsx`,
        publisher,
        'de',
      );
      expect(res.status).toBe(200);
      const sheet = (await readWorkbook(res.body as Buffer)).worksheets[0];
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      const comment = cells.find(
        (c) => typeof c.value === 'string' && c.value.includes('HYPERLINK'),
      );
      expect(comment?.value).toBe(`'${HYPERLINK}`);
      expect(comment?.type).toBe(ExcelJS.ValueType.String);
      expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
      expect(cells.find((c) => c.value === -20)?.type).toBe(ExcelJS.ValueType.Number);
      expect(sheet.getRow(1).getCell(1).value).toBe('Bereich');
    });

    it('exports the cycle with one row per unit: id, profile, state, inputs and derived KPIs by key', async () => {
      const second = await createUnit(world.company);
      for (const format of ['csv', 'xlsx'] as const) {
        const res = await download(
          `/api/v1/cycles/${world.cycle.id}/export?format=${format}`,
          publisher,
        );
        expect(res.status).toBe(200);
        expect(res.headers['content-disposition']).toMatch(
          new RegExp(`cycle-2026-.*\\.${format}"`),
        );
        let rows: unknown[][];
        if (format === 'csv') {
          rows = await parseCsv(res.body as Buffer);
        } else {
          const sheet = (await readWorkbook(res.body as Buffer)).worksheets[0];
          rows = [];
          sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        }
        const header = rows[0] as string[];
        expect(header.slice(0, 8)).toEqual([
          'unitId',
          'industry',
          'country',
          'sizeBand',
          'customerType',
          'sourcing',
          'state',
          'has_service_strategy',
        ]);
        expect(header).toContain('attrition_rate');
        const row = rows.find((r) => r[0] === world.unit.id)!;
        const at = (key: string) => row[header.indexOf(key)];
        expect(at('state')).toBe('draft');
        expect(at('industry')).toBe('telecom');
        expect(String(at('employee_nps'))).toBe('-20');
        expect(Number(at('attrition_rate'))).toBe(10);
        expect(rows.some((r) => r[0] === second.id)).toBe(true);
      }
    });
  });

  describe('tenancy', () => {
    it('answers 404 on every new path to another company and another publisher', async () => {
      const world = await createStudyWorld();
      const otherCompany = await t.tokenFor(
        await createUser(await createOrganisation('company'), 'company_admin'),
      );
      const otherPublisher = await t.tokenFor(
        await createUser(await createOrganisation('publisher'), 'publisher_admin'),
      );
      const unitPath = submissionPath(world, world.unit.id);
      const csv = Buffer.from(`unitId,agent_fte\n${world.unit.id},5\n`);
      const calls: [string, 'get' | 'post', string[]][] = [
        [`${unitPath}/template`, 'get', [otherCompany, otherPublisher]],
        [`${unitPath}/upload`, 'post', [otherCompany]],
        [`${unitPath}/export?format=csv`, 'get', [otherCompany, otherPublisher]],
        [`/api/v1/cycles/${world.cycle.id}/import`, 'post', [otherPublisher]],
        [`/api/v1/cycles/${world.cycle.id}/export?format=csv`, 'get', [otherPublisher]],
      ];
      for (const [path, method, callers] of calls) {
        for (const auth of callers) {
          const req = t.http()[method](path).set('Authorization', auth);
          const res = method === 'post' ? await req.attach('file', csv, 'x.csv') : await req;
          expect({ path, status: res.status }).toEqual({ path, status: 404 });
        }
      }
      // A company is refused the publisher's paths by its role, whatever the cycle.
      const own = await t.tokenFor(await createUser(world.company, 'company_admin'));
      const imported = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/import`)
        .set('Authorization', own)
        .attach('file', csv, 'x.csv');
      expect(imported.status).toBe(403);
      const exported = await t
        .http()
        .get(`/api/v1/cycles/${world.cycle.id}/export`)
        .set('Authorization', own);
      expect(exported.status).toBe(403);
    });
  });
});
