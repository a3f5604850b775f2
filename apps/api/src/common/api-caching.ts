import type { NextFunction, Request, Response } from 'express';
import { API } from './api-path';

const PREFIX = `/${API}/`;

/**
 * Every answer of the JSON API is the caller's own (private: no shared cache may keep it), and
 * a client keeping one asks again before using it (no-cache). The revalidation is cheap: Express
 * tags each body (a weak ETag), answers 304 without the body when the client's tag still
 * matches, and the handler (with every access check) has run either way, so a revoked access is
 * refused at once and a changed body is never taken for the kept one.
 */
export function apiCaching(request: Request, response: Response, next: NextFunction): void {
  if (request.path.startsWith(PREFIX)) {
    response.setHeader('Cache-Control', 'private, no-cache');
  }
  next();
}
