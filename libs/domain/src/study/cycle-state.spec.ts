import { DomainError } from '../errors/domain-error';
import { assertCycleOpen, nextCycleState } from './cycle-state';

describe('nextCycleState', () => {
  it('closes an open cycle and publishes a closed one', () => {
    expect(nextCycleState('open', 'close')).toBe('closed');
    expect(nextCycleState('closed', 'publish')).toBe('published');
  });

  it.each([
    ['open', 'publish'],
    ['closed', 'close'],
    ['published', 'close'],
    ['published', 'publish'],
  ] as const)('refuses to %s -> %s', (state, transition) => {
    expect(() => nextCycleState(state, transition)).toThrow(DomainError);
    expect(() => nextCycleState(state, transition)).toThrow(`this one is ${state}`);
  });

  it('says in German too that only a closed cycle can be published', () => {
    let refusal: unknown;
    try {
      nextCycleState('open', 'publish');
    } catch (error) {
      refusal = error;
    }
    expect((refusal as DomainError).messageIn('de')).toBe(
      'Ein Zyklus kann nur veröffentlicht werden, wenn er geschlossen ist; dieser ist offen.',
    );
  });
});

describe('assertCycleOpen', () => {
  it('lets an open cycle change and refuses a closed one in both languages', () => {
    expect(() => assertCycleOpen({ state: 'open', year: 2026 })).not.toThrow();
    let refusal: unknown;
    try {
      assertCycleOpen({ state: 'closed', year: 2025 });
    } catch (error) {
      refusal = error;
    }
    expect((refusal as DomainError).messageIn('de')).toBe(
      'Der Zyklus 2025 ist geschlossen; seine Daten können sich nicht mehr ändern.',
    );
    expect((refusal as DomainError).messageIn('en')).toBe(
      'The cycle 2025 is closed; its submissions can no longer change.',
    );
  });
});
