import { Inject, Injectable } from '@nestjs/common';
import { Actor, asTenantId } from '@app/domain';
import { activeUserRole, setPreferredLanguage, TenantDb, userNames } from '@app/persistence';
import type { Request, Response } from 'express';
import type { Session, SessionData } from 'express-session';
import type { AuthenticatedRequest } from '../../auth/auth.decorators';
import type { Language } from '../../common/request-context';
import { SESSION_COOKIE, WEB_SETTINGS, WebSettings } from '../web-settings';
import './session-data';

/**
 * A page request after the session middleware (every page but the assets has a session) and,
 * once the AuthGuard ran, with the verified actor of a signed-in person.
 */
export type SessionRequest = Request &
  AuthenticatedRequest & { session?: Session & Partial<SessionData> };

/** An express-session callback API as a promise. */
function promised(run: (done: (error?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) =>
    run((error?: unknown) => {
      if (error) {
        reject(error instanceof Error ? error : new Error('the session store failed'));
      } else {
        resolve();
      }
    }),
  );
}

/**
 * The signed-in person of a page request. The session (in Redis, shared by every api instance)
 * holds what `AuthService.authenticate` yields; every request checks it against the users
 * table, so that a disabled user is out at once and a changed role applies at once.
 */
@Injectable()
export class WebSessionService {
  constructor(
    private readonly db: TenantDb,
    @Inject(WEB_SETTINGS) private readonly settings: WebSettings,
  ) {}

  /**
   * Starts a fresh session for the actor that `AuthService.authenticate` established (a new
   * session id, so a session id planted before the sign-in is worthless).
   */
  async signIn(request: SessionRequest, actor: Actor): Promise<void> {
    const session = request.session;
    const userId = actor.userId;
    if (!session || userId === null) {
      throw new Error('signIn needs a page request with a session and a user');
    }
    const names = await this.db.withTenant(actor.tenantId, (m) => userNames(m, userId));
    if (!names) {
      throw new Error(`the signed-in user ${userId} is not readable as its own tenant`);
    }
    await promised((done) => session.regenerate(done));
    // regenerate() replaced request.session with the new session.
    const fresh = request.session;
    fresh.user = {
      userId,
      tenantId: actor.tenantId,
      organisationKind: actor.organisationKind,
      role: actor.role,
      name: names.name,
      email: names.email,
      organisationName: names.organisationName,
      signedInAt: Date.now(),
    };
    await promised((done) => fresh.save(done));
  }

  /** Ends the session: deleted in Redis, cookie cleared. */
  /**
   * Stores the session now rather than as the response ends: a form's CSRF token must be
   * stored before the form is handed out, or the form could never be sent (Redis down).
   */
  async store(request: SessionRequest): Promise<void> {
    const session = request.session;
    if (session) {
      await promised((done) => session.save(done));
    }
  }

  async signOut(request: SessionRequest, response: Response): Promise<void> {
    const session = request.session;
    if (session) {
      await promised((done) => session.destroy(done));
    }
    response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
  }

  /**
   * The actor of the request's session, or null when nobody is signed in, the session is past
   * its absolute lifetime, or the user was disabled or deleted or reset the password since (the
   * session then ends).
   */
  async actorOf(request: SessionRequest): Promise<Actor | null> {
    const user = request.session?.user;
    if (!user) {
      return null;
    }
    if (Date.now() - user.signedInAt > this.settings.absoluteMs) {
      await this.end(request);
      return null;
    }
    // The tenant was established by the sign-in (AuthService.authenticate) that made the session.
    const tenantId = asTenantId(user.tenantId);
    const role = await activeUserRole(this.db, tenantId, user.userId, new Date(user.signedInAt));
    if (role === null) {
      await this.end(request);
      return null;
    }
    // Roles stay within the organisation's kind (rolesFor), so the kind need not be re-read.
    user.role = role;
    return {
      userId: user.userId,
      apiKeyId: null,
      apiKeyScopes: [],
      tenantId,
      organisationKind: user.organisationKind,
      role: user.role,
    };
  }

  /**
   * Keeps the language a signed-in person chose with the language switch as the user's own, so
   * that the mails they are sent (a password reset) are in it too.
   */
  async rememberLanguage(actor: Actor | undefined, language: Language): Promise<void> {
    const userId = actor?.userId;
    if (actor && userId) {
      await this.db.withTenant(actor.tenantId, (m) => setPreferredLanguage(m, userId, language));
    }
  }

  /** Replaces an ended session by an empty one, which a sign-in form can still use. */
  private async end(request: SessionRequest): Promise<void> {
    const session = request.session;
    if (session) {
      await promised((done) => session.regenerate(done));
    }
  }
}
