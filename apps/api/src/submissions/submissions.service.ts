import { Injectable } from '@nestjs/common';
import {
  ALL_PEER_GROUP_ID,
  AnswerValidationResult,
  assertSubmittable,
  BenchmarkCell,
  BenchmarkQuartiles,
  Catalogue,
  DomainError,
  DomainErrorCode,
  loadCatalogue,
  nextSubmissionState,
  notFound,
  plausibilityWarnings,
  PlausibilityContext,
  Problem,
  renderWarnings,
  SubmissionState,
  SubmissionTransition,
  validateAnswers,
  warningId,
  kpiVector,
} from '@app/domain';
import {
  CatalogueVersionEntity,
  CycleEntity,
  ParticipationEntity,
  StudyEntity,
  SubmissionAuditAction,
  SubmissionAuditValue,
  SubmissionAuditEntity,
  SnapshotReader,
  SubmissionEntity,
  TenantDb,
  UnitEntity,
} from '@app/persistence';
import { EntityManager, IsNull, LessThan, Not } from 'typeorm';
import type { CallerContext, Language } from '../common/request-context';
import { AuditEntryDto, SubmissionDto } from './dto/submission.dto';

type SubmissionRequest = CallerContext;

interface Located {
  cycle: CycleEntity;
  unit: UnitEntity;
  study: StudyEntity;
  catalogue: Catalogue;
  submission: SubmissionEntity | null;
}

/** A submission with what it is read against, as its caller may see it. */
export interface SubmissionContext {
  cycle: CycleEntity;
  unit: UnitEntity;
  study: StudyEntity;
  catalogue: Catalogue;
  submission: SubmissionDto;
  /** Every comment on a warning, also those whose warning no longer shows. */
  warningComments: Record<string, string>;
}

/** What a draft save takes: answers by KPI key, comments on warnings, the version read. */
export interface DraftInput {
  /** A key missing here keeps its stored answer, `null` clears it. */
  answers: Record<string, unknown>;
  warningComments?: Record<string, string>;
  /** The version read last; a stale one gets 409. Without it the save does not check. */
  version?: number;
}

/** How a draft save reports what it refuses. */
export interface DraftOptions {
  /**
   * Turns the validation problems into those reported, e.g. placed at the cells of an
   * uploaded file, together with problems the caller found before. Anything it returns
   * refuses the save.
   */
  report?: (problems: Problem[]) => Problem[];
}

/** One unit's validated answers in a batch of drafts of one cycle (a cycle import). */
export interface DraftBatchItem {
  unitId: string;
  /** The company that runs the unit: the submission's tenant. */
  companyId: string;
  /** The unit's submission, read for update, or null when it has none yet. */
  current: SubmissionEntity | null;
  checked: AnswerValidationResult;
}

/** What storing a batch of drafts did. */
export interface DraftBatchResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Rows of a batch statement: a JSON parameter of this many rows stays a few megabytes. */
const BATCH_ROWS = 5000;

const MAX_ANSWER_KEYS = 500;
const MAX_COMMENT_LENGTH = 2000;

type Answers = SubmissionEntity['answers'];
type AuditChange = [
  SubmissionAuditAction,
  string | null,
  SubmissionAuditValue,
  SubmissionAuditValue,
];

interface AuditBatch {
  submission: Pick<SubmissionEntity, 'id' | 'tenantId'>;
  changes: AuditChange[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** The draft, submit and review workflow of a unit's answers for one cycle. */
@Injectable()
export class SubmissionsService {
  /** Catalogue versions never change, so a parsed one can be kept for good. */
  private readonly catalogues = new Map<string, Catalogue>();

  constructor(
    private readonly db: TenantDb,
    private readonly reader: SnapshotReader,
  ) {}

  get(req: SubmissionRequest, cycleId: string, unitId: string): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { submission, catalogue } = await this.locate(m, req, cycleId, unitId, false);
      return this.toDto(req, catalogue, cycleId, unitId, submission);
    });
  }

  /**
   * Every stored submission of a cycle the caller's publisher runs, oldest change first: the
   * review queue and the counts by state of the publisher's pages. Another tenant's cycle is
   * not found.
   */
  listForCycle(req: SubmissionRequest, cycleId: string): Promise<SubmissionDto[]> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const cycle = await m.findOneBy(CycleEntity, { id: cycleId });
      if (!cycle || cycle.tenantId !== req.actor.tenantId) {
        throw notFound('Cycle', cycleId);
      }
      const study = await m.findOneByOrFail(StudyEntity, { id: cycle.studyId });
      const catalogue = await this.catalogueOf(m, study.catalogueVersionId);
      const submissions = await m.find(SubmissionEntity, {
        where: { cycleId },
        order: { updatedAt: 'ASC', id: 'ASC' },
      });
      return submissions.map((s) => this.toDto(req, catalogue, cycleId, s.unitId, s));
    });
  }

  /** The submission with its cycle, unit, study and catalogue, as the caller may see it. */
  context(req: SubmissionRequest, cycleId: string, unitId: string): Promise<SubmissionContext> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.locate(m, req, cycleId, unitId, false);
      return {
        ...located,
        submission: this.toDto(req, located.catalogue, cycleId, unitId, located.submission),
        warningComments: located.submission?.warningComments ?? {},
      };
    });
  }

  /**
   * Refuses early what `saveDraft` would refuse whatever the answers: a unit the caller cannot
   * see (404) or does not run (403), a cycle that is not open, a submission that cannot be
   * edited. Returns the catalogue the answers are read against. An upload calls this before
   * it reads the file.
   */
  catalogueForDraft(req: SubmissionRequest, cycleId: string, unitId: string): Promise<Catalogue> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.locate(m, req, cycleId, unitId, false);
      this.assertCompanyOwns(req, located);
      this.assertOpen(located.cycle, req.language);
      if (located.submission) {
        nextSubmissionState(located.submission.state, 'edit');
      }
      return located.catalogue;
    });
  }

  /** Saves some or all answers as the draft; invalid answers store nothing. */
  saveDraft(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    input: DraftInput,
    options: DraftOptions = {},
  ): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.locate(m, req, cycleId, unitId, true);
      this.assertCompanyOwns(req, located);
      this.assertOpen(located.cycle, req.language);
      if (input.version !== undefined) {
        this.assertVersion(located.submission, input.version);
      }
      if (Object.keys(input.answers).length > MAX_ANSWER_KEYS) {
        throw new DomainError(
          DomainErrorCode.ValidationFailed,
          `At most ${MAX_ANSWER_KEYS} answers per request.`,
        );
      }
      const current = located.submission;
      if (current) {
        nextSubmissionState(current.state, 'edit');
      }
      const checked = this.checkDraft(
        located.catalogue,
        current?.answers ?? {},
        input.answers,
        req.language,
      );
      const found = [...checked.errors, ...this.checkComments(input.warningComments ?? {})];
      const problems = options.report ? options.report(found) : found;
      if (problems.length > 0) {
        throw new DomainError(
          DomainErrorCode.ValidationFailed,
          req.language === 'de'
            ? 'Die Antworten enthalten Fehler; nichts wurde gespeichert.'
            : 'The answers contain errors; nothing was saved.',
          problems,
        );
      }
      const submission = current ?? this.newSubmission(located.unit.tenantId, cycleId, unitId);
      const context = await this.plausibilityContext(m, located.cycle, [unitId]);
      const audit = this.applyDraft(submission, located.catalogue, checked, context(unitId));
      const comments = { ...submission.warningComments };
      for (const [id, comment] of Object.entries(input.warningComments ?? {})) {
        const text = comment.trim();
        if ((comments[id] ?? '') !== text) {
          audit.push(['warning_comment', id, comments[id] ?? null, text || null]);
        }
        if (text) {
          comments[id] = text;
        } else {
          delete comments[id];
        }
      }
      submission.warningComments = comments;
      const saved = await m.save(submission);
      await this.writeAudit(m, req, [{ submission: saved, changes: audit }]);
      return this.toDto(req, located.catalogue, cycleId, unitId, saved);
    });
  }

  /** Whether answers in this state may still change (a draft, or returned by the publisher). */
  isEditable(state: SubmissionState): boolean {
    try {
      nextSubmissionState(state, 'edit');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The answers a draft save would store, validated: the current answers with the new ones
   * laid over them. Clearing (`null`) an answer that is not there changes nothing, so that a
   * blank cell of an uploaded file does not store a `null`.
   */
  checkDraft(
    catalogue: Catalogue,
    current: Readonly<Record<string, unknown>>,
    answers: Readonly<Record<string, unknown>>,
    language: Language,
  ): AnswerValidationResult {
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(answers)) {
      if (value !== null || (merged[key] !== undefined && merged[key] !== null)) {
        merged[key] = value;
      }
    }
    return validateAnswers(catalogue, merged, { forSubmit: false, language });
  }

  /**
   * Stores validated drafts of many units of one cycle in the caller's transaction, with their
   * audit rows, in a few statements whatever their number: the previous cycle's answers in
   * one query, new submissions in one insert and changed ones in one update per few thousand,
   * audit rows likewise. A submission whose answers do not change is left alone.
   */
  async storeDrafts(
    m: EntityManager,
    req: SubmissionRequest,
    cycle: CycleEntity,
    catalogue: Catalogue,
    items: readonly DraftBatchItem[],
  ): Promise<DraftBatchResult> {
    const context = await this.plausibilityContext(
      m,
      cycle,
      items.map((i) => i.unitId),
    );
    const created: { entity: SubmissionEntity; changes: AuditChange[] }[] = [];
    const updated: { entity: SubmissionEntity; changes: AuditChange[] }[] = [];
    for (const item of items) {
      if (item.current) {
        nextSubmissionState(item.current.state, 'edit');
      }
      const entity = item.current ?? this.newSubmission(item.companyId, cycle.id, item.unitId);
      const changes = this.applyDraft(entity, catalogue, item.checked, context(item.unitId));
      if (!item.current) {
        created.push({ entity, changes });
      } else if (changes.length > 0) {
        updated.push({ entity, changes });
      }
    }
    for (const batch of chunks(created, BATCH_ROWS)) {
      const rows = await m.query<{ id: string; unit_id: string }[]>(
        `INSERT INTO submissions (tenant_id, cycle_id, unit_id, state, answers, derived, kpi_vector, warnings, warning_comments)
         SELECT r.tenant_id, $2, r.unit_id, 'draft', r.answers, r.derived, decode(r.kpi_vector, 'hex'), r.warnings, '{}'::jsonb
           FROM jsonb_to_recordset($1::jsonb)
             AS r(tenant_id uuid, unit_id uuid, answers jsonb, derived jsonb, kpi_vector text, warnings jsonb)
         RETURNING id, unit_id`,
        [
          JSON.stringify(
            batch.map(({ entity: e }) => ({
              tenant_id: e.tenantId,
              unit_id: e.unitId,
              answers: e.answers,
              derived: e.derived,
              kpi_vector: e.kpiVector?.toString('hex') ?? null,
              warnings: e.warnings,
            })),
          ),
          cycle.id,
        ],
      );
      const idOf = new Map(rows.map((r) => [r.unit_id, r.id]));
      for (const { entity } of batch) {
        const id = idOf.get(entity.unitId);
        if (!id) {
          throw new Error(`the insert returned no submission for unit ${entity.unitId}`);
        }
        entity.id = id;
      }
    }
    for (const batch of chunks(updated, BATCH_ROWS)) {
      // TypeORM returns [rows, affected count] for an UPDATE ... RETURNING.
      const [, count] = await m.query<[unknown[], number]>(
        `UPDATE submissions s
            SET answers = r.answers, derived = r.derived, kpi_vector = decode(r.kpi_vector, 'hex'),
                warnings = r.warnings, version = s.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb)
             AS r(id uuid, version integer, answers jsonb, derived jsonb, kpi_vector text, warnings jsonb)
          WHERE s.id = r.id AND s.version = r.version
         RETURNING s.id`,
        [
          JSON.stringify(
            batch.map(({ entity: e }) => ({
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
        throw new DomainError(
          DomainErrorCode.Conflict,
          req.language === 'de'
            ? 'Daten dieses Zyklus wurden während des Imports geändert; nichts wurde gespeichert. Importieren Sie die Datei erneut.'
            : 'Submissions of this cycle were changed during the import; nothing was stored. Import the file again.',
        );
      }
    }
    await this.writeAudit(m, req, [
      ...created.map(({ entity, changes }) => ({ submission: entity, changes })),
      ...updated.map(({ entity, changes }) => ({ submission: entity, changes })),
    ]);
    return {
      created: created.length,
      updated: updated.length,
      unchanged: items.length - created.length - updated.length,
    };
  }

  /** Submits the answers for review: no errors, every warning commented. */
  submit(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    version?: number,
  ): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.locate(m, req, cycleId, unitId, true);
      this.assertCompanyOwns(req, located);
      this.assertOpen(located.cycle, req.language);
      const submission = this.requireSubmission(located, req.language);
      if (version !== undefined) {
        this.assertVersion(submission, version);
      }
      const next = nextSubmissionState(submission.state, 'submit');
      const checked = validateAnswers(located.catalogue, submission.answers, {
        forSubmit: true,
        language: req.language,
      });
      const context = await this.plausibilityContext(m, located.cycle, [unitId]);
      const warnings = [
        ...checked.warnings,
        ...plausibilityWarnings(located.catalogue, submission.answers, context(unitId)),
      ];
      assertSubmittable(
        checked.errors,
        renderWarnings(located.catalogue, warnings, req.language),
        submission.warningComments,
        req.language,
      );
      submission.warnings = warnings;
      return this.moveTo(m, req, located, submission, next, { submittedAt: new Date() });
    });
  }

  /** The publisher accepts a submitted data set. */
  accept(req: SubmissionRequest, cycleId: string, unitId: string): Promise<SubmissionDto> {
    return this.review(req, cycleId, unitId, 'accept', null);
  }

  /** The publisher returns a submitted data set with a comment for the company. */
  returnToCompany(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    comment: string,
  ): Promise<SubmissionDto> {
    return this.review(req, cycleId, unitId, 'return', comment.trim());
  }

  audit(req: SubmissionRequest, cycleId: string, unitId: string): Promise<AuditEntryDto[]> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { submission } = await this.locate(m, req, cycleId, unitId, false);
      if (!submission) {
        return [];
      }
      const rows = await m.find(SubmissionAuditEntity, {
        where: { submissionId: submission.id },
        order: { id: 'ASC' },
      });
      return rows.map((r) => ({
        at: r.at.toISOString(),
        action: r.action,
        field: r.field,
        oldValue: r.oldValue,
        newValue: r.newValue,
        actorRole: r.actorRole,
        actorUserId: r.actorUserId,
        actorApiKeyId: r.actorApiKeyId,
        requestId: r.requestId,
      }));
    });
  }

  private review(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    transition: Extract<SubmissionTransition, 'accept' | 'return'>,
    comment: string | null,
  ): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.locate(m, req, cycleId, unitId, true);
      if (located.cycle.tenantId !== req.actor.tenantId) {
        throw notFound('Cycle', cycleId);
      }
      this.assertOpen(located.cycle, req.language);
      const submission = this.requireSubmission(located, req.language);
      const next = nextSubmissionState(submission.state, transition);
      if (transition === 'return') {
        await this.writeAudit(m, req, [
          { submission, changes: [['return_comment', null, submission.returnComment, comment]] },
        ]);
        submission.returnComment = comment;
      }
      return this.moveTo(m, req, located, submission, next, { reviewedAt: new Date() });
    });
  }

  private async moveTo(
    m: EntityManager,
    req: SubmissionRequest,
    located: Located,
    submission: SubmissionEntity,
    next: SubmissionEntity['state'],
    times: Partial<Pick<SubmissionEntity, 'submittedAt' | 'reviewedAt'>>,
  ): Promise<SubmissionDto> {
    const previous = submission.state;
    submission.state = next;
    Object.assign(submission, times);
    const saved = await m.save(submission);
    await this.writeAudit(m, req, [
      { submission: saved, changes: [['state', null, previous, next]] },
    ]);
    return this.toDto(req, located.catalogue, located.cycle.id, located.unit.id, saved);
  }

  /**
   * Finds cycle, unit, catalogue and submission as the caller may see them. A cycle or unit the
   * caller cannot see, or a unit that does not take part in the cycle's study, is not found.
   */
  private async locate(
    m: EntityManager,
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    forUpdate: boolean,
  ): Promise<Located> {
    const cycle = await m.findOneBy(CycleEntity, { id: cycleId });
    if (!cycle) {
      throw notFound('Cycle', cycleId);
    }
    const unit = await m.findOneBy(UnitEntity, { id: unitId });
    if (!unit) {
      throw notFound('Unit', unitId);
    }
    const takesPart = await m.existsBy(ParticipationEntity, {
      studyId: cycle.studyId,
      companyId: unit.tenantId,
    });
    if (!takesPart) {
      throw notFound('Unit', unitId);
    }
    const study = await m.findOneByOrFail(StudyEntity, { id: cycle.studyId });
    const submission = await m.findOne(SubmissionEntity, {
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
  async catalogueOf(m: EntityManager, versionId: string): Promise<Catalogue> {
    let catalogue = this.catalogues.get(versionId);
    if (!catalogue) {
      const version = await m.findOneByOrFail(CatalogueVersionEntity, { id: versionId });
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
  private async plausibilityContext(
    m: EntityManager,
    cycle: CycleEntity,
    unitIds: readonly string[],
  ): Promise<(unitId: string) => PlausibilityContext> {
    const previousCycle = await m.findOne(CycleEntity, {
      where: { studyId: cycle.studyId, year: LessThan(cycle.year) },
      order: { year: 'DESC' },
    });
    const rows =
      previousCycle && unitIds.length > 0
        ? await m.query<{ unit_id: string; answers: Answers }[]>(
            'SELECT unit_id, answers FROM submissions WHERE cycle_id = $1 AND unit_id = ANY($2::uuid[])',
            [previousCycle.id, unitIds],
          )
        : [];
    const answers = new Map(rows.map((r) => [r.unit_id, r.answers]));
    const published = await m.findOne(CycleEntity, {
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

  private newSubmission(companyId: string, cycleId: string, unitId: string): SubmissionEntity {
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

  /**
   * Puts validated answers into a submission with their derived KPIs and warnings (the
   * catalogue's and the plausibility checks against the previous cycle) and returns the
   * changed answers as audit changes.
   */
  private applyDraft(
    submission: SubmissionEntity,
    catalogue: Catalogue,
    checked: AnswerValidationResult,
    context: PlausibilityContext,
  ): AuditChange[] {
    const audit: AuditChange[] = [];
    const answers = checked.values as Answers;
    for (const key of new Set([...Object.keys(submission.answers), ...Object.keys(answers)])) {
      if (!sameValue(submission.answers[key], answers[key])) {
        audit.push(['answer', key, submission.answers[key] ?? null, answers[key] ?? null]);
      }
    }
    submission.answers = answers;
    submission.derived = catalogue.derive(answers);
    submission.kpiVector = kpiVector(catalogue, answers);
    submission.warnings = [
      ...checked.warnings,
      ...plausibilityWarnings(catalogue, answers, context),
    ];
    return audit;
  }

  private checkComments(comments: Record<string, unknown>): Problem[] {
    return Object.entries(comments)
      .filter(([, c]) => typeof c !== 'string' || c.length > MAX_COMMENT_LENGTH)
      .map(([id]) => ({
        key: `warningComments.${id}`,
        rule: 'comment_text',
        message: `A warning comment must be a text of at most ${MAX_COMMENT_LENGTH} characters.`,
      }));
  }

  private assertCompanyOwns(req: SubmissionRequest, located: Located): void {
    if (located.unit.tenantId !== req.actor.tenantId) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        req.language === 'de'
          ? 'Nur das Unternehmen, das die Einheit betreibt, darf ihre Antworten ändern.'
          : 'Only the company that runs the unit may change its answers.',
      );
    }
  }

  /** Refuses every change in a cycle that is closed or published. */
  assertOpen(cycle: CycleEntity, language: Language = 'en'): void {
    if (cycle.state !== 'open') {
      const state = { closed: 'geschlossen', published: 'veröffentlicht', open: 'offen' }[
        cycle.state
      ];
      throw new DomainError(
        DomainErrorCode.InvalidState,
        language === 'de'
          ? `Der Zyklus ${cycle.year} ist ${state}; seine Daten können sich nicht mehr ändern.`
          : `The cycle ${cycle.year} is ${cycle.state}; its submissions can no longer change.`,
      );
    }
  }

  private assertVersion(submission: SubmissionEntity | null, version: number): void {
    const current = submission?.version ?? 0;
    if (current !== version) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        `The submission was changed in the meantime (it is at version ${current}, you sent ${version}). Reload it and apply your changes again.`,
      );
    }
  }

  private requireSubmission(located: Located, language: Language): SubmissionEntity {
    if (!located.submission) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        language === 'de'
          ? 'Es gibt noch keinen Entwurf für diese Einheit.'
          : 'There is no draft for this unit yet.',
      );
    }
    return located.submission;
  }

  /**
   * Appends audit rows for changes of one or many submissions, a few thousand rows a
   * statement; the actor is the caller, whatever tenant the submission belongs to.
   */
  private async writeAudit(
    m: EntityManager,
    req: SubmissionRequest,
    batches: readonly AuditBatch[],
  ): Promise<void> {
    const rows = batches.flatMap(({ submission, changes }) =>
      changes.map(([action, field, oldValue, newValue]) => ({
        tenant_id: submission.tenantId,
        submission_id: submission.id,
        action,
        field,
        old_value: oldValue,
        new_value: newValue,
      })),
    );
    for (const batch of chunks(rows, BATCH_ROWS)) {
      await m.query(
        `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_user_id,
           actor_api_key_id, actor_role, action, field, old_value, new_value, request_id)
         SELECT r.tenant_id, r.submission_id, $2, $3, $4, $5, r.action, r.field, r.old_value, r.new_value, $6
           FROM jsonb_to_recordset($1::jsonb)
             AS r(tenant_id uuid, submission_id uuid, action text, field text, old_value jsonb, new_value jsonb)`,
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

  /** The submission as its caller reads it: warnings rendered in the caller's language. */
  private toDto(
    req: SubmissionRequest,
    catalogue: Catalogue,
    cycleId: string,
    unitId: string,
    s: SubmissionEntity | null,
  ): SubmissionDto {
    const warnings = s?.warnings ?? [];
    const messages = renderWarnings(catalogue, warnings, req.language);
    return {
      id: s?.id ?? null,
      cycleId,
      unitId,
      state: s?.state ?? 'draft',
      answers: s?.answers ?? {},
      derived: s?.derived ?? {},
      warnings: warnings.map((w, i) => ({
        ...messages[i],
        params: w.params,
        id: warningId(w),
        comment: s?.warningComments[warningId(w)] ?? null,
      })),
      returnComment: s?.returnComment ?? null,
      version: s?.version ?? 0,
      submittedAt: s?.submittedAt?.toISOString() ?? null,
      updatedAt: s?.updatedAt?.toISOString() ?? null,
    };
  }
}

/** The quartiles of the released cells, by KPI key. */
function quartilesOf(cells: readonly BenchmarkCell[]): Record<string, BenchmarkQuartiles> {
  return Object.fromEntries(
    cells
      .filter((cell) => cell.suppressed === null)
      .map((cell) => [cell.kpiKey, { p25: cell.p25, p75: cell.p75 }]),
  );
}
