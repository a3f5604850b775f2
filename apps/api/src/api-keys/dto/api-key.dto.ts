import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { API_KEY_SCOPES, ROLES, type ApiKeyScope, type Role } from '@app/domain';
import { type ApiKeyView, type CreatedApiKey } from '@app/application';

export class CreateApiKeyDto {
  /** What the key is for, e.g. "ERP export". */
  @ApiProperty({ example: 'Nightly ERP export' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  /** The role the key acts with; one of the roles of the caller's organisation. */
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES.filter((r) => r !== 'platform_admin'))
  role!: Role;

  /**
   * What the key may do besides acting in its role: `api_keys:create` and `users:create`
   * make further credentials. None by default, so that revoking a leaked key contains it.
   */
  @ApiPropertyOptional({ enum: API_KEY_SCOPES, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes?: ApiKeyScope[];
}

export class ApiKeyDto implements ApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: ApiKeyScope[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto implements CreatedApiKey {
  /** The full key. It is shown once and never stored in clear. */
  @ApiProperty() key!: string;
}
