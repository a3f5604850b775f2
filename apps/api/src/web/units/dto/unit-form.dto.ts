import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The form that adds or edits a unit, as the url-encoded parser reads it. Every field is the
 * text sent: the page reads them (the agent FTE in the page's language) and shows a mistake at
 * its field in the person's words rather than the validation pipe's 400.
 */
export class UnitFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  country?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  customerType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  sourcing?: string;

  /** Agent full-time equivalents as typed: `120,5` in German, `120.5` in English. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agentFte?: string;
}
