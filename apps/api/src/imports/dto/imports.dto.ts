import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_FORMATS, type ExportFormat } from '@app/spreadsheet';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

export class TemplateQueryDto {
  /** The template's language; default: the request's (Accept-Language). */
  @ApiPropertyOptional({ enum: ['de', 'en'] })
  @IsOptional()
  @IsIn(['de', 'en'])
  language?: 'de' | 'en';
}

export class ExportQueryDto {
  /** The file format; default xlsx. */
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export class UploadDraftDto {
  /**
   * The version read last (0 for a submission not stored yet); a stale version gets 409.
   * Without it the upload overwrites whatever draft is stored.
   */
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  version?: number;
}

export class CellProblemDto {
  @ApiProperty({ example: 'Import', description: 'Worksheet name, or the CSV file name' })
  sheet!: string;
  @ApiProperty({ example: 'D14' }) cell!: string;
  @ApiProperty({ example: 'sickness_rate', description: 'KPI key, column or `file`' })
  key!: string;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    description: 'What the cell holds; a formula as `=...`',
  })
  value!: string | number | boolean | null;
  @ApiProperty({ example: 'max' }) rule!: string;
  @ApiProperty({ example: 'Sickness rate must be at most 50 %.' }) message!: string;
}

export class CycleImportResultDto {
  @ApiProperty() cycleId!: string;
  @ApiProperty({ description: 'Units (rows) in the file' }) units!: number;
  @ApiProperty({ description: 'Drafts created for units that had no submission' })
  created!: number;
  @ApiProperty({ description: 'Drafts whose answers changed' }) updated!: number;
  @ApiProperty({ description: 'Drafts whose answers were the same already' })
  unchanged!: number;
}
