import { DEMO_CATALOGUE } from '@app/domain';
import { closeOwnerDataSource, createUser, ownerDataSource, TestUser } from './support/factories';
import { startApp, TestApp } from './support/app';
import { ApiWorld, startApiWorld } from './support/api-world';

describe('api (e2e, full app on real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let world: ApiWorld['world'];
  let publisherAdmin: TestUser;
  let companyAdmin: TestUser;
  let companyViewer: TestUser;
  let otherCompanyAdmin: TestUser;

  beforeAll(async () => {
    ({ t, world, publisherAdmin, companyAdmin, companyViewer, otherCompanyAdmin } =
      await startApiWorld());
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });
  describe('sign-in', () => {
    it('answers 401 to a wrong password and 429 to the 6th rapid attempt', async () => {
      const target = await createUser(world.company, 'company_editor');
      const statuses: number[] = [];
      let last: { body: { message?: string }; headers: Record<string, string> } | undefined;
      for (let attempt = 0; attempt < 6; attempt++) {
        const res = await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: target.email, password: 'wrong' });
        statuses.push(res.status);
        last = res;
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(last?.body.message).toContain('Too many sign-in attempts');
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('counts attempts per connecting address, whatever X-Forwarded-For claims, by default', async () => {
      const target = await createUser(world.company, 'company_editor');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const res = await t
          .http()
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', `203.0.113.${attempt + 1}`)
          .send({ email: target.email, password: 'wrong' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('counts attempts per forwarded client address behind a proxy that TRUST_PROXY names', async () => {
      const proxied = await startApp({ TRUST_PROXY: 'loopback' });
      try {
        const target = await createUser(world.company, 'company_editor');
        const attempt = (client: string) =>
          proxied
            .http()
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', client)
            .send({ email: target.email, password: 'wrong' });
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          statuses.push((await attempt('203.0.113.7')).status);
        }
        statuses.push((await attempt('198.51.100.9')).status);
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 401]);
      } finally {
        await proxied.close();
      }
    });

    it('issues a token that identifies the organisation and role', async () => {
      const token = await t.tokenFor(companyAdmin);
      const me = await t.http().get('/api/v1/auth/me').set('Authorization', token);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        organisationId: world.company.id,
        role: 'company_admin',
        organisationKind: 'company',
      });
    });

    it("refuses a disabled user's access token at the next request, and applies a changed role at once", async () => {
      const user = await createUser(world.company, 'company_admin');
      const token = await t.tokenFor(user);
      expect((await t.http().get('/api/v1/users').set('Authorization', token)).status).toBe(200);
      const owner = await ownerDataSource();
      await owner.query(`UPDATE users SET role = 'company_viewer' WHERE id = $1`, [user.id]);
      const demoted = await t.http().get('/api/v1/users').set('Authorization', token);
      expect(demoted.status).toBe(403);
      await owner.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
      const disabled = await t.http().get('/api/v1/auth/me').set('Authorization', token);
      expect(disabled.status).toBe(401);
      expect(disabled.body.message).toBe(
        'The user of this access token is disabled, no longer exists, or has reset the password since.',
      );
    });

    it('answers 401 without a token and with a forged one', async () => {
      expect((await t.http().get('/api/v1/studies')).status).toBe(401);
      const forged = await t
        .http()
        .get('/api/v1/studies')
        .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x');
      expect(forged.status).toBe(401);
    });
  });

  describe('API keys', () => {
    it('authenticates a machine client with its key until the key is revoked', async () => {
      const created = await t
        .http()
        .post('/api/v1/api-keys')
        .set('Authorization', await t.tokenFor(companyAdmin))
        .send({ name: 'ERP export', role: 'company_viewer' });
      expect(created.status).toBe(201);
      const key = created.body.key as string;
      expect(key).toMatch(/^bck_/);

      const asKey = await t.http().get('/api/v1/units').set('Authorization', `Bearer ${key}`);
      expect(asKey.status).toBe(200);
      expect(asKey.body.map((u: { id: string }) => u.id)).toEqual([world.unit.id]);

      // A viewer key may not write.
      const write = await t
        .http()
        .post('/api/v1/units')
        .set('Authorization', `Bearer ${key}`)
        .send({
          name: 'x',
          industry: 'telecom',
          country: 'DE',
          customerType: 'b2c',
          sourcing: 'inhouse',
          agentFte: 1,
        });
      expect(write.status).toBe(403);

      const revoked = await t
        .http()
        .post(`/api/v1/api-keys/${created.body.id}/revoke`)
        .set('Authorization', await t.tokenFor(companyAdmin));
      expect(revoked.status).toBe(200);
      expect(
        (await t.http().get('/api/v1/units').set('Authorization', `Bearer ${key}`)).status,
      ).toBe(401);
    });

    it('lets a key make no key and no user unless its creator gave it the scope, and never a wider key', async () => {
      const admin = await t.tokenFor(companyAdmin);
      const keyWith = async (scopes?: string[]) => {
        const created = await t
          .http()
          .post('/api/v1/api-keys')
          .set('Authorization', admin)
          .send({ name: 'automation', role: 'company_admin', ...(scopes ? { scopes } : {}) });
        expect(created.status).toBe(201);
        return { id: created.body.id as string, auth: `Bearer ${created.body.key as string}` };
      };
      const newUser = () => ({
        email: `by.key.${Date.now()}.${Math.random()}@test.example`,
        name: 'Made By Key',
        password: 'a-long-password',
        role: 'company_viewer',
      });
      const plain = await keyWith();
      const mintKey = (auth: string, scopes: string[] = []) =>
        t
          .http()
          .post('/api/v1/api-keys')
          .set('Authorization', auth)
          .send({ name: 'child', role: 'company_viewer', scopes });
      const mintUser = (auth: string) =>
        t.http().post('/api/v1/users').set('Authorization', auth).send(newUser());
      expect((await mintKey(plain.auth)).status).toBe(403);
      expect((await mintUser(plain.auth)).status).toBe(403);
      // Still a company admin for everything else.
      expect((await t.http().get('/api/v1/units').set('Authorization', plain.auth)).status).toBe(
        200,
      );

      const keyMaker = await keyWith(['api_keys:create']);
      const child = await mintKey(keyMaker.auth);
      expect(child.status).toBe(201);
      expect(child.body.scopes).toEqual([]);
      const wider = await mintKey(keyMaker.auth, ['users:create']);
      expect(wider.status).toBe(403);
      expect((await mintUser(keyMaker.auth)).status).toBe(403);

      const userMaker = await keyWith(['users:create']);
      expect((await mintUser(userMaker.auth)).status).toBe(201);
      const listed = await t
        .http()
        .get(`/api/v1/api-keys/${userMaker.id}`)
        .set('Authorization', admin);
      expect(listed.body.scopes).toEqual(['users:create']);
      const unknown = await t
        .http()
        .post('/api/v1/api-keys')
        .set('Authorization', admin)
        .send({ name: 'x', role: 'company_viewer', scopes: ['studies:delete'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.problems).toEqual([expect.objectContaining({ key: 'scopes' })]);
    });

    it('refuses a key with a role of another kind of organisation', async () => {
      const res = await t
        .http()
        .post('/api/v1/api-keys')
        .set('Authorization', await t.tokenFor(companyAdmin))
        .send({ name: 'x', role: 'publisher_admin' });
      expect(res.status).toBe(422);
      expect(res.body.problems).toEqual([
        expect.objectContaining({ key: 'role', rule: 'role_of_organisation' }),
      ]);
    });
  });

  describe('studies, cycles and units', () => {
    it('lists the study with its cycles to the publisher and to the participating company', async () => {
      for (const user of [publisherAdmin, companyAdmin]) {
        const res = await t
          .http()
          .get('/api/v1/studies')
          .set('Authorization', await t.tokenFor(user));
        expect(res.status).toBe(200);
        const study = (res.body as { id: string; cycles: unknown[] }[]).find(
          (s) => s.id === world.study.id,
        );
        expect(study?.cycles).toEqual([{ id: world.cycle.id, year: 2026, state: 'open' }]);
      }
      const outsider = await t
        .http()
        .get('/api/v1/studies')
        .set('Authorization', await t.tokenFor(otherCompanyAdmin));
      expect(outsider.body).toEqual([]);
    });

    it('moves a cycle from open to closed, refuses to skip a state, and refuses to publish without a snapshot', async () => {
      const auth = await t.tokenFor(publisherAdmin);
      const created = await t
        .http()
        .post(`/api/v1/studies/${world.study.id}/cycles`)
        .set('Authorization', auth)
        .send({ year: 2030 });
      expect(created.status).toBe(201);
      const cycleId = created.body.id as string;
      const skip = await t
        .http()
        .post(`/api/v1/cycles/${cycleId}/publish`)
        .set('Authorization', auth);
      expect(skip.status).toBe(409);
      expect(skip.body.message).toContain('only when it is closed');
      const closed = await t
        .http()
        .post(`/api/v1/cycles/${cycleId}/close`)
        .set('Authorization', auth);
      expect(closed.body.state).toBe('closed');
      // Publishing freezes a snapshot; the snapshot tests publish one.
      const unpublished = await t
        .http()
        .post(`/api/v1/cycles/${cycleId}/publish`)
        .set('Authorization', auth);
      expect(unpublished.status).toBe(409);
      expect(unpublished.body.message).toContain('no computed snapshot');
      const duplicate = await t
        .http()
        .post(`/api/v1/studies/${world.study.id}/cycles`)
        .set('Authorization', auth)
        .send({ year: 2030 });
      expect(duplicate.status).toBe(409);
    });

    it('derives the size band of a unit from its agent FTE and lists it among the study units', async () => {
      const auth = await t.tokenFor(companyAdmin);
      const created = await t.http().post('/api/v1/units').set('Authorization', auth).send({
        name: 'Service Wien',
        industry: 'utilities',
        country: 'AT',
        customerType: 'mixed',
        sourcing: 'outsourced',
        agentFte: 240,
      });
      expect(created.status).toBe(201);
      expect(created.body.profile).toEqual({
        industry: 'utilities',
        country: 'AT',
        sizeBand: 'L',
        customerType: 'mixed',
        sourcing: 'outsourced',
        agentFte: 240,
      });
      const patched = await t
        .http()
        .patch(`/api/v1/units/${created.body.id}`)
        .set('Authorization', auth)
        .send({ agentFte: 30 });
      expect(patched.body.profile.sizeBand).toBe('S');
      const listed = await t
        .http()
        .get(`/api/v1/studies/${world.study.id}/units`)
        .set('Authorization', await t.tokenFor(publisherAdmin));
      expect(listed.body.map((u: { id: string }) => u.id)).toEqual(
        expect.arrayContaining([world.unit.id, created.body.id]),
      );
    });

    it('refuses to change the catalogue version of a study that has cycles', async () => {
      const auth = await t.tokenFor(publisherAdmin);
      const created = await t
        .http()
        .post('/api/v1/catalogue-versions')
        .set('Authorization', auth)
        .send({ definition: { ...DEMO_CATALOGUE, key: 'pin-test', version: 2 } });
      expect(created.status).toBe(201);
      const res = await t
        .http()
        .patch(`/api/v1/studies/${world.study.id}`)
        .set('Authorization', auth)
        .send({ catalogueVersionId: created.body.id });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('cannot change');
      const study = await t
        .http()
        .get(`/api/v1/studies/${world.study.id}`)
        .set('Authorization', auth);
      expect(study.body.catalogueVersionId).toBe(world.study.catalogueVersionId);
    });

    it('serves the study catalogue to a participant', async () => {
      const res = await t
        .http()
        .get(`/api/v1/studies/${world.study.id}/catalogue`)
        .set('Authorization', await t.tokenFor(companyViewer));
      expect(res.status).toBe(200);
      expect(res.body.definition.items.length).toBeGreaterThanOrEqual(40);
    });

    it('refuses a catalogue version whose formula names an unknown key, with the problem', async () => {
      const res = await t
        .http()
        .post('/api/v1/catalogue-versions')
        .set('Authorization', await t.tokenFor(publisherAdmin))
        .send({
          definition: {
            key: 'tiny',
            version: 1,
            name: { de: 'Mini', en: 'Tiny' },
            rules: [],
            items: [
              {
                key: 'ratio',
                area: 'cost',
                type: 'number',
                unit: null,
                label: { de: 'Quote', en: 'Ratio' },
                help: { de: 'Hilfe', en: 'Help' },
                required: false,
                polarity: 'neutral',
                formula: 'a / nowhere',
              },
            ],
          },
        });
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body.problems)).toContain('nowhere');
    });
  });
});
