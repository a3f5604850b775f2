import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action, Actor } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { CycleCompletionDto, RemindersSentDto, SendRemindersDto } from './dto/deadline.dto';
import { DeadlinesService } from '@app/application';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller(`${API}/cycles/:cycleId`)
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get('completion')
  @UseCase(Action.CycleCompletionRead)
  @ApiOkResponse({ type: CycleCompletionDto })
  completion(
    @CurrentActor() actor: Actor,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
  ): Promise<CycleCompletionDto> {
    return this.deadlines.completion(actor, cycleId);
  }

  @Post('reminders')
  @HttpCode(200)
  @UseCase(Action.ReminderSend)
  @ApiOkResponse({ type: RemindersSentDto })
  @ApiConflictResponse({ description: 'the unit (every unit) was reminded within the last hour' })
  remind(
    @CurrentActor() actor: Actor,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: SendRemindersDto,
  ): Promise<RemindersSentDto> {
    return this.deadlines.remind(actor, cycleId, body, new Date());
  }
}
