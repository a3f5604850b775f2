import {
  BenchmarkUnitProfile,
  effectiveDisclosurePolicy,
  DomainError,
  DomainErrorCode,
  foldedCategoriesOf,
  matchesPeerGroup,
  notFound,
  positionsIn,
  unitIndex,
} from '@app/domain';
import type { CompanyReportInput } from '@app/reporting';
import {
  SnapshotReader,
  StoredPeerGroup,
  type TenantTx,
  findUnit,
  findOrganisation,
  publishedCyclesBefore,
} from '@app/persistence';

/** Cycles of history a report's trend charts show, this one included. */
const TREND_CYCLES = 5;

/**
 * The unit's own peer group for its report: of the predefined groups that contain it and have
 * released cells (industry and size band, then industry, then all participants), the narrowest
 * with enough members for quartiles (`minQuartileMembers`), so that the report can give
 * positions and quartiles; without one, the narrowest released. It is a group the snapshot
 * released, so audited; a folded size band ("L, XL") counts as the unit's.
 */
export function reportPeerGroup(
  groups: readonly StoredPeerGroup[],
  profile: BenchmarkUnitProfile,
  minQuartileMembers: number,
): StoredPeerGroup | undefined {
  const own = groups.filter(
    (g) => g.released && g.kind !== 'custom' && matchesPeerGroup(profile, g.filter),
  );
  const candidates = [['industry', 'sizeBand'], ['industry'], []].flatMap((dimensions) =>
    own.filter((g) => Object.keys(g.filter).sort().join() === dimensions.join()),
  );
  return candidates.find((g) => g.n >= minQuartileMembers) ?? candidates[0];
}

/**
 * Everything a unit's company report shows, read inside the caller's transaction: released
 * cells of the unit's peer group for the KPIs it supplied (give-to-get), its positions, and its
 * trend against the group's median over the published cycles, each cycle's median only for a
 * KPI the unit supplied to that cycle; the policy and the folded categories from the snapshot's
 * manifest for the method appendix. Nothing of another unit but released figures.
 */
export async function companyReportInput(
  m: TenantTx,
  reader: SnapshotReader,
  snapshotId: string,
  unitId: string,
  language: 'de' | 'en',
  generatedAt: Date,
): Promise<CompanyReportInput> {
  const snapshot = await reader.computedSnapshot(m, snapshotId, language);
  const inputs = await reader.frozenInputs(m, snapshotId);
  const u = unitIndex(inputs, unitId);
  const setting = await reader.setting(m, snapshot.cycleId);
  const unit = await findUnit(m, unitId);
  if (u < 0 || !setting || !unit) {
    throw notFound('Unit', unitId);
  }
  const company = await findOrganisation(m, unit.tenantId);
  const profile = inputs.profiles[u];
  const policy = effectiveDisclosurePolicy(
    snapshot.manifest?.policy,
    setting.study.disclosurePolicy,
  );
  const group = reportPeerGroup(
    await reader.peerGroups(m, snapshotId),
    profile,
    policy.minNQuantiles,
  );
  if (!group) {
    throw new DomainError(DomainErrorCode.InvalidState, {
      de: `Snapshot ${snapshotId} gibt keine Vergleichsgruppe der Einheit ${unitId} frei.`,
      en: `Snapshot ${snapshotId} releases no peer group of unit ${unitId}.`,
    });
  }
  // The report is the unit's, whoever orders it: it shows the KPIs the unit supplied itself.
  const cells = await reader.cells(m, snapshotId, group.id, { kind: 'unit', unitId });
  const positions = positionsIn(inputs, setting.catalogue, group, cells, u).map(
    ({ cell: _cell, ...position }) => position,
  );

  // The trend: the published snapshots of the study's earlier cycles, then this one.
  const earlier = await publishedCyclesBefore(
    m,
    setting.study.id,
    setting.cycle.year,
    TREND_CYCLES - 1,
  );
  const trend: CompanyReportInput['trend'] = [];
  for (const cycle of [...earlier].reverse()) {
    if (cycle.publishedSnapshotId) {
      trend.push(await trendPoint(m, reader, cycle.publishedSnapshotId, cycle.year, unitId, group));
    }
  }
  trend.push(await trendPoint(m, reader, snapshotId, setting.cycle.year, unitId, group));

  return {
    language,
    study: { name: setting.study.name },
    cycle: { year: setting.cycle.year },
    unit: { name: unit.name, companyName: company?.name ?? '', profile },
    peerGroup: { id: group.id, label: group.label, n: group.n },
    catalogue: setting.catalogue,
    policy,
    // What the snapshot folded before forming its groups, for the method appendix.
    folding: foldedCategoriesOf(snapshot.manifest?.folding),
    cells,
    positions,
    trend,
    generatedAt,
  };
}

/**
 * The unit's values and the same peer group's released medians in one snapshot, as the unit
 * sees that snapshot's cells: the median of a KPI it did not supply to it is withheld.
 */
async function trendPoint(
  m: TenantTx,
  reader: SnapshotReader,
  snapshotId: string,
  year: number,
  unitId: string,
  group: StoredPeerGroup,
): Promise<CompanyReportInput['trend'][number]> {
  const inputs = await reader.frozenInputs(m, snapshotId);
  const u = unitIndex(inputs, unitId);
  const cells = (await reader.peerGroup(m, snapshotId, group.id))
    ? await reader.cells(m, snapshotId, group.id, { kind: 'unit', unitId })
    : [];
  const values: CompanyReportInput['trend'][number]['values'] = {};
  inputs.kpiKeys.forEach((key, k) => {
    const own = u >= 0 ? inputs.values[k][u] : NaN;
    const cell = cells.find((c) => c.kpiKey === key);
    values[key] = {
      unit: Number.isNaN(own) ? null : own,
      median: cell?.suppressed === null ? cell.p50 : null,
    };
  });
  return { year, values };
}
