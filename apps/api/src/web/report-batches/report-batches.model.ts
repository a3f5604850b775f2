import type { ReportBatchDto, ReportBatchSummaryDto } from '../../reports/dto/report.dto';
import type { CycleDto } from '../../studies/dto/study.dto';
import { pagePaths } from '../page-urls';
import { PROGRESS_REFRESH_SECONDS } from '../snapshot-status/progress-refresh';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

const languageName = (page: PageContext, code: string): string =>
  code === 'de' || code === 'en' ? page.texts.common.languageNames[code] : code;

const languageList = (page: PageContext, codes: readonly string[]): string =>
  codes.map((l) => languageName(page, l)).join(', ');

/**
 * The model of `report-batches/batch.hbs`: the batch's progress over its own reports, and the
 * list of every batch of its snapshot (`batches`, newest first), each named by its number in
 * the order they were requested and linked to its page.
 */
export function reportBatchModel(
  batch: ReportBatchDto,
  batches: readonly ReportBatchSummaryDto[],
  cycle: CycleDto,
  page: PageContext,
) {
  const t = page.texts.reportBatches;
  const working = batch.pending > 0;
  return {
    title: fill(t.title, { year: cycle.year }),
    cycleHref: pagePaths.cycle(cycle.id),
    backLabel: fill(t.backToCycle, { year: cycle.year }),
    languages: fill(t.languages, { languages: languageList(page, batch.languages) }),
    requestedAt: batch.createdAt,
    total: batch.total,
    done: batch.done,
    failed: batch.failed,
    pending: batch.pending,
    finished: batch.done + batch.failed,
    summary: fill(t.summary, {
      done: batch.done,
      total: batch.total,
      failed: batch.failed,
      pending: batch.pending,
    }),
    working,
    refreshSeconds: working ? PROGRESS_REFRESH_SECONDS : null,
    refreshing: fill(t.refreshing, { seconds: PROGRESS_REFRESH_SECONDS }),
    allDone: !working && batch.failed === 0,
    endedWithFailures: !working && batch.failed > 0,
    failures: batch.failures.map((f) => ({
      unitName: f.unitName,
      language: languageName(page, f.language),
      reason: f.error,
    })),
    kept: batch.kept > 0 ? fill(t.kept, { kept: batch.kept }) : null,
    retryAction: batch.failed > 0 ? pagePaths.reportBatchRetry(batch.id) : null,
    batches: batches.map((b, i) => ({
      name: fill(t.batches.name, { number: batches.length - i }),
      href: pagePaths.reportBatch(b.id),
      current: b.id === batch.id,
      requestedAt: b.createdAt,
      languages: languageList(page, b.languages),
      total: b.total,
      done: b.done,
      failed: b.failed,
      pending: b.pending,
      kept: b.kept,
    })),
  };
}
