import type { InvitationState } from '@app/domain';
import type { Localized } from '../views/localized';

/** The words of the invitations pages: the list with its forms, and accepting one. */
export interface InvitationsTexts {
  nav: string;
  title: string;
  intro: string;
  listHeading: string;
  listCaption: string;
  none: string;
  columns: {
    person: string;
    organisation: string;
    study: string;
    role: string;
    state: string;
    sent: string;
    expires: string;
    actions: string;
  };
  state: Record<InvitationState, string>;
  resend: string;
  revoke: string;
  companyHeading: string;
  companyIntro: string;
  noStudies: string;
  colleagueHeading: string;
  colleagueIntro: string;
  companyName: string;
  personName: string;
  email: string;
  language: string;
  role: string;
  submit: string;
  refused: string;
  notice: { invited: string; resent: string; revoked: string };
  acceptTitle: string;
  acceptIntro: string;
  password: string;
  passwordRepeat: string;
  acceptSubmit: string;
  passwordsDiffer: string;
  signIn: string;
}

export const INVITATIONS_TEXTS: Localized<InvitationsTexts> = {
  de: {
    nav: 'Einladungen',
    title: 'Einladungen',
    intro:
      'Laden Sie Personen per E-Mail ein. Ein Link gilt 7 Tage und nur einmal; erneut senden ersetzt den alten Link.',
    listHeading: 'Gesendete Einladungen',
    listCaption: 'Einladungen Ihrer Organisation, die neuesten zuerst',
    none: 'Ihre Organisation hat noch niemanden eingeladen.',
    columns: {
      person: 'Person',
      organisation: 'Organisation',
      study: 'Studie',
      role: 'Rolle',
      state: 'Stand',
      sent: 'Gesendet',
      expires: 'Gültig bis',
      actions: 'Aktionen',
    },
    state: {
      pending: 'offen',
      accepted: 'angenommen',
      revoked: 'zurückgezogen',
      expired: 'abgelaufen',
    },
    resend: 'Erneut senden',
    revoke: 'Zurückziehen',
    companyHeading: 'Unternehmen zu einer Studie einladen',
    companyIntro:
      'Gibt es das Unternehmen noch nicht, wird es angelegt; die Kontaktperson wird seine Administratorin oder sein Administrator.',
    noStudies: 'Legen Sie zuerst eine Studie an.',
    colleagueHeading: 'Kollegin oder Kollegen einladen',
    colleagueIntro: 'Sie arbeiten als Bearbeiter mit oder lesen als Betrachter.',
    companyName: 'Name des Unternehmens',
    personName: 'Name der Kontaktperson',
    email: 'E-Mail-Adresse',
    language: 'Sprache der E-Mails',
    role: 'Rolle',
    submit: 'Einladung senden',
    refused: 'Die Einladung wurde nicht gesendet.',
    notice: {
      invited: 'Die Einladung ist unterwegs.',
      resent:
        'Die Einladung wurde mit einem neuen Link erneut gesendet; der alte Link gilt nicht mehr.',
      revoked: 'Die Einladung wurde zurückgezogen; ihr Link gilt nicht mehr.',
    },
    acceptTitle: 'Einladung annehmen',
    acceptIntro:
      'Guten Tag {name}, legen Sie ein Passwort mit mindestens {min} Zeichen für Ihren Zugang {email} fest. Danach sind Sie angemeldet.',
    password: 'Passwort',
    passwordRepeat: 'Passwort wiederholen',
    acceptSubmit: 'Passwort festlegen und anmelden',
    passwordsDiffer: 'Die beiden Passwörter stimmen nicht überein.',
    signIn: 'Zur Anmeldung',
  },
  en: {
    nav: 'Invitations',
    title: 'Invitations',
    intro:
      'Invite people by e-mail. A link is valid for 7 days and once only; sending again replaces the old link.',
    listHeading: 'Invitations sent',
    listCaption: 'Invitations of your organisation, newest first',
    none: 'Your organisation has invited nobody yet.',
    columns: {
      person: 'Person',
      organisation: 'Organisation',
      study: 'Study',
      role: 'Role',
      state: 'State',
      sent: 'Sent',
      expires: 'Valid until',
      actions: 'Actions',
    },
    state: { pending: 'pending', accepted: 'accepted', revoked: 'revoked', expired: 'expired' },
    resend: 'Send again',
    revoke: 'Revoke',
    companyHeading: 'Invite a company to a study',
    companyIntro:
      'A company that has no account yet is created; the contact becomes its administrator.',
    noStudies: 'Create a study first.',
    colleagueHeading: 'Invite a colleague',
    colleagueIntro: 'Colleagues work along as editors or read as viewers.',
    companyName: 'Name of the company',
    personName: 'Name of the contact',
    email: 'E-mail address',
    language: 'Language of the e-mails',
    role: 'Role',
    submit: 'Send invitation',
    refused: 'The invitation was not sent.',
    notice: {
      invited: 'The invitation is on its way.',
      resent: 'The invitation was sent again with a new link; the old link no longer works.',
      revoked: 'The invitation was revoked; its link no longer works.',
    },
    acceptTitle: 'Accept the invitation',
    acceptIntro:
      'Hello {name}, choose a password of at least {min} characters for your account {email}. Afterwards you are signed in.',
    password: 'Password',
    passwordRepeat: 'Repeat the password',
    acceptSubmit: 'Set password and sign in',
    passwordsDiffer: 'The two passwords differ.',
    signIn: 'Go to sign-in',
  },
};
