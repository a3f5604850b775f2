import { Injectable } from '@nestjs/common';
import {
  Action,
  ALL_PEER_GROUP_ID,
  DomainError,
  DomainErrorCode,
  requireAccess,
} from '@app/domain';
import type { CallerContext } from '../common/caller';
import { defaultPeerGroup } from '../snapshots/default-peer-group';
import { SnapshotsService } from '../snapshots/snapshots.service';
import type { UnitView } from '../units/unit.types';
import type { PositionHistory, PositionYear } from '../snapshots/snapshot.types';
import { StudiesService } from '../studies/studies.service';
import { UnitsService } from '../units/units.service';

/**
 * A unit's year over year: its position in each published cycle of a study, read through
 * `SnapshotsService.position` of each cycle's published snapshot, so that every figure is one
 * the single-year position releases (released cells only, give-to-get, suppression with its
 * rule). Nothing is computed across years here: a KPI withheld in a year stays withheld.
 */
@Injectable()
export class PositionHistoryService {
  constructor(
    private readonly studies: StudiesService,
    private readonly units: UnitsService,
    private readonly snapshots: SnapshotsService,
  ) {}

  /** The unit's positions per published cycle of the study, oldest first. */
  async history(caller: CallerContext, studyId: string, unitId: string): Promise<PositionHistory> {
    requireAccess(caller.actor, Action.BenchmarkRead);
    // Another organisation's study or unit is not found.
    const study = await this.studies.getStudy(caller.actor, studyId);
    const unit = await this.units.getUnit(caller.actor, unitId);
    const years: PositionYear[] = [];
    for (const { id, state } of study.cycles) {
      if (state !== 'published') {
        continue;
      }
      const cycle = await this.studies.getCycle(caller.actor, id);
      if (cycle.publishedSnapshotId !== null) {
        years.push(await this.year(caller, cycle, cycle.publishedSnapshotId, unit));
      }
    }
    return { studyId, unitId, years };
  }

  /**
   * The unit's positions in a published snapshot, in the group its benchmark view opens with
   * (chosen by the unit's profile of today; a unit whose profile was another that year is
   * placed among all participants). A unit without accepted data that year is not in the
   * snapshot: the year has no group and no positions.
   */
  private async year(
    caller: CallerContext,
    cycle: { id: string; year: number },
    snapshotId: string,
    unit: UnitView,
  ): Promise<PositionYear> {
    const none = {
      year: cycle.year,
      cycleId: cycle.id,
      snapshotId,
      peerGroup: null,
      positions: [],
    };
    const groups = await this.snapshots.peerGroups(caller, snapshotId);
    const chosen = defaultPeerGroup(groups, unit.profile);
    const all = groups.find((g) => g.id === ALL_PEER_GROUP_ID && g.released);
    for (const group of [chosen, all]) {
      if (!group) {
        continue;
      }
      try {
        const { peerGroup, positions } = await this.snapshots.position(
          caller,
          snapshotId,
          unit.id,
          group.id,
        );
        return { ...none, peerGroup, positions };
      } catch (error: unknown) {
        if (error instanceof DomainError && error.code === DomainErrorCode.NotFound) {
          return none;
        }
        const notMember =
          error instanceof DomainError &&
          error.problems.some((p) => p.rule === 'member_of_peer_group');
        if (!notMember) {
          throw error;
        }
      }
    }
    return none;
  }
}
