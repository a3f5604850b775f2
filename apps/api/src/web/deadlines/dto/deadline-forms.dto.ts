import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The deadline form: a date (or empty) and the reminder days as typed. */
export class DeadlineFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  submissionDeadline?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reminderOffsets?: string;
}

/** A reminder form: one unit or, without it, every unit; the id the form was rendered with. */
export class ReminderFormDto {
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @IsUUID('all')
  requestId!: string;
}

/** What the page says after a form did its work. */
export class CompletionQueryDto {
  @IsOptional()
  @IsIn(['saved'])
  deadline?: 'saved';

  @IsOptional()
  @IsString()
  @MaxLength(5)
  reminded?: string;
}
