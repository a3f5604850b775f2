import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';

/** The publish form: the cycle page sends none (the latest computed snapshot), a snapshot's page its own. */
export class PublishFormDto {
  /** The snapshot to publish. */
  @IsOptional()
  @IsUUID('all')
  snapshotId?: string;
}

/**
 * The form that orders the participants' reports: one checkbox per language. A browser sends a
 * single checked box as a text and several as a list, and none at all when none is checked; the
 * page says so at the form.
 */
export class ReportBatchFormDto {
  /** The languages checked. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @IsIn(['de', 'en'], { each: true })
  languages?: ('de' | 'en')[];
}

/** What a stored cycle import did, carried to the import page by its redirect. */
export class ImportSummaryQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  units?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  created?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  updated?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  unchanged?: number;
}
