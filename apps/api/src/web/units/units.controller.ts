import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, roleMay } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import type { UnitDto } from '../../units/dto/unit.dto';
import { refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { UnitFormDto } from './dto/unit-form.dto';
import { readUnitForm } from './unit-form-input.util';
import {
  newUnitModel,
  UnitPageState,
  unitNoticeOf,
  unitPageModel,
  unitsListModel,
} from './units-page.model';
import { UnitsService, OrganisationsService } from '@app/application';

/** Who changes a unit's profile (UnitsController's PATCH); adding one is the administrators'. */
/**
 * A company's units (contact centers) with their profile: the list, the form that adds one and
 * the unit's page with the form that edits it, through UnitsService as the API does. A
 * publisher sees its participants' units read-only, as the API lets it.
 */
@ApiExcludeController()
@Controller()
export class UnitsPagesController {
  constructor(
    private readonly units: UnitsService,
    private readonly organisations: OrganisationsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('units')
  @UseCase(Action.UnitRead)
  async list(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    const { actor } = caller;
    const units = await this.units.listUnits(actor);
    const isCompany = actor.organisationKind === 'company';
    const model = unitsListModel(
      {
        units,
        companyNames: isCompany ? null : await this.organisations.organisationNames(caller.actor),
        organisationId: isCompany ? actor.tenantId : null,
        canAdd: roleMay(actor.role, Action.UnitCreate),
        canEdit: roleMay(actor.role, Action.UnitUpdate),
      },
      page,
      unitNoticeOf(notice, page.texts.units),
    );
    return this.pages.render(page, 'units/list', model);
  }

  /** The form that adds a unit (company administrators, as in the API). */
  @Get('units/new')
  @UseCase(Action.UnitCreate)
  newUnit(@Page() page: PageContext): string {
    return this.pages.render(page, 'units/unit', newUnitModel(page));
  }

  /** Adds a unit, then shows it; a form with mistakes comes back with them at their fields. */
  @Post('units')
  @UseCase(Action.UnitCreate)
  async create(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Body() body: UnitFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.units;
    const { unit, posted, errors } = readUnitForm(body, page.language, t);
    if (unit === null) {
      sendPage(res, this.pages.render(page, 'units/unit', newUnitModel(page, posted, errors)), 422);
      return;
    }
    let created: UnitDto;
    try {
      created = await this.units.createUnit(caller.actor, unit);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, t.errors.refused);
      const model = newUnitModel(page, posted, {}, `${refusal.message} ${refusal.detail}`);
      sendPage(res, this.pages.render(page, 'units/unit', model), 422);
      return;
    }
    seeOther(res, `${pagePaths.unit(created.id)}?notice=created`);
  }

  @Get('units/:unitId')
  @UseCase(Action.UnitRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('unitId', PageIdPipe) unitId: string,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    // Row-level security: another company's unit is not found (404 page).
    const unit = await this.units.getUnit(caller.actor, unitId);
    return this.unitPage(caller, page, unit, {
      notice: unitNoticeOf(notice, page.texts.units),
    });
  }

  /** Saves a unit's profile; its size band follows the agent FTE (UnitsService). */
  @Post('units/:unitId')
  @UseCase(Action.UnitUpdate)
  async update(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('unitId', PageIdPipe) unitId: string,
    @Body() body: UnitFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.units;
    const stored = await this.units.getUnit(caller.actor, unitId);
    const { unit, posted, errors } = readUnitForm(body, page.language, t);
    if (unit === null) {
      const html = await this.unitPage(caller, page, stored, { notice: null, posted, errors });
      sendPage(res, html, 422);
      return;
    }
    try {
      await this.units.updateUnit(caller.actor, unitId, unit);
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, t.errors.refused);
      const html = await this.unitPage(caller, page, stored, {
        notice: null,
        posted,
        refusal: `${refusal.message} ${refusal.detail}`,
      });
      sendPage(res, html, 422);
      return;
    }
    seeOther(res, `${pagePaths.unit(unitId)}?notice=saved`);
  }

  private async unitPage(
    caller: CallerContext,
    page: PageContext,
    unit: UnitDto,
    state: Omit<UnitPageState, 'canEdit' | 'companyName'>,
  ): Promise<string> {
    const { actor } = caller;
    const own = unit.companyId === actor.tenantId;
    const companyName = own
      ? null
      : ((await this.organisations.organisationNames(caller.actor)).get(unit.companyId) ?? null);
    const model = unitPageModel(unit, page, {
      ...state,
      canEdit: own && roleMay(actor.role, Action.UnitUpdate),
      companyName,
    });
    return this.pages.render(page, 'units/unit', model);
  }
}
