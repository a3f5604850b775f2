import type { Type } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { createValidationPipe } from '../../common/validation.pipe';
import type { FormError } from '../cycles/form-refusal.util';
import type { PageContext } from '../views/page-context';

/** The fields a page form posts, as strings (the CSRF check took its token out). */
export type FormBody = Record<string, string | undefined>;

const pipe = createValidationPipe();

/**
 * A posted form checked by the same DTO and rules as the API's request body, or the problems
 * in the page's language, each at its field, for the form to show.
 */
export async function formInput<T extends object>(
  metatype: Type<T>,
  posted: object,
  page: PageContext,
): Promise<{ input: T; errors: null } | { input: null; errors: FormError[] }> {
  try {
    const input = (await pipe.transform(posted, { type: 'body', metatype })) as T;
    return { input, errors: null };
  } catch (error) {
    if (error instanceof DomainError && error.code === DomainErrorCode.BadRequest) {
      return {
        input: null,
        errors: error.problemsIn(page.language).map((p) => ({ field: p.key, message: p.message })),
      };
    }
    throw error;
  }
}

/** The filled-in fields of a form: an empty optional field counts as not given. */
export function givenFields(body: FormBody): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}
