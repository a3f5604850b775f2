import { Action, Role, roleMay, SUBMISSION_STATES, SubmissionState } from '@app/domain';
import type { PageContext } from '../views/page-context';
import { fill } from '../views/localized';
import { pagePaths } from '../page-urls';
import { type CompanyHome, type PlatformHome, type PublisherHome } from '@app/application';

/** The model of `home/company.hbs`. */
export function companyHomeModel(home: CompanyHome, page: PageContext, role: Role) {
  const t = page.texts.home.company;
  return {
    title: page.texts.home.title,
    organisationName: page.user?.organisationName ?? '',
    hasUnits: home.unitCount > 0,
    studies: home.studies.map((study) => ({
      name: study.name,
      publisher:
        study.publisherName === null ? null : fill(t.publisher, { name: study.publisherName }),
      cycles: study.cycles.map((cycle) => ({
        state: cycle.state,
        heading: fill(t.cycleHeading, { year: cycle.year }),
        caption: fill(t.unitsCaption, { year: cycle.year }),
        units: cycle.submissions.map((entry) => {
          const editable =
            cycle.state === 'open' &&
            roleMay(role, Action.SubmissionSaveDraft) &&
            (entry.state === null || entry.state === 'draft' || entry.state === 'returned');
          return {
            name: entry.unit.name,
            state: entry.state ?? 'none',
            updatedAt: entry.updatedAt,
            submissionHref: pagePaths.submission(cycle.id, entry.unit.id),
            submissionLabel: editable ? t.enterData : t.viewData,
            benchmarkHref:
              cycle.publishedSnapshotId === null
                ? null
                : pagePaths.benchmarks(cycle.publishedSnapshotId, entry.unit.id),
          };
        }),
      })),
    })),
  };
}

/** The model of `home/publisher.hbs`. */
export function publisherHomeModel(home: PublisherHome, page: PageContext) {
  const t = page.texts.home.publisher;
  return {
    title: page.texts.home.title,
    organisationName: page.user?.organisationName ?? '',
    studies: home.studies.map((study) => ({
      name: study.name,
      href: pagePaths.study(study.id),
      participants: fill(t.participants, { companies: study.companies, units: study.units }),
      caption: fill(t.cyclesCaption, { name: study.name }),
      cycles: study.cycles.map((cycle) => {
        const counted = SUBMISSION_STATES.reduce((sum, s) => sum + (cycle.submissions[s] ?? 0), 0);
        const counts: { state: SubmissionState | 'none'; count: number }[] = [
          { state: 'none', count: Math.max(0, study.units - counted) },
          ...SUBMISSION_STATES.map((state) => ({ state, count: cycle.submissions[state] ?? 0 })),
        ];
        return {
          year: cycle.year,
          state: cycle.state,
          href: pagePaths.cycle(cycle.id),
          reviewHref: pagePaths.review(cycle.id),
          counts: counts.filter((c) => c.count > 0),
        };
      }),
    })),
  };
}

/** The model of `home/platform.hbs`. */
export function platformHomeModel(home: PlatformHome, page: PageContext) {
  return {
    title: page.texts.home.title,
    organisations: home.organisations.map((o) => ({
      name: o.name,
      kind: o.kind,
      createdAt: o.createdAt,
    })),
  };
}
