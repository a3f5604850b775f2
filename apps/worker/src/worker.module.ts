import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, publicUrlOf } from '@app/config';
import { DEFAULT_JOB_OPTIONS, QueueName, queueSettings } from '@app/jobs';
import {
  MAIL_TRANSPORT,
  MailDelivery,
  NotificationRun,
  PUBLIC_URL,
  ReportStore,
  SnapshotComputation,
} from '@app/application';
import { PersistenceModule, UnfinishedWorkStore } from '@app/persistence';
import { LoggerModule } from 'nestjs-pino';
import { requireProcessorForEveryJob } from './job-handlers.util';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MailProcessor } from './mail/mail.processor';
import { SmtpMailTransport } from './mail/smtp-mail-transport';
import { NotificationProcessor } from './notifications/notification.processor';
import {
  NOTIFICATION_INTERVAL_MS,
  NotificationSchedule,
} from './notifications/notification-schedule';
import { JobReconciler, RECONCILE_INTERVAL_MS } from './recovery/job-reconciler';
import { PdfRenderer } from './reports/pdf-renderer';
import { ReportProcessor } from './reports/report.processor';
import { SnapshotProcessor } from './snapshots/snapshot.processor';

/** Every Bull processor of the worker. */
export const WORKER_PROCESSORS = [
  MaintenanceProcessor,
  SnapshotProcessor,
  ReportProcessor,
  MailProcessor,
  NotificationProcessor,
];

/** The worker: Bull processors sharing the api's libraries. */
@Module({})
export class WorkerModule {
  /** Throws MissingProcessorError when a job of a queue has no processor. */
  static forRoot(config: AppConfig): DynamicModule {
    requireProcessorForEveryJob(WORKER_PROCESSORS);
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        BullModule.forRoot({
          redis: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
          settings: queueSettings(config.JOB_STALL_TIMEOUT_MS),
        }),
        BullModule.registerQueue(
          { name: QueueName.Maintenance },
          { name: QueueName.Snapshots },
          { name: QueueName.Reports },
          { name: QueueName.Mail },
        ),
      ],
      providers: [
        ...WORKER_PROCESSORS,
        SnapshotComputation,
        ReportStore,
        MailDelivery,
        NotificationRun,
        NotificationSchedule,
        { provide: PUBLIC_URL, useValue: publicUrlOf(config) },
        { provide: NOTIFICATION_INTERVAL_MS, useValue: config.NOTIFICATION_INTERVAL_MS },
        {
          // One pool of SMTP connections per worker process, closed with the module.
          provide: MAIL_TRANSPORT,
          useFactory: () => new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM),
        },
        UnfinishedWorkStore,
        JobReconciler,
        { provide: RECONCILE_INTERVAL_MS, useValue: config.JOB_RECONCILE_INTERVAL_MS },
        {
          // One Chromium per worker process, closed with the module.
          provide: PdfRenderer,
          useFactory: () =>
            new PdfRenderer({
              executablePath: config.CHROMIUM_PATH,
              concurrency: config.REPORT_CONCURRENCY,
              timeoutMs: config.REPORT_TIMEOUT_MS,
              rendersPerContext: config.REPORT_RENDERS_PER_CONTEXT,
            }),
        },
      ],
    };
  }
}
