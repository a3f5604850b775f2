import { buildCompanyReportModel, CompanyReportInput } from './company-report-model';
import { REPORT_WORDS } from './report-texts';
import { reportTemplates } from './report-templates';

/**
 * The company benchmark report of one unit as a complete HTML document: cover, executive
 * summary, one section per area with tables and SVG charts, appendix. It has no script and
 * loads nothing; its Content-Security-Policy says so to the browser. The same document is the
 * browser preview and what Chromium prints to PDF (A4, see `reportHeaderTemplate`).
 */
export function renderCompanyReportHtml(input: CompanyReportInput): string {
  // The doctype is written here because Prettier's Handlebars printer drops it from a template;
  // without it Chromium lays the page out in quirks mode.
  return `<!DOCTYPE html>\n${reportTemplates().companyReport(buildCompanyReportModel(input))}`;
}

/**
 * The running header for Chromium's `page.pdf({ displayHeaderFooter: true, headerTemplate })`:
 * study, reference year and unit, escaped, in a small font.
 */
export function reportHeaderTemplate(input: CompanyReportInput): string {
  return reportTemplates().header({
    studyName: input.study.name,
    year: String(input.cycle.year),
    unitName: input.unit.name,
  });
}

/**
 * The running footer for Chromium's `page.pdf({ footerTemplate })`: the confidentiality note and
 * "page n / total" (Chromium fills the `pageNumber` and `totalPages` spans).
 */
export function reportFooterTemplate(input: CompanyReportInput): string {
  const de = input.language === 'de';
  return reportTemplates().footer({
    confidential: `${de ? 'Vertraulich' : 'Confidential'} · ${input.unit.companyName}`,
    pageLabel: de ? 'Seite' : 'Page',
  });
}

/** The file name a report's PDF is offered under, e.g. `Benchmark-Bericht-2024-Service-Nord.pdf`. */
export function companyReportFileName(
  input: Pick<CompanyReportInput, 'language' | 'cycle'> & {
    unit: Pick<CompanyReportInput['unit'], 'name'>;
  },
): string {
  const words = REPORT_WORDS[input.language];
  return reportPdfFileName([words.documentTitle, String(input.cycle.year), input.unit.name]);
}

/**
 * A PDF file name of parts any report's download offers (title, years, a unit's or a study's
 * name): each part reduced to ASCII letters and digits joined by hyphens (umlauts and accents
 * dropped to their base letter, `ß` to `ss`) and cut to 60 characters, empty parts left out, so
 * that the name survives every browser, mail client and file system.
 */
export function reportPdfFileName(parts: readonly string[]): string {
  const safe = (text: string): string =>
    text
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  return `${parts
    .map(safe)
    .filter((part) => part !== '')
    .join('-')}.pdf`;
}

/**
 * The `page.pdf()` options the report's layout is made for: A4 with the margins of
 * `styles/10-page.css` (`preferCSSPageSize` lets the stylesheet win), room for the running
 * header and footer, colours printed. Pass `headerTemplate` and `footerTemplate` from the
 * functions above.
 */
export const COMPANY_REPORT_PDF_LAYOUT = {
  format: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: true,
  margin: { top: '20mm', right: '16mm', bottom: '18mm', left: '16mm' },
} as const;
