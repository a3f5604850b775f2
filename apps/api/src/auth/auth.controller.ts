import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Action, Actor } from '@app/domain';
import { API } from '../common/api-path';
import { CurrentActor, Public, UseCase } from './auth.decorators';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto, MeDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller(`${API}/auth`)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this e-mail address' })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @UseCase(Action.AccountRead)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): MeDto {
    return {
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
      organisationId: actor.tenantId,
      organisationKind: actor.organisationKind,
      role: actor.role,
    };
  }
}
