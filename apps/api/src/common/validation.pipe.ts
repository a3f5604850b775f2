import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, DomainErrorCode, LocalizedProblem } from '@app/domain';
import { getMetadataStorage } from 'class-validator';
import { FIELD_RULE_TEXTS, FieldRule, unknownRuleText } from './validation.texts';

/**
 * The arguments of a rule as the DTO declares it: class-validator's error carries only its
 * English sentence, the bound or the allowed values are in the metadata of the DTO's class.
 */
function declared(
  target: object | undefined,
  property: string,
  rule: string,
): Pick<FieldRule, 'constraints' | 'each'> {
  const metadata = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target.constructor, '', true, false)
        .find((m) => m.propertyName === property && (m.name === rule || m.type === rule))
    : undefined;
  return { constraints: (metadata?.constraints ?? []) as unknown[], each: metadata?.each ?? false };
}

function flatten(errors: ValidationError[], parent = ''): LocalizedProblem[] {
  return errors.flatMap((error) => {
    const key = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => {
      const rule = constraint === 'whitelistValidation' ? 'unknown_field' : constraint;
      const field = { key, ...declared(error.target, error.property, constraint) };
      const text = FIELD_RULE_TEXTS[rule];
      return { key, rule, message: text ? text(field) : unknownRuleText(field, rule) };
    });
    return [...own, ...flatten(error.children ?? [], key)];
  });
}

/**
 * Rejects unknown fields and lists every problem with the field it belongs to, in the same
 * `{ key, rule, message }` shape the domain uses, in the reader's language: the sentences come
 * from the rules (FIELD_RULE_TEXTS), never from class-validator's English defaults.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target (the DTO instance) leads to the rule's declared bounds and values; it stays in
    // the factory, which sends only keys, rules and sentences.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const joined = (language: 'de' | 'en') => problems.map((p) => p.message[language]).join('; ');
      return new DomainError(
        DomainErrorCode.BadRequest,
        { de: joined('de'), en: joined('en') },
        problems,
      );
    },
  });
}
