import { quantileLinear } from '../benchmark/quantiles';
import { Country, CustomerType, Industry, Sourcing, sizeBandFor } from '../profile/unit-profile';
import { SeededRandom, mixSeed, normalScores } from './seeded-random';

// Bound once: under Jest every lookup of the global Math goes through the test context's global
// object, which made the 100,000-unit run several times slower than in plain Node.
const { SQRT2, abs, exp, floor, max, min, pow, round: roundInt } = Math;

/** A unit of the demo study: one contact center of a company, with its peer-group profile. */
export interface DemoUnitSpec {
  key: string;
  companyKey: string;
  name: string;
  industry: Industry;
  country: Country;
  customerType: CustomerType;
  sourcing: Sourcing;
  /** Agent FTE in the unit's first cycle; the answers drift a little from year to year. */
  agentFte: number;
}

/** A participating company (an organisation with one or more units). */
export interface DemoCompanySpec {
  key: string;
  name: string;
}

/** One unit's answers to the demo catalogue for one cycle (reference year). */
export interface DemoSubmissionSpec {
  unitKey: string;
  year: number;
  /** Input items of `DEMO_CATALOGUE` only; a blank optional item is absent. */
  answers: Record<string, number | boolean | string>;
  /** True when a value was planted for plausibility review to flag. */
  implausible: boolean;
}

/** Companies, units and their submissions, submissions ordered by year, then unit. */
export interface DemoDataset {
  companies: DemoCompanySpec[];
  units: DemoUnitSpec[];
  submissions: DemoSubmissionSpec[];
}

/** Options of `generateDemoData`; every one has a default. */
export interface DemoDataOptions {
  /** 32-bit seed; the same seed gives the same data set. Default 20260101. */
  seed?: number;
  /** Number of units. Default 180. */
  units?: number;
  /** Reference years of the cycles, ascending. Default [2023, 2024, 2025]. */
  years?: number[];
}

/** Per reference year: the calibration targets (published figures for 2023 and 2024). */
interface YearTargets {
  trainingNewMedian: number;
  trainingOngoingMedian: number;
  attritionMedian: number;
  valueCreatingShare: number;
  upsellPooled: number;
  costPerCustomerShare: number;
  cesMean: number;
  /** The median of CES over the units that measure it. */
  cesMedian: number;
  measuresCesShare: number;
  digitalShift: number;
}

// 2024 is the latest published cycle, 2023 the one before; 2025 continues the trends mildly.
const TARGETS: Readonly<Record<number, YearTargets>> = {
  2023: {
    trainingNewMedian: 20.8,
    trainingOngoingMedian: 5,
    attritionMedian: 30,
    valueCreatingShare: 0.1,
    upsellPooled: 7,
    costPerCustomerShare: 0.1,
    cesMean: 3.7,
    cesMedian: 3.6,
    measuresCesShare: 0.32,
    digitalShift: 0,
  },
  2024: {
    trainingNewMedian: 27,
    trainingOngoingMedian: 5.5,
    attritionMedian: 23,
    valueCreatingShare: 0.13,
    upsellPooled: 8,
    costPerCustomerShare: 0.13,
    cesMean: 3.45,
    cesMedian: 3.4,
    measuresCesShare: 0.36,
    digitalShift: 0.03,
  },
  2025: {
    trainingNewMedian: 28.5,
    trainingOngoingMedian: 6,
    attritionMedian: 21.5,
    valueCreatingShare: 0.15,
    upsellPooled: 8.5,
    costPerCustomerShare: 0.15,
    cesMean: 3.3,
    cesMedian: 3.3,
    measuresCesShare: 0.4,
    digitalShift: 0.05,
  },
};

/** Targets of a year outside 2023-2025: the nearest known year's. */
function targetsFor(year: number): YearTargets {
  return TARGETS[min(2025, max(2023, year))];
}

/** First-contact resolution gained per additional training day (the cockpit's business case). */
const FCR_PER_TRAINING_DAY = 0.9;
/** Share of optional items a submitter leaves blank. */
const BLANK_SHARE = 0.1;
/** Share of a cycle's submissions with one planted implausible value (4 of 180). */
const IMPLAUSIBLE_SHARE = 0.022;

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
const INDUSTRY_PROFILES: Readonly<Record<Industry, IndustryProfile>> = {
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
const INDUSTRY_WEIGHTS = (Object.keys(INDUSTRY_PROFILES) as Industry[]).map(
  (industry) => [industry, INDUSTRY_PROFILES[industry].weight] as const,
);

const COUNTRY_WEIGHTS: ReadonlyArray<readonly [Country, number]> = [
  ['DE', 0.66],
  ['AT', 0.14],
  ['CH', 0.14],
  ['LU', 0.01],
  ['NL', 0.01],
  ['PL', 0.02],
  ['CZ', 0.02],
];

/** Annual fully loaded cost of one customer-service employee, in euros, by country. */
const COST_PER_HEAD: Partial<Record<Country, number>> = {
  DE: 62_000,
  AT: 58_000,
  CH: 98_000,
  LU: 75_000,
  NL: 64_000,
  PL: 28_000,
  CZ: 27_000,
};

const CITIES: Partial<Record<Country, readonly string[]>> = {
  DE: [
    'Berlin',
    'Hamburg',
    'München',
    'Köln',
    'Frankfurt am Main',
    'Stuttgart',
    'Düsseldorf',
    'Leipzig',
    'Dortmund',
    'Essen',
    'Bremen',
    'Dresden',
    'Hannover',
    'Nürnberg',
    'Duisburg',
    'Bochum',
    'Bielefeld',
    'Bonn',
    'Münster',
    'Mannheim',
    'Karlsruhe',
    'Augsburg',
    'Wiesbaden',
    'Magdeburg',
    'Rostock',
    'Kiel',
    'Erfurt',
    'Saarbrücken',
    'Potsdam',
    'Freiburg',
    'Halle',
    'Kassel',
    'Osnabrück',
    'Regensburg',
    'Würzburg',
    'Schwerin',
  ],
  AT: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'St. Pölten', 'Wels'],
  CH: ['Zürich', 'Bern', 'Basel', 'Luzern', 'St. Gallen', 'Winterthur', 'Zug', 'Aarau', 'Chur'],
  LU: ['Luxemburg'],
  NL: ['Venlo', 'Enschede'],
  PL: ['Stettin', 'Breslau', 'Danzig'],
  CZ: ['Brünn', 'Pilsen'],
};

const NAME_STARTS = [
  'Nord',
  'Süd',
  'West',
  'Ost',
  'Alpen',
  'Rhein',
  'Main',
  'Elb',
  'Donau',
  'Isar',
  'Helv',
  'Berg',
  'Tal',
  'Lin',
  'Ver',
  'Kon',
  'Pro',
  'Inter',
  'Sana',
  'Terra',
  'Aqua',
  'Vita',
  'Lumen',
  'Hansa',
  'Saxo',
  'Bava',
  'Ten',
  'Quer',
  'Stern',
  'Licht',
];
const NAME_ENDS = [
  'werk',
  'tec',
  'ion',
  'ova',
  'ara',
  'stadt',
  'feld',
  'gold',
  'net',
  'ria',
  'mark',
  'tal',
  'kraft',
  'fels',
  'lux',
  'vis',
  'ona',
  'ium',
  'quell',
  'blick',
];
const UNIT_PREFIXES = ['Kundenservice', 'Servicecenter', 'Kundendialog', 'Customer Care'];

const CHOICES_HORIZON = ['short_term', 'medium_term', 'long_term'] as const;

// Keys the generator may leave blank: every optional input. Required inputs are always given.
const OPTIONAL_INPUTS: ReadonlySet<string> = new Set([
  'strategy_horizon',
  'training_days_new',
  'training_days_ongoing',
  'sickness_rate',
  'agents_per_team_lead',
  'employee_nps',
  'contacts_phone',
  'contacts_email',
  'contacts_chat',
  'contacts_messaging',
  'contacts_social',
  'contacts_selfservice',
  'service_level',
  'service_level_target_seconds',
  'asa_seconds',
  'abandonment_rate',
  'aht_seconds',
  'fcr_rate',
  'occupancy_rate',
  'value_creating_contacts',
  'upsell_contact_share',
  'service_revenue',
  'csat',
  'nps',
  'ces',
  'complaints_per_1000',
]);

/** What a unit keeps across cycles: its standing relative to the other units. */
interface UnitTraits {
  spec: DemoUnitSpec;
  firstYearIndex: number;
  lastYearIndex: number;
  zTrainingNew: number;
  zTrainingOngoing: number;
  zAttrition: number;
  /** Uniform in (0, 1): the lower, the earlier the unit adopts value-creating contacts. */
  uValueCreating: number;
  uCostPerCustomer: number;
  uMeasuresCes: number;
  fcrBase: number;
  ahtBase: number;
  npsBase: number;
  cesBase: number;
  csatBase: number;
  serviceLevelBase: number;
  contactsPerFte: number;
  upsellFactor: number;
  measuresNps: boolean;
  measuresCsat: boolean;
  strategyLevel: number;
}

const roundTo = (value: number, digits = 0): number => {
  const factor = 10 ** digits;
  return roundInt(value * factor) / factor;
};
const clamp = (value: number, low: number, high: number): number => min(high, max(low, value));

function companyName(
  rng: SeededRandom,
  industry: Industry,
  country: Country,
  taken: Set<string>,
): string {
  const legalForms =
    country === 'CH' ? ['AG', 'AG', 'GmbH'] : ['GmbH', 'AG', 'GmbH', 'SE', 'GmbH & Co. KG'];
  for (let attempt = 0; ; attempt++) {
    const stem = rng.pick(NAME_STARTS) + rng.pick(NAME_ENDS);
    const base = `${stem} ${INDUSTRY_PROFILES[industry].word} ${rng.pick(legalForms)}`;
    // The syllables give some twenty thousand names; beyond them (huge test data sets only) a
    // number keeps the names unique.
    const name = attempt < 8 ? base : `${base} ${taken.size + 1}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** The companies and units with the traits that carry over from cycle to cycle. */
function createUnits(
  seed: number,
  unitCount: number,
  yearCount: number,
): { companies: DemoCompanySpec[]; traits: UnitTraits[] } {
  const rng = new SeededRandom(mixSeed(seed, 1));
  // About 1.5 units per company: most companies take part with one center, some with several.
  const companyCount = max(1, roundInt(unitCount / 1.5));
  const companies: DemoCompanySpec[] = [];
  const companyProfiles: Array<{ industry: Industry; country: Country }> = [];
  const takenNames = new Set<string>();
  const pad = max(4, String(max(companyCount, unitCount)).length);
  for (let index = 0; index < companyCount; index++) {
    const industry = rng.weighted(INDUSTRY_WEIGHTS);
    const country = rng.weighted(COUNTRY_WEIGHTS);
    companies.push({
      key: `company-${String(index + 1).padStart(pad, '0')}`,
      name: companyName(rng, industry, country, takenNames),
    });
    companyProfiles.push({ industry, country });
  }

  // Raw latent draws; normal scores below turn them into exactly standard normal spreads.
  const rawTrainingNew = new Float64Array(unitCount);
  const rawTrainingOngoing = new Float64Array(unitCount);
  const rawAttrition = new Float64Array(unitCount);
  const rawValue = new Float64Array(unitCount);
  const rawCost = new Float64Array(unitCount);
  const rawCes = new Float64Array(unitCount);
  for (let index = 0; index < unitCount; index++) {
    rawTrainingNew[index] = rng.normal();
    rawTrainingOngoing[index] = rng.normal();
    // More basic and ongoing training goes with lower attrition.
    rawAttrition[index] =
      -0.45 * rawTrainingNew[index] - 0.25 * rawTrainingOngoing[index] + 0.86 * rng.normal();
    rawValue[index] = rng.normal();
    // Organisations that manage by value-creating contacts tend to measure cost per customer.
    rawCost[index] = 0.5 * rawValue[index] + 0.87 * rng.normal();
    rawCes[index] = rng.normal();
  }
  const zTrainingNew = normalScores(rawTrainingNew);
  const zTrainingOngoing = normalScores(rawTrainingOngoing);
  const zAttrition = normalScores(rawAttrition);
  const uValue = normalScores(rawValue).map(standardNormalCdf);
  const uCost = normalScores(rawCost).map(standardNormalCdf);
  const uCes = normalScores(rawCes).map(standardNormalCdf);

  const unitNamesByCompany = new Map<number, Set<string>>();
  const traits: UnitTraits[] = [];
  for (let index = 0; index < unitCount; index++) {
    // The first units give every company one center; the rest join random companies.
    const companyIndex = index < companyCount ? index : rng.int(0, companyCount - 1);
    const company = companyProfiles[companyIndex];
    const profile = INDUSTRY_PROFILES[company.industry];
    // A company's further centers are mostly in its home country, some abroad (near-shoring).
    const country =
      index < companyCount || rng.bernoulli(0.8) ? company.country : rng.weighted(COUNTRY_WEIGHTS);
    const names = unitNamesByCompany.get(companyIndex) ?? new Set<string>();
    unitNamesByCompany.set(companyIndex, names);
    let name = `Kundenservice ${rng.pick(CITIES[country] ?? ['Zentrale'])}`;
    for (let attempt = 0; names.has(name); attempt++) {
      const prefix = UNIT_PREFIXES[attempt % UNIT_PREFIXES.length];
      const city = rng.pick(CITIES[country] ?? ['Zentrale']);
      name = attempt < 12 ? `${prefix} ${city}` : `${prefix} ${city} ${names.size + 1}`;
    }
    names.add(name);

    const agentFte = roundTo(clamp(rng.logNormal(80 * profile.size, 0.95), 3, 15000), 1);
    const band = sizeBandFor(agentFte);
    const sourcing = rng.weighted<Sourcing>([
      ['inhouse', 0.6],
      ['mixed', 0.25],
      ['outsourced', 0.15],
    ]);

    // Panel: most units take part in every cycle, about 5 % join later and 5 % drop out.
    let firstYearIndex = 0;
    let lastYearIndex = yearCount - 1;
    if (yearCount > 1) {
      const draw = rng.next();
      if (draw < 0.05) {
        firstYearIndex = rng.int(1, yearCount - 1);
      } else if (draw < 0.1) {
        lastYearIndex = rng.int(0, yearCount - 2);
      }
    }
    // Larger centers measure more: they have the staff for surveys.
    const measureBoost = { S: -0.1, M: 0, L: 0.08, XL: 0.15 }[band];

    traits.push({
      spec: {
        key: `unit-${String(index + 1).padStart(pad, '0')}`,
        companyKey: companies[companyIndex].key,
        name,
        industry: company.industry,
        country,
        customerType: rng.weighted(profile.customerTypes),
        sourcing,
        agentFte,
      },
      firstYearIndex,
      lastYearIndex,
      zTrainingNew: zTrainingNew[index],
      zTrainingOngoing: zTrainingOngoing[index],
      zAttrition: zAttrition[index],
      uValueCreating: uValue[index],
      uCostPerCustomer: uCost[index],
      uMeasuresCes: clamp(uCes[index] - measureBoost, 0.0001, 0.9999),
      fcrBase: rng.normal(66, 4.5),
      ahtBase: rng.logNormal(profile.aht * (sourcing === 'outsourced' ? 0.9 : 1), 0.2),
      npsBase: rng.normal(22, 18),
      cesBase: rng.normal(0, 0.7),
      csatBase: rng.normal(0, 5),
      serviceLevelBase: rng.normal(78, 7),
      contactsPerFte: rng.logNormal(8500, 0.25),
      upsellFactor: rng.logNormal(1, 0.5),
      measuresNps: rng.bernoulli(0.55 + measureBoost),
      measuresCsat: rng.bernoulli(0.75 + measureBoost),
      strategyLevel: rng.normal(),
    });
  }
  return { companies, traits };
}

/** The standard normal distribution function (Abramowitz-Stegun 7.1.26, error below 1.5e-7). */
function standardNormalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (abs(z) / SQRT2));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** One unit's answers for one cycle, before the cycle-wide calibration of the upsell share. */
function answerCycle(
  unit: UnitTraits,
  year: number,
  yearIndex: number,
  rng: SeededRandom,
): Record<string, number | boolean | string> {
  const target = targetsFor(year);
  const profile = INDUSTRY_PROFILES[unit.spec.industry];
  const answers: Record<string, number | boolean | string> = {};

  // Strategy: each step builds on the one before; the share of units with a strategy grows.
  const strategy = unit.strategyLevel + 0.1 * yearIndex;
  answers.has_service_strategy = strategy > -0.35;
  answers.strategy_measures_derived = strategy > 0.05;
  answers.strategy_plan_budgeted = strategy > 0.5;
  answers.organisation_prepared = strategy > 0.8 || (strategy > 0.2 && rng.bernoulli(0.3));
  if (answers.has_service_strategy) {
    answers.strategy_horizon = CHOICES_HORIZON[strategy > 1 ? 2 : strategy > 0.3 ? 1 : 0];
  }

  // Employees. Headcount adds part-timers, team leads and support functions to the agent FTE.
  const agentFte = roundTo(
    clamp(unit.spec.agentFte * exp(0.03 * yearIndex + rng.normal(0, 0.05)), 1, 20000),
    1,
  );
  const headcount = roundTo(max(1, agentFte * rng.uniform(1.12, 1.4)), 1);
  const trainingNew = roundTo(
    clamp(target.trainingNewMedian * exp(0.35 * unit.zTrainingNew + rng.normal(0, 0.04)), 2, 120),
    1,
  );
  const trainingOngoing = roundTo(
    clamp(
      target.trainingOngoingMedian * exp(0.4 * unit.zTrainingOngoing + rng.normal(0, 0.05)),
      0.5,
      30,
    ),
    1,
  );
  const attrition = clamp(
    target.attritionMedian * exp(0.4 * unit.zAttrition + rng.normal(0, 0.04)),
    2,
    150,
  );
  answers.agent_fte = agentFte;
  answers.headcount_avg = headcount;
  answers.leavers = min(roundInt((headcount * attrition) / 100), floor(2 * headcount));
  answers.training_days_new = trainingNew;
  answers.training_days_ongoing = trainingOngoing;
  const sicknessBase = unit.spec.country === 'CH' ? 4.8 : unit.spec.country === 'AT' ? 6.4 : 7.4;
  answers.sickness_rate = roundTo(
    clamp(rng.normal(sicknessBase + (attrition - 25) * 0.04, 1.6), 1.5, 18),
    1,
  );
  answers.agents_per_team_lead = roundTo(clamp(rng.normal(14, 3), 5, max(5, headcount)), 1);
  answers.employee_nps = roundInt(clamp(rng.normal(12 - 0.4 * (attrition - 25), 15), -80, 80));

  // Volume: the agents' contacts by channel, bot and self-service on top, and a small remainder
  // (misrouted or uncategorised contacts) so that the channels never exceed the total.
  const agentContacts = agentFte * unit.contactsPerFte;
  const digital = clamp(rng.normal(0.32 + target.digitalShift, 0.08), 0.05, 0.8);
  const shares = {
    contacts_phone: 1 - digital,
    contacts_email: digital * 0.6,
    contacts_chat: digital * 0.22,
    contacts_messaging: digital * 0.12,
    contacts_social: digital * 0.06,
  };
  let channelSum = 0;
  for (const [key, share] of Object.entries(shares)) {
    const contacts = roundInt(agentContacts * share * rng.uniform(0.9, 1.1));
    answers[key] = contacts;
    channelSum += contacts;
  }
  const selfService = roundInt(
    (agentContacts * clamp(rng.normal(profile.selfService + target.digitalShift, 0.05), 0, 0.6)) /
      (1 - profile.selfService),
  );
  answers.contacts_selfservice = selfService;
  channelSum += selfService;
  const contactsTotal = max(1, roundInt(channelSum * rng.uniform(1, 1.015)));
  answers.contacts_total = contactsTotal;
  const customerType = unit.spec.customerType;
  const perCustomer =
    profile.contactsPerCustomer * (customerType === 'b2b' ? 2 : 1) * rng.logNormal(1, 0.15);
  answers.active_customers = max(1, roundInt(contactsTotal / perCustomer));

  // Productivity and quality. Each training day adds the business-case FCR, basic and ongoing
  // alike; the reference is the 2023 median so that FCR rises with the training over the cycles.
  const serviceLevel = clamp(unit.serviceLevelBase + rng.normal(0, 2.5), 40, 98);
  answers.service_level = roundTo(serviceLevel, 1);
  answers.service_level_target_seconds = unit.serviceLevelBase > 80 ? 20 : 30;
  answers.asa_seconds = roundTo(
    clamp(rng.logNormal(25 * exp((80 - serviceLevel) / 12), 0.2), 3, 900),
  );
  answers.abandonment_rate = roundTo(
    clamp(rng.normal(4 + (80 - serviceLevel) * 0.15, 1), 0.5, 25),
    1,
  );
  answers.aht_seconds = roundInt(clamp(unit.ahtBase * rng.logNormal(1, 0.04), 60, 1800));
  const trainingEffect = FCR_PER_TRAINING_DAY * (trainingNew + trainingOngoing - 26);
  answers.fcr_rate = roundTo(clamp(unit.fcrBase + trainingEffect + rng.normal(0, 2.5), 30, 98), 1);
  answers.occupancy_rate = roundTo(clamp(rng.normal(80, 4.5), 60, 95), 1);

  // Value.
  const worksValueCreating = unit.uValueCreating < target.valueCreatingShare;
  answers.works_value_creating_contacts = worksValueCreating;
  answers.value_creating_contacts = roundInt(
    contactsTotal * clamp(rng.normal(worksValueCreating ? 0.45 : 0.25, 0.08), 0.02, 0.95),
  );
  const upsell = clamp(
    target.upsellPooled * unit.upsellFactor * (worksValueCreating ? 1.5 : 0.95),
    0.2,
    40,
  );
  answers.upsell_contact_share = roundTo(upsell, 1);
  answers.service_revenue = roundInt(
    ((contactsTotal * upsell) / 100) * 0.22 * rng.logNormal(90, 0.3),
  );

  // Customer. CES falls over the cycles; NPS holds steady.
  answers.measures_nps = unit.measuresNps;
  answers.measures_ces = unit.uMeasuresCes < target.measuresCesShare;
  answers.measures_csat = unit.measuresCsat;
  if (unit.measuresCsat) {
    answers.csat = roundTo(
      clamp(74 + unit.csatBase + 0.3 * (unit.fcrBase - 66) + rng.normal(0, 2), 40, 98),
      1,
    );
  }
  if (unit.measuresNps) {
    answers.nps = roundInt(clamp(unit.npsBase + rng.normal(0, 4), -90, 90));
  }
  if (answers.measures_ces) {
    answers.ces = roundTo(clamp(target.cesMean + unit.cesBase + rng.normal(0, 0.15), 1, 7), 1);
  }
  answers.complaints_per_1000 = roundTo(clamp(rng.logNormal(3, 0.6), 0.1, 60), 1);

  // Cost.
  const costPerHead = COST_PER_HEAD[unit.spec.country] ?? 60_000;
  answers.service_cost_total = roundInt(
    headcount * costPerHead * 1.3 * pow(1.03, yearIndex) * rng.logNormal(1, 0.1),
  );
  answers.measures_cost_per_customer = unit.uCostPerCustomer < target.costPerCustomerShare;

  for (const key of OPTIONAL_INPUTS) {
    if (key in answers && rng.bernoulli(BLANK_SHARE)) {
      delete answers[key];
    }
  }
  return answers;
}

/**
 * Plants one implausible value, still within the item's hard bounds so that the draft saves
 * and only plausibility review can catch it.
 */
function plantImplausible(
  answers: Record<string, number | boolean | string>,
  unit: UnitTraits,
  kind: number,
): void {
  switch (kind % 4) {
    case 0:
      // A handling time typed in tenths of seconds: ten times the unit's usual AHT.
      answers.aht_seconds = min(7200, roundInt(unit.ahtBase * 10));
      break;
    case 1:
      answers.sickness_rate = 45;
      break;
    case 2:
      answers.asa_seconds = min(3600, roundInt(unit.ahtBase * 8));
      break;
    default:
      answers.complaints_per_1000 = 480;
      break;
  }
}

/**
 * Generates the deterministic demo data set of the "Contact Center Benchmark DACH" study: a
 * panel of units answering every input item of `DEMO_CATALOGUE` for each cycle, calibrated to
 * the published Service Excellence Cockpit figures (see DESIGN.md), with about 10 % of the
 * optional items blank and a few planted implausible values (`implausible: true`).
 *
 * The same seed gives deep-equal output. A unit's answers come from a stream of its own, and
 * besides the result only a few numbers per unit are kept, so 100,000 units of one cycle take
 * a few seconds.
 */
export function generateDemoData(options: DemoDataOptions = {}): DemoDataset {
  const seed = options.seed ?? 20260101;
  const unitCount = options.units ?? 180;
  const years = options.years ?? [2023, 2024, 2025];
  const { companies, traits } = createUnits(seed, unitCount, years.length);
  const submissions: DemoSubmissionSpec[] = [];

  years.forEach((year, yearIndex) => {
    const cycle: DemoSubmissionSpec[] = [];
    const cycleTraits: UnitTraits[] = [];
    traits.forEach((unit, unitIndex) => {
      if (yearIndex < unit.firstYearIndex || yearIndex > unit.lastYearIndex) {
        return;
      }
      const rng = new SeededRandom(mixSeed(seed, 2, unitIndex, year));
      cycle.push({
        unitKey: unit.spec.key,
        year,
        answers: answerCycle(unit, year, yearIndex, rng),
        implausible: false,
      });
      cycleTraits.push(unit);
    });

    // The upsell share is published pooled over contacts, where a few large centers weigh most;
    // scaling the cycle's shares onto the target keeps the figure independent of which large
    // centers the seed happened to draw.
    let upsellContacts = 0;
    let contacts = 0;
    for (const submission of cycle) {
      const share = submission.answers.upsell_contact_share;
      const total = submission.answers.contacts_total;
      if (typeof share === 'number' && typeof total === 'number') {
        upsellContacts += (share / 100) * total;
        contacts += total;
      }
    }
    const scale =
      upsellContacts > 0 ? (targetsFor(year).upsellPooled / 100) * (contacts / upsellContacts) : 1;
    for (const submission of cycle) {
      const share = submission.answers.upsell_contact_share;
      if (typeof share === 'number') {
        submission.answers.upsell_contact_share = roundTo(clamp(share * scale, 0, 100), 1);
      }
    }

    // CES is published as falling while NPS holds. Only the units that measure it answer, so a
    // cycle's median moves with which units joined the measuring ones; shifting the cycle's
    // values onto the target median keeps the published direction whatever the seed drew.
    const ces = cycle
      .map((submission) => submission.answers.ces)
      .filter((value): value is number => typeof value === 'number')
      .sort((a, b) => a - b);
    if (ces.length > 0) {
      const shift = targetsFor(year).cesMedian - quantileLinear(ces, 0.5);
      for (const submission of cycle) {
        const value = submission.answers.ces;
        if (typeof value === 'number') {
          submission.answers.ces = roundTo(clamp(value + shift, 1, 7), 1);
        }
      }
    }

    // A partial shuffle picks the units with planted implausible values.
    const rng = new SeededRandom(mixSeed(seed, 3, year));
    const implausibleCount = min(cycle.length, roundInt(cycle.length * IMPLAUSIBLE_SHARE));
    const order = Array.from({ length: cycle.length }, (_, index) => index);
    for (let pick = 0; pick < implausibleCount; pick++) {
      const swap = rng.int(pick, order.length - 1);
      [order[pick], order[swap]] = [order[swap], order[pick]];
      const submission = cycle[order[pick]];
      plantImplausible(submission.answers, cycleTraits[order[pick]], pick + yearIndex);
      submission.implausible = true;
    }
    // A loop, not push(...cycle): spreading 100,000 arguments overflows the call stack.
    for (const submission of cycle) {
      submissions.push(submission);
    }
  });

  return { companies, units: traits.map((unit) => unit.spec), submissions };
}
