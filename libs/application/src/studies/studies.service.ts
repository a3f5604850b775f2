import { Injectable } from '@nestjs/common';
import {
  Action,
  Actor,
  CatalogueDefinition,
  CycleTransition,
  DEFAULT_DISCLOSURE_POLICY,
  DEFAULT_REMINDER_OFFSETS,
  parseSubmissionDeadline,
  checkReminderOffsets,
  DomainError,
  DomainErrorCode,
  loadCatalogue,
  nextCycleState,
  notFound,
  PROFILE_DIMENSIONS,
  canonicalJson,
  disclosurePolicyOf,
  requireAccess,
} from '@app/domain';
import {
  CatalogueVersionEntity,
  CycleEntity,
  sourceHash,
  StudyEntity,
  TenantDb,
  organisationKindOf,
  studiesWithCycles,
  insertStudy,
  saveStudy,
  insertCycle,
  saveCycle,
  findSnapshotOfCycle,
  latestComputedSnapshot,
  studyOf,
  participationsOf,
  takesPart,
  insertParticipation,
  getOrganisation,
  deleteParticipation,
  getCatalogueVersion,
  catalogueVersionsOf,
  findNumberedCatalogueVersion,
  insertCatalogueVersion,
  findStudy,
  findCycle,
  findOwnCatalogueVersion,
} from '@app/persistence';
import type { TenantTx } from '@app/persistence';
import type {
  CatalogueVersionView,
  CatalogueView,
  CycleDeadline,
  CycleView,
  NewStudyInput,
  ParticipationView,
  StudyChanges,
  StudyView,
} from './study.types';
import { STUDY_FIELD_PROBLEMS as P } from './studies.texts';

function toStudyDto(study: StudyEntity): StudyView {
  return {
    id: study.id,
    name: study.name,
    publisherId: study.tenantId,
    catalogueVersionId: study.catalogueVersionId,
    languages: study.languages,
    peerGroupDimensions: study.peerGroupDimensions,
    disclosurePolicy: study.disclosurePolicy,
    cycles: [...(study.cycles ?? [])]
      .sort((a, b) => a.year - b.year)
      .map((c) => ({ id: c.id, year: c.year, state: c.state })),
  };
}

function toCycleDto(cycle: CycleEntity): CycleView {
  return {
    id: cycle.id,
    studyId: cycle.studyId,
    year: cycle.year,
    state: cycle.state,
    closedAt: cycle.closedAt?.toISOString() ?? null,
    publishedAt: cycle.publishedAt?.toISOString() ?? null,
    publishedSnapshotId: cycle.publishedSnapshotId,
    submissionDeadline: cycle.submissionDeadline?.toISOString() ?? null,
    reminderOffsets: [...cycle.reminderOffsets].sort((a, b) => a - b),
  };
}

function checkedOffsets(offsets: number[]): number[] {
  checkReminderOffsets(offsets);
  return offsets;
}

/** The deadline and reminder columns a cycle request sets; a field left out is not set. */
function deadlineColumns(
  input: CycleDeadline,
): Partial<Pick<CycleEntity, 'submissionDeadline' | 'reminderOffsets'>> {
  return {
    ...(input.submissionDeadline !== undefined
      ? {
          submissionDeadline:
            input.submissionDeadline === null
              ? null
              : parseSubmissionDeadline(input.submissionDeadline),
        }
      : {}),
    ...(input.reminderOffsets !== undefined
      ? { reminderOffsets: checkedOffsets(input.reminderOffsets) }
      : {}),
  };
}

function toCatalogueVersionDto(v: CatalogueVersionEntity): CatalogueVersionView {
  return {
    id: v.id,
    key: v.key,
    version: v.version,
    hash: v.hash,
    createdAt: v.createdAt.toISOString(),
  };
}

/** Studies, their cycles, enrolled companies and catalogue versions. */
@Injectable()
export class StudiesService {
  constructor(private readonly db: TenantDb) {}

  /** The studies the caller may see (its own, or those its company takes part in). */
  listStudies(actor: Actor): Promise<StudyView[]> {
    requireAccess(actor, Action.StudyRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      return (await studiesWithCycles(m)).map(toStudyDto);
    });
  }

  getStudy(actor: Actor, studyId: string): Promise<StudyView> {
    requireAccess(actor, Action.StudyRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      toStudyDto(await this.studyOrNotFound(m, studyId, true)),
    );
  }

  createStudy(actor: Actor, input: NewStudyInput): Promise<StudyView> {
    requireAccess(actor, Action.StudyCreate);
    return this.db.withTenant(actor.tenantId, async (m) => {
      await this.findOwnCatalogueVersion(m, actor, input.catalogueVersionId);
      const study = await insertStudy(m, {
        tenantId: actor.tenantId,
        name: input.name,
        catalogueVersionId: input.catalogueVersionId,
        languages: input.languages ?? ['de', 'en'],
        peerGroupDimensions: input.peerGroupDimensions ?? [...PROFILE_DIMENSIONS],
        peerGroupPairs: [['industry', 'sizeBand']],
        disclosurePolicy: { ...DEFAULT_DISCLOSURE_POLICY },
      });
      return toStudyDto({ ...study, cycles: [] });
    });
  }

  updateStudy(actor: Actor, studyId: string, input: StudyChanges): Promise<StudyView> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      const study = await this.findOwnStudy(m, actor, studyId, Action.StudyUpdate);
      if (input.catalogueVersionId && input.catalogueVersionId !== study.catalogueVersionId) {
        if ((study.cycles ?? []).length > 0) {
          throw new DomainError(DomainErrorCode.InvalidState, {
            de: 'Die Fragebogenversion einer Studie mit Zyklen kann sich nicht ändern: ihre Zyklen verwenden sie. Beginnen Sie für einen neuen Fragebogen eine neue Studie.',
            en: 'The catalogue version of a study with cycles cannot change: its cycles use it. Start a new study for a new questionnaire.',
          });
        }
        await this.findOwnCatalogueVersion(m, actor, input.catalogueVersionId);
        study.catalogueVersionId = input.catalogueVersionId;
      }
      study.name = input.name ?? study.name;
      study.languages = input.languages ?? study.languages;
      const { cycles, ...columns } = study;
      await saveStudy(m, columns);
      return toStudyDto({ ...study, cycles });
    });
  }

  createCycle(
    actor: Actor,
    studyId: string,
    year: number,
    deadline: CycleDeadline = {},
  ): Promise<CycleView> {
    const columns = deadlineColumns(deadline);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const study = await this.findOwnStudy(m, actor, studyId, Action.CycleCreate);
      if ((study.cycles ?? []).some((c) => c.year === year)) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          {
            de: `Die Studie hat schon einen Zyklus für ${year}.`,
            en: `The study has a cycle for ${year} already.`,
          },
          [{ key: 'year', rule: 'unique', message: P.cycleYearTaken(year) }],
        );
      }
      const cycle = await insertCycle(m, {
        tenantId: actor.tenantId,
        studyId,
        year,
        state: 'open',
        reminderOffsets: [...DEFAULT_REMINDER_OFFSETS],
        ...columns,
      });
      return toCycleDto(cycle);
    });
  }

  /**
   * Sets a cycle's submission deadline and reminder offsets. A reminder already sent stays
   * sent; one whose moment a new deadline makes due goes at the worker's next pass.
   *
   * @throws DomainError ValidationFailed naming `submissionDeadline`; NotFound for a cycle the
   * caller does not run
   */
  updateCycle(actor: Actor, cycleId: string, input: CycleDeadline): Promise<CycleView> {
    const columns = deadlineColumns(input);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const cycle = await this.cycleOrNotFound(m, cycleId, true);
      requireAccess(actor, Action.CycleUpdate, {
        thing: 'Cycle',
        id: cycleId,
        ownerId: cycle.tenantId,
      });
      return toCycleDto(await saveCycle(m, Object.assign(cycle, columns)));
    });
  }

  getCycle(actor: Actor, cycleId: string): Promise<CycleView> {
    requireAccess(actor, Action.StudyRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      toCycleDto(await this.cycleOrNotFound(m, cycleId)),
    );
  }

  /** Moves a cycle on (open -> closed -> published). */
  transitionCycle(
    actor: Actor,
    cycleId: string,
    transition: CycleTransition,
    snapshotId?: string,
  ): Promise<CycleView> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      const cycle = await this.cycleOrNotFound(m, cycleId, true);
      requireAccess(actor, transition === 'close' ? Action.CycleClose : Action.CyclePublish, {
        thing: 'Cycle',
        id: cycleId,
        ownerId: cycle.tenantId,
      });
      cycle.state = nextCycleState(cycle.state, transition);
      if (transition === 'close') {
        cycle.closedAt = new Date();
      } else {
        cycle.publishedSnapshotId = await this.snapshotToPublish(m, cycle, snapshotId);
        cycle.publishedAt = new Date();
      }
      return toCycleDto(await saveCycle(m, cycle));
    });
  }

  /**
   * The snapshot that publishing freezes: the one named, or the cycle's latest computed one. It
   * must have been computed from the cycle's current accepted submissions under the study's
   * current policy, so that what participants see is what the cycle holds.
   */
  private async snapshotToPublish(
    m: TenantTx,
    cycle: CycleEntity,
    snapshotId: string | undefined,
  ): Promise<string> {
    const snapshot = snapshotId
      ? await findSnapshotOfCycle(m, snapshotId, cycle.id)
      : await latestComputedSnapshot(m, cycle.id);
    if (!snapshot || snapshot.state !== 'done' || !snapshot.manifest) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        snapshotId
          ? {
              de: `Der Snapshot ${snapshotId} dieses Zyklus ist nicht berechnet; nur ein berechneter Snapshot kann veröffentlicht werden.`,
              en: `Snapshot ${snapshotId} of this cycle is not computed; only a computed snapshot can be published.`,
            }
          : {
              de: `Der Zyklus ${cycle.year} hat keinen berechneten Snapshot; berechnen Sie einen, bevor Sie veröffentlichen.`,
              en: `The cycle ${cycle.year} has no computed snapshot; compute one before publishing.`,
            },
      );
    }
    const study = await studyOf(m, cycle);
    const current =
      snapshot.manifest.sourceHash === (await sourceHash(m, cycle.id)) &&
      canonicalJson(snapshot.manifest.policy) ===
        canonicalJson(disclosurePolicyOf(study.disclosurePolicy));
    if (!current) {
      throw new DomainError(DomainErrorCode.Conflict, {
        de: `Der Snapshot ${snapshot.id} passt nicht mehr zu den angenommenen Datensätzen des Zyklus oder zur Offenlegungsrichtlinie der Studie; berechnen Sie einen neuen Snapshot und veröffentlichen Sie diesen.`,
        en: `Snapshot ${snapshot.id} no longer matches the cycle's accepted submissions or the study's disclosure policy; compute a new snapshot and publish that.`,
      });
    }
    return snapshot.id;
  }

  listParticipations(actor: Actor, studyId: string): Promise<ParticipationView[]> {
    requireAccess(actor, Action.ParticipationRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      await this.studyOrNotFound(m, studyId, false);
      const rows = await participationsOf(m, studyId);
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    });
  }

  /** Enrols a company in one of the publisher's studies. */
  enrol(actor: Actor, studyId: string, companyId: string): Promise<ParticipationView> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      await this.findOwnStudy(m, actor, studyId, Action.ParticipationEnrol);
      if ((await organisationKindOf(m, companyId)) !== 'company') {
        const message = {
          de: `Es gibt kein Unternehmen ${companyId}.`,
          en: `No company ${companyId} exists.`,
        };
        throw new DomainError(DomainErrorCode.ValidationFailed, message, [
          {
            key: 'companyId',
            rule: 'company_exists',
            message: P.notACompany,
          },
        ]);
      }
      if (await takesPart(m, studyId, companyId)) {
        throw new DomainError(DomainErrorCode.Conflict, {
          de: 'Das Unternehmen nimmt schon an dieser Studie teil.',
          en: 'The company takes part in this study already.',
        });
      }
      const participation = await insertParticipation(m, {
        tenantId: actor.tenantId,
        studyId,
        companyId,
      });
      const company = await getOrganisation(m, companyId);
      return {
        id: participation.id,
        studyId,
        companyId,
        companyName: company.name,
        createdAt: participation.createdAt.toISOString(),
      };
    });
  }

  /** Ends a company's enrolment. Its units and data stay with the company. */
  withdraw(actor: Actor, studyId: string, participationId: string): Promise<void> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      await this.findOwnStudy(m, actor, studyId, Action.ParticipationWithdraw);
      if (!(await deleteParticipation(m, studyId, participationId))) {
        throw notFound('Participation', participationId);
      }
    });
  }

  /** The catalogue a study pins, as its definition. */
  getStudyCatalogue(actor: Actor, studyId: string): Promise<CatalogueView> {
    requireAccess(actor, Action.StudyRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const study = await this.studyOrNotFound(m, studyId, false);
      const version = await getCatalogueVersion(m, study.catalogueVersionId);
      return { ...toCatalogueVersionDto(version), definition: { ...version.definition } };
    });
  }

  listCatalogueVersions(actor: Actor): Promise<CatalogueVersionView[]> {
    requireAccess(actor, Action.CatalogueVersionRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      (await catalogueVersionsOf(m, actor.tenantId, 'oldest first')).map(toCatalogueVersionDto),
    );
  }

  /** Stores a new catalogue version after checking every item, formula and rule. */
  createCatalogueVersion(
    actor: Actor,
    definition: CatalogueDefinition,
  ): Promise<CatalogueVersionView> {
    requireAccess(actor, Action.CatalogueVersionCreate);
    const catalogue = loadCatalogue(definition);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const existing = await findNumberedCatalogueVersion(
        m,
        actor.tenantId,
        definition.key,
        definition.version,
      );
      if (existing) {
        throw new DomainError(DomainErrorCode.Conflict, {
          de: `Den Fragebogen ${definition.key} gibt es schon in Version ${definition.version}; eine Version ändert sich nie, geben Sie der neuen also eine höhere Nummer.`,
          en: `Catalogue ${definition.key} version ${definition.version} exists already; a version never changes, so give the new one a higher number.`,
        });
      }
      const saved = await insertCatalogueVersion(m, {
        tenantId: actor.tenantId,
        key: definition.key,
        version: definition.version,
        definition,
        hash: catalogue.hash,
      });
      return toCatalogueVersionDto(saved);
    });
  }

  private async studyOrNotFound(
    m: TenantTx,
    studyId: string,
    withCycles: boolean,
  ): Promise<StudyEntity> {
    const study = await findStudy(m, studyId, withCycles);
    if (!study) {
      throw notFound('Study', studyId);
    }
    return study;
  }

  /**
   * A study the caller runs, for a use-case that changes it; a participant's view of it counts
   * as not found.
   */
  private async findOwnStudy(
    m: TenantTx,
    actor: Actor,
    studyId: string,
    action: Action,
  ): Promise<StudyEntity> {
    const study = await this.studyOrNotFound(m, studyId, true);
    requireAccess(actor, action, { thing: 'Study', id: studyId, ownerId: study.tenantId });
    return study;
  }

  private async cycleOrNotFound(m: TenantTx, cycleId: string, lock = false): Promise<CycleEntity> {
    const cycle = await findCycle(m, cycleId, lock);
    if (!cycle) {
      throw notFound('Cycle', cycleId);
    }
    return cycle;
  }

  private async findOwnCatalogueVersion(
    m: TenantTx,
    actor: Actor,
    id: string,
  ): Promise<CatalogueVersionEntity> {
    const version = await findOwnCatalogueVersion(m, actor.tenantId, id);
    if (!version) {
      throw new DomainError(
        DomainErrorCode.ValidationFailed,
        {
          de: `Die Fragebogenversion ${id} wurde nicht gefunden.`,
          en: `Catalogue version ${id} was not found.`,
        },
        [
          {
            key: 'catalogueVersionId',
            rule: 'catalogue_exists',
            message: P.notOwnCatalogueVersion,
          },
        ],
      );
    }
    return version;
  }
}
