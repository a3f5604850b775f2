import type { InvitationDto } from '../../invitations/dto/invitation.dto';
import type { Language } from '../../common/request-context';
import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import { invitationsNoticeOf, invitationsPageModel } from './invitations-page.model';

function pageIn(language: Language): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path: '/invitations',
    user: null,
    csrfToken: () => 'token',
  };
}

const invitation = (id: string, state: InvitationDto['state']): InvitationDto => ({
  id,
  senderId: 'publisher-1',
  organisationId: 'company-1',
  organisationName: 'Nordlicht AG',
  studyId: 'study-1',
  studyName: 'Contact Center Benchmark DACH',
  email: 'erika@nordlicht.example',
  name: 'Erika Muster',
  role: 'company_admin',
  language: 'de',
  state,
  createdAt: '2026-12-01T10:00:00.000Z',
  sentAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2026-12-08T10:00:00.000Z',
  acceptedAt: null,
  revokedAt: null,
});

describe('invitationsPageModel', () => {
  it("names each invitation's state in the page's language and offers resend and revoke only while it is open", () => {
    const model = invitationsPageModel(
      [invitation('a', 'pending'), invitation('b', 'expired'), invitation('c', 'accepted')],
      pageIn('de'),
      { studies: [], canInviteColleagues: false, canResend: true, canRevoke: true, notice: null },
    );
    expect(model.invitations.map((i) => [i.stateLabel, i.open, i.resendAction])).toEqual([
      ['offen', true, '/invitations/a/resend'],
      ['abgelaufen', true, '/invitations/b/resend'],
      ['angenommen', false, '/invitations/c/resend'],
    ]);
    expect(model.colleagueForm).toBeNull();
    expect(model.companyForms).toEqual([]);
  });

  it("gives a publisher one form per study and keeps a refused form's values", () => {
    const model = invitationsPageModel([], pageIn('en'), {
      studies: [
        { id: 's1', name: 'DACH' },
        { id: 's2', name: 'Nordics' },
      ],
      canInviteColleagues: false,
      canResend: true,
      canRevoke: true,
      notice: null,
      refused: {
        form: 's2',
        values: { companyName: 'Fjord AS', name: 'Ola', email: 'bad', language: 'de' },
        errors: [{ field: 'email', message: 'email must be an e-mail address.' }],
      },
    });
    expect(model.companyForms?.map((f) => [f.heading, f.action, f.companyName, f.email])).toEqual([
      ['Invite a company to a study: DACH', '/studies/s1/invitations', '', ''],
      ['Invite a company to a study: Nordics', '/studies/s2/invitations', 'Fjord AS', 'bad'],
    ]);
    // The refused form keeps the chosen language; the other starts with the page's.
    expect(model.companyForms?.map((f) => f.languages.find((l) => l.selected)?.value)).toEqual([
      'en',
      'de',
    ]);
    expect(model.errors).toEqual([{ field: 'email', message: 'email must be an e-mail address.' }]);
  });

  it("gives a company admin the colleague form with the editor's and viewer's roles in words", () => {
    const model = invitationsPageModel([], pageIn('en'), {
      studies: null,
      canInviteColleagues: true,
      canResend: true,
      canRevoke: true,
      notice: invitationsNoticeOf('invited', pageIn('en')),
    });
    expect(model.companyForms).toBeNull();
    expect(model.colleagueForm?.roles.map((r) => r.value)).toEqual([
      'company_editor',
      'company_viewer',
    ]);
    expect(model.notice).toBe('The invitation is on its way.');
    expect(invitationsNoticeOf('anything', pageIn('en'))).toBeNull();
  });
});
