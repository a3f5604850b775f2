import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { FAIL_FAST_REDIS, logOutages } from '../common/redis.provider';
import { AssetsController } from './assets/assets.controller';
import { BenchmarksPagesController } from './benchmarks/benchmarks.controller';
import { CataloguesPagesController } from './catalogues/catalogues.controller';
import { CyclesPagesController } from './cycles/cycles.controller';
import { DisclosureReportsPagesController } from './disclosure-reports/disclosure-reports.controller';
import { HomeController } from './home/home.controller';
import { InvitationsPagesController } from './invitations/invitations.controller';
import { OrganisationsPagesController } from './organisations/organisations.controller';
import { PasswordResetPagesController } from './password-reset/password-reset.controller';
import { PositionHistoryPagesController } from './position-history/position-history.controller';
import { ReportBatchesPagesController } from './report-batches/report-batches.controller';
import { ReportsPagesController } from './reports/reports.controller';
import { ReviewPagesController } from './review/review.controller';
import { SessionController } from './session/session.controller';
import { SignInAttempts } from './session/sign-in-attempts';
import {
  SESSION_REDIS,
  SessionRedis,
  WebSessionMiddleware,
} from './session/web-session.middleware';
import { WebSessionService } from './session/web-session.service';
import { DeadlinesPagesController } from './deadlines/deadlines.controller';
import { NotificationSettingsPagesController } from './notification-settings/notification-settings.controller';
import { SnapshotStatusPagesController } from './snapshot-status/snapshot-status.controller';
import { StudiesPagesController } from './studies/studies.controller';
import { SubmissionPagesController } from './submission/submission.controller';
import { TrendReportsPagesController } from './trend-reports/trend-reports.controller';
import { UnitsPagesController } from './units/units.controller';
import { PageRenderer } from './views/page-renderer';
import { WEB_SETTINGS, webSettingsOf } from './web-settings';
import { HomeService } from '@app/application';

/*
 * The server-rendered web cockpit.
 *
 * URL scheme (page paths mirror the API's resource paths under /api/v1, without the prefix;
 * build links with `pagePaths` in page-urls.ts):
 *
 *   /                                               home, by the organisation's kind      all
 *   GET, POST /login; POST /logout                  sign-in, sign-out                     all
 *   /language?lang=de&next=/path                    language switch (`lang` cookie)       all
 *   GET, POST /password-reset; GET, POST            ask for a reset link by e-mail; set   all
 *     /password-reset/confirm?token=                the new password through it
 *   /assets/cockpit.css                             the stylesheet                        all
 *   /cycles/:cycleId/units/:unitId/submission       data entry (company), the submission  company,
 *                                                   with warnings and comments            publisher
 *   /cycles/:cycleId/units/:unitId/submission/upload  XLSX template and upload            company
 *     .../submission/template                         the XLSX template (page language)
 *   /snapshots/:snapshotId/benchmarks?unitId=       benchmark view of a unit              company
 *     &peerGroup=; POST /snapshots/:snapshotId/peer-groups (custom peer group),
 *     POST /snapshots/:snapshotId/reports (order a unit's report)
 *   /studies/:studyId/units/:unitId/position-history  a unit's percentile rank per KPI   company
 *                                                   in every published cycle of a study
 *   /reports/:reportId                              report preview, PDF download          both
 *     /reports/:reportId/preview, /reports/:reportId/pdf  (session; the API's need a token)
 *   /studies, /studies/:studyId                     studies (new study); a study: its     publisher
 *                                                   settings, participants, units, cycles
 *   POST /studies/:studyId/participations           enrol a company; withdraw it after a  publisher
 *     .../participations/:participationId/withdraw  confirm page (GET, then POST)
 *   /catalogues, /catalogues/:versionId             questionnaire versions; a version's   publisher
 *     .../items/:itemKey, .../new-item, .../xlsx,   items (a draft's to edit, add and
 *     .../diff/:otherVersionId, POST .../drafts     remove), XLSX, diff, a new draft
 *   /studies/:studyId/catalogue/:versionId          assign a version to a study after a   publisher
 *                                                   confirm page with the diff
 *   /units, /units/new, /units/:unitId              a company's units: add, edit (a       company,
 *                                                   publisher sees its participants')     publisher
 *   /cycles/:cycleId                                a cycle: close, publish, snapshots,   publisher
 *                                                   batch reports, cycle import
 *   /cycles/:cycleId/import, .../export?format=     import of a cycle (upload, errors);   publisher
 *                                                   its CSV/XLSX export
 *   /cycles/:cycleId/review                         review queue of a cycle: a page of    publisher
 *                                                   units, filtered and sorted
 *     .../review/units/:unitId                      one submission beside the previous    publisher
 *                                                   year and the quartiles; accept, return
 *     .../review/accept                             bulk accept: confirm (GET), accept    publisher
 *   /cycles/:cycleId/completion; POST .../deadline,  units by state with their last         publisher
 *     POST .../reminders                             reminder; deadline; remind now
 *   GET, POST /settings/notifications               one's optional notifications          all
 *   /snapshots/:snapshotId/status                   progress of a snapshot, manifest      publisher
 *   /snapshots/:snapshotId/disclosure-report        a snapshot's disclosure report        publisher
 *   /report-batches/:batchId                        progress of a batch of reports        publisher
 *   /trend-reports/:reportId, .../xlsx              a trend report's progress; its data   publisher
 *   /organisations                                  tenants: create (inviting the first   platform
 *                                                   admin); /organisations/:organisationId
 *                                                   its users and invitations (resend),
 *                                                   POST .../disable
 *   /invitations                                    invitations sent: invite a company    publisher,
 *                                                   (POST /studies/:studyId/invitations)  company
 *                                                   or a colleague (POST), .../resend,    admins
 *                                                   .../revoke
 *   GET, POST /invitations/accept?token=            set the password through an           all
 *                                                   invitation's link, signed in after
 *
 * Forms post to the page's path or to a verb below it (`POST /cycles/:id/close`) and answer
 * with a redirect (303) to the page that shows the result, or with the form again and its
 * errors (422).
 *
 * - A feature's pages: `web/<feature>/<feature>.controller.ts` (one controller per feature),
 *   its words in `web/<feature>/<feature>.texts.ts` (registered in `views/page-texts.ts`), its
 *   templates in `templates/pages/<feature>/`. Add the controller (and a page service, if the
 *   feature needs data no existing service gives) to `WEB_PAGES` below.
 * - A page controller is written like an API controller: `@UseCase(Action.X)` on every handler
 *   (or `@Public()`), the same action and the same service method as the API route that does
 *   the same thing, the caller from `@Caller()`. It also
 *   takes `@Page() page: PageContext` and returns `this.pages.render(page, '<feature>/<view>',
 *   model)`; a form handler takes `@Res()` and ends with `seeOther(res, url)` or, for a form
 *   with errors, `sendPage(res, html, 422)` (views/page-response.ts). Ids in paths go through
 *   `PageIdPipe` (a malformed id is a 404 page).
 * - Every form has `{{csrfField}}`; a multipart form (upload) puts the token in its action,
 *   `action="/.../upload?{{csrfQuery}}"`, because its body is parsed after the check. Page DTOs
 *   need not declare `_csrf`: the check removes it from the body.
 * - Sessions (web-session.middleware.ts), the CSRF check of every form (AuthGuard with
 *   session/csrf.ts) and the error pages (errors/page-exception.filter.ts) apply to every page
 *   path without anything in the controller.
 */

/**
 * The page controllers and the page services they need. They are declared in AppModule, next
 * to the API controllers, so that they inject the same services (StudiesService,
 * SubmissionsService, ...) as the API does: the pages use the services, nothing of their own.
 */
export const WEB_PAGES: { controllers: Type[]; providers: Provider[] } = {
  controllers: [
    SessionController,
    HomeController,
    AssetsController,
    StudiesPagesController,
    CataloguesPagesController,
    CyclesPagesController,
    ReviewPagesController,
    SnapshotStatusPagesController,
    DisclosureReportsPagesController,
    ReportBatchesPagesController,
    TrendReportsPagesController,
    SubmissionPagesController,
    BenchmarksPagesController,
    PositionHistoryPagesController,
    ReportsPagesController,
    UnitsPagesController,
    PasswordResetPagesController,
    InvitationsPagesController,
    OrganisationsPagesController,
    DeadlinesPagesController,
    NotificationSettingsPagesController,
  ],
  providers: [HomeService],
};

/**
 * The pages' infrastructure: the template renderer, the sessions in Redis and the sign-in rate
 * limit. Global, so that the AuthGuard, the exception filter and every page controller reach it.
 */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebModule,
      global: true,
      providers: [
        { provide: WEB_SETTINGS, useValue: webSettingsOf(config) },
        {
          provide: SESSION_REDIS,
          useFactory: () => {
            const redis = new SessionRedis(config.REDIS_URL, FAIL_FAST_REDIS);
            logOutages(redis, SessionRedis.name);
            return redis;
          },
        },
        WebSessionMiddleware,
        WebSessionService,
        SignInAttempts,
        PageRenderer,
      ],
      exports: [
        WEB_SETTINGS,
        WebSessionMiddleware,
        WebSessionService,
        SignInAttempts,
        PageRenderer,
      ],
    };
  }
}
