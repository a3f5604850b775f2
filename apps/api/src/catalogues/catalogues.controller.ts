import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Action, Actor } from '@app/domain';
import { EXPORT_MEDIA_TYPES } from '@app/spreadsheet';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { download } from '../common/file-download';
import { Caller, CallerContext } from '../common/request-context';
import {
  SpreadsheetUploadInterceptor,
  UPLOAD_FIELD,
  UploadedSpreadsheetFile,
} from '../imports/spreadsheet-upload.interceptor';
import {
  CatalogueDiffDto,
  CatalogueItemInputDto,
  CatalogueVersionDetailDto,
} from './dto/catalogue-editor.dto';
import { CataloguesService } from '@app/application';

const VERSION = `${API}/catalogue-versions/:versionId`;

const workbookBody = ApiBody({
  schema: {
    type: 'object',
    required: [UPLOAD_FIELD],
    properties: {
      [UPLOAD_FIELD]: {
        type: 'string',
        format: 'binary',
        description:
          'An XLSX workbook as GET .../xlsx gives it: sheets Catalogue, Items, Choices, Rules',
      },
    },
  },
});

const refused = ApiUnprocessableEntityResponse({
  description:
    'Every problem, each naming the item (or sheet, row and column) and the rule; nothing stored',
});
const used = ApiConflictResponse({ description: 'A cycle uses the version: it never changes' });
const missing = ApiNotFoundResponse({ description: "No such version, or another organisation's" });

/**
 * The questionnaire editor's API: a catalogue version with its definition, a new draft from
 * it, its items saved, added and removed one by one, two versions compared, and the XLSX round
 * trip. A version is a draft until a cycle uses it; assigning it to a study is
 * `PATCH /api/v1/studies/:studyId` with its `catalogueVersionId`.
 */
@ApiTags('catalogue editor')
@ApiBearerAuth()
@Controller()
export class CataloguesController {
  constructor(private readonly catalogues: CataloguesService) {}

  @Get(VERSION)
  @UseCase(Action.CatalogueVersionRead)
  @ApiOkResponse({ type: CatalogueVersionDetailDto })
  @missing
  getVersion(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.getVersion(actor, versionId);
  }

  @Post(`${VERSION}/drafts`)
  @UseCase(Action.CatalogueVersionCreate)
  @ApiOperation({ summary: 'Starts a new version (a draft) with the items of this one' })
  @ApiCreatedResponse({ type: CatalogueVersionDetailDto })
  @missing
  startDraft(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.startDraft(actor, versionId);
  }

  @Post(`${VERSION}/items`)
  @UseCase(Action.CatalogueVersionEdit)
  @ApiOperation({ summary: "Adds an item to a draft (last, or at its 'position')" })
  @ApiCreatedResponse({ type: CatalogueVersionDetailDto })
  @refused
  @used
  @missing
  addItem(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body() body: CatalogueItemInputDto,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.addItem(actor, versionId, body);
  }

  @Put(`${VERSION}/items/:itemKey`)
  @UseCase(Action.CatalogueVersionEdit)
  @ApiOperation({
    summary: 'Saves an item of a draft',
    description:
      'The whole catalogue is checked on every save: a formula that does not parse (with the position), reads an unknown key or closes a cycle is refused with its message, and nothing is stored.',
  })
  @ApiOkResponse({ type: CatalogueVersionDetailDto })
  @refused
  @used
  @missing
  saveItem(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Param('itemKey') itemKey: string,
    @Body() body: CatalogueItemInputDto,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.saveItem(actor, versionId, itemKey, body);
  }

  @Delete(`${VERSION}/items/:itemKey`)
  @UseCase(Action.CatalogueVersionEdit)
  @ApiOperation({ summary: 'Removes an item of a draft; refused while a formula reads it' })
  @ApiOkResponse({ type: CatalogueVersionDetailDto })
  @refused
  @used
  @missing
  removeItem(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Param('itemKey') itemKey: string,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.removeItem(actor, versionId, itemKey);
  }

  @Get(`${VERSION}/diff/:otherVersionId`)
  @UseCase(Action.CatalogueVersionRead)
  @ApiOperation({
    summary:
      'What changed from this version to the other: items and rules added, removed, changed (old -> new per field)',
  })
  @ApiOkResponse({ type: CatalogueDiffDto })
  @missing
  diff(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Param('otherVersionId', ParseUUIDPipe) otherVersionId: string,
  ): Promise<CatalogueDiffDto> {
    return this.catalogues.diff(actor, versionId, otherVersionId);
  }

  @Get(`${VERSION}/xlsx`)
  @UseCase(Action.CatalogueVersionRead)
  @ApiOperation({
    summary: 'The version as an XLSX workbook (sheets Catalogue, Items, Choices, Rules)',
  })
  @ApiProduces(EXPORT_MEDIA_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook' })
  @missing
  async downloadWorkbook(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ): Promise<StreamableFile> {
    return download(await this.catalogues.workbook(actor, versionId));
  }

  @Post(`${API}/catalogue-versions/xlsx`)
  @UseCase(Action.CatalogueVersionCreate)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ApiOperation({
    summary:
      "A new version (a draft) from a workbook, numbered after its key's last; all or nothing",
  })
  @ApiConsumes('multipart/form-data')
  @workbookBody
  @ApiCreatedResponse({ type: CatalogueVersionDetailDto })
  @refused
  createFromWorkbook(
    @Caller() caller: CallerContext,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.createFromWorkbook(caller, file);
  }

  @Put(`${VERSION}/xlsx`)
  @HttpCode(200)
  @UseCase(Action.CatalogueVersionEdit)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ApiOperation({
    summary: "Replaces a draft's items and rules by a workbook of the same key; all or nothing",
  })
  @ApiConsumes('multipart/form-data')
  @workbookBody
  @ApiOkResponse({ type: CatalogueVersionDetailDto })
  @refused
  @used
  @missing
  replaceFromWorkbook(
    @Caller() caller: CallerContext,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
  ): Promise<CatalogueVersionDetailDto> {
    return this.catalogues.replaceFromWorkbook(caller, versionId, file);
  }
}
