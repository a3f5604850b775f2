import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { WEB_SETTINGS, WebSettings } from '../web-settings';

const MINUTE_MS = 60_000;

/**
 * The sign-in form's rate limit: LOGIN_ATTEMPTS_PER_MINUTE attempts per client address and
 * e-mail address, counted in the throttler's Redis storage like the API's login (see
 * LoginThrottlerGuard), so that every api instance shares the count. The form counts on its own
 * key rather than through the guard, because a refusal must show at the form, in the
 * person's language, not as an error page.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(WEB_SETTINGS) private readonly settings: WebSettings,
  ) {}

  /** Counts an attempt; false when the client is over the limit for this e-mail address. */
  async allow(clientAddress: string | undefined, email: string): Promise<boolean> {
    const tracker = `${clientAddress ?? ''}|${email.trim().toLowerCase()}`;
    const key = createHash('sha256').update(`web-sign-in|${tracker}`).digest('hex');
    const { isBlocked } = await this.storage.increment(
      key,
      MINUTE_MS,
      this.settings.signInAttemptsPerMinute,
      // Like the guard's default: over the limit, the client waits out one window.
      MINUTE_MS,
      'web-sign-in',
    );
    return !isBlocked;
  }
}
