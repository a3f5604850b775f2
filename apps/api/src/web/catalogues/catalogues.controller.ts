import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, type CatalogueDefinition, notFound, roleMay } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import type { CatalogueVersionDetailDto } from '../../catalogues/dto/catalogue-editor.dto';
import { download } from '../../common/file-download';
import { Caller, CallerContext } from '../../common/request-context';
import {
  SpreadsheetUploadInterceptor,
  UploadedSpreadsheetFile,
} from '../../imports/spreadsheet-upload.interceptor';
import { FormRefusal, refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import {
  catalogueListModel,
  diffSections,
  ItemFormValues,
  itemFormModel,
  itemFormValues,
  itemInputOf,
  newItemValues,
  versionPageModel,
} from './catalogues-page.model';
import { ItemFormDto } from './dto/item-form.dto';
import { StudiesService, CataloguesService } from '@app/application';

const NOTICES = ['created', 'saved', 'removed', 'assigned'] as const;

/** The form's values from a posted form: a checkbox sends its value only when ticked. */
function valuesOf(body: ItemFormDto): ItemFormValues {
  return {
    key: body.key ?? '',
    area: body.area ?? '',
    type: body.type ?? '',
    unit: body.unit ?? '',
    labelDe: body.labelDe ?? '',
    labelEn: body.labelEn ?? '',
    helpDe: body.helpDe ?? '',
    helpEn: body.helpEn ?? '',
    min: body.min ?? '',
    max: body.max ?? '',
    required: body.required !== undefined,
    polarity: body.polarity ?? '',
    formula: body.formula ?? '',
    choices: body.choices ?? '',
    benchmarked: body.benchmarked !== undefined,
    weightKey: body.weightKey ?? '',
    position: body.position ?? '',
  };
}

/**
 * The questionnaire editor's pages: the versions, a version with its items (a draft's to edit
 * one by one, add and remove), the item form that shows the catalogue's refusal at its field,
 * the XLSX download and upload, the diff of two versions, and the confirmed assignment of a
 * version to a study without cycles. Each calls CataloguesService as the API does.
 */
@ApiExcludeController()
@Controller()
export class CataloguesPagesController {
  constructor(
    private readonly catalogues: CataloguesService,
    private readonly studies: StudiesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('catalogues')
  @UseCase(Action.CatalogueVersionRead)
  list(@Caller() caller: CallerContext, @Page() page: PageContext): Promise<string> {
    return this.listPage(caller, page, null);
  }

  /** A new draft from an uploaded workbook; a refusal lists every bad cell at the form. */
  @Post('catalogues/xlsx')
  @UseCase(Action.CatalogueVersionCreate)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  async upload(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
    @Res() res: Response,
  ): Promise<void> {
    let created: CatalogueVersionDetailDto;
    try {
      created = await this.catalogues.createFromWorkbook(caller, file);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.catalogues.upload.refused);
      sendPage(res, await this.listPage(caller, page, refusal), 422);
      return;
    }
    seeOther(res, `${pagePaths.catalogue(created.id)}?notice=created`);
  }

  @Get('catalogues/:versionId')
  @UseCase(Action.CatalogueVersionRead)
  show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    const known = (NOTICES as readonly unknown[]).includes(notice)
      ? page.texts.catalogues[notice as (typeof NOTICES)[number]]
      : null;
    return this.versionPage(caller, page, versionId, known, null);
  }

  @Post('catalogues/:versionId/drafts')
  @UseCase(Action.CatalogueVersionCreate)
  async startDraft(
    @Caller() caller: CallerContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Res() res: Response,
  ): Promise<void> {
    const draft = await this.catalogues.startDraft(caller.actor, versionId);
    seeOther(res, `${pagePaths.catalogue(draft.id)}?notice=created`);
  }

  @Get('catalogues/:versionId/xlsx')
  @UseCase(Action.CatalogueVersionRead)
  async downloadWorkbook(
    @Caller() caller: CallerContext,
    @Param('versionId', PageIdPipe) versionId: string,
  ): Promise<StreamableFile> {
    return download(await this.catalogues.workbook(caller.actor, versionId));
  }

  /** Replaces a draft by an uploaded workbook; a refusal lists every bad cell at the form. */
  @Post('catalogues/:versionId/xlsx')
  @UseCase(Action.CatalogueVersionEdit)
  @UseInterceptors(SpreadsheetUploadInterceptor)
  async replace(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @UploadedFile() file: UploadedSpreadsheetFile | undefined,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.catalogues.replaceFromWorkbook(caller, versionId, file);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.catalogues.upload.refused);
      sendPage(res, await this.versionPage(caller, page, versionId, null, refusal), 422);
      return;
    }
    seeOther(res, `${pagePaths.catalogue(versionId)}?notice=saved`);
  }

  @Get('catalogues/:versionId/new-item')
  @UseCase(Action.CatalogueVersionEdit)
  async newItem(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
  ): Promise<string> {
    const version = await this.catalogues.getVersion(caller.actor, versionId);
    const count = (version.definition as unknown as CatalogueDefinition).items.length;
    return this.itemPage(page, version, null, newItemValues(count));
  }

  @Post('catalogues/:versionId/items')
  @UseCase(Action.CatalogueVersionEdit)
  addItem(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Body() body: ItemFormDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.saveItemForm(caller, page, versionId, null, body, res);
  }

  @Get('catalogues/:versionId/items/:itemKey')
  @UseCase(Action.CatalogueVersionEdit)
  async editItem(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Param('itemKey') itemKey: string,
  ): Promise<string> {
    const version = await this.catalogues.getVersion(caller.actor, versionId);
    const items = (version.definition as unknown as CatalogueDefinition).items;
    const index = items.findIndex((i) => i.key === itemKey);
    if (index < 0) {
      throw notFound('Catalogue item', itemKey);
    }
    return this.itemPage(page, version, itemKey, itemFormValues(items[index], index + 1, page));
  }

  /**
   * Saves an item: every save checks the whole catalogue, so a formula that does not parse,
   * reads an unknown key or closes a cycle comes back at the formula field (422), unsaved.
   */
  @Post('catalogues/:versionId/items/:itemKey')
  @UseCase(Action.CatalogueVersionEdit)
  saveItem(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Param('itemKey') itemKey: string,
    @Body() body: ItemFormDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.saveItemForm(caller, page, versionId, itemKey, body, res);
  }

  @Post('catalogues/:versionId/items/:itemKey/remove')
  @UseCase(Action.CatalogueVersionEdit)
  async removeItem(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Param('itemKey') itemKey: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.catalogues.removeItem(caller.actor, versionId, itemKey);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.catalogues.item.refused);
      sendPage(res, await this.versionPage(caller, page, versionId, null, refusal), 422);
      return;
    }
    seeOther(res, `${pagePaths.catalogue(versionId)}?notice=removed`);
  }

  /** What changed from one version to the other, item by item and field by field. */
  @Get('catalogues/:versionId/diff/:otherVersionId')
  @UseCase(Action.CatalogueVersionRead)
  async diff(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('versionId', PageIdPipe) versionId: string,
    @Param('otherVersionId', PageIdPipe) otherVersionId: string,
  ): Promise<string> {
    const diff = await this.catalogues.diff(caller.actor, versionId, otherVersionId);
    const t = page.texts.catalogues.diff;
    return this.pages.render(page, 'catalogues/diff', {
      title: fill(t.title, { from: diff.from.version, to: diff.to.version }),
      lead: fill(t.lead, { from: diff.from.version, to: diff.to.version, key: diff.to.key }),
      listHref: pagePaths.catalogues(),
      toHref: pagePaths.catalogue(diff.to.id),
      ...diffSections(diff, page),
    });
  }

  /** The confirm step of assigning a version to a study: the diff against its current one. */
  @Get('studies/:studyId/catalogue/:versionId')
  @UseCase(Action.StudyUpdate)
  async confirmAssignment(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Param('versionId', PageIdPipe) versionId: string,
  ): Promise<string> {
    return this.assignPage(caller, page, studyId, versionId, null);
  }

  @Post('studies/:studyId/catalogue/:versionId')
  @UseCase(Action.StudyUpdate)
  async assign(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Param('versionId', PageIdPipe) versionId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.catalogues.getVersion(caller.actor, versionId);
      await this.studies.updateStudy(caller.actor, studyId, { catalogueVersionId: versionId });
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.catalogues.assign.refused);
      sendPage(res, await this.assignPage(caller, page, studyId, versionId, refusal), 422);
      return;
    }
    seeOther(res, `${pagePaths.catalogue(versionId)}?notice=assigned`);
  }

  private async assignPage(
    caller: CallerContext,
    page: PageContext,
    studyId: string,
    versionId: string,
    refusal: FormRefusal | null,
  ): Promise<string> {
    const study = await this.studies.getStudy(caller.actor, studyId);
    if (study.publisherId !== caller.actor.tenantId) {
      throw notFound('Study', studyId);
    }
    const diff = await this.catalogues.diff(caller.actor, study.catalogueVersionId, versionId);
    const t = page.texts.catalogues.assign;
    return this.pages.render(page, 'catalogues/assign', {
      title: fill(t.title, { version: diff.to.version, study: study.name }),
      lead: fill(t.lead, { current: `${diff.from.key} ${diff.from.version}` }),
      action: pagePaths.studyCatalogue(studyId, versionId),
      cancelHref: pagePaths.catalogue(versionId),
      refusal: refusal
        ? [
            { field: null, message: refusal.message },
            { field: null, message: refusal.detail },
          ]
        : [],
      ...diffSections(diff, page),
    });
  }

  private async saveItemForm(
    caller: CallerContext,
    page: PageContext,
    versionId: string,
    itemKey: string | null,
    body: ItemFormDto,
    res: Response,
  ): Promise<void> {
    // The version first: another organisation's id is not found whatever the form says.
    const version = await this.catalogues.getVersion(caller.actor, versionId);
    const values = valuesOf(body);
    const read = itemInputOf(values, page);
    if ('errors' in read) {
      sendPage(res, this.itemPage(page, version, itemKey, values, read.errors), 422);
      return;
    }
    try {
      if (itemKey === null) {
        await this.catalogues.addItem(caller.actor, versionId, read.input);
      } else {
        await this.catalogues.saveItem(caller.actor, versionId, itemKey, read.input);
      }
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.catalogues.item.refused);
      sendPage(res, this.itemPage(page, version, itemKey, values, {}, refusal), 422);
      return;
    }
    seeOther(res, `${pagePaths.catalogue(versionId)}?notice=saved`);
  }

  private itemPage(
    page: PageContext,
    version: CatalogueVersionDetailDto,
    itemKey: string | null,
    values: ItemFormValues,
    errors: Partial<Record<keyof ItemFormValues, string>> = {},
    refusal: FormRefusal | null = null,
  ): string {
    return this.pages.render(
      page,
      'catalogues/item',
      itemFormModel(version, itemKey, values, page, errors, refusal),
    );
  }

  private async listPage(
    caller: CallerContext,
    page: PageContext,
    refusal: FormRefusal | null,
  ): Promise<string> {
    const versions = await this.catalogues.listVersions(caller.actor);
    const canCreate = roleMay(caller.actor.role, Action.CatalogueVersionCreate);
    return this.pages.render(
      page,
      'catalogues/list',
      catalogueListModel(versions, page, canCreate, refusal),
    );
  }

  private async versionPage(
    caller: CallerContext,
    page: PageContext,
    versionId: string,
    notice: string | null,
    refusal: FormRefusal | null,
  ): Promise<string> {
    const version = await this.catalogues.getVersion(caller.actor, versionId);
    const siblings = await this.catalogues.listVersions(caller.actor);
    const role = caller.actor.role;
    const studies = roleMay(role, Action.StudyUpdate)
      ? (await this.studies.listStudies(caller.actor)).filter(
          (s) => s.publisherId === caller.actor.tenantId,
        )
      : [];
    const may = {
      create: roleMay(role, Action.CatalogueVersionCreate),
      edit: roleMay(role, Action.CatalogueVersionEdit),
      assign: roleMay(role, Action.StudyUpdate),
    };
    return this.pages.render(
      page,
      'catalogues/version',
      versionPageModel(version, siblings, studies, page, may, notice, refusal),
    );
  }
}
