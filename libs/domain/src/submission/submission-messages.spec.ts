import { formatNumber, formatQuantity } from './submission-messages';

describe('formatNumber', () => {
  it('writes numbers as German and English readers expect', () => {
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('rounds to two decimals but keeps small values readable', () => {
    expect(formatNumber(2.34567, 'en')).toBe('2.35');
    expect(formatNumber(0.004567, 'de')).toBe('0,00457');
    expect(formatNumber(0, 'en')).toBe('0');
  });
});

describe('formatQuantity', () => {
  it('translates unit words and picks the singular for 1', () => {
    expect(formatQuantity(1, { unit: 'days' }, 'de')).toBe('1 Tag');
    expect(formatQuantity(2500, { unit: 'contacts' }, 'de')).toBe('2.500 Kontakte');
    expect(formatQuantity(1, { unit: 'customers' }, 'en')).toBe('1 customer');
  });

  it('keeps symbols as stored and shows a bare number without a unit', () => {
    expect(formatQuantity(80, { unit: '%' }, 'de')).toBe('80 %');
    expect(formatQuantity(12.5, { unit: 'EUR' }, 'de')).toBe('12,5 EUR');
    expect(formatQuantity(-12, { unit: null }, 'en')).toBe('-12');
  });
});
