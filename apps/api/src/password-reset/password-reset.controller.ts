import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import type { Request } from 'express';
import { requestLanguage } from '../common/request-context';
import {
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  PasswordResetRequestedDto,
} from './dto/password-reset.dto';
import { PasswordResetThrottlerGuard } from './password-reset-throttler.guard';
import { PasswordResetService, PASSWORD_RESET_TEXTS } from '@app/application';

@ApiTags('auth')
@Controller(`${API}/auth/password-reset`)
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @UseGuards(PasswordResetThrottlerGuard)
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  @ApiTooManyRequestsResponse({ description: 'Too many requests for this e-mail address' })
  async request(
    @Body() body: PasswordResetRequestDto,
    @Req() request: Request,
  ): Promise<PasswordResetRequestedDto> {
    await this.resets.request(body.email);
    return { message: PASSWORD_RESET_TEXTS.requested[requestLanguage(request)] };
  }

  @Post('confirm')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The password is set; every session and access token of the user has ended',
  })
  @ApiUnprocessableEntityResponse({
    description: 'The token is unknown, expired or used, or the password is too short',
  })
  async confirm(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.resets.complete(body.token, body.password);
  }
}
