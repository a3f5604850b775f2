import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode, notFound } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import type { BenchmarkCellDto, KpiPositionDto } from '../../snapshots/dto/snapshot.dto';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { benchmarkViewModel, refusalText } from './benchmark-view.model';
import { PeerGroupFormDto } from './dto/peer-group-form.dto';
import { SnapshotsService, defaultPeerGroup, SubmissionsService } from '@app/application';

/** A custom peer group that was refused, to show at its form. */
interface Refusal {
  text: string;
  filter: Record<string, readonly string[]>;
}

/** The values ticked in the custom group form, as lists of strings (anything else dropped). */
function tickedValues(filter: Record<string, unknown> | undefined): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(filter ?? {}).map(([dimension, values]) => [
      dimension,
      Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [],
    ]),
  );
}

/**
 * The benchmark view of a unit in a snapshot: its positions in a released peer group through
 * SnapshotsService (as the API's position endpoint), the peer group selector and the custom
 * peer group form, whose refusal names the disclosure rule in words.
 */
@ApiExcludeController()
@Controller('snapshots/:snapshotId')
export class BenchmarksPagesController {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly submissions: SubmissionsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('benchmarks')
  @UseCase(Action.BenchmarkRead)
  view(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('snapshotId', PageIdPipe) snapshotId: string,
    @Query('unitId', PageIdPipe) unitId: string,
    @Query('peerGroup') peerGroup: unknown,
  ): Promise<string> {
    return this.viewPage(
      page,
      caller,
      snapshotId,
      unitId,
      typeof peerGroup === 'string' && peerGroup !== '' ? peerGroup : null,
      null,
    );
  }

  /**
   * Creates a custom peer group through SnapshotsService: a released one opens the view with
   * it, a refused one shows the view again with the rule in words (422).
   */
  @Post('peer-groups')
  @UseCase(Action.PeerGroupRelease)
  async createPeerGroup(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('snapshotId', PageIdPipe) snapshotId: string,
    @Body() body: PeerGroupFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const filter = tickedValues(body.filter);
    // A dimension with nothing ticked does not restrict: it is left out of the filter.
    const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v.length > 0));
    try {
      const created = await this.snapshots.createPeerGroup(caller, snapshotId, given);
      seeOther(
        response,
        pagePaths.peerGroupBenchmarks(snapshotId, body.unitId, created.peerGroup.id),
      );
    } catch (error: unknown) {
      if (!(error instanceof DomainError) || error.code !== DomainErrorCode.ValidationFailed) {
        throw error;
      }
      const t = page.texts.benchmarks;
      const reasons =
        error.problems.length > 0
          ? error.problemsIn(page.language)
          : [{ rule: '', message: error.messageIn(page.language) }];
      const groups = await this.snapshots.peerGroups(caller, snapshotId);
      const text = reasons.map((p) => refusalText(p, page.language, t, groups)).join(' ');
      const html = await this.viewPage(
        page,
        caller,
        snapshotId,
        body.unitId,
        body.peerGroup ?? null,
        {
          text,
          filter,
        },
      );
      sendPage(response, html, 422);
    }
  }

  private async viewPage(
    page: PageContext,
    caller: CallerContext,
    snapshotId: string,
    unitId: string,
    peerGroupId: string | null,
    refusal: Refusal | null,
  ): Promise<string> {
    const t = page.texts.benchmarks;
    const snapshot = await this.snapshots.get(caller, snapshotId);
    // The unit, its study, cycle and catalogue, as the caller may see them: another company's
    // unit is not found.
    const { unit, study, cycle, catalogue } = await this.submissions.context(
      caller,
      snapshot.cycleId,
      unitId,
    );
    const groups = await this.snapshots.peerGroups(caller, snapshotId);
    const group =
      peerGroupId === null
        ? defaultPeerGroup(groups, unit)
        : groups.find((g) => g.id === peerGroupId);
    if (!group) {
      throw notFound('Peer group', peerGroupId ?? 'all');
    }
    let positions: KpiPositionDto[] | null = null;
    let cells: BenchmarkCellDto[] = [];
    let note: string | null = null;
    let included = true;
    try {
      positions = (await this.snapshots.position(caller, snapshotId, unitId, group.id)).positions;
    } catch (error: unknown) {
      const notMember =
        error instanceof DomainError &&
        error.problems.some((p) => p.rule === 'member_of_peer_group');
      // The unit and the group are visible (checked above): a unit without accepted data is
      // not in the snapshot.
      const notIncluded = error instanceof DomainError && error.code === DomainErrorCode.NotFound;
      if (!notMember && !notIncluded) {
        throw error;
      }
      note = notMember ? t.notMember : t.notIncluded;
      included = notMember;
      // The view is the unit's: the cells it may see are those of the KPIs it supplied itself.
      cells = (await this.snapshots.benchmarks(caller, snapshotId, group.id, unitId)).cells;
    }
    const model = benchmarkViewModel({
      language: page.language,
      texts: t,
      catalogue,
      profile: unit,
      groups,
      group,
      positions,
      cells,
      filter: refusal?.filter,
    });
    return this.pages.render(page, 'benchmarks/view', {
      title: `${t.title}: ${unit.name}`,
      heading: fill(t.heading, { year: cycle.year, unit: unit.name }),
      lead: fill(t.lead, { study: study.name, year: cycle.year }),
      homeHref: pagePaths.home(),
      historyHref: pagePaths.positionHistory(study.id, unitId),
      notPublished: !snapshot.published,
      note,
      viewAction: pagePaths.snapshotBenchmarks(snapshotId),
      peerGroupAction: pagePaths.peerGroups(snapshotId),
      reportAction: pagePaths.reportOrder(snapshotId),
      canOrderReport: included,
      unitId,
      peerGroupId: group.id,
      refusal: refusal?.text ?? null,
      peerGroupLine: fill(t.peerGroup, { label: model.groupLabel }),
      ...model,
    });
  }
}
