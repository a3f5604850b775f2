import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action, Actor } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/deadline.dto';
import { NotificationSettingsService } from '@app/application';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller(`${API}/me/notification-preferences`)
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @UseCase(Action.NotificationSettingsRead)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.settings.get(actor);
  }

  @Put()
  @UseCase(Action.NotificationSettingsUpdate)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  update(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.settings.update(actor, body);
  }
}
