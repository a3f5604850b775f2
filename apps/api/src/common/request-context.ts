import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CallerContext, Language } from '@app/application';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { isPagePath } from '../web/page-paths';

export type { CallerContext, Language } from '@app/application';

/** The languages of the product, in the order the pages' language switch lists them. */
export const LANGUAGES: readonly Language[] = ['de', 'en'];

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The first of de or en that the request's Accept-Language names; English otherwise. */
export function languageOf(header: string | undefined): Language {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((t) => t.tag && !Number.isNaN(t.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('de')) {
      return 'de';
    }
    if (tag.startsWith('en')) {
      return 'en';
    }
  }
  return 'en';
}

/** The cookie that holds the language a person chose with the pages' language switch. */
export const LANGUAGE_COOKIE = 'lang';

/** What `requestLanguage` reads of a request (an Express request, or a plain object in tests). */
export interface LanguageSource {
  path: string;
  headers: { 'accept-language'?: string };
  cookies?: Record<string, unknown>;
}

/**
 * The language of a request: on a page, the one chosen with the language switch (the `lang`
 * cookie), otherwise the Accept-Language header. The JSON API goes by the header only, so that
 * a cookie set by the pages never changes what an API client gets.
 */
export function requestLanguage(request: LanguageSource): Language {
  if (isPagePath(request.path)) {
    const chosen = request.cookies?.[LANGUAGE_COOKIE];
    if (isLanguage(chosen)) {
      return chosen;
    }
  }
  return languageOf(request.headers['accept-language']);
}

/** The caller of an authenticated endpoint with its language and request id, in one parameter. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CallerContext => {
  const request = ctx
    .switchToHttp()
    .getRequest<Request & AuthenticatedRequest & { id?: unknown }>();
  if (!request.actor) {
    throw new Error('Caller used on an endpoint without authentication');
  }
  return {
    actor: request.actor,
    language: requestLanguage(request),
    requestId: typeof request.id === 'string' ? request.id : null,
  };
});
