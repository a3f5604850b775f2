import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Action } from '@app/domain';
import { EXPORT_MEDIA_TYPES } from '@app/spreadsheet';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { download } from '../common/file-download';
import { Caller, CallerContext } from '../common/request-context';
import { SubmissionDto } from '../submissions/dto/submission.dto';
import {
  CellProblemDto,
  CycleImportResultDto,
  ExportQueryDto,
  TemplateQueryDto,
  UploadDraftDto,
} from './dto/imports.dto';
import {
  SpreadsheetUploadInterceptor,
  UPLOAD_FIELD,
  UploadedSpreadsheetFile,
} from './spreadsheet-upload.interceptor';
import { ImportsService } from '@app/application';

const SUBMISSION = `${API}/cycles/:cycleId/units/:unitId/submission`;
const CYCLE = `${API}/cycles/:cycleId`;

const uploadBody = (extra: Record<string, object> = {}) =>
  ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: {
        [UPLOAD_FIELD]: {
          type: 'string',
          format: 'binary',
          description: 'XLSX or CSV, 10 MB at most',
        },
        ...extra,
      },
    },
  });

const refusedResponse = ApiUnprocessableEntityResponse({
  description:
    'Nothing was stored: `problems` lists every bad cell as { sheet, cell, key, value, rule, message }, or the limit the file breaks (rows, columns, zip entries).',
  type: CellProblemDto,
});

const READING_RULES =
  'A blank cell clears the answer. Yes/no cells take TRUE/FALSE or yes, no, ja, nein; a choice its value or its label; numbers are number cells (in a CSV plain numbers, with a decimal comma in a file separated by semicolons). A formula counts as the result stored with it; a formula without a stored result is refused (rule `formula_without_value`). Limits: 10 MB, 500 zip entries, 50 MB unpacked, 1,000,000 cells, 20,000 rows, 500 columns.';

const tooLargeResponse = ApiPayloadTooLargeResponse({
  description: 'The file, or an XLSX once unpacked, is larger than allowed',
});

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get(`${SUBMISSION}/template`)
  @UseCase(Action.SubmissionExport)
  @ApiOperation({
    summary: "The unit's XLSX template: one row per input, its current draft filled in",
  })
  @ApiProduces(EXPORT_MEDIA_TYPES.xlsx)
  @ApiOkResponse({ description: 'The template workbook' })
  @ApiNotFoundResponse({ description: 'No such cycle or unit for the caller' })
  async template(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: TemplateQueryDto,
  ): Promise<StreamableFile> {
    const language = query.language ?? caller.language;
    return download(await this.imports.template(caller, cycleId, unitId, language));
  }

  @Post(`${SUBMISSION}/upload`)
  @HttpCode(200)
  @UseCase(Action.SubmissionSaveDraft)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ApiOperation({
    summary: 'Stores a filled-in template as the draft; all or nothing, every bad cell listed',
    description: READING_RULES,
  })
  @ApiConsumes('multipart/form-data')
  @uploadBody({ version: { type: 'integer', description: 'The version read last (optional)' } })
  @ApiOkResponse({ type: SubmissionDto })
  @ApiForbiddenResponse({ description: 'A company viewer, or not the company of the unit' })
  @refusedResponse
  @tooLargeResponse
  upload(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
    @Body() body: UploadDraftDto,
  ): Promise<SubmissionDto> {
    return this.imports.uploadDraft(caller, cycleId, unitId, file, body.version);
  }

  @Get(`${SUBMISSION}/export`)
  @UseCase(Action.SubmissionExport)
  @ApiOperation({
    summary: 'The submission as CSV or XLSX: data set, inputs, derived KPIs, warnings, comments',
  })
  @ApiProduces(EXPORT_MEDIA_TYPES.csv, EXPORT_MEDIA_TYPES.xlsx)
  @ApiOkResponse({ description: 'The export file' })
  @ApiNotFoundResponse({ description: 'No such cycle or unit for the caller' })
  async exportSubmission(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    return download(
      await this.imports.exportSubmission(caller, cycleId, unitId, query.format ?? 'xlsx'),
    );
  }

  @Post(`${CYCLE}/import`)
  @HttpCode(200)
  @UseCase(Action.CycleImport)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ApiOperation({
    summary:
      'Imports a cycle from XLSX or CSV: header `unitId` and input KPI keys, one row per unit; all or nothing',
    description: `Each row is stored as the unit's draft (created, or updated if it is a draft or returned); a unit whose data are submitted or accepted is refused, as are unknown units, units of companies outside the study, duplicate rows and unknown columns. ${READING_RULES}`,
  })
  @ApiConsumes('multipart/form-data')
  @uploadBody()
  @ApiOkResponse({ type: CycleImportResultDto })
  @ApiNotFoundResponse({ description: "Not a cycle of the caller's studies" })
  @refusedResponse
  @tooLargeResponse
  importCycle(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
  ): Promise<CycleImportResultDto> {
    return this.imports.importCycle(caller, cycleId, file);
  }

  @Get(`${CYCLE}/export`)
  @UseCase(Action.CycleExport)
  @ApiOperation({
    summary:
      'The cycle as CSV or XLSX: one row per unit with its id, profile, state, every input and derived KPI (columns named by key)',
  })
  @ApiProduces(EXPORT_MEDIA_TYPES.csv, EXPORT_MEDIA_TYPES.xlsx)
  @ApiOkResponse({ description: 'The export file; the state is empty for a unit without data' })
  @ApiNotFoundResponse({ description: "Not a cycle of the caller's studies" })
  async exportCycle(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.imports.exportCycle(caller, cycleId, query.format ?? 'xlsx'));
  }
}
