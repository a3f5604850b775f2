import type { InvitationDto } from '../../invitations/dto/invitation.dto';
import type { OrganisationDto, TenantUserDto } from '../../organisations/dto/organisation.dto';
import type { FormError } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

type Notice = keyof PageContext['texts']['organisations']['notice'];

/** The notice of a redirect's `notice` parameter; none for anything else. */
export function organisationsNoticeOf(notice: unknown, page: PageContext): string | null {
  const notices = page.texts.organisations.notice;
  return typeof notice === 'string' && Object.prototype.hasOwnProperty.call(notices, notice)
    ? notices[notice as Notice]
    : null;
}

/** The model of `organisations/list.hbs`: the tenants and, for the operator, the form. */
export function organisationsListModel(
  organisations: OrganisationDto[],
  page: PageContext,
  state: {
    canCreate: boolean;
    notice: string | null;
    refused?: { values: Record<string, string>; errors: FormError[] };
  },
) {
  const t = page.texts.organisations;
  const values = state.refused?.values ?? {};
  return {
    title: t.title,
    notice: state.notice,
    errors: state.refused?.errors ?? [],
    organisations: organisations.map((o) => ({
      name: o.name,
      kind: o.kind,
      createdAt: o.createdAt,
      stateLabel: o.disabledAt === null ? t.active : t.disabled,
      disabled: o.disabledAt !== null,
      href: state.canCreate ? pagePaths.organisation(o.id) : null,
    })),
    form: state.canCreate
      ? {
          action: pagePaths.organisations(),
          name: values.name ?? '',
          adminName: values['admin.name'] ?? '',
          adminEmail: values['admin.email'] ?? '',
          kinds: (['company', 'publisher'] as const).map((value) => ({
            value,
            label: page.texts.common.organisationKind[value],
            selected: (values.kind ?? 'company') === value,
          })),
          languages: (['de', 'en'] as const).map((value) => ({
            value,
            label: page.texts.common.languageNames[value],
            selected: (values['admin.language'] ?? page.language) === value,
          })),
        }
      : null,
  };
}

/** The model of `organisations/organisation.hbs`: a tenant's users and invitations. */
export function organisationPageModel(
  organisation: OrganisationDto,
  users: TenantUserDto[],
  invitations: InvitationDto[],
  page: PageContext,
  state: { notice: string | null; errors: FormError[] },
) {
  const t = page.texts.organisations;
  return {
    title: organisation.name,
    kind: organisation.kind,
    notice: state.notice,
    errors: state.errors,
    backHref: pagePaths.organisations(),
    disabledAt: organisation.disabledAt,
    disableAction:
      organisation.disabledAt === null && organisation.kind !== 'platform'
        ? pagePaths.organisationDisable(organisation.id)
        : null,
    disabledSince:
      organisation.disabledAt === null
        ? null
        : fill(t.disabledSince, { date: organisation.disabledAt.slice(0, 10) }),
    users: users.map((u) => ({
      name: u.name,
      email: u.email,
      role: u.role,
      createdAt: u.createdAt,
      stateLabel: u.disabledAt === null ? t.active : t.disabled,
    })),
    invitations: invitations.map((i) => ({
      name: i.name,
      email: i.email,
      role: i.role,
      stateLabel: page.texts.invitations.state[i.state],
      sentAt: i.sentAt,
      expiresAt: i.expiresAt,
      resendAction:
        i.state === 'pending' || i.state === 'expired'
          ? pagePaths.organisationInvitationResend(organisation.id, i.id)
          : null,
    })),
  };
}
