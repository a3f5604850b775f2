import type { Localized } from '../views/localized';

/** The words of a batch of reports' progress page (`/report-batches/:batchId`). */
export interface ReportBatchesTexts {
  title: string;
  intro: string;
  languages: string;
  requestedAt: string;
  progress: string;
  summary: string;
  done: string;
  failed: string;
  pending: string;
  total: string;
  refreshing: string;
  finished: string;
  finishedWithFailures: string;
  failures: {
    heading: string;
    caption: string;
    columnUnit: string;
    columnLanguage: string;
    columnReason: string;
    noReason: string;
  };
  retry: string;
  retryHint: string;
  backToCycle: string;
}

export const REPORT_BATCHES_TEXTS: Localized<ReportBatchesTexts> = {
  de: {
    title: 'Berichte des Zyklus {year}',
    intro:
      'Der Benchmark-Bericht jeder Einheit als PDF, erzeugt im Hintergrund. Jeder Teilnehmer findet seinen Bericht bei seinem Benchmark.',
    languages: 'Sprachen: {languages}',
    requestedAt: 'Beauftragt am',
    progress: 'Fortschritt der Berichte',
    summary: '{done} von {total} fertig · {failed} fehlgeschlagen · {pending} in Arbeit',
    done: 'Fertig',
    failed: 'Fehlgeschlagen',
    pending: 'In Arbeit',
    total: 'Insgesamt',
    refreshing:
      'Diese Seite aktualisiert sich alle {seconds} Sekunden, bis alle Berichte erzeugt sind.',
    finished: 'Alle Berichte sind erzeugt.',
    finishedWithFailures:
      'Die Arbeit ist beendet, aber einige Berichte sind fehlgeschlagen. Sie können sie erneut erzeugen.',
    failures: {
      heading: 'Fehlgeschlagene Berichte',
      caption: 'Die fehlgeschlagenen Berichte mit ihrem Grund',
      columnUnit: 'Einheit',
      columnLanguage: 'Sprache',
      columnReason: 'Grund',
      noReason: 'ohne Angabe',
    },
    retry: 'Fehlgeschlagene Berichte erneut erzeugen',
    retryHint: 'Die fertigen Berichte bleiben, wie sie sind.',
    backToCycle: 'Zurück zum Zyklus {year}',
  },
  en: {
    title: 'Reports of the cycle {year}',
    intro:
      "Every unit's benchmark report as a PDF, rendered in the background. Each participant finds its report with its benchmark.",
    languages: 'Languages: {languages}',
    requestedAt: 'Requested on',
    progress: 'Progress of the reports',
    summary: '{done} of {total} done · {failed} failed · {pending} in progress',
    done: 'Done',
    failed: 'Failed',
    pending: 'In progress',
    total: 'Total',
    refreshing:
      'This page refreshes itself every {seconds} seconds until every report is rendered.',
    finished: 'Every report is rendered.',
    finishedWithFailures:
      'The work has finished, but some reports failed. You can render them again.',
    failures: {
      heading: 'Failed reports',
      caption: 'The failed reports with their reason',
      columnUnit: 'Unit',
      columnLanguage: 'Language',
      columnReason: 'Reason',
      noReason: 'not given',
    },
    retry: 'Render the failed reports again',
    retryHint: 'The reports that are done stay as they are.',
    backToCycle: 'Back to the cycle {year}',
  },
};
