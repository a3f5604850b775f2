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

const GERMAN_STATE: Record<SubmissionState, string> = {
  draft: '„Entwurf“',
  submitted: '„eingereicht“',
  accepted: '„angenommen“',
  returned: '„zurückgegeben“',
};

const GERMAN_TRANSITION: Record<SubmissionTransition, string> = {
  edit: 'geändert',
  submit: 'eingereicht',
  accept: 'angenommen',
  return: 'zurückgegeben',
};

/** The state after a transition, or an InvalidState error that names the current state. */
export function nextSubmissionState(
  current: SubmissionState,
  transition: SubmissionTransition,
): SubmissionState {
  const rule = ALLOWED[transition];
  if (!rule.from.includes(current)) {
    throw new DomainError(DomainErrorCode.InvalidState, {
      de: `Ein Datensatz im Stand ${GERMAN_STATE[current]} kann nicht ${GERMAN_TRANSITION[transition]} werden; das geht nur im Stand ${rule.from.map((s) => GERMAN_STATE[s]).join(' oder ')}.`,
      en: `A submission that is ${current} cannot be ${transition === 'edit' ? 'edited' : `${transition === 'submit' ? 'submitted' : `${transition}ed`}`}; allowed from ${rule.from.join(' or ')}.`,
    });
  }
  return rule.to ?? current;
}

/** Whether answers in this state may still change (a draft, or returned by the publisher). */
export function isEditable(state: SubmissionState): boolean {
  return ALLOWED.edit.from.includes(state);
}
