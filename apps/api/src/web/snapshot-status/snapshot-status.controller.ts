import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, roleMay } from '@app/domain';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { snapshotStatusModel } from './snapshot-status.model';
import { StudiesService, SnapshotsService } from '@app/application';

/**
 * A snapshot's progress page for the publisher: state and progress while it is computed (the
 * page refreshes itself), then its manifest and the form that publishes it.
 */
@ApiExcludeController()
@Controller()
export class SnapshotStatusPagesController {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly studies: StudiesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('snapshots/:snapshotId/status')
  @UseCase(Action.StudyOverview)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('snapshotId', PageIdPipe) snapshotId: string,
  ): Promise<string> {
    const snapshot = await this.snapshots.get(caller, snapshotId);
    const cycle = await this.studies.getCycle(caller.actor, snapshot.cycleId);
    const model = snapshotStatusModel(
      snapshot,
      cycle,
      page,
      roleMay(caller.actor.role, Action.CyclePublish),
    );
    return this.pages.render(page, 'snapshot-status/status', model);
  }
}
