import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { workFailureOf, workFailureText } from './work-failure';

describe('workFailureOf', () => {
  it("stores a domain refusal in its two languages, and shows the reader's", () => {
    const refusal = new DomainError(DomainErrorCode.InvalidState, {
      de: 'Der Zyklus ist geschlossen.',
      en: 'The cycle is closed.',
    });
    const failure = workFailureOf(refusal, 'e-1');
    expect(failure).toEqual({
      key: 'refused',
      params: { de: 'Der Zyklus ist geschlossen.', en: 'The cycle is closed.' },
    });
    expect(workFailureText(failure, 'de')).toBe('Der Zyklus ist geschlossen.');
    expect(workFailureText(failure, 'en')).toBe('The cycle is closed.');
  });

  it('stores any other error as an internal one under its error id, without its message', () => {
    const failure = workFailureOf(
      new Error('duplicate key value violates unique constraint'),
      'e-2',
    );
    expect(failure).toEqual({ key: 'internal', params: { errorId: 'e-2' } });
    expect(workFailureText(failure, 'de')).toBe(
      'Ein interner Fehler ist aufgetreten. Nennen Sie die Fehler-Id e-2, wenn Sie den Support kontaktieren.',
    );
    expect(workFailureText(failure, 'en')).toBe(
      'An internal error occurred. Quote error id e-2 when you contact support.',
    );
  });
});
