import type { AppConfig } from '@app/config';
import { createHmac } from 'node:crypto';

/** The web session's settings, derived from the api's configuration. */
export interface WebSettings {
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Prefix of the session keys in Redis (`<REDIS_PREFIX>:session:`). */
  sessionKeyPrefix: string;
  /** A session nobody used for this long ends: the person signs in again. */
  idleMs: number;
  /** A session ends this long after sign-in however busy it is. */
  absoluteMs: number;
  /** Sign-in attempts per minute for one e-mail address from one client address. */
  signInAttemptsPerMinute: number;
}

/** The injection token of the `WebSettings`. */
export const WEB_SETTINGS = Symbol('WEB_SETTINGS');

/** The name of the session cookie. */
export const SESSION_COOKIE = 'cockpit_session';

/** Long enough for a questionnaire with breaks, short enough for a shared office computer. */
const IDLE_MS = 2 * 60 * 60 * 1000;
/** A working day: every morning begins with a fresh sign-in. */
const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/**
 * The session secret is derived from JWT_SECRET (HMAC with a fixed label) rather than being a
 * setting of its own: every deployment, the launcher's generated secrets included, has it
 * already, and the derivation keeps the two keys distinct, so a session cookie's signature
 * says nothing about the token key.
 */
export function webSettingsOf(
  config: Pick<AppConfig, 'JWT_SECRET' | 'REDIS_PREFIX' | 'LOGIN_ATTEMPTS_PER_MINUTE'>,
): WebSettings {
  return {
    sessionSecret: createHmac('sha256', config.JWT_SECRET)
      .update('benchmark-cockpit web session cookie v1')
      .digest('base64url'),
    sessionKeyPrefix: `${config.REDIS_PREFIX}:session:`,
    idleMs: IDLE_MS,
    absoluteMs: ABSOLUTE_MS,
    signInAttemptsPerMinute: config.LOGIN_ATTEMPTS_PER_MINUTE,
  };
}
