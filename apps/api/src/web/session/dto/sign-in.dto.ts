import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The sign-in form. Every field is optional here: an empty field is shown at the form in the
 * person's language, not refused by the validation pipe as a bad request.
 */
export class SignInDto {
  /** The e-mail address of the account. */
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  /** The password, checked by AuthService.login. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  /** The local path to return to after sign-in (see safeNextPath). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}
