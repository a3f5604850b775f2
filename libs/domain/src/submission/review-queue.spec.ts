import { DomainError } from '../errors/domain-error';
import {
  assertBulkAcceptable,
  BulkAcceptCandidate,
  bulkAcceptable,
  warningKind,
} from './review-queue';

const candidate = (
  unitId: string,
  state: BulkAcceptCandidate['state'],
  version: number,
  warningCount = 0,
): [string, BulkAcceptCandidate] => [unitId, { unitId, state, version, warningCount }];

const names: Record<string, string> = { a: 'Berlin', b: 'Wien', c: 'Zürich', d: 'Graz' };
const nameOf = (id: string): string => names[id] ?? id;

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('not refused');
}

describe('warningKind', () => {
  it('tells the three kinds of plausibility warning apart by their rule', () => {
    expect(warningKind({ rule: 'previous_cycle_deviation' })).toBe('previous_cycle_deviation');
    expect(warningKind({ rule: 'benchmark_range' })).toBe('benchmark_range');
    expect(warningKind({ rule: 'rule:channels_sum' })).toBe('cross_field');
  });
});

describe('bulkAcceptable', () => {
  it('takes a submitted data set without warnings only', () => {
    expect(bulkAcceptable({ state: 'submitted', warningCount: 0 })).toBe(true);
    expect(bulkAcceptable({ state: 'submitted', warningCount: 1 })).toBe(false);
    expect(bulkAcceptable({ state: 'returned', warningCount: 0 })).toBe(false);
    expect(bulkAcceptable({ state: 'none', warningCount: 0 })).toBe(false);
  });
});

describe('assertBulkAcceptable', () => {
  it('lets a selection pass whose every submission is as confirmed', () => {
    const current = new Map([candidate('a', 'submitted', 2), candidate('b', 'submitted', 1)]);
    expect(() =>
      assertBulkAcceptable(
        [
          { unitId: 'a', version: 2 },
          { unitId: 'b', version: 1 },
        ],
        current,
        nameOf,
      ),
    ).not.toThrow();
  });

  it('refuses the whole selection, naming each unit that changed, lost its data or has warnings', () => {
    const current = new Map([
      candidate('a', 'submitted', 2),
      candidate('b', 'returned', 3),
      candidate('c', 'submitted', 1, 2),
      candidate('d', 'accepted', 1),
    ]);
    const error = refusal(() =>
      assertBulkAcceptable(
        [
          { unitId: 'a', version: 2 },
          { unitId: 'b', version: 2 },
          { unitId: 'c', version: 1 },
          { unitId: 'd', version: 1 },
          { unitId: 'e', version: 1 },
        ],
        current,
        nameOf,
      ),
    );
    expect(error.messageIn('en')).toBe(
      '4 of the 5 selected submissions cannot be accepted together; none was accepted.',
    );
    expect(error.problemsIn('de')).toEqual([
      {
        key: 'units[1]',
        rule: 'changed',
        message:
          'Wien: Der Datensatz wurde inzwischen geändert (Version 3 statt 2, jetzt „zurückgegeben“).',
      },
      {
        key: 'units[2]',
        rule: 'has_warnings',
        message: 'Zürich: Der Datensatz hat 2 Warnung(en); prüfen Sie ihn einzeln.',
      },
      {
        key: 'units[3]',
        rule: 'not_submitted',
        message: 'Graz: Der Datensatz ist im Stand „angenommen“, nicht „eingereicht“.',
      },
      {
        key: 'units[4]',
        rule: 'not_submitted',
        message: 'e: Der Datensatz ist im Stand „ohne Daten“, nicht „eingereicht“.',
      },
    ]);
  });
});
