import { Module } from '@nestjs/common';
import { DisclosureReportsController } from './disclosure-reports.controller';
import { DisclosureReportsService } from '@app/application';

/** The publisher's disclosure report per snapshot; exports its service to the pages. */
@Module({
  controllers: [DisclosureReportsController],
  providers: [DisclosureReportsService],
  exports: [DisclosureReportsService],
})
export class DisclosureReportsModule {}
