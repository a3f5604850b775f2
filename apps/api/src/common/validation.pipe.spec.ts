import { DomainError, DomainErrorCode } from '@app/domain';
import { ArrayUnique, IsIn, IsInt, Max, Min, MinLength } from 'class-validator';
import { createValidationPipe } from './validation.pipe';

class CycleBody {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ArrayUnique()
  @IsIn(['de', 'en'], { each: true })
  languages!: string[];

  @MinLength(1)
  comment!: string;
}

async function refusal(body: Record<string, unknown>): Promise<DomainError> {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(body, { type: 'body', metatype: CycleBody });
  } catch (e: unknown) {
    if (e instanceof DomainError) {
      return e;
    }
    throw e;
  }
  throw new Error('the body was accepted');
}

describe('createValidationPipe', () => {
  it("names each field and rule in the reader's language, with the DTO's bounds and values", async () => {
    const error = await refusal({
      year: 1999,
      languages: ['de', 'fr', 'de'],
      comment: '',
      colour: 'blue',
    });
    expect(error.code).toBe(DomainErrorCode.BadRequest);
    const sorted = (language: 'de' | 'en') =>
      error
        .problemsIn(language)
        .sort((a, b) => `${a.key}${a.rule}`.localeCompare(`${b.key}${b.rule}`));
    expect(sorted('de')).toEqual([
      { key: 'colour', rule: 'unknown_field', message: 'colour ist kein bekanntes Feld.' },
      { key: 'comment', rule: 'minLength', message: 'comment darf nicht leer sein.' },
      {
        key: 'languages',
        rule: 'arrayUnique',
        message: 'languages darf keinen Eintrag wiederholen.',
      },
      {
        key: 'languages',
        rule: 'isIn',
        message: 'Jeder Eintrag von languages muss einer dieser Werte sein: de, en.',
      },
      { key: 'year', rule: 'min', message: 'year darf nicht kleiner als 2000 sein.' },
    ]);
    expect(sorted('en').map((p) => p.message)).toEqual([
      'colour is not a known field.',
      'comment must not be empty.',
      'languages must not repeat an entry.',
      'Each entry of languages must be one of de, en.',
      'year must not be less than 2000.',
    ]);
  });

  it('names every rule a text breaks where a year is due: no integer, and outside both bounds', async () => {
    const error = await refusal({ year: 'soon', languages: [], comment: 'x' });
    expect(
      error
        .problemsIn('de')
        .map((p) => p.message)
        .sort(),
    ).toEqual([
      'year darf nicht größer als 2100 sein.',
      'year darf nicht kleiner als 2000 sein.',
      'year muss eine ganze Zahl sein.',
    ]);
  });
});
