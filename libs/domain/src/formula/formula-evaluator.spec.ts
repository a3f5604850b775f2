import { FormulaInputs, evaluateFormula } from './formula-evaluator';
import { FormulaValue } from './formula-node';
import { parseFormula } from './formula-parser';

const run = (source: string, values: FormulaInputs = {}): FormulaValue =>
  evaluateFormula(parseFormula(source), values);

describe('evaluateFormula', () => {
  describe('arithmetic', () => {
    it.each([
      ['1 + 2 * 3', 7],
      ['(1 + 2) * 3', 9],
      ['10 - 4 - 3', 3],
      ['-2 * 3', -6],
      ['2 * -3', -6],
      ['- -4', 4],
      ['12 / 4 / 3', 1],
      ['0.5 * 7', 3.5],
    ])('computes %p as %p', (source, expected) => {
      expect(run(source)).toBe(expected);
    });

    it('reads KPI values by key', () => {
      expect(run('leavers / headcount_avg * 100', { leavers: 12, headcount_avg: 80 })).toBe(15);
    });

    it('turns -0 into 0 so that a result never prints as -0', () => {
      expect(Object.is(run('-a', { a: 0 }), 0)).toBe(true);
    });
  });

  describe('missing values', () => {
    it.each([
      ['a + 1', { a: null }],
      ['a + 1', {}],
      ['a * b', { a: 2, b: undefined }],
      ['a + 1', { a: Number.NaN }],
      ['-a', {}],
      ['a < 1', {}],
      ['a == 1', {}],
      ['not flag', {}],
      ['min(a, 1)', {}],
      ['max(1, a)', {}],
      ['abs(a)', {}],
      ['round(a, 1)', {}],
      ['round(1.25, a)', {}],
      ['if(flag, 1, 2)', {}],
      ['sum(a, b)', {}],
    ])('%p gives null (not computed) with %p', (source, values: FormulaInputs) => {
      expect(run(source, values)).toBeNull();
    });

    it('sum counts a missing value as 0 while at least one is present', () => {
      expect(run('sum(a, b, c)', { a: 2, c: 5 })).toBe(7);
      expect(run('sum(a, b) / total * 100', { b: 30, total: 120 })).toBe(25);
    });

    it('if evaluates only the branch it takes', () => {
      expect(run('if(flag, a, 0)', { flag: false })).toBe(0);
      expect(run('if(flag, 1 / 0, 2)', { flag: false })).toBe(2);
    });

    it('does not read Object.prototype members for keys like constructor', () => {
      expect(run('constructor + 1', {})).toBeNull();
    });
  });

  describe('division by zero and overflow', () => {
    it.each(['a / 0', 'a / b', '0 / 0', 'a / (b - b)'])(
      '%p gives null, not Infinity or NaN',
      (source) => {
        expect(run(source, { a: 5, b: 0 })).toBeNull();
      },
    );

    it('gives null when a result overflows', () => {
      expect(run('a * a', { a: 1e200 })).toBeNull();
    });
  });

  describe('booleans', () => {
    it.each([
      ['1 < 2', true],
      ['2 <= 2', true],
      ['1 > 2', false],
      ['2 >= 3', false],
      ['3 == 3', true],
      ['3 != 3', false],
      ['not 1 > 2', true],
      ['1 < 2 and 2 < 1', false],
      ['1 < 2 or 2 < 1', true],
    ])('computes %p as %p', (source, expected) => {
      expect(run(source)).toBe(expected);
    });

    it('compares booleans with == and !=', () => {
      expect(run('a == b', { a: true, b: true })).toBe(true);
      expect(run('a != b', { a: true, b: false })).toBe(true);
    });

    it('uses three-valued logic: a known operand decides when it can', () => {
      expect(run('a and b', { a: false })).toBe(false);
      expect(run('a and b', { b: false })).toBe(false);
      expect(run('a and b', { a: true })).toBeNull();
      expect(run('a or b', { a: true })).toBe(true);
      expect(run('a or b', { b: true })).toBe(true);
      expect(run('a or b', { a: false })).toBeNull();
      expect(run('a or b', { a: false, b: false })).toBe(false);
    });

    it('makes "measured or not answered" a rule that is skipped when the value is blank', () => {
      const rule = 'measures_nps or nps != nps';
      expect(run(rule, { measures_nps: true, nps: 20 })).toBe(true);
      expect(run(rule, { measures_nps: false, nps: 20 })).toBe(false);
      expect(run(rule, { measures_nps: false })).toBeNull();
    });

    it('refuses a boolean value where a number is needed', () => {
      expect(() => run('a + 1', { a: true })).toThrow("'+' at position 3 needs a number, got true");
      expect(() => run('a and b', { a: 1, b: true })).toThrow(
        "'and' at position 3 needs a boolean, got 1",
      );
    });
  });

  describe('functions', () => {
    it.each([
      ['min(3, 1, 2)', 1],
      ['max(3, 1, 2)', 3],
      ['abs(-4.5)', 4.5],
      ['round(2.345, 2)', 2.35],
      ['round(1.005, 2)', 1.01],
      ['round(-2.5, 0)', -3],
      ['round(1234, -2)', 1200],
      ['sum(1, 2, 3)', 6],
      ['if(1 < 2, 10, 20)', 10],
    ])('computes %p as %p', (source, expected) => {
      expect(run(source)).toBe(expected);
    });

    it('refuses a call with the wrong number of arguments even without a type check', () => {
      expect(() => run('abs(1, 2)')).toThrow('abs() at position 1 takes 1 argument, got 2');
    });
  });
});
