import { nextSubmissionState } from './submission-state';

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
});
