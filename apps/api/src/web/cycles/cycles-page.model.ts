import { Problem, SUBMISSION_STATES, SubmissionState } from '@app/domain';
import type { ReportBatchSummaryDto } from '../../reports/dto/report.dto';
import type { SnapshotDto } from '../../snapshots/dto/snapshot.dto';
import type { CycleDto, StudyDto } from '../../studies/dto/study.dto';
import type { SubmissionDto } from '../../submissions/dto/submission.dto';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';
import { formErrorsOf, FormRefusal } from './form-refusal.util';

/** What a cycle page shows: the cycle, its study, submissions, units and snapshots. */
export interface CyclePageData {
  cycle: CycleDto;
  study: StudyDto;
  submissions: SubmissionDto[];
  /** Units of the study's participants: those without a submission count as not started. */
  unitCount: number;
  snapshots: SnapshotDto[];
  /** Whether the caller may close and publish (publisher administrators). */
  canAdminister: boolean;
  /** The report batches of the published snapshot, newest first; none for a reader without. */
  reportBatches: Pick<ReportBatchSummaryDto, 'id'>[];
}

/** What the forms of the cycle page show again after a refusal. */
export interface CycleForms {
  close?: FormRefusal;
  publish?: FormRefusal;
  compute?: FormRefusal;
  reports?: { languages: ('de' | 'en')[]; error: string | null; refusal: FormRefusal | null };
}

/** The number in a snapshot's manifest, if it has one. */
function manifestNumber(snapshot: Pick<SnapshotDto, 'manifest'>, key: string): number | null {
  const value = snapshot.manifest?.[key];
  return typeof value === 'number' ? value : null;
}

/** Submissions by state, with the units that have none as `none`. */
export function submissionCounts(
  submissions: Pick<SubmissionDto, 'state'>[],
  unitCount: number,
): { state: SubmissionState | 'none'; count: number }[] {
  const counts = SUBMISSION_STATES.map((state) => ({
    state,
    count: submissions.filter((s) => s.state === state).length,
  }));
  return [{ state: 'none', count: Math.max(0, unitCount - submissions.length) }, ...counts];
}

/** The model of `cycles/cycle.hbs`. */
export function cyclePageModel(data: CyclePageData, page: PageContext, forms: CycleForms = {}) {
  const t = page.texts.cycles;
  const { cycle, study } = data;
  const submitted = data.submissions.filter((s) => s.state === 'submitted').length;
  const reports = forms.reports ?? { languages: study.languages, error: null, refusal: null };
  return {
    title: fill(t.title, { year: cycle.year }),
    study: { name: study.name, href: pagePaths.study(study.id) },
    state: cycle.state,
    closedAt: cycle.closedAt,
    publishedAt: cycle.publishedAt,
    canAdminister: data.canAdminister,
    close: {
      shown: cycle.state === 'open',
      action: pagePaths.cycleClose(cycle.id),
      errors: formErrorsOf(forms.close ?? null),
    },
    publish: {
      shown: cycle.state === 'closed',
      action: pagePaths.cyclePublish(cycle.id),
      errors: formErrorsOf(forms.publish ?? null),
    },
    counts: submissionCounts(data.submissions, data.unitCount),
    unitCount: data.unitCount,
    review: {
      href: pagePaths.review(cycle.id),
      label: fill(t.submissions.review, { count: submitted }),
    },
    completionHref: pagePaths.cycleCompletion(cycle.id),
    snapshots: data.snapshots.map((s) => ({
      state: s.state,
      progress: s.progress,
      createdAt: s.createdAt,
      units: manifestNumber(s, 'units'),
      published: s.published,
      href: pagePaths.snapshotStatus(s.id),
      disclosureHref: s.state === 'done' ? pagePaths.snapshotDisclosureReport(s.id) : null,
    })),
    compute: {
      action: pagePaths.cycleSnapshots(cycle.id),
      errors: formErrorsOf(forms.compute ?? null),
    },
    reports: {
      action:
        cycle.publishedSnapshotId === null
          ? null
          : pagePaths.snapshotReportBatch(cycle.publishedSnapshotId),
      pastBatches:
        data.reportBatches.length === 0
          ? null
          : {
              href: pagePaths.reportBatch(data.reportBatches[0].id),
              label: fill(t.reports.pastBatches, { count: data.reportBatches.length }),
            },
      error: reports.error,
      errors: reports.error
        ? [{ field: `report-language-${study.languages[0]}`, message: reports.error }]
        : formErrorsOf(reports.refusal),
      languages: study.languages.map((code) => ({
        code,
        id: `report-language-${code}`,
        label: page.texts.common.languageNames[code],
        checked: reports.languages.includes(code),
      })),
    },
    transfer: {
      importHref: cycle.state === 'open' ? pagePaths.cycleImport(cycle.id) : null,
      csvHref: pagePaths.cycleExport(cycle.id, 'csv'),
      xlsxHref: pagePaths.cycleExport(cycle.id, 'xlsx'),
    },
  };
}

/** A cell problem of an import, as far as the problem names its cell. */
type ImportProblem = Problem & {
  sheet?: string;
  cell?: string;
  value?: string | number | boolean | null;
};

/** What an import page shows below its form: the refusal with every bad cell, or what was stored. */
export interface ImportOutcome {
  refusal: FormRefusal | null;
  summary: { units: number; created: number; updated: number; unchanged: number } | null;
}

/** The model of `cycles/import.hbs`. */
export function cycleImportModel(
  cycle: CycleDto,
  page: PageContext,
  outcome: ImportOutcome = { refusal: null, summary: null },
) {
  const t = page.texts.cycles.import;
  const problems = (outcome.refusal?.problems ?? []) as ImportProblem[];
  return {
    title: fill(t.title, { year: cycle.year }),
    cycleHref: pagePaths.cycle(cycle.id),
    backLabel: fill(t.backToCycle, { year: cycle.year }),
    open: cycle.state === 'open',
    action: pagePaths.cycleImport(cycle.id),
    errors: outcome.refusal
      ? [
          { field: null, message: outcome.refusal.message },
          {
            field: problems.length > 0 ? 'import-problems' : 'file',
            message: outcome.refusal.detail,
          },
        ]
      : [],
    problems: problems.map((p) => ({
      sheet: p.sheet ?? '',
      cell: p.cell ?? '',
      key: p.key,
      value: p.value === null || p.value === undefined ? '' : String(p.value),
      rule: p.rule,
      message: p.message,
    })),
    summary: outcome.summary
      ? { ...outcome.summary, text: fill(t.success, { units: outcome.summary.units }) }
      : null,
    csvHref: pagePaths.cycleExport(cycle.id, 'csv'),
    xlsxHref: pagePaths.cycleExport(cycle.id, 'xlsx'),
  };
}
