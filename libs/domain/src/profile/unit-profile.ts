/**
 * The peer-group dimensions of a unit. The names are the same in the API, imports, filters
 * and reports.
 */
export const CUSTOMER_TYPES = ['b2b', 'b2c', 'mixed'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const SOURCINGS = ['inhouse', 'outsourced', 'mixed'] as const;
export type Sourcing = (typeof SOURCINGS)[number];

export const SIZE_BANDS = ['S', 'M', 'L', 'XL'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const INDUSTRIES = [
  'telecom',
  'utilities',
  'banking',
  'insurance',
  'retail',
  'ecommerce',
  'public',
  'healthcare',
  'travel',
  'it_services',
  'manufacturing',
  'media',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** ISO 3166-1 alpha-2 codes of the study region (German-speaking Europe and neighbours). */
export const COUNTRIES = [
  'DE',
  'AT',
  'CH',
  'LI',
  'LU',
  'NL',
  'BE',
  'IT',
  'FR',
  'PL',
  'CZ',
  'DK',
] as const;
export type Country = (typeof COUNTRIES)[number];

export const PROFILE_DIMENSIONS = [
  'industry',
  'country',
  'sizeBand',
  'customerType',
  'sourcing',
] as const;
export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number];

export interface UnitProfile {
  industry: Industry;
  country: Country;
  customerType: CustomerType;
  sourcing: Sourcing;
  /** Agent full-time equivalents; the size band follows from it. */
  agentFte: number;
  sizeBand: SizeBand;
}

/**
 * Upper bounds (exclusive) of the size bands in agent FTE. Bands follow the usual contact-center
 * size classes of the DACH studies: small teams below 50 agents, large sites from 200.
 */
const SIZE_BAND_LIMITS: ReadonlyArray<[SizeBand, number]> = [
  ['S', 50],
  ['M', 200],
  ['L', 1000],
];

/** The size band of a unit with the given agent FTE. */
export function sizeBandFor(agentFte: number): SizeBand {
  for (const [band, limit] of SIZE_BAND_LIMITS) {
    if (agentFte < limit) {
      return band;
    }
  }
  return 'XL';
}
