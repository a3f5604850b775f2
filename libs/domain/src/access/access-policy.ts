import { DomainError, DomainErrorCode, FindableThing, notFound } from '../errors/domain-error';
import type { Actor } from './actor';
import { ApiKeyScope } from './api-key-scope';
import { COMPANY_ROLES, PUBLISHER_ROLES, Role, ROLES } from './role';

/**
 * Every intention a caller can have, one per use-case. API routes, pages and services name
 * the action they carry out; who may do it is decided by ACCESS_POLICY alone.
 */
export enum Action {
  /** Read who one is signed in as. */
  AccountRead = 'account.read',
  /** See the home page of one's organisation. */
  HomeView = 'home.view',
  /** End one's own session in the browser. */
  SignOut = 'session.sign_out',
  OrganisationCreate = 'organisation.create',
  OrganisationRead = 'organisation.read',
  UserRead = 'user.read',
  UserCreate = 'user.create',
  ApiKeyCreate = 'api_key.create',
  ApiKeyRead = 'api_key.read',
  ApiKeyRevoke = 'api_key.revoke',
  /** Read a study, its catalogue and its cycles as its publisher or a participant. */
  StudyRead = 'study.read',
  /** The publisher's pages of running its studies: studies, a cycle, a snapshot's progress. */
  StudyOverview = 'study.overview',
  StudyCreate = 'study.create',
  StudyUpdate = 'study.update',
  ParticipationRead = 'participation.read',
  ParticipationEnrol = 'participation.enrol',
  ParticipationWithdraw = 'participation.withdraw',
  CatalogueVersionRead = 'catalogue_version.read',
  /** Start a new version: a draft from a stored one, or from an uploaded workbook. */
  CatalogueVersionCreate = 'catalogue_version.create',
  /** Change a draft's items, one by one or by an uploaded workbook, until a cycle uses it. */
  CatalogueVersionEdit = 'catalogue_version.edit',
  CycleCreate = 'cycle.create',
  CycleClose = 'cycle.close',
  CyclePublish = 'cycle.publish',
  /** Load many companies' answers into a cycle from one workbook. */
  CycleImport = 'cycle.import',
  CycleExport = 'cycle.export',
  UnitRead = 'unit.read',
  UnitCreate = 'unit.create',
  UnitUpdate = 'unit.update',
  /** Read a unit's submission with its audit trail. */
  SubmissionRead = 'submission.read',
  /** Download a submission as a spreadsheet: the template or the stored answers. */
  SubmissionExport = 'submission.export',
  /** See the upload form of a unit's submission. */
  SubmissionUploadForm = 'submission.upload_form',
  /** Save answers as the draft, typed in or uploaded. */
  SubmissionSaveDraft = 'submission.save_draft',
  SubmissionSubmit = 'submission.submit',
  /** See the review queue of a cycle and accept or return a submitted data set. */
  SubmissionReview = 'submission.review',
  /** Accept many submitted data sets without warnings at once, after a confirm step. */
  SubmissionBulkAccept = 'submission.bulk_accept',
  SnapshotCompute = 'snapshot.compute',
  SnapshotRead = 'snapshot.read',
  /** Read benchmarks, peer groups and a unit's position in a snapshot. */
  BenchmarkRead = 'benchmark.read',
  /** Ask for a custom peer group to be released. */
  PeerGroupRelease = 'peer_group.release',
  DisclosureReportRead = 'disclosure_report.read',
  /** Order a unit's company report. */
  ReportOrder = 'report.order',
  /** Read a report's state, its PDF and its HTML. */
  ReportRead = 'report.read',
  /** Order a company report for every participant of a snapshot. */
  ReportBatchOrder = 'report_batch.order',
  ReportBatchRead = 'report_batch.read',
  ReportBatchRetry = 'report_batch.retry',
  /** Order the trend report of a study: its trend is computed by the worker. */
  TrendCompute = 'trend.compute',
  /** Read a trend report's page and its data as a workbook. */
  TrendReportRead = 'trend_report.read',
  /** Invite a company's first contact to one of the publisher's studies, by e-mail. */
  InvitationInviteCompany = 'invitation.invite_company',
  /** Invite a colleague into one's company as an editor or a viewer, by e-mail. */
  InvitationInviteColleague = 'invitation.invite_colleague',
  /** List the invitations one's organisation sent, with their state. */
  InvitationRead = 'invitation.read',
  /** Send an invitation again with a new link; the old link stops working. */
  InvitationResend = 'invitation.resend',
  InvitationRevoke = 'invitation.revoke',
  /** Disable a tenant: its users can no longer sign in. */
  OrganisationDisable = 'organisation.disable',
  /** The operator reads a tenant's users and the invitations into it. */
  OrganisationMembersRead = 'organisation.members_read',
  /** The operator sends an invitation into a tenant again with a new link. */
  OrganisationInvitationResend = 'organisation.invitation_resend',
  /** Set a cycle's submission deadline and reminder offsets. */
  CycleUpdate = 'cycle.update',
  /** See where each unit of a cycle stands (not started to accepted) and its last reminder. */
  CycleCompletionRead = 'cycle.completion_read',
  /** Remind one unit or every unit that has not submitted, now. */
  ReminderSend = 'reminder.send',
  /** Read and switch off or on one's own optional notifications. */
  NotificationSettingsRead = 'notification_settings.read',
  NotificationSettingsUpdate = 'notification_settings.update',
}

/** Who may carry out an action: roles, and the scope an API key needs besides its role. */
export interface AccessRule {
  roles: readonly Role[];
  /** Only for API keys: a signed-in user is judged by role alone. */
  keyScope?: ApiKeyScope;
}

const PARTICIPANTS_AND_PUBLISHERS: readonly Role[] = [...PUBLISHER_ROLES, ...COMPANY_ROLES];
const COMPANY_EDITORS: readonly Role[] = ['company_admin', 'company_editor'];
const ORGANISATION_ADMINS: readonly Role[] = ['platform_admin', 'publisher_admin', 'company_admin'];

/** The one table of who may do what. */
export const ACCESS_POLICY: Readonly<Record<Action, AccessRule>> = {
  [Action.AccountRead]: { roles: ROLES },
  [Action.HomeView]: { roles: ROLES },
  [Action.SignOut]: { roles: ROLES },
  [Action.OrganisationCreate]: { roles: ['platform_admin'], keyScope: 'users:create' },
  [Action.OrganisationRead]: {
    roles: ['platform_admin', 'publisher_admin', 'publisher_analyst', 'company_admin'],
  },
  [Action.UserRead]: { roles: ORGANISATION_ADMINS },
  [Action.UserCreate]: { roles: ORGANISATION_ADMINS, keyScope: 'users:create' },
  [Action.ApiKeyCreate]: {
    roles: ['publisher_admin', 'company_admin'],
    keyScope: 'api_keys:create',
  },
  [Action.ApiKeyRead]: { roles: ['publisher_admin', 'company_admin'] },
  [Action.ApiKeyRevoke]: { roles: ['publisher_admin', 'company_admin'] },
  [Action.StudyRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.StudyOverview]: { roles: PUBLISHER_ROLES },
  [Action.StudyCreate]: { roles: ['publisher_admin'] },
  [Action.StudyUpdate]: { roles: ['publisher_admin'] },
  [Action.ParticipationRead]: { roles: PUBLISHER_ROLES },
  [Action.ParticipationEnrol]: { roles: ['publisher_admin'] },
  [Action.ParticipationWithdraw]: { roles: ['publisher_admin'] },
  [Action.CatalogueVersionRead]: { roles: PUBLISHER_ROLES },
  [Action.CatalogueVersionCreate]: { roles: ['publisher_admin'] },
  [Action.CatalogueVersionEdit]: { roles: ['publisher_admin'] },
  [Action.CycleCreate]: { roles: ['publisher_admin'] },
  [Action.CycleClose]: { roles: ['publisher_admin'] },
  [Action.CyclePublish]: { roles: ['publisher_admin'] },
  [Action.CycleImport]: { roles: PUBLISHER_ROLES },
  [Action.CycleExport]: { roles: PUBLISHER_ROLES },
  [Action.UnitRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.UnitCreate]: { roles: ['company_admin'] },
  [Action.UnitUpdate]: { roles: COMPANY_EDITORS },
  [Action.SubmissionRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.SubmissionExport]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.SubmissionUploadForm]: { roles: COMPANY_ROLES },
  [Action.SubmissionSaveDraft]: { roles: COMPANY_EDITORS },
  [Action.SubmissionSubmit]: { roles: COMPANY_EDITORS },
  [Action.SubmissionReview]: { roles: PUBLISHER_ROLES },
  [Action.SubmissionBulkAccept]: { roles: PUBLISHER_ROLES },
  [Action.SnapshotCompute]: { roles: PUBLISHER_ROLES },
  [Action.SnapshotRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.BenchmarkRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.PeerGroupRelease]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  // Participants may ask: a snapshot they can see answers not found, so that its ledger's
  // existence is not told apart from a snapshot that does not exist.
  [Action.DisclosureReportRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.ReportOrder]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.ReportRead]: { roles: PARTICIPANTS_AND_PUBLISHERS },
  [Action.ReportBatchOrder]: { roles: PUBLISHER_ROLES },
  [Action.ReportBatchRead]: { roles: PUBLISHER_ROLES },
  [Action.ReportBatchRetry]: { roles: PUBLISHER_ROLES },
  [Action.TrendCompute]: { roles: PUBLISHER_ROLES },
  [Action.TrendReportRead]: { roles: PUBLISHER_ROLES },
  [Action.InvitationInviteCompany]: { roles: ['publisher_admin'] },
  [Action.InvitationInviteColleague]: { roles: ['company_admin'] },
  [Action.InvitationRead]: { roles: ['publisher_admin', 'company_admin'] },
  [Action.InvitationResend]: { roles: ['publisher_admin', 'company_admin'] },
  [Action.InvitationRevoke]: { roles: ['publisher_admin', 'company_admin'] },
  [Action.OrganisationDisable]: { roles: ['platform_admin'] },
  [Action.OrganisationMembersRead]: { roles: ['platform_admin'] },
  [Action.OrganisationInvitationResend]: { roles: ['platform_admin'] },
  [Action.CycleUpdate]: { roles: ['publisher_admin'] },
  [Action.CycleCompletionRead]: { roles: PUBLISHER_ROLES },
  [Action.ReminderSend]: { roles: PUBLISHER_ROLES },
  [Action.NotificationSettingsRead]: { roles: ROLES },
  [Action.NotificationSettingsUpdate]: { roles: ROLES },
};

/** What an action is done to, as found by its id: the thing and the tenant that owns it. */
export interface AccessResource {
  thing: FindableThing;
  id: string;
  ownerId: string;
}

/** Whether the role may ever carry out the action, whatever it is done to. */
export function roleMay(role: Role, action: Action): boolean {
  return ACCESS_POLICY[action].roles.includes(role);
}

/**
 * Refuses a caller whose role may not carry out the action (forbidden), an API key without
 * the scope the action needs (forbidden), and a resource that is not the caller's (not found,
 * the answer to an id that names nothing, so that another tenant's ids look like those).
 *
 * A resource is the caller's when its tenant owns it; a publisher also acts on the units of
 * the companies in its studies, which row-level security lets it see, so a unit it can see is
 * its to act on. A company acts only on its own.
 *
 * @throws DomainError Forbidden or NotFound.
 */
export function requireAccess(caller: Actor, action: Action, resource?: AccessResource): void {
  const rule = ACCESS_POLICY[action];
  if (!rule.roles.includes(caller.role)) {
    const allowed = rule.roles.join(', ');
    throw new DomainError(DomainErrorCode.Forbidden, {
      de: `Ihre Rolle ${caller.role} darf das nicht; erlaubt: ${allowed}.`,
      en: `Your role ${caller.role} may not do this; allowed: ${allowed}.`,
    });
  }
  if (rule.keyScope && caller.apiKeyId !== null && !caller.apiKeyScopes.includes(rule.keyScope)) {
    throw new DomainError(DomainErrorCode.Forbidden, {
      de: `Dieser API-Schlüssel darf das nicht: er braucht den Scope ${rule.keyScope}, den nur der Ersteller eines Schlüssels vergeben kann.`,
      en: `This API key may not do this: it needs the scope ${rule.keyScope}, which only a key's creator can give it.`,
    });
  }
  if (resource && !owns(caller, resource)) {
    throw notFound(resource.thing, resource.id);
  }
}

function owns(caller: Actor, resource: AccessResource): boolean {
  return (
    resource.ownerId === caller.tenantId ||
    (resource.thing === 'Unit' && caller.organisationKind === 'publisher')
  );
}
