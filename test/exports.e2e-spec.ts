import ExcelJS from 'exceljs';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createStudyWorld,
  createUnit,
  createUser,
} from './support/factories';

import {
  downloadFrom,
  HYPERLINK,
  parseCsv,
  readWorkbook,
  submissionPath,
  World,
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
});
