import { Country, CustomerType, Industry } from '../profile/unit-profile';

interface IndustryProfile {
  /** Multiplier of the overall agent FTE median of 80. */
  size: number;
  /** Median handling time in seconds. */
  aht: number;
  /** Contacts per active customer a year. */
  contactsPerCustomer: number;
  /** Share of contacts resolved in self-service or by a bot. */
  selfService: number;
  /** Weight among the participants. */
  weight: number;
  /** The word a company name of the industry ends in. */
  word: string;
  customerTypes: ReadonlyArray<readonly [CustomerType, number]>;
}

const B2C: ReadonlyArray<readonly [CustomerType, number]> = [
  ['b2c', 0.75],
  ['mixed', 0.2],
  ['b2b', 0.05],
];
const MIXED: ReadonlyArray<readonly [CustomerType, number]> = [
  ['b2c', 0.3],
  ['mixed', 0.45],
  ['b2b', 0.25],
];
const B2B: ReadonlyArray<readonly [CustomerType, number]> = [
  ['b2b', 0.7],
  ['mixed', 0.25],
  ['b2c', 0.05],
];

// Large consumer-facing industries run the big centers; B2B service desks are small.
export const INDUSTRY_PROFILES: Readonly<Record<Industry, IndustryProfile>> = {
  telecom: {
    size: 2.2,
    aht: 380,
    contactsPerCustomer: 1.4,
    selfService: 0.25,
    weight: 14,
    word: 'Telekom',
    customerTypes: B2C,
  },
  utilities: {
    size: 1.3,
    aht: 330,
    contactsPerCustomer: 0.9,
    selfService: 0.2,
    weight: 14,
    word: 'Energie',
    customerTypes: B2C,
  },
  banking: {
    size: 1.2,
    aht: 300,
    contactsPerCustomer: 0.8,
    selfService: 0.3,
    weight: 10,
    word: 'Bank',
    customerTypes: MIXED,
  },
  insurance: {
    size: 1.2,
    aht: 360,
    contactsPerCustomer: 0.6,
    selfService: 0.15,
    weight: 12,
    word: 'Versicherung',
    customerTypes: B2C,
  },
  retail: {
    size: 1,
    aht: 260,
    contactsPerCustomer: 0.5,
    selfService: 0.15,
    weight: 9,
    word: 'Handel',
    customerTypes: B2C,
  },
  ecommerce: {
    size: 0.9,
    aht: 240,
    contactsPerCustomer: 0.7,
    selfService: 0.3,
    weight: 10,
    word: 'Versand',
    customerTypes: B2C,
  },
  public: {
    size: 0.8,
    aht: 290,
    contactsPerCustomer: 0.4,
    selfService: 0.1,
    weight: 6,
    word: 'Service',
    customerTypes: B2C,
  },
  healthcare: {
    size: 0.6,
    aht: 340,
    contactsPerCustomer: 0.7,
    selfService: 0.1,
    weight: 7,
    word: 'Gesundheit',
    customerTypes: B2C,
  },
  travel: {
    size: 0.8,
    aht: 420,
    contactsPerCustomer: 0.9,
    selfService: 0.2,
    weight: 6,
    word: 'Reisen',
    customerTypes: B2C,
  },
  it_services: {
    size: 0.5,
    aht: 520,
    contactsPerCustomer: 3,
    selfService: 0.2,
    weight: 6,
    word: 'Systems',
    customerTypes: B2B,
  },
  manufacturing: {
    size: 0.4,
    aht: 450,
    contactsPerCustomer: 2,
    selfService: 0.08,
    weight: 4,
    word: 'Technik',
    customerTypes: B2B,
  },
  media: {
    size: 0.6,
    aht: 280,
    contactsPerCustomer: 0.6,
    selfService: 0.2,
    weight: 2,
    word: 'Medien',
    customerTypes: MIXED,
  },
};
export const INDUSTRY_WEIGHTS = (Object.keys(INDUSTRY_PROFILES) as Industry[]).map(
  (industry) => [industry, INDUSTRY_PROFILES[industry].weight] as const,
);

export const COUNTRY_WEIGHTS: ReadonlyArray<readonly [Country, number]> = [
  ['DE', 0.66],
  ['AT', 0.14],
  ['CH', 0.14],
  ['LU', 0.01],
  ['NL', 0.01],
  ['PL', 0.02],
  ['CZ', 0.02],
];

/** Annual fully loaded cost of one customer-service employee, in euros, by country. */
export const COST_PER_HEAD: Partial<Record<Country, number>> = {
  DE: 62_000,
  AT: 58_000,
  CH: 98_000,
  LU: 75_000,
  NL: 64_000,
  PL: 28_000,
  CZ: 27_000,
};
