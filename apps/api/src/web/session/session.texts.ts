import type { Localized } from '../views/localized';

/** The words of the sign-in page. */
export interface SessionTexts {
  title: string;
  intro: string;
  email: string;
  password: string;
  submit: string;
  signInToContinue: string;
  signedOut: string;
  missingEmail: string;
  missingPassword: string;
  wrongCredentials: string;
  tooManyAttempts: string;
  forgotPassword: string;
}

export const SESSION_TEXTS: Localized<SessionTexts> = {
  de: {
    title: 'Anmelden',
    intro: 'Melden Sie sich mit der E-Mail-Adresse und dem Passwort Ihres Zugangs an.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    signInToContinue: 'Bitte melden Sie sich an, um fortzufahren.',
    signedOut: 'Sie sind abgemeldet.',
    missingEmail: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    missingPassword: 'Bitte geben Sie Ihr Passwort ein.',
    wrongCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
    tooManyAttempts:
      'Zu viele Anmeldeversuche mit dieser E-Mail-Adresse. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
    forgotPassword: 'Passwort vergessen?',
  },
  en: {
    title: 'Sign in',
    intro: 'Sign in with the e-mail address and password of your account.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    signInToContinue: 'Please sign in to continue.',
    signedOut: 'You have signed out.',
    missingEmail: 'Please enter your e-mail address.',
    missingPassword: 'Please enter your password.',
    wrongCredentials: 'The e-mail address or the password is wrong.',
    tooManyAttempts:
      'Too many sign-in attempts for this e-mail address. Please wait a minute and try again.',
    forgotPassword: 'Forgot your password?',
  },
};
