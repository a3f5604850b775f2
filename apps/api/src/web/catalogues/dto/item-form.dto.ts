import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The item form of the questionnaire editor. Every field arrives as typed; the page reads the
 * numbers and choices and shows a mistake at its field, and the catalogue's own checks (key,
 * bounds, formula) come back from the service at theirs. A checkbox is sent only when ticked.
 */
export class ItemFormDto {
  @IsOptional() @IsString() @MaxLength(100) key?: string;
  @IsOptional() @IsString() @MaxLength(50) area?: string;
  @IsOptional() @IsString() @MaxLength(50) type?: string;
  @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @IsOptional() @IsString() @MaxLength(2000) labelDe?: string;
  @IsOptional() @IsString() @MaxLength(2000) labelEn?: string;
  @IsOptional() @IsString() @MaxLength(2000) helpDe?: string;
  @IsOptional() @IsString() @MaxLength(2000) helpEn?: string;
  @IsOptional() @IsString() @MaxLength(50) min?: string;
  @IsOptional() @IsString() @MaxLength(50) max?: string;
  @IsOptional() @IsString() @MaxLength(10) required?: string;
  @IsOptional() @IsString() @MaxLength(50) polarity?: string;
  @IsOptional() @IsString() @MaxLength(2000) formula?: string;
  @IsOptional() @IsString() @MaxLength(4000) choices?: string;
  @IsOptional() @IsString() @MaxLength(10) benchmarked?: string;
  @IsOptional() @IsString() @MaxLength(100) weightKey?: string;
  @IsOptional() @IsString() @MaxLength(20) position?: string;
}
