import { SeededRandom } from './seeded-random';
import { SQRT2, abs, clamp, exp, floor, max, min, pow, roundInt, roundTo } from './demo-math.util';
import { UnitTraits } from './demo-units';
import { BLANK_SHARE, FCR_PER_TRAINING_DAY, targetsFor } from './demo-targets';
import { COST_PER_HEAD, INDUSTRY_PROFILES } from './demo-industry-profiles';

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

/** The standard normal distribution function (Abramowitz-Stegun 7.1.26, error below 1.5e-7). */
export function standardNormalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (abs(z) / SQRT2));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** One unit's answers for one cycle, before the cycle-wide calibration of the upsell share. */
export function answerCycle(
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
export function plantImplausible(
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
