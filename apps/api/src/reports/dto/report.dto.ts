import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';

export class CreateReportDto {
  @ApiProperty({ description: 'The unit the report is for' })
  @IsUUID('all')
  unitId!: string;

  @ApiProperty({ enum: ['de', 'en'] })
  @IsIn(['de', 'en'])
  language!: 'de' | 'en';
}

export class CreatedReportDto {
  @ApiProperty() reportId!: string;
}

export class CreateTrendReportDto {
  @ApiProperty({ enum: ['de', 'en'] })
  @IsIn(['de', 'en'])
  language!: 'de' | 'en';
}

export class ReportDto {
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

export class CreatedReportBatchDto {
  @ApiProperty() batchId!: string;
  @ApiProperty({ description: 'reports in the batch: units x languages' }) total!: number;
}

export class ReportFailureDto {
  @ApiProperty() reportId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['de', 'en'] }) language!: string;
  @ApiProperty() error!: string;
}

export class ReportBatchDto {
  @ApiProperty() id!: string;
  @ApiProperty() snapshotId!: string;
  @ApiProperty({ enum: ['de', 'en'], isArray: true }) languages!: string[];
  @ApiProperty() total!: number;
  @ApiProperty() done!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'queued or rendering' }) pending!: number;
  @ApiProperty({ type: [ReportFailureDto] }) failures!: ReportFailureDto[];
  @ApiProperty() createdAt!: string;
}
