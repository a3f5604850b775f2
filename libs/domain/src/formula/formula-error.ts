import { DomainError, DomainErrorCode, LocalizedMessage } from '../errors/domain-error';

/** Rule names a formula problem is reported under. */
export type FormulaProblemRule = 'formula_syntax' | 'formula_type' | 'formula_value';

/**
 * A formula problem as the one domain error type. The problem key is `formula` because the
 * formula itself does not know which item or rule it belongs to; the catalogue re-keys it.
 */
export function formulaError(rule: FormulaProblemRule, message: LocalizedMessage): DomainError {
  return new DomainError(DomainErrorCode.FormulaInvalid, message, [
    { key: 'formula', rule, message },
  ]);
}
