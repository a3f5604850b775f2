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
  /** Why a batch's total is less than units x languages. */
  kept: string;
  retry: string;
  retryHint: string;
  backToCycle: string;
  batches: {
    heading: string;
    intro: string;
    caption: string;
    name: string;
    current: string;
    columnBatch: string;
    columnRequestedAt: string;
    columnLanguages: string;
    columnTotal: string;
    columnDone: string;
    columnFailed: string;
    columnPending: string;
    columnKept: string;
  };
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
    kept: '{kept} Berichte des Snapshots gab es schon. Dieser Auftrag hat sie übernommen und zählt sie nicht zu seinen eigenen.',
    retry: 'Fehlgeschlagene Berichte erneut erzeugen',
    retryHint: 'Die fertigen Berichte bleiben, wie sie sind.',
    backToCycle: 'Zurück zum Zyklus {year}',
    batches: {
      heading: 'Alle Aufträge dieses Snapshots',
      intro:
        'Jeder Auftrag zählt nur seine eigenen Berichte: die er neu beauftragt oder nach einem Fehler erneut erzeugt hat. Übernommen sind die Berichte, die es schon gab.',
      caption: 'Die Berichtsaufträge des Snapshots, der neueste zuerst',
      name: 'Auftrag {number}',
      current: 'dieser Auftrag',
      columnBatch: 'Auftrag',
      columnRequestedAt: 'Beauftragt am',
      columnLanguages: 'Sprachen',
      columnTotal: 'Eigene Berichte',
      columnDone: 'Fertig',
      columnFailed: 'Fehlgeschlagen',
      columnPending: 'In Arbeit',
      columnKept: 'Übernommen',
    },
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
    kept: '{kept} reports of the snapshot existed already. This batch kept them and does not count them as its own.',
    retry: 'Render the failed reports again',
    retryHint: 'The reports that are done stay as they are.',
    backToCycle: 'Back to the cycle {year}',
    batches: {
      heading: 'Every batch of this snapshot',
      intro:
        'Each batch counts only its own reports: those it ordered new or rendered again after a failure. Kept are the reports that existed already.',
      caption: 'The report batches of the snapshot, newest first',
      name: 'Batch {number}',
      current: 'this batch',
      columnBatch: 'Batch',
      columnRequestedAt: 'Requested on',
      columnLanguages: 'Languages',
      columnTotal: 'Own reports',
      columnDone: 'Done',
      columnFailed: 'Failed',
      columnPending: 'In progress',
      columnKept: 'Kept',
    },
  },
};
