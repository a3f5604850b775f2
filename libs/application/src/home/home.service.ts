import { Injectable } from '@nestjs/common';
import { Action, Actor, CycleState, requireAccess, SubmissionState } from '@app/domain';
import {
  CycleEntity,
  participantCounts,
  publishedSnapshotsOf,
  SubmissionEntity,
  submissionStateCounts,
  submissionStatesOf,
  TenantDb,
} from '@app/persistence';
import type { OrganisationView } from '../organisations/organisation.types';
import { OrganisationsService } from '../organisations/organisations.service';
import { StudiesService } from '../studies/studies.service';
import type { UnitView } from '../units/unit.types';
import { UnitsService } from '../units/units.service';

/** A cycle as the home page lists it. */
export interface HomeCycle {
  id: string;
  year: number;
  state: CycleState;
  /** The snapshot publishing froze; what the participants' benchmark view shows. */
  publishedSnapshotId: string | null;
}

/** Where one unit stands in one cycle. */
export interface HomeUnitSubmission {
  unit: Pick<UnitView, 'id' | 'name'>;
  state: SubmissionState | null;
  updatedAt: Date | null;
}

/** A company's home: each study it takes part in, each cycle, each unit's submission. */
export interface CompanyHome {
  kind: 'company';
  unitCount: number;
  studies: {
    id: string;
    name: string;
    publisherName: string | null;
    cycles: (HomeCycle & { submissions: HomeUnitSubmission[] })[];
  }[];
}

/** A publisher's home: its studies, their participants and each cycle's submissions by state. */
export interface PublisherHome {
  kind: 'publisher';
  studies: {
    id: string;
    name: string;
    companies: number;
    units: number;
    cycles: (HomeCycle & { submissions: Partial<Record<SubmissionState, number>> })[];
  }[];
}

/** The platform operator's home: the tenants. */
export interface PlatformHome {
  kind: 'platform';
  organisations: OrganisationView[];
}

/** What the home page shows, by the kind of the caller's organisation. */
export type Home = CompanyHome | PublisherHome | PlatformHome;

const newestFirst = (a: { year: number }, b: { year: number }): number => b.year - a.year;

/**
 * The data of the home page. It takes studies, units and organisations from their services and
 * reads only what no service gives (submission states and published snapshots of many cycles
 * at once) through the persistence readers in the caller's tenant, so row-level security
 * decides what it sees.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly db: TenantDb,
    private readonly studies: StudiesService,
    private readonly units: UnitsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The home of the caller's organisation. */
  async home(actor: Actor): Promise<Home> {
    requireAccess(actor, Action.HomeView);
    switch (actor.organisationKind) {
      case 'company':
        return this.companyHome(actor);
      case 'publisher':
        return this.publisherHome(actor);
      case 'platform':
        return {
          kind: 'platform',
          organisations: await this.organisations.listOrganisations(actor),
        };
    }
  }

  private async companyHome(actor: Actor): Promise<CompanyHome> {
    const studies = await this.studies.listStudies(actor);
    const units = await this.units.listUnits(actor);
    // A company sees its own organisation and the publishers of its studies.
    const organisations = await this.organisations.organisationNames(actor);
    const cycleIds = studies.flatMap((s) => s.cycles.map((c) => c.id));
    const { cycles, submissions } = await this.cyclesAndSubmissions(actor, cycleIds);
    const stateOf = new Map(submissions.map((s) => [`${s.cycleId}|${s.unitId}`, s]));
    return {
      kind: 'company',
      unitCount: units.length,
      studies: studies.map((study) => ({
        id: study.id,
        name: study.name,
        publisherName: organisations.get(study.publisherId) ?? null,
        cycles: [...study.cycles].sort(newestFirst).map((cycle) => ({
          ...cycle,
          publishedSnapshotId: cycles.get(cycle.id)?.publishedSnapshotId ?? null,
          submissions: units.map((unit) => {
            const submission = stateOf.get(`${cycle.id}|${unit.id}`);
            return {
              unit: { id: unit.id, name: unit.name },
              state: submission?.state ?? null,
              updatedAt: submission?.updatedAt ?? null,
            };
          }),
        })),
      })),
    };
  }

  private async publisherHome(actor: Actor): Promise<PublisherHome> {
    const studies = await this.studies.listStudies(actor);
    const studyIds = studies.map((s) => s.id);
    const cycleIds = studies.flatMap((s) => s.cycles.map((c) => c.id));
    const { cycles, counts, participants } = await this.db.withTenant(
      actor.tenantId,
      async (m) => ({
        cycles: await publishedSnapshotsOf(m, cycleIds),
        counts: await submissionStateCounts(m, cycleIds),
        participants: await participantCounts(m, studyIds),
      }),
    );
    const byStudy = new Map(participants.map((p) => [p.studyId, p]));
    return {
      kind: 'publisher',
      studies: studies.map((study) => ({
        id: study.id,
        name: study.name,
        companies: byStudy.get(study.id)?.companies ?? 0,
        units: byStudy.get(study.id)?.units ?? 0,
        cycles: [...study.cycles].sort(newestFirst).map((cycle) => ({
          ...cycle,
          publishedSnapshotId: cycles.get(cycle.id)?.publishedSnapshotId ?? null,
          submissions: Object.fromEntries(
            counts.filter((c) => c.cycleId === cycle.id).map((c) => [c.state, c.n]),
          ),
        })),
      })),
    };
  }

  private cyclesAndSubmissions(
    actor: Actor,
    cycleIds: string[],
  ): Promise<{
    cycles: Map<string, Pick<CycleEntity, 'id' | 'publishedSnapshotId'>>;
    submissions: Pick<SubmissionEntity, 'cycleId' | 'unitId' | 'state' | 'updatedAt'>[];
  }> {
    return this.db.withTenant(actor.tenantId, async (m) => ({
      cycles: await publishedSnapshotsOf(m, cycleIds),
      submissions: await submissionStatesOf(m, actor.tenantId, cycleIds),
    }));
  }
}
