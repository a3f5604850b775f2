import { Country, Industry, Sourcing, sizeBandFor } from '../profile/unit-profile';
import { SeededRandom, mixSeed, normalScores } from './seeded-random';
import { DemoCompanySpec, DemoUnitSpec } from './demo-data-generator';
import { clamp, max, roundInt, roundTo } from './demo-math.util';
import { COUNTRY_WEIGHTS, INDUSTRY_PROFILES, INDUSTRY_WEIGHTS } from './demo-industry-profiles';
import { CITIES, UNIT_PREFIXES, companyName } from './demo-names';
import { standardNormalCdf } from './demo-answers';

/** What a unit keeps across cycles: its standing relative to the other units. */
export interface UnitTraits {
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

/** The companies and units with the traits that carry over from cycle to cycle. */
export function createUnits(
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
