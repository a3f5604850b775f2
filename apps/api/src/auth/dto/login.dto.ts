import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** The user's e-mail address. */
  @ApiProperty({ example: 'publisher@demo.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** The user's password. */
  @ApiProperty({ example: 'cockpit-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'JWT to send as "Authorization: Bearer <token>"' })
  accessToken!: string;

  @ApiProperty({ description: 'Lifetime of the token in seconds' })
  expiresIn!: number;
}

export class MeDto {
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ nullable: true, type: String }) apiKeyId!: string | null;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: ['platform', 'publisher', 'company'] }) organisationKind!: string;
  @ApiProperty() role!: string;
}
