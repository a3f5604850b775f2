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
import { Action, DomainError, DomainErrorCode, isEditable, Problem, roleMay } from '@app/domain';
import type { CellProblem } from '@app/spreadsheet';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { download } from '../../common/file-download';
import { Caller, CallerContext } from '../../common/request-context';
import { UploadDraftDto } from '../../imports/dto/imports.dto';
import {
  SpreadsheetUploadInterceptor,
  UploadedSpreadsheetFile,
} from '../../imports/spreadsheet-upload.interceptor';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { SubmissionFormDto } from './dto/submission-form.dto';
import { formatNumberInput } from './number-input.util';
import { mergeProblems, PostedForm, readSubmissionForm } from './submission-form-input.util';
import { submissionFormModel } from './submission-form.model';
import { ImportsService, SubmissionContext, SubmissionsService } from '@app/application';

/** The roles that enter data; everybody else who may see a submission sees it read-only. */
/** What a render of the form shows besides the submission itself. */
interface FormRender {
  notice?: string | null;
  posted?: PostedForm;
  problems?: readonly Problem[];
  /** The sentence above the error summary. */
  errorsTitle?: string | null;
  /** A stale version: the form shows what was sent and asks for a reload. */
  stale?: boolean;
  /** The version the form carries; the stored one unless the save was stale. */
  version?: number;
}

function refusal(error: unknown, ...codes: DomainErrorCode[]): DomainError | null {
  return error instanceof DomainError && codes.includes(error.code) ? error : null;
}

function isCellProblem(problem: Problem): problem is CellProblem {
  const candidate = problem as Partial<CellProblem>;
  return typeof candidate.cell === 'string' && typeof candidate.sheet === 'string';
}

/**
 * The data entry of a unit's submission: the form generated from the study's catalogue, saved
 * as a draft or submitted through SubmissionsService, and the XLSX template with its upload
 * through ImportsService, as the API does.
 */
@ApiExcludeController()
@Controller('cycles/:cycleId/units/:unitId/submission')
export class SubmissionPagesController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly imports: ImportsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @UseCase(Action.SubmissionRead)
  async form(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @Query('saved') saved: unknown,
    @Query('submitted') submitted: unknown,
    @Query('uploaded') uploaded: unknown,
  ): Promise<string> {
    const context = await this.submissions.context(caller, cycleId, unitId);
    const t = page.texts.submission;
    const notice =
      submitted !== undefined
        ? t.submitted
        : uploaded !== undefined
          ? t.uploaded
          : saved !== undefined
            ? t.saved
            : null;
    return this.formPage(page, caller, context, { notice });
  }

  /**
   * Saves the form as the draft and, for "Save and submit", submits it. A refused save shows
   * the form again as sent with its errors (422); a refused submit shows the saved draft with
   * what blocks submitting (422); a stale version asks for a reload (409).
   */
  @Post()
  @UseCase(Action.SubmissionSaveDraft)
  async save(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @Body() body: SubmissionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const t = page.texts.submission;
    const path = pagePaths.submission(cycleId, unitId);
    const context = await this.submissions.context(caller, cycleId, unitId);
    const input = readSubmissionForm(context.catalogue, body, page.language, t);
    let version: number;
    try {
      const saved = await this.submissions.saveDraft(caller, cycleId, unitId, {
        answers: input.answers,
        warningComments: input.warningComments,
        version: body.version,
      });
      version = saved.version;
    } catch (error: unknown) {
      if (refusal(error, DomainErrorCode.InvalidState)) {
        sendPage(response, await this.noLongerEditable(page, caller, cycleId, unitId), 409);
        return;
      }
      const refused = refusal(error, DomainErrorCode.ValidationFailed, DomainErrorCode.Conflict);
      if (!refused) {
        throw error;
      }
      const stale = refused.code === DomainErrorCode.Conflict;
      const html = this.formPage(page, caller, context, {
        posted: input.posted,
        problems: stale ? [] : mergeProblems(input.problems, refused.problemsIn(page.language)),
        errorsTitle: stale ? null : t.notSaved,
        stale,
        version: body.version,
      });
      sendPage(response, html, stale ? 409 : 422);
      return;
    }
    if (body.intent === 'draft') {
      seeOther(response, `${path}?saved=1`);
      return;
    }
    try {
      await this.submissions.submit(caller, cycleId, unitId, version);
    } catch (error: unknown) {
      if (refusal(error, DomainErrorCode.InvalidState)) {
        sendPage(response, await this.noLongerEditable(page, caller, cycleId, unitId), 409);
        return;
      }
      const refused = refusal(error, DomainErrorCode.ValidationFailed);
      if (!refused) {
        throw error;
      }
      // The draft was saved: the form shows it as stored now, with what blocks submitting.
      const saved = await this.submissions.context(caller, cycleId, unitId);
      const html = this.formPage(page, caller, saved, {
        problems: refused.problemsIn(page.language),
        errorsTitle: `${t.notSubmitted} ${refused.messageIn(page.language)}`,
      });
      sendPage(response, html, 422);
      return;
    }
    seeOther(response, `${path}?submitted=1`);
  }

  /** The XLSX template page: the download, and the upload form while the data can change. */
  @Get('upload')
  @UseCase(Action.SubmissionUploadForm)
  async uploadForm(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
  ): Promise<string> {
    const context = await this.submissions.context(caller, cycleId, unitId);
    return this.uploadPage(page, caller, context, []);
  }

  /** The unit's template in the page's language, with its saved answers filled in. */
  @Get('template')
  @UseCase(Action.SubmissionExport)
  async template(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
  ): Promise<StreamableFile> {
    return download(await this.imports.template(caller, cycleId, unitId, page.language));
  }

  /**
   * Stores an uploaded template as the draft (all or nothing) and returns to the form; a
   * refused file shows the upload page with every bad cell (422). The CSRF token comes in the
   * action's query: the multipart body is read after the check.
   */
  @Post('upload')
  @UseCase(Action.SubmissionSaveDraft)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  async upload(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
    @Body() body: UploadDraftDto,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.imports.uploadDraft(caller, cycleId, unitId, file, body.version);
    } catch (error: unknown) {
      const refused = refusal(
        error,
        DomainErrorCode.ValidationFailed,
        DomainErrorCode.PayloadTooLarge,
        DomainErrorCode.Conflict,
        DomainErrorCode.InvalidState,
      );
      if (!refused) {
        throw error;
      }
      const context = await this.submissions.context(caller, cycleId, unitId);
      if (refused.code === DomainErrorCode.InvalidState) {
        // The page says why the data cannot change now, and shows no upload form.
        sendPage(response, this.uploadPage(page, caller, context, []), 409);
        return;
      }
      const problems: Problem[] =
        refused.code === DomainErrorCode.Conflict
          ? [{ key: 'file', rule: 'stale', message: page.texts.submission.stale }]
          : refused.problems.length > 0
            ? refused.problemsIn(page.language)
            : [{ key: 'file', rule: refused.code, message: refused.messageIn(page.language) }];
      const status =
        refused.code === DomainErrorCode.Conflict
          ? 409
          : refused.code === DomainErrorCode.PayloadTooLarge
            ? 413
            : 422;
      sendPage(response, this.uploadPage(page, caller, context, problems), status);
      return;
    }
    seeOther(response, `${pagePaths.submission(cycleId, unitId)}?uploaded=1`);
  }

  /**
   * The form of a submission that cannot change any more (submitted or accepted meanwhile, or
   * its cycle closed): read-only, saying why, instead of an error page.
   */
  private async noLongerEditable(
    page: PageContext,
    caller: CallerContext,
    cycleId: string,
    unitId: string,
  ): Promise<string> {
    return this.formPage(page, caller, await this.submissions.context(caller, cycleId, unitId), {});
  }

  /** Whether the caller may change the submission now, or why not. */
  private readOnlyReason(
    page: PageContext,
    caller: CallerContext,
    context: SubmissionContext,
  ): string | null {
    const t = page.texts.submission.readOnly;
    if (context.cycle.state !== 'open') {
      return fill(t.cycleNotOpen, {
        state: page.texts.common.cycleState[context.cycle.state],
      });
    }
    if (!roleMay(caller.actor.role, Action.SubmissionSaveDraft)) {
      return t.role;
    }
    const state = context.submission.state;
    if (!isEditable(state)) {
      return state === 'accepted' ? t.accepted : t.submitted;
    }
    return null;
  }

  private formPage(
    page: PageContext,
    caller: CallerContext,
    context: SubmissionContext,
    render: FormRender,
  ): string {
    const t = page.texts.submission;
    const { cycle, unit, study, submission } = context;
    const readOnly = this.readOnlyReason(page, caller, context);
    const path = pagePaths.submission(cycle.id, unit.id);
    const form = submissionFormModel({
      language: page.language,
      texts: t,
      catalogue: context.catalogue,
      submission,
      posted: render.posted,
      problems: render.problems,
    });
    return this.pages.render(page, 'submission/form', {
      title: `${t.title}: ${unit.name}`,
      heading: fill(t.heading, { year: cycle.year, unit: unit.name }),
      lead: fill(t.lead, { study: study.name, year: cycle.year }),
      state: submission.id === null ? 'none' : submission.state,
      updatedAt: submission.updatedAt,
      notice: render.notice ?? null,
      returnComment:
        submission.state === 'returned' && submission.returnComment
          ? submission.returnComment
          : null,
      readOnly,
      editable: readOnly === null,
      stale: render.stale ?? false,
      reloadHref: path,
      action: path,
      version: render.version ?? submission.version,
      errorsTitle: render.errorsTitle ?? null,
      // The template page is the company's: it downloads the template even while read-only.
      uploadHref: roleMay(caller.actor.role, Action.SubmissionUploadForm)
        ? pagePaths.submissionUpload(cycle.id, unit.id)
        : null,
      homeHref: pagePaths.home(),
      ...form,
    });
  }

  private uploadPage(
    page: PageContext,
    caller: CallerContext,
    context: SubmissionContext,
    problems: readonly Problem[],
  ): string {
    const t = page.texts.submission;
    const { cycle, unit, study, submission, catalogue } = context;
    const path = pagePaths.submission(cycle.id, unit.id);
    const readOnly = this.readOnlyReason(page, caller, context);
    const valueText = (value: CellProblem['value']): string =>
      value === null
        ? '–'
        : typeof value === 'number'
          ? formatNumberInput(value, page.language)
          : typeof value === 'boolean'
            ? String(value).toUpperCase()
            : value;
    const cells = problems.filter(isCellProblem).map((p) => ({
      sheet: p.sheet,
      cell: p.cell,
      field: catalogue.item(p.key)?.label[page.language] ?? p.key,
      key: p.key,
      value: valueText(p.value),
      rule: p.rule,
      message: p.message,
    }));
    const fileErrors = problems.filter((p) => !isCellProblem(p)).map((p) => p.message);
    return this.pages.render(page, 'submission/upload', {
      title: `${t.upload.title}: ${unit.name}`,
      heading: `${t.upload.title}: ${unit.name}`,
      lead: fill(t.lead, { study: study.name, year: cycle.year }),
      templateHref: pagePaths.submissionTemplate(cycle.id, unit.id),
      formHref: path,
      action: pagePaths.submissionUpload(cycle.id, unit.id),
      editable: readOnly === null,
      readOnly,
      version: submission.version,
      refused: problems.length > 0,
      cells,
      fileErrors,
      fileInvalid: fileErrors.length > 0,
      errors: [
        ...fileErrors.map((message) => ({ field: 'file', message })),
        ...(cells.length > 0
          ? [{ field: 'upload-problems', message: t.upload.problemsCaption }]
          : []),
      ],
    });
  }
}
