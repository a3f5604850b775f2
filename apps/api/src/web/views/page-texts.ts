import type { Language } from '../../common/request-context';
import { BENCHMARKS_TEXTS } from '../benchmarks/benchmarks.texts';
import { CATALOGUES_TEXTS } from '../catalogues/catalogues.texts';
import { CYCLES_TEXTS } from '../cycles/cycles.texts';
import { DEADLINES_TEXTS } from '../deadlines/deadlines.texts';
import { DISCLOSURE_REPORTS_TEXTS } from '../disclosure-reports/disclosure-reports.texts';
import { ERROR_TEXTS } from '../errors/errors.texts';
import { HOME_TEXTS } from '../home/home.texts';
import { INVITATIONS_TEXTS } from '../invitations/invitations.texts';
import { ORGANISATIONS_TEXTS } from '../organisations/organisations.texts';
import { NOTIFICATION_SETTINGS_TEXTS } from '../notification-settings/notification-settings.texts';
import { PASSWORD_RESET_PAGE_TEXTS } from '../password-reset/password-reset.texts';
import { POSITION_HISTORY_TEXTS } from '../position-history/position-history.texts';
import { REPORT_BATCHES_TEXTS } from '../report-batches/report-batches.texts';
import { REPORTS_TEXTS } from '../reports/reports.texts';
import { REVIEW_TEXTS } from '../review/review.texts';
import { SESSION_TEXTS } from '../session/session.texts';
import { SNAPSHOT_STATUS_TEXTS } from '../snapshot-status/snapshot-status.texts';
import { STUDIES_TEXTS } from '../studies/studies.texts';
import { SUBMISSION_TEXTS } from '../submission/submission.texts';
import { TREND_REPORTS_TEXTS } from '../trend-reports/trend-reports.texts';
import { UNITS_TEXTS } from '../units/units.texts';
import { COMMON_TEXTS } from './common.texts';

/**
 * Every word of the pages, one namespace per feature, each in its feature's folder
 * (`<feature>.texts.ts`, typed `Localized<...>`). A new feature adds its namespace here;
 * templates then write `{{t "<namespace>.<key>"}}` and controllers read `page.texts.<namespace>`.
 */
const NAMESPACES = {
  common: COMMON_TEXTS,
  session: SESSION_TEXTS,
  errors: ERROR_TEXTS,
  home: HOME_TEXTS,
  studies: STUDIES_TEXTS,
  catalogues: CATALOGUES_TEXTS,
  cycles: CYCLES_TEXTS,
  review: REVIEW_TEXTS,
  snapshotStatus: SNAPSHOT_STATUS_TEXTS,
  disclosureReports: DISCLOSURE_REPORTS_TEXTS,
  reportBatches: REPORT_BATCHES_TEXTS,
  trendReports: TREND_REPORTS_TEXTS,
  submission: SUBMISSION_TEXTS,
  benchmarks: BENCHMARKS_TEXTS,
  positionHistory: POSITION_HISTORY_TEXTS,
  reports: REPORTS_TEXTS,
  units: UNITS_TEXTS,
  passwordReset: PASSWORD_RESET_PAGE_TEXTS,
  invitations: INVITATIONS_TEXTS,
  organisations: ORGANISATIONS_TEXTS,
  deadlines: DEADLINES_TEXTS,
  notificationSettings: NOTIFICATION_SETTINGS_TEXTS,
} as const;

/** The words of the pages in one language. */
export type PageTexts = { readonly [K in keyof typeof NAMESPACES]: (typeof NAMESPACES)[K]['de'] };

function inLanguage(language: Language): PageTexts {
  // The cast is sound: NAMESPACES' German and English texts have the same type (Localized).
  return Object.fromEntries(
    Object.entries(NAMESPACES).map(([name, texts]) => [name, texts[language]]),
  ) as unknown as PageTexts;
}

const BY_LANGUAGE: Readonly<Record<Language, PageTexts>> = {
  de: inLanguage('de'),
  en: inLanguage('en'),
};

/** The words of the pages in a language. */
export function pageTexts(language: Language): PageTexts {
  return BY_LANGUAGE[language];
}

/**
 * The text at a dotted key (`home.title`, `common.cycleState.open`).
 *
 * @throws Error for a key that names no text: a template's typo fails its render (and its
 *   test) instead of showing an empty label
 */
export function textAt(language: Language, key: string): string {
  let node: unknown = BY_LANGUAGE[language];
  for (const part of key.split('.')) {
    if (
      node === null ||
      typeof node !== 'object' ||
      !Object.prototype.hasOwnProperty.call(node, part)
    ) {
      throw new Error(`no page text "${key}" (${language})`);
    }
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') {
    throw new Error(`page text "${key}" is a group of texts, not a text`);
  }
  return node;
}
