import { Injectable } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';

/**
 * Counts reset requests per client address and e-mail address like sign-in attempts (on a
 * count of their own), so that nobody floods a mailbox with reset links.
 */
@Injectable()
export class PasswordResetThrottlerGuard extends LoginThrottlerGuard {
  protected override throwThrottlingException(): Promise<void> {
    throw new ThrottlerException(
      'Too many password reset requests for this e-mail address. Wait a minute and try again.',
    );
  }
}
