import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, publicUrlOf } from '@app/config';
import { QueueName } from '@app/jobs';
import { PUBLIC_URL, InvitationsService } from '@app/application';
import { InvitationsController } from './invitations.controller';

/** Invitations by e-mail (API); exports its service to the pages and the operator's use-cases. */
@Module({})
export class InvitationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InvitationsModule,
      imports: [BullModule.registerQueue({ name: QueueName.Mail })],
      controllers: [InvitationsController],
      providers: [InvitationsService, { provide: PUBLIC_URL, useValue: publicUrlOf(config) }],
      exports: [InvitationsService],
    };
  }
}
