import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { PUBLIC_URL, DeadlinesService, NotificationSettingsService } from '@app/application';
import { AppConfig, publicUrlOf } from '@app/config';
import { QueueName } from '@app/jobs';
import { DeadlinesController } from './deadlines.controller';
import { NotificationSettingsController } from './notification-settings.controller';

/**
 * Deadlines, reminders and notification settings (API); exports the services to the pages.
 * The review's mails are written by the submissions' service.
 */
@Module({})
export class DeadlinesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DeadlinesModule,
      global: true,
      imports: [BullModule.registerQueue({ name: QueueName.Mail })],
      controllers: [DeadlinesController, NotificationSettingsController],
      providers: [
        DeadlinesService,
        NotificationSettingsService,
        { provide: PUBLIC_URL, useValue: publicUrlOf(config) },
      ],
      exports: [DeadlinesService, NotificationSettingsService, PUBLIC_URL],
    };
  }
}
