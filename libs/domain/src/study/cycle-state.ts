import { DomainError, DomainErrorCode } from '../errors/domain-error';

export const CYCLE_STATES = ['open', 'closed', 'published'] as const;
/** open: collecting data; closed: no changes; published: benchmark frozen, reports released. */
export type CycleState = (typeof CYCLE_STATES)[number];

export type CycleTransition = 'close' | 'publish';

const NEXT: Record<CycleTransition, { from: CycleState; to: CycleState }> = {
  close: { from: 'open', to: 'closed' },
  publish: { from: 'closed', to: 'published' },
};

const GERMAN_STATE: Record<CycleState, string> = {
  open: 'offen',
  closed: 'geschlossen',
  published: 'veröffentlicht',
};

const GERMAN_TRANSITION: Record<CycleTransition, string> = {
  close: 'geschlossen',
  publish: 'veröffentlicht',
};

/** The state a cycle moves to, or an InvalidState error naming the state it is in. */
export function nextCycleState(current: CycleState, transition: CycleTransition): CycleState {
  const step = NEXT[transition];
  if (current !== step.from) {
    throw new DomainError(DomainErrorCode.InvalidState, {
      de: `Ein Zyklus kann nur ${GERMAN_TRANSITION[transition]} werden, wenn er ${GERMAN_STATE[step.from]} ist; dieser ist ${GERMAN_STATE[current]}.`,
      en: `A cycle can ${transition} only when it is ${step.from}; this one is ${current}.`,
    });
  }
  return step.to;
}

/** Refuses every change of submissions in a cycle that is closed or published. */
export function assertCycleOpen(cycle: { state: CycleState; year: number }): void {
  if (cycle.state !== 'open') {
    throw new DomainError(DomainErrorCode.InvalidState, {
      de: `Der Zyklus ${cycle.year} ist ${GERMAN_STATE[cycle.state]}; seine Daten können sich nicht mehr ändern.`,
      en: `The cycle ${cycle.year} is ${cycle.state}; its submissions can no longer change.`,
    });
  }
}
