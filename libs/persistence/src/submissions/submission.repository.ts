import { Injectable } from '@nestjs/common';
import {
  Actor,
  ALL_PEER_GROUP_ID,
  BenchmarkCell,
  BenchmarkQuartiles,
  Catalogue,
  loadCatalogue,
  notFound,
  PlausibilityContext,
} from '@app/domain';
import { IsNull, LessThan, Not } from 'typeorm';
import {
  CatalogueVersionEntity,
  CycleEntity,
  ParticipationEntity,
  StudyEntity,
  SubmissionAuditAction,
  SubmissionAuditChange,
  SubmissionAuditValue,
  SubmissionEntity,
  UnitEntity,
} from '../entities';
import { SnapshotReader } from '../snapshots/snapshot-reader';
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

/** One audit row to be: action, field, old value, new value. */
export type AuditChange = [
  SubmissionAuditAction,
  string | null,
  SubmissionAuditValue,
  SubmissionAuditValue,
];

/** Who made audited changes: the caller, and the request they came with. */
export interface AuditAuthor {
  actor: Actor;
  requestId: string | null;
}

/** The audit changes of one submission. */
export interface AuditBatch {
  submission: Pick<SubmissionEntity, 'id' | 'tenantId'>;
  changes: AuditChange[];
}

/** Rows of a batch statement: a JSON parameter of this many rows stays a few megabytes. */
const BATCH_ROWS = 5000;

type Answers = SubmissionEntity['answers'];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

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
   * each unit's answers of the study's previous cycle, and the quartiles of the group of all
   * participants in the latest published benchmark before this cycle, as the unit sees them
   * there: released cells of the KPIs it supplied to that benchmark (give-to-get), since a
   * warning's range gives both quartiles away.
   */
  async plausibilityContext(
    m: TenantTx,
    cycle: CycleEntity,
    unitIds: readonly string[],
  ): Promise<(unitId: string) => PlausibilityContext> {
    const previousCycle = await managerOf(m).findOne(CycleEntity, {
      where: { studyId: cycle.studyId, year: LessThan(cycle.year) },
      order: { year: 'DESC' },
    });
    const rows =
      previousCycle && unitIds.length > 0
        ? await managerOf(m).query<{ unit_id: string; answers: Answers }[]>(
            'SELECT unit_id, answers FROM submissions WHERE cycle_id = $1 AND unit_id = ANY($2::uuid[])',
            [previousCycle.id, unitIds],
          )
        : [];
    const answers = new Map(rows.map((r) => [r.unit_id, r.answers]));
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
    return (unitId) => ({
      previousValues: answers.get(unitId),
      previousBenchmark: benchmark ? quartilesOf(benchmark({ kind: 'unit', unitId })) : {},
    });
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

  /** Inserts new drafts of one cycle, one statement per few thousand, and sets their ids. */
  async insertDrafts(
    m: TenantTx,
    cycleId: string,
    entities: readonly SubmissionEntity[],
  ): Promise<void> {
    for (const batch of chunks(entities, BATCH_ROWS)) {
      const rows = await managerOf(m).query<{ id: string; unit_id: string }[]>(
        `INSERT INTO submissions (tenant_id, cycle_id, unit_id, state, answers, derived, kpi_vector, warnings, warning_comments)
         SELECT r.tenant_id, $2, r.unit_id, 'draft', r.answers, r.derived, decode(r.kpi_vector, 'hex'), r.warnings, '{}'::jsonb
           FROM jsonb_to_recordset($1::jsonb)
             AS r(tenant_id uuid, unit_id uuid, answers jsonb, derived jsonb, kpi_vector text, warnings jsonb)
         RETURNING id, unit_id`,
        [
          JSON.stringify(
            batch.map((e) => ({
              tenant_id: e.tenantId,
              unit_id: e.unitId,
              answers: e.answers,
              derived: e.derived,
              kpi_vector: e.kpiVector?.toString('hex') ?? null,
              warnings: e.warnings,
            })),
          ),
          cycleId,
        ],
      );
      const idOf = new Map(rows.map((r) => [r.unit_id, r.id]));
      for (const entity of batch) {
        const id = idOf.get(entity.unitId);
        if (!id) {
          throw new Error(`the insert returned no submission for unit ${entity.unitId}`);
        }
        entity.id = id;
      }
    }
  }

  /**
   * Stores the new answers of drafts read before, one statement per few thousand, each only if
   * its version is still the one read; returns whether every one was stored.
   */
  async updateDrafts(m: TenantTx, entities: readonly SubmissionEntity[]): Promise<boolean> {
    for (const batch of chunks(entities, BATCH_ROWS)) {
      // TypeORM returns [rows, affected count] for an UPDATE ... RETURNING.
      const [, count] = await managerOf(m).query<[unknown[], number]>(
        `UPDATE submissions s
            SET answers = r.answers, derived = r.derived, kpi_vector = decode(r.kpi_vector, 'hex'),
                warnings = r.warnings, version = s.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb)
             AS r(id uuid, version integer, answers jsonb, derived jsonb, kpi_vector text, warnings jsonb)
          WHERE s.id = r.id AND s.version = r.version
         RETURNING s.id`,
        [
          JSON.stringify(
            batch.map((e) => ({
              id: e.id,
              version: e.version,
              answers: e.answers,
              derived: e.derived,
              kpi_vector: e.kpiVector?.toString('hex') ?? null,
              warnings: e.warnings,
            })),
          ),
        ],
      );
      if (count !== batch.length) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends one audit row per submission written, with its changes in order, a few thousand
   * rows a statement; the actor is the caller, whatever tenant the submission belongs to.
   */
  async writeAudit(m: TenantTx, req: AuditAuthor, batches: readonly AuditBatch[]): Promise<void> {
    const rows = batches
      .filter(({ changes }) => changes.length > 0)
      .map(({ submission, changes }) => ({
        tenant_id: submission.tenantId,
        submission_id: submission.id,
        changes: changes.map(([action, field, oldValue, newValue]): SubmissionAuditChange => ({
          action,
          field,
          old: oldValue,
          new: newValue,
        })),
      }));
    for (const batch of chunks(rows, BATCH_ROWS)) {
      await managerOf(m).query(
        `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_user_id,
           actor_api_key_id, actor_role, changes, request_id)
         SELECT r.tenant_id, r.submission_id, $2, $3, $4, $5, r.changes, $6
           FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, submission_id uuid, changes jsonb)`,
        [
          JSON.stringify(batch),
          req.actor.tenantId,
          req.actor.userId,
          req.actor.apiKeyId,
          req.actor.role,
          req.requestId,
        ],
      );
    }
  }
}
