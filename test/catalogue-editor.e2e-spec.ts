import { DEMO_CATALOGUE, type KpiItemDefinition } from '@app/domain';
import ExcelJS from 'exceljs';
import type { CatalogueItemInputDto } from '../apps/api/src/catalogues/dto/catalogue-editor.dto';
import { ApiClient } from './support/api-client';
import { startApp, TestApp } from './support/app';
import { binary } from './support/waiting';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudyWorld,
  createUser,
  TestUser,
} from './support/factories';

jest.setTimeout(120_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const demoItem = (key: string): KpiItemDefinition => {
  const item = DEMO_CATALOGUE.items.find((i) => i.key === key);
  if (!item) {
    throw new Error(`no demo item ${key}`);
  }
  return item;
};

/** The item as the editor's form or a client sends it back. */
const inputOf = (item: KpiItemDefinition, changes: Partial<CatalogueItemInputDto> = {}) => ({
  ...item,
  ...changes,
});

describe('catalogue editor (e2e): drafts, items, diff, XLSX round trip', () => {
  let t: TestApp;
  let admin: TestUser;
  let api: ApiClient;
  let stranger: TestUser;
  let usedVersionId: string;
  let studyName: string;

  beforeAll(async () => {
    t = await startApp();
    const world = await createStudyWorld();
    usedVersionId = world.study.catalogueVersionId;
    studyName = world.study.name;
    admin = await createUser(world.publisher, 'publisher_admin');
    api = new ApiClient(t, admin);
    stranger = await createUser(await createOrganisation('publisher'), 'publisher_admin');
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  const as = async (user: TestUser) => t.tokenFor(user);

  async function downloadXlsx(versionId: string): Promise<Buffer> {
    const res = await t
      .http()
      .get(`/api/v1/catalogue-versions/${versionId}/xlsx`)
      .set('Authorization', await as(admin))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    return res.body as Buffer;
  }

  it('starts a draft from the version a cycle uses, with the same items and the next number', async () => {
    const used = await api.catalogueVersion(usedVersionId);
    expect(used.editable).toBe(false);
    expect(used.usedBy).toEqual([expect.objectContaining({ studyName, cycleYears: [2026] })]);
    const draft = await api.startCatalogueDraft(usedVersionId);
    expect(draft).toMatchObject({
      key: used.key,
      version: used.version + 1,
      basedOnId: usedVersionId,
      editable: true,
      usedBy: [],
    });
    expect(draft.definition.items).toEqual(DEMO_CATALOGUE.items);
    expect(draft.hash).not.toBe(used.hash); // the number is part of the definition
  });

  it('saves an item, refuses a bad formula with its message and stores nothing, and diffs', async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const attrition = demoItem('attrition_rate');
    const saved = await api.saveCatalogueItem(
      draft.id,
      'attrition_rate',
      inputOf(attrition, { label: { de: 'Fluktuation', en: 'Staff attrition' }, max: 400 }),
    );
    const stored = (saved.definition.items as KpiItemDefinition[]).find(
      (i) => i.key === 'attrition_rate',
    );
    expect(stored).toEqual({
      ...attrition,
      label: { de: 'Fluktuation', en: 'Staff attrition' },
      max: 400,
    });

    const refused = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/items/attrition_rate`)
      .set('Authorization', await as(admin))
      .send(inputOf(attrition, { formula: 'leaverz / headcount_avg * 100' }));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe(
      "Item 'attrition_rate' was not saved: 1 problem, the first: item 'attrition_rate': formula references unknown key 'leaverz'",
    );
    expect(refused.body.problems).toEqual([
      {
        key: 'attrition_rate',
        rule: 'formula_unknown_key',
        message: "formula references unknown key 'leaverz'",
      },
    ]);
    const german = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/items/attrition_rate`)
      .set('Authorization', await as(admin))
      .set('Accept-Language', 'de')
      .send(inputOf(attrition, { formula: 'leavers / (headcount_avg * 100' }));
    expect(german.status).toBe(422);
    expect(german.body.message).toMatch(
      /^Das Element 'attrition_rate' wurde nicht gespeichert: 1 Problem, das erste: Element 'attrition_rate': formula lässt sich nicht lesen: .*an Position 31/,
    );
    const after = await api.catalogueVersion(draft.id);
    expect(after.hash).toBe(saved.hash);
    expect(after.definition).toEqual(saved.definition);

    const diff = await api.catalogueDiff(usedVersionId, draft.id);
    expect(diff.items).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          key: 'attrition_rate',
          changes: [
            { field: 'label.de', before: 'Fluktuationsquote', after: 'Fluktuation' },
            { field: 'label.en', before: 'Attrition rate', after: 'Staff attrition' },
            { field: 'max', before: null, after: 400 },
          ],
        },
      ],
    });
    expect(diff.rules).toEqual({ added: [], removed: [], changed: [] });
  });

  it('adds an item at a position and removes it; refuses removing one a formula reads', async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const added = await api.addCatalogueItem(draft.id, {
      key: 'quality_audits',
      area: 'productivity',
      type: 'integer',
      unit: null,
      label: { de: 'Qualitätsaudits', en: 'Quality audits' },
      help: { de: '', en: '' },
      min: 0,
      required: false,
      polarity: 'higher_is_better',
      position: 2,
    });
    expect((added.definition.items as KpiItemDefinition[])[1].key).toBe('quality_audits');
    expect((await api.catalogueDiff(usedVersionId, draft.id)).items.added).toEqual([
      { key: 'quality_audits', position: 2 },
    ]);
    const removed = await t
      .http()
      .delete(`/api/v1/catalogue-versions/${draft.id}/items/quality_audits`)
      .set('Authorization', await as(admin));
    expect(removed.status).toBe(200);
    expect(removed.body.definition.items).toEqual(DEMO_CATALOGUE.items);
    const readByFormula = await t
      .http()
      .delete(`/api/v1/catalogue-versions/${draft.id}/items/leavers`)
      .set('Authorization', await as(admin));
    expect(readByFormula.status).toBe(422);
    expect(readByFormula.body.message).toMatch(
      /^Item 'leavers' was not removed: \d+ problems?, the first: item '\w+': formula references unknown key 'leavers'/,
    );
  });

  it('round-trips a version through XLSX to an identical version, item by item', async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const file = await downloadXlsx(draft.id);
    const created = await t
      .http()
      .post('/api/v1/catalogue-versions/xlsx')
      .set('Authorization', await as(admin))
      .attach('file', file, 'catalogue.xlsx');
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(draft.version + 1);
    const items = created.body.definition.items as KpiItemDefinition[];
    expect(items).toHaveLength(DEMO_CATALOGUE.items.length);
    items.forEach((item, index) => expect(item).toEqual(DEMO_CATALOGUE.items[index]));
    expect(created.body.definition.rules).toEqual(DEMO_CATALOGUE.rules);
    const diff = await api.catalogueDiff(draft.id, created.body.id as string);
    expect(diff).toMatchObject({
      name: [],
      items: { added: [], removed: [], changed: [] },
      rules: { added: [], removed: [], changed: [] },
    });

    // The same workbook replaces a draft of the same key after an edit: the edit is undone.
    await api.saveCatalogueItem(
      draft.id,
      'leavers',
      inputOf(demoItem('leavers'), { required: !demoItem('leavers').required }),
    );
    const replaced = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/xlsx`)
      .set('Authorization', await as(admin))
      .attach('file', file, 'catalogue.xlsx');
    expect(replaced.status).toBe(200);
    expect(replaced.body.definition.items).toEqual(DEMO_CATALOGUE.items);
    expect(replaced.body.hash).toBe(draft.hash);
  });

  it('refuses a malformed workbook naming sheet, row and column, and stores nothing', async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await downloadXlsx(draft.id)) as unknown as ExcelJS.Buffer);
    const items = workbook.getWorksheet('Items');
    items!.getCell('I2').value = 'zero'; // min of the first item
    const attritionRow = DEMO_CATALOGUE.items.findIndex((i) => i.key === 'attrition_rate') + 2;
    items!.getCell(`M${attritionRow}`).value = 'leavers / nobody * 100';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await t
      .http()
      .get('/api/v1/catalogue-versions')
      .set('Authorization', await as(admin));

    const res = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/xlsx`)
      .set('Authorization', await as(admin))
      .attach('file', broken, 'catalogue.xlsx');
    expect(res.status).toBe(422);
    // The cell's own problem comes first; the catalogue's checks run once every cell reads.
    expect(res.body.problems).toEqual([
      {
        key: 'min',
        rule: 'number',
        message: "Sheet 'Items', row 2, column I (min): the cell needs a number but holds 'zero'",
        sheet: 'Items',
        row: 2,
        column: 'I',
        cell: 'I2',
      },
    ]);
    const created = await t
      .http()
      .post('/api/v1/catalogue-versions/xlsx')
      .set('Authorization', await as(admin))
      .set('Accept-Language', 'de')
      .attach('file', broken, 'catalogue.xlsx');
    expect(created.status).toBe(422);
    expect(created.body.message).toMatch(
      /^Die Arbeitsmappe wurde nicht übernommen, nichts wurde gespeichert: 1 Problem, das erste: Blatt 'Items', Zeile 2, Spalte I \(min\)/,
    );

    items!.getCell('I2').value = null;
    const formulaOnly = Buffer.from(await workbook.xlsx.writeBuffer());
    const second = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/xlsx`)
      .set('Authorization', await as(admin))
      .attach('file', formulaOnly, 'catalogue.xlsx');
    expect(second.status).toBe(422);
    expect(second.body.problems).toEqual([
      expect.objectContaining({
        rule: 'formula_unknown_key',
        cell: `M${attritionRow}`,
        message: `Sheet 'Items', row ${attritionRow}, column M (formula): formula references unknown key 'nobody'`,
      }),
    ]);

    const notAWorkbook = await t
      .http()
      .post('/api/v1/catalogue-versions/xlsx')
      .set('Authorization', await as(admin))
      .attach('file', Buffer.from('key;area\n'), 'catalogue.csv');
    expect(notAWorkbook.status).toBe(422);
    expect(notAWorkbook.body.problems[0]).toMatchObject({ key: 'file', rule: 'not_xlsx' });

    const after = await t
      .http()
      .get('/api/v1/catalogue-versions')
      .set('Authorization', await as(admin));
    expect(after.body).toEqual(before.body);
    expect((await api.catalogueVersion(draft.id)).hash).toBe(draft.hash);
  });

  it('refuses every edit of a version a cycle uses with 409, naming the study and cycle', async () => {
    const file = await downloadXlsx(usedVersionId);
    const edits = [
      t
        .http()
        .put(`/api/v1/catalogue-versions/${usedVersionId}/items/leavers`)
        .send(inputOf(demoItem('leavers'))),
      t.http().delete(`/api/v1/catalogue-versions/${usedVersionId}/items/leavers`),
      t
        .http()
        .post(`/api/v1/catalogue-versions/${usedVersionId}/items`)
        .send(inputOf(demoItem('leavers'), { key: 'leavers_2' })),
      t
        .http()
        .put(`/api/v1/catalogue-versions/${usedVersionId}/xlsx`)
        .attach('file', file, 'catalogue.xlsx'),
    ];
    const used = await api.catalogueVersion(usedVersionId);
    for (const edit of edits) {
      const res = await edit.set('Authorization', await as(admin));
      expect(res.status).toBe(409);
      expect(res.body.message).toBe(
        `Catalogue version ${used.key} ${used.version} no longer changes: study '${studyName}' uses it in its cycle 2026. Start a new draft from it and change that one.`,
      );
    }
    expect((await api.catalogueVersion(usedVersionId)).hash).toBe(used.hash);
  });

  it('keeps a draft assigned to a study editable until the study opens a cycle', async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const study = await t
      .http()
      .post('/api/v1/studies')
      .set('Authorization', await as(admin))
      .send({ name: 'Editor study', catalogueVersionId: usedVersionId });
    expect(study.status).toBe(201);
    const assigned = await t
      .http()
      .patch(`/api/v1/studies/${study.body.id}`)
      .set('Authorization', await as(admin))
      .send({ catalogueVersionId: draft.id });
    expect(assigned.status).toBe(200);
    await api.saveCatalogueItem(
      draft.id,
      'leavers',
      inputOf(demoItem('leavers'), { unit: 'heads' }),
    );
    const cycle = await t
      .http()
      .post(`/api/v1/studies/${study.body.id}/cycles`)
      .set('Authorization', await as(admin))
      .send({ year: 2027 });
    expect(cycle.status).toBe(201);
    const refused = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/items/leavers`)
      .set('Authorization', await as(admin))
      .send(inputOf(demoItem('leavers')));
    expect(refused.status).toBe(409);
    expect((await api.catalogueVersion(draft.id)).editable).toBe(false);
  });

  it("answers another publisher's every request about a version with 404", async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const file = await downloadXlsx(draft.id);
    const base = `/api/v1/catalogue-versions/${draft.id}`;
    const requests = [
      t.http().get(base),
      t.http().post(`${base}/drafts`),
      t
        .http()
        .post(`${base}/items`)
        .send(inputOf(demoItem('leavers'), { key: 'x_new' })),
      t
        .http()
        .put(`${base}/items/leavers`)
        .send(inputOf(demoItem('leavers'))),
      t.http().delete(`${base}/items/leavers`),
      t.http().get(`${base}/diff/${usedVersionId}`),
      t.http().get(`/api/v1/catalogue-versions/${usedVersionId}/diff/${draft.id}`),
      t.http().get(`${base}/xlsx`),
      t.http().put(`${base}/xlsx`).attach('file', file, 'catalogue.xlsx'),
    ];
    for (const req of requests) {
      const res = await req.set('Authorization', await as(stranger));
      expect(res.status).toBe(404);
    }
    expect((await api.catalogueVersion(draft.id)).hash).toBe(draft.hash);
  });

  it('refuses an item of a shape the editor does not take with the field and the rule', async () => {
    const draft = await api.startCatalogueDraft(usedVersionId);
    const res = await t
      .http()
      .put(`/api/v1/catalogue-versions/${draft.id}/items/leavers`)
      .set('Authorization', await as(admin))
      .send(inputOf(demoItem('leavers'), { area: 'weather' as never, position: 0 }));
    expect(res.status).toBe(400);
    expect(res.body.problems.map((p: { key: string }) => p.key).sort()).toEqual([
      'area',
      'position',
    ]);
  });

  it('documents the editor in OpenAPI: item input, version detail, diff and the workbook upload', async () => {
    const docs = await t.http().get('/api/docs-json');
    expect(docs.status).toBe(200);
    const spec = docs.body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const version = '/api/v1/catalogue-versions/{versionId}';
    expect(Object.keys(spec.paths[`${version}/items/{itemKey}`] ?? {}).sort()).toEqual([
      'delete',
      'put',
    ]);
    expect(Object.keys(spec.paths[`${version}/diff/{otherVersionId}`] ?? {})).toEqual(['get']);
    expect(
      Object.keys(spec.paths['/api/v1/catalogue-versions/xlsx']?.post?.requestBody?.content ?? {}),
    ).toEqual(['multipart/form-data']);
    expect(Object.keys(spec.components.schemas.CatalogueItemInputDto.properties)).toEqual([
      'key',
      'area',
      'type',
      'unit',
      'label',
      'help',
      'min',
      'max',
      'required',
      'polarity',
      'formula',
      'choices',
      'benchmarked',
      'weightKey',
      'position',
    ]);
    expect(Object.keys(spec.components.schemas.CatalogueDiffDto.properties)).toEqual([
      'from',
      'to',
      'name',
      'items',
      'rules',
    ]);
    expect(spec.components.schemas.CatalogueVersionDetailDto.properties).toHaveProperty('editable');
  });
});
