import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@app/domain';

export class CreateApiKeyDto {
  /** What the key is for, e.g. "ERP export". */
  @ApiProperty({ example: 'Nightly ERP export' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  /** The role the key acts with; one of the roles of the caller's organisation. */
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES.filter((r) => r !== 'platform_admin'), {
    message: 'role must be a publisher or company role',
  })
  role!: Role;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The full key. It is shown once and never stored in clear. */
  @ApiProperty() key!: string;
}
