import { DEMO_CATALOGUE } from '@app/domain';
import request from 'supertest';
import { ApiClient } from './support/api-client';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudyWorld,
  createUser,
  TestUser,
} from './support/factories';

jest.setTimeout(120_000);

/** The CSRF token of the first form on a page. */
function csrfIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) {
    throw new Error('no form with a CSRF token on the page');
  }
  return match[1];
}

/** The text of the element with this id (an error at a field). */
function textOf(html: string, id: string): string {
  const match = new RegExp(`id="${id}">([^<]*)<`).exec(html);
  return (match?.[1] ?? '').replace(/&#x27;|&#39;/g, "'").trim();
}

/** The form of an item as the page sends it, from a demo item with some fields changed. */
function itemForm(key: string, changes: Record<string, string> = {}): Record<string, string> {
  const item = DEMO_CATALOGUE.items.find((i) => i.key === key);
  if (!item) {
    throw new Error(`no demo item ${key}`);
  }
  return {
    key: item.key,
    area: item.area,
    type: item.type,
    unit: item.unit ?? '',
    labelDe: item.label.de,
    labelEn: item.label.en,
    helpDe: item.help.de,
    helpEn: item.help.en,
    min: item.min === undefined ? '' : String(item.min),
    max: item.max === undefined ? '' : String(item.max),
    ...(item.required ? { required: 'on' } : {}),
    polarity: item.polarity,
    formula: item.formula ?? '',
    choices: '',
    ...(item.benchmarked === false ? {} : { benchmarked: 'on' }),
    weightKey: item.weightKey ?? '',
    ...changes,
  };
}

describe('questionnaire editor pages (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let api: ApiClient;
  let usedVersionId: string;
  let stranger: TestUser;

  beforeAll(async () => {
    t = await startApp();
    const world = await createStudyWorld();
    usedVersionId = world.study.catalogueVersionId;
    admin = await createUser(world.publisher, 'publisher_admin');
    api = new ApiClient(t, admin);
    stranger = await createUser(await createOrganisation('publisher'), 'publisher_admin');
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  async function session(user: TestUser, language: 'de' | 'en') {
    const http = request.agent(t.app.getHttpServer());
    const form = await http.get('/login').set('Accept-Language', language);
    await http
      .post('/login')
      .set('Accept-Language', language)
      .type('form')
      .send({ _csrf: csrfIn(form.text), email: user.email, password: user.password });
    const home = await http.get('/').set('Accept-Language', language);
    return { http, csrf: csrfIn(home.text), language };
  }

  it.each([
    [
      'de',
      'Fragebögen',
      'Neuen Entwurf aus dieser Version beginnen',
      'Element attrition_rate bearbeiten',
    ],
    ['en', 'Questionnaires', 'Start a new draft from this version', 'Edit item attrition_rate'],
  ] as const)(
    'shows the list, a version and the item form in %s',
    async (language, list, draft, item) => {
      const { http } = await session(admin, language);
      const home = await http.get('/').set('Accept-Language', language);
      expect(home.text).toContain(`href="/catalogues"`);
      const listPage = await http.get('/catalogues').set('Accept-Language', language);
      expect(listPage.status).toBe(200);
      expect(listPage.text).toContain(`<h1>${list}</h1>`);
      const version = await http
        .get(`/catalogues/${usedVersionId}`)
        .set('Accept-Language', language);
      expect(version.status).toBe(200);
      expect(version.text).toContain(draft);
      // A version a cycle uses offers no edit.
      expect(version.text).not.toContain(`/catalogues/${usedVersionId}/items/attrition_rate"`);
      const form = await http
        .get(`/catalogues/${usedVersionId}/items/attrition_rate`)
        .set('Accept-Language', language);
      expect(form.status).toBe(200);
      expect(form.text).toContain(item);
    },
  );

  it('starts a draft, refuses a bad formula at its field in the reader language, saves, diffs and assigns', async () => {
    const { http, csrf } = await session(admin, 'de');
    const started = await http
      .post(`/catalogues/${usedVersionId}/drafts`)
      .type('form')
      .send({ _csrf: csrf });
    expect(started.status).toBe(303);
    const draftId = /^\/catalogues\/([0-9a-f-]{36})\?notice=created$/.exec(
      started.headers.location,
    )?.[1];
    expect(draftId).toBeDefined();
    const before = await api.catalogueVersion(draftId!);

    const refused = await http
      .post(`/catalogues/${draftId}/items/attrition_rate`)
      .set('Accept-Language', 'de')
      .type('form')
      .send({ _csrf: csrf, ...itemForm('attrition_rate', { formula: 'leavers / headcount' }) });
    expect(refused.status).toBe(422);
    expect(textOf(refused.text, 'item-formula-error')).toBe(
      "formula verweist auf den unbekannten Schlüssel 'headcount'",
    );
    expect(refused.text).toContain('Das Element wurde nicht gespeichert.');
    expect((await api.catalogueVersion(draftId!)).hash).toBe(before.hash);

    const saved = await http
      .post(`/catalogues/${draftId}/items/attrition_rate`)
      .type('form')
      .send({ _csrf: csrf, ...itemForm('attrition_rate', { unit: 'Prozent', max: '250' }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/catalogues/${draftId}?notice=saved`);

    const diff = await http
      .get(`/catalogues/${usedVersionId}/diff/${draftId}`)
      .set('Accept-Language', 'en');
    expect(diff.status).toBe(200);
    const changes = diff.text.replace(/\s+/g, ' ');
    expect(changes).toContain(
      '<td><code>unit</code></td> <td><del>%</del></td> <td><ins>Prozent</ins></td>',
    );
    expect(changes).toContain(
      '<td><code>max</code></td> <td><del>(empty)</del></td> <td><ins>250</ins></td>',
    );

    const study = await t
      .http()
      .post('/api/v1/studies')
      .set('Authorization', await t.tokenFor(admin))
      .send({ name: 'Pages study', catalogueVersionId: usedVersionId });
    expect(study.status).toBe(201);
    const confirm = await http
      .get(`/studies/${study.body.id}/catalogue/${draftId}`)
      .set('Accept-Language', 'en');
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Yes, assign this version');
    expect(confirm.text).toContain('<code>attrition_rate</code>');
    const assigned = await http
      .post(`/studies/${study.body.id}/catalogue/${draftId}`)
      .type('form')
      .send({ _csrf: csrf });
    expect(assigned.status).toBe(303);
    const pinned = await t
      .http()
      .get(`/api/v1/studies/${study.body.id}`)
      .set('Authorization', await t.tokenFor(admin));
    expect(pinned.body.catalogueVersionId).toBe(draftId);
  });

  it('shows the refusal of an edit of a used version on the form', async () => {
    const { http, csrf } = await session(admin, 'en');
    const res = await http
      .post(`/catalogues/${usedVersionId}/items/leavers`)
      .set('Accept-Language', 'en')
      .type('form')
      .send({ _csrf: csrf, ...itemForm('leavers') });
    expect(res.status).toBe(422);
    expect(res.text).toContain('no longer changes');
  });

  it("answers another publisher's version, item form and diff with the not-found page", async () => {
    const { http } = await session(stranger, 'en');
    for (const path of [
      `/catalogues/${usedVersionId}`,
      `/catalogues/${usedVersionId}/items/leavers`,
      `/catalogues/${usedVersionId}/diff/${usedVersionId}`,
      `/catalogues/${usedVersionId}/xlsx`,
    ]) {
      const res = await http.get(path).set('Accept-Language', 'en');
      expect(res.status).toBe(404);
    }
  });
});
