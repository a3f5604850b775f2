import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/config';
import { endWithLauncher } from '@app/devstack';
import { Logger } from 'nestjs-pino';
import { MissingProcessorError } from './missing-processor.error';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Bull finishes the running job before the process exits on SIGTERM.
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
  endWithLauncher();
}

bootstrap().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof MissingProcessorError ? error.message : error,
  );
  process.exit(1);
});
