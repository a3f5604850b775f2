import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { LocalizedMessage } from '@app/domain';
import type { Request } from 'express';
import { requestLanguage } from '../common/request-context';

const TOO_MANY_ATTEMPTS = {
  de: 'Zu viele Anmeldeversuche für diese E-Mail-Adresse. Warten Sie eine Minute und versuchen Sie es erneut.',
  en: 'Too many sign-in attempts for this e-mail address. Wait a minute and try again.',
} as const;

/**
 * Counts login attempts per client address and e-mail address, so that one attacker cannot
 * lock out everybody behind a shared proxy and a spread attack on one account is still slowed.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  /** The 429's sentence in both languages; the reader's is shown. */
  protected readonly tooManyRequests: LocalizedMessage = TOO_MANY_ATTEMPTS;

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req.body ?? {}) as { email?: unknown };
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${String(req.ip)}|${email}`);
  }

  protected override throwThrottlingException(context: ExecutionContext): Promise<void> {
    const request = context.switchToHttp().getRequest<Request>();
    throw new ThrottlerException(this.tooManyRequests[requestLanguage(request)]);
  }
}
