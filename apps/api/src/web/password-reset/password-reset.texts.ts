import type { Localized } from '../views/localized';

/** The words of the password reset pages. */
export interface PasswordResetTexts {
  requestTitle: string;
  requestIntro: string;
  email: string;
  requestSubmit: string;
  missingEmail: string;
  tooManyRequests: string;
  confirmTitle: string;
  confirmIntro: string;
  password: string;
  passwordRepeat: string;
  confirmSubmit: string;
  passwordsDiffer: string;
  requestAnother: string;
  doneTitle: string;
  done: string;
  signIn: string;
}

export const PASSWORD_RESET_PAGE_TEXTS: Localized<PasswordResetTexts> = {
  de: {
    requestTitle: 'Passwort vergessen',
    requestIntro:
      'Geben Sie die E-Mail-Adresse Ihres Zugangs ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.',
    email: 'E-Mail-Adresse',
    requestSubmit: 'Link senden',
    missingEmail: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    tooManyRequests:
      'Zu viele Anfragen für diese E-Mail-Adresse. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
    confirmTitle: 'Neues Passwort festlegen',
    confirmIntro:
      'Legen Sie ein neues Passwort mit mindestens {min} Zeichen fest. Danach sind Sie auf allen Geräten abgemeldet.',
    password: 'Neues Passwort',
    passwordRepeat: 'Neues Passwort wiederholen',
    confirmSubmit: 'Passwort festlegen',
    passwordsDiffer: 'Die beiden Passwörter stimmen nicht überein.',
    requestAnother: 'Neuen Link anfordern',
    doneTitle: 'Passwort geändert',
    done: 'Ihr Passwort ist geändert, und Sie sind überall abgemeldet. Melden Sie sich mit dem neuen Passwort an.',
    signIn: 'Zur Anmeldung',
  },
  en: {
    requestTitle: 'Forgot your password',
    requestIntro:
      'Enter the e-mail address of your account. We send you a link to set a new password with.',
    email: 'E-mail address',
    requestSubmit: 'Send link',
    missingEmail: 'Please enter your e-mail address.',
    tooManyRequests:
      'Too many requests for this e-mail address. Please wait a minute and try again.',
    confirmTitle: 'Set a new password',
    confirmIntro:
      'Choose a new password of at least {min} characters. Afterwards you are signed out on every device.',
    password: 'New password',
    passwordRepeat: 'Repeat the new password',
    confirmSubmit: 'Set password',
    passwordsDiffer: 'The two passwords differ.',
    requestAnother: 'Ask for a new link',
    doneTitle: 'Password changed',
    done: 'Your password is changed and you are signed out everywhere. Sign in with the new password.',
    signIn: 'Go to sign-in',
  },
};
