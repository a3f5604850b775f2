import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { JSON_BODY_LIMIT } from './common/domain-exception.filter';
import { createValidationPipe } from './common/validation.pipe';

/** Everything the api needs besides its module: shared by main.ts and the e2e tests. */
export function setupApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(helmet());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
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
