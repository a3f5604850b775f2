import type { Language } from '../../common/request-context';
import type { CycleCompletionDto } from '../../deadlines/dto/deadline.dto';
import type { CycleDto, StudyDto } from '../../studies/dto/study.dto';
import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import { deadlinesPageModel } from './deadlines-page.model';

function pageIn(language: Language, role: 'publisher_admin' | 'publisher_analyst'): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path: '/cycles/cycle-1/completion',
    user: {
      name: 'P',
      email: 'p@test.example',
      organisationName: 'Publisher',
      organisationKind: 'publisher',
      role,
    },
    csrfToken: () => 'token',
  };
}

const cycle: CycleDto = {
  id: 'cycle-1',
  studyId: 'study-1',
  year: 2026,
  state: 'open',
  closedAt: null,
  publishedAt: null,
  publishedSnapshotId: null,
  submissionDeadline: '2026-03-31T23:59:59.999Z',
  reminderOffsets: [-14, -3, 1],
};

const study = { id: 'study-1', name: 'CC Benchmark' } as Pick<StudyDto, 'id' | 'name'> as StudyDto;

const completion: CycleCompletionDto = {
  cycleId: 'cycle-1',
  submissionDeadline: '2026-03-31T23:59:59.999Z',
  reminderOffsets: [-14, -3, 1],
  counts: { not_started: 1, draft: 0, submitted: 0, returned: 0, accepted: 1 },
  units: [
    {
      unitId: 'unit-a',
      unitName: 'Hotline Nord',
      companyName: 'Nordlicht AG',
      state: 'not_started',
      submittedAt: null,
      lastReminderAt: '2026-03-29T08:00:00.000Z',
      lastReminderOffset: -3,
    },
    {
      unitId: 'unit-b',
      unitName: 'Hotline Süd',
      companyName: 'Nordlicht AG',
      state: 'accepted',
      submittedAt: '2026-03-01T10:00:00.000Z',
      lastReminderAt: '2026-03-30T08:00:00.000Z',
      lastReminderOffset: null,
    },
  ],
};

describe('deadlinesPageModel', () => {
  it('says each unit’s last reminder in words and offers a reminder to those that have not submitted', () => {
    const model = deadlinesPageModel(
      { cycle, study, completion, requestId: 'request-1' },
      pageIn('en', 'publisher_analyst'),
    );
    expect(model.units.map((u) => [u.unitName, u.lastReminder, u.remindForm !== null])).toEqual([
      ['Hotline Nord', '3 days before the deadline', true],
      ['Hotline Süd', 'by hand', false],
    ]);
    expect(model.mayRemind).toBe(true);
    // Setting the deadline is the admin's.
    expect(model.deadlineForm).toBeNull();
    expect(model.counts).toEqual([
      { state: 'not_started', count: 1 },
      { state: 'draft', count: 0 },
      { state: 'submitted', count: 0 },
      { state: 'returned', count: 0 },
      { state: 'accepted', count: 1 },
    ]);
  });

  it('fills the deadline form with the deadline’s day and the offsets, in German', () => {
    const model = deadlinesPageModel(
      { cycle, study, completion, requestId: 'request-1' },
      pageIn('de', 'publisher_admin'),
    );
    expect(model.title).toBe('Abgabestand: Zyklus 2026');
    expect(model.deadlineForm).toEqual({
      action: '/cycles/cycle-1/deadline',
      submissionDeadline: '2026-03-31',
      reminderOffsets: '-14, -3, 1',
    });
    expect(model.units[0].lastReminder).toBe('3 Tage vor der Frist');
    expect(model.deadline).toBe('Frist: 31. März 2026');
    expect(model.offsets).toBe('Erinnerungen (Tage relativ zur Frist): -14, -3, 1');
  });

  it('offers no form once the cycle is closed', () => {
    const model = deadlinesPageModel(
      { cycle: { ...cycle, state: 'closed' }, study, completion, requestId: 'request-1' },
      pageIn('en', 'publisher_admin'),
    );
    expect([model.deadlineForm, model.mayRemind]).toEqual([null, false]);
  });
});
