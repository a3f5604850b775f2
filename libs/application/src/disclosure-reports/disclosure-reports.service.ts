import { Injectable } from '@nestjs/common';
import {
  Action,
  CellSummary,
  DisclosureReport,
  disclosureReport,
  notFound,
  requireAccess,
  storedPolicyInForce,
} from '@app/domain';
import {
  CycleEntity,
  peerGroupLedger,
  SnapshotEntity,
  SnapshotReader,
  snapshotCellTallies,
  snapshotStatisticTallies,
  TenantDb,
  findSnapshot,
  cycleOf,
} from '@app/persistence';
import type { CallerContext, Language } from '../common/caller';
import type { DisclosureReportView } from './disclosure-report.types';

/**
 * The disclosure report of a snapshot: what its policy released and withheld, in the standard
 * groups and on request, and who asked for which custom group. It names the participants that
 * asked, so only the snapshot's publisher reads it; everyone else gets not found, as for an id
 * they cannot see.
 */
@Injectable()
export class DisclosureReportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: SnapshotReader,
  ) {}

  report(caller: CallerContext, snapshotId: string): Promise<DisclosureReportView> {
    const { actor } = caller;
    // One state of the database for all counts: custom groups may be added meanwhile.
    return this.db.withTenant(
      actor.tenantId,
      async (m) => {
        const owned = await findSnapshot(m, snapshotId);
        if (!owned) {
          throw notFound('Snapshot', snapshotId);
        }
        // A participant reads a published snapshot, but never its ledger: the snapshot is the
        // publisher's.
        requireAccess(actor, Action.DisclosureReportRead, {
          thing: 'Snapshot',
          id: snapshotId,
          ownerId: owned.tenantId,
        });
        const snapshot = await this.reader.computedSnapshot(m, snapshotId, caller.language);
        const cycle = await cycleOf(m, snapshot);
        const manifest = snapshot.manifest ?? {};
        const setting = await this.reader.setting(m, snapshot.cycleId);
        // The policy the snapshot was computed under, as createPeerGroup applies it.
        const storedPolicy = storedPolicyInForce(
          manifest.policy,
          setting?.study.disclosurePolicy ?? {},
        );
        const groups = await this.reader.peerGroups(m, snapshotId);
        const report = disclosureReport({
          storedPolicy,
          storedFolding: manifest.folding,
          groups,
          cellTallies: await snapshotCellTallies(m, snapshotId),
          statisticTallies: await snapshotStatisticTallies(m, snapshotId),
          ledger: await peerGroupLedger(m, snapshotId),
          profiles: (await this.reader.frozenInputs(m, snapshotId)).profiles,
        });
        return toDto(report, snapshot, cycle, caller.language);
      },
      'REPEATABLE READ',
    );
  }
}

function toSummaryDto(summary: CellSummary): CellSummary {
  return {
    ...summary,
    suppressedByRule: summary.suppressedByRule.map((r) => ({ ...r })),
    statisticsWithheld: summary.statisticsWithheld.map((s) => ({ ...s })),
  };
}

function toDto(
  report: DisclosureReport,
  snapshot: SnapshotEntity,
  cycle: CycleEntity,
  language: Language,
): DisclosureReportView {
  return {
    snapshotId: snapshot.id,
    cycleId: snapshot.cycleId,
    published: cycle.publishedSnapshotId === snapshot.id,
    computedAt: snapshot.finishedAt?.toISOString() ?? null,
    manifestHash: snapshot.manifestHash,
    policy: { ...report.policy },
    rules: report.rules.map((r) => ({ rule: r.rule, parameters: { ...r.parameters } })),
    standard: toSummaryDto(report.standard),
    custom: toSummaryDto(report.custom),
    folding: report.folding.map((f) => ({
      dimension: f.dimension,
      values: [...f.values],
      label: f.label[language],
    })),
    requests: {
      requests: report.requests.requests,
      byDecision: report.requests.byDecision.map((d) => ({ ...d })),
      refusedByRule: report.requests.refusedByRule.map((r) => ({ ...r })),
      requesters: report.requests.requesters.map((r) => ({ ...r })),
    },
    ledger: report.ledger.map((e) => ({ ...e, filter: { ...e.filter } })),
    groups: report.groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      label: g.label[language],
      n: g.n,
      released: g.released,
      cellsReleased: g.cellsReleased,
      cellsSuppressed: g.cellsSuppressed,
      suppressedByRule: g.suppressedByRule.map((r) => ({ ...r })),
      statisticsWithheld: g.statisticsWithheld,
    })),
    utility: { ...report.utility },
  };
}
