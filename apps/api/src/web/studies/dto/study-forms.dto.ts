import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The form that opens a new cycle of a study. The year arrives as the text typed; the page
 * checks it and shows a mistake at the field in the person's language rather than the
 * validation pipe's 400.
 */
export class NewCycleFormDto {
  /** The reference year, as typed. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  year?: string;
}

/** The form that orders a study's trend report. */
export class TrendReportFormDto {
  /** The language of the report: a radio button, one of the study's languages. */
  @IsIn(['de', 'en'])
  language!: 'de' | 'en';
}
