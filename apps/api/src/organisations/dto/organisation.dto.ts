import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '@app/domain';
import {
  PASSWORD_MIN_LENGTH,
  type NewUserInput,
  type FirstAdminInput,
  type NewOrganisationInput,
  type OrganisationView,
  type UserView,
  type TenantUserView,
} from '@app/application';

export class NewUserDto implements NewUserInput {
  @ApiProperty({ example: 'anna.berger@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Berger' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** At least 10 characters. */
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(1024)
  password!: string;
}

export class CreateUserDto extends NewUserDto {
  /** A role of the caller's organisation kind. */
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

/**
 * A new organisation's first administrator: with a password, the account is made at once;
 * without one, an invitation is mailed in `language` and the person sets the password.
 */
export class FirstAdminDto implements FirstAdminInput {
  @ApiProperty({ example: 'anna.berger@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Berger' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** At least 10 characters; leave out to invite the administrator by e-mail instead. */
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(1024)
  password?: string;

  /** The language of the invitation's mail (without a password); default German. */
  @ApiPropertyOptional({ enum: ['de', 'en'], default: 'de' })
  @IsOptional()
  @IsIn(['de', 'en'])
  language?: 'de' | 'en';
}

export class CreateOrganisationDto implements NewOrganisationInput {
  @ApiProperty({ enum: ['publisher', 'company'] })
  @IsIn(['publisher', 'company'])
  kind!: Exclude<OrganisationKind, 'platform'>;

  @ApiProperty({ example: 'Kundenservice AG' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** The organisation's first administrator (publisher_admin or company_admin). */
  @ApiProperty({ type: FirstAdminDto })
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin!: FirstAdminDto;
}

export class OrganisationDto implements OrganisationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
  /** Since when its users cannot sign in; null while it is active. */
  @ApiProperty({ nullable: true, type: String }) disabledAt!: string | null;
}

export class UserDto implements UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() createdAt!: string;
}

/** A user of a tenant as the operator sees it. */
export class TenantUserDto extends UserDto implements TenantUserView {
  @ApiProperty({ nullable: true, type: String }) disabledAt!: string | null;
}
