import { Injectable } from '@nestjs/common';
import {
  BenchmarkCell,
  Catalogue,
  CellAudience,
  cellsSeenBy,
  DomainError,
  DomainErrorCode,
  FrozenInputs,
  KpiPosition,
  LocalizedText,
  notFound,
  PeerGroupDefinition,
  positionsIn,
  TenantId,
  viewerIn,
} from '@app/domain';
import type { TenantDb, TenantTx } from '../tenant/tenant-db';
import { SnapshotEntity } from '../entities';
import {
  frozenInputsReadable,
  readFrozenInputs,
  snapshotGroupAccess,
} from '../cross-tenant/cross-tenant-reader';
import { loadSnapshotSetting, SnapshotSetting } from './snapshot-store';
import { managerOf } from '../tenant/tenant-tx';

/** A stored peer group of a snapshot. */
export interface StoredPeerGroup extends PeerGroupDefinition {
  n: number;
  released: boolean;
  ordinal: number;
}

/** A row of `snapshot_peer_groups`. */
export interface PeerGroupRow {
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

/**
 * A computed snapshot whose frozen inputs its caller may read, and one of its peer groups, as
 * `SnapshotReader.open` found them; the way to the snapshot's frozen inputs, cells and
 * positions, from memory where kept, else read in a transaction of the caller's tenant.
 */
export interface OpenedSnapshot {
  cycleId: string;
  /** The peer group asked for; undefined when the snapshot has none of that id. */
  group: StoredPeerGroup | undefined;
  inputs(): Promise<FrozenInputs>;
  /** The cells of a group of this snapshot as `audience` sees them (give-to-get). */
  cells(group: StoredPeerGroup, audience: CellAudience): Promise<BenchmarkCell[]>;
  /** The position of unit `u` of the frozen inputs in a group it is a member of. */
  positions(group: StoredPeerGroup, u: number, audience: CellAudience): Promise<KpiPosition[]>;
}

/** The cells of one peer group of a snapshot as an audience sees them. */
export type CellsSeenBy = (audience: CellAudience) => BenchmarkCell[];

/** Frozen inputs never change, so a few recently used ones are kept in memory. */
const FROZEN_CACHE_SIZE = 4;
/**
 * The stored cells of released groups and the positions computed in them never change either
 * (a snapshot is never recomputed in place, and a released group's cells are written once):
 * kept for this many groups and this many (group, unit) pairs, the least recently used dropped.
 */
const CELLS_CACHE_SIZE = 2_000;
const POSITIONS_CACHE_SIZE = 20_000;

/** A map that keeps its `size` most recently used entries. */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}

function toStoredPeerGroup(row: PeerGroupRow): StoredPeerGroup {
  return {
    id: row.peer_group_id,
    kind: row.kind,
    filter: row.filter,
    label: row.label,
    n: row.n,
    released: row.released,
    ordinal: row.ordinal,
  };
}

/**
 * Reads computed snapshots inside the caller's transaction (row-level security decides what it
 * sees): peer groups, cells, frozen inputs and the positions computed from them. Shared by the
 * api and the report rendering, so both show a unit the same figures.
 */
@Injectable()
export class SnapshotReader {
  private readonly catalogues = new Map<string, Catalogue>();
  private readonly frozen = new RecentlyUsed<FrozenInputs>(FROZEN_CACHE_SIZE);
  private readonly releasedCells = new RecentlyUsed<BenchmarkCell[]>(CELLS_CACHE_SIZE);
  private readonly positionsByUnit = new RecentlyUsed<KpiPosition[]>(POSITIONS_CACHE_SIZE);

  /** Cycle, study and catalogue of a cycle, the catalogue parsed once per process. */
  setting(m: TenantTx, cycleId: string): Promise<SnapshotSetting | null> {
    return loadSnapshotSetting(m, cycleId, this.catalogues);
  }

  /**
   * A snapshot the caller sees and whose computation is done; not found, or refused as not yet
   * computed (naming its state and progress), otherwise.
   */
  async computedSnapshot(
    m: TenantTx,
    snapshotId: string,
    language: 'de' | 'en',
  ): Promise<SnapshotEntity> {
    const snapshot = await managerOf(m).findOneBy(SnapshotEntity, { id: snapshotId });
    if (!snapshot) {
      throw notFound('Snapshot', snapshotId);
    }
    requireComputed(snapshot, language);
    return snapshot;
  }

  /**
   * A computed snapshot and one of its peer groups as `tenant` reads them, in one round trip
   * (`TenantDb.read`) once the caches hold the rest: the reads of every request for published
   * benchmarks. Not found, or refused as not yet computed, as `computedSnapshot`; not found as
   * well when the tenant may not read the frozen inputs. That access check is this read's, so
   * what the opened snapshot serves from memory is served only after it.
   */
  async open(
    db: TenantDb,
    tenant: TenantId,
    snapshotId: string,
    peerGroupId: string,
    language: 'de' | 'en',
  ): Promise<OpenedSnapshot> {
    const [row] = await db.read(tenant, snapshotGroupAccess(snapshotId, peerGroupId));
    if (!row) {
      throw notFound('Snapshot', snapshotId);
    }
    requireComputed(row, language);
    if (!row.readable) {
      throw notFound('Snapshot', snapshotId);
    }
    const inTenant = <T>(work: (m: TenantTx) => Promise<T>) => db.withTenant(tenant, work);
    const inputs = async () =>
      this.frozen.get(snapshotId) ?? inTenant((m) => this.frozenInputs(m, snapshotId));
    return {
      cycleId: row.cycle_id,
      group: row.peer_group === null ? undefined : toStoredPeerGroup(row.peer_group),
      inputs,
      cells: async (group, audience) => {
        const kept = this.releasedCells.get(`${snapshotId}|${group.id}`);
        if (kept !== undefined) {
          return cellsSeenBy(kept, viewerIn(await inputs(), audience));
        }
        return inTenant((m) => this.cells(m, snapshotId, group.id, audience));
      },
      positions: async (group, u, audience) => {
        const kept = group.released
          ? this.positionsByUnit.get(positionKey(snapshotId, group.id, u, audience))
          : undefined;
        if (kept !== undefined) {
          return kept;
        }
        const frozen = await inputs();
        return inTenant((m) =>
          this.positions(m, snapshotId, frozen, group, u, audience, async () => {
            const setting = await this.setting(m, row.cycle_id);
            if (!setting) {
              throw notFound('Snapshot', snapshotId);
            }
            return setting.catalogue;
          }),
        );
      },
    };
  }

  async peerGroups(m: TenantTx, snapshotId: string): Promise<StoredPeerGroup[]> {
    const rows = await managerOf(m).query<PeerGroupRow[]>(
      `SELECT * FROM snapshot_peer_groups WHERE snapshot_id = $1 ORDER BY ordinal`,
      [snapshotId],
    );
    return rows.map(toStoredPeerGroup);
  }

  async peerGroup(
    m: TenantTx,
    snapshotId: string,
    peerGroupId: string,
  ): Promise<StoredPeerGroup | undefined> {
    const [row] = await managerOf(m).query<PeerGroupRow[]>(
      `SELECT * FROM snapshot_peer_groups WHERE snapshot_id = $1 AND peer_group_id = $2`,
      [snapshotId, peerGroupId],
    );
    return row ? toStoredPeerGroup(row) : undefined;
  }

  /**
   * The cells of a peer group as an audience sees them, in the order of the snapshot's KPIs
   * (the catalogue's): the only way out of the stored cells, through the domain's give-to-get
   * (`cellsSeenBy`) with what the audience supplied to this snapshot.
   */
  async cells(
    m: TenantTx,
    snapshotId: string,
    peerGroupId: string,
    audience: CellAudience,
  ): Promise<BenchmarkCell[]> {
    return (await this.cellsOf(m, snapshotId, peerGroupId))(audience);
  }

  /**
   * The cells of a peer group read once, to be seen by several audiences (each unit of an
   * import), each through give-to-get as `cells` gives them.
   */
  async cellsOf(m: TenantTx, snapshotId: string, peerGroupId: string): Promise<CellsSeenBy> {
    // The access check of `frozenInputs` runs before a kept cell is served.
    const inputs = await this.frozenInputs(m, snapshotId);
    const key = `${snapshotId}|${peerGroupId}`;
    let stored = this.releasedCells.get(key);
    if (stored === undefined) {
      const read = await storedCells(m, snapshotId, peerGroupId, inputs.kpiKeys);
      stored = read.cells;
      if (read.released) {
        this.releasedCells.set(key, stored);
      }
    }
    const cells = stored;
    return (audience) => cellsSeenBy(cells, viewerIn(inputs, audience));
  }

  /**
   * The position of unit `u` of the frozen inputs per KPI of a group it is a member of, in the
   * cells the audience sees (give-to-get); computed once per released group, unit and audience,
   * since neither the inputs nor the cells change. `catalogue` is asked for only when computed.
   * `inputs` are what `frozenInputs` gave the caller in this transaction: its access check ran
   * before a kept position is served.
   */
  async positions(
    m: TenantTx,
    snapshotId: string,
    inputs: FrozenInputs,
    group: StoredPeerGroup,
    u: number,
    audience: CellAudience,
    catalogue: () => Promise<Catalogue>,
  ): Promise<KpiPosition[]> {
    const key = positionKey(snapshotId, group.id, u, audience);
    const kept = group.released ? this.positionsByUnit.get(key) : undefined;
    if (kept !== undefined) {
      return kept;
    }
    const cells = await this.cells(m, snapshotId, group.id, audience);
    const positions = positionsIn(inputs, await catalogue(), group, cells, u);
    if (group.released) {
      this.positionsByUnit.set(key, positions);
    }
    return positions;
  }

  /** The frozen inputs of a snapshot the caller may compute from; not found otherwise. */
  async frozenInputs(m: TenantTx, snapshotId: string): Promise<FrozenInputs> {
    // The cache holds every company's values: the database's access check runs on every read,
    // before the cache may serve anything, whoever read the inputs first.
    if (!(await frozenInputsReadable(m, snapshotId))) {
      throw notFound('Snapshot', snapshotId);
    }
    const cached = this.frozen.get(snapshotId);
    if (cached) {
      return cached;
    }
    const inputs = await readFrozenInputs(m, snapshotId);
    if (!inputs) {
      throw notFound('Snapshot', snapshotId);
    }
    this.frozen.set(snapshotId, inputs);
    return inputs;
  }
}

/**
 * Refuses a snapshot whose computation is not done, naming its state and progress: nothing of
 * it may be read before.
 */
function requireComputed(
  snapshot: { state: string; progress: number },
  language: 'de' | 'en',
): void {
  if (snapshot.state !== 'done') {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      language === 'de'
        ? `Der Snapshot ist noch nicht berechnet (Status ${snapshot.state}, ${snapshot.progress} %).`
        : `The snapshot is not computed yet (state ${snapshot.state}, ${snapshot.progress} %).`,
    );
  }
}

function positionKey(
  snapshotId: string,
  groupId: string,
  u: number,
  audience: CellAudience,
): string {
  return `${snapshotId}|${groupId}|${u}|${audienceKey(audience)}`;
}

/** Who sees which cells, as a key: audiences with the same key see the same cells. */
function audienceKey(audience: CellAudience): string {
  switch (audience.kind) {
    case 'publisher':
      return 'publisher';
    case 'company':
      return `company:${audience.tenantId}`;
    case 'unit':
      return `unit:${audience.unitId}`;
  }
}

/**
 * The stored cells of a peer group, as released to anybody, in the order of the KPI keys, and
 * whether the group is released (only then are they final).
 */
async function storedCells(
  m: TenantTx,
  snapshotId: string,
  peerGroupId: string,
  kpiOrder: readonly string[],
): Promise<{ cells: BenchmarkCell[]; released: boolean }> {
  const rows = await managerOf(m).query<(CellRow & { released: boolean })[]>(
    `SELECT c.kpi_key, c.n, c.mean, c.p10, c.p25, c.p50, c.p75, c.p90, c.pooled, c.suppressed,
            c.suppressed_statistics, g.released
       FROM snapshot_cells c
       JOIN snapshot_peer_groups g
         ON g.snapshot_id = c.snapshot_id AND g.peer_group_id = c.peer_group_id
      WHERE c.snapshot_id = $1 AND c.peer_group_id = $2`,
    [snapshotId, peerGroupId],
  );
  const order = new Map(kpiOrder.map((key, i) => [key, i]));
  const cells = rows
    .map((row) => ({
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
    }))
    .sort((a, b) => (order.get(a.kpiKey) ?? 0) - (order.get(b.kpiKey) ?? 0));
  return { cells, released: rows.length > 0 && rows[0].released };
}
