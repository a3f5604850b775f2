import { DomainError } from '../errors/domain-error';
import {
  checkReminderOffsets,
  dueReminderOffset,
  inCollectionWindow,
  namedUuid,
  parseSubmissionDeadline,
} from './deadline';

const deadline = new Date('2026-03-31T23:59:59.999Z');
const offsets = [-14, -3, 1];

describe('dueReminderOffset', () => {
  it('is null before the first reminder: 14 days before 31 March is 17 March, 23:59:59.999', () => {
    expect(dueReminderOffset(deadline, offsets, new Date('2026-03-17T23:59:59.998Z'))).toBeNull();
  });

  it('is the 14-day reminder from its moment on, until the 3-day one comes', () => {
    expect(dueReminderOffset(deadline, offsets, new Date('2026-03-17T23:59:59.999Z'))).toBe(-14);
    expect(dueReminderOffset(deadline, offsets, new Date('2026-03-28T23:59:59.998Z'))).toBe(-14);
    expect(dueReminderOffset(deadline, offsets, new Date('2026-03-28T23:59:59.999Z'))).toBe(-3);
  });

  it('is the latest due one only, so a deadline set late sends one reminder, not two', () => {
    // Set on 30 March: the 14-day and the 3-day moments have both passed.
    expect(dueReminderOffset(deadline, offsets, new Date('2026-03-30T08:00:00Z'))).toBe(-3);
  });

  it('is the 1-day-after reminder from 1 April, 23:59:59.999 on, and stays it', () => {
    expect(dueReminderOffset(deadline, offsets, new Date('2026-04-01T23:59:59.999Z'))).toBe(1);
    expect(dueReminderOffset(deadline, offsets, new Date('2026-06-01T00:00:00Z'))).toBe(1);
  });

  it('takes offsets in any order', () => {
    expect(dueReminderOffset(deadline, [1, -3, -14], new Date('2026-03-29T12:00:00Z'))).toBe(-3);
  });
});

describe('inCollectionWindow', () => {
  it('ends one day after the deadline when the last reminder is 1 day after it', () => {
    expect(inCollectionWindow(deadline, offsets, new Date('2026-04-01T23:59:59.998Z'))).toBe(true);
    expect(inCollectionWindow(deadline, offsets, new Date('2026-04-01T23:59:59.999Z'))).toBe(false);
  });

  it('ends at the deadline when every reminder goes before it', () => {
    expect(inCollectionWindow(deadline, [-7], new Date('2026-03-31T23:59:59.998Z'))).toBe(true);
    expect(inCollectionWindow(deadline, [-7], new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('lasts while the cycle is open when it has no deadline', () => {
    expect(inCollectionWindow(null, offsets, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('parseSubmissionDeadline', () => {
  it('reads a date alone as the end of that day in UTC', () => {
    expect(parseSubmissionDeadline('2026-03-31').toISOString()).toBe('2026-03-31T23:59:59.999Z');
  });

  it('reads a date and time with its offset', () => {
    expect(parseSubmissionDeadline('2026-03-31T18:00:00+02:00').toISOString()).toBe(
      '2026-03-31T16:00:00.000Z',
    );
  });

  it.each(['31.03.2026', '2026-02-31', '2026-03-31T18:00', 'tomorrow', ''])(
    'refuses %p naming submissionDeadline and the rule',
    (text) => {
      let refusal: unknown;
      try {
        parseSubmissionDeadline(text);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).problemsIn('en')).toEqual([
        expect.objectContaining({ key: 'submissionDeadline', rule: 'date_time' }),
      ]);
    },
  );
});

describe('checkReminderOffsets', () => {
  it('takes the default and a single offset on the bounds', () => {
    expect(() => checkReminderOffsets([-14, -3, 1])).not.toThrow();
    expect(() => checkReminderOffsets([-365])).not.toThrow();
    expect(() => checkReminderOffsets([365])).not.toThrow();
  });

  it.each([[[]], [[-3, -3]], [[366]], [[1.5]], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]])(
    'refuses %p naming reminderOffsets',
    (offsets) => {
      expect(() => checkReminderOffsets(offsets)).toThrow(
        'reminderOffsets must be 1 to 10 different whole days between -365 and 365 (negative: before the deadline, positive: after it).',
      );
    },
  );
});

describe('namedUuid', () => {
  it('is the RFC 4122 version 5 layout, the same for the same parts and different otherwise', () => {
    const a = namedUuid('report', 's1', 'u1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(namedUuid('report', 's1', 'u1')).toBe(a);
    expect(namedUuid('report', 's1u1')).not.toBe(a);
  });
});
