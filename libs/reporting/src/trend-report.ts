import { reportPdfFileName } from './company-report';
import { reportTemplates } from './report-templates';
import { TREND_REPORT_WORDS } from './report-texts';
import { trendReportYears } from './trend-figure-format.util';
import { buildTrendReportModel, TrendReportInput } from './trend-report-model';

// The input type is the model's; offered here too, beside the functions that take it.
export type { TrendReportInput } from './trend-report-model';

/**
 * The publisher's trend report of a study as a complete HTML document: cover, participation,
 * executive summary, one section per area, drivers, drift and the method appendix. Like the
 * company report it has no script and loads nothing, says so in its Content-Security-Policy, and
 * is both the browser preview and what Chromium prints to PDF (`COMPANY_REPORT_PDF_LAYOUT`).
 */
export function renderTrendReportHtml(input: TrendReportInput): string {
  // The doctype is written here because Prettier's Handlebars printer drops it from a template.
  return `<!DOCTYPE html>\n${reportTemplates().trendReport(buildTrendReportModel(input))}`;
}

/**
 * The running header for Chromium's `page.pdf()`: study and years on the left, the document's
 * title on the right (`header.hbs`, escaped).
 */
export function trendReportHeaderTemplate(input: TrendReportInput): string {
  return reportTemplates().header({
    studyName: input.study.name,
    year: trendReportYears(input.trend.years),
    unitName: TREND_REPORT_WORDS[input.language].documentTitle,
  });
}

/**
 * The running footer for Chromium's `page.pdf()`: the confidentiality note naming the publisher
 * the report is for, and "page n / total" (`footer.hbs`).
 */
export function trendReportFooterTemplate(input: TrendReportInput): string {
  const de = input.language === 'de';
  return reportTemplates().footer({
    confidential: `${de ? 'Vertraulich' : 'Confidential'} · ${input.study.publisherName}`,
    pageLabel: de ? 'Seite' : 'Page',
  });
}

/**
 * The file name a trend report's PDF is offered under, e.g.
 * `Trendbericht-2023-2025-Contact-Center-Benchmark-DACH.pdf`.
 */
export function trendReportFileName(input: {
  language: TrendReportInput['language'];
  study: Pick<TrendReportInput['study'], 'name'>;
  trend: Pick<TrendReportInput['trend'], 'years'>;
}): string {
  return reportPdfFileName([
    TREND_REPORT_WORDS[input.language].documentTitle,
    trendReportYears(input.trend.years, '-'),
    input.study.name,
  ]);
}
