import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
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
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
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
  'PATCH /api/v1/cycles/:cycleId': Action.CycleUpdate,
  'GET /api/v1/cycles/:cycleId/completion': Action.CycleCompletionRead,
  'POST /api/v1/cycles/:cycleId/reminders': Action.ReminderSend,
  'GET /api/v1/me/notification-preferences': Action.NotificationSettingsRead,
  'PUT /api/v1/me/notification-preferences': Action.NotificationSettingsUpdate,
  'GET /api/v1/studies/:studyId/participations': Action.ParticipationRead,
  'POST /api/v1/studies/:studyId/participations': Action.ParticipationEnrol,
  'DELETE /api/v1/studies/:studyId/participations/:participationId': Action.ParticipationWithdraw,
  'GET /api/v1/catalogue-versions': Action.CatalogueVersionRead,
  'POST /api/v1/catalogue-versions': Action.CatalogueVersionCreate,
  'GET /api/v1/catalogue-versions/:versionId': Action.CatalogueVersionRead,
  'POST /api/v1/catalogue-versions/:versionId/drafts': Action.CatalogueVersionCreate,
  'POST /api/v1/catalogue-versions/:versionId/items': Action.CatalogueVersionEdit,
  'PUT /api/v1/catalogue-versions/:versionId/items/:itemKey': Action.CatalogueVersionEdit,
  'DELETE /api/v1/catalogue-versions/:versionId/items/:itemKey': Action.CatalogueVersionEdit,
  'GET /api/v1/catalogue-versions/:versionId/diff/:otherVersionId': Action.CatalogueVersionRead,
  'GET /api/v1/catalogue-versions/:versionId/xlsx': Action.CatalogueVersionRead,
  'POST /api/v1/catalogue-versions/xlsx': Action.CatalogueVersionCreate,
  'PUT /api/v1/catalogue-versions/:versionId/xlsx': Action.CatalogueVersionEdit,
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
  'GET /api/v1/cycles/:cycleId/review-queue': Action.SubmissionReview,
  'GET /api/v1/cycles/:cycleId/review-queue/units/:unitId': Action.SubmissionReview,
  'POST /api/v1/cycles/:cycleId/review-queue/accept': Action.SubmissionBulkAccept,
  'POST /api/v1/cycles/:cycleId/import': Action.CycleImport,
  'GET /api/v1/cycles/:cycleId/export': Action.CycleExport,
  'POST /api/v1/cycles/:cycleId/snapshots': Action.SnapshotCompute,
  'GET /api/v1/cycles/:cycleId/snapshots': Action.SnapshotRead,
  'GET /api/v1/snapshots/:snapshotId': Action.SnapshotRead,
  'GET /api/v1/snapshots/:snapshotId/peer-groups': Action.BenchmarkRead,
  'POST /api/v1/snapshots/:snapshotId/peer-groups': Action.PeerGroupRelease,
  'GET /api/v1/snapshots/:snapshotId/benchmarks': Action.BenchmarkRead,
  'GET /api/v1/snapshots/:snapshotId/units/:unitId/position': Action.BenchmarkRead,
  'GET /api/v1/studies/:studyId/units/:unitId/position-history': Action.BenchmarkRead,
  'GET /api/v1/snapshots/:snapshotId/disclosure-report': Action.DisclosureReportRead,
  'POST /api/v1/snapshots/:snapshotId/reports': Action.ReportOrder,
  'POST /api/v1/studies/:studyId/trend-reports': Action.TrendCompute,
  'POST /api/v1/snapshots/:snapshotId/reports/batch': Action.ReportBatchOrder,
  'GET /api/v1/snapshots/:snapshotId/report-batches': Action.ReportBatchRead,
  'GET /api/v1/report-batches/:batchId': Action.ReportBatchRead,
  'POST /api/v1/report-batches/:batchId/retry': Action.ReportBatchRetry,
  'GET /api/v1/reports/:reportId': Action.ReportRead,
  'GET /api/v1/reports/:reportId/pdf': Action.ReportRead,
  'GET /api/v1/reports/:reportId/xlsx': Action.TrendReportRead,
  'GET /api/v1/reports/:reportId/html': Action.ReportRead,
  'POST /api/v1/studies/:studyId/invitations': Action.InvitationInviteCompany,
  'POST /api/v1/invitations': Action.InvitationInviteColleague,
  'GET /api/v1/invitations': Action.InvitationRead,
  'POST /api/v1/invitations/:invitationId/resend': Action.InvitationResend,
  'POST /api/v1/invitations/:invitationId/revoke': Action.InvitationRevoke,
  'POST /api/v1/auth/invitations/accept': 'public',
  'POST /api/v1/organisations/:organisationId/disable': Action.OrganisationDisable,
  'GET /api/v1/organisations/:organisationId/users': Action.OrganisationMembersRead,
  'GET /api/v1/organisations/:organisationId/invitations': Action.OrganisationMembersRead,
  'POST /api/v1/organisations/:organisationId/invitations/:invitationId/resend':
    Action.OrganisationInvitationResend,
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
};

/** Every page and form of the cockpit with the use-case it carries out, written by hand. */
const PAGE_ROUTES: Record<string, Action | 'public'> = {
  'GET /login': 'public',
  'POST /login': 'public',
  'GET /language': 'public',
  'GET /password-reset': 'public',
  'POST /password-reset': 'public',
  'GET /password-reset/confirm': 'public',
  'POST /password-reset/confirm': 'public',
  'GET /assets/cockpit.css': 'public',
  'POST /logout': Action.SignOut,
  'GET /': Action.HomeView,
  'GET /studies': Action.StudyOverview,
  'POST /studies': Action.StudyCreate,
  'GET /studies/:studyId': Action.StudyOverview,
  'POST /studies/:studyId': Action.StudyUpdate,
  'POST /studies/:studyId/participations': Action.ParticipationEnrol,
  'GET /studies/:studyId/participations/:participationId/withdraw': Action.ParticipationWithdraw,
  'POST /studies/:studyId/participations/:participationId/withdraw': Action.ParticipationWithdraw,
  'POST /studies/:studyId/cycles': Action.CycleCreate,
  'POST /studies/:studyId/trend-reports': Action.TrendCompute,
  'GET /studies/:studyId/catalogue/:versionId': Action.StudyUpdate,
  'POST /studies/:studyId/catalogue/:versionId': Action.StudyUpdate,
  'GET /catalogues': Action.CatalogueVersionRead,
  'POST /catalogues/xlsx': Action.CatalogueVersionCreate,
  'GET /catalogues/:versionId': Action.CatalogueVersionRead,
  'POST /catalogues/:versionId/drafts': Action.CatalogueVersionCreate,
  'GET /catalogues/:versionId/xlsx': Action.CatalogueVersionRead,
  'POST /catalogues/:versionId/xlsx': Action.CatalogueVersionEdit,
  'GET /catalogues/:versionId/new-item': Action.CatalogueVersionEdit,
  'POST /catalogues/:versionId/items': Action.CatalogueVersionEdit,
  'GET /catalogues/:versionId/items/:itemKey': Action.CatalogueVersionEdit,
  'POST /catalogues/:versionId/items/:itemKey': Action.CatalogueVersionEdit,
  'POST /catalogues/:versionId/items/:itemKey/remove': Action.CatalogueVersionEdit,
  'GET /catalogues/:versionId/diff/:otherVersionId': Action.CatalogueVersionRead,
  'GET /cycles/:cycleId': Action.StudyOverview,
  'POST /cycles/:cycleId/close': Action.CycleClose,
  'POST /cycles/:cycleId/publish': Action.CyclePublish,
  'POST /cycles/:cycleId/snapshots': Action.SnapshotCompute,
  'GET /cycles/:cycleId/import': Action.CycleImport,
  'POST /cycles/:cycleId/import': Action.CycleImport,
  'GET /cycles/:cycleId/export': Action.CycleExport,
  'GET /cycles/:cycleId/review': Action.SubmissionReview,
  'GET /cycles/:cycleId/completion': Action.CycleCompletionRead,
  'POST /cycles/:cycleId/deadline': Action.CycleUpdate,
  'POST /cycles/:cycleId/reminders': Action.ReminderSend,
  'GET /settings/notifications': Action.NotificationSettingsRead,
  'POST /settings/notifications': Action.NotificationSettingsUpdate,
  'POST /cycles/:cycleId/review/units/:unitId/accept': Action.SubmissionReview,
  'POST /cycles/:cycleId/review/units/:unitId/return': Action.SubmissionReview,
  'GET /cycles/:cycleId/review/units/:unitId': Action.SubmissionReview,
  'GET /cycles/:cycleId/review/accept': Action.SubmissionBulkAccept,
  'POST /cycles/:cycleId/review/accept': Action.SubmissionBulkAccept,
  'GET /cycles/:cycleId/units/:unitId/submission': Action.SubmissionRead,
  'POST /cycles/:cycleId/units/:unitId/submission': Action.SubmissionSaveDraft,
  'GET /cycles/:cycleId/units/:unitId/submission/upload': Action.SubmissionUploadForm,
  'GET /cycles/:cycleId/units/:unitId/submission/template': Action.SubmissionExport,
  'POST /cycles/:cycleId/units/:unitId/submission/upload': Action.SubmissionSaveDraft,
  'GET /units': Action.UnitRead,
  'GET /units/new': Action.UnitCreate,
  'POST /units': Action.UnitCreate,
  'GET /units/:unitId': Action.UnitRead,
  'POST /units/:unitId': Action.UnitUpdate,
  'GET /snapshots/:snapshotId/status': Action.StudyOverview,
  'GET /snapshots/:snapshotId/benchmarks': Action.BenchmarkRead,
  'GET /studies/:studyId/units/:unitId/position-history': Action.BenchmarkRead,
  'POST /snapshots/:snapshotId/peer-groups': Action.PeerGroupRelease,
  'GET /snapshots/:snapshotId/disclosure-report': Action.DisclosureReportRead,
  'POST /snapshots/:snapshotId/reports': Action.ReportOrder,
  'POST /snapshots/:snapshotId/reports/batch': Action.ReportBatchOrder,
  'GET /report-batches/:batchId': Action.ReportBatchRead,
  'POST /report-batches/:batchId/retry': Action.ReportBatchRetry,
  'GET /reports/:reportId': Action.ReportRead,
  'GET /reports/:reportId/preview': Action.ReportRead,
  'GET /reports/:reportId/pdf': Action.ReportRead,
  'GET /trend-reports/:reportId': Action.TrendReportRead,
  'GET /trend-reports/:reportId/xlsx': Action.TrendReportRead,
  'GET /invitations': Action.InvitationRead,
  'POST /invitations': Action.InvitationInviteColleague,
  'POST /studies/:studyId/invitations': Action.InvitationInviteCompany,
  'POST /invitations/:invitationId/resend': Action.InvitationResend,
  'POST /invitations/:invitationId/revoke': Action.InvitationRevoke,
  'GET /invitations/accept': 'public',
  'POST /invitations/accept': 'public',
  'GET /organisations': Action.OrganisationRead,
  'POST /organisations': Action.OrganisationCreate,
  'GET /organisations/:organisationId': Action.OrganisationMembersRead,
  'POST /organisations/:organisationId/disable': Action.OrganisationDisable,
  'POST /organisations/:organisationId/invitations/:invitationId/resend':
    Action.OrganisationInvitationResend,
};

/** The CSRF token of the first form on a page. */
function csrfIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) {
    throw new Error('no form with a CSRF token on the page');
  }
  return match[1];
}

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

describe('access policy (e2e): every API route and page as every role', () => {
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

  it('finds exactly the routes and pages of the tables, each with its use-case', () => {
    const declared = (pages: boolean) =>
      Object.fromEntries(
        routes
          .filter((r) => isPagePath(r.path) === pages)
          .map((r) => [`${r.method} ${r.path}`, r.action]),
      );
    expect(declared(false)).toEqual(API_ROUTES);
    expect(declared(true)).toEqual(PAGE_ROUTES);
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

  /** A signed-in browser session of the role, with the CSRF token of its forms. */
  const sessions = new Map<Role, { http: ReturnType<typeof request.agent>; csrf: string }>();
  async function sessionOf(role: Role) {
    const known = sessions.get(role);
    if (known) {
      return known;
    }
    const caller = callers.get(role);
    if (!caller) {
      throw new Error(`no caller for ${role}`);
    }
    const http = request.agent(t.app.getHttpServer());
    const form = await http.get('/login');
    await http
      .post('/login')
      .type('form')
      .send({ _csrf: csrfIn(form.text), email: caller.email, password: caller.password });
    const home = await http.get('/');
    const session = { http, csrf: csrfIn(home.text) };
    sessions.set(role, session);
    return session;
  }

  const pages = Object.entries(PAGE_ROUTES).filter(
    ([route, action]) => action !== 'public' && route !== 'POST /logout',
  );

  it.each(pages.filter(([route]) => route.startsWith('GET ')))(
    'sends an anonymous visitor of %s to the sign-in',
    async (route) => {
      const res = await t.http().get(urlOf(route.slice('GET '.length)));
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/login(\?next=|$)/);
    },
  );

  it.each(pages)('answers the page %s to every role as the policy says', async (route, action) => {
    const [method, path] = route.split(' ');
    const outcomes: Partial<Record<Role, string>> = {};
    const expected: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      if (action === 'public') {
        throw new Error('a public page walked');
      }
      const { http, csrf } = await sessionOf(role);
      const url = urlOf(path);
      const res =
        method === 'GET'
          ? await http.get(url)
          : await http
              .post(`${url}?_csrf=${encodeURIComponent(csrf)}`)
              .type('form')
              .send({ _csrf: csrf });
      outcomes[role] = outcome(res.status, path.includes(':'));
      expected[role] = ACCESS_POLICY[action].roles.includes(role) ? 'admitted' : 'forbidden';
    }
    expect(outcomes).toEqual(expected);
  });
});
