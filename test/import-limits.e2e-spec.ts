import { randomUUID } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudyWorld,
  createUser,
} from './support/factories';
import { buildZip, deflatedText, deflatedZeros } from './support/zip';

import { submissionPath, World } from './support/spreadsheets';

describe('imports and exports (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
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
        const res = await post(bomb, 'bomb.xlsx');
        expect(res.status).toBe(413);
        expect(res.body.problems).toEqual([expect.objectContaining({ rule: 'uncompressed_size' })]);
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
