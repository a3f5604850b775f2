import type { CycleState, OrganisationKind, Role, SubmissionState } from '@app/domain';
import type { Localized } from './localized';

/** The words every page shares: header, navigation, footer and the domain's states and roles. */
export interface CommonTexts {
  appName: string;
  skipToContent: string;
  mainNavigation: string;
  nav: { overview: string; studies: string; organisations: string };
  signedInAs: string;
  signOut: string;
  signIn: string;
  language: string;
  languageNames: { de: string; en: string };
  footer: string;
  submissions: string;
  cycleState: Record<CycleState, string>;
  submissionState: Record<SubmissionState | 'none', string>;
  role: Record<Role, string>;
  organisationKind: Record<OrganisationKind, string>;
}

/** Common words of the pages. */
export const COMMON_TEXTS: Localized<CommonTexts> = {
  de: {
    appName: 'Benchmark Cockpit',
    skipToContent: 'Zum Inhalt springen',
    mainNavigation: 'Hauptnavigation',
    nav: { overview: 'Übersicht', studies: 'Studien', organisations: 'Organisationen' },
    signedInAs: 'Angemeldet als',
    signOut: 'Abmelden',
    signIn: 'Anmelden',
    language: 'Sprache',
    languageNames: { de: 'Deutsch', en: 'English' },
    footer: 'Benchmark Cockpit · Benchmarks für Kundenservice-Organisationen',
    submissions: 'Datensätze',
    cycleState: { open: 'offen', closed: 'geschlossen', published: 'veröffentlicht' },
    submissionState: {
      none: 'nicht begonnen',
      draft: 'Entwurf',
      submitted: 'eingereicht',
      accepted: 'angenommen',
      returned: 'zurückgegeben',
    },
    role: {
      platform_admin: 'Plattform-Administration',
      publisher_admin: 'Administration (Herausgeber)',
      publisher_analyst: 'Analyse (Herausgeber)',
      company_admin: 'Administration (Unternehmen)',
      company_editor: 'Datenerfassung',
      company_viewer: 'Leserecht',
    },
    organisationKind: {
      platform: 'Plattformbetrieb',
      publisher: 'Herausgeber',
      company: 'Unternehmen',
    },
  },
  en: {
    appName: 'Benchmark Cockpit',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    nav: { overview: 'Overview', studies: 'Studies', organisations: 'Organisations' },
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signIn: 'Sign in',
    language: 'Language',
    languageNames: { de: 'Deutsch', en: 'English' },
    footer: 'Benchmark Cockpit · benchmarks for customer-service organisations',
    submissions: 'Submissions',
    cycleState: { open: 'open', closed: 'closed', published: 'published' },
    submissionState: {
      none: 'not started',
      draft: 'draft',
      submitted: 'submitted',
      accepted: 'accepted',
      returned: 'returned',
    },
    role: {
      platform_admin: 'platform administrator',
      publisher_admin: 'publisher administrator',
      publisher_analyst: 'publisher analyst',
      company_admin: 'company administrator',
      company_editor: 'data entry',
      company_viewer: 'read only',
    },
    organisationKind: { platform: 'platform operator', publisher: 'publisher', company: 'company' },
  },
};
