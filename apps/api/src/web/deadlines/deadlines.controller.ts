import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode } from '@app/domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { DeadlinesPageForm, deadlinesPageModel } from './deadlines-page.model';
import { DEADLINES_TEXTS } from './deadlines.texts';
import { CompletionQueryDto, DeadlineFormDto, ReminderFormDto } from './dto/deadline-forms.dto';
import { DeadlinesService, StudiesService } from '@app/application';

/** Whole numbers separated by commas (and spaces), as the reminder days are typed. */
const OFFSETS = /^\s*[+-]?\d{1,4}(\s*,\s*[+-]?\d{1,4})*\s*$/;

/**
 * A cycle's completion for its publisher: the deadline and reminder days with their form, each
 * unit's state and last reminder, and reminders now, through DeadlinesService and
 * StudiesService as in the API.
 */
@ApiExcludeController()
@Controller()
export class DeadlinesPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly deadlines: DeadlinesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('cycles/:cycleId/completion')
  @UseCase(Action.CycleCompletionRead)
  show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Query() query: CompletionQueryDto,
  ): Promise<string> {
    const t = page.texts.deadlines;
    const notice =
      query.deadline === 'saved'
        ? t.deadlineSaved
        : query.reminded !== undefined
          ? fill(t.reminded, { count: query.reminded })
          : undefined;
    return this.completionPage(caller, page, cycleId, { notice });
  }

  @Post('cycles/:cycleId/deadline')
  @UseCase(Action.CycleUpdate)
  async setDeadline(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Body() body: DeadlineFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.deadlines;
    const typedOffsets = body.reminderOffsets ?? '';
    const typedDeadline = (body.submissionDeadline ?? '').trim();
    try {
      if (!OFFSETS.test(typedOffsets)) {
        const message = {
          de: DEADLINES_TEXTS.de.offsetsNotNumbers,
          en: DEADLINES_TEXTS.en.offsetsNotNumbers,
        };
        throw new DomainError(DomainErrorCode.ValidationFailed, message, [
          { key: 'reminderOffsets', rule: 'reminder_offsets', message },
        ]);
      }
      await this.studies.updateCycle(caller.actor, cycleId, {
        submissionDeadline: typedDeadline === '' ? null : typedDeadline,
        reminderOffsets: typedOffsets.split(',').map((offset) => Number(offset.trim())),
      });
    } catch (error: unknown) {
      const form: DeadlinesPageForm = {
        form: 'deadline',
        submissionDeadline: typedDeadline,
        reminderOffsets: typedOffsets,
        refusal: refusalOf(error, page.language, t.deadlineRefused),
      };
      sendPage(res, await this.completionPage(caller, page, cycleId, { form }), 422);
      return;
    }
    seeOther(res, `${pagePaths.cycleCompletion(cycleId)}?deadline=saved`);
  }

  @Post('cycles/:cycleId/reminders')
  @UseCase(Action.ReminderSend)
  async remind(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('cycleId', PageIdPipe) cycleId: string,
    @Body() body: ReminderFormDto,
    @Res() res: Response,
  ): Promise<void> {
    let reminded: number;
    try {
      const sent = await this.deadlines.remind(caller.actor, cycleId, body, new Date());
      reminded = sent.reminded.length;
    } catch (error: unknown) {
      const form: DeadlinesPageForm = {
        form: 'reminder',
        refusal: refusalOf(error, page.language, page.texts.deadlines.remindRefused),
      };
      sendPage(res, await this.completionPage(caller, page, cycleId, { form }), 422);
      return;
    }
    seeOther(res, `${pagePaths.cycleCompletion(cycleId)}?reminded=${reminded}`);
  }

  private async completionPage(
    caller: CallerContext,
    page: PageContext,
    cycleId: string,
    options: { form?: DeadlinesPageForm; notice?: string },
  ): Promise<string> {
    const completion = await this.deadlines.completion(caller.actor, cycleId);
    const cycle = await this.studies.getCycle(caller.actor, cycleId);
    const study = await this.studies.getStudy(caller.actor, cycle.studyId);
    const model = deadlinesPageModel(
      { cycle, study, completion, requestId: randomUUID() },
      page,
      options,
    );
    return this.pages.render(page, 'deadlines/completion', model);
  }
}
