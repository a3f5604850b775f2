import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AppModule } from '../../apps/api/src/app.module';
import { setupApp } from '../../apps/api/src/setup-app';
import { testConfig } from './test-env';
import type { TestUser } from './factories';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** Signs in and returns the bearer header value. */
  tokenFor: (user: Pick<TestUser, 'email' | 'password'>) => Promise<string>;
  close: () => Promise<void>;
}

/** The whole api, in process, against this run's database and Redis. */
export async function startApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(testConfig(overrides))],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  setupApp(app);
  await app.init();
  const server = app.getHttpServer() as App;
  const http = () => request(server);
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    tokenFor: async (user) => {
      const cached = tokens.get(user.email);
      if (cached) {
        return cached;
      }
      const response = await http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password });
      if (response.status !== 200) {
        throw new Error(
          `login of ${user.email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
      const token = `Bearer ${(response.body as { accessToken: string }).accessToken}`;
      tokens.set(user.email, token);
      return token;
    },
    close: () => app.close(),
  };
}
