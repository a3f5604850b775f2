import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { TrendFigure } from './trend-disclosure';
import { TrendInput, TrendKpi, TrendUnit } from './trend-input';

export const KPIS: TrendKpi[] = [
  { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
  {
    key: 'attrition_rate',
    boolean: false,
    polarity: 'lower_is_better',
    derivedFrom: ['leavers', 'headcount_avg'],
    weightKey: 'headcount_avg',
  },
  { key: 'leavers', boolean: false, polarity: 'neutral' },
  { key: 'fcr_rate', boolean: false, polarity: 'higher_is_better' },
  { key: 'nps', boolean: false, polarity: 'higher_is_better' },
  { key: 'ces', boolean: false, polarity: 'lower_is_better' },
  { key: 'works_value_creating_contacts', boolean: true, polarity: 'neutral' },
];

export const DIFFERENCING = {
  rule: 'differencing',
  reason: {
    de: 'würde zusammen mit einer anderen Zahl desselben Jahres weniger als 5 Einheiten durch Differenzbildung offenlegen',
    en: 'would reveal fewer than 5 units by difference with another figure of the same cycle',
  },
};

/**
 * A banking unit of size M in DE, its own company's only unit, whose figures follow from its
 * training days t.
 */
function createTrendUnit(id: string, t: number, cesValue: number, yes: boolean): TrendUnit {
  return {
    id,
    company: `company of ${id}`,
    profile: { industry: 'banking', sizeBand: 'M', country: 'DE' },
    values: {
      training_days_new: t,
      attrition_rate: 40 - t,
      leavers: 2 * (40 - t),
      headcount_avg: 100 + t,
      fcr_rate: 50 + t,
      nps: t % 2 === 0 ? 29 : 31,
      ces: cesValue,
      works_value_creating_contacts: yes,
    },
  };
}

/**
 * Ten units A1..A10 (training days 11..20) take part in all three years with the same figures;
 * B1..B5 (30..34) join in 2023; C1 (40) joins in 2024. CES falls from 4 to 3.8 to 3.5 for all.
 * "Yes" to value-creating contacts: A1 in 2022; A1, A2 and B1 from 2023.
 */
export function createStudy(): TrendInput {
  const a = (ces: number, year: number): TrendUnit[] =>
    Array.from({ length: 10 }, (_, i) =>
      createTrendUnit(`A${i + 1}`, 11 + i, ces, i === 0 || (year > 2022 && i === 1)),
    );
  const b = (ces: number): TrendUnit[] =>
    Array.from({ length: 5 }, (_, i) => createTrendUnit(`B${i + 1}`, 30 + i, ces, i === 0));
  return {
    cycles: [
      { year: 2022, units: a(4, 2022) },
      { year: 2023, units: [...a(3.8, 2023), ...b(3.8)] },
      { year: 2024, units: [...a(3.5, 2024), ...b(3.5), createTrendUnit('C1', 40, 3.5, false)] },
    ],
    kpis: KPIS,
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
}

export function released<T>(figure: TrendFigure<T>): T {
  if (!figure.released) {
    throw new Error(`withheld: ${figure.suppression.reason.en}`);
  }
  return figure.value;
}
