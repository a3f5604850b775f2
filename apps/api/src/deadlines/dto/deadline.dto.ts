import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { SUBMISSION_STATES } from '@app/domain';
import {
  type UnitCompletion,
  type CycleCompletion,
  type ReminderRequest,
  type UnitReminded,
  type RemindersSent,
  type NotificationPreferences,
  type NotificationPreferenceChanges,
} from '@app/application';

/** Where a unit of a cycle stands, with the last reminder it was sent. */
export class UnitCompletionDto implements UnitCompletion {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ enum: ['not_started', ...SUBMISSION_STATES] })
  state!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastReminderAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'days from the deadline of the last scheduled reminder; null when sent by hand',
  })
  lastReminderOffset!: number | null;
}

/** A cycle's completion: its deadline, the count per state, and every unit. */
export class CycleCompletionDto implements CycleCompletion {
  @ApiProperty() cycleId!: string;
  @ApiProperty({ nullable: true, type: String }) submissionDeadline!: string | null;
  @ApiProperty({ type: [Number] }) reminderOffsets!: number[];
  @ApiProperty({
    description: 'units per state: not_started, draft, submitted, returned, accepted',
    example: { not_started: 1, draft: 2, submitted: 0, returned: 0, accepted: 3 },
  })
  counts!: Record<string, number>;
  @ApiProperty({ type: [UnitCompletionDto] }) units!: UnitCompletionDto[];
}

export class SendRemindersDto implements ReminderRequest {
  /** The unit to remind; without it, every unit that has not submitted. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  /**
   * The id of this click (a UUID the form or client makes once): the same request sent again
   * reminds nobody twice.
   */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  requestId!: string;
}

export class UnitReminderDto implements UnitReminded {
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: 'the company contacts the reminder went to' }) recipients!: number;
}

export class RemindersSentDto implements RemindersSent {
  @ApiProperty({ type: [UnitReminderDto] }) reminded!: UnitReminderDto[];
  @ApiProperty({
    type: [String],
    description: 'units left out: reminded by hand within the last hour',
  })
  remindedRecently!: string[];
}

/** One's optional notifications, each on or off. */
export class NotificationPreferencesDto implements NotificationPreferences {
  /** The daily digest of new submissions while a cycle collects (publishers). */
  @ApiProperty() submission_digest!: boolean;
  /** A mail when the publisher accepts a unit's submission (companies). */
  @ApiProperty() submission_accepted!: boolean;
  /** A mail when a unit's report of a published benchmark is ready (companies). */
  @ApiProperty() report_ready!: boolean;
}

/** The optional notifications to change; one left out keeps its setting. */
export class UpdateNotificationPreferencesDto implements NotificationPreferenceChanges {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() submission_digest?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() submission_accepted?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() report_ready?: boolean;
}
