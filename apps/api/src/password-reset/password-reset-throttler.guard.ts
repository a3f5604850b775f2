import { Injectable } from '@nestjs/common';
import type { LocalizedMessage } from '@app/domain';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { PASSWORD_RESET_TEXTS } from '@app/application';

/**
 * Counts reset requests per client address and e-mail address like sign-in attempts (on a
 * count of their own), so that nobody floods a mailbox with reset links; the 429 says so in
 * the reader's language.
 */
@Injectable()
export class PasswordResetThrottlerGuard extends LoginThrottlerGuard {
  protected override readonly tooManyRequests: LocalizedMessage =
    PASSWORD_RESET_TEXTS.tooManyRequests;
}
