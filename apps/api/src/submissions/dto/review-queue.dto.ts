import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_BULK_ACCEPT,
  MAX_REVIEW_PAGE_SIZE,
  REVIEW_PAGE_SIZE,
  REVIEW_SORTS,
  REVIEW_STATES,
  WARNING_KINDS,
  type ReviewSort,
  type ReviewState,
  type WarningKind,
} from '@app/domain';
import { WarningDto } from './submission.dto';

/** A number of the query string; an empty field of a page's filter form means none. */
const optionalNumber = ({ value }: { value: unknown }): unknown =>
  value === '' || value === undefined ? undefined : Number(value);
/** A text of the query string; an empty field means none. */
const optionalText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The filters, sort and page of a cycle's review queue; the API and the page take the same. */
export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATES, description: "default: 'all'" })
  @IsOptional()
  @IsIn(REVIEW_STATES)
  state?: ReviewState;

  @ApiPropertyOptional({ description: "Only units whose company's name contains this" })
  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ description: 'Only submissions with at least this many warnings' })
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(0)
  @Max(1000)
  minWarnings?: number;

  @ApiPropertyOptional({ description: 'Only submissions with at most this many warnings' })
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(0)
  @Max(1000)
  maxWarnings?: number;

  @ApiPropertyOptional({ enum: WARNING_KINDS, description: 'Only submissions with such a warning' })
  @IsOptional()
  @Transform(optionalText)
  @IsIn(WARNING_KINDS)
  warningKind?: WarningKind;

  @ApiPropertyOptional({ description: 'Only submissions submitted at least this many days ago' })
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(0)
  @Max(3660)
  minAgeDays?: number;

  @ApiPropertyOptional({ description: 'Only submissions submitted at most this many days ago' })
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(0)
  @Max(3660)
  maxAgeDays?: number;

  @ApiPropertyOptional({
    enum: REVIEW_SORTS,
    description: "default 'submitted' (oldest first); a leading '-' reverses",
  })
  @IsOptional()
  @IsIn(REVIEW_SORTS)
  sort?: ReviewSort;

  @ApiPropertyOptional({ description: 'From 1', default: 1 })
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: REVIEW_PAGE_SIZE, maximum: MAX_REVIEW_PAGE_SIZE })
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_REVIEW_PAGE_SIZE)
  pageSize?: number;
}

export class ReviewStateCountDto {
  @ApiProperty({ enum: REVIEW_STATES.filter((s) => s !== 'all') }) state!: Exclude<
    ReviewState,
    'all'
  >;
  @ApiProperty() count!: number;
}

export class ReviewQueueItemDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() companyId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: no data yet' })
  submissionId!: string | null;
  @ApiProperty({ enum: REVIEW_STATES.filter((s) => s !== 'all') }) state!: Exclude<
    ReviewState,
    'all'
  >;
  @ApiProperty({ description: 'The version a bulk accept names (0 without data)' })
  version!: number;
  @ApiProperty({ type: [WarningDto], description: "In the caller's language, with comments" })
  warnings!: WarningDto[];
  @ApiProperty({ nullable: true, type: String }) returnComment!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Whole days since submitting' })
  ageDays!: number | null;
  @ApiProperty({ description: 'Submitted without warnings: may be accepted in bulk' })
  bulkAcceptable!: boolean;
}

export class ReviewQueueDto {
  @ApiProperty({ type: [ReviewStateCountDto], description: 'All units of the cycle by state' })
  counts!: ReviewStateCountDto[];
  @ApiProperty({ description: 'Units matching the filters, on all pages' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() pages!: number;
  @ApiProperty({ type: [ReviewQueueItemDto] }) items!: ReviewQueueItemDto[];
}

/** A submission to accept, in the version the publisher confirmed. */
export class BulkAcceptItemDto {
  @ApiProperty()
  @IsUUID('all')
  unitId!: string;

  @ApiProperty({ description: 'The version listed in the review queue' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class BulkAcceptDto {
  @ApiProperty({ type: [BulkAcceptItemDto], maxItems: MAX_BULK_ACCEPT })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ACCEPT)
  @ValidateNested({ each: true })
  @Type(() => BulkAcceptItemDto)
  submissions!: BulkAcceptItemDto[];
}

export class BulkAcceptResultDto {
  @ApiProperty() accepted!: number;
  @ApiProperty({ type: [String] }) unitIds!: string[];
}

export class ComparisonRowDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }],
  })
  value!: number | string | boolean | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }],
  })
  previous!: number | string | boolean | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Released cells only' }) p25!:
    number | null;
  @ApiProperty({ nullable: true, type: Number }) median!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p75!: number | null;
  @ApiProperty({ description: 'Warnings of this KPI' }) warnings!: number;
}

export class ReviewComparisonDto {
  @ApiProperty({ type: ReviewQueueItemDto }) item!: ReviewQueueItemDto;
  @ApiProperty({ nullable: true, type: Number, description: "The previous cycle's year" })
  previousYear!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The year of the published benchmark the quartiles come from',
  })
  benchmarkYear!: number | null;
  @ApiProperty({ type: [ComparisonRowDto] }) rows!: ComparisonRowDto[];
}
