import { DomainError, DomainErrorCode } from './domain-error';

describe('DomainError.problemsIn', () => {
  it("gives each problem in the reader's language and keeps the fields it has besides", () => {
    const error = new DomainError(DomainErrorCode.ValidationFailed, 'The file has 2 problems.', [
      {
        key: 'sickness_rate',
        rule: 'max',
        message: { de: 'höchstens 50 %', en: 'at most 50 %' },
        sheet: 'Answers',
        cell: 'C12',
      } as { key: string; rule: string; message: { de: string; en: string } },
      { key: 'file', rule: 'upload', message: 'given in one language' },
    ]);
    expect(error.problemsIn('de')).toEqual([
      {
        key: 'sickness_rate',
        rule: 'max',
        message: 'höchstens 50 %',
        sheet: 'Answers',
        cell: 'C12',
      },
      { key: 'file', rule: 'upload', message: 'given in one language' },
    ]);
    expect(error.problems.map((p) => p.message)).toEqual(['at most 50 %', 'given in one language']);
  });
});
