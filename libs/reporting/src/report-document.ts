import { CompanyReportInput } from './company-report-model';
import {
  renderCompanyReportHtml,
  reportFooterTemplate,
  reportHeaderTemplate,
} from './company-report';
import {
  renderTrendReportHtml,
  TrendReportInput,
  trendReportFooterTemplate,
  trendReportHeaderTemplate,
} from './trend-report';

/** What a report shows, by its kind. */
export type ReportContent =
  { kind: 'company'; input: CompanyReportInput } | { kind: 'trend'; input: TrendReportInput };

/** A report as Chromium prints it: the document and its running header and footer. */
export interface ReportDocument {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

/** The printable document of a company or a trend report. */
export function reportDocument(content: ReportContent): ReportDocument {
  switch (content.kind) {
    case 'company':
      return {
        html: renderCompanyReportHtml(content.input),
        headerTemplate: reportHeaderTemplate(content.input),
        footerTemplate: reportFooterTemplate(content.input),
      };
    case 'trend':
      return {
        html: renderTrendReportHtml(content.input),
        headerTemplate: trendReportHeaderTemplate(content.input),
        footerTemplate: trendReportFooterTemplate(content.input),
      };
  }
}
