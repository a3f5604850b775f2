import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action, type Actor } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { ApiKeysService } from '@app/application';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller(`${API}/api-keys`)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @UseCase(Action.ApiKeyCreate)
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(actor, body.name, body.role, body.scopes ?? []);
  }

  @Get()
  @UseCase(Action.ApiKeyRead)
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(@CurrentActor() actor: Actor): Promise<ApiKeyDto[]> {
    return this.apiKeys.list(actor);
  }

  @Get(':apiKeyId')
  @UseCase(Action.ApiKeyRead)
  @ApiOkResponse({ type: ApiKeyDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('apiKeyId', ParseUUIDPipe) id: string,
  ): Promise<ApiKeyDto> {
    return this.apiKeys.get(actor, id);
  }

  @Post(':apiKeyId/revoke')
  @UseCase(Action.ApiKeyRevoke)
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('apiKeyId', ParseUUIDPipe) id: string,
  ): Promise<ApiKeyDto> {
    return this.apiKeys.revoke(actor, id);
  }
}
