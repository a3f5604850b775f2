import type { ReviewQueueQuery } from '@app/domain';
import type { CycleDto, StudyDto } from '../../studies/dto/study.dto';
import type {
  ReviewComparisonDto,
  ReviewQueueDto,
  ReviewQueueItemDto,
} from '../../submissions/dto/review-queue.dto';
import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import {
  bulkConfirmModel,
  reviewPageModel,
  reviewQueryString,
  reviewUnitPageModel,
} from './review-page.model';

const page = (language: 'de' | 'en'): PageContext => ({
  language,
  texts: pageTexts(language),
  path: '/',
  user: null,
  csrfToken: () => 'token',
});

const cycle = (state: CycleDto['state']): CycleDto => ({
  id: 'c1',
  studyId: 's1',
  year: 2026,
  state,
  closedAt: null,
  publishedAt: null,
  publishedSnapshotId: null,
  submissionDeadline: null,
  reminderOffsets: [-14, -3, 1],
});
const study = { id: 's1', name: 'Study' } as StudyDto;

function item(unitId: string, name: string, warnings: number): ReviewQueueItemDto {
  return {
    unitId,
    unitName: name,
    companyId: `company-${unitId}`,
    companyName: `Company ${name}`,
    submissionId: `s-${unitId}`,
    state: 'submitted',
    version: 3,
    warnings: Array.from({ length: warnings }, () => ({
      key: 'aht_seconds',
      rule: 'previous_cycle_deviation',
      params: { value: 145, previous: 100 },
      message: '45 % more than last year.',
      id: 'previous_cycle_deviation|aht_seconds',
      comment: 'New ticket system.',
    })),
    returnComment: null,
    submittedAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ageDays: 12,
    bulkAcceptable: warnings === 0,
  };
}

const queue = (page: number, pages: number): ReviewQueueDto => ({
  counts: [
    { state: 'none', count: 1 },
    { state: 'draft', count: 0 },
    { state: 'submitted', count: 2 },
    { state: 'accepted', count: 1 },
    { state: 'returned', count: 0 },
  ],
  total: 2 + (pages - 1) * 50,
  page,
  pageSize: 50,
  pages,
  items: [item('u1', 'Berlin', 1), item('u2', 'Wien', 0)],
});

const query = (changes: Partial<ReviewQueueQuery> = {}): ReviewQueueQuery => ({
  state: 'submitted',
  sort: 'submitted',
  page: 1,
  pageSize: 50,
  ...changes,
});

describe('reviewQueryString', () => {
  it('leaves out the defaults and keeps every filter set', () => {
    expect(reviewQueryString(query(), 'submitted')).toBe('');
    expect(
      reviewQueryString(
        query({ company: 'A&B', minWarnings: 0, sort: '-warnings', page: 3 }),
        'all',
      ),
    ).toBe('?state=submitted&company=A%26B&minWarnings=0&sort=-warnings&page=3');
  });
});

describe('reviewPageModel', () => {
  it('counts every state, links each with the other filters kept, and selects only those without warnings', () => {
    const model = reviewPageModel(
      { cycle: cycle('open'), study, queue: queue(1, 1) },
      page('en'),
      query({ company: 'Nord' }),
    );
    expect(model.filters.map((f) => [f.label, f.href, f.current])).toEqual([
      ['not started (1)', '/cycles/c1/review?state=none&company=Nord', false],
      ['draft (0)', '/cycles/c1/review?state=draft&company=Nord', false],
      ['submitted (2)', '/cycles/c1/review?company=Nord', true],
      ['accepted (1)', '/cycles/c1/review?state=accepted&company=Nord', false],
      ['returned (0)', '/cycles/c1/review?state=returned&company=Nord', false],
      ['All (4)', '/cycles/c1/review?state=all&company=Nord', false],
    ]);
    expect(model.showing).toBe('1–2 of 2 units');
    expect(
      model.rows.map((r) => [r.unitName, r.warningCount, r.selectable, r.select.value]),
    ).toEqual([
      ['Berlin', 1, false, 'u1:3'],
      ['Wien', 0, true, 'u2:3'],
    ]);
    expect(model.rows[0]).toMatchObject({
      href: '/cycles/c1/review/units/u1?company=Nord',
      warningKinds: 'change against last year',
      age: '12 days',
    });
    expect(model.bulk).toMatchObject({
      shown: true,
      action: '/cycles/c1/review/accept',
      hidden: [{ name: 'company', value: 'Nord' }],
    });
    expect(model.pagination.shown).toBe(false);
  });

  it('pages with links around the current page, the first and the last', () => {
    const model = reviewPageModel(
      { cycle: cycle('open'), study, queue: queue(6, 24) },
      page('de'),
      query({ page: 6 }),
    );
    expect(model.pagination.pages.map((p) => [p.number, p.gapBefore, p.current])).toEqual([
      [1, false, false],
      [4, true, false],
      [5, false, false],
      [6, false, true],
      [7, false, false],
      [8, false, false],
      [24, true, false],
    ]);
    expect(model.pagination.previous).toBe('/cycles/c1/review?page=5');
    expect(model.pagination.next).toBe('/cycles/c1/review?page=7');
    expect(model.showing).toBe('251–252 von 1152 Einheiten');
  });

  it('offers no bulk accept once the cycle is closed', () => {
    const model = reviewPageModel(
      { cycle: cycle('closed'), study, queue: queue(1, 1) },
      page('de'),
      query({ state: 'all' }),
    );
    expect(model.rows.some((r) => r.selectable)).toBe(false);
    expect(model.bulk.shown).toBe(false);
  });
});

describe('reviewUnitPageModel', () => {
  const comparison = (previousYear: number | null): ReviewComparisonDto => ({
    item: item('u1', 'Berlin', 1),
    previousYear,
    benchmarkYear: previousYear,
    rows: [
      {
        key: 'aht_seconds',
        label: 'Handling time',
        unit: 's',
        value: 145,
        previous: 100,
        p25: 90,
        median: 110,
        p75: 130,
        warnings: 1,
      },
    ],
  });

  it('labels the warnings, names the sources of the comparison and ties a refused comment to its field', () => {
    const model = reviewUnitPageModel(
      { cycle: cycle('open'), study, comparison: comparison(2025) },
      page('en'),
      query({ sort: 'unit' }),
      { unitId: 'u1', comment: ' ', error: 'Please say something.', refusal: null },
    );
    expect(model.warnings).toEqual([
      {
        label: 'Handling time',
        message: '45 % more than last year.',
        comment: 'New ticket system.',
      },
    ]);
    expect(model.errors).toEqual([
      { field: 'return-comment-u1', message: 'Please say something.' },
    ]);
    expect(model).toMatchObject({
      reviewable: true,
      acceptAction: '/cycles/c1/review/units/u1/accept?sort=unit',
      queueHref: '/cycles/c1/review?sort=unit',
      comment: { value: ' ', error: 'Please say something.' },
    });
    expect(model.compare).toMatchObject({
      previousHeading: 'Previous year 2025',
      source:
        'Quartiles of all participants from the published benchmark 2025; released cells only.',
    });
    expect(model.compare.rows[0]).toMatchObject({ value: 145, previous: 100, warned: true });
  });

  it('says so when there is no previous year and no published benchmark', () => {
    const model = reviewUnitPageModel(
      { cycle: cycle('open'), study, comparison: comparison(null) },
      page('de'),
      query(),
    );
    expect(model.compare.previousHeading).toBe('Kein angenommener Datensatz des Vorjahres.');
    expect(model.compare.source).toBe(
      'Es gibt noch keinen veröffentlichten Benchmark vor diesem Zyklus.',
    );
  });
});

describe('bulkConfirmModel', () => {
  it('lists how many and which it accepts, and how many of the selection it leaves out', () => {
    const model = bulkConfirmModel(
      { cycle: cycle('open'), study, eligible: [item('u2', 'Wien', 0)], selected: 3 },
      page('de'),
      query({ page: 2 }),
    );
    expect(model).toMatchObject({
      count: 1,
      lead: 'Sie nehmen diese 1 Datensätze ohne Warnungen an:',
      notEligible:
        '2 ausgewählte Datensätze sind nicht mehr eingereicht oder haben Warnungen und sind nicht dabei.',
      units: [{ unitName: 'Wien', value: 'u2:3' }],
      action: '/cycles/c1/review/accept?page=2',
      submit: '1 Datensätze annehmen',
    });
  });

  it('names every submission that refused the accept', () => {
    const model = bulkConfirmModel(
      { cycle: cycle('open'), study, eligible: [], selected: 1 },
      page('en'),
      query(),
      {
        message: 'No submission was accepted.',
        detail: '1 of the 1 selected submissions cannot be accepted together; none was accepted.',
        problems: [{ key: 'units[0]', rule: 'changed', message: 'Wien: changed.' }],
      },
    );
    expect(model.errors.map((e) => e.message)).toEqual([
      'No submission was accepted.',
      '1 of the 1 selected submissions cannot be accepted together; none was accepted.',
      'Wien: changed.',
    ]);
  });
});
