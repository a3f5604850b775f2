import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { FormulaType } from './formula-node';
import { parseFormula } from './formula-parser';
import { inferFormulaType } from './formula-type-checker';

const TYPES: Record<string, FormulaType> = {
  leavers: 'number',
  headcount_avg: 'number',
  measures_nps: 'boolean',
  measures_ces: 'boolean',
  nps: 'number',
};
const typeOf = (key: string): FormulaType | undefined => TYPES[key];

function typeError(source: string): DomainError {
  try {
    inferFormulaType(parseFormula(source), typeOf);
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected '${source}' not to type-check`);
}

describe('inferFormulaType', () => {
  it.each([
    ['leavers / headcount_avg * 100', 'number'],
    ['-nps', 'number'],
    ['nps >= -100 and nps <= 100', 'boolean'],
    ['measures_nps or nps != nps', 'boolean'],
    ['measures_nps == measures_ces', 'boolean'],
    ['not measures_nps', 'boolean'],
    ['if(measures_nps, 1, 0) + if(measures_ces, 1, 0)', 'number'],
    ['if(nps > 0, measures_nps, measures_ces)', 'boolean'],
    ['round(sum(leavers, nps) / max(headcount_avg, 1), 1)', 'number'],
  ])('types %p as %p', (source, expected) => {
    expect(inferFormulaType(parseFormula(source), typeOf)).toBe(expected);
  });

  it.each([
    [
      'leavers + measures_nps',
      "'+' at position 9 needs numbers on both sides, but the right side is a boolean",
    ],
    [
      'measures_nps * 2',
      "'*' at position 14 needs numbers on both sides, but the left side is a boolean",
    ],
    [
      'measures_nps < 1',
      "'<' at position 14 needs numbers on both sides, but the left side is a boolean",
    ],
    [
      'leavers and measures_nps',
      "'and' at position 9 needs booleans on both sides, but the left side is a number",
    ],
    [
      'measures_nps or nps',
      "'or' at position 14 needs booleans on both sides, but the right side is a number",
    ],
    ['not leavers', "'not' at position 1 needs a boolean, got a number"],
    ['-measures_nps', "'-' at position 1 needs a number, got a boolean"],
    ['nps == measures_nps', "'==' at position 5 compares a number with a boolean"],
    ['leavers / headcount', "unknown KPI key 'headcount' at position 11"],
    [
      'round(nps)',
      'round() at position 1 takes 2 arguments (a value and the number of digits), got 1',
    ],
    ['abs(nps, 1)', 'abs() at position 1 takes 1 argument, got 2'],
    ['min()', 'min() at position 1 takes at least 1 argument, got 0'],
    [
      'if(nps > 0, 1)',
      'if() at position 1 takes 3 arguments (a condition, a then and an else value), got 2',
    ],
    ['if(nps, 1, 0)', 'the condition of if() at position 1 must be a boolean, got a number'],
    [
      'if(measures_nps, 1, measures_ces)',
      'the two values of if() at position 1 must have the same type, got a number and a boolean',
    ],
    ['sum(nps, measures_nps)', 'argument 2 of sum() at position 1 must be a number, got a boolean'],
  ])('refuses %p: %s', (source, message) => {
    const error = typeError(source);
    expect(error.code).toBe(DomainErrorCode.FormulaInvalid);
    expect(error.message).toBe(message);
    expect(error.problems).toEqual([{ key: 'formula', rule: 'formula_type', message }]);
  });
});
