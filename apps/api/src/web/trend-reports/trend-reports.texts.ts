import type { Localized } from '../views/localized';

/** A report's states, as the API names them. */
export type ReportState = 'queued' | 'rendering' | 'done' | 'failed';

/** The words of a trend report's page (`/trend-reports/:reportId`). */
export interface TrendReportsTexts {
  title: string;
  intro: string;
  state: Record<ReportState, string>;
  language: string;
  requestedAt: string;
  renderedAt: string;
  pages: string;
  size: string;
  refreshing: string;
  failed: string;
  downloads: string;
  preview: string;
  pdf: string;
  xlsx: string;
  xlsxHint: string;
  studies: string;
}

export const TREND_REPORTS_TEXTS: Localized<TrendReportsTexts> = {
  de: {
    title: 'Trendbericht',
    intro:
      'Der Trendbericht der Studie über ihre veröffentlichten Zyklen. Er wird im Hintergrund erzeugt.',
    state: {
      queued: 'wartet',
      rendering: 'wird erzeugt',
      done: 'fertig',
      failed: 'fehlgeschlagen',
    },
    language: 'Sprache: {language}',
    requestedAt: 'Beauftragt am',
    renderedAt: 'Erzeugt am',
    pages: 'Seiten',
    size: 'Größe (kB)',
    refreshing:
      'Diese Seite aktualisiert sich alle {seconds} Sekunden, bis der Bericht fertig ist.',
    failed: 'Der Bericht konnte nicht erzeugt werden.',
    downloads: 'Bericht und Daten',
    preview: 'Vorschau im Browser',
    pdf: 'PDF herunterladen',
    xlsx: 'Trenddaten als XLSX',
    xlsxHint: 'Die Zahlen des Berichts für Ihre eigene Auswertung.',
    studies: 'Alle Studien',
  },
  en: {
    title: 'Trend report',
    intro: "The study's trend report over its published cycles. It is rendered in the background.",
    state: {
      queued: 'waiting',
      rendering: 'rendering',
      done: 'done',
      failed: 'failed',
    },
    language: 'Language: {language}',
    requestedAt: 'Requested on',
    renderedAt: 'Rendered on',
    pages: 'Pages',
    size: 'Size (kB)',
    refreshing: 'This page refreshes itself every {seconds} seconds until the report is done.',
    failed: 'The report could not be rendered.',
    downloads: 'Report and data',
    preview: 'Preview in the browser',
    pdf: 'Download PDF',
    xlsx: 'Trend data as XLSX',
    xlsxHint: "The report's figures for your own analysis.",
    studies: 'All studies',
  },
};
