import { Injectable } from '@nestjs/common';
import {
  ALL_PEER_GROUP_ID,
  BenchmarkCell,
  benchmarkKpis,
  BenchmarkQuartiles,
  Catalogue,
  loadCatalogue,
  notFound,
  numericInputsOf,
  PlausibilityContext,
} from '@app/domain';
import { IsNull, LessThan, Not } from 'typeorm';
import {
  CatalogueVersionEntity,
  CycleEntity,
  ParticipationEntity,
  StudyEntity,
  SubmissionEntity,
  UnitEntity,
} from '../entities';
import { SnapshotReader } from '../snapshots/snapshot-reader';
import { type BatchedDraft, type DraftBatchWritten, writeDraftBatches } from './draft-batch-writer';
import { type AuditAuthor, type AuditBatch, auditStatements } from './submission-audit-rows';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** A submission with the cycle, unit, study and catalogue it is read against. */
export interface Located {
  cycle: CycleEntity;
  unit: UnitEntity;
  study: StudyEntity;
  catalogue: Catalogue;
  submission: SubmissionEntity | null;
}

type Answers = SubmissionEntity['answers'];

/** The quartiles of the released cells, by KPI key. */
function quartilesOf(cells: readonly BenchmarkCell[]): Record<string, BenchmarkQuartiles> {
  return Object.fromEntries(
    cells
      .filter((cell) => cell.suppressed === null)
      .map((cell) => [cell.kpiKey, { p25: cell.p25, p75: cell.p75 }]),
  );
}

/**
 * The data access of the submission workflow, in the caller's tenant transaction: finding a
 * submission with what it is read against, what plausibility compares with, and storing many
 * drafts and audit rows in a few statements whatever their number.
 */
@Injectable()
export class SubmissionRepository {
  /** Catalogue versions never change, so a parsed one can be kept for good. */
  private readonly catalogues = new Map<string, Catalogue>();

  constructor(private readonly reader: SnapshotReader) {}

  /**
   * Finds cycle, unit, catalogue and submission as the caller may see them. A cycle or unit the
   * caller cannot see, or a unit that does not take part in the cycle's study, is not found.
   */
  async locate(m: TenantTx, cycleId: string, unitId: string, forUpdate: boolean): Promise<Located> {
    const cycle = await managerOf(m).findOneBy(CycleEntity, { id: cycleId });
    if (!cycle) {
      throw notFound('Cycle', cycleId);
    }
    const unit = await managerOf(m).findOneBy(UnitEntity, { id: unitId });
    if (!unit) {
      throw notFound('Unit', unitId);
    }
    const takesPart = await managerOf(m).existsBy(ParticipationEntity, {
      studyId: cycle.studyId,
      companyId: unit.tenantId,
    });
    if (!takesPart) {
      throw notFound('Unit', unitId);
    }
    const study = await managerOf(m).findOneByOrFail(StudyEntity, { id: cycle.studyId });
    const submission = await managerOf(m).findOne(SubmissionEntity, {
      where: { cycleId, unitId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return {
      cycle,
      unit,
      study,
      submission,
      catalogue: await this.catalogueOf(m, study.catalogueVersionId),
    };
  }

  /** The loaded catalogue of a version, parsed once per process. */
  async catalogueOf(m: TenantTx, versionId: string): Promise<Catalogue> {
    let catalogue = this.catalogues.get(versionId);
    if (!catalogue) {
      const version = await managerOf(m).findOneByOrFail(CatalogueVersionEntity, { id: versionId });
      catalogue = loadCatalogue(version.definition);
      this.catalogues.set(versionId, catalogue);
    }
    return catalogue;
  }

  /**
   * What the plausibility warnings compare with, in a few queries whatever the number of units:
   * each unit's numeric inputs of the study's previous cycle, and the quartiles of the group
   * of all participants in the latest published benchmark before this cycle, as the unit sees
   * them there: released cells of the KPIs it supplied to that benchmark (give-to-get), since
   * a warning's range gives both quartiles away. The previous inputs are read from the KPI
   * vectors (the study's catalogue is that of all its cycles), and from the answers only where
   * a vector is missing: 8 bytes a KPI instead of JSON that PostgreSQL prints and Node parses.
   */
  async plausibilityContext(
    m: TenantTx,
    cycle: CycleEntity,
    unitIds: readonly string[],
  ): Promise<(unitId: string) => PlausibilityContext> {
    return (await this.plausibilityReader(m, cycle))(unitIds);
  }

  /**
   * As `plausibilityContext`, for units asked for a part at a time (an import as its rows
   * come): what all units share (the previous cycle, the benchmark) is read once, and each
   * part's previous inputs in one query.
   */
  async plausibilityReader(
    m: TenantTx,
    cycle: CycleEntity,
  ): Promise<(unitIds: readonly string[]) => Promise<(unitId: string) => PlausibilityContext>> {
    const previousCycle = await managerOf(m).findOne(CycleEntity, {
      where: { studyId: cycle.studyId, year: LessThan(cycle.year) },
      order: { year: 'DESC' },
    });
    const catalogue = previousCycle
      ? await this.catalogueOf(
          m,
          (await managerOf(m).findOneByOrFail(StudyEntity, { id: cycle.studyId }))
            .catalogueVersionId,
        )
      : null;
    const published = await managerOf(m).findOne(CycleEntity, {
      where: {
        studyId: cycle.studyId,
        year: LessThan(cycle.year),
        state: 'published',
        publishedSnapshotId: Not(IsNull()),
      },
      order: { year: 'DESC' },
    });
    const benchmark = published?.publishedSnapshotId
      ? await this.reader.cellsOf(m, published.publishedSnapshotId, ALL_PEER_GROUP_ID)
      : null;
    return async (unitIds) => {
      // Each unit's previous inputs are unpacked when its context is asked for: an import asks
      // once per unit, and thousands of records built ahead would only burden the collector.
      const previous = new Map<string, () => Answers | undefined>();
      if (previousCycle && catalogue && unitIds.length > 0) {
        const rows = await managerOf(m).query<
          { unit_id: string; kpi_vector: Buffer | null; answers: Answers | null }[]
        >(
          `SELECT unit_id, kpi_vector,
                  CASE WHEN length(kpi_vector) = $3 THEN NULL ELSE answers END AS answers
             FROM submissions WHERE cycle_id = $1 AND unit_id = ANY($2::uuid[])`,
          [previousCycle.id, unitIds, benchmarkKpis(catalogue).length * 8],
        );
        for (const row of rows) {
          previous.set(
            row.unit_id,
            () =>
              (row.kpi_vector && numericInputsOf(catalogue, row.kpi_vector)) ??
              row.answers ??
              undefined,
          );
        }
      }
      return (unitId) => ({
        previousValues: previous.get(unitId)?.(),
        previousBenchmark: benchmark ? quartilesOf(benchmark({ kind: 'unit', unitId })) : {},
      });
    };
  }

  /** A draft not stored yet, of the company that runs the unit. */
  newSubmission(companyId: string, cycleId: string, unitId: string): SubmissionEntity {
    return Object.assign(new SubmissionEntity(), {
      tenantId: companyId,
      cycleId,
      unitId,
      state: 'draft',
      answers: {},
      derived: {},
      warnings: [],
      warningComments: {},
      returnComment: null,
    } satisfies Partial<SubmissionEntity>);
  }

  /** Stores the drafts of one cycle with their audit rows: see `writeDraftBatches`. */
  writeDrafts(
    m: TenantTx,
    author: AuditAuthor,
    cycleId: string,
    drafts: Iterable<BatchedDraft> | AsyncIterable<BatchedDraft>,
  ): Promise<DraftBatchWritten> {
    return writeDraftBatches(m, author, cycleId, drafts);
  }

  /**
   * Appends one audit row per submission written, with its changes in order, a few thousand
   * rows a statement; the actor is the caller, whatever tenant the submission belongs to.
   */
  async writeAudit(m: TenantTx, req: AuditAuthor, batches: readonly AuditBatch[]): Promise<void> {
    for (const statement of auditStatements(req, batches)) {
      await managerOf(m).query(statement.sql, statement.params);
    }
  }
}
