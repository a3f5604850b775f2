import { Body, Controller, Get, Header, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { formatFigure } from '@app/reporting';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { download } from '../../common/file-download';
import { Caller, CallerContext } from '../../common/request-context';
import { PREVIEW_CSP } from '../../reports/reports.controller';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther } from '../views/page-response';
import { ReportOrderDto } from './dto/report-order.dto';
import type { ReportState } from './reports.texts';
import { UnitsService, ReportsService } from '@app/application';

/** How often the page of a report that is being rendered reloads itself. */
export const REPORT_REFRESH_SECONDS = 2;

const PENDING: readonly string[] = ['queued', 'rendering'];

/**
 * Reports in the pages, through ReportsService as the API: ordering a unit's report from the
 * benchmark view, a report's page (its state, reloading itself while it is rendered, without
 * script), the HTML preview under the API preview's Content-Security-Policy and the PDF
 * download, of company and trend reports alike (a trend report's own page is the publisher's). The API's preview and PDF need a bearer token; these
 * page paths take the session.
 */
@ApiExcludeController()
@Controller()
export class ReportsPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly units: UnitsService,
    private readonly pages: PageRenderer,
  ) {}

  /** Orders the unit's report in the page's language (or finds the one ordered already). */
  @Post('snapshots/:snapshotId/reports')
  @UseCase(Action.ReportOrder)
  async order(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('snapshotId', PageIdPipe) snapshotId: string,
    @Body() body: ReportOrderDto,
    @Res() response: Response,
  ): Promise<void> {
    const { reportId } = await this.reports.create(caller, snapshotId, body.unitId, page.language);
    seeOther(
      response,
      body.intent === 'preview' ? pagePaths.reportPreview(reportId) : pagePaths.report(reportId),
    );
  }

  @Get('reports/:reportId')
  @UseCase(Action.ReportRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('reportId', PageIdPipe) reportId: string,
  ): Promise<string> {
    const t = page.texts.reports;
    const report = await this.reports.get(caller, reportId);
    const company = report.kind === 'company' && report.unitId !== null;
    const unitName = company
      ? (await this.units.getUnit(caller.actor, report.unitId ?? '')).name
      : null;
    const kind = company ? t.kind.company : t.kind.trend;
    const state = report.state as ReportState;
    const done = state === 'done';
    const title = unitName === null ? kind : fill(t.titleFor, { kind, name: unitName });
    return this.pages.render(page, 'reports/report', {
      title,
      state,
      stateText: t.state[state] ?? report.state,
      refreshSeconds: PENDING.includes(report.state) ? REPORT_REFRESH_SECONDS : null,
      done,
      failed: state === 'failed' ? fill(t.failed, { error: report.error ?? '' }) : null,
      // A company report's preview is computed from the snapshot: it is there before the PDF.
      previewHref: company || done ? pagePaths.reportPreview(report.id) : null,
      pdfHref: done ? pagePaths.reportPdf(report.id) : null,
      language: t.languages[report.language === 'en' ? 'en' : 'de'],
      createdAt: report.createdAt,
      renderedAt: report.renderedAt,
      pages: report.pages === null ? null : formatFigure(report.pages, page.language),
      size:
        report.sizeBytes === null
          ? null
          : `${formatFigure(Math.max(1, Math.round(report.sizeBytes / 1024)), page.language)} kB`,
      backHref:
        company && report.snapshotId !== null && report.unitId !== null
          ? pagePaths.benchmarks(report.snapshotId, report.unitId)
          : pagePaths.trendReport(report.id),
      backLabel: company ? t.backToBenchmark : t.backToTrendReport,
    });
  }

  /** The report as HTML, the document the PDF is printed from; nothing in it may load or run. */
  @Get('reports/:reportId/preview')
  @UseCase(Action.ReportRead)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PREVIEW_CSP)
  preview(
    @Caller() caller: CallerContext,
    @Param('reportId', PageIdPipe) reportId: string,
  ): Promise<string> {
    return this.reports.html(caller, reportId);
  }

  @Get('reports/:reportId/pdf')
  @UseCase(Action.ReportRead)
  async pdf(
    @Caller() caller: CallerContext,
    @Param('reportId', PageIdPipe) reportId: string,
  ): Promise<StreamableFile> {
    return download(await this.reports.pdf(caller, reportId));
  }
}
