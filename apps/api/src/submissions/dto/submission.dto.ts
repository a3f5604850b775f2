import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { SUBMISSION_STATES, type SubmissionState } from '@app/domain';

export class SaveDraftDto {
  /** Answers by KPI key; a key missing here keeps its stored answer, `null` clears it. */
  @ApiProperty({ type: Object, example: { agent_fte: 120.5, training_days_new: 25 } })
  @IsObject()
  answers!: Record<string, unknown>;

  /** Comments on plausibility warnings, keyed by the warning's id (`rule|key`). */
  @ApiPropertyOptional({
    type: Object,
    example: { 'previous_cycle_deviation|aht_seconds': 'New product launch' },
  })
  @IsOptional()
  @IsObject()
  warningComments?: Record<string, string>;

  /** The version read last (0 for a submission not stored yet); a stale version gets 409. */
  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  version!: number;
}

export class SubmitDto {
  @ApiPropertyOptional({ description: 'The version read last; a stale version gets 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class ReturnSubmissionDto {
  /** What the company must look at again. */
  @ApiProperty({ example: 'Bitte die Anzahl der Abgänge prüfen.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  comment!: string;
}

export class ProblemDto {
  @ApiProperty() key!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() message!: string;
}

export class WarningDto extends ProblemDto {
  @ApiProperty({
    type: Object,
    description:
      'The figures of the message by name (previous_cycle_deviation: value, previous; benchmark_range: value, lower, upper)',
  })
  params!: Record<string, number>;
  @ApiProperty({ description: 'The identity under which a comment is stored: rule|key' })
  id!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
}

export class SubmissionDto {
  @ApiProperty({ nullable: true, type: String, description: 'null until the first draft is saved' })
  id!: string | null;
  @ApiProperty() cycleId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: SUBMISSION_STATES }) state!: SubmissionState;
  @ApiProperty({ type: Object }) answers!: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'Derived KPIs computed from the answers' })
  derived!: Record<string, unknown>;
  @ApiProperty({
    type: [WarningDto],
    description:
      "Plausibility warnings, each message in the caller's language; submitting needs a comment on each",
  })
  warnings!: WarningDto[];
  @ApiProperty({ nullable: true, type: String }) returnComment!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class AuditEntryDto {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['answer', 'state', 'warning_comment', 'return_comment'] }) action!: string;
  @ApiProperty({ nullable: true, type: String }) field!: string | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  oldValue!: string | number | boolean | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  newValue!: string | number | boolean | null;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorApiKeyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
}
