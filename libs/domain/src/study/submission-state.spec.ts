import { DomainError } from '../errors/domain-error';
import { isEditable, nextSubmissionState } from './submission-state';

describe('nextSubmissionState', () => {
  it('walks draft -> submitted -> returned -> submitted -> accepted', () => {
    expect(nextSubmissionState('draft', 'submit')).toBe('submitted');
    expect(nextSubmissionState('submitted', 'return')).toBe('returned');
    expect(nextSubmissionState('returned', 'edit')).toBe('returned');
    expect(nextSubmissionState('returned', 'submit')).toBe('submitted');
    expect(nextSubmissionState('submitted', 'accept')).toBe('accepted');
  });

  it.each([
    ['submitted', 'edit', 'cannot be edited'],
    ['accepted', 'edit', 'cannot be edited'],
    ['draft', 'accept', 'cannot be accepted'],
    ['accepted', 'return', 'cannot be returned'],
    ['submitted', 'submit', 'cannot be submitted'],
  ] as const)('refuses a %s submission to %s', (state, transition, message) => {
    expect(() => nextSubmissionState(state, transition)).toThrow(message);
  });

  it('says in German too which state the submission is in and where the step is allowed', () => {
    let refusal: unknown;
    try {
      nextSubmissionState('accepted', 'edit');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).messageIn('de')).toBe(
      'Ein Datensatz im Stand „angenommen“ kann nicht geändert werden; das geht nur im Stand „Entwurf“ oder „zurückgegeben“.',
    );
  });
});

describe('isEditable', () => {
  it('lets a draft and a returned submission change, and nothing else', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('returned')).toBe(true);
    expect(isEditable('submitted')).toBe(false);
    expect(isEditable('accepted')).toBe(false);
  });
});
