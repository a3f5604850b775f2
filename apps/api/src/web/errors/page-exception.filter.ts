import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
} from '@nestjs/common';
import { DomainError, DomainErrorCode, Problem } from '@app/domain';
import { unreachableDependency } from '@app/jobs';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainExceptionFilter, statusFor } from '../../common/domain-exception.filter';
import { requestLanguage } from '../../common/request-context';
import { isPagePath, loginPathFor, safeNextPath } from '../page-paths';
import { FormExpiredError } from '../session/csrf';
import type { SessionRequest } from '../session/web-session.service';
import { pageContextOf } from '../views/page-context';
import { PageRenderer } from '../views/page-renderer';
import type { ErrorPageTexts, ErrorTexts } from './errors.texts';
import { unavailableMessage } from '@app/application';

/** An error as a page shows it. */
interface ErrorPage {
  status: number;
  texts: (t: ErrorTexts) => ErrorPageTexts;
  /** The service's own sentence (already in the caller's language), where it helps. */
  detail: string | null;
  problems: Problem[];
  errorId: string | null;
}

function isClientHttpError(e: unknown): e is { status: number; message: string } {
  const candidate = e as { status?: unknown; expose?: unknown } | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.expose === true &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

function textsForStatus(status: number): (t: ErrorTexts) => ErrorPageTexts {
  switch (status) {
    case 404:
      return (t) => t.notFound;
    case 403:
      return (t) => t.forbidden;
    case 429:
      return (t) => t.tooManyRequests;
    case 409:
    case 422:
      return (t) => t.conflict;
    case 503:
      return (t) => t.serviceUnavailable;
    default:
      return status >= 500 ? (t) => t.serverError : (t) => t.badRequest;
  }
}

/**
 * The one exception filter of the api. API requests get the JSON errors of
 * DomainExceptionFilter, unchanged; page requests get pages a person can act on: a 404 and a
 * 403 page, "the form expired" for a refused CSRF token, a redirect to the sign-in (and back
 * afterwards) when the session is missing or expired, and for anything unexpected a 500 page
 * with an error id only (the error is logged under that id).
 */
@Catch()
@Injectable()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly api: DomainExceptionFilter,
    private readonly pages: PageRenderer,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<SessionRequest & { id?: unknown }>();
    const response = http.getResponse<Response>();
    if (!isPagePath(request.path)) {
      this.api.catch(exception, host);
      return;
    }
    if (response.headersSent) {
      this.logger.error({ err: exception }, `Error after the response began on ${request.url}`);
      response.end();
      return;
    }
    if (this.needsSignIn(exception, request)) {
      response.redirect(303, loginPathFor(this.returnPath(request)));
      return;
    }
    const page = this.errorPage(exception, request);
    if (page.status === 503) {
      // A session that could not be stored (Redis down) gets no cookie: it does not exist.
      Reflect.deleteProperty(request, 'session');
    }
    response.status(page.status).type('html');
    try {
      const context = pageContextOf(request);
      const texts = page.texts(context.texts.errors);
      response.send(
        this.pages.render(context, 'errors/error', {
          title: texts.title,
          text: texts.text,
          status: page.status,
          detail: page.detail,
          problems: page.problems,
          errorId: page.errorId,
          backHref: this.backHref(request),
        }),
      );
    } catch (renderError: unknown) {
      // The error page itself failed (a broken template): plain text, still with an id.
      const errorId = page.errorId ?? randomUUID();
      this.logger.error({ errorId, err: renderError }, `Error page failed ${errorId}`);
      response.status(500).type('text').send(`Internal error. Error id: ${errorId}`);
    }
  }

  /**
   * Sign-in first: a page that needs a session got none (or an expired one). A page that does
   * not exist is a sign-in too for a visitor, so that which pages exist is not told to
   * strangers and a bookmarked deep link still leads back after the sign-in.
   */
  private needsSignIn(exception: unknown, request: SessionRequest): boolean {
    if (exception instanceof DomainError && exception.code === DomainErrorCode.Unauthenticated) {
      return true;
    }
    const notFound =
      (exception instanceof DomainError && exception.code === DomainErrorCode.NotFound) ||
      (exception instanceof HttpException && exception.getStatus() === 404);
    return notFound && !request.session?.user && request.method === 'GET';
  }

  /** Where to return after the sign-in: the page itself, or for a form the page it was on. */
  private returnPath(request: SessionRequest): string {
    if (request.method === 'GET' || request.method === 'HEAD') {
      return request.originalUrl;
    }
    return this.backHref(request) ?? '/';
  }

  /** The page the person came from, if it was one of ours. */
  private backHref(request: SessionRequest): string | null {
    const referer = request.headers.referer;
    if (typeof referer !== 'string') {
      return null;
    }
    try {
      const url = new URL(referer);
      if (url.host !== request.headers.host) {
        return null;
      }
      const path = safeNextPath(`${url.pathname}${url.search}`);
      return path === request.originalUrl && request.method === 'GET' ? null : path;
    } catch {
      return null;
    }
  }

  private errorPage(exception: unknown, request: SessionRequest & { id?: unknown }): ErrorPage {
    const page = (status: number, detail: string | null = null, problems: Problem[] = []) => ({
      status,
      texts: textsForStatus(status),
      detail,
      problems,
      errorId: null,
    });
    if (exception instanceof FormExpiredError) {
      return { ...page(HttpStatus.FORBIDDEN), texts: (t) => t.formExpired };
    }
    if (exception instanceof DomainError) {
      const status = statusFor(exception.code);
      // A 403 or 404 page says what it says without the service's sentence, which may name ids.
      const detail =
        status === 403 || status === 404 ? null : exception.messageIn(requestLanguage(request));
      return page(status, detail, exception.problemsIn(requestLanguage(request)));
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return page(exception.getStatus());
    }
    if (isClientHttpError(exception)) {
      return page(exception.status);
    }
    const dependency = unreachableDependency(exception);
    if (dependency !== null) {
      this.logger.warn(`${request.method} ${request.path}: ${dependency} unreachable`);
      return page(
        HttpStatus.SERVICE_UNAVAILABLE,
        unavailableMessage(dependency, requestLanguage(request)),
      );
    }
    const errorId = randomUUID();
    this.logger.error(
      { errorId, requestId: request.id, err: exception },
      `Unhandled error ${errorId} on ${request.method} ${request.path}`,
    );
    return { ...page(HttpStatus.INTERNAL_SERVER_ERROR), errorId };
  }
}
