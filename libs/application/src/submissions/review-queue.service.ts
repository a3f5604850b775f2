import { Injectable } from '@nestjs/common';
import {
  Action,
  ALL_PEER_GROUP_ID,
  assertBulkAcceptable,
  assertCycleOpen,
  bulkAcceptable,
  Catalogue,
  notFound,
  renderWarnings,
  REVIEW_PAGE_SIZE,
  ReviewQueueQuery,
  requireAccess,
  warningId,
} from '@app/domain';
import {
  CycleEntity,
  lockCycleSubmissions,
  lockForAccept,
  markAccepted,
  ReviewQueueRow,
  reviewQueueCounts,
  reviewQueueRows,
  SnapshotReader,
  SubmissionRepository,
  TenantDb,
  unitNames,
  findPreviousCycle,
  acceptedSubmission,
  previousPublishedCycle,
  findCycle,
  studyOf,
} from '@app/persistence';
import type { TenantTx } from '@app/persistence';
import type { CallerContext, Language } from '../common/caller';
import {
  BulkAcceptItemDto,
  BulkAcceptResultDto,
  ComparisonRowDto,
  ReviewComparisonDto,
  ReviewQueueDto,
  ReviewQueueItemDto,
  ReviewQueueQueryDto,
} from './review-queue.dto';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The order of the counts at the top of the queue, as the cycle's page shows them. */
const COUNTED_STATES = ['none', 'draft', 'submitted', 'accepted', 'returned'] as const;

/** The query with its defaults: every unit, the longest waiting first, 50 a page. */
export function reviewQuery(dto: ReviewQueueQueryDto): ReviewQueueQuery {
  return {
    state: dto.state ?? 'all',
    company: dto.company?.trim() || undefined,
    minWarnings: dto.minWarnings,
    maxWarnings: dto.maxWarnings,
    warningKind: dto.warningKind,
    minAgeDays: dto.minAgeDays,
    maxAgeDays: dto.maxAgeDays,
    sort: dto.sort ?? 'submitted',
    page: dto.page ?? 1,
    pageSize: dto.pageSize ?? REVIEW_PAGE_SIZE,
  };
}

/**
 * The publisher's review queue of a cycle at the size of a real study: a page of its units
 * filtered and sorted in the database, one submission beside the unit's previous year and the
 * released quartiles, and accepting many submissions without warnings at once, all or none.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly db: TenantDb,
    private readonly store: SubmissionRepository,
    private readonly reader: SnapshotReader,
  ) {}

  /** A page of the queue with the counts by state of all the cycle's units. */
  queue(req: CallerContext, cycleId: string, query: ReviewQueueQuery): Promise<ReviewQueueDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { cycle, catalogue } = await this.reviewedCycle(
        m,
        req,
        cycleId,
        Action.SubmissionReview,
      );
      const counts = await reviewQueueCounts(m, cycle);
      const { total, rows } = await reviewQueueRows(m, cycle, query);
      const now = Date.now();
      return {
        counts: COUNTED_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        pages: Math.max(1, Math.ceil(total / query.pageSize)),
        items: rows.map((row) => itemOf(row, catalogue, req.language, now)),
      };
    });
  }

  /**
   * One unit's submission beside its accepted answers of the study's previous cycle and the
   * quartiles of the group of all participants in the latest benchmark published before this
   * cycle: released cells only, as the snapshot stored them (the publisher's own study; nothing
   * is computed anew, so nothing is released that was not).
   */
  compare(req: CallerContext, cycleId: string, unitId: string): Promise<ReviewComparisonDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { cycle, catalogue } = await this.reviewedCycle(
        m,
        req,
        cycleId,
        Action.SubmissionReview,
      );
      const located = await this.store.locate(m, cycleId, unitId, false);
      const {
        rows: [row],
      } = await reviewQueueRows(m, cycle, { ...reviewQuery({}), unitIds: [unitId] });
      if (!row) {
        throw notFound('Unit', unitId);
      }
      const previousCycle = await findPreviousCycle(m, cycle);
      const previous = previousCycle ? await acceptedSubmission(m, previousCycle.id, unitId) : null;
      const published = await previousPublishedCycle(m, cycle);
      const cells = published?.publishedSnapshotId
        ? await this.reader.cells(m, published.publishedSnapshotId, ALL_PEER_GROUP_ID, {
            kind: 'publisher',
          })
        : [];
      const released = new Map(
        cells.filter((c) => c.suppressed === null).map((c) => [c.kpiKey, c]),
      );
      const submission = located.submission;
      const current = { ...(submission?.answers ?? {}), ...(submission?.derived ?? {}) };
      const before = { ...(previous?.answers ?? {}), ...(previous?.derived ?? {}) };
      const warned = new Map<string, number>();
      for (const w of submission?.warnings ?? []) {
        warned.set(w.key, (warned.get(w.key) ?? 0) + 1);
      }
      const rows: ComparisonRowDto[] = catalogue.items.map((item) => {
        const cell = released.get(item.key);
        return {
          key: item.key,
          label: item.label[req.language],
          unit: item.unit,
          value: current[item.key] ?? null,
          previous: before[item.key] ?? null,
          p25: cell?.p25 ?? null,
          median: cell?.p50 ?? null,
          p75: cell?.p75 ?? null,
          warnings: warned.get(item.key) ?? 0,
        };
      });
      return {
        item: itemOf(row, catalogue, req.language, Date.now()),
        previousYear: previous && previousCycle ? previousCycle.year : null,
        benchmarkYear: released.size > 0 && published ? published.year : null,
        rows,
      };
    });
  }

  /**
   * Accepts the selected submissions in the versions the publisher confirmed, in one
   * transaction with one audit row each, or none of them: a submission that changed in the
   * meantime, is no longer submitted or has warnings refuses the whole request (409), naming
   * each one.
   */
  acceptMany(
    req: CallerContext,
    cycleId: string,
    selected: readonly BulkAcceptItemDto[],
  ): Promise<BulkAcceptResultDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { cycle } = await this.reviewedCycle(m, req, cycleId, Action.SubmissionBulkAccept);
      assertCycleOpen(cycle);
      await lockCycleSubmissions(m, cycleId);
      const unitIds = [...new Set(selected.map((s) => s.unitId))];
      const locked = await lockForAccept(m, cycleId, unitIds);
      const names = await unitNames(m, unitIds);
      assertBulkAcceptable(selected, locked, (id) => names.get(id) ?? id);
      const accepted = unitIds.map((id) => locked.get(id)).filter((s) => s !== undefined);
      await markAccepted(
        m,
        accepted.map((s) => s.submissionId),
      );
      await this.store.writeAudit(
        m,
        req,
        accepted.map((s) => ({
          submission: { id: s.submissionId, tenantId: s.tenantId },
          changes: [['state', null, 'submitted', 'accepted']],
        })),
      );
      return { accepted: accepted.length, unitIds: accepted.map((s) => s.unitId) };
    });
  }

  /**
   * The selected submissions as they are now, for the confirm step of a bulk accept: each with
   * its name, state, version and whether it may be accepted in bulk.
   */
  selection(
    req: CallerContext,
    cycleId: string,
    unitIds: readonly string[],
  ): Promise<ReviewQueueItemDto[]> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { cycle, catalogue } = await this.reviewedCycle(
        m,
        req,
        cycleId,
        Action.SubmissionReview,
      );
      const { rows } = await reviewQueueRows(m, cycle, {
        ...reviewQuery({}),
        sort: 'unit',
        unitIds,
        pageSize: Math.max(1, unitIds.length),
      });
      const now = Date.now();
      return rows.map((r) => itemOf(r, catalogue, req.language, now));
    });
  }

  /** The caller's cycle with its study's catalogue; another tenant's cycle is not found. */
  private async reviewedCycle(
    m: TenantTx,
    req: CallerContext,
    cycleId: string,
    action: Action,
  ): Promise<{ cycle: CycleEntity; catalogue: Catalogue }> {
    const cycle = await findCycle(m, cycleId);
    if (!cycle) {
      throw notFound('Cycle', cycleId);
    }
    requireAccess(req.actor, action, { thing: 'Cycle', id: cycleId, ownerId: cycle.tenantId });
    const study = await studyOf(m, cycle);
    return { cycle, catalogue: await this.store.catalogueOf(m, study.catalogueVersionId) };
  }
}

function itemOf(
  row: ReviewQueueRow,
  catalogue: Catalogue,
  language: Language,
  now: number,
): ReviewQueueItemDto {
  const messages = renderWarnings(catalogue, row.warnings, language);
  return {
    unitId: row.unitId,
    unitName: row.unitName,
    companyId: row.companyId,
    companyName: row.companyName,
    submissionId: row.submissionId,
    state: row.state,
    version: row.version,
    warnings: row.warnings.map((w, i) => ({
      ...messages[i],
      params: { ...w.params },
      id: warningId(w),
      comment: row.warningComments[warningId(w)] ?? null,
    })),
    returnComment: row.returnComment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    ageDays: row.submittedAt ? Math.floor((now - row.submittedAt.getTime()) / DAY_MS) : null,
    bulkAcceptable: bulkAcceptable({ state: row.state, warningCount: row.warnings.length }),
  };
}
