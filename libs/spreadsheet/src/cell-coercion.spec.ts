import { DEMO_CATALOGUE, type KpiItemDefinition, loadCatalogue } from '@app/domain';
import { coerceCell, parseNumberText } from './cell-coercion';
import type { RawCell } from './sheet-table';

const catalogue = loadCatalogue(DEMO_CATALOGUE);
const item = (key: string): KpiItemDefinition => {
  const found = catalogue.item(key);
  if (!found) {
    throw new Error(key);
  }
  return found;
};
const xlsx = { numbersAsText: false, decimalComma: false };
const csv = { numbersAsText: true, decimalComma: false };
const csvSemicolon = { numbersAsText: true, decimalComma: true };
const text = (value: string): RawCell => ({ kind: 'text', value });

describe('coerceCell', () => {
  it('reads a blank cell as null, which clears the answer', () => {
    expect(coerceCell(item('agent_fte'), undefined, xlsx, 'en')).toEqual({ value: null });
    expect(coerceCell(item('agent_fte'), text('   '), xlsx, 'en')).toEqual({ value: null });
  });

  it('reads numbers from number cells and refuses text in a number cell of an XLSX', () => {
    expect(coerceCell(item('agent_fte'), { kind: 'number', value: -3.5 }, xlsx, 'en')).toEqual({
      value: -3.5,
    });
    expect(coerceCell(item('agent_fte'), text('12'), xlsx, 'de')).toEqual({
      problem: {
        rule: 'type_number',
        message: 'Agenten (Vollzeitäquivalente) muss eine Zahl sein.',
      },
    });
    expect(coerceCell(item('leavers'), text('viele'), xlsx, 'en')).toMatchObject({
      problem: { rule: 'type_integer' },
    });
  });

  it('reads plain numeric text in a CSV, with a decimal comma only where commas do not separate', () => {
    expect(coerceCell(item('agent_fte'), text(' 12.5 '), csv, 'en')).toEqual({ value: 12.5 });
    expect(coerceCell(item('agent_fte'), text('12,5'), csv, 'en')).toMatchObject({
      problem: { rule: 'type_number' },
    });
    expect(coerceCell(item('agent_fte'), text('12,5'), csvSemicolon, 'en')).toEqual({
      value: 12.5,
    });
    expect(coerceCell(item('agent_fte'), text('1.234,5'), csvSemicolon, 'en')).toMatchObject({
      problem: { rule: 'type_number' },
    });
  });

  it('reads yes/no cells from booleans and the words in either language', () => {
    const yesNo = item('measures_nps');
    expect(coerceCell(yesNo, { kind: 'boolean', value: false }, xlsx, 'en')).toEqual({
      value: false,
    });
    expect(coerceCell(yesNo, text('Ja'), xlsx, 'en')).toEqual({ value: true });
    expect(coerceCell(yesNo, text('no'), xlsx, 'en')).toEqual({ value: false });
    expect(coerceCell(yesNo, text('TRUE'), csv, 'en')).toEqual({ value: true });
    expect(coerceCell(yesNo, { kind: 'number', value: 1 }, xlsx, 'en')).toMatchObject({
      problem: { rule: 'type_boolean' },
    });
  });

  it('reads a choice by its value or its label in either language', () => {
    const horizon = item('strategy_horizon');
    expect(coerceCell(horizon, text('long_term'), xlsx, 'en')).toEqual({ value: 'long_term' });
    expect(coerceCell(horizon, text('2 bis 3 Jahre'), xlsx, 'en')).toEqual({
      value: 'medium_term',
    });
    expect(coerceCell(horizon, text('Up to 1 year'), xlsx, 'en')).toEqual({ value: 'short_term' });
    expect(coerceCell(horizon, text('never'), xlsx, 'en')).toMatchObject({
      problem: { rule: 'type_choice' },
    });
  });

  it('refuses a formula without a stored result and an error value, whatever the item', () => {
    expect(
      coerceCell(item('agent_fte'), { kind: 'formula_without_value', formula: 'C2*2' }, xlsx, 'en'),
    ).toEqual({
      problem: {
        rule: 'formula_without_value',
        message: expect.stringContaining('=C2*2 without a stored result'),
      },
    });
    expect(
      coerceCell(item('measures_nps'), { kind: 'error', value: '#DIV/0!' }, xlsx, 'de'),
    ).toEqual({
      problem: { rule: 'cell_error', message: 'Die Zelle enthält den Fehlerwert #DIV/0!.' },
    });
  });

  it('refuses a date in a number cell', () => {
    expect(
      coerceCell(item('agent_fte'), { kind: 'date', value: new Date(0) }, xlsx, 'en'),
    ).toMatchObject({ problem: { rule: 'type_number' } });
  });
});

describe('parseNumberText', () => {
  it.each([
    ['42', false, 42],
    ['-0.5', false, -0.5],
    ['+.5', false, 0.5],
    ['1e3', false, 1000],
    ['3,25', true, 3.25],
    ['1 000', true, undefined],
    ['1,000', false, undefined],
    ['12abc', false, undefined],
    ['', false, undefined],
  ])('reads %p (decimal comma %p) as %p', (input, decimalComma, expected) => {
    expect(parseNumberText(input, decimalComma)).toBe(expected);
  });
});
