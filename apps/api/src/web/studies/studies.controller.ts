import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, DomainErrorCode, PUBLISHER_ROLES } from '@app/domain';
import type { Response } from 'express';
import { Roles } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { ReportsService } from '../../reports/reports.service';
import { StudiesService } from '../../studies/studies.service';
import { UnitsService } from '../../units/units.service';
import { refusalOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { NewCycleFormDto, TrendReportFormDto } from './dto/study-forms.dto';
import { StudyForms, studiesListModel, studyPageModel } from './studies-page.model';

/** A reference year as the API takes it (CreateCycleDto). */
const YEAR = /^\s*(\d{4})\s*$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * The publisher's studies: the list, and a study with its cycles, participants and units, the
 * form that opens a new cycle and the one that orders the trend report.
 */
@ApiExcludeController()
@Controller()
export class StudiesPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly units: UnitsService,
    private readonly reports: ReportsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('studies')
  @Roles(...PUBLISHER_ROLES)
  async list(@Caller() caller: CallerContext, @Page() page: PageContext): Promise<string> {
    const studies = await this.studies.listStudies(caller.actor);
    return this.pages.render(page, 'studies/list', studiesListModel(studies, page));
  }

  @Get('studies/:studyId')
  @Roles(...PUBLISHER_ROLES)
  show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
  ): Promise<string> {
    return this.studyPage(caller, page, studyId);
  }

  /** Opens a new cycle (publisher administrators, as in the API), then shows it. */
  @Post('studies/:studyId/cycles')
  @Roles('publisher_admin')
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
      const refusal = refusalOf(error, t.refused, taken ? fill(t.yearTaken, { year }) : undefined);
      const forms: StudyForms = { newCycle: { year: typed, error: null, refusal } };
      sendPage(res, await this.studyPage(caller, page, studyId, forms), 422);
    }
  }

  /** Orders the study's trend report, then shows its progress. */
  @Post('studies/:studyId/trend-reports')
  @Roles(...PUBLISHER_ROLES)
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
      const refusal = refusalOf(error, page.texts.studies.trend.refused);
      const forms: StudyForms = { trend: { language: body.language, refusal } };
      sendPage(res, await this.studyPage(caller, page, studyId, forms), 422);
    }
  }

  private async studyPage(
    caller: CallerContext,
    page: PageContext,
    studyId: string,
    forms: StudyForms = {},
  ): Promise<string> {
    const study = await this.studies.getStudy(caller.actor, studyId);
    const participations = await this.studies.listParticipations(caller.actor, studyId);
    const units = await this.units.listStudyUnits(caller.actor, studyId);
    const model = studyPageModel(
      {
        study,
        participations,
        units,
        canAdminister: caller.actor.role === 'publisher_admin',
      },
      page,
      forms,
    );
    return this.pages.render(page, 'studies/study', model);
  }
}
