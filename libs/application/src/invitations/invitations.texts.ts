import type { LocalizedMessage } from '@app/domain';

/** The refusals of invitations in both languages. */
export const INVITATION_TEXTS = {
  tokenUnknown: {
    de: 'token: Dieser Einladungslink ist ungültig. Bitten Sie um eine neue Einladung.',
    en: 'token: This invitation link is not valid. Ask for a new invitation.',
  },
  tokenExpired: {
    de: 'token: Dieser Einladungslink ist abgelaufen (er gilt 7 Tage). Bitten Sie um eine neue Einladung.',
    en: 'token: This invitation link has expired (it is valid for 7 days). Ask for a new invitation.',
  },
  tokenUsed: {
    de: 'token: Diese Einladung wurde schon angenommen; ihr Link gilt nur einmal. Melden Sie sich an.',
    en: 'token: This invitation was accepted already; its link is valid once only. Sign in instead.',
  },
  tokenRevoked: {
    de: 'token: Diese Einladung wurde zurückgezogen. Bitten Sie um eine neue Einladung.',
    en: 'token: This invitation was revoked. Ask for a new invitation.',
  },
  organisationDisabled: {
    de: 'token: Die Organisation dieser Einladung ist gesperrt.',
    en: 'token: The organisation of this invitation is disabled.',
  },
  accountExists: {
    de: 'email: Mit dieser E-Mail-Adresse gibt es in der Organisation schon einen Zugang. Melden Sie sich an.',
    en: 'email: This e-mail address has an account in the organisation already. Sign in instead.',
  },
  colleagueExists: (email: string): LocalizedMessage => ({
    de: `email: ${email} hat in Ihrer Organisation schon einen Zugang.`,
    en: `email: ${email} has an account in your organisation already.`,
  }),
  companyMissing: {
    de: 'companyName: Geben Sie den Namen des Unternehmens an oder wählen Sie ein bestehendes (companyId).',
    en: 'companyName: Give the name of the company or choose an existing one (companyId).',
  },
  notACompany: (id: string): LocalizedMessage => ({
    de: `companyId: Es gibt kein Unternehmen ${id}.`,
    en: `companyId: No company ${id} exists.`,
  }),
  notOpen: {
    de: 'Diese Einladung wurde schon angenommen oder zurückgezogen; sie kann nicht mehr gesendet oder zurückgezogen werden.',
    en: 'This invitation was accepted or revoked already; it can no longer be sent or revoked.',
  },
} as const satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
