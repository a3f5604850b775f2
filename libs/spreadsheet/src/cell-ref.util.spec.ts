import { cellRef, columnLetters } from './cell-ref.util';

describe('columnLetters', () => {
  it.each([
    [1, 'A'],
    [4, 'D'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('names column %p %p', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it('refuses a column that is not a positive whole number', () => {
    expect(() => columnLetters(0)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
  });
});

describe('cellRef', () => {
  it('writes column letters and row number as a spreadsheet does', () => {
    expect(cellRef(4, 14)).toBe('D14');
    expect(cellRef(28, 1)).toBe('AB1');
  });
});
