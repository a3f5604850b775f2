import type { LocalizedMessage } from '@app/domain';

/** The answers and refusals of the password reset in both languages. */
export const PASSWORD_RESET_TEXTS = {
  /** The one answer to a request, whether the address has an account or not. */
  requested: {
    de: 'Wenn es zu dieser E-Mail-Adresse einen Zugang gibt, ist ein Link zum Zurücksetzen des Passworts unterwegs. Er gilt eine Stunde.',
    en: 'If there is an account for this e-mail address, a link to reset its password is on its way. It is valid for one hour.',
  },
  /** The 429 of too many requests for one address from one client. */
  tooManyRequests: {
    de: 'Zu viele Anfragen zum Zurücksetzen des Passworts für diese E-Mail-Adresse. Warten Sie eine Minute und versuchen Sie es erneut.',
    en: 'Too many password reset requests for this e-mail address. Wait a minute and try again.',
  },
  tokenUnknown: {
    de: 'token: Dieser Link zum Zurücksetzen des Passworts ist ungültig. Fordern Sie einen neuen an.',
    en: 'token: This password reset link is not valid. Ask for a new one.',
  },
  tokenExpired: {
    de: 'token: Dieser Link zum Zurücksetzen des Passworts ist abgelaufen (er gilt eine Stunde). Fordern Sie einen neuen an.',
    en: 'token: This password reset link has expired (it is valid for one hour). Ask for a new one.',
  },
  tokenUsed: {
    de: 'token: Dieser Link zum Zurücksetzen des Passworts wurde schon verwendet; er gilt nur einmal. Fordern Sie einen neuen an.',
    en: 'token: This password reset link was used already; it is valid once only. Ask for a new one.',
  },
  passwordTooShort: (min: number): LocalizedMessage => ({
    de: `password: Das neue Passwort muss mindestens ${min} Zeichen lang sein.`,
    en: `password: The new password must be at least ${min} characters long.`,
  }),
} as const satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
