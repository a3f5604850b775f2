import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { StudiesService } from '../../studies/studies.service';
import { SubmissionsService } from '../../submissions/submissions.service';
import { UnitsService } from '../../units/units.service';
import { refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { ReturnFormDto, ReviewFilter, ReviewQueryDto } from './dto/review-forms.dto';
import { ReviewForm, ReviewNotice, reviewPageModel } from './review-page.model';

/** The longest return comment the API takes (ReturnSubmissionDto). */
const MAX_COMMENT_LENGTH = 4000;

/**
 * The review queue of a cycle: every unit's submission with its warnings and the company's
 * comments on them; a submitted one is accepted, or returned with a comment, through
 * SubmissionsService as in the API.
 */
@ApiExcludeController()
@Controller()
export class ReviewPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly submissions: SubmissionsService,
    private readonly units: UnitsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('cycles/:cycleId/review')
  @UseCase(Action.SubmissionReview)
  queue(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() query: ReviewQueryDto,
  ): Promise<string> {
    const notice: ReviewNotice | undefined = query.accepted
      ? { unitId: query.accepted, outcome: 'accepted' }
      : query.returned
        ? { unitId: query.returned, outcome: 'returned' }
        : undefined;
    return this.reviewPage(caller, page, cycleId, { filter: query.state, notice });
  }

  @Post('cycles/:cycleId/review/units/:unitId/accept')
  @UseCase(Action.SubmissionReview)
  async accept(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.submissions.accept(caller, cycleId, unitId);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.review.refused);
      const form: ReviewForm = { unitId, comment: '', error: null, refusal };
      sendPage(res, await this.reviewPage(caller, page, cycleId, { form }), 422);
      return;
    }
    seeOther(res, `${pagePaths.review(cycleId)}?accepted=${encodeURIComponent(unitId)}`);
  }

  @Post('cycles/:cycleId/review/units/:unitId/return')
  @UseCase(Action.SubmissionReview)
  async returnToCompany(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Param('unitId', PageIdPipe) unitId: string,
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
      sendPage(res, await this.reviewPage(caller, page, cycleId, { form }), 422);
      return;
    }
    try {
      await this.submissions.returnToCompany(caller, cycleId, unitId, comment);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, t.refused);
      const form: ReviewForm = { unitId, comment, error: null, refusal };
      sendPage(res, await this.reviewPage(caller, page, cycleId, { form }), 422);
      return;
    }
    seeOther(res, `${pagePaths.review(cycleId)}?returned=${encodeURIComponent(unitId)}`);
  }

  private async reviewPage(
    caller: CallerContext,
    page: PageContext,
    cycleId: string,
    options: { filter?: ReviewFilter; form?: ReviewForm; notice?: ReviewNotice },
  ): Promise<string> {
    const submissions = await this.submissions.listForCycle(caller, cycleId);
    const cycle = await this.studies.getCycle(caller.actor, cycleId);
    const study = await this.studies.getStudy(caller.actor, cycle.studyId);
    const units = await this.units.listStudyUnits(caller.actor, study.id);
    const participations = await this.studies.listParticipations(caller.actor, study.id);
    const { definition } = await this.studies.getStudyCatalogue(caller.actor, study.id);
    // The queue proper while the cycle is open; afterwards, every submission as it ended. A
    // form that comes back is shown among the submissions in the state its unit's is in.
    const formState = options.form
      ? (submissions.find((s) => s.unitId === options.form?.unitId)?.state ?? 'all')
      : undefined;
    const filter = formState ?? options.filter ?? (cycle.state === 'open' ? 'submitted' : 'all');
    const model = reviewPageModel(
      { cycle, study, submissions, units, participations, catalogue: definition },
      page,
      filter,
      { form: options.form, notice: options.notice },
    );
    return this.pages.render(page, 'review/queue', model);
  }
}
