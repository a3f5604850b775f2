import { ArgumentsHost, ServiceUnavailableException } from '@nestjs/common';
import { DomainExceptionFilter } from './domain-exception.filter';

/** Runs the filter on an exception and returns the status and body it answered with. */
function answer(exception: unknown, acceptLanguage = 'en'): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const request = {
    method: 'GET',
    url: '/x',
    path: '/api/v1/x',
    headers: { 'accept-language': acceptLanguage },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new DomainExceptionFilter().catch(exception, host);
  return sent;
}

describe('DomainExceptionFilter', () => {
  it('answers an HttpException whose payload names the error in an object with its status', () => {
    // What a failed health check throws: its `error` lists the indicators that are down.
    const exception = new ServiceUnavailableException({
      status: 'error',
      error: { redis: { status: 'down' } },
    });
    expect(answer(exception)).toMatchObject({
      status: 503,
      body: { statusCode: 503, error: 'service_unavailable' },
    });
  });

  it('answers 503 naming the database or Redis when either cannot be reached, in the reader language', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(answer(refused)).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'service_unavailable',
        message: 'The database (PostgreSQL) cannot be reached. Try again in a minute.',
        requestId: undefined,
      },
    });
    const redis = new Error('Reached the max retries per request limit (which is 0).');
    expect((answer(redis, 'de').body as { message: string }).message).toBe(
      'Redis (es reicht Aufträge an den Worker weiter und hält Anmeldungen und Sitzungen) ist nicht erreichbar. Versuchen Sie es in einer Minute erneut.',
    );
  });
});
