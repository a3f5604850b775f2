import {
  formatDate,
  formatDistance,
  formatFigure,
  formatFigureWithUnit,
  formatGapToTopQuartile,
  formatPercent,
  formulaForReader,
  unitLabel,
} from './report-format.util';

const NBSP = '\u00a0';

describe('report formatting', () => {
  it('writes 1234.5 as 1.234,5 in German and 1,234.5 in English', () => {
    expect(formatFigure(1234.5, 'de')).toBe('1.234,5');
    expect(formatFigure(1234.5, 'en')).toBe('1,234.5');
  });

  it('never prints a negative zero', () => {
    expect(formatFigure(-0, 'de')).toBe('0');
    expect(formatPercent(-0.3, 'en')).toBe(`0${NBSP}%`);
  });

  it('keeps number and unit together and uses the unit words of the language', () => {
    expect(formatFigureWithUnit(27, { unit: 'days' }, 'de')).toBe(`27${NBSP}Tage`);
    expect(formatFigureWithUnit(1, { unit: 'days' }, 'en')).toBe(`1${NBSP}day`);
    expect(formatFigureWithUnit(80.5, { unit: '%' }, 'de')).toBe(`80,5${NBSP}%`);
  });

  it('names the unit in the plural, or not at all for a unitless KPI', () => {
    expect(unitLabel({ unit: 'contacts' }, 'de')).toBe('Kontakte');
    expect(unitLabel({ unit: 'EUR' }, 'en')).toBe('EUR');
    expect(unitLabel({ unit: null }, 'en')).toBeNull();
  });

  it('measures distances of a KPI in % in percentage points', () => {
    expect(formatDistance(4.5, { unit: '%' }, 'de')).toBe(`4,5${NBSP}Prozentpunkte`);
    expect(formatDistance(4.5, { unit: '%' }, 'en')).toBe(`4.5${NBSP}percentage points`);
    expect(formatDistance(1.7, { unit: 'EUR' }, 'en')).toBe(`1.7${NBSP}EUR`);
  });

  it('signs the gap to the top quartile in the direction the value must move', () => {
    expect(formatGapToTopQuartile(3.25, 'higher_is_better', 'de')).toBe('+3,25');
    expect(formatGapToTopQuartile(1.5, 'lower_is_better', 'en')).toBe('\u22121.5');
    expect(formatGapToTopQuartile(0, 'lower_is_better', 'de')).toBe('erreicht');
    expect(formatGapToTopQuartile(null, 'higher_is_better', 'en')).toBe('–');
  });

  it('writes dates in UTC as the language does', () => {
    const date = new Date('2025-03-05T23:30:00Z');
    expect(formatDate(date, 'de')).toBe('5. März 2025');
    expect(formatDate(date, 'en')).toBe('5 March 2025');
  });

  it('shows a formula with labels, × and ÷ and the decimal comma in German', () => {
    const labels: Record<string, string> = { leavers: 'Austritte', headcount_avg: 'Köpfe' };
    expect(formulaForReader('leavers / headcount_avg * 100', (k) => labels[k], 'de')).toBe(
      'Austritte ÷ Köpfe × 100',
    );
    expect(formulaForReader('sum(a, b) >= 0.98 * c', () => undefined, 'de')).toBe(
      'sum(a, b) >= 0,98 × c',
    );
  });
});
