import { DomainError, DomainErrorCode, notFound } from '@app/domain';
import { formErrorsOf, refusalOf } from './form-refusal.util';

describe('refusalOf', () => {
  it('shows a conflict, an invalid state and a validation failure at the form', () => {
    for (const code of [
      DomainErrorCode.Conflict,
      DomainErrorCode.InvalidState,
      DomainErrorCode.ValidationFailed,
    ]) {
      const problems = [{ key: 'year', rule: 'unique', message: 'taken' }];
      expect(refusalOf(new DomainError(code, 'Why.', problems), 'en', 'Not done.')).toEqual({
        message: 'Not done.',
        detail: 'Why.',
        problems,
      });
    }
  });

  it("puts the page's own reason in place of the service's sentence when it is given", () => {
    const error = new DomainError(DomainErrorCode.InvalidState, 'English only.');
    expect(refusalOf(error, 'de', 'Nicht veröffentlicht.', 'Kein Snapshot.').detail).toBe(
      'Kein Snapshot.',
    );
  });

  it("gives the service's sentence in the page's language where the service has both", () => {
    const error = new DomainError(DomainErrorCode.InvalidState, {
      de: 'Der Zyklus ist geschlossen.',
      en: 'The cycle is closed.',
    });
    expect(refusalOf(error, 'de', 'Nicht gespeichert.').detail).toBe('Der Zyklus ist geschlossen.');
    expect(refusalOf(error, 'en', 'Not saved.').detail).toBe('The cycle is closed.');
  });

  it('leaves a 404, a 403 and an unexpected error to the error pages', () => {
    const forbidden = new DomainError(DomainErrorCode.Forbidden, 'No.');
    const unexpected = new Error('boom');
    expect(() => refusalOf(notFound('Cycle', 'x'), 'en', 'Not done.')).toThrow(
      /Cycle x was not found/,
    );
    expect(() => refusalOf(forbidden, 'en', 'Not done.')).toThrow(forbidden);
    expect(() => refusalOf(unexpected, 'en', 'Not done.')).toThrow(unexpected);
  });
});

describe('formErrorsOf', () => {
  it('lists nothing without a refusal, and the message and its reason at the field with one', () => {
    expect(formErrorsOf(null)).toEqual([]);
    expect(formErrorsOf({ message: 'Not done.', detail: 'Why.', problems: [] }, 'year')).toEqual([
      { field: null, message: 'Not done.' },
      { field: 'year', message: 'Why.' },
    ]);
  });
});
