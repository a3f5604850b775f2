import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, notFound } from '@app/domain';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { positionHistoryModel } from './position-history-page.model';
import { StudiesService, PositionHistoryService, SubmissionsService } from '@app/application';

/**
 * A unit's year over year: its percentile rank per KPI in every published cycle of a study,
 * through PositionHistoryService (as the API's position-history route), as small multiples per
 * area with the same figures in words.
 */
@ApiExcludeController()
@Controller('studies/:studyId/units/:unitId')
export class PositionHistoryPagesController {
  constructor(
    private readonly history: PositionHistoryService,
    private readonly studies: StudiesService,
    private readonly submissions: SubmissionsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('position-history')
  @UseCase(Action.BenchmarkRead)
  async view(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Param('unitId', PageIdPipe) unitId: string,
  ): Promise<string> {
    const t = page.texts.positionHistory;
    const history = await this.history.history(caller, studyId, unitId);
    // The unit's name and the study's catalogue, as the benchmark view reads them: through the
    // newest cycle of the study (the history has found the study and the unit).
    const study = await this.studies.getStudy(caller.actor, studyId);
    const newest = study.cycles.at(-1);
    if (newest === undefined) {
      throw notFound('Cycle', studyId);
    }
    const { unit, catalogue } = await this.submissions.context(caller, newest.id, unitId);
    const model = positionHistoryModel({
      language: page.language,
      texts: t,
      benchmarkTexts: page.texts.benchmarks,
      catalogue,
      history,
    });
    return this.pages.render(page, 'position-history/history', {
      title: `${t.title}: ${unit.name}`,
      heading: fill(t.heading, { unit: unit.name }),
      lead: fill(t.lead, { study: study.name }),
      homeHref: pagePaths.home(),
      ...model,
    });
  }
}
