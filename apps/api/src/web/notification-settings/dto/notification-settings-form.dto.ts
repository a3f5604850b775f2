import { IsIn, IsOptional } from 'class-validator';

/** The settings form: a checked box sends `on`, an unchecked one nothing. */
export class NotificationSettingsFormDto {
  @IsOptional() @IsIn(['on']) submission_digest?: 'on';
  @IsOptional() @IsIn(['on']) submission_accepted?: 'on';
  @IsOptional() @IsIn(['on']) report_ready?: 'on';
}

/** What the page says after the form saved. */
export class NotificationSettingsQueryDto {
  @IsOptional() @IsIn(['saved']) saved?: 'saved';
}
