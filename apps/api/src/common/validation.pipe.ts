import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { Problem } from '@app/domain';

function flatten(errors: ValidationError[], parent = ''): Problem[] {
  return errors.flatMap((error) => {
    const key = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      key,
      rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
      message: rule === 'whitelistValidation' ? `${key} is not a known field` : message,
    }));
    return [...own, ...flatten(error.children ?? [], key)];
  });
}

/**
 * Rejects unknown fields and lists every problem with the field it belongs to, in the same
 * `{ key, rule, message }` shape the domain uses.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new BadRequestException({
        error: 'bad_request',
        message: problems.map((p) => p.message).join('; '),
        problems,
      });
    },
  });
}
