import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INVITATION_STATES, ROLES, type InvitationState, type Role } from '@app/domain';
import {
  CONTACT_LANGUAGES,
  type ContactLanguage,
  type InviteeInput,
  type CompanyInvitationInput,
  type ColleagueInvitationInput,
  type InvitationView,
} from '@app/application';

/** The person an invitation is for. */
export class InviteeDto implements InviteeInput {
  @ApiProperty({ example: 'anna.berger@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Berger' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** The language of the invitation's mail and of the account's later mails. */
  @ApiProperty({ enum: CONTACT_LANGUAGES })
  @IsIn(CONTACT_LANGUAGES)
  language!: ContactLanguage;
}

/**
 * A publisher invites a company's first contact to a study. The company is one the publisher
 * knows (`companyId`), or, by name, one of its studies' participants or a new one.
 */
export class InviteCompanyDto extends InviteeDto implements CompanyInvitationInput {
  /** An existing company; leave out to name the company instead. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  companyId?: string;

  /**
   * The company's name, when no `companyId` is given: a company of that name among the
   * participants of the publisher's studies is invited, otherwise a new company is created.
   */
  @ApiPropertyOptional({ example: 'Kundenservice AG' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  companyName?: string;
}

/** A company admin invites a colleague. */
export class InviteColleagueDto extends InviteeDto implements ColleagueInvitationInput {
  @ApiProperty({ enum: ['company_editor', 'company_viewer'] })
  @IsIn(['company_editor', 'company_viewer'])
  role!: Extract<Role, 'company_editor' | 'company_viewer'>;
}

/** Following an invitation's link: the token and the invitee's password. */
export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token of the link in the mail', minLength: 43, maxLength: 43 })
  @IsString()
  @MaxLength(200)
  token!: string;

  /** The invitee's password, by the rule of new users and password resets. */
  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

/** An invitation as its sender and the operator see it; never its token. */
export class InvitationDto implements InvitationView {
  @ApiProperty() id!: string;
  /** The organisation that sent it. */
  @ApiProperty() senderId!: string;
  /** The organisation the invitee joins. */
  @ApiProperty() organisationId!: string;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({ nullable: true, type: String }) studyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) studyName!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: CONTACT_LANGUAGES }) language!: ContactLanguage;
  /** Derived from its times when it is read. */
  @ApiProperty({ enum: INVITATION_STATES }) state!: InvitationState;
  @ApiProperty() createdAt!: string;
  /** When its current link was sent. */
  @ApiProperty() sentAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}
