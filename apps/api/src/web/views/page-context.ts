import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { OrganisationKind, Role } from '@app/domain';
import { Language, requestLanguage } from '../../common/request-context';
import { CSRF_FIELD, csrfTokenOf } from '../session/csrf';
import type { SessionRequest } from '../session/web-session.service';
import { pageTexts, PageTexts } from './page-texts';

/** The signed-in person as the page header shows them. */
export interface PageUser {
  name: string;
  email: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
}

/**
 * What every page needs of its request besides its own model: the language (and its words),
 * the signed-in person, the current path (for the language switch and sign-in returns) and the
 * session's CSRF token for its forms.
 */
export interface PageContext {
  language: Language;
  /** The words of the pages in `language`: `page.texts.home.title`. */
  texts: PageTexts;
  /** Path and query of the request, e.g. `/studies/1?tab=cycles`. */
  path: string;
  /** null when nobody is signed in. */
  user: PageUser | null;
  /** The session's CSRF token, made on first use (templates use `{{csrfField}}`). */
  csrfToken(): string;
}

/**
 * Path and query of a request without a CSRF token (an upload form sends it in its action's
 * query), so that the token never ends up in a link of the page.
 */
function pathOf(originalUrl: string): string {
  if (!originalUrl.includes(`${CSRF_FIELD}=`)) {
    return originalUrl;
  }
  const url = new URL(originalUrl, 'http://cockpit.invalid');
  url.searchParams.delete(CSRF_FIELD);
  return `${url.pathname}${url.search}`;
}

/** The page context of an Express request that went through the session middleware. */
export function pageContextOf(request: SessionRequest): PageContext {
  const language = requestLanguage(request);
  const user = request.session?.user;
  return {
    language,
    texts: pageTexts(language),
    path: pathOf(request.originalUrl),
    user: user
      ? {
          name: user.name,
          email: user.email,
          organisationName: user.organisationName,
          organisationKind: user.organisationKind,
          role: user.role,
        }
      : null,
    csrfToken: () => {
      if (!request.session) {
        throw new Error(`no session on ${request.path}: a form needs a page path with a session`);
      }
      return csrfTokenOf(request.session);
    },
  };
}

/**
 * The page context of the request, for page controllers:
 * `home(@Caller() caller: CallerContext, @Page() page: PageContext)`.
 */
export const Page = createParamDecorator((_: unknown, ctx: ExecutionContext): PageContext =>
  pageContextOf(ctx.switchToHttp().getRequest<SessionRequest>()),
);
