import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import {
  addCustomGroup,
  applyGiveToGet,
  BenchmarkCell,
  Catalogue,
  computeSnapshot,
  disclosurePolicyOf,
  DomainError,
  DomainErrorCode,
  isCompanyRole,
  LocalizedText,
  matchesPeerGroup,
  notFound,
  PeerGroupDefinition,
  peerGroupDefinition,
  unitPosition,
  validatePeerGroupFilter,
} from '@app/domain';
import { JobPayloads, jobIds, QueueName, SnapshotJob } from '@app/jobs';
import {
  benchmarkKpis,
  CycleEntity,
  FrozenInputs,
  loadSnapshotSetting,
  readFrozenInputs,
  SnapshotEntity,
  snapshotInputKey,
  sourceHash,
  SubmissionEntity,
  TenantDb,
  writePeerGroups,
} from '@app/persistence';
import type { Queue } from 'bull';
import { EntityManager } from 'typeorm';
import type { CallerContext, Language } from '../common/request-context';
import {
  BenchmarkCellDto,
  BenchmarksDto,
  PeerGroupDto,
  PositionDto,
  SnapshotDto,
  StartedSnapshotDto,
} from './dto/snapshot.dto';

interface PeerGroupRow {
  peer_group_id: string;
  kind: PeerGroupDefinition['kind'];
  filter: PeerGroupDefinition['filter'];
  label: LocalizedText;
  n: number;
  released: boolean;
  ordinal: number;
}

interface CellRow {
  kpi_key: string;
  n: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  pooled: number | null;
  suppressed: BenchmarkCell['suppressed'];
  suppressed_statistics: BenchmarkCell['suppressedStatistics'];
}

/** Frozen inputs never change, so a few recently used ones are kept in memory. */
const FROZEN_CACHE_SIZE = 4;

/** Snapshots: starting their computation, and what a publisher or participant may read of them. */
@Injectable()
export class SnapshotsService {
  private readonly catalogues = new Map<string, Catalogue>();
  private readonly frozen = new Map<string, FrozenInputs>();

  constructor(
    private readonly db: TenantDb,
    @InjectQueue(QueueName.Snapshots) private readonly queue: Queue,
  ) {}

  /** Queues the computation of a cycle's snapshot, or reuses one of the same inputs. */
  async start(
    caller: CallerContext,
    cycleId: string,
    recompute: boolean,
  ): Promise<StartedSnapshotDto> {
    const { actor } = caller;
    const started = await this.db.withTenant(actor.tenantId, async (m) => {
      const setting = await loadSnapshotSetting(m, cycleId, this.catalogues);
      if (!setting || setting.cycle.tenantId !== actor.tenantId) {
        throw notFound('Cycle', cycleId);
      }
      // One request at a time per cycle decides between reuse and a new snapshot.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`snapshot:${cycleId}`]);
      const accepted = await m.countBy(SubmissionEntity, { cycleId, state: 'accepted' });
      if (accepted === 0) {
        throw new DomainError(
          DomainErrorCode.InvalidState,
          caller.language === 'de'
            ? `Der Zyklus ${setting.cycle.year} hat noch keine angenommenen Datensätze; ein Benchmark braucht angenommene Datensätze.`
            : `The cycle ${setting.cycle.year} has no accepted submissions yet; a benchmark needs accepted submissions.`,
        );
      }
      const inputKey = snapshotInputKey(setting, await sourceHash(m, cycleId));
      const existing = recompute
        ? null
        : await m
            .createQueryBuilder(SnapshotEntity, 's')
            .where('s.cycle_id = :cycleId AND s.input_key = :inputKey AND s.state <> :failed', {
              cycleId,
              inputKey,
              failed: 'failed',
            })
            .orderBy('s.created_at', 'DESC')
            .getOne();
      if (existing) {
        return { snapshot: existing, reused: true };
      }
      const snapshot = await m.save(
        m.create(SnapshotEntity, {
          tenantId: actor.tenantId,
          cycleId,
          inputKey,
          state: 'queued',
          progress: 0,
          attempts: 0,
        }),
      );
      return { snapshot, reused: false };
    });
    if (started.snapshot.state !== 'done') {
      // A repeated add with the same job id is a no-op, so a lost enqueue heals on a retry.
      const payload: JobPayloads[SnapshotJob.Compute] = {
        tenantId: actor.tenantId,
        snapshotId: started.snapshot.id,
      };
      await this.queue.add(SnapshotJob.Compute, payload, {
        jobId: jobIds.computeSnapshot(started.snapshot.id),
      });
    }
    return { snapshotId: started.snapshot.id, reused: started.reused };
  }

  get(caller: CallerContext, snapshotId: string): Promise<SnapshotDto> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const snapshot = await this.findSnapshot(m, snapshotId);
      const cycle = await m.findOneByOrFail(CycleEntity, { id: snapshot.cycleId });
      return toSnapshotDto(snapshot, cycle);
    });
  }

  /** A cycle's snapshots, newest first; a participant sees the published one only. */
  list(caller: CallerContext, cycleId: string): Promise<SnapshotDto[]> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const cycle = await m.findOneBy(CycleEntity, { id: cycleId });
      if (!cycle) {
        throw notFound('Cycle', cycleId);
      }
      const snapshots = await m.find(SnapshotEntity, {
        where: { cycleId },
        order: { createdAt: 'DESC' },
      });
      return snapshots.map((s) => toSnapshotDto(s, cycle));
    });
  }

  /** The peer groups of a snapshot; a participant sees the released ones. */
  peerGroups(caller: CallerContext, snapshotId: string): Promise<PeerGroupDto[]> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      await this.findComputedSnapshot(m, snapshotId, caller.language);
      const rows = await m.query<PeerGroupRow[]>(
        `SELECT * FROM snapshot_peer_groups WHERE snapshot_id = $1 ORDER BY ordinal`,
        [snapshotId],
      );
      return rows
        .filter((row) => row.released || !isCompanyRole(caller.actor.role))
        .map((row) => toPeerGroupDto(row, caller.language));
    });
  }

  /** The cells of one peer group; a participant sees the KPIs it supplied (give-to-get). */
  benchmarks(
    caller: CallerContext,
    snapshotId: string,
    peerGroupId: string,
  ): Promise<BenchmarksDto> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      await this.findComputedSnapshot(m, snapshotId, caller.language);
      const group = await this.findPeerGroup(m, snapshotId, peerGroupId, caller);
      return this.benchmarksOf(m, caller, snapshotId, group);
    });
  }

  /**
   * A custom peer group over profile dimensions. It is shared by everybody who reads the
   * snapshot, so that every later group is checked for differencing against it too.
   */
  createPeerGroup(
    caller: CallerContext,
    snapshotId: string,
    filterInput: unknown,
  ): Promise<BenchmarksDto> {
    const filter = validatePeerGroupFilter(filterInput);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const snapshot = await this.findComputedSnapshot(m, snapshotId, caller.language);
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`peer-groups:${snapshotId}`]);
      const definition = peerGroupDefinition(filter);
      const rows = await m.query<PeerGroupRow[]>(
        `SELECT * FROM snapshot_peer_groups WHERE snapshot_id = $1 ORDER BY ordinal`,
        [snapshotId],
      );
      const known = rows.find((r) => r.peer_group_id === definition.id);
      if (known) {
        if (!known.released) {
          // The same group exists and none of its cells is released: refused for the same rule.
          const [suppressed] = (await this.cellsOf(m, snapshotId, known.peer_group_id)).flatMap(
            (cell) => (cell.suppressed ? [cell.suppressed] : []),
          );
          throw refusal(suppressed.rule, suppressed.reason[caller.language]);
        }
        return this.benchmarksOf(m, caller, snapshotId, known);
      }
      const inputs = await this.frozenInputs(m, snapshotId);
      const setting = await loadSnapshotSetting(m, snapshot.cycleId, this.catalogues);
      if (!setting) {
        throw notFound('Snapshot', snapshotId);
      }
      const state = computeSnapshot({
        profiles: inputs.profiles,
        kpis: benchmarkKpis(setting.catalogue),
        values: inputs.values,
        peerGroups: rows.map(toDefinition),
        policy:
          (snapshot.manifest?.policy as ReturnType<typeof disclosurePolicyOf>) ??
          disclosurePolicyOf(setting.study.disclosurePolicy),
      });
      const outcome = addCustomGroup(state, definition);
      if (!outcome.released) {
        throw refusal(outcome.rule, outcome.reason[caller.language]);
      }
      const ordinal = rows.length === 0 ? 0 : Math.max(...rows.map((r) => r.ordinal)) + 1;
      await writePeerGroups(m, snapshot, [definition], { groups: [outcome.group] }, ordinal);
      const stored = await m.query<PeerGroupRow[]>(
        `SELECT * FROM snapshot_peer_groups WHERE snapshot_id = $1 AND peer_group_id = $2`,
        [snapshotId, definition.id],
      );
      return this.benchmarksOf(m, caller, snapshotId, stored[0]);
    });
  }

  /** A unit's position per KPI in one of its peer groups. */
  position(
    caller: CallerContext,
    snapshotId: string,
    unitId: string,
    peerGroupId: string,
  ): Promise<PositionDto> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const snapshot = await this.findComputedSnapshot(m, snapshotId, caller.language);
      const inputs = await this.frozenInputs(m, snapshotId);
      const u = inputs.unitIds.indexOf(unitId);
      const isCompany = isCompanyRole(caller.actor.role);
      if (u < 0 || (isCompany && inputs.unitTenants[u] !== caller.actor.tenantId)) {
        throw notFound('Unit', unitId);
      }
      const group = await this.findPeerGroup(m, snapshotId, peerGroupId, caller);
      if (!matchesPeerGroup(inputs.profiles[u], group.filter)) {
        throw new DomainError(
          DomainErrorCode.ValidationFailed,
          caller.language === 'de'
            ? `Die Einheit gehört nicht zur Vergleichsgruppe ${group.peer_group_id}; eine Position gibt es nur in den eigenen Vergleichsgruppen.`
            : `The unit is not a member of the peer group ${group.peer_group_id}; positions exist only in the unit's own peer groups.`,
          [{ key: 'peerGroup', rule: 'member_of_peer_group', message: 'not a member' }],
        );
      }
      const setting = await loadSnapshotSetting(m, snapshot.cycleId, this.catalogues);
      if (!setting) {
        throw notFound('Snapshot', snapshotId);
      }
      const members: number[] = [];
      inputs.profiles.forEach((profile, i) => {
        if (matchesPeerGroup(profile, group.filter)) {
          members.push(i);
        }
      });
      let cells = await this.cellsOf(m, snapshotId, group.peer_group_id);
      if (isCompany) {
        cells = applyGiveToGet(
          cells,
          this.suppliedBy(inputs, (i) => i === u),
        );
      }
      const positions = cells.map((cell) => {
        const k = inputs.kpiKeys.indexOf(cell.kpiKey);
        const value = k >= 0 ? inputs.values[k][u] : NaN;
        const peers = Float64Array.from(
          members.map((i) => inputs.values[k][i]).filter((v) => !Number.isNaN(v)),
        ).sort();
        const position = unitPosition({
          value: Number.isNaN(value) ? null : value,
          peerValuesSorted: peers,
          polarity: setting.catalogue.item(cell.kpiKey)?.polarity ?? 'neutral',
          cell,
        });
        return { kpiKey: cell.kpiKey, ...position, cell: toCellDto(cell, caller.language) };
      });
      return {
        snapshotId,
        unitId,
        peerGroup: toPeerGroupDto(group, caller.language),
        positions,
      };
    });
  }

  private async benchmarksOf(
    m: EntityManager,
    caller: CallerContext,
    snapshotId: string,
    group: PeerGroupRow,
  ): Promise<BenchmarksDto> {
    let cells = await this.cellsOf(m, snapshotId, group.peer_group_id);
    if (isCompanyRole(caller.actor.role)) {
      const inputs = await this.frozenInputs(m, snapshotId);
      cells = applyGiveToGet(
        cells,
        this.suppliedBy(inputs, (u) => inputs.unitTenants[u] === caller.actor.tenantId),
      );
    }
    return {
      snapshotId,
      peerGroup: toPeerGroupDto(group, caller.language),
      cells: cells.map((c) => toCellDto(c, caller.language)),
    };
  }

  /** The KPIs that at least one of the selected units supplied. */
  private suppliedBy(inputs: FrozenInputs, selected: (unit: number) => boolean): Set<string> {
    const supplied = new Set<string>();
    inputs.kpiKeys.forEach((key, k) => {
      const column = inputs.values[k];
      for (let u = 0; u < column.length; u++) {
        if (selected(u) && !Number.isNaN(column[u])) {
          supplied.add(key);
          return;
        }
      }
    });
    return supplied;
  }

  private async frozenInputs(m: EntityManager, snapshotId: string): Promise<FrozenInputs> {
    const cached = this.frozen.get(snapshotId);
    if (cached) {
      return cached;
    }
    const inputs = await readFrozenInputs(m, snapshotId);
    if (!inputs) {
      throw notFound('Snapshot', snapshotId);
    }
    this.frozen.set(snapshotId, inputs);
    if (this.frozen.size > FROZEN_CACHE_SIZE) {
      this.frozen.delete(this.frozen.keys().next().value as string);
    }
    return inputs;
  }

  private async cellsOf(
    m: EntityManager,
    snapshotId: string,
    peerGroupId: string,
  ): Promise<BenchmarkCell[]> {
    const cells = await m.query<CellRow[]>(
      `SELECT kpi_key, n, mean, p10, p25, p50, p75, p90, pooled, suppressed, suppressed_statistics
         FROM snapshot_cells WHERE snapshot_id = $1 AND peer_group_id = $2`,
      [snapshotId, peerGroupId],
    );
    return cells.map((row) => ({
      kpiKey: row.kpi_key,
      n: row.n,
      mean: row.mean,
      p10: row.p10,
      p25: row.p25,
      p50: row.p50,
      p75: row.p75,
      p90: row.p90,
      pooled: row.pooled,
      suppressed: row.suppressed,
      suppressedStatistics: row.suppressed_statistics,
    }));
  }

  private async findSnapshot(m: EntityManager, snapshotId: string): Promise<SnapshotEntity> {
    const snapshot = await m.findOneBy(SnapshotEntity, { id: snapshotId });
    if (!snapshot) {
      throw notFound('Snapshot', snapshotId);
    }
    return snapshot;
  }

  private async findComputedSnapshot(
    m: EntityManager,
    snapshotId: string,
    language: Language,
  ): Promise<SnapshotEntity> {
    const snapshot = await this.findSnapshot(m, snapshotId);
    if (snapshot.state !== 'done') {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        language === 'de'
          ? `Der Snapshot ist noch nicht berechnet (Status ${snapshot.state}, ${snapshot.progress} %).`
          : `The snapshot is not computed yet (state ${snapshot.state}, ${snapshot.progress} %).`,
      );
    }
    return snapshot;
  }

  private async findPeerGroup(
    m: EntityManager,
    snapshotId: string,
    peerGroupId: string,
    caller: CallerContext,
  ): Promise<PeerGroupRow> {
    const [row] = await m.query<PeerGroupRow[]>(
      `SELECT * FROM snapshot_peer_groups WHERE snapshot_id = $1 AND peer_group_id = $2`,
      [snapshotId, peerGroupId],
    );
    if (!row || (!row.released && isCompanyRole(caller.actor.role))) {
      throw notFound('Peer group', peerGroupId);
    }
    return row;
  }
}

/** A custom peer group that disclosure control does not release: 422 naming the rule. */
function refusal(rule: string, reason: string): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, reason, [
    { key: 'filter', rule, message: reason },
  ]);
}

function toDefinition(row: PeerGroupRow): PeerGroupDefinition {
  return { id: row.peer_group_id, kind: row.kind, filter: row.filter, label: row.label };
}

function toSnapshotDto(s: SnapshotEntity, cycle: CycleEntity): SnapshotDto {
  return {
    id: s.id,
    cycleId: s.cycleId,
    state: s.state,
    progress: s.progress,
    published: cycle.publishedSnapshotId === s.id,
    manifest: s.manifest,
    manifestHash: s.manifestHash,
    error: s.error,
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

function toPeerGroupDto(row: PeerGroupRow, language: Language): PeerGroupDto {
  return {
    id: row.peer_group_id,
    kind: row.kind,
    label: row.label[language],
    filter: row.filter as Record<string, string[]>,
    n: row.n,
    released: row.released,
  };
}

function toCellDto(cell: BenchmarkCell, language: Language): BenchmarkCellDto {
  return {
    kpiKey: cell.kpiKey,
    n: cell.n,
    mean: cell.mean,
    p10: cell.p10,
    p25: cell.p25,
    p50: cell.p50,
    p75: cell.p75,
    p90: cell.p90,
    pooled: cell.pooled,
    suppressed: cell.suppressed
      ? { rule: cell.suppressed.rule, reason: cell.suppressed.reason[language] }
      : null,
    suppressedStatistics: cell.suppressedStatistics.map((s) => ({
      statistic: s.statistic,
      rule: s.rule,
      reason: s.reason[language],
    })),
  };
}
