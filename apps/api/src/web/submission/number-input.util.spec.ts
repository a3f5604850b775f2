import { formatNumberInput, parseNumberInput } from './number-input.util';

describe('parseNumberInput', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1234,5', 1234.5],
    ['1.234', 1234],
    ['12.500.000', 12500000],
    [',5', 0.5],
    ['-12', -12],
    ['\u221212,5', -12.5],
    ['  27 ', 27],
    ["1'234,5", 1234.5],
    ['1 234,5', 1234.5],
  ])('reads the German %p as %p', (text, value) => {
    expect(parseNumberInput(text, 'de')).toEqual({ kind: 'number', value });
  });

  it.each([
    ['1,234.5', 1234.5],
    ['1234.5', 1234.5],
    ['1,234', 1234],
    ['.5', 0.5],
    ['-100', -100],
  ])('reads the English %p as %p', (text, value) => {
    expect(parseNumberInput(text, 'en')).toEqual({ kind: 'number', value });
  });

  it('refuses a separator in the place of the other language rather than guessing', () => {
    expect(parseNumberInput('1.5', 'de')).toEqual({ kind: 'invalid' });
    expect(parseNumberInput('12,5', 'en')).toEqual({ kind: 'invalid' });
    expect(parseNumberInput('1,234.5', 'de')).toEqual({ kind: 'invalid' });
  });

  it('refuses text, lone signs and separators, and groups of the wrong size', () => {
    for (const text of ['viel', '12a', '-', ',', '1.23,4', '1..234', '1e5', '0x10']) {
      expect([text, parseNumberInput(text, 'de').kind]).toEqual([text, 'invalid']);
    }
  });

  it('reads an empty field as no answer', () => {
    expect(parseNumberInput('', 'de')).toEqual({ kind: 'empty' });
    expect(parseNumberInput('   ', 'en')).toEqual({ kind: 'empty' });
  });
});

describe('formatNumberInput', () => {
  it('writes a number as the language does, without rounding it', () => {
    expect(formatNumberInput(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumberInput(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumberInput(0.123456, 'de')).toBe('0,123456');
    expect(formatNumberInput(-12, 'de')).toBe('-12');
  });

  it('reads back what it writes', () => {
    for (const value of [0, 1, 0.1, 27.25, 1234.5, 987654321.125, -0.5, 1e-7]) {
      for (const language of ['de', 'en'] as const) {
        expect(parseNumberInput(formatNumberInput(value, language), language)).toEqual({
          kind: 'number',
          value,
        });
      }
    }
  });
});
