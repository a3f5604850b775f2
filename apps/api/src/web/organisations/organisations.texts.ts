import type { Localized } from '../views/localized';

/** The words of the operator's console: tenants, a tenant's users and invitations. */
export interface OrganisationsTexts {
  title: string;
  intro: string;
  listCaption: string;
  columns: {
    name: string;
    kind: string;
    created: string;
    state: string;
    email: string;
    role: string;
    person: string;
    sent: string;
    expires: string;
    actions: string;
  };
  active: string;
  disabled: string;
  createHeading: string;
  createIntro: string;
  kind: string;
  name: string;
  adminName: string;
  adminEmail: string;
  language: string;
  createSubmit: string;
  refused: string;
  usersHeading: string;
  usersCaption: string;
  noUsers: string;
  invitationsHeading: string;
  invitationsCaption: string;
  noInvitations: string;
  resend: string;
  disableHeading: string;
  disableIntro: string;
  disableSubmit: string;
  disabledSince: string;
  back: string;
  notice: { created: string; disabled: string; resent: string };
}

export const ORGANISATIONS_TEXTS: Localized<OrganisationsTexts> = {
  de: {
    title: 'Organisationen',
    intro: 'Alle Mandanten der Plattform: Verlage, Unternehmen und der Betreiber.',
    listCaption: 'Mandanten nach Namen',
    columns: {
      name: 'Name',
      kind: 'Art',
      created: 'Angelegt',
      state: 'Stand',
      email: 'E-Mail-Adresse',
      role: 'Rolle',
      person: 'Person',
      sent: 'Gesendet',
      expires: 'Gültig bis',
      actions: 'Aktionen',
    },
    active: 'aktiv',
    disabled: 'gesperrt',
    createHeading: 'Mandanten anlegen',
    createIntro:
      'Die erste Administratorin oder der erste Administrator erhält eine Einladung per E-Mail und legt das Passwort selbst fest.',
    kind: 'Art',
    name: 'Name der Organisation',
    adminName: 'Name der Administratorin oder des Administrators',
    adminEmail: 'E-Mail-Adresse der Administratorin oder des Administrators',
    language: 'Sprache der E-Mails',
    createSubmit: 'Anlegen und einladen',
    refused: 'Der Mandant wurde nicht angelegt.',
    usersHeading: 'Benutzer',
    usersCaption: 'Benutzer dieses Mandanten',
    noUsers: 'Dieser Mandant hat noch keine Benutzer.',
    invitationsHeading: 'Einladungen',
    invitationsCaption: 'Einladungen in diesen Mandanten, die neuesten zuerst',
    noInvitations: 'Niemand wurde in diesen Mandanten eingeladen.',
    resend: 'Erneut senden',
    disableHeading: 'Mandanten sperren',
    disableIntro:
      'Gesperrt kann sich niemand dieses Mandanten mehr anmelden; laufende Sitzungen, Zugangstoken und API-Schlüssel enden bei ihrer nächsten Anfrage.',
    disableSubmit: 'Sperren',
    disabledSince: 'Gesperrt seit {date}.',
    back: 'Alle Organisationen',
    notice: {
      created: 'Der Mandant ist angelegt; die Einladung ist unterwegs.',
      disabled: 'Der Mandant ist gesperrt.',
      resent:
        'Die Einladung wurde mit einem neuen Link erneut gesendet; der alte Link gilt nicht mehr.',
    },
  },
  en: {
    title: 'Organisations',
    intro: "The platform's tenants: publishers, companies and the operator.",
    listCaption: 'Tenants by name',
    columns: {
      name: 'Name',
      kind: 'Kind',
      created: 'Created',
      state: 'State',
      email: 'E-mail address',
      role: 'Role',
      person: 'Person',
      sent: 'Sent',
      expires: 'Valid until',
      actions: 'Actions',
    },
    active: 'active',
    disabled: 'disabled',
    createHeading: 'Create a tenant',
    createIntro: 'Its first administrator is invited by e-mail and chooses a password.',
    kind: 'Kind',
    name: 'Name of the organisation',
    adminName: "Administrator's name",
    adminEmail: "Administrator's e-mail address",
    language: 'Language of the e-mails',
    createSubmit: 'Create and invite',
    refused: 'The tenant was not created.',
    usersHeading: 'Users',
    usersCaption: 'Users of this tenant',
    noUsers: 'This tenant has no users yet.',
    invitationsHeading: 'Invitations',
    invitationsCaption: 'Invitations into this tenant, newest first',
    noInvitations: 'Nobody was invited into this tenant.',
    resend: 'Send again',
    disableHeading: 'Disable the tenant',
    disableIntro:
      'Once disabled, nobody of this tenant can sign in; open sessions, access tokens and API keys end at their next request.',
    disableSubmit: 'Disable',
    disabledSince: 'Disabled since {date}.',
    back: 'All organisations',
    notice: {
      created: 'The tenant is created; the invitation is on its way.',
      disabled: 'The tenant is disabled.',
      resent: 'The invitation was sent again with a new link; the old link no longer works.',
    },
  },
};
