import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageRenderer } from '../views/page-renderer';
import { seeOther } from '../views/page-response';
import {
  NotificationSettingsFormDto,
  NotificationSettingsQueryDto,
} from './dto/notification-settings-form.dto';
import { notificationSettingsPageModel } from './notification-settings-page.model';
import { NotificationSettingsService } from '@app/application';

/** One's optional notifications, switched on and off through NotificationSettingsService. */
@ApiExcludeController()
@Controller()
export class NotificationSettingsPagesController {
  constructor(
    private readonly settings: NotificationSettingsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('settings/notifications')
  @UseCase(Action.NotificationSettingsRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Query() query: NotificationSettingsQueryDto,
  ): Promise<string> {
    const preferences = await this.settings.get(caller.actor);
    const model = notificationSettingsPageModel(preferences, page, query.saved === 'saved');
    return this.pages.render(page, 'notification-settings/settings', model);
  }

  @Post('settings/notifications')
  @UseCase(Action.NotificationSettingsUpdate)
  async save(
    @Caller() caller: CallerContext,
    @Body() body: NotificationSettingsFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.settings.update(caller.actor, {
      submission_digest: body.submission_digest === 'on',
      submission_accepted: body.submission_accepted === 'on',
      report_ready: body.report_ready === 'on',
    });
    seeOther(res, `${pagePaths.notificationSettings()}?saved=saved`);
  }
}
