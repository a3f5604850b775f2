import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Roles('publisher_admin', 'company_admin')
@Controller(`${API}/api-keys`)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(actor, body.name, body.role, body.scopes ?? []);
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(@CurrentActor() actor: Actor): Promise<ApiKeyDto[]> {
    return this.apiKeys.list(actor);
  }

  @Get(':apiKeyId')
  @ApiOkResponse({ type: ApiKeyDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('apiKeyId', ParseUUIDPipe) id: string,
  ): Promise<ApiKeyDto> {
    return this.apiKeys.get(actor, id);
  }

  @Post(':apiKeyId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('apiKeyId', ParseUUIDPipe) id: string,
  ): Promise<ApiKeyDto> {
    return this.apiKeys.revoke(actor, id);
  }
}
