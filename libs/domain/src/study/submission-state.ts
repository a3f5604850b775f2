import { DomainError, DomainErrorCode } from '../errors/domain-error';

export const SUBMISSION_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
/** draft -> submitted -> accepted, or returned with a comment -> edited -> submitted again. */
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export type SubmissionTransition = 'edit' | 'submit' | 'accept' | 'return';

const ALLOWED: Record<
  SubmissionTransition,
  { from: readonly SubmissionState[]; to?: SubmissionState }
> = {
  // Editing keeps a draft a draft and a returned submission returned until it is submitted again.
  edit: { from: ['draft', 'returned'] },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
};

/** The state after a transition, or an InvalidState error that names the current state. */
export function nextSubmissionState(
  current: SubmissionState,
  transition: SubmissionTransition,
): SubmissionState {
  const rule = ALLOWED[transition];
  if (!rule.from.includes(current)) {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      `A submission that is ${current} cannot be ${transition === 'edit' ? 'edited' : `${transition === 'submit' ? 'submitted' : `${transition}ed`}`}; allowed from ${rule.from.join(' or ')}.`,
    );
  }
  return rule.to ?? current;
}
