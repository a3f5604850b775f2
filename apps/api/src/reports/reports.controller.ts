import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { EXPORT_MEDIA_TYPES } from '@app/spreadsheet';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { download } from '../common/file-download';
import { Caller, CallerContext } from '../common/request-context';
import {
  CreatedReportBatchDto,
  CreatedReportDto,
  CreateReportBatchDto,
  CreateReportDto,
  CreateTrendReportDto,
  ReportBatchDto,
  ReportBatchSummaryDto,
  ReportDto,
} from './dto/report.dto';
import { ReportsService } from '@app/application';

/** The preview is a document of our own: nothing in it may load or run anything. */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'";

@ApiTags('reports')
@ApiBearerAuth()
@Controller(API)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('snapshots/:snapshotId/reports')
  @HttpCode(202)
  @UseCase(Action.ReportOrder)
  @ApiOkResponse({ type: CreatedReportDto })
  create(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
    @Body() body: CreateReportDto,
  ): Promise<CreatedReportDto> {
    return this.reports.create(caller, snapshotId, body.unitId, body.language);
  }

  @Post('studies/:studyId/trend-reports')
  @HttpCode(202)
  @UseCase(Action.TrendCompute)
  @ApiOperation({
    summary:
      'Orders the trend report of the study over its published cycles (at least two); status, PDF, HTML and the data as XLSX under /reports/:reportId',
  })
  @ApiOkResponse({ type: CreatedReportDto })
  createTrendReport(
    @Caller() caller: CallerContext,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: CreateTrendReportDto,
  ): Promise<CreatedReportDto> {
    return this.reports.createTrendReport(caller, studyId, body.language);
  }

  @Post('snapshots/:snapshotId/reports/batch')
  @HttpCode(202)
  @UseCase(Action.ReportBatchOrder)
  @ApiOkResponse({ type: CreatedReportBatchDto })
  createBatch(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
    @Body() body: CreateReportBatchDto,
  ): Promise<CreatedReportBatchDto> {
    return this.reports.createBatch(caller, snapshotId, body.languages);
  }

  @Get('snapshots/:snapshotId/report-batches')
  @UseCase(Action.ReportBatchRead)
  @ApiOperation({
    summary:
      'The report batches of a snapshot, newest first, each with the counts of its own reports and how many it kept',
  })
  @ApiOkResponse({ type: [ReportBatchSummaryDto] })
  batches(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
  ): Promise<ReportBatchSummaryDto[]> {
    return this.reports.batches(caller, snapshotId);
  }

  @Get('report-batches/:batchId')
  @UseCase(Action.ReportBatchRead)
  @ApiOkResponse({ type: ReportBatchDto })
  batch(
    @Caller() caller: CallerContext,
    @Param('batchId', ParseUUIDPipe) batchId: string,
  ): Promise<ReportBatchDto> {
    return this.reports.batch(caller, batchId);
  }

  @Post('report-batches/:batchId/retry')
  @HttpCode(200)
  @UseCase(Action.ReportBatchRetry)
  @ApiOkResponse({ type: ReportBatchDto })
  retryBatch(
    @Caller() caller: CallerContext,
    @Param('batchId', ParseUUIDPipe) batchId: string,
  ): Promise<ReportBatchDto> {
    return this.reports.retryBatch(caller, batchId);
  }

  @Get('reports/:reportId')
  @UseCase(Action.ReportRead)
  @ApiOkResponse({ type: ReportDto })
  get(
    @Caller() caller: CallerContext,
    @Param('reportId', ParseUUIDPipe) reportId: string,
  ): Promise<ReportDto> {
    return this.reports.get(caller, reportId);
  }

  @Get('reports/:reportId/pdf')
  @UseCase(Action.ReportRead)
  @ApiProduces('application/pdf')
  async pdf(
    @Caller() caller: CallerContext,
    @Param('reportId', ParseUUIDPipe) reportId: string,
  ): Promise<StreamableFile> {
    return download(await this.reports.pdf(caller, reportId));
  }

  @Get('reports/:reportId/xlsx')
  @UseCase(Action.TrendReportRead)
  @ApiOperation({ summary: "A rendered trend report's data as XLSX, in the report's language" })
  @ApiProduces(EXPORT_MEDIA_TYPES.xlsx)
  async trendData(
    @Caller() caller: CallerContext,
    @Param('reportId', ParseUUIDPipe) reportId: string,
  ): Promise<StreamableFile> {
    return download(await this.reports.trendData(caller, reportId));
  }

  @Get('reports/:reportId/html')
  @UseCase(Action.ReportRead)
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PREVIEW_CSP)
  html(
    @Caller() caller: CallerContext,
    @Param('reportId', ParseUUIDPipe) reportId: string,
  ): Promise<string> {
    return this.reports.html(caller, reportId);
  }
}
