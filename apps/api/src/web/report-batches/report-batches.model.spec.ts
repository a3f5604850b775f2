import type { Language } from '../../common/request-context';
import type { ReportBatchDto, ReportBatchSummaryDto } from '../../reports/dto/report.dto';
import type { CycleDto } from '../../studies/dto/study.dto';
import { pageTexts } from '../views/page-texts';
import type { PageContext } from '../views/page-context';
import { reportBatchModel } from './report-batches.model';

const FIRST = '00000000-0000-4000-8000-000000000001';
const SECOND = '00000000-0000-4000-8000-000000000002';

function pageIn(language: Language): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path: `/report-batches/${SECOND}`,
    user: null,
    csrfToken: () => 'token',
  };
}

const cycle: CycleDto = {
  id: 'cycle-1',
  studyId: 'study-1',
  year: 2025,
  state: 'published',
  closedAt: null,
  publishedAt: null,
  publishedSnapshotId: 'snapshot-1',
  submissionDeadline: null,
  reminderOffsets: [-14, -3, 1],
};

const summary = (
  id: string,
  languages: string[],
  counts: { total: number; done: number; kept: number },
): ReportBatchSummaryDto => ({
  id,
  snapshotId: 'snapshot-1',
  languages,
  failed: 0,
  pending: 0,
  createdAt: '2026-03-02T10:00:00.000Z',
  ...counts,
});

/** The second batch found all 12 English reports of the first and ordered none of its own. */
const second: ReportBatchDto = {
  ...summary(SECOND, ['en'], { total: 0, done: 0, kept: 12 }),
  failures: [],
};
const batches = [second, summary(FIRST, ['de', 'en'], { total: 24, done: 24, kept: 0 })];

/** Each language is named in its own words on every page (`common.languageNames`). */
describe('reportBatchModel', () => {
  it('says how many reports a batch kept and numbers the batches, newest first, in German', () => {
    const model = reportBatchModel(second, batches, cycle, pageIn('de'));
    expect(model.kept).toBe(
      '12 Berichte des Snapshots gab es schon. Dieser Auftrag hat sie übernommen und zählt sie nicht zu seinen eigenen.',
    );
    expect(model.summary).toBe('0 von 0 fertig · 0 fehlgeschlagen · 0 in Arbeit');
    expect(model.batches).toEqual([
      {
        name: 'Auftrag 2',
        href: `/report-batches/${SECOND}`,
        current: true,
        requestedAt: '2026-03-02T10:00:00.000Z',
        languages: 'English',
        total: 0,
        done: 0,
        failed: 0,
        pending: 0,
        kept: 12,
      },
      {
        name: 'Auftrag 1',
        href: `/report-batches/${FIRST}`,
        current: false,
        requestedAt: '2026-03-02T10:00:00.000Z',
        languages: 'Deutsch, English',
        total: 24,
        done: 24,
        failed: 0,
        pending: 0,
        kept: 0,
      },
    ]);
  });

  it('names the batches in English and says nothing of kept reports where there were none', () => {
    const first: ReportBatchDto = { ...batches[1], failures: [] };
    const model = reportBatchModel(first, batches, cycle, pageIn('en'));
    expect(model.kept).toBeNull();
    expect(model.batches.map((b) => [b.name, b.current, b.languages])).toEqual([
      ['Batch 2', false, 'English'],
      ['Batch 1', true, 'Deutsch, English'],
    ]);
  });
});
