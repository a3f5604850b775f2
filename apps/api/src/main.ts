import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@app/config';
import { endWithLauncher } from '@app/devstack';
import { AppModule } from './app.module';
import { setupApp } from './setup-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
  });
  setupApp(app);
  await app.listen(config.PORT, process.env.HOST ?? '0.0.0.0');
  endWithLauncher();
}

bootstrap().catch((error: unknown) => {
  // Configuration errors are the operator's to fix: print them plainly, without a stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
