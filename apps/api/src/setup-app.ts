import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { apiCaching } from './common/api-caching';
import { JSON_BODY_LIMIT } from './common/domain-exception.filter';
import { rejectOddInput } from './common/odd-input';
import { TRUST_PROXY } from './common/trust-proxy';
import { createValidationPipe } from './common/validation.pipe';
import { WebSessionMiddleware } from './web/session/web-session.middleware';

/** Everything the api needs besides its module: shared by main.ts and the e2e tests. */
export function setupApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // Only the configured proxies' X-Forwarded-For sets request.ip, which the login limit counts.
  app.set('trust proxy', app.get<false | string[]>(TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(apiCaching);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // The pages' forms (url-encoded), with the JSON body's limit rather than Nest's default 100 kB:
  // a questionnaire with comments on its warnings is a long form.
  app.useBodyParser('urlencoded', { extended: true, limit: JSON_BODY_LIMIT });
  // The pages' language cookie, and their sessions in Redis (page paths only; the JSON API
  // never reads the session cookie).
  app.use(cookieParser());
  // After the parsers and the language cookie, before every guard and pipe: see rejectOddInput.
  app.use(rejectOddInput);
  app.use(app.get(WebSessionMiddleware).use);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Benchmark Cockpit API')
      .setDescription(
        'Studies, cycles, units, submissions and benchmarks. Sign in with POST /api/v1/auth/login and send the token as "Authorization: Bearer <token>", or send an API key the same way.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
