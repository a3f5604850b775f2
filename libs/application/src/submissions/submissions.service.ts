import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobQueue, QueueName } from '@app/jobs';
import {
  Action,
  AnswerValidationResult,
  AnswerValue,
  assertCycleOpen,
  assertSubmittable,
  Catalogue,
  DomainError,
  DomainErrorCode,
  kpiVector,
  nextSubmissionState,
  notFound,
  plausibilityWarnings,
  PlausibilityContext,
  Problem,
  renderWarnings,
  requireAccess,
  SubmissionTransition,
  validateAnswers,
  validateDraft,
  warningId,
} from '@app/domain';
import {
  CycleEntity,
  StudyEntity,
  SubmissionEntity,
  TenantDb,
  findCycle,
  studyOf,
  submissionsOfCycle,
  saveSubmission,
  auditOfSubmission,
} from '@app/persistence';
import type { TenantTx } from '@app/persistence';
import type { CallerContext, Language } from '../common/caller';
import { enqueueMails } from '../common/enqueue-mails';
import { queueReviewMails, type QueuedMail } from '../notifications/notification-mails';
import { PUBLIC_URL } from '../notifications/public-url';
import type { AuditEntryDto, SubmissionDto } from './submission.dto';
import {
  BatchedDraft,
  Located,
  SubmissionAuditChange,
  SubmissionRepository,
} from '@app/persistence';
import { SUBMISSION_REFUSALS as R } from './submissions.texts';

type SubmissionRequest = CallerContext;

/** A submission with what it is read against, as its caller may see it. */
export interface SubmissionContext {
  cycle: CycleEntity;
  unit: Located['unit'];
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

/**
 * A part of a batch of drafts: its items, and the plausibility context of their units (the
 * previous cycle's answers, `SubmissionRepository.plausibilityContext`).
 */
export interface DraftBatchPart {
  items: Iterable<DraftBatchItem>;
  context: (unitId: string) => PlausibilityContext;
}

/** What storing a batch of drafts did. */
export interface DraftBatchResult {
  created: number;
  updated: number;
  unchanged: number;
}

const MAX_ANSWER_KEYS = 500;
const MAX_COMMENT_LENGTH = 2000;

type Answers = SubmissionEntity['answers'];

/** Answers are numbers, texts, yes or no: equal when identical, an absent one counting as null. */
function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** The draft, submit and review workflow of a unit's answers for one cycle. */
@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    private readonly db: TenantDb,
    private readonly store: SubmissionRepository,
    @InjectQueue(QueueName.Mail) private readonly mail: JobQueue<QueueName.Mail>,
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  get(req: SubmissionRequest, cycleId: string, unitId: string): Promise<SubmissionDto> {
    requireAccess(req.actor, Action.SubmissionRead);
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { submission, catalogue } = await this.store.locate(m, cycleId, unitId, false);
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
      const cycle = await findCycle(m, cycleId);
      if (!cycle) {
        throw notFound('Cycle', cycleId);
      }
      requireAccess(req.actor, Action.SubmissionReview, {
        thing: 'Cycle',
        id: cycleId,
        ownerId: cycle.tenantId,
      });
      const study = await studyOf(m, cycle);
      const catalogue = await this.store.catalogueOf(m, study.catalogueVersionId);
      const submissions = await submissionsOfCycle(m, cycleId);
      return submissions.map((s) => this.toDto(req, catalogue, cycleId, s.unitId, s));
    });
  }

  /** The submission with its cycle, unit, study and catalogue, as the caller may see it. */
  context(req: SubmissionRequest, cycleId: string, unitId: string): Promise<SubmissionContext> {
    requireAccess(req.actor, Action.SubmissionRead);
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.store.locate(m, cycleId, unitId, false);
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
      const located = await this.store.locate(m, cycleId, unitId, false);
      this.requireUnitAccess(req, located, Action.SubmissionSaveDraft);
      assertCycleOpen(located.cycle);
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
      const located = await this.store.locate(m, cycleId, unitId, true);
      this.requireUnitAccess(req, located, Action.SubmissionSaveDraft);
      assertCycleOpen(located.cycle);
      if (input.version !== undefined) {
        this.assertVersion(located.submission, input.version);
      }
      if (Object.keys(input.answers).length > MAX_ANSWER_KEYS) {
        throw new DomainError(DomainErrorCode.ValidationFailed, R.tooManyAnswers(MAX_ANSWER_KEYS));
      }
      const current = located.submission;
      if (current) {
        nextSubmissionState(current.state, 'edit');
      }
      const checked = validateDraft(
        located.catalogue,
        current?.answers ?? {},
        input.answers,
        req.language,
      );
      const found = [
        ...checked.errors,
        ...this.checkComments(input.warningComments ?? {}, req.language),
      ];
      const problems = options.report ? options.report(found) : found;
      if (problems.length > 0) {
        throw new DomainError(DomainErrorCode.ValidationFailed, R.answersInvalid, problems);
      }
      const submission =
        current ?? this.store.newSubmission(located.unit.tenantId, cycleId, unitId);
      const context = await this.store.plausibilityContext(m, located.cycle, [unitId]);
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
      const saved = await saveSubmission(m, submission);
      await this.store.writeAudit(m, req, [{ submission: saved, changes: audit }]);
      return this.toDto(req, located.catalogue, cycleId, unitId, saved);
    });
  }

  /**
   * Stores validated drafts of many units of one cycle in the caller's transaction, with their
   * audit rows, in a few statements whatever their number: rounds of a few hundred drafts,
   * each prepared here while the database stores the round before
   * (`SubmissionRepository.writeDrafts`). The drafts come in parts, each with the previous
   * cycle's answers of its units (`plausibilityContext`), and a part's items are taken one at a
   * time as the rounds fill, so the caller may read and validate the next part while the
   * database stores the rounds before. A submission whose answers do not change is left alone.
   */
  async storeDrafts(
    m: TenantTx,
    req: SubmissionRequest,
    cycle: CycleEntity,
    catalogue: Catalogue,
    parts: AsyncIterable<DraftBatchPart>,
  ): Promise<DraftBatchResult> {
    let taken = 0;
    const counted = async function* (): AsyncGenerator<DraftBatchPart> {
      for await (const part of parts) {
        yield {
          context: part.context,
          items: (function* () {
            for (const item of part.items) {
              taken += 1;
              yield item;
            }
          })(),
        };
      }
    };
    const written = await this.store.writeDrafts(
      m,
      req,
      cycle.id,
      this.appliedDrafts(cycle, catalogue, counted()),
    );
    if (!written.stored) {
      throw new DomainError(DomainErrorCode.Conflict, R.changedDuringImport);
    }
    return {
      created: written.created,
      updated: written.updated,
      unchanged: taken - written.created - written.updated,
    };
  }

  /** The drafts of a batch with their answers applied, one at a time as the writer takes them. */
  private async *appliedDrafts(
    cycle: CycleEntity,
    catalogue: Catalogue,
    parts: AsyncIterable<DraftBatchPart>,
  ): AsyncGenerator<BatchedDraft> {
    for await (const { items, context } of parts) {
      for (const item of items) {
        if (item.current) {
          nextSubmissionState(item.current.state, 'edit');
        }
        const entity =
          item.current ?? this.store.newSubmission(item.companyId, cycle.id, item.unitId);
        const changes = this.applyDraft(entity, catalogue, item.checked, context(item.unitId));
        // A submission whose answers do not change is left alone.
        if (!item.current || changes.length > 0) {
          yield { entity, changes, isNew: !item.current };
        }
      }
    }
  }

  /** Submits the answers for review: no errors, every warning commented. */
  submit(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    version?: number,
  ): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.store.locate(m, cycleId, unitId, true);
      this.requireUnitAccess(req, located, Action.SubmissionSubmit);
      assertCycleOpen(located.cycle);
      const submission = this.requireSubmission(located);
      if (version !== undefined) {
        this.assertVersion(submission, version);
      }
      const next = nextSubmissionState(submission.state, 'submit');
      const checked = validateAnswers(located.catalogue, submission.answers, {
        forSubmit: true,
        language: req.language,
      });
      const context = await this.store.plausibilityContext(m, located.cycle, [unitId]);
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
    requireAccess(req.actor, Action.SubmissionRead);
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { submission } = await this.store.locate(m, cycleId, unitId, false);
      if (!submission) {
        return [];
      }
      const rows = await auditOfSubmission(m, submission.id);
      // An entry per change, as the audit was read when it kept a row per change.
      return rows.flatMap((r) =>
        r.changes.map(([action, field, oldValue, newValue]) => ({
          at: r.at.toISOString(),
          action,
          field,
          oldValue,
          newValue,
          actorRole: r.actorRole,
          actorUserId: r.actorUserId,
          actorApiKeyId: r.actorApiKeyId,
          requestId: r.requestId,
        })),
      );
    });
  }

  private async review(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    transition: Extract<SubmissionTransition, 'accept' | 'return'>,
    comment: string | null,
  ): Promise<SubmissionDto> {
    const reviewed = await this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.store.locate(m, cycleId, unitId, true);
      requireAccess(req.actor, Action.SubmissionReview, {
        thing: 'Cycle',
        id: cycleId,
        ownerId: located.cycle.tenantId,
      });
      assertCycleOpen(located.cycle);
      const submission = this.requireSubmission(located);
      const next = nextSubmissionState(submission.state, transition);
      if (transition === 'return') {
        await this.store.writeAudit(m, req, [
          { submission, changes: [['return_comment', null, submission.returnComment, comment]] },
        ]);
        submission.returnComment = comment;
      }
      const dto = await this.moveTo(m, req, located, submission, next, { reviewedAt: new Date() });
      // The company is told in the transaction of the change: both happen, or neither.
      const mails: QueuedMail[] = await queueReviewMails(
        m,
        {
          cycle: located.cycle,
          unitId,
          submissionId: submission.id,
          version: dto.version,
          transition,
          comment,
        },
        this.publicUrl,
      );
      return { dto, mails };
    });
    await enqueueMails(this.mail, reviewed.mails, this.logger);
    return reviewed.dto;
  }

  private async moveTo(
    m: TenantTx,
    req: SubmissionRequest,
    located: Located,
    submission: SubmissionEntity,
    next: SubmissionEntity['state'],
    times: Partial<Pick<SubmissionEntity, 'submittedAt' | 'reviewedAt'>>,
  ): Promise<SubmissionDto> {
    const previous = submission.state;
    submission.state = next;
    Object.assign(submission, times);
    const saved = await saveSubmission(m, submission);
    await this.store.writeAudit(m, req, [
      { submission: saved, changes: [['state', null, previous, next]] },
    ]);
    return this.toDto(req, located.catalogue, located.cycle.id, located.unit.id, saved);
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
  ): SubmissionAuditChange[] {
    const audit: SubmissionAuditChange[] = [];
    const answers = checked.values as Answers;
    const before = submission.answers;
    // The answers there before, then those new, each once: the order of the changes.
    const change = (key: string): void => {
      if (!sameValue(before[key], answers[key])) {
        audit.push(['answer', key, before[key] ?? null, answers[key] ?? null]);
      }
    };
    for (const key of Object.keys(before)) {
      change(key);
    }
    for (const key of Object.keys(answers)) {
      if (!Object.hasOwn(before, key)) {
        change(key);
      }
    }
    submission.answers = answers;
    submission.derived = checked.derived;
    submission.kpiVector = kpiVector(catalogue, answers, checked.derived);
    submission.warnings = [
      ...checked.warnings,
      ...plausibilityWarnings(catalogue, answers, context, checked.derived),
    ];
    return audit;
  }

  private checkComments(comments: Record<string, unknown>, language: Language): Problem[] {
    return Object.entries(comments)
      .filter(([, c]) => typeof c !== 'string' || c.length > MAX_COMMENT_LENGTH)
      .map(([id]) => ({
        key: `warningComments.${id}`,
        rule: 'comment_text',
        message: R.commentText(MAX_COMMENT_LENGTH)[language],
      }));
  }

  /** A use-case on one unit's submission: the company that runs the unit carries it out. */
  private requireUnitAccess(req: SubmissionRequest, located: Located, action: Action): void {
    requireAccess(req.actor, action, {
      thing: 'Unit',
      id: located.unit.id,
      ownerId: located.unit.tenantId,
    });
  }

  private assertVersion(submission: SubmissionEntity | null, version: number): void {
    const current = submission?.version ?? 0;
    if (current !== version) {
      throw new DomainError(DomainErrorCode.Conflict, R.staleVersion(current, version));
    }
  }

  private requireSubmission(located: Located): SubmissionEntity {
    if (!located.submission) {
      throw new DomainError(DomainErrorCode.InvalidState, R.noDraft);
    }
    return located.submission;
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
