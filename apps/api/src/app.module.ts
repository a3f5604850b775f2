import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';
import { AppConfig, trustedProxies } from '@app/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@app/jobs';
import { PersistenceModule } from '@app/persistence';
import { LoggerModule } from 'nestjs-pino';
import { createSecretKey, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { CataloguesController } from './catalogues/catalogues.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottlerGuard } from './auth/login-throttler.guard';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { FAIL_FAST_REDIS, logOutages, REDIS_URL, RedisClient } from './common/redis.provider';
import { TRUST_PROXY } from './common/trust-proxy';
import { DisclosureReportsModule } from './disclosure-reports/disclosure-reports.module';
import { HealthController } from './health/health.controller';
import { InvitationsModule } from './invitations/invitations.module';
import { OrganisationsController } from './organisations/organisations.controller';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { PositionHistoryController } from './position-history/position-history.controller';
import { ReportsController } from './reports/reports.controller';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { StudiesController } from './studies/studies.controller';
import { ImportsModule } from './imports/imports.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UnitsController } from './units/units.controller';
import { PageExceptionFilter } from './web/errors/page-exception.filter';
import { WEB_PAGES, WebModule } from './web/web.module';
import {
  UnitsService,
  ApiKeysService,
  StudiesService,
  PositionHistoryService,
  SnapshotsService,
  ReportsService,
  OrganisationsService,
  CataloguesService,
} from '@app/application';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * A `_csrf` or `token` (a password reset link's) query parameter, also inside another
 * parameter's encoded value (the language switch's `next` on the reset page).
 */
const SECRET_PARAMETER = /((?:[?&]|%3F|%26)(?:_csrf|token)(?:=|%3D))[^&#]*/gi;

/** The logged request without the value of a `_csrf` or `token` query parameter. */
function redactCsrfToken<T extends { url?: string }>(req: T): T {
  if (typeof req.url === 'string') {
    req.url = req.url.replace(SECRET_PARAMETER, '$1[Redacted]');
  }
  return req;
}

/** The rate limits' counters in Redis, on a connection that fails fast while Redis is down. */
function throttlerStorage(url: string): ThrottlerStorageRedisService {
  const storage = new ThrottlerStorageRedisService(url, FAIL_FAST_REDIS);
  logOutages(storage.redis as Redis, 'ThrottlerStorage');
  return storage;
}

/** The api, built from a validated configuration (tests pass their own). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const jwtKey = createSecretKey(Buffer.from(config.JWT_SECRET));
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.body.password',
              'req.body.token',
            ],
            // A multipart form of the pages carries its CSRF token in the URL's query.
            serializers: { req: redactCsrfToken },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        BullModule.forRoot({
          redis: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue({ name: QueueName.Snapshots }, { name: QueueName.Reports }),
        TerminusModule,
        WebModule.forRoot(config),
        SubmissionsModule,
        ImportsModule,
        DisclosureReportsModule,
        PasswordResetModule.forRoot(config),
        InvitationsModule.forRoot(config),
        DeadlinesModule.forRoot(config),
        JwtModule.register({
          // A key object rather than the string: given a string, jsonwebtoken first tries it as
          // a PEM public key and builds a secret key only after that throws, on every request
          // (a sixth of the api's CPU time under load, bench:api).
          secretOrKeyProvider: () => jwtKey,
          signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.LOGIN_ATTEMPTS_PER_MINUTE }],
          // Counted in Redis so that every api instance shares the same limits.
          storage: throttlerStorage(config.REDIS_URL),
        }),
      ],
      controllers: [
        AuthController,
        ApiKeysController,
        OrganisationsController,
        StudiesController,
        CataloguesController,
        UnitsController,
        SnapshotsController,
        PositionHistoryController,
        ReportsController,
        HealthController,
        ...WEB_PAGES.controllers,
      ],
      providers: [
        { provide: REDIS_URL, useValue: config.REDIS_URL },
        { provide: TRUST_PROXY, useValue: trustedProxies(config.TRUST_PROXY) },
        RedisClient,
        AuthService,
        LoginThrottlerGuard,
        ApiKeysService,
        OrganisationsService,
        StudiesService,
        CataloguesService,
        UnitsService,
        SnapshotsService,
        PositionHistoryService,
        ReportsService,
        ...WEB_PAGES.providers,
        { provide: APP_GUARD, useClass: AuthGuard },
        // One filter: JSON errors for the API (DomainExceptionFilter), error pages for pages.
        DomainExceptionFilter,
        { provide: APP_FILTER, useClass: PageExceptionFilter },
      ],
    };
  }
}
