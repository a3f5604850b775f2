import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KPI_AREAS,
  KPI_TYPES,
  type KpiArea,
  type KpiType,
  POLARITIES,
  type Polarity,
} from '@app/domain';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CatalogueVersionDto } from '../../studies/dto/study.dto';
import {
  type KpiChoiceInput,
  type CatalogueItemInput,
  type CatalogueVersionUse,
  type CatalogueVersionDetail,
  type CatalogueDiffView,
} from '@app/application';

/** A text in German and English; the catalogue's rules say which may be empty. */
export class LocalizedTextDto {
  @ApiProperty() @IsString() @MaxLength(2000) de!: string;
  @ApiProperty() @IsString() @MaxLength(2000) en!: string;
}

export class KpiChoiceDto implements KpiChoiceInput {
  /** A snake_case value, stored in the answers. */
  @ApiProperty() @IsString() @MaxLength(100) value!: string;
  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label!: LocalizedTextDto;
}

/**
 * One item of a catalogue version as the editor saves it. Whether it fits the catalogue
 * (key syntax, bounds for its type, a formula that parses, reads known keys and makes no
 * cycle) is checked with the whole catalogue, and a refusal names the item and the problem.
 */
export class CatalogueItemInputDto implements CatalogueItemInput {
  /** Stable snake_case key; formulas, imports and stored answers refer to it. */
  @ApiProperty({ example: 'attrition_rate' }) @IsString() @MaxLength(100) key!: string;
  @ApiProperty({ enum: KPI_AREAS }) @IsIn(KPI_AREAS) area!: KpiArea;
  @ApiProperty({ enum: KPI_TYPES }) @IsIn(KPI_TYPES) type!: KpiType;
  /** Unit shown next to the value ('FTE', 'days', '%', 's', 'EUR'); null for none. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string | null;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label!: LocalizedTextDto;

  /** Help in both languages, or empty in both. */
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  help?: LocalizedTextDto;

  @ApiPropertyOptional() @IsOptional() @IsNumber() min?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() max?: number;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiProperty({ enum: POLARITIES }) @IsIn(POLARITIES) polarity!: Polarity;

  /** For a derived KPI: an expression over other keys, e.g. `leavers / headcount * 100`. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) formula?: string;

  @ApiPropertyOptional({ type: [KpiChoiceDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => KpiChoiceDto)
  choices?: KpiChoiceDto[];

  /** Default true; false for raw volumes that make no sense to compare between units. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean() benchmarked?: boolean;
  /** The item whose value weights this one in a pooled figure. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) weightKey?: string;

  /** Where the item stands in the questionnaire, 1-based; default: where it is, or last. */
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) position?: number;
}

/** A study that pins a version, with the years of its cycles (which keep the version fixed). */
export class CatalogueVersionUseDto implements CatalogueVersionUse {
  @ApiProperty() studyId!: string;
  @ApiProperty() studyName!: string;
  @ApiProperty({ type: [Number] }) cycleYears!: number[];
}

/** A catalogue version with its definition and whether it can still be edited. */
export class CatalogueVersionDetailDto
  extends CatalogueVersionDto
  implements CatalogueVersionDetail
{
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the version a draft started from' })
  basedOnId!: string | null;
  @ApiProperty({ description: 'a draft: no cycle uses it yet, so its items can change' })
  editable!: boolean;
  @ApiProperty({ type: [CatalogueVersionUseDto] }) usedBy!: CatalogueVersionUseDto[];
  @ApiProperty({ type: Object }) definition!: Record<string, unknown>;
}

class CatalogueFieldChangeDto {
  @ApiProperty() field!: string;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  before!: string | number | boolean | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  after!: string | number | boolean | null;
}

class CatalogueEntryChangeDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: [CatalogueFieldChangeDto] }) changes!: CatalogueFieldChangeDto[];
}

class CatalogueEntryPresenceDto {
  @ApiProperty() key!: string;
  @ApiProperty() position!: number;
}

class CatalogueDiffPartDto {
  @ApiProperty({ type: [CatalogueEntryPresenceDto] }) added!: CatalogueEntryPresenceDto[];
  @ApiProperty({ type: [CatalogueEntryPresenceDto] }) removed!: CatalogueEntryPresenceDto[];
  @ApiProperty({ type: [CatalogueEntryChangeDto] }) changed!: CatalogueEntryChangeDto[];
}

/** What changed from one version (`from`) to another (`to`), item by item and field by field. */
export class CatalogueDiffDto implements CatalogueDiffView {
  @ApiProperty({ type: CatalogueVersionDto }) from!: CatalogueVersionDto;
  @ApiProperty({ type: CatalogueVersionDto }) to!: CatalogueVersionDto;
  @ApiProperty({ type: [CatalogueFieldChangeDto] }) name!: CatalogueFieldChangeDto[];
  @ApiProperty({ type: CatalogueDiffPartDto }) items!: CatalogueDiffPartDto;
  @ApiProperty({ type: CatalogueDiffPartDto }) rules!: CatalogueDiffPartDto;
}
