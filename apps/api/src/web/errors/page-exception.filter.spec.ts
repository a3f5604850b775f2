import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { DomainExceptionFilter } from '../../common/domain-exception.filter';
import { FormExpiredError } from '../session/csrf';
import { PageRenderer } from '../views/page-renderer';
import { PageExceptionFilter } from './page-exception.filter';

interface Answer {
  status?: number;
  type?: string;
  body?: unknown;
  redirect?: { status: number; location: string };
}

function exchange(
  method: string,
  url: string,
  options: { signedIn?: boolean; referer?: string; language?: string } = {},
) {
  const answer: Answer = {};
  const response = {
    headersSent: false,
    status(code: number) {
      answer.status = code;
      return response;
    },
    type(type: string) {
      answer.type = type;
      return response;
    },
    send(body: unknown) {
      answer.body = body;
      return response;
    },
    json(body: unknown) {
      answer.type = 'json';
      answer.body = body;
      return response;
    },
    redirect(status: number, location: string) {
      answer.redirect = { status, location };
    },
  };
  const request = {
    method,
    url,
    originalUrl: url,
    path: url.split('?')[0],
    headers: {
      host: 'cockpit.example',
      'accept-language': options.language ?? 'de-DE',
      ...(options.referer ? { referer: options.referer } : {}),
    },
    cookies: {},
    session: options.signedIn
      ? {
          user: {
            name: 'Ann',
            email: 'ann@example.com',
            organisationName: 'Nordlicht',
            organisationKind: 'company',
            role: 'company_viewer',
          },
        }
      : {},
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, answer };
}

describe('PageExceptionFilter', () => {
  const filter = new PageExceptionFilter(new DomainExceptionFilter(), new PageRenderer());

  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  it('leaves the JSON errors of the API as they are', () => {
    const { host, answer } = exchange('GET', '/api/v1/studies/x');
    filter.catch(new DomainError(DomainErrorCode.NotFound, 'Study x was not found.'), host);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: 'not_found', message: 'Study x was not found.' });
  });

  it('sends a page without a session to the sign-in, with the way back', () => {
    const { host, answer } = exchange('GET', '/cycles/1/review?tab=2');
    filter.catch(new DomainError(DomainErrorCode.Unauthenticated, 'Sign in first.'), host);
    expect(answer.redirect).toEqual({
      status: 303,
      location: '/login?next=%2Fcycles%2F1%2Freview%3Ftab%3D2',
    });
  });

  it('sends a form whose session expired to the sign-in and back to the page it was on', () => {
    const { host, answer } = exchange('POST', '/cycles/1/close', {
      referer: 'http://cockpit.example/cycles/1',
    });
    filter.catch(new DomainError(DomainErrorCode.Unauthenticated, 'Sign in first.'), host);
    expect(answer.redirect?.location).toBe('/login?next=%2Fcycles%2F1');
  });

  it('shows a signed-in person a 404 page in the language, and a visitor the sign-in', () => {
    const signedIn = exchange('GET', '/studies/x', { signedIn: true });
    filter.catch(new NotFoundException(), signedIn.host);
    expect(signedIn.answer.status).toBe(404);
    expect(signedIn.answer.type).toBe('html');
    expect(signedIn.answer.body).toContain('Seite nicht gefunden');
    expect(signedIn.answer.body).toContain('Nordlicht');

    const visitor = exchange('GET', '/studies/x');
    filter.catch(new NotFoundException(), visitor.host);
    expect(visitor.answer.redirect?.location).toBe('/login?next=%2Fstudies%2Fx');
  });

  it('shows a 403 page without the guard sentence', () => {
    const { host, answer } = exchange('GET', '/cycles/1/review', {
      signedIn: true,
      language: 'en',
    });
    filter.catch(
      new DomainError(DomainErrorCode.Forbidden, 'Your role company_viewer may not do this.'),
      host,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('No access');
    expect(answer.body).not.toContain('company_viewer may not');
  });

  it('shows an expired form with a link back to the page it came from', () => {
    const { host, answer } = exchange('POST', '/logout', {
      signedIn: true,
      referer: 'http://cockpit.example/studies?x=1',
    });
    filter.catch(new FormExpiredError(), host);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Das Formular ist abgelaufen');
    expect(answer.body).toContain('href="/studies?x&#x3D;1"');
  });

  it('does not link back to another site', () => {
    const { host, answer } = exchange('POST', '/logout', {
      signedIn: true,
      referer: 'https://evil.example/studies',
    });
    filter.catch(new FormExpiredError(), host);
    expect(answer.body).not.toContain('evil.example');
  });

  it('shows a refusal of a service with its sentence and problems', () => {
    const { host, answer } = exchange('POST', '/cycles/1/close', { signedIn: true });
    filter.catch(
      new DomainError(DomainErrorCode.InvalidState, 'Der Zyklus 2026 ist geschlossen.', [
        { key: 'state', rule: 'open', message: 'nur offene Zyklen' },
      ]),
      host,
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toContain('Der Zyklus 2026 ist geschlossen.');
    expect(answer.body).toContain('nur offene Zyklen');
  });

  it('shows an unexpected error with an error id and nothing of the error', () => {
    const { host, answer } = exchange('GET', '/', { signedIn: true, language: 'en' });
    filter.catch(new Error('connection refused to 10.0.0.3'), host);
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('Something went wrong');
    expect(answer.body).toMatch(/Error id: <code>[0-9a-f-]{36}<\/code>/);
    expect(answer.body).not.toContain('10.0.0.3');
  });
});
