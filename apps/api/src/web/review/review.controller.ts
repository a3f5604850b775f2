import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, ReviewQueueQuery } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { ReviewQueueQueryDto } from '../../submissions/dto/review-queue.dto';
import { FormRefusal, refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { BulkSelectionDto, ReturnFormDto, ReviewPageQueryDto } from './dto/review-forms.dto';
import {
  bulkConfirmModel,
  defaultReviewState,
  ReviewForm,
  ReviewNotice,
  reviewPageModel,
  reviewQueryString,
  reviewUnitPageModel,
} from './review-page.model';
import {
  StudiesService,
  reviewQuery,
  ReviewQueueService,
  SubmissionsService,
} from '@app/application';

/** The longest return comment the API takes (ReturnSubmissionDto). */
const MAX_COMMENT_LENGTH = 4000;

/** `<unitId>:<version>` of a checkbox, as the bulk accept takes it. */
function parseSelection(units: readonly string[] = []): { unitId: string; version: number }[] {
  return units.map((value) => {
    const [unitId, version] = value.split(':');
    return { unitId, version: Number(version) };
  });
}

/**
 * The review queue of a cycle: a page of its units in a table, filtered and sorted in the
 * database, with the counts by state at the top; one unit's submission beside its previous year
 * and the quartiles, accepted or returned with a comment there; and accepting many submissions
 * without warnings at once after a confirm step. Through ReviewQueueService and
 * SubmissionsService, as in the API.
 */
@ApiExcludeController()
@Controller()
export class ReviewPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly submissions: SubmissionsService,
    private readonly review: ReviewQueueService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('cycles/:cycleId/review')
  @UseCase(Action.SubmissionReview)
  async queue(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() dto: ReviewPageQueryDto,
  ): Promise<string> {
    const { cycle, study } = await this.cycleAndStudy(caller, cycleId);
    const query = reviewQuery({ ...dto, state: dto.state ?? defaultReviewState(cycle) });
    const queue = await this.review.queue(caller, cycleId, query);
    const noticed = dto.accepted ?? dto.returned;
    let notice: ReviewNotice | undefined;
    if (dto.bulkAccepted !== undefined) {
      notice = { outcome: 'bulkAccepted', count: dto.bulkAccepted };
    } else if (noticed !== undefined) {
      const [item] = await this.review.selection(caller, cycleId, [noticed]);
      notice = { outcome: dto.accepted ? 'accepted' : 'returned', unitName: item?.unitName ?? '' };
    }
    const model = reviewPageModel({ cycle, study, queue }, page, query, {
      notice,
      selectPage: dto.select === 'page',
    });
    return this.pages.render(page, 'review/queue', model);
  }

  @Get('cycles/:cycleId/review/units/:unitId')
  @UseCase(Action.SubmissionReview)
  unit(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @Query() dto: ReviewQueueQueryDto,
  ): Promise<string> {
    return this.unitPage(caller, page, cycleId, unitId, dto, null);
  }

  @Post('cycles/:cycleId/review/units/:unitId/accept')
  @UseCase(Action.SubmissionReview)
  async accept(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @Query() dto: ReviewQueueQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.submissions.accept(caller, cycleId, unitId);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.review.refused);
      const form: ReviewForm = { unitId, comment: '', error: null, refusal };
      sendPage(res, await this.unitPage(caller, page, cycleId, unitId, dto, form), 422);
      return;
    }
    seeOther(
      res,
      await this.queueAfter(caller, cycleId, dto, `accepted=${encodeURIComponent(unitId)}`),
    );
  }

  @Post('cycles/:cycleId/review/units/:unitId/return')
  @UseCase(Action.SubmissionReview)
  async returnToCompany(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @Query() dto: ReviewQueueQueryDto,
    @Body() body: ReturnFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.review;
    const comment = (body.comment ?? '').trim();
    const mistake =
      comment === ''
        ? t.commentRequired
        : comment.length > MAX_COMMENT_LENGTH
          ? t.commentTooLong
          : null;
    if (mistake !== null) {
      const form: ReviewForm = {
        unitId,
        comment: body.comment ?? '',
        error: mistake,
        refusal: null,
      };
      sendPage(res, await this.unitPage(caller, page, cycleId, unitId, dto, form), 422);
      return;
    }
    try {
      await this.submissions.returnToCompany(caller, cycleId, unitId, comment);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, t.refused);
      const form: ReviewForm = { unitId, comment, error: null, refusal };
      sendPage(res, await this.unitPage(caller, page, cycleId, unitId, dto, form), 422);
      return;
    }
    seeOther(
      res,
      await this.queueAfter(caller, cycleId, dto, `returned=${encodeURIComponent(unitId)}`),
    );
  }

  /** The confirm step of a bulk accept: how many and which of the selected ones it accepts. */
  @Get('cycles/:cycleId/review/accept')
  @UseCase(Action.SubmissionBulkAccept)
  async confirm(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() dto: BulkSelectionDto,
  ): Promise<string> {
    return this.confirmPage(caller, page, cycleId, dto, null);
  }

  @Post('cycles/:cycleId/review/accept')
  @UseCase(Action.SubmissionBulkAccept)
  async acceptMany(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() dto: ReviewQueueQueryDto,
    @Body() body: BulkSelectionDto,
    @Res() res: Response,
  ): Promise<void> {
    const selected = parseSelection(body.unit);
    let accepted: number;
    try {
      if (selected.length === 0) {
        // Nothing confirmed (a form sent without its hidden units): the confirm step again.
        sendPage(res, await this.confirmPage(caller, page, cycleId, dto, null), 422);
        return;
      }
      ({ accepted } = await this.review.acceptMany(caller, cycleId, selected));
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.review.bulkRefused);
      const html = await this.confirmPage(
        caller,
        page,
        cycleId,
        { ...dto, unit: body.unit },
        refusal,
      );
      sendPage(res, html, 422);
      return;
    }
    seeOther(res, await this.queueAfter(caller, cycleId, dto, `bulkAccepted=${accepted}`));
  }

  private async cycleAndStudy(caller: CallerContext, cycleId: string) {
    const cycle = await this.studies.getCycle(caller.actor, cycleId);
    const study = await this.studies.getStudy(caller.actor, cycle.studyId);
    return { cycle, study };
  }

  /** The queue with its filters as they were, and the notice of what just happened. */
  private async queueAfter(
    caller: CallerContext,
    cycleId: string,
    dto: ReviewQueueQueryDto,
    notice: string,
  ): Promise<string> {
    const cycle = await this.studies.getCycle(caller.actor, cycleId);
    const query = this.queryOf(dto, cycle);
    const kept = reviewQueryString(query, defaultReviewState(cycle));
    return `${pagePaths.review(cycleId)}${kept === '' ? '?' : `${kept}&`}${notice}`;
  }

  private queryOf(
    dto: ReviewQueueQueryDto,
    cycle: { state: 'open' | 'closed' | 'published' },
  ): ReviewQueueQuery {
    return reviewQuery({ ...dto, state: dto.state ?? defaultReviewState(cycle) });
  }

  private async unitPage(
    caller: CallerContext,
    page: PageContext,
    cycleId: string,
    unitId: string,
    dto: ReviewQueueQueryDto,
    form: ReviewForm | null,
  ): Promise<string> {
    const comparison = await this.review.compare(caller, cycleId, unitId);
    const { cycle, study } = await this.cycleAndStudy(caller, cycleId);
    const model = reviewUnitPageModel(
      { cycle, study, comparison },
      page,
      this.queryOf(dto, cycle),
      form,
    );
    return this.pages.render(page, 'review/unit', model);
  }

  private async confirmPage(
    caller: CallerContext,
    page: PageContext,
    cycleId: string,
    dto: BulkSelectionDto,
    refusal: FormRefusal | null,
  ): Promise<string> {
    const selected = parseSelection(dto.unit);
    const items = await this.review.selection(
      caller,
      cycleId,
      selected.map((s) => s.unitId),
    );
    const { cycle, study } = await this.cycleAndStudy(caller, cycleId);
    const model = bulkConfirmModel(
      {
        cycle,
        study,
        eligible: items.filter((item) => item.bulkAcceptable),
        selected: selected.length,
      },
      page,
      this.queryOf(dto, cycle),
      refusal,
    );
    return this.pages.render(page, 'review/confirm', model);
  }
}
