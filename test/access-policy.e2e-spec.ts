import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Action, ACCESS_POLICY, Role, ROLES } from '@app/domain';
import { ACTION_KEY, PUBLIC_KEY } from '../apps/api/src/auth/auth.decorators';
import { isPagePath } from '../apps/api/src/web/page-paths';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudyWorld,
  createUser,
  TestUser,
} from './support/factories';

/**
 * Every API route with the use-case it carries out, written by hand: a route added to the api
 * fails the walk until it is named here, and a route that names another use-case than this
 * table fails too. The roles each use-case admits come from ACCESS_POLICY, whose every row
 * libs/domain/src/access/access-policy.spec.ts writes out by hand.
 */
const API_ROUTES: Record<string, Action | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': Action.AccountRead,
  'POST /api/v1/organisations': Action.OrganisationCreate,
  'GET /api/v1/organisations': Action.OrganisationRead,
  'GET /api/v1/users': Action.UserRead,
  'POST /api/v1/users': Action.UserCreate,
  'POST /api/v1/api-keys': Action.ApiKeyCreate,
  'GET /api/v1/api-keys': Action.ApiKeyRead,
  'GET /api/v1/api-keys/:apiKeyId': Action.ApiKeyRead,
  'POST /api/v1/api-keys/:apiKeyId/revoke': Action.ApiKeyRevoke,
  'GET /api/v1/studies': Action.StudyRead,
  'POST /api/v1/studies': Action.StudyCreate,
  'GET /api/v1/studies/:studyId': Action.StudyRead,
  'PATCH /api/v1/studies/:studyId': Action.StudyUpdate,
  'GET /api/v1/studies/:studyId/catalogue': Action.StudyRead,
  'POST /api/v1/studies/:studyId/cycles': Action.CycleCreate,
  'GET /api/v1/cycles/:cycleId': Action.StudyRead,
  'POST /api/v1/cycles/:cycleId/close': Action.CycleClose,
  'POST /api/v1/cycles/:cycleId/publish': Action.CyclePublish,
  'GET /api/v1/studies/:studyId/participations': Action.ParticipationRead,
  'POST /api/v1/studies/:studyId/participations': Action.ParticipationEnrol,
  'DELETE /api/v1/studies/:studyId/participations/:participationId': Action.ParticipationWithdraw,
  'GET /api/v1/catalogue-versions': Action.CatalogueVersionRead,
  'POST /api/v1/catalogue-versions': Action.CatalogueVersionCreate,
  'GET /api/v1/units': Action.UnitRead,
  'POST /api/v1/units': Action.UnitCreate,
  'GET /api/v1/units/:unitId': Action.UnitRead,
  'PATCH /api/v1/units/:unitId': Action.UnitUpdate,
  'GET /api/v1/studies/:studyId/units': Action.UnitRead,
  'GET /api/v1/cycles/:cycleId/units/:unitId/submission': Action.SubmissionRead,
  'PUT /api/v1/cycles/:cycleId/units/:unitId/submission': Action.SubmissionSaveDraft,
  'POST /api/v1/cycles/:cycleId/units/:unitId/submission/submit': Action.SubmissionSubmit,
  'POST /api/v1/cycles/:cycleId/units/:unitId/submission/accept': Action.SubmissionReview,
  'POST /api/v1/cycles/:cycleId/units/:unitId/submission/return': Action.SubmissionReview,
  'GET /api/v1/cycles/:cycleId/units/:unitId/submission/audit': Action.SubmissionRead,
  'GET /api/v1/cycles/:cycleId/units/:unitId/submission/template': Action.SubmissionExport,
  'POST /api/v1/cycles/:cycleId/units/:unitId/submission/upload': Action.SubmissionSaveDraft,
  'GET /api/v1/cycles/:cycleId/units/:unitId/submission/export': Action.SubmissionExport,
  'POST /api/v1/cycles/:cycleId/import': Action.CycleImport,
  'GET /api/v1/cycles/:cycleId/export': Action.CycleExport,
  'POST /api/v1/cycles/:cycleId/snapshots': Action.SnapshotCompute,
  'GET /api/v1/cycles/:cycleId/snapshots': Action.SnapshotRead,
  'GET /api/v1/snapshots/:snapshotId': Action.SnapshotRead,
  'GET /api/v1/snapshots/:snapshotId/peer-groups': Action.BenchmarkRead,
  'POST /api/v1/snapshots/:snapshotId/peer-groups': Action.PeerGroupRelease,
  'GET /api/v1/snapshots/:snapshotId/benchmarks': Action.BenchmarkRead,
  'GET /api/v1/snapshots/:snapshotId/units/:unitId/position': Action.BenchmarkRead,
  'GET /api/v1/snapshots/:snapshotId/disclosure-report': Action.DisclosureReportRead,
  'POST /api/v1/snapshots/:snapshotId/reports': Action.ReportOrder,
  'POST /api/v1/studies/:studyId/trend-reports': Action.TrendCompute,
  'POST /api/v1/snapshots/:snapshotId/reports/batch': Action.ReportBatchOrder,
  'GET /api/v1/report-batches/:batchId': Action.ReportBatchRead,
  'POST /api/v1/report-batches/:batchId/retry': Action.ReportBatchRetry,
  'GET /api/v1/reports/:reportId': Action.ReportRead,
  'GET /api/v1/reports/:reportId/pdf': Action.ReportRead,
  'GET /api/v1/reports/:reportId/xlsx': Action.TrendReportRead,
  'GET /api/v1/reports/:reportId/html': Action.ReportRead,
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
};

interface Route {
  method: string;
  path: string;
  action: Action | 'public' | undefined;
}

/** Every route of the app as Nest registered it, with the use-case or @Public() it declares. */
function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) {
        continue;
      }
      const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) {
          continue;
        }
        const isPublic =
          (Reflect.getMetadata(PUBLIC_KEY, handler) ??
            Reflect.getMetadata(PUBLIC_KEY, controller)) === true;
        const action = (Reflect.getMetadata(ACTION_KEY, handler) ??
          Reflect.getMetadata(ACTION_KEY, controller)) as Action | undefined;
        const full = `/${[prefix, path].filter((p) => p !== '' && p !== '/').join('/')}`;
        routes.push({
          method: RequestMethod[method],
          path: full.replace(/\/+/g, '/'),
          action: isPublic ? 'public' : action,
        });
      }
    }
  }
  return routes;
}

describe('access policy (e2e): every API route as every role', () => {
  let t: TestApp;
  let routes: Route[];
  const callers = new Map<Role, TestUser>();
  /** Ids of another publisher's study world, which no caller may reach. */
  const foreign = new Map<string, string>();

  beforeAll(async () => {
    t = await startApp();
    routes = routesOf(t);
    const platform = await createOrganisation('platform');
    const publisher = await createOrganisation('publisher');
    const company = await createOrganisation('company');
    for (const role of ROLES) {
      const organisation = role.startsWith('platform')
        ? platform
        : role.startsWith('publisher')
          ? publisher
          : company;
      callers.set(role, await createUser(organisation, role));
    }
    const other = await createStudyWorld();
    foreign.set('studyId', other.study.id);
    foreign.set('cycleId', other.cycle.id);
    foreign.set('unitId', other.unit.id);
    foreign.set('participationId', other.participation.id);
  });

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  it('names a use-case or @Public() on every route, pages too', () => {
    const undeclared = routes.filter((r) => r.action === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('finds exactly the routes of the table, each with its use-case', () => {
    const api = Object.fromEntries(
      routes.filter((r) => !isPagePath(r.path)).map((r) => [`${r.method} ${r.path}`, r.action]),
    );
    expect(api).toEqual(API_ROUTES);
  });

  it('leaves no use-case of the policy without a route or a page', () => {
    const used = new Set(routes.map((r) => r.action));
    expect(Object.values(Action).filter((a) => !used.has(a))).toEqual([]);
  });

  /** The path with the ids of another tenant's resources, or fresh ones for the rest. */
  function urlOf(path: string): string {
    return path.replace(/:(\w+)/g, (_, name: string) => foreign.get(name) ?? randomUUID());
  }

  function send(method: string, url: string) {
    const http = t.http();
    switch (method) {
      case 'GET':
        return http.get(url);
      case 'POST':
        return http.post(url).send({});
      case 'PUT':
        return http.put(url).send({});
      case 'PATCH':
        return http.patch(url).send({});
      case 'DELETE':
        return http.delete(url);
      default:
        throw new Error(`no request for ${method}`);
    }
  }

  /** What an answer says about access. */
  function outcome(status: number, takesId: boolean): string {
    if (status === 401) {
      return 'unauthenticated';
    }
    if (status === 403) {
      return 'forbidden';
    }
    if (status >= 500) {
      return `failed ${status}`;
    }
    // The walk sends ids of another tenant and no body: past access, such an id is not found,
    // unless the body or the query is refused first.
    if (takesId && status !== 404 && status !== 400) {
      return `answered ${status} for another tenant's id`;
    }
    return 'admitted';
  }

  const walked = Object.entries(API_ROUTES).filter(([, action]) => action !== 'public');

  it.each(walked)('refuses %s to an anonymous caller with 401', async (route) => {
    const [method, path] = route.split(' ');
    const res = await send(method, urlOf(path));
    expect(res.status).toBe(401);
  });

  it.each(walked)('answers %s to every role as the policy says', async (route, action) => {
    const [method, path] = route.split(' ');
    const outcomes: Partial<Record<Role, string>> = {};
    const expected: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const caller = callers.get(role);
      if (!caller || action === 'public') {
        throw new Error(`no caller for ${role} or a public route walked`);
      }
      const res = await send(method, urlOf(path)).set('Authorization', await t.tokenFor(caller));
      outcomes[role] = outcome(res.status, path.includes(':'));
      expected[role] = ACCESS_POLICY[action].roles.includes(role) ? 'admitted' : 'forbidden';
    }
    expect(outcomes).toEqual(expected);
  });
});
