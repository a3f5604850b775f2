import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '@app/application';

export class PasswordResetRequestDto {
  /** The e-mail address of the account whose password is forgotten. */
  @ApiProperty({ example: 'company1@demo.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetRequestedDto {
  @ApiProperty({
    description:
      'The same answer whether the address has an account or not; the link, if any, goes by e-mail and is valid for one hour',
  })
  message!: string;
}

export class PasswordResetConfirmDto {
  /** The token of the reset link (its `token` query parameter). */
  @ApiProperty({ description: 'The token of the link in the mail', minLength: 43, maxLength: 43 })
  @IsString()
  @MaxLength(200)
  token!: string;

  /** The new password. */
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
