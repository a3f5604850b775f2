import { Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';

/**
 * Counts login attempts per client address and e-mail address, so that one attacker cannot
 * lock out everybody behind a shared proxy and a spread attack on one account is still slowed.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req.body ?? {}) as { email?: unknown };
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${String(req.ip)}|${email}`);
  }

  protected override throwThrottlingException(): Promise<void> {
    throw new ThrottlerException(
      'Too many sign-in attempts for this e-mail address. Wait a minute and try again.',
    );
  }
}
