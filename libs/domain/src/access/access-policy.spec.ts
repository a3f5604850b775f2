import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { AccessResource, Action, requireAccess, roleMay } from './access-policy';
import type { Actor, TenantId } from './actor';
import type { ApiKeyScope } from './api-key-scope';
import { Role, ROLES } from './role';

/**
 * Who may do what, written out by hand from the roles the API and page controllers declared
 * before the policy existed (a page that admitted fewer roles than its API route is its own
 * action). Columns: platform_admin, publisher_admin, publisher_analyst, company_admin,
 * company_editor, company_viewer; x may, . may not.
 */
const MATRIX: Record<Action, string> = {
  [Action.AccountRead]: 'x x x x x x',
  [Action.HomeView]: 'x x x x x x',
  [Action.SignOut]: 'x x x x x x',
  [Action.OrganisationCreate]: 'x . . . . .',
  [Action.OrganisationRead]: 'x x x x . .',
  [Action.UserRead]: 'x x . x . .',
  [Action.UserCreate]: 'x x . x . .',
  [Action.ApiKeyCreate]: '. x . x . .',
  [Action.ApiKeyRead]: '. x . x . .',
  [Action.ApiKeyRevoke]: '. x . x . .',
  [Action.StudyRead]: '. x x x x x',
  [Action.StudyOverview]: '. x x . . .',
  [Action.StudyCreate]: '. x . . . .',
  [Action.StudyUpdate]: '. x . . . .',
  [Action.ParticipationRead]: '. x x . . .',
  [Action.ParticipationEnrol]: '. x . . . .',
  [Action.ParticipationWithdraw]: '. x . . . .',
  [Action.CatalogueVersionRead]: '. x x . . .',
  [Action.CatalogueVersionCreate]: '. x . . . .',
  [Action.CatalogueVersionEdit]: '. x . . . .',
  [Action.CycleCreate]: '. x . . . .',
  [Action.CycleClose]: '. x . . . .',
  [Action.CyclePublish]: '. x . . . .',
  [Action.CycleImport]: '. x x . . .',
  [Action.CycleExport]: '. x x . . .',
  [Action.UnitRead]: '. x x x x x',
  [Action.UnitCreate]: '. . . x . .',
  [Action.UnitUpdate]: '. . . x x .',
  [Action.SubmissionRead]: '. x x x x x',
  [Action.SubmissionExport]: '. x x x x x',
  [Action.SubmissionUploadForm]: '. . . x x x',
  [Action.SubmissionSaveDraft]: '. . . x x .',
  [Action.SubmissionSubmit]: '. . . x x .',
  [Action.SubmissionReview]: '. x x . . .',
  [Action.SubmissionBulkAccept]: '. x x . . .',
  [Action.SnapshotCompute]: '. x x . . .',
  [Action.SnapshotRead]: '. x x x x x',
  [Action.BenchmarkRead]: '. x x x x x',
  [Action.PeerGroupRelease]: '. x x x x x',
  [Action.DisclosureReportRead]: '. x x x x x',
  [Action.ReportOrder]: '. x x x x x',
  [Action.ReportRead]: '. x x x x x',
  [Action.ReportBatchOrder]: '. x x . . .',
  [Action.ReportBatchRead]: '. x x . . .',
  [Action.ReportBatchRetry]: '. x x . . .',
  [Action.TrendCompute]: '. x x . . .',
  [Action.TrendReportRead]: '. x x . . .',
  [Action.InvitationInviteCompany]: '. x . . . .',
  [Action.InvitationInviteColleague]: '. . . x . .',
  [Action.InvitationRead]: '. x . x . .',
  [Action.InvitationResend]: '. x . x . .',
  [Action.InvitationRevoke]: '. x . x . .',
  [Action.OrganisationDisable]: 'x . . . . .',
  [Action.OrganisationMembersRead]: 'x . . . . .',
  [Action.OrganisationInvitationResend]: 'x . . . . .',
  [Action.CycleUpdate]: '. x . . . .',
  [Action.CycleCompletionRead]: '. x x . . .',
  [Action.ReminderSend]: '. x x . . .',
  [Action.NotificationSettingsRead]: 'x x x x x x',
  [Action.NotificationSettingsUpdate]: 'x x x x x x',
};

const ORDER: readonly Role[] = [
  'platform_admin',
  'publisher_admin',
  'publisher_analyst',
  'company_admin',
  'company_editor',
  'company_viewer',
];

const PUBLISHER = 'a1f0c3e2-0000-4000-8000-000000000001' as TenantId;
const COMPANY = 'a1f0c3e2-0000-4000-8000-000000000002' as TenantId;
const OTHER_COMPANY = 'a1f0c3e2-0000-4000-8000-000000000003' as TenantId;

function userOf(role: Role): Actor {
  const kind =
    role === 'platform_admin' ? 'platform' : role.startsWith('publisher') ? 'publisher' : 'company';
  return {
    userId: 'u1',
    apiKeyId: null,
    apiKeyScopes: [],
    tenantId: kind === 'company' ? COMPANY : PUBLISHER,
    organisationKind: kind,
    role,
  };
}

function keyOf(role: Role, scopes: readonly ApiKeyScope[]): Actor {
  return { ...userOf(role), userId: null, apiKeyId: 'k1', apiKeyScopes: scopes };
}

function codeOf(run: () => void): DomainErrorCode | null {
  try {
    run();
    return null;
  } catch (e: unknown) {
    return e instanceof DomainError ? e.code : null;
  }
}

describe('access policy', () => {
  it('names every role in the matrix in the order of ROLES', () => {
    expect(ORDER).toEqual(ROLES);
  });

  const cases = Object.values(Action).flatMap((action) =>
    MATRIX[action].split(' ').map((mark, i) => ({ action, role: ORDER[i], may: mark === 'x' })),
  );

  it.each(cases)('$role may $action: $may', ({ action, role, may }) => {
    expect(roleMay(role, action)).toBe(may);
    expect(codeOf(() => requireAccess(userOf(role), action))).toBe(
      may ? null : DomainErrorCode.Forbidden,
    );
  });

  it('names the role and the roles allowed in the refusal, in both languages', () => {
    try {
      requireAccess(userOf('company_viewer'), Action.CycleClose);
      throw new Error('not refused');
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(DomainError);
      const error = e as DomainError;
      expect(error.messageIn('en')).toBe(
        'Your role company_viewer may not do this; allowed: publisher_admin.',
      );
      expect(error.messageIn('de')).toBe(
        'Ihre Rolle company_viewer darf das nicht; erlaubt: publisher_admin.',
      );
    }
  });
});

describe('requireAccess with API keys', () => {
  it('lets a signed-in user create keys and users by role alone', () => {
    expect(codeOf(() => requireAccess(userOf('company_admin'), Action.ApiKeyCreate))).toBeNull();
    expect(codeOf(() => requireAccess(userOf('company_admin'), Action.UserCreate))).toBeNull();
    expect(
      codeOf(() => requireAccess(userOf('platform_admin'), Action.OrganisationCreate)),
    ).toBeNull();
  });

  it('refuses a key without the scope and admits one with it', () => {
    const plain = keyOf('company_admin', []);
    const keyMaker = keyOf('company_admin', ['api_keys:create']);
    expect(codeOf(() => requireAccess(plain, Action.ApiKeyCreate))).toBe(DomainErrorCode.Forbidden);
    expect(codeOf(() => requireAccess(keyMaker, Action.ApiKeyCreate))).toBeNull();
    expect(codeOf(() => requireAccess(keyMaker, Action.UserCreate))).toBe(
      DomainErrorCode.Forbidden,
    );
    expect(
      codeOf(() => requireAccess(keyOf('platform_admin', []), Action.OrganisationCreate)),
    ).toBe(DomainErrorCode.Forbidden);
    expect(
      codeOf(() =>
        requireAccess(keyOf('platform_admin', ['users:create']), Action.OrganisationCreate),
      ),
    ).toBeNull();
  });

  it('needs no scope for what the role alone allows', () => {
    expect(codeOf(() => requireAccess(keyOf('company_viewer', []), Action.ReportOrder))).toBeNull();
  });

  it('refuses the role before the scope', () => {
    expect(codeOf(() => requireAccess(keyOf('company_viewer', []), Action.UserCreate))).toBe(
      DomainErrorCode.Forbidden,
    );
  });
});

describe('requireAccess on a resource', () => {
  const cycle = (ownerId: string): AccessResource => ({
    thing: 'Cycle',
    id: 'c1',
    ownerId,
  });
  const unit = (ownerId: string): AccessResource => ({
    thing: 'Unit',
    id: 'u1',
    ownerId,
  });

  it('admits the tenant that owns it', () => {
    expect(
      codeOf(() => requireAccess(userOf('publisher_admin'), Action.CycleClose, cycle(PUBLISHER))),
    ).toBeNull();
    expect(
      codeOf(() =>
        requireAccess(userOf('company_editor'), Action.SubmissionSaveDraft, unit(COMPANY)),
      ),
    ).toBeNull();
  });

  it("answers another tenant's resource as not found, like one that does not exist", () => {
    const error = (() => {
      try {
        requireAccess(userOf('publisher_admin'), Action.CycleClose, cycle(OTHER_COMPANY));
      } catch (e: unknown) {
        return e as DomainError;
      }
      throw new Error('not refused');
    })();
    expect(error.code).toBe(DomainErrorCode.NotFound);
    expect(error.messageIn('en')).toBe('Cycle c1 was not found.');
    expect(error.messageIn('de')).toBe('Zyklus c1 wurde nicht gefunden.');
  });

  it("lets a publisher act on a participant's unit it can see, and a company only on its own", () => {
    expect(
      codeOf(() => requireAccess(userOf('publisher_analyst'), Action.ReportOrder, unit(COMPANY))),
    ).toBeNull();
    expect(
      codeOf(() =>
        requireAccess(userOf('company_viewer'), Action.ReportOrder, unit(OTHER_COMPANY)),
      ),
    ).toBe(DomainErrorCode.NotFound);
  });

  it("gives a company a publisher's cycle as not found", () => {
    expect(
      codeOf(() => requireAccess(userOf('company_admin'), Action.SnapshotRead, cycle(PUBLISHER))),
    ).toBe(DomainErrorCode.NotFound);
  });

  it('refuses the role before looking at the resource', () => {
    expect(
      codeOf(() => requireAccess(userOf('company_viewer'), Action.CycleClose, cycle(COMPANY))),
    ).toBe(DomainErrorCode.Forbidden);
  });
});
