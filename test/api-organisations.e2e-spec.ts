import {
  closeOwnerDataSource,
  createOrganisation,
  createUser,
  TestUser,
} from './support/factories';
import { TestApp } from './support/app';
import { ApiWorld, startApiWorld } from './support/api-world';

describe('api (e2e, full app on real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let world: ApiWorld['world'];
  let publisherAdmin: TestUser;
  let companyAdmin: TestUser;
  let otherPublisherAdmin: TestUser;
  let otherCompanyAdmin: TestUser;

  beforeAll(async () => {
    ({ t, world, publisherAdmin, companyAdmin, otherPublisherAdmin, otherCompanyAdmin } =
      await startApiWorld());
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  describe('organisations and users', () => {
    it('lets the platform operator create a company whose first admin can sign in at once', async () => {
      const operator = await createUser(await createOrganisation('platform'), 'platform_admin');
      const email = `admin.${Date.now()}@neu.example`;
      const created = await t
        .http()
        .post('/api/v1/organisations')
        .set('Authorization', await t.tokenFor(operator))
        .send({
          kind: 'company',
          name: 'Neukunde GmbH',
          admin: { email, name: 'Nina Neu', password: 'a-long-password' },
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'company', name: 'Neukunde GmbH' });
      const me = await t
        .http()
        .get('/api/v1/auth/me')
        .set('Authorization', await t.tokenFor({ email, password: 'a-long-password' }));
      expect(me.body).toMatchObject({ organisationId: created.body.id, role: 'company_admin' });
      // The platform sees the new tenant, but none of its users.
      const users = await t
        .http()
        .get('/api/v1/users')
        .set('Authorization', await t.tokenFor(operator));
      expect(users.body.map((u: { email: string }) => u.email)).toEqual([operator.email]);
    });

    it('lets a company admin add an editor, refuses a publisher role and a taken e-mail', async () => {
      const auth = await t.tokenFor(companyAdmin);
      const email = `editor.${Date.now()}@test.example`;
      const user = { email, name: 'Erika Editor', password: 'a-long-password' };
      const created = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', auth)
        .send({ ...user, role: 'company_editor' });
      expect(created.status).toBe(201);
      const again = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', auth)
        .send({ ...user, role: 'company_editor' });
      expect(again.status).toBe(409);
      const wrongRole = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', auth)
        .send({ ...user, email: `x.${email}`, role: 'publisher_admin' });
      expect(wrongRole.status).toBe(422);
      const short = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', auth)
        .send({ ...user, email: `y.${email}`, password: 'short', role: 'company_viewer' });
      expect(short.status).toBe(400);
      expect(short.body.problems).toEqual([expect.objectContaining({ key: 'password' })]);
    });

    it('adds a user whose e-mail address another tenant uses as it adds a new address, and each password opens its own account', async () => {
      const auth = await t.tokenFor(companyAdmin);
      const add = (email: string, password: string) =>
        t
          .http()
          .post('/api/v1/users')
          .set('Authorization', auth)
          .send({ email, name: 'Ria Rivale', password, role: 'company_viewer' });
      const fresh = await add(`fresh.${Date.now()}@test.example`, 'a-long-password');
      const elsewhere = await add(otherCompanyAdmin.email.toUpperCase(), 'another-long-password');
      expect([fresh.status, elsewhere.status]).toEqual([201, 201]);
      expect(Object.keys(elsewhere.body as object).sort()).toEqual(
        Object.keys(fresh.body as object).sort(),
      );
      const signIn = async (password: string) => {
        const res = await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: otherCompanyAdmin.email, password });
        const me = await t
          .http()
          .get('/api/v1/auth/me')
          .set('Authorization', `Bearer ${(res.body as { accessToken: string }).accessToken}`);
        return (me.body as { organisationId: string }).organisationId;
      };
      expect(await signIn('another-long-password')).toBe(world.company.id);
      expect(await signIn(otherCompanyAdmin.password)).toBe(otherCompanyAdmin.tenantId);
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: otherCompanyAdmin.email, password: 'neither-of-them' });
      expect(wrong.status).toBe(401);
    });

    it('answers 403 to a company admin creating an organisation', async () => {
      const res = await t
        .http()
        .post('/api/v1/organisations')
        .set('Authorization', await t.tokenFor(companyAdmin))
        .send({
          kind: 'company',
          name: 'X',
          admin: { email: 'x@x.example', name: 'X', password: 'a-long-password' },
        });
      expect(res.status).toBe(403);
    });
  });

  describe('request validation and roles', () => {
    it('answers 400 naming an unknown body field', async () => {
      const res = await t
        .http()
        .post(`/api/v1/studies/${world.study.id}/cycles`)
        .set('Authorization', await t.tokenFor(publisherAdmin))
        .send({ year: 2031, colour: 'blue' });
      expect(res.status).toBe(400);
      expect(res.body.problems).toEqual([
        expect.objectContaining({ key: 'colour', rule: 'unknown_field' }),
      ]);
      expect(res.body.message).toContain('colour');
    });

    it("answers 400 naming the field and its rule in the reader's language", async () => {
      const answers = [
        ['de', 'year darf nicht kleiner als 2000 sein.'],
        ['en', 'year must not be less than 2000.'],
      ] as const;
      for (const [language, sentence] of answers) {
        const res = await t
          .http()
          .post(`/api/v1/studies/${world.study.id}/cycles`)
          .set('Authorization', await t.tokenFor(publisherAdmin))
          .set('Accept-Language', language)
          .send({ year: 1999 });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          error: 'bad_request',
          message: sentence,
          problems: [{ key: 'year', rule: 'min', message: sentence }],
        });
      }
    });

    it('answers 400 to malformed JSON and 413 to an oversized body, never 500', async () => {
      const malformed = await t
        .http()
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send('{"email": ');
      expect(malformed.status).toBe(400);
      const oversized = await t
        .http()
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2_000_000) }));
      expect(oversized.status).toBe(413);
      expect(oversized.body.message).toContain('larger than the limit');
    });

    it('answers 403 to a company user calling a publisher endpoint', async () => {
      const res = await t
        .http()
        .post(`/api/v1/cycles/${world.cycle.id}/close`)
        .set('Authorization', await t.tokenFor(companyAdmin));
      expect(res.status).toBe(403);
      const enrol = await t
        .http()
        .post(`/api/v1/studies/${world.study.id}/participations`)
        .set('Authorization', await t.tokenFor(companyAdmin))
        .send({ companyId: world.company.id });
      expect(enrol.status).toBe(403);
    });
  });

  describe('tenant isolation: every endpoint that takes an id answers 404 to another tenant', () => {
    const publisherCalls = (): [string, string, object?][] => [
      ['get', `/api/v1/studies/${world.study.id}`],
      ['patch', `/api/v1/studies/${world.study.id}`, { name: 'taken over' }],
      ['get', `/api/v1/studies/${world.study.id}/catalogue`],
      ['get', `/api/v1/studies/${world.study.id}/units`],
      ['post', `/api/v1/studies/${world.study.id}/cycles`, { year: 2040 }],
      ['get', `/api/v1/studies/${world.study.id}/participations`],
      ['post', `/api/v1/studies/${world.study.id}/participations`, { companyId: world.company.id }],
      ['delete', `/api/v1/studies/${world.study.id}/participations/${world.participation.id}`],
      ['get', `/api/v1/cycles/${world.cycle.id}`],
      ['post', `/api/v1/cycles/${world.cycle.id}/close`],
      ['post', `/api/v1/cycles/${world.cycle.id}/publish`],
      ['get', `/api/v1/units/${world.unit.id}`],
    ];

    it('for another publisher', async () => {
      const auth = await t.tokenFor(otherPublisherAdmin);
      for (const [method, path, body] of publisherCalls()) {
        const res = await t.http()[method as 'get'](path).set('Authorization', auth).send(body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      }
    });

    it('for another company', async () => {
      const auth = await t.tokenFor(otherCompanyAdmin);
      const calls: [string, string, object?][] = [
        ['get', `/api/v1/studies/${world.study.id}`],
        ['get', `/api/v1/studies/${world.study.id}/catalogue`],
        ['get', `/api/v1/studies/${world.study.id}/units`],
        ['get', `/api/v1/cycles/${world.cycle.id}`],
        ['get', `/api/v1/units/${world.unit.id}`],
        ['patch', `/api/v1/units/${world.unit.id}`, { name: 'taken over' }],
      ];
      for (const [method, path, body] of calls) {
        const res = await t.http()[method as 'get'](path).set('Authorization', auth).send(body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      }
    });

    it("for another organisation's API key", async () => {
      const created = await t
        .http()
        .post('/api/v1/api-keys')
        .set('Authorization', await t.tokenFor(companyAdmin))
        .send({ name: 'mine', role: 'company_viewer' });
      const auth = await t.tokenFor(otherCompanyAdmin);
      for (const path of [`/api/v1/api-keys/${created.body.id}`]) {
        expect((await t.http().get(path).set('Authorization', auth)).status).toBe(404);
      }
      expect(
        (
          await t
            .http()
            .post(`/api/v1/api-keys/${created.body.id}/revoke`)
            .set('Authorization', auth)
        ).status,
      ).toBe(404);
    });
  });

  describe('service endpoints', () => {
    it('reports readiness with database and Redis up', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body.info).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
    });

    it('serves the OpenAPI document with the kept paths', async () => {
      const res = await t.http().get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/studies',
          '/api/v1/cycles/{cycleId}/close',
          '/api/v1/studies/{studyId}/units',
        ]),
      );
    });

    it('sends security headers and a request id', async () => {
      const res = await t.http().get('/health/live');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-request-id']).toMatch(/.+/);
    });
  });
});
