import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { DomainError, DomainErrorCode, LocalizedMessage, Problem } from '@app/domain';
import { unreachableDependency } from '@app/jobs';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { requestLanguage } from './request-context';
import { unavailableMessage } from '@app/application';

/** The HTTP status of each domain error code; the switch is exhaustive by lint. */
export function statusFor(code: DomainErrorCode): number {
  switch (code) {
    case DomainErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case DomainErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case DomainErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case DomainErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case DomainErrorCode.InvalidState:
      return HttpStatus.CONFLICT;
    case DomainErrorCode.ValidationFailed:
    case DomainErrorCode.CatalogueInvalid:
    case DomainErrorCode.FormulaInvalid:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case DomainErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case DomainErrorCode.BadRequest:
      return HttpStatus.BAD_REQUEST;
    case DomainErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  problems?: Problem[];
  requestId?: string;
}

/** The largest JSON body the api accepts. */
export const JSON_BODY_LIMIT = '1mb';

function isClientHttpError(e: unknown): e is { status: number; message: string } {
  const candidate = e as { status?: unknown; expose?: unknown } | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.expose === true &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/** The filter's own sentences, in the request's language. */
const TEXTS = {
  duplicate: {
    de: 'Ein Datensatz mit diesen Werten existiert schon.',
    en: 'A record with these values exists already.',
  },
  missingReference: {
    de: 'Ein referenzierter Datensatz existiert nicht.',
    en: 'A referenced record does not exist.',
  },
  bodyTooLarge: {
    de: `Der Inhalt der Anfrage ist größer als die Grenze von ${JSON_BODY_LIMIT}.`,
    en: `The request body is larger than the limit of ${JSON_BODY_LIMIT}.`,
  },
  internal: (errorId: string): LocalizedMessage => ({
    de: `Ein interner Fehler ist aufgetreten. Nennen Sie die Fehler-Id ${errorId}, wenn Sie den Support kontaktieren.`,
    en: `An internal error occurred. Quote error id ${errorId} when you contact support.`,
  }),
} as const;

/** PostgreSQL error codes that are the client's fault, not ours. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/**
 * One place that turns whatever a request threw into a response. Domain errors keep their code
 * and problems; an unexpected error is logged with an error id and only that id is returned.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception, request);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request & { id?: unknown }): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusFor(exception.code);
      return {
        statusCode,
        error: exception.code,
        message: exception.messageIn(requestLanguage(request)),
        ...(exception.problems.length > 0
          ? { problems: exception.problemsIn(requestLanguage(request)) }
          : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const fromPayload = typeof payload === 'object' && payload !== null ? payload : {};
      // Nest's exceptions name the error in a string; others (a health check's) put an object.
      const named = (fromPayload as { error?: unknown }).error;
      return {
        statusCode,
        error: (typeof named === 'string' ? named : (HttpStatus[statusCode] ?? 'error'))
          .toLowerCase()
          .replace(/ /g, '_'),
        message: (fromPayload as { message?: string }).message ?? exception.message,
        ...((fromPayload as { problems?: Problem[] }).problems
          ? { problems: (fromPayload as { problems: Problem[] }).problems }
          : {}),
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === PG_UNIQUE_VIOLATION) {
        return {
          statusCode: HttpStatus.CONFLICT,
          error: DomainErrorCode.Conflict,
          message: TEXTS.duplicate[requestLanguage(request)],
        };
      }
      if (code === PG_FOREIGN_KEY_VIOLATION) {
        return {
          statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
          error: DomainErrorCode.ValidationFailed,
          message: TEXTS.missingReference[requestLanguage(request)],
        };
      }
    }
    if (isClientHttpError(exception)) {
      // body-parser's refusals (malformed JSON, a body over the limit) arrive here untyped.
      return {
        statusCode: exception.status,
        error: (HttpStatus[exception.status] ?? 'bad_request').toLowerCase(),
        message:
          exception.status === 413
            ? TEXTS.bodyTooLarge[requestLanguage(request)]
            : exception.message,
      };
    }
    const dependency = unreachableDependency(exception);
    if (dependency !== null) {
      // Nothing is wrong with the request: a 503 that says what is missing, not an error id.
      this.logger.warn(`${request.method} ${request.url}: ${dependency} unreachable`);
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: DomainErrorCode.ServiceUnavailable,
        message: unavailableMessage(dependency, requestLanguage(request)),
      };
    }
    const errorId = randomUUID();
    this.logger.error(
      { errorId, requestId: request.id, err: exception },
      `Unhandled error ${errorId} on ${request.method} ${request.url}`,
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'internal_error',
      message: TEXTS.internal(errorId)[requestLanguage(request)],
    };
  }
}
