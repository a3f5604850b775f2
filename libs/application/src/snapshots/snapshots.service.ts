import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import {
  Action,
  addCustomGroup,
  BenchmarkCell,
  BenchmarkUnitProfile,
  computeSnapshot,
  customGroupLimitRefusal,
  customGroupsCounted,
  effectiveDisclosurePolicy,
  DomainError,
  DomainErrorCode,
  isCompanyRole,
  LocalizedText,
  matchesPeerGroup,
  notFound,
  PeerGroupFilter,
  peerGroupDefinition,
  PeerGroupRequestDecision,
  requireAccess,
  SnapshotState,
  SUPPRESSION_REASONS,
  validatePeerGroupFilter,
  benchmarkKpis,
  CellAudience,
  workFailureText,
  unitIndex,
} from '@app/domain';
import { enqueueUnlessLive, JobQueue, QueueName, workJob } from '@app/jobs';
import { requireQueueReachable } from '../common/queue-reachable';
import { snapshotInputKey } from './snapshot-computation';
import {
  CycleEntity,
  ownPeerGroupRequestTallies,
  recordPeerGroupRequest,
  SnapshotEntity,
  SnapshotReader,
  OpenedSnapshot,
  StoredPeerGroup,
  sourceHash,
  TenantDb,
  writePeerGroups,
  lockForTransaction,
  acceptedSubmissionCount,
  reusableSnapshot,
  queueSnapshot,
  cycleOf,
  findCycle,
  snapshotsOfCycle,
  findSnapshot,
  findUnit,
} from '@app/persistence';
import type { TenantTx } from '@app/persistence';
import type { CallerContext, Language } from '../common/caller';
import type {
  BenchmarkCellView,
  Benchmarks,
  PeerGroupView,
  PositionView,
  SnapshotView,
  StartedSnapshot,
} from './snapshot.types';

/** Snapshots: starting their computation, and what a publisher or participant may read of them. */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: SnapshotReader,
    @InjectQueue(QueueName.Snapshots) private readonly queue: JobQueue<QueueName.Snapshots>,
  ) {}

  /** The snapshots' disclosure states with their custom groups, kept between requests. */
  private readonly states = new SnapshotStates();

  /** Queues the computation of a cycle's snapshot, or reuses one of the same inputs. */
  async start(
    caller: CallerContext,
    cycleId: string,
    recompute: boolean,
  ): Promise<StartedSnapshot> {
    const { actor } = caller;
    const started = await this.db.withTenant(actor.tenantId, async (m) => {
      const setting = await this.reader.setting(m, cycleId);
      if (!setting) {
        throw notFound('Cycle', cycleId);
      }
      requireAccess(actor, Action.SnapshotCompute, {
        thing: 'Cycle',
        id: cycleId,
        ownerId: setting.cycle.tenantId,
      });
      // One request at a time per cycle decides between reuse and a new snapshot.
      await lockForTransaction(m, `snapshot:${cycleId}`);
      const accepted = await acceptedSubmissionCount(m, cycleId);
      if (accepted === 0) {
        throw new DomainError(
          DomainErrorCode.InvalidState,
          caller.language === 'de'
            ? `Der Zyklus ${setting.cycle.year} hat noch keine angenommenen Datensätze; ein Benchmark braucht angenommene Datensätze.`
            : `The cycle ${setting.cycle.year} has no accepted submissions yet; a benchmark needs accepted submissions.`,
        );
      }
      const inputKey = snapshotInputKey(setting, await sourceHash(m, cycleId));
      const existing = recompute ? null : await reusableSnapshot(m, cycleId, inputKey);
      if (existing) {
        return { snapshot: existing, reused: true };
      }
      const snapshot = await queueSnapshot(m, { tenantId: actor.tenantId, cycleId, inputKey });
      return { snapshot, reused: false };
    });
    if (started.snapshot.state !== 'done') {
      // A reused snapshot that is still unfinished gets a job unless a live one has it, so a
      // lost enqueue, a lost queue or a job Bull failed heals on a repeated request.
      requireQueueReachable(this.queue, caller.language);
      await enqueueUnlessLive(this.queue, workJob('snapshot', actor.tenantId, started.snapshot.id));
    }
    return { snapshotId: started.snapshot.id, reused: started.reused };
  }

  get(caller: CallerContext, snapshotId: string): Promise<SnapshotView> {
    requireAccess(caller.actor, Action.SnapshotRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const snapshot = await this.snapshotOrNotFound(m, snapshotId);
      const cycle = await cycleOf(m, snapshot);
      return toSnapshotDto(snapshot, cycle, caller.language);
    });
  }

  /** A cycle's snapshots, newest first; a participant sees the published one only. */
  list(caller: CallerContext, cycleId: string): Promise<SnapshotView[]> {
    requireAccess(caller.actor, Action.SnapshotRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const cycle = await findCycle(m, cycleId);
      if (!cycle) {
        throw notFound('Cycle', cycleId);
      }
      const snapshots = await snapshotsOfCycle(m, cycleId);
      return snapshots.map((s) => toSnapshotDto(s, cycle, caller.language));
    });
  }

  /** The peer groups of a snapshot; a participant sees the released ones. */
  peerGroups(caller: CallerContext, snapshotId: string): Promise<PeerGroupView[]> {
    requireAccess(caller.actor, Action.BenchmarkRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      await this.reader.computedSnapshot(m, snapshotId, caller.language);
      const groups = await this.reader.peerGroups(m, snapshotId);
      return groups
        .filter((group) => group.released || !isCompanyRole(caller.actor.role))
        .map((group) => toPeerGroupDto(group, caller.language));
    });
  }

  /**
   * The cells of one peer group; a participant sees the KPIs it supplied (give-to-get). Read
   * for one of its units (`unitId`: a page about that unit), that unit's own; else any of the
   * company's units'.
   */
  async benchmarks(
    caller: CallerContext,
    snapshotId: string,
    peerGroupId: string,
    unitId?: string,
  ): Promise<Benchmarks> {
    requireAccess(caller.actor, Action.BenchmarkRead);
    const opened = await this.reader.open(
      this.db,
      caller.actor.tenantId,
      snapshotId,
      peerGroupId,
      caller.language,
    );
    const group = visiblePeerGroup(opened.group, peerGroupId, caller);
    if (unitId !== undefined) {
      await this.unitOrNotFound(opened, caller, unitId);
    }
    const cells = await opened.cells(group, audienceOf(caller, unitId));
    return {
      snapshotId,
      peerGroup: toPeerGroupDto(group, caller.language),
      cells: cells.map((c) => toCellDto(c, caller.language)),
    };
  }

  /**
   * A custom peer group over profile dimensions. It is shared by everybody who reads the
   * snapshot, so that every later group is checked for differencing against it too.
   *
   * Every request goes into the snapshot's release ledger in the transaction that decides it,
   * a refused one too: the refusal is returned from the transaction, so the ledger row is
   * committed, and thrown (422) after it. A participant that has asked for the policy's
   * `maxCustomGroupsPerParticipant` new groups is refused (`custom_group_limit`); opening a group
   * already released judges nothing and never counts.
   */
  async createPeerGroup(
    caller: CallerContext,
    snapshotId: string,
    filterInput: unknown,
  ): Promise<Benchmarks> {
    const { actor } = caller;
    requireAccess(actor, Action.PeerGroupRelease);
    const filter = validatePeerGroupFilter(filterInput);
    const answer = await this.db.withTenant(actor.tenantId, async (m) => {
      const snapshot = await this.reader.computedSnapshot(m, snapshotId, caller.language);
      // One request at a time per snapshot: the judgement, the ledger and the cap see all
      // requests before it.
      await lockForTransaction(m, `peer-groups:${snapshotId}`);
      const definition = peerGroupDefinition(filter);
      const groups = await this.reader.peerGroups(m, snapshotId);
      const inputs = await this.reader.frozenInputs(m, snapshotId);
      const record = (decision: PeerGroupRequestDecision, n: number, rule: string | null) =>
        recordPeerGroupRequest(m, {
          snapshotId,
          peerGroupId: definition.id,
          filter: definition.filter,
          n,
          decision,
          rule,
          userId: actor.userId,
          apiKeyId: actor.apiKeyId,
        });
      const refused = async (n: number, rule: string, reason: LocalizedText) => {
        await record('refused', n, rule);
        return refusal(rule, reason[caller.language]);
      };
      const known = groups.find((g) => g.id === definition.id);
      if (known?.released) {
        await record('already_released', known.n, null);
        return this.benchmarksOf(m, caller, snapshotId, known);
      }
      const setting = await this.reader.setting(m, snapshot.cycleId);
      if (!setting) {
        throw notFound('Snapshot', snapshotId);
      }
      // The policy the snapshot was computed under, not the study's current one.
      const policy = effectiveDisclosurePolicy(
        snapshot.manifest?.policy,
        setting.study.disclosurePolicy,
      );
      if (isCompanyRole(actor.role)) {
        const counted = customGroupsCounted(await ownPeerGroupRequestTallies(m, snapshotId));
        const limit = customGroupLimitRefusal(policy, counted);
        if (limit) {
          return refused(membersOf(inputs.profiles, definition.filter), limit.rule, limit.reason);
        }
      }
      if (known) {
        // A predefined group none of whose cells is released: refused for the rule of its
        // cells as everyone reads them (give-to-get is not the reason for a group).
        const cells = await this.reader.cells(m, snapshotId, known.id, { kind: 'publisher' });
        const [suppressed = SUPPRESSION_REASONS.groupTooSmall(policy)] = cells.flatMap((cell) =>
          cell.suppressed ? [cell.suppressed] : [],
        );
        return refused(known.n, suppressed.rule, suppressed.reason);
      }
      const state = this.states.of(snapshotId, groups, () =>
        computeSnapshot({
          profiles: inputs.profiles,
          owners: inputs.unitTenants,
          kpis: benchmarkKpis(setting.catalogue),
          values: inputs.values,
          peerGroups: groups,
          policy,
        }),
      );
      const outcome = addCustomGroup(state, definition);
      if (!outcome.released) {
        return refused(membersOf(inputs.profiles, definition.filter), outcome.rule, outcome.reason);
      }
      this.states.added(snapshotId, definition.id);
      const ordinal = groups.length === 0 ? 0 : Math.max(...groups.map((g) => g.ordinal)) + 1;
      await writePeerGroups(m, snapshot, [definition], { groups: [outcome.group] }, ordinal);
      const stored = await this.reader.peerGroup(m, snapshotId, definition.id);
      if (!stored) {
        throw new Error(`custom peer group ${definition.id} was not stored`);
      }
      await record('released', stored.n, null);
      return this.benchmarksOf(m, caller, snapshotId, stored);
    });
    if (answer instanceof DomainError) {
      throw answer;
    }
    return answer;
  }

  /** A unit's position per KPI in one of its peer groups. */
  async position(
    caller: CallerContext,
    snapshotId: string,
    unitId: string,
    peerGroupId: string,
  ): Promise<PositionView> {
    const opened = await this.reader.open(
      this.db,
      caller.actor.tenantId,
      snapshotId,
      peerGroupId,
      caller.language,
    );
    const inputs = await opened.inputs();
    const u = unitIndex(inputs, unitId);
    if (u < 0) {
      throw notFound('Unit', unitId);
    }
    requireAccess(caller.actor, Action.BenchmarkRead, {
      thing: 'Unit',
      id: unitId,
      ownerId: inputs.unitTenants[u],
    });
    const group = visiblePeerGroup(opened.group, peerGroupId, caller);
    if (!matchesPeerGroup(inputs.profiles[u], group.filter)) {
      throw new DomainError(
        DomainErrorCode.ValidationFailed,
        caller.language === 'de'
          ? `Die Einheit gehört nicht zur Vergleichsgruppe ${group.id}; eine Position gibt es nur in den eigenen Vergleichsgruppen.`
          : `The unit is not a member of the peer group ${group.id}; positions exist only in the unit's own peer groups.`,
        [
          {
            key: 'peerGroup',
            rule: 'member_of_peer_group',
            message: {
              de: 'Die Einheit gehört nicht zu dieser Vergleichsgruppe.',
              en: 'The unit is not a member of this peer group.',
            },
          },
        ],
      );
    }
    const positions = (await opened.positions(group, u, audienceOf(caller, unitId))).map(
      (position) => ({ ...position, cell: toCellDto(position.cell, caller.language) }),
    );
    return {
      snapshotId,
      unitId,
      peerGroup: toPeerGroupDto(group, caller.language),
      positions,
    };
  }

  private async benchmarksOf(
    m: TenantTx,
    caller: CallerContext,
    snapshotId: string,
    group: StoredPeerGroup,
    unitId?: string,
  ): Promise<Benchmarks> {
    const cells = await this.reader.cells(m, snapshotId, group.id, audienceOf(caller, unitId));
    return {
      snapshotId,
      peerGroup: toPeerGroupDto(group, caller.language),
      cells: cells.map((c) => toCellDto(c, caller.language)),
    };
  }

  private async snapshotOrNotFound(m: TenantTx, snapshotId: string): Promise<SnapshotEntity> {
    const snapshot = await findSnapshot(m, snapshotId);
    if (!snapshot) {
      throw notFound('Snapshot', snapshotId);
    }
    return snapshot;
  }

  /**
   * A unit the caller may read benchmarks for: one of its company's (the snapshot's inputs say
   * whose a unit was then; a unit without accepted data is not in them), any for a publisher.
   */
  private async unitOrNotFound(
    opened: OpenedSnapshot,
    caller: CallerContext,
    unitId: string,
  ): Promise<void> {
    const inputs = await opened.inputs();
    const u = unitIndex(inputs, unitId);
    const owner =
      u >= 0
        ? inputs.unitTenants[u]
        : (await this.db.withTenant(caller.actor.tenantId, (m) => findUnit(m, unitId)))?.tenantId;
    if (owner === undefined) {
      throw notFound('Unit', unitId);
    }
    requireAccess(caller.actor, Action.BenchmarkRead, {
      thing: 'Unit',
      id: unitId,
      ownerId: owner,
    });
  }
}

/** A peer group the caller may read: a participant, a released one only; not found otherwise. */
function visiblePeerGroup(
  group: StoredPeerGroup | undefined,
  peerGroupId: string,
  caller: CallerContext,
): StoredPeerGroup {
  if (!group || (!group.released && isCompanyRole(caller.actor.role))) {
    throw notFound('Peer group', peerGroupId);
  }
  return group;
}

/**
 * Who the caller reads cells as: the publisher sees every released cell; a company one of its
 * units when the output is about that unit, else the company (give-to-get over all its units).
 */
function audienceOf(caller: CallerContext, unitId?: string): CellAudience {
  if (!isCompanyRole(caller.actor.role)) {
    return { kind: 'publisher' };
  }
  return unitId === undefined
    ? { kind: 'company', tenantId: caller.actor.tenantId }
    : { kind: 'unit', unitId };
}

/** The units of the frozen inputs a filter selects, recorded with a refused request. */
function membersOf(profiles: readonly BenchmarkUnitProfile[], filter: PeerGroupFilter): number {
  let n = 0;
  for (const profile of profiles) {
    if (matchesPeerGroup(profile, filter)) {
      n++;
    }
  }
  return n;
}

/** A custom peer group that disclosure control does not release: 422 naming the rule. */
function refusal(rule: string, reason: string): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, reason, [
    { key: 'filter', rule, message: reason },
  ]);
}

function toSnapshotDto(s: SnapshotEntity, cycle: CycleEntity, language: Language): SnapshotView {
  return {
    id: s.id,
    cycleId: s.cycleId,
    state: s.state,
    progress: s.progress,
    published: cycle.publishedSnapshotId === s.id,
    manifest: s.manifest,
    manifestHash: s.manifestHash,
    error: s.error && workFailureText(s.error, language),
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

function toPeerGroupDto(group: StoredPeerGroup, language: Language): PeerGroupView {
  return {
    id: group.id,
    kind: group.kind,
    label: group.label[language],
    filter: group.filter as Record<string, string[]>,
    n: group.n,
    released: group.released,
  };
}

function toCellDto(cell: BenchmarkCell, language: Language): BenchmarkCellView {
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
    suppressedStatistics: cell.suppressedStatistics.map((st) => ({
      statistic: st.statistic,
      rule: st.rule,
      reason: st.reason[language],
    })),
  };
}

/** Snapshot states kept per process: a few recently used ones. */
const SNAPSHOT_STATES = 4;

/**
 * The disclosure state of a snapshot with its released custom groups, as `addCustomGroup`
 * judges the next request against it. Recomputing it means auditing every group again, so it
 * is kept per process. A snapshot's groups only grow, in ordinal order, and the state is
 * deterministic, so a kept state is brought up to date with the groups other processes
 * released since; anything else (a state ahead of the database after a rolled-back request)
 * makes it compute afresh. The database stays the truth.
 */
class SnapshotStates {
  private readonly kept = new Map<string, { state: SnapshotState; ids: string[] }>();

  of(snapshotId: string, groups: readonly StoredPeerGroup[], compute: () => SnapshotState) {
    const ids = groups.map((group) => group.id);
    const kept = this.kept.get(snapshotId);
    this.kept.delete(snapshotId);
    let state: SnapshotState | null = null;
    if (kept && kept.ids.length <= ids.length && kept.ids.every((id, i) => id === ids[i])) {
      const caughtUp = groups
        .slice(kept.ids.length)
        .every((group) => addCustomGroup(kept.state, group).released);
      state = caughtUp ? kept.state : null;
    }
    state ??= compute();
    this.kept.set(snapshotId, { state, ids });
    if (this.kept.size > SNAPSHOT_STATES) {
      this.kept.delete(this.kept.keys().next().value as string);
    }
    return state;
  }

  /** Notes a group the kept state released. */
  added(snapshotId: string, groupId: string): void {
    this.kept.get(snapshotId)?.ids.push(groupId);
  }
}
