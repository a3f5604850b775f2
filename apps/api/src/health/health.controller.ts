import { Controller, Get, Req, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DomainError, DomainErrorCode } from '@app/domain';
import type { Dependency } from '@app/jobs';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { requestLanguage } from '../common/request-context';
import { RedisClient } from '../common/redis.provider';
import { unavailableMessage } from '@app/application';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  /** The process is up; says nothing about its dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready to serve: PostgreSQL and Redis answer. Otherwise 503, naming each one that does not
   * (within 2 s: the database's ping is bounded, and Redis' connection fails fast).
   */
  @Get('ready')
  @HealthCheck()
  async ready(@Req() request: Request): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        async () => {
          const indicator = this.indicators.check('redis');
          try {
            await this.redis.ping();
            return indicator.up();
          } catch (error) {
            return indicator.down({ message: (error as Error).message });
          }
        },
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) {
        throw error;
      }
      const { error: down = {} } = error.getResponse() as HealthCheckResult;
      const language = requestLanguage(request);
      const problems = (Object.keys(down) as Dependency[]).map((dependency) => ({
        key: dependency,
        rule: 'unreachable',
        message: unavailableMessage(dependency, language),
      }));
      throw new DomainError(
        DomainErrorCode.ServiceUnavailable,
        problems.map((p) => p.message).join(' '),
        problems,
      );
    }
  }
}
