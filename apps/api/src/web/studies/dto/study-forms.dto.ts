import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROFILE_DIMENSIONS, type ProfileDimension } from '@app/domain';

const LANGUAGES = ['de', 'en'] as const;

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

/** A browser sends one checked box as a text, several as a list and none at all. */
const asList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? [value] : value;

/**
 * The form that creates a study. Texts arrive as typed and are checked by the page (mistakes
 * at their fields); the checkboxes arrive as lists of their codes.
 */
export class NewStudyFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  /** The catalogue version chosen: one of the publisher's (a select). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  catalogueVersionId?: string;

  /** The languages checked. */
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @IsIn(LANGUAGES, { each: true })
  languages?: ('de' | 'en')[];

  /** The peer-group dimensions checked; none checked is none. */
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @IsIn(PROFILE_DIMENSIONS, { each: true })
  peerGroupDimensions?: ProfileDimension[];
}

/** The form that changes a study's name and languages (what UpdateStudyDto allows). */
export class StudySettingsFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @IsOptional()
  @Transform(asList)
  @IsArray()
  @IsIn(LANGUAGES, { each: true })
  languages?: ('de' | 'en')[];
}

/**
 * The form that enrols a company: a known company chosen (a select of the companies the
 * publisher sees), or the id of another company as typed.
 */
export class EnrolFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  companyId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  companyIdTyped?: string;
}
