import type { Localized } from '../views/localized';

/** The report states as ReportsService names them. */
export type ReportState = 'queued' | 'rendering' | 'done' | 'failed';

/** The words of a report's page: its state, preview and downloads. */
export interface ReportsTexts {
  kind: { company: string; trend: string };
  titleFor: string;
  state: Record<ReportState, string>;
  stateLabel: string;
  waiting: string;
  ready: string;
  failed: string;
  preview: string;
  previewHint: string;
  pdf: string;
  details: string;
  language: string;
  languages: { de: string; en: string };
  ordered: string;
  rendered: string;
  pages: string;
  size: string;
  backToBenchmark: string;
  backToTrendReport: string;
}

export const REPORTS_TEXTS: Localized<ReportsTexts> = {
  de: {
    kind: { company: 'Benchmark-Bericht', trend: 'Trendbericht' },
    titleFor: '{kind}: {name}',
    state: {
      queued: 'in der Warteschlange',
      rendering: 'wird erstellt',
      done: 'fertig',
      failed: 'fehlgeschlagen',
    },
    stateLabel: 'Stand',
    waiting:
      'Der Bericht wird erstellt. Diese Seite lädt sich alle 2 Sekunden neu, bis er fertig ist; die Vorschau können Sie schon jetzt öffnen.',
    ready: 'Der Bericht ist fertig.',
    failed: 'Der Bericht konnte nicht erstellt werden: {error}',
    preview: 'Vorschau im Browser öffnen',
    previewHint: 'Derselbe Inhalt wie im PDF',
    pdf: 'PDF herunterladen',
    details: 'Angaben zum Bericht',
    language: 'Sprache',
    languages: { de: 'Deutsch', en: 'Englisch' },
    ordered: 'Bestellt am',
    rendered: 'Erstellt am',
    pages: 'Seiten',
    size: 'Größe',
    backToBenchmark: 'Zurück zum Benchmark',
    backToTrendReport: 'Zum Trendbericht',
  },
  en: {
    kind: { company: 'Benchmark report', trend: 'Trend report' },
    titleFor: '{kind}: {name}',
    state: {
      queued: 'queued',
      rendering: 'being rendered',
      done: 'ready',
      failed: 'failed',
    },
    stateLabel: 'Status',
    waiting:
      'The report is being rendered. This page reloads every 2 seconds until it is ready; you can open the preview already.',
    ready: 'The report is ready.',
    failed: 'The report could not be rendered: {error}',
    preview: 'Open the preview in the browser',
    previewHint: 'The same content as the PDF',
    pdf: 'Download PDF',
    details: 'About the report',
    language: 'Language',
    languages: { de: 'German', en: 'English' },
    ordered: 'Ordered on',
    rendered: 'Rendered on',
    pages: 'Pages',
    size: 'Size',
    backToBenchmark: 'Back to the benchmark',
    backToTrendReport: 'To the trend report',
  },
};
