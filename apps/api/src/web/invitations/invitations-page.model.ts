import type { StudyDto } from '../../studies/dto/study.dto';
import type { InvitationDto } from '../../invitations/dto/invitation.dto';
import type { FormError } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import type { PageContext } from '../views/page-context';

/** What the invitations page shows besides the invitations: which forms, and a form's state. */
export interface InvitationsPageState {
  /** The publisher's studies to invite companies to; null when the caller may not. */
  studies: Pick<StudyDto, 'id' | 'name'>[] | null;
  /** Whether the caller may invite colleagues. */
  canInviteColleagues: boolean;
  canResend: boolean;
  canRevoke: boolean;
  notice: string | null;
  /** The form that was refused (a study's id or `colleague`), its values and its errors. */
  refused?: { form: string; values: Record<string, string>; errors: FormError[] };
}

/** The notice of a redirect's `notice` parameter; none for anything else. */
export function invitationsNoticeOf(notice: unknown, page: PageContext): string | null {
  const notices = page.texts.invitations.notice;
  return notice === 'invited' || notice === 'resent' || notice === 'revoked'
    ? notices[notice]
    : null;
}

/** The model of `invitations/list.hbs`. */
export function invitationsPageModel(
  invitations: InvitationDto[],
  page: PageContext,
  state: InvitationsPageState,
) {
  const t = page.texts.invitations;
  const refused = state.refused;
  const valuesOf = (form: string): Record<string, string> =>
    refused?.form === form ? refused.values : {};
  const languages = (chosen: string | undefined) =>
    (['de', 'en'] as const).map((value) => ({
      value,
      label: page.texts.common.languageNames[value],
      selected: (chosen ?? page.language) === value,
    }));
  return {
    title: t.title,
    notice: state.notice,
    errors: refused?.errors ?? [],
    invitations: invitations.map((i) => ({
      id: i.id,
      name: i.name,
      email: i.email,
      organisationName: i.organisationName ?? '',
      studyName: i.studyName,
      role: i.role,
      state: i.state,
      stateLabel: t.state[i.state],
      sentAt: i.sentAt,
      expiresAt: i.expiresAt,
      open: i.state === 'pending' || i.state === 'expired',
      resendAction: state.canResend ? pagePaths.invitationResend(i.id) : null,
      revokeAction: state.canRevoke ? pagePaths.invitationRevoke(i.id) : null,
    })),
    companyForms:
      state.studies?.map((study) => {
        const values = valuesOf(study.id);
        return {
          studyId: study.id,
          heading: `${t.companyHeading}: ${study.name}`,
          action: pagePaths.studyInvitations(study.id),
          companyName: values.companyName ?? '',
          name: values.name ?? '',
          email: values.email ?? '',
          languages: languages(values.language),
        };
      }) ?? null,
    colleagueForm: state.canInviteColleagues
      ? {
          action: pagePaths.invitations(),
          name: valuesOf('colleague').name ?? '',
          email: valuesOf('colleague').email ?? '',
          languages: languages(valuesOf('colleague').language),
          roles: (['company_editor', 'company_viewer'] as const).map((value) => ({
            value,
            label: page.texts.common.role[value],
            selected: (valuesOf('colleague').role ?? 'company_editor') === value,
          })),
        }
      : null,
  };
}
