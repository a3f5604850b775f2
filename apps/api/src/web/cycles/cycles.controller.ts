import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode, roleMay } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { download } from '../../common/file-download';
import { Caller, CallerContext } from '../../common/request-context';
import { ExportQueryDto } from '../../imports/dto/imports.dto';
import {
  SpreadsheetUploadInterceptor,
  UploadedSpreadsheetFile,
} from '../../imports/spreadsheet-upload.interceptor';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { CycleForms, cycleImportModel, cyclePageModel, ImportOutcome } from './cycles-page.model';
import { ImportSummaryQueryDto, PublishFormDto, ReportBatchFormDto } from './dto/cycle-forms.dto';
import { refusalOf } from './form-refusal.util';
import {
  UnitsService,
  StudiesService,
  SnapshotsService,
  ReportsService,
  ImportsService,
  SubmissionsService,
} from '@app/application';

/**
 * A cycle of one of the publisher's studies: its state with the forms that close and publish
 * it, its submissions by state, its snapshots with the form that computes one, the order of
 * the participants' reports, and the import and export of the whole cycle.
 */
@ApiExcludeController()
@Controller()
export class CyclesPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly submissions: SubmissionsService,
    private readonly units: UnitsService,
    private readonly snapshots: SnapshotsService,
    private readonly reports: ReportsService,
    private readonly imports: ImportsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('cycles/:cycleId')
  @UseCase(Action.StudyOverview)
  show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
  ): Promise<string> {
    return this.cyclePage(caller, page, cycleId);
  }

  /** Closes the cycle: nobody changes its data any more. */
  @Post('cycles/:cycleId/close')
  @UseCase(Action.CycleClose)
  async close(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.studies.transitionCycle(caller.actor, cycleId, 'close');
    } catch (error: unknown) {
      const close = refusalOf(error, page.language, page.texts.cycles.state.closeRefused);
      sendPage(res, await this.cyclePage(caller, page, cycleId, { close }), 422);
      return;
    }
    seeOther(res, pagePaths.cycle(cycleId));
  }

  /**
   * Publishes the cycle with the snapshot named (a snapshot's page) or its latest computed one
   * (the cycle page). The service refuses a cycle that is not closed and a snapshot that is not
   * computed or no longer current; the page says which in the person's language.
   */
  @Post('cycles/:cycleId/publish')
  @UseCase(Action.CyclePublish)
  async publish(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Body() body: PublishFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.cycles.state;
    try {
      await this.studies.transitionCycle(caller.actor, cycleId, 'publish', body.snapshotId);
    } catch (error: unknown) {
      let reason: string | undefined;
      if (error instanceof DomainError && error.code === DomainErrorCode.Conflict) {
        reason = t.publishStale;
      } else if (error instanceof DomainError && error.code === DomainErrorCode.InvalidState) {
        const cycle = await this.studies.getCycle(caller.actor, cycleId);
        reason = cycle.state === 'closed' ? t.publishNoSnapshot : t.publishNotClosed;
      }
      const publish = refusalOf(error, page.language, t.publishRefused, reason);
      sendPage(res, await this.cyclePage(caller, page, cycleId, { publish }), 422);
      return;
    }
    seeOther(res, pagePaths.cycle(cycleId));
  }

  /** Starts the computation of the cycle's snapshot and shows its progress. */
  @Post('cycles/:cycleId/snapshots')
  @UseCase(Action.SnapshotCompute)
  async computeSnapshot(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Res() res: Response,
  ): Promise<void> {
    let snapshotId: string;
    try {
      ({ snapshotId } = await this.snapshots.start(caller, cycleId, false));
    } catch (error: unknown) {
      const compute = refusalOf(error, page.language, page.texts.cycles.snapshots.computeRefused);
      sendPage(res, await this.cyclePage(caller, page, cycleId, { compute }), 422);
      return;
    }
    seeOther(res, pagePaths.snapshotStatus(snapshotId));
  }

  /** Orders the reports of every participant of a (published) snapshot; shows their progress. */
  @Post('snapshots/:snapshotId/reports/batch')
  @UseCase(Action.ReportBatchOrder)
  async orderReports(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('snapshotId', PageIdPipe) snapshotId: string,
    @Body() body: ReportBatchFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.cycles.reports;
    const { cycleId } = await this.snapshots.get(caller, snapshotId);
    const languages = body.languages ?? [];
    if (languages.length === 0) {
      const reports = { languages, error: t.noLanguage, refusal: null };
      sendPage(res, await this.cyclePage(caller, page, cycleId, { reports }), 422);
      return;
    }
    let batchId: string;
    try {
      ({ batchId } = await this.reports.createBatch(caller, snapshotId, [...new Set(languages)]));
    } catch (error: unknown) {
      const reports = {
        languages,
        error: null,
        refusal: refusalOf(error, page.language, t.refused),
      };
      sendPage(res, await this.cyclePage(caller, page, cycleId, { reports }), 422);
      return;
    }
    seeOther(res, pagePaths.reportBatch(batchId));
  }

  /** The import form of the cycle, and what the last import stored (from its redirect). */
  @Get('cycles/:cycleId/import')
  @UseCase(Action.CycleImport)
  async importForm(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() query: ImportSummaryQueryDto,
  ): Promise<string> {
    const summary =
      query.units === undefined
        ? null
        : {
            units: query.units,
            created: query.created ?? 0,
            updated: query.updated ?? 0,
            unchanged: query.unchanged ?? 0,
          };
    return this.importPage(caller, page, cycleId, { refusal: null, summary });
  }

  /**
   * Imports the cycle from an uploaded XLSX or CSV through ImportsService: all or nothing. A
   * refusal shows every bad cell in a table at the form (422); a stored import goes on to the
   * import page with its summary. The form carries its CSRF token in the action's query.
   */
  @Post('cycles/:cycleId/import')
  @UseCase(Action.CycleImport)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  async importCycle(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
    @Res() res: Response,
  ): Promise<void> {
    let result: Awaited<ReturnType<ImportsService['importCycle']>>;
    try {
      result = await this.imports.importCycle(caller, cycleId, file);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.cycles.import.refused);
      sendPage(res, await this.importPage(caller, page, cycleId, { refusal, summary: null }), 422);
      return;
    }
    const query = new URLSearchParams({
      units: String(result.units),
      created: String(result.created),
      updated: String(result.updated),
      unchanged: String(result.unchanged),
    });
    seeOther(res, `${pagePaths.cycleImport(cycleId)}?${query.toString()}`);
  }

  /** The cycle as CSV or XLSX, one row per unit, from ImportsService. */
  @Get('cycles/:cycleId/export')
  @UseCase(Action.CycleExport)
  async exportCycle(
    @Caller() caller: CallerContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.imports.exportCycle(caller, cycleId, query.format ?? 'xlsx'));
  }

  private async cyclePage(
    caller: CallerContext,
    page: PageContext,
    cycleId: string,
    forms: CycleForms = {},
  ): Promise<string> {
    const submissions = await this.submissions.listForCycle(caller, cycleId);
    const cycle = await this.studies.getCycle(caller.actor, cycleId);
    const study = await this.studies.getStudy(caller.actor, cycle.studyId);
    const units = await this.units.listStudyUnits(caller.actor, study.id);
    const snapshots = await this.snapshots.list(caller, cycleId);
    const reportBatches =
      cycle.publishedSnapshotId !== null && roleMay(caller.actor.role, Action.ReportBatchRead)
        ? await this.reports.batches(caller, cycle.publishedSnapshotId)
        : [];
    const model = cyclePageModel(
      {
        cycle,
        study,
        submissions,
        unitCount: units.length,
        snapshots,
        canAdminister: roleMay(caller.actor.role, Action.CyclePublish),
        reportBatches,
      },
      page,
      forms,
    );
    return this.pages.render(page, 'cycles/cycle', model);
  }

  private async importPage(
    caller: CallerContext,
    page: PageContext,
    cycleId: string,
    outcome: ImportOutcome,
  ): Promise<string> {
    // Row-level security: a publisher sees its own cycles only (another's is a 404).
    const cycle = await this.studies.getCycle(caller.actor, cycleId);
    return this.pages.render(page, 'cycles/import', cycleImportModel(cycle, page, outcome));
  }
}
