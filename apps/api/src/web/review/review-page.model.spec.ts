import type { SubmissionDto } from '../../submissions/dto/submission.dto';
import type { CycleDto, StudyDto } from '../../studies/dto/study.dto';
import type { UnitDto } from '../../units/dto/unit.dto';
import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import { reviewPageModel, ReviewPageData } from './review-page.model';

const page = (language: 'de' | 'en'): PageContext => ({
  language,
  texts: pageTexts(language),
  path: '/',
  user: null,
  csrfToken: () => 'token',
});

const unit = (id: string, name: string): UnitDto => ({
  id,
  companyId: `company-${id}`,
  name,
  profile: {
    industry: 'telecom',
    country: 'DE',
    sizeBand: 'M',
    customerType: 'b2c',
    sourcing: 'inhouse',
    agentFte: 100,
  },
});

function submission(unitId: string, state: SubmissionDto['state']): SubmissionDto {
  return {
    id: `s-${unitId}`,
    cycleId: 'c1',
    unitId,
    state,
    answers: {},
    derived: {},
    warnings:
      state === 'submitted'
        ? [
            {
              key: 'aht_seconds',
              rule: 'previous_cycle_deviation',
              params: { value: 145, previous: 100 },
              message: '45 % more than last year.',
              id: 'previous_cycle_deviation|aht_seconds',
              comment: 'New ticket system.',
            },
          ]
        : [],
    returnComment: null,
    version: 1,
    submittedAt: state === 'draft' ? null : '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
  };
}

function data(state: CycleDto['state']): ReviewPageData {
  return {
    cycle: {
      id: 'c1',
      studyId: 's1',
      year: 2026,
      state,
      closedAt: null,
      publishedAt: null,
      publishedSnapshotId: null,
      submissionDeadline: null,
      reminderOffsets: [-14, -3, 1],
    },
    study: { id: 's1', name: 'Study' } as StudyDto,
    submissions: [submission('u1', 'submitted'), submission('u2', 'accepted')],
    units: [unit('u1', 'Berlin'), unit('u2', 'Wien'), unit('u3', 'Zürich')],
    participations: [],
    catalogue: {
      items: [{ key: 'aht_seconds', label: { de: 'Bearbeitungszeit', en: 'Handling time' } }],
    },
  };
}

describe('reviewPageModel', () => {
  it('shows the submitted ones with their warnings, labels and comments, reviewable while open', () => {
    const model = reviewPageModel(data('open'), page('en'), 'submitted');
    expect(model.entries.map((e) => e.unitName)).toEqual(['Berlin']);
    expect(model.entries[0]).toMatchObject({
      reviewable: true,
      warnings: [
        {
          label: 'Handling time',
          message: '45 % more than last year.',
          comment: 'New ticket system.',
        },
      ],
      acceptAction: '/cycles/c1/review/units/u1/accept',
    });
    expect(model.filters.map((f) => [f.label, f.current])).toEqual([
      ['not started (1)', false],
      ['draft (0)', false],
      ['submitted (1)', true],
      ['accepted (1)', false],
      ['returned (0)', false],
      ['All (3)', false],
    ]);
  });

  it('lists units without data as not started, and nothing as reviewable once the cycle is closed', () => {
    expect(
      reviewPageModel(data('open'), page('de'), 'none').entries.map((e) => e.unitName),
    ).toEqual(['Zürich']);
    const closed = reviewPageModel(data('closed'), page('de'), 'all');
    expect(closed.entries).toHaveLength(3);
    expect(closed.entries.some((e) => e.reviewable)).toBe(false);
  });

  it('ties a refused return comment to its field', () => {
    const model = reviewPageModel(data('open'), page('de'), 'submitted', {
      form: { unitId: 'u1', comment: ' ', error: 'Bitte schreiben Sie etwas.', refusal: null },
    });
    expect(model.errors).toEqual([
      { field: 'return-comment-u1', message: 'Bitte schreiben Sie etwas.' },
    ]);
    expect(model.entries[0].comment).toMatchObject({
      value: ' ',
      error: 'Bitte schreiben Sie etwas.',
    });
  });
});
