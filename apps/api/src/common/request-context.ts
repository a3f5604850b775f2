import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/domain';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

export type Language = 'de' | 'en';

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

/** Who asks, in which language, under which request id: what the audit trail records. */
export interface CallerContext {
  actor: Actor;
  language: Language;
  requestId: string | null;
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
    language: languageOf(request.headers['accept-language']),
    requestId: typeof request.id === 'string' ? request.id : null,
  };
});
