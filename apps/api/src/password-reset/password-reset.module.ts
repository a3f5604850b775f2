import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, publicUrlOf } from '@app/config';
import { QueueName } from '@app/jobs';
import { PasswordResetThrottlerGuard } from './password-reset-throttler.guard';
import { PasswordResetController } from './password-reset.controller';
import { PUBLIC_URL, PasswordResetService } from '@app/application';

/** Password reset by e-mail (API); exports its service to the pages. */
@Module({})
export class PasswordResetModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PasswordResetModule,
      imports: [BullModule.registerQueue({ name: QueueName.Mail })],
      controllers: [PasswordResetController],
      providers: [
        PasswordResetService,
        PasswordResetThrottlerGuard,
        { provide: PUBLIC_URL, useValue: publicUrlOf(config) },
      ],
      exports: [PasswordResetService],
    };
  }
}
