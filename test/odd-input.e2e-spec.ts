import {
  closeOwnerDataSource,
  createOrganisation,
  createStudyWorld,
  createUser,
} from './support/factories';
import { startApp, TestApp } from './support/app';

type World = Awaited<ReturnType<typeof createStudyWorld>>;

interface Operation {
  method: 'post' | 'put' | 'patch';
  path: string;
  /** The JSON body's top-level fields from the OpenAPI document (none for a file upload). */
  fields: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** A JSON value nested `depth` levels deep. */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** mulberry32: a small seeded generator, so that every run sends the same requests. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values no form would send; none of them carries a NUL byte. */
const ODD_VALUES: unknown[] = [
  '',
  ' ',
  'x'.repeat(20_000),
  '\ud800',
  '=1+2',
  "'; DROP TABLE units; --",
  '../../etc/passwd',
  '\u202e\u2066',
  -1,
  0,
  1e308,
  -1e308,
  3.5,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  null,
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  ['de', 'en', 'xx'],
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
];

describe('odd input (e2e): 400 instead of 500, on every body-taking endpoint', () => {
  let t: TestApp;
  let world: World;
  let tokens: string[];
  let operations: Operation[];

  beforeAll(async () => {
    t = await startApp({ LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    world = await createStudyWorld();
    tokens = await Promise.all(
      [
        await createUser(world.publisher, 'publisher_admin'),
        await createUser(world.company, 'company_admin'),
        await createUser(await createOrganisation('platform'), 'platform_admin'),
      ].map((user) => t.tokenFor(user)),
    );
    const document = (await t.http().get('/api/docs-json')).body as OpenApiDocument;
    const ids: Record<string, string> = {
      studyId: world.study.id,
      cycleId: world.cycle.id,
      unitId: world.unit.id,
    };
    operations = Object.entries(document.paths).flatMap(([template, methods]) =>
      (['post', 'put', 'patch'] as const)
        .filter((method) => methods[method]?.requestBody !== undefined)
        .map((method) => {
          const content = methods[method].requestBody!.content;
          const ref = (content['application/json'] as { schema?: { $ref?: string } } | undefined)
            ?.schema?.$ref;
          const schema = ref ? document.components.schemas[ref.split('/').pop()!] : undefined;
          return {
            method,
            // Real ids where the test world has them, so that a body gets past the lookup.
            path: template.replace(
              /\{(\w+)\}/g,
              (_m, name: string) => ids[name] ?? '4b0e3a5e-8f1d-4c1e-9a55-2f7d8e6c9b10',
            ),
            fields: Object.keys(schema?.properties ?? {}),
          };
        }),
    );
  }, 180_000);

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  const send = (operation: Operation, body: string, token?: string) => {
    const http = t.http();
    const request = http[operation.method](operation.path).set('Content-Type', 'application/json');
    return (token ? request.set('Authorization', token) : request).send(body);
  };

  it('finds the body-taking endpoints in the OpenAPI document, sign-in among them', () => {
    const paths = operations.map((o) => `${o.method} ${o.path}`);
    expect(paths).toContain('post /api/v1/auth/login');
    expect(paths).toContain('post /api/v1/users');
    expect(paths).toContain(`patch /api/v1/units/${world.unit.id}`);
    expect(operations.length).toBeGreaterThanOrEqual(15);
  });

  it('answers 400 naming the depth rule to a body nested 10,000 deep, signed in or not', async () => {
    const body = nestedJson(10_000);
    for (const operation of operations) {
      for (const token of [undefined, ...tokens]) {
        const res = await send(operation, body, token);
        expect({ at: `${operation.method} ${operation.path}`, status: res.status }).toEqual({
          at: `${operation.method} ${operation.path}`,
          status: 400,
        });
        expect(res.body.problems).toEqual([expect.objectContaining({ rule: 'max_depth' })]);
      }
    }
  });

  it('answers 400 naming the field and the NUL rule to a NUL byte in any field of any body', async () => {
    for (const operation of operations) {
      for (const field of [...operation.fields, 'unknownField']) {
        for (const token of tokens) {
          const body = JSON.stringify({ [field]: `value\u0000${field}` });
          const res = await send(operation, body, token);
          expect({
            at: `${operation.method} ${operation.path} ${field}`,
            status: res.status,
          }).toEqual({ at: `${operation.method} ${operation.path} ${field}`, status: 400 });
          expect(res.body.problems).toEqual([
            { key: field, rule: 'nul_byte', message: expect.any(String) },
          ]);
        }
      }
    }
  });

  it('never answers 500 to 40 seeded odd bodies per endpoint and role', async () => {
    const random = seeded(20261206);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const failures: string[] = [];
    for (const operation of operations) {
      const fields = [...operation.fields, 'unknownField'];
      for (let round = 0; round < 40; round++) {
        const body: Record<string, unknown> = {};
        for (const field of fields) {
          if (random() < 0.6) {
            body[field] = pick(ODD_VALUES);
          }
        }
        const res = await send(operation, JSON.stringify(body), pick(tokens));
        if (res.status >= 500) {
          failures.push(
            `${operation.method} ${operation.path} ${JSON.stringify(body).slice(0, 200)}: ${res.status}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers 400 to a NUL byte in a query value, a unit name, an API-key name and a user name, and stores nothing', async () => {
    const [publisher, company] = tokens;
    const query = await t
      .http()
      .get(`/api/v1/snapshots/4b0e3a5e-8f1d-4c1e-9a55-2f7d8e6c9b10/benchmarks?peerGroup=all%00`)
      .set('Authorization', publisher);
    expect(query.status).toBe(400);
    expect(query.body.problems).toEqual([
      expect.objectContaining({ key: 'peerGroup', rule: 'nul_byte' }),
    ]);
    const before = await t
      .http()
      .get(`/api/v1/units/${world.unit.id}`)
      .set('Authorization', company);
    const rename = await t
      .http()
      .patch(`/api/v1/units/${world.unit.id}`)
      .set('Authorization', company)
      .send({ name: 'Bremen\u0000' });
    expect(rename.status).toBe(400);
    const after = await t
      .http()
      .get(`/api/v1/units/${world.unit.id}`)
      .set('Authorization', company);
    expect(after.body).toEqual(before.body);
    const key = await t
      .http()
      .post('/api/v1/api-keys')
      .set('Authorization', company)
      .send({ name: 'k\u0000', role: 'company_viewer' });
    expect(key.status).toBe(400);
    const keys = await t.http().get('/api/v1/api-keys').set('Authorization', company);
    expect(keys.body).toEqual([]);
    const user = await t.http().post('/api/v1/users').set('Authorization', company).send({
      email: 'nul@test.example',
      name: 'N\u0000',
      password: 'a-long-password',
      role: 'company_viewer',
    });
    expect(user.status).toBe(400);
    const users = await t.http().get('/api/v1/users').set('Authorization', company);
    expect(users.body.map((u: { email: string }) => u.email)).not.toContain('nul@test.example');
  });

  it('answers 400 in German to a German request, and a NUL byte in a path too', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'de')
      .send({ email: 'x@test.example\u0000', password: 'whatever' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('email darf kein NUL-Zeichen (\\0) enthalten.');
    const path = await t.http().get('/api/v1/units/abc%00').set('Authorization', tokens[1]);
    expect(path.status).toBe(400);
    expect(path.body.problems).toEqual([
      expect.objectContaining({ key: 'path', rule: 'nul_byte' }),
    ]);
  });
});
