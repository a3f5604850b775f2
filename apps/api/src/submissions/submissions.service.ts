import { Injectable } from '@nestjs/common';
import {
  assertSubmittable,
  Catalogue,
  DomainError,
  DomainErrorCode,
  loadCatalogue,
  nextSubmissionState,
  notFound,
  plausibilityWarnings,
  Problem,
  SubmissionTransition,
  validateAnswers,
  warningId,
} from '@app/domain';
import {
  CatalogueVersionEntity,
  CycleEntity,
  ParticipationEntity,
  StudyEntity,
  SubmissionAuditAction,
  SubmissionAuditValue,
  SubmissionAuditEntity,
  SubmissionEntity,
  TenantDb,
  UnitEntity,
} from '@app/persistence';
import { EntityManager, LessThan } from 'typeorm';
import type { CallerContext, Language } from '../common/request-context';
import { AuditEntryDto, SaveDraftDto, SubmissionDto } from './dto/submission.dto';

type SubmissionRequest = CallerContext;

interface Located {
  cycle: CycleEntity;
  unit: UnitEntity;
  catalogue: Catalogue;
  submission: SubmissionEntity | null;
}

const MAX_ANSWER_KEYS = 500;
const MAX_COMMENT_LENGTH = 2000;

type Answers = SubmissionEntity['answers'];
type AuditChange = [
  SubmissionAuditAction,
  string | null,
  SubmissionAuditValue,
  SubmissionAuditValue,
];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The draft, submit and review workflow of a unit's answers for one cycle. */
@Injectable()
export class SubmissionsService {
  /** Catalogue versions never change, so a parsed one can be kept for good. */
  private readonly catalogues = new Map<string, Catalogue>();

  constructor(private readonly db: TenantDb) {}

  get(req: SubmissionRequest, cycleId: string, unitId: string): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { submission } = await this.locate(m, req, cycleId, unitId, false);
      return this.toDto(cycleId, unitId, submission);
    });
  }

  /** Saves some or all answers as the draft; invalid answers store nothing. */
  saveDraft(
    req: SubmissionRequest,
    cycleId: string,
    unitId: string,
    input: SaveDraftDto,
  ): Promise<SubmissionDto> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const located = await this.locate(m, req, cycleId, unitId, true);
      this.assertCompanyOwns(req, located);
      this.assertOpen(located.cycle);
      this.assertVersion(located.submission, input.version);
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
      const merged: Record<string, unknown> = { ...(current?.answers ?? {}), ...input.answers };
      const checked = validateAnswers(located.catalogue, merged, {
        forSubmit: false,
        language: req.language,
      });
      const commentProblems = this.checkComments(input.warningComments ?? {});
      if (checked.errors.length > 0 || commentProblems.length > 0) {
        throw new DomainError(
          DomainErrorCode.ValidationFailed,
          req.language === 'de'
            ? 'Die Antworten enthalten Fehler; nichts wurde gespeichert.'
            : 'The answers contain errors; nothing was saved.',
          [...checked.errors, ...commentProblems],
        );
      }
      const submission =
        current ??
        m.create(SubmissionEntity, {
          tenantId: req.actor.tenantId,
          cycleId,
          unitId,
          state: 'draft',
          answers: {},
          derived: {},
          warnings: [],
          warningComments: {},
          returnComment: null,
        });
      const audit: AuditChange[] = [];
      const answers = checked.values as Answers;
      for (const key of new Set([...Object.keys(submission.answers), ...Object.keys(answers)])) {
        if (!sameValue(submission.answers[key], answers[key])) {
          audit.push(['answer', key, submission.answers[key] ?? null, answers[key] ?? null]);
        }
      }
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
      submission.answers = answers;
      submission.derived = located.catalogue.derive(answers);
      submission.warnings = [
        ...checked.warnings,
        ...(await this.plausibility(m, req, located, answers)),
      ];
      submission.warningComments = comments;
      const saved = await m.save(submission);
      await this.writeAudit(m, req, saved, audit);
      return this.toDto(cycleId, unitId, saved);
    });
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
      this.assertOpen(located.cycle);
      const submission = this.requireSubmission(located, req.language);
      if (version !== undefined) {
        this.assertVersion(submission, version);
      }
      const next = nextSubmissionState(submission.state, 'submit');
      const checked = validateAnswers(located.catalogue, submission.answers, {
        forSubmit: true,
        language: req.language,
      });
      const warnings = [
        ...checked.warnings,
        ...(await this.plausibility(m, req, located, submission.answers)),
      ];
      assertSubmittable(checked.errors, warnings, submission.warningComments, req.language);
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
      this.assertOpen(located.cycle);
      const submission = this.requireSubmission(located, req.language);
      const next = nextSubmissionState(submission.state, transition);
      if (transition === 'return') {
        await this.writeAudit(m, req, submission, [
          ['return_comment', null, submission.returnComment, comment],
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
    await this.writeAudit(m, req, saved, [['state', null, previous, next]]);
    return this.toDto(located.cycle.id, located.unit.id, saved);
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
      submission,
      catalogue: await this.catalogueOf(m, study.catalogueVersionId),
    };
  }

  private async catalogueOf(m: EntityManager, versionId: string): Promise<Catalogue> {
    let catalogue = this.catalogues.get(versionId);
    if (!catalogue) {
      const version = await m.findOneByOrFail(CatalogueVersionEntity, { id: versionId });
      catalogue = loadCatalogue(version.definition);
      this.catalogues.set(versionId, catalogue);
    }
    return catalogue;
  }

  /** Plausibility against the unit's own answers of the previous cycle of the study. */
  private async plausibility(
    m: EntityManager,
    req: SubmissionRequest,
    located: Located,
    answers: Answers,
  ): Promise<Problem[]> {
    const previousCycle = await m.findOne(CycleEntity, {
      where: { studyId: located.cycle.studyId, year: LessThan(located.cycle.year) },
      order: { year: 'DESC' },
    });
    const previous = previousCycle
      ? await m.findOneBy(SubmissionEntity, { cycleId: previousCycle.id, unitId: located.unit.id })
      : null;
    return plausibilityWarnings(
      located.catalogue,
      answers,
      { previousValues: previous?.answers ?? undefined },
      req.language,
    );
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
        'Only the company that runs the unit may change its answers.',
      );
    }
  }

  private assertOpen(cycle: CycleEntity): void {
    if (cycle.state !== 'open') {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        `The cycle ${cycle.year} is ${cycle.state}; its submissions can no longer change.`,
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

  private async writeAudit(
    m: EntityManager,
    req: SubmissionRequest,
    submission: SubmissionEntity,
    changes: AuditChange[],
  ): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    await m.insert(
      SubmissionAuditEntity,
      changes.map(([action, field, oldValue, newValue]) => ({
        tenantId: submission.tenantId,
        submissionId: submission.id,
        actorOrganisationId: req.actor.tenantId,
        actorUserId: req.actor.userId,
        actorApiKeyId: req.actor.apiKeyId,
        actorRole: req.actor.role,
        action,
        field,
        oldValue,
        newValue,
        requestId: req.requestId,
      })),
    );
  }

  private toDto(cycleId: string, unitId: string, s: SubmissionEntity | null): SubmissionDto {
    return {
      id: s?.id ?? null,
      cycleId,
      unitId,
      state: s?.state ?? 'draft',
      answers: s?.answers ?? {},
      derived: s?.derived ?? {},
      warnings: (s?.warnings ?? []).map((w) => ({
        ...w,
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
