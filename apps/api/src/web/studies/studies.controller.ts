import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode, notFound, roleMay } from '@app/domain';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import type { StudyDto } from '../../studies/dto/study.dto';
import { FormRefusal, refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import {
  EnrolFormDto,
  NewCycleFormDto,
  NewStudyFormDto,
  StudySettingsFormDto,
  TrendReportFormDto,
} from './dto/study-forms.dto';
import {
  NewStudyForm,
  StudyForms,
  studiesListModel,
  studyNoticeOf,
  studyPageModel,
  withdrawModel,
} from './studies-page.model';
import {
  UnitsService,
  StudiesService,
  ReportsService,
  OrganisationsService,
} from '@app/application';

/** A reference year as the API takes it (CreateCycleDto). */
const YEAR = /^\s*(\d{4})\s*$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
/** The longest study name (CreateStudyDto, the studies table). */
const MAX_NAME_LENGTH = 200;

/** The distinct languages of a form's checkboxes, in their order. */
const distinct = <T>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])];

/** A study name as typed: trimmed, or the mistake that keeps it from being one. */
function studyNameOf(
  typed: string | undefined,
  t: { nameMissing: string; nameTooLong: string },
): { name: string; error?: string } {
  const name = (typed ?? '').trim();
  if (name === '') {
    return { name, error: t.nameMissing };
  }
  return name.length > MAX_NAME_LENGTH ? { name, error: t.nameTooLong } : { name };
}

/**
 * The publisher's studies: the list with the form that creates a study, and a study with its
 * cycles, participants and units, the forms that change its settings, open a new cycle, enrol a
 * company (and withdraw one after a confirm page) and order the trend report.
 */
@ApiExcludeController()
@Controller()
export class StudiesPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly units: UnitsService,
    private readonly reports: ReportsService,
    private readonly organisations: OrganisationsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('studies')
  @UseCase(Action.StudyOverview)
  list(@Caller() caller: CallerContext, @Page() page: PageContext): Promise<string> {
    return this.listPage(caller, page);
  }

  /**
   * Creates a study (publisher administrators, as in the API) with the catalogue version, the
   * languages and the peer-group dimensions chosen and the default disclosure policy, then
   * shows it. Mistakes come back at their fields (422).
   */
  @Post('studies')
  @UseCase(Action.StudyCreate)
  async create(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Body() body: NewStudyFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.studies.newStudy;
    const versions = await this.studies.listCatalogueVersions(caller.actor);
    const { name, error: nameError } = studyNameOf(body.name, t);
    const catalogueVersionId = body.catalogueVersionId ?? '';
    const languages = distinct(body.languages);
    const peerGroupDimensions = distinct(body.peerGroupDimensions);
    const form: NewStudyForm = {
      name: body.name ?? '',
      catalogueVersionId,
      languages,
      peerGroupDimensions,
      errors: {},
      refusal: null,
    };
    if (nameError !== undefined) {
      form.errors.name = nameError;
    }
    if (!versions.some((v) => v.id === catalogueVersionId)) {
      form.errors.catalogueVersionId = t.catalogueMissing;
    }
    if (languages.length === 0) {
      form.errors.languages = t.languagesMissing;
    }
    if (Object.keys(form.errors).length > 0) {
      sendPage(res, await this.listPage(caller, page, form), 422);
      return;
    }
    let study: StudyDto;
    try {
      // No dimension checked is none: the study's peer groups are then "all" and the pairs.
      study = await this.studies.createStudy(caller.actor, {
        name,
        catalogueVersionId,
        languages,
        peerGroupDimensions,
      });
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, t.refused);
      if (refusal.problems.some((p) => p.key === 'catalogueVersionId')) {
        form.errors.catalogueVersionId = t.catalogueMissing;
      } else {
        form.refusal = refusal;
      }
      sendPage(res, await this.listPage(caller, page, form), 422);
      return;
    }
    seeOther(res, `${pagePaths.study(study.id)}?notice=created`);
  }

  @Get('studies/:studyId')
  @UseCase(Action.StudyOverview)
  show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    return this.studyPage(caller, page, studyId, {}, studyNoticeOf(notice, page));
  }

  /** Changes the study's name and languages (what PATCH studies/:studyId allows). */
  @Post('studies/:studyId')
  @UseCase(Action.StudyUpdate)
  async updateSettings(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Body() body: StudySettingsFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.studies;
    const { name, error: nameError } = studyNameOf(body.name, t.newStudy);
    const languages = distinct(body.languages);
    const settings: Required<StudyForms>['settings'] = {
      name: body.name ?? '',
      languages,
      errors: {},
      refusal: null,
    };
    if (nameError !== undefined) {
      settings.errors.name = nameError;
    }
    if (languages.length === 0) {
      settings.errors.languages = t.newStudy.languagesMissing;
    }
    if (Object.keys(settings.errors).length > 0) {
      sendPage(res, await this.studyPage(caller, page, studyId, { settings }), 422);
      return;
    }
    try {
      await this.studies.updateStudy(caller.actor, studyId, { name, languages });
    } catch (error: unknown) {
      settings.refusal = refusalOf(error, page.language, t.settings.refused);
      sendPage(res, await this.studyPage(caller, page, studyId, { settings }), 422);
      return;
    }
    seeOther(res, `${pagePaths.study(studyId)}?notice=saved`);
  }

  /**
   * Enrols a company (publisher administrators, as in the API): one chosen from the companies
   * the publisher knows, or another one by the id it gave. Refusals come back at the field.
   */
  @Post('studies/:studyId/participations')
  @UseCase(Action.ParticipationEnrol)
  async enrol(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Body() body: EnrolFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.studies.enrol;
    const typed = (body.companyIdTyped ?? '').trim();
    const chosen = body.companyId ?? '';
    const enrol: Required<StudyForms>['enrol'] = {
      companyId: chosen,
      companyIdTyped: body.companyIdTyped ?? '',
      errors: {},
      refusal: null,
    };
    // The id typed wins over the list: a person who typed one means that one.
    const field = typed !== '' ? 'companyIdTyped' : 'companyId';
    const companyId = typed !== '' ? typed.toLowerCase() : chosen;
    if (typed !== '' && !isUUID(companyId)) {
      enrol.errors.companyIdTyped = t.idInvalid;
    } else if (typed === '' && !isUUID(chosen)) {
      enrol.errors.companyId = t.missing;
    }
    if (Object.keys(enrol.errors).length === 0) {
      try {
        await this.studies.enrol(caller.actor, studyId, companyId);
        seeOther(res, `${pagePaths.study(studyId)}?notice=enrolled`);
        return;
      } catch (error: unknown) {
        const refusal: FormRefusal = refusalOf(error, page.language, t.refused);
        if (error instanceof DomainError && error.code === DomainErrorCode.Conflict) {
          enrol.errors[field] = t.taken;
        } else if (refusal.problems.some((p) => p.key === 'companyId')) {
          enrol.errors[field] = t.notACompany;
        } else {
          enrol.refusal = refusal;
        }
      }
    }
    sendPage(res, await this.studyPage(caller, page, studyId, { enrol }), 422);
  }

  /** The confirm step of a withdrawal: what it means, and the button that does it. */
  @Get('studies/:studyId/participations/:participationId/withdraw')
  @UseCase(Action.ParticipationWithdraw)
  async confirmWithdrawal(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Param('participationId', PageIdPipe) participationId: string,
  ): Promise<string> {
    const study = await this.studies.getStudy(caller.actor, studyId);
    const participations = await this.studies.listParticipations(caller.actor, studyId);
    const participation = participations.find((p) => p.id === participationId);
    if (participation === undefined) {
      throw notFound('Participation', participationId);
    }
    return this.pages.render(page, 'studies/withdraw', withdrawModel(study, participation, page));
  }

  /** Withdraws the company (publisher administrators, as in the API), then shows the study. */
  @Post('studies/:studyId/participations/:participationId/withdraw')
  @UseCase(Action.ParticipationWithdraw)
  async withdraw(
    @Caller() caller: CallerContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Param('participationId', PageIdPipe) participationId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.studies.withdraw(caller.actor, studyId, participationId);
    seeOther(res, `${pagePaths.study(studyId)}?notice=withdrawn`);
  }

  /** Opens a new cycle (publisher administrators, as in the API), then shows it. */
  @Post('studies/:studyId/cycles')
  @UseCase(Action.CycleCreate)
  async createCycle(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Body() body: NewCycleFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const t = page.texts.studies.newCycle;
    const typed = body.year ?? '';
    const match = YEAR.exec(typed);
    const year = match ? Number(match[1]) : NaN;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
      const forms: StudyForms = { newCycle: { year: typed, error: t.yearInvalid, refusal: null } };
      sendPage(res, await this.studyPage(caller, page, studyId, forms), 422);
      return;
    }
    try {
      const cycle = await this.studies.createCycle(caller.actor, studyId, year);
      seeOther(res, pagePaths.cycle(cycle.id));
    } catch (error: unknown) {
      const taken = error instanceof DomainError && error.code === DomainErrorCode.Conflict;
      const refusal = refusalOf(
        error,
        page.language,
        t.refused,
        taken ? fill(t.yearTaken, { year }) : undefined,
      );
      const forms: StudyForms = { newCycle: { year: typed, error: null, refusal } };
      sendPage(res, await this.studyPage(caller, page, studyId, forms), 422);
    }
  }

  /** Orders the study's trend report, then shows its progress. */
  @Post('studies/:studyId/trend-reports')
  @UseCase(Action.TrendCompute)
  async orderTrendReport(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Body() body: TrendReportFormDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const { reportId } = await this.reports.createTrendReport(caller, studyId, body.language);
      seeOther(res, pagePaths.trendReport(reportId));
    } catch (error: unknown) {
      const refusal = refusalOf(error, page.language, page.texts.studies.trend.refused);
      const forms: StudyForms = { trend: { language: body.language, refusal } };
      sendPage(res, await this.studyPage(caller, page, studyId, forms), 422);
    }
  }

  private async listPage(
    caller: CallerContext,
    page: PageContext,
    form?: NewStudyForm,
  ): Promise<string> {
    const studies = await this.studies.listStudies(caller.actor);
    const catalogueVersions = await this.studies.listCatalogueVersions(caller.actor);
    const model = studiesListModel(
      studies,
      page,
      { catalogueVersions, canAdminister: roleMay(caller.actor.role, Action.StudyCreate) },
      form,
    );
    return this.pages.render(page, 'studies/list', model);
  }

  private async studyPage(
    caller: CallerContext,
    page: PageContext,
    studyId: string,
    forms: StudyForms = {},
    notice: string | null = null,
  ): Promise<string> {
    const { actor } = caller;
    const study = await this.studies.getStudy(actor, studyId);
    const participations = await this.studies.listParticipations(actor, studyId);
    const units = await this.units.listStudyUnits(actor, studyId);
    const catalogueVersions = await this.studies.listCatalogueVersions(actor);
    const canAdminister = roleMay(actor.role, Action.StudyUpdate);
    // The companies to choose from: those the publisher sees (row-level security: the
    // participants of its studies, as GET /organisations shows them) not in this study yet.
    const taking = new Set(participations.map((p) => p.companyId));
    const enrollable = canAdminister
      ? (await this.organisations.listOrganisations(actor))
          .filter((o) => o.kind === 'company' && !taking.has(o.id))
          .map((o) => ({ id: o.id, name: o.name }))
      : [];
    const model = studyPageModel(
      { study, participations, units, canAdminister, catalogueVersions, enrollable, notice },
      page,
      forms,
    );
    return this.pages.render(page, 'studies/study', model);
  }
}
