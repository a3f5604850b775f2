import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RedisStore } from 'connect-redis';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import Redis from 'ioredis';
import { usesSession } from '../page-paths';
import { SESSION_COOKIE, WEB_SETTINGS, WebSettings } from '../web-settings';
import './session-data';

/** The injection token of the Redis connection the sessions are kept in. */
export const SESSION_REDIS = Symbol('SESSION_REDIS');

/** A Redis connection of the sessions alone, closed with the application. */
export class SessionRedis extends Redis implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => undefined);
  }
}

/**
 * The session middleware of the pages: express-session with its sessions in Redis (nothing in
 * process memory, so any api instance serves any person). The cookie is httpOnly, SameSite=Lax,
 * Secure when the request came over https (directly, or through a proxy TRUST_PROXY names), and
 * lives as long as the idle
 * lifetime from the last request (`rolling`). Sessions start only when something is stored
 * (a sign-in, a form's CSRF token), so a visitor who reads the 404 page leaves nothing behind.
 */
@Injectable()
export class WebSessionMiddleware {
  private readonly handler: RequestHandler;

  constructor(
    @Inject(SESSION_REDIS) redis: SessionRedis,
    @Inject(WEB_SETTINGS) settings: WebSettings,
  ) {
    this.handler = session({
      name: SESSION_COOKIE,
      secret: settings.sessionSecret,
      store: new RedisStore({
        client: redis,
        prefix: settings.sessionKeyPrefix,
        ttl: Math.ceil(settings.idleMs / 1000),
      }),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      unset: 'destroy',
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
        maxAge: settings.idleMs,
      },
    });
  }

  /**
   * Applies the session to page requests only: the JSON API never reads the cookie (it stays
   * bearer-only, so the cookie cannot be used against it cross-site) and costs no Redis read.
   * Pages are personal: no cache may keep them, the browser's back button after sign-out
   * included.
   */
  readonly use = (request: Request, response: Response, next: NextFunction): void => {
    if (!usesSession(request.path)) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-store');
    this.handler(request, response, next);
  };
}
