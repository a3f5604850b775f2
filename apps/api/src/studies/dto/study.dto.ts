import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  MAX_REMINDER_OFFSETS,
  REMINDER_OFFSET_BOUND,
  CYCLE_STATES,
  PROFILE_DIMENSIONS,
  type CycleState,
  type ProfileDimension,
} from '@app/domain';
import {
  type NewStudyInput,
  type StudyChanges,
  type CycleDeadline,
  type CycleView,
  type StudyCycle,
  type StudyView,
  type ParticipationView,
  type CatalogueVersionView,
  type CatalogueView,
} from '@app/application';

const LANGUAGES = ['de', 'en'] as const;

export class CreateStudyDto implements NewStudyInput {
  @ApiProperty({ example: 'Contact Center Benchmark DACH' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** The catalogue version the study pins; one of the publisher's own. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  catalogueVersionId!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, default: ['de', 'en'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: ('de' | 'en')[];

  /** The profile dimensions that form predefined peer groups. */
  @ApiPropertyOptional({ enum: PROFILE_DIMENSIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PROFILE_DIMENSIONS, { each: true })
  peerGroupDimensions?: ProfileDimension[];
}

export class UpdateStudyDto implements StudyChanges {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  /** Only while the study has no cycle: a cycle pins the catalogue version for good. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  catalogueVersionId?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: ('de' | 'en')[];
}

export class CreateCycleDto {
  /** The reference year of the data. */
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  /**
   * When the submissions are due: a date (the end of that day in UTC) or an ISO 8601 date and
   * time with its offset.
   */
  @ApiPropertyOptional({ example: '2026-03-31', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  submissionDeadline?: string | null;

  /**
   * Days from the deadline on which the units that have not submitted are reminded: negative
   * before it, positive after it. Default -14, -3 and 1.
   */
  @ApiPropertyOptional({ example: [-14, -3, 1], type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REMINDER_OFFSETS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(-REMINDER_OFFSET_BOUND, { each: true })
  @Max(REMINDER_OFFSET_BOUND, { each: true })
  reminderOffsets?: number[];
}

/** A cycle's deadline and reminders; a field left out keeps its value, `null` clears the deadline. */
export class UpdateCycleDto
  extends OmitType(CreateCycleDto, ['year'] as const)
  implements CycleDeadline {}

export class CreateParticipationDto {
  /** The company organisation to enrol. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  companyId!: string;
}

export class CreateCatalogueVersionDto {
  /** A catalogue definition: key, version, name, items and rules (see the demo catalogue). */
  @ApiProperty({ type: Object })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class CycleDto implements CycleView {
  @ApiProperty() id!: string;
  @ApiProperty() studyId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: CYCLE_STATES }) state!: CycleState;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the snapshot participants see' })
  publishedSnapshotId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when submissions are due (ISO 8601)' })
  submissionDeadline!: string | null;
  @ApiProperty({ type: [Number], description: 'days from the deadline on which reminders go' })
  reminderOffsets!: number[];
}

export class PublishCycleDto {
  /** The snapshot to publish; default: the cycle's latest computed one. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  snapshotId?: string;
}

export class StudyCycleDto implements StudyCycle {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: CYCLE_STATES }) state!: CycleState;
}

export class StudyDto implements StudyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The publisher running the study' }) publisherId!: string;
  @ApiProperty() catalogueVersionId!: string;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages!: ('de' | 'en')[];
  @ApiProperty({ enum: PROFILE_DIMENSIONS, isArray: true })
  peerGroupDimensions!: ProfileDimension[];
  @ApiProperty({ type: Object }) disclosurePolicy!: Record<string, unknown>;
  @ApiProperty({ type: [StudyCycleDto] }) cycles!: StudyCycleDto[];
}

export class ParticipationDto implements ParticipationView {
  @ApiProperty() id!: string;
  @ApiProperty() studyId!: string;
  @ApiProperty() companyId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty() createdAt!: string;
}

export class CatalogueVersionDto implements CatalogueVersionView {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty() hash!: string;
  @ApiProperty() createdAt!: string;
}

export class CatalogueDto extends CatalogueVersionDto implements CatalogueView {
  @ApiProperty({ type: Object }) definition!: Record<string, unknown>;
}
