import type { ReportDto } from '../../reports/dto/report.dto';
import { pagePaths } from '../page-urls';
import { PROGRESS_REFRESH_SECONDS } from '../snapshot-status/progress-refresh';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';
import type { ReportState } from './trend-reports.texts';

const STATES: readonly ReportState[] = ['queued', 'rendering', 'done', 'failed'];

/** The model of `trend-reports/report.hbs`. */
export function trendReportModel(report: ReportDto, page: PageContext) {
  const t = page.texts.trendReports;
  const state = STATES.find((s) => s === report.state) ?? 'failed';
  const working = state === 'queued' || state === 'rendering';
  const done = state === 'done';
  const language =
    report.language === 'de' || report.language === 'en'
      ? page.texts.common.languageNames[report.language]
      : report.language;
  return {
    title: t.title,
    studiesHref: pagePaths.studies(),
    state,
    working,
    done,
    failed: state === 'failed',
    error: report.error,
    language: fill(t.language, { language }),
    requestedAt: report.createdAt,
    renderedAt: report.renderedAt,
    pages: report.pages,
    sizeKb: report.sizeBytes === null ? null : Math.round(report.sizeBytes / 102.4) / 10,
    refreshSeconds: working ? PROGRESS_REFRESH_SECONDS : null,
    refreshing: fill(t.refreshing, { seconds: PROGRESS_REFRESH_SECONDS }),
    previewHref: pagePaths.reportPreview(report.id),
    pdfHref: pagePaths.reportPdf(report.id),
    xlsxHref: pagePaths.trendReportXlsx(report.id),
  };
}
