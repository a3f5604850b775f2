import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The form that asks for a reset link. Optional here: an empty field is shown at the form in
 * the person's language, not refused by the validation pipe.
 */
export class PasswordResetRequestFormDto {
  /** The e-mail address of the account. */
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;
}

/** The form that sets the new password; the token comes from the link, in a hidden field. */
export class PasswordResetConfirmFormDto {
  /** The token of the reset link. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;

  /** The new password. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  /** The new password again, against typing mistakes. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  passwordRepeat?: string;
}
