import { DomainError, DomainErrorCode, Problem } from '../errors/domain-error';
import { assertSubmittable, uncommentedWarnings, warningId } from './warning-comments';

const fteWarning: Problem = {
  key: 'agent_fte',
  rule: 'previous_cycle_deviation',
  message: "Agent FTE: 250 FTE is more than twice last cycle's value of 100 FTE.",
};
const fteWarningDe: Problem = {
  ...fteWarning,
  message: 'Agenten-FTE: 250 FTE ist mehr als das Doppelte des Vorjahreswerts von 100 FTE.',
};
const ruleWarning: Problem = {
  key: 'agent_fte',
  rule: 'rule:fte_within_headcount',
  message: 'Agent FTE are well above the headcount.',
};
const leaversError: Problem = {
  key: 'leavers',
  rule: 'type_integer',
  message: 'Leavers must be a whole number.',
};

function thrown(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('warningId', () => {
  it('joins rule and key, so two rules on one key are two warnings', () => {
    expect(warningId(fteWarning)).toBe('previous_cycle_deviation|agent_fte');
    expect(warningId(ruleWarning)).toBe('rule:fte_within_headcount|agent_fte');
  });
});

describe('uncommentedWarnings', () => {
  it('returns the warnings without a comment or with a blank one', () => {
    const comments = { 'rule:fte_within_headcount|agent_fte': '  \n ' };
    expect(uncommentedWarnings([fteWarning, ruleWarning], comments)).toEqual([
      fteWarning,
      ruleWarning,
    ]);
  });

  it('leaves out a warning with a non-blank comment under its id', () => {
    const comments = { 'previous_cycle_deviation|agent_fte': 'Two new sites opened in May.' };
    expect(uncommentedWarnings([fteWarning, ruleWarning], comments)).toEqual([ruleWarning]);
  });

  it('does not take a comment stored under another key or rule', () => {
    const comments = { 'previous_cycle_deviation|headcount': 'New sites.', agent_fte: 'New.' };
    expect(uncommentedWarnings([fteWarning], comments)).toEqual([fteWarning]);
  });
});

describe('assertSubmittable', () => {
  it('passes without errors and with every warning commented', () => {
    const comments = { 'previous_cycle_deviation|agent_fte': 'Two new sites opened in May.' };
    expect(() => assertSubmittable([], [fteWarning], comments, 'en')).not.toThrow();
    expect(() => assertSubmittable([], [], {}, 'de')).not.toThrow();
  });

  it('refuses with the errors and a comment_required problem per uncommented warning', () => {
    const error = thrown(() =>
      assertSubmittable([leaversError], [fteWarning, ruleWarning], {}, 'en'),
    );
    expect(error.code).toBe(DomainErrorCode.ValidationFailed);
    expect(error.message).toBe(
      'The answers cannot be submitted yet: 1 error must be fixed and 2 warnings need a comment.',
    );
    expect(error.problems).toEqual([
      leaversError,
      {
        key: 'agent_fte',
        rule: 'comment_required',
        message:
          "Agent FTE: 250 FTE is more than twice last cycle's value of 100 FTE. A comment on this warning is needed to submit.",
      },
      {
        key: 'agent_fte',
        rule: 'comment_required',
        message:
          'Agent FTE are well above the headcount. A comment on this warning is needed to submit.',
      },
    ]);
  });

  it('refuses in German with the sentence in German', () => {
    const error = thrown(() => assertSubmittable([], [fteWarningDe], {}, 'de'));
    expect(error.message).toBe(
      'Die Antworten können noch nicht eingereicht werden: 1 Warnung braucht einen Kommentar.',
    );
    expect(error.problems).toEqual([
      {
        key: 'agent_fte',
        rule: 'comment_required',
        message:
          'Agenten-FTE: 250 FTE ist mehr als das Doppelte des Vorjahreswerts von 100 FTE. Zum Einreichen ist ein Kommentar zu dieser Warnung nötig.',
      },
    ]);
  });

  it('counts errors in the sentence when there are only errors', () => {
    const errors = [leaversError, { ...leaversError, key: 'headcount' }];
    expect(thrown(() => assertSubmittable(errors, [], {}, 'de')).message).toBe(
      'Die Antworten können noch nicht eingereicht werden: 2 Fehler müssen behoben werden.',
    );
    expect(thrown(() => assertSubmittable(errors, [], {}, 'en')).message).toBe(
      'The answers cannot be submitted yet: 2 errors must be fixed.',
    );
  });
});
