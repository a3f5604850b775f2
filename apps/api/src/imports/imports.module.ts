import { Module, OnApplicationShutdown } from '@nestjs/common';
import { SpreadsheetParsePool } from '@app/spreadsheet';
import { SubmissionsModule } from '../submissions/submissions.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from '@app/application';

/**
 * XLSX templates, uploads and cycle imports, and the CSV and XLSX exports. Exports its service
 * to the pages (web/), which upload and download through it as the API does. Uploads are
 * parsed in the worker threads of one SpreadsheetParsePool, off the event loop.
 */
@Module({
  imports: [SubmissionsModule],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    { provide: SpreadsheetParsePool, useFactory: () => new SpreadsheetParsePool() },
  ],
  exports: [ImportsService],
})
export class ImportsModule implements OnApplicationShutdown {
  constructor(private readonly parser: SpreadsheetParsePool) {}

  onApplicationShutdown(): Promise<void> {
    return this.parser.close();
  }
}
