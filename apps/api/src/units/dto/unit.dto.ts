import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  COUNTRIES,
  CUSTOMER_TYPES,
  INDUSTRIES,
  SIZE_BANDS,
  SOURCINGS,
  type Country,
  type CustomerType,
  type Industry,
  type SizeBand,
  type Sourcing,
} from '@app/domain';
import { type NewUnitInput, type UnitChanges, type UnitView } from '@app/application';

export class CreateUnitDto implements NewUnitInput {
  @ApiProperty({ example: 'Kundenservice Leipzig' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES)
  industry!: Industry;

  @ApiProperty({ enum: COUNTRIES })
  @IsIn(COUNTRIES)
  country!: Country;

  @ApiProperty({ enum: CUSTOMER_TYPES })
  @IsIn(CUSTOMER_TYPES)
  customerType!: CustomerType;

  @ApiProperty({ enum: SOURCINGS })
  @IsIn(SOURCINGS)
  sourcing!: Sourcing;

  /** Agent full-time equivalents; the size band follows from it. */
  @ApiProperty({ example: 120.5, minimum: 0, maximum: 100000 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  agentFte!: number;
}

export class UpdateUnitDto implements UnitChanges {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional({ enum: COUNTRIES })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: Country;

  @ApiPropertyOptional({ enum: CUSTOMER_TYPES })
  @IsOptional()
  @IsIn(CUSTOMER_TYPES)
  customerType?: CustomerType;

  @ApiPropertyOptional({ enum: SOURCINGS })
  @IsOptional()
  @IsIn(SOURCINGS)
  sourcing?: Sourcing;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  agentFte?: number;
}

export class UnitProfileDto {
  @ApiProperty({ enum: INDUSTRIES }) industry!: Industry;
  @ApiProperty({ enum: COUNTRIES }) country!: Country;
  @ApiProperty({ enum: SIZE_BANDS }) sizeBand!: SizeBand;
  @ApiProperty({ enum: CUSTOMER_TYPES }) customerType!: CustomerType;
  @ApiProperty({ enum: SOURCINGS }) sourcing!: Sourcing;
  @ApiProperty() agentFte!: number;
}

export class UnitDto implements UnitView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The company the unit belongs to' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: UnitProfileDto }) profile!: UnitProfileDto;
}
