import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

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

/** The language messages of this request are written in. */
export const RequestLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): Language =>
  languageOf(ctx.switchToHttp().getRequest<Request>().headers['accept-language']),
);

/** The request id the logs carry (x-request-id or generated). */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null => {
    const id = ctx.switchToHttp().getRequest<Request & { id?: unknown }>().id;
    return typeof id === 'string' ? id : null;
  },
);
