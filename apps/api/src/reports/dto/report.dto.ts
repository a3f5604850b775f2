import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import {
  type CreatedReport,
  type ReportView,
  type CreatedReportBatch,
  type ReportFailure,
  type ReportBatchSummary,
  type ReportBatchView,
} from '@app/application';

export class CreateReportDto {
  @ApiProperty({ description: 'The unit the report is for' })
  @IsUUID('all')
  unitId!: string;

  @ApiProperty({ enum: ['de', 'en'] })
  @IsIn(['de', 'en'])
  language!: 'de' | 'en';
}

export class CreatedReportDto implements CreatedReport {
  @ApiProperty() reportId!: string;
}

export class CreateTrendReportDto {
  @ApiProperty({ enum: ['de', 'en'] })
  @IsIn(['de', 'en'])
  language!: 'de' | 'en';
}

export class ReportDto implements ReportView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['company', 'trend'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: "a company report's snapshot" })
  snapshotId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "a company report's unit" })
  unitId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "a trend report's trend data" })
  trendId!: string | null;
  @ApiProperty({ enum: ['de', 'en'] }) language!: string;
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) state!: string;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) pages!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) renderedAt!: string | null;
}

export class CreateReportBatchDto {
  @ApiProperty({ enum: ['de', 'en'], isArray: true, example: ['de', 'en'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(['de', 'en'], { each: true })
  languages!: ('de' | 'en')[];
}

export class CreatedReportBatchDto implements CreatedReportBatch {
  @ApiProperty() batchId!: string;
  @ApiProperty({
    description:
      "the batch's own reports: those it ordered new and the failed ones it put back in the queue",
  })
  total!: number;
  @ApiProperty({
    description:
      'reports of the snapshot in its languages that existed already and were kept, not its own; total + kept = units x languages',
  })
  kept!: number;
}

export class ReportFailureDto implements ReportFailure {
  @ApiProperty() reportId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['de', 'en'] }) language!: string;
  @ApiProperty() error!: string;
}

/** A batch with the counts of its own reports, as the list of a snapshot's batches shows it. */
export class ReportBatchSummaryDto implements ReportBatchSummary {
  @ApiProperty() id!: string;
  @ApiProperty() snapshotId!: string;
  @ApiProperty({ enum: ['de', 'en'], isArray: true }) languages!: string[];
  @ApiProperty({
    description:
      "the batch's own reports: those it ordered new and the failed ones it put back in the queue",
  })
  total!: number;
  @ApiProperty({ description: 'own reports rendered' }) done!: number;
  @ApiProperty({ description: 'own reports failed' }) failed!: number;
  @ApiProperty({ description: 'own reports queued or rendering' }) pending!: number;
  @ApiProperty({
    description:
      'reports of the snapshot in its languages that existed already when it was ordered and were kept, not its own',
  })
  kept!: number;
  @ApiProperty() createdAt!: string;
}

/** A batch's progress over its own reports, with each failure's reason. */
export class ReportBatchDto extends ReportBatchSummaryDto implements ReportBatchView {
  @ApiProperty({ type: [ReportFailureDto] }) failures!: ReportFailureDto[];
}
