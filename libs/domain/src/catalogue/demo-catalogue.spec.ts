import { Answers, loadCatalogue } from './catalogue';
import { KPI_AREAS } from './catalogue-definition';
import { DEMO_CATALOGUE } from './demo-catalogue';

/** A mid-sized contact center whose derived KPIs are worked out by hand in the tests below. */
const ANSWERS: Answers = {
  has_service_strategy: true,
  strategy_measures_derived: true,
  strategy_plan_budgeted: false,
  organisation_prepared: true,
  strategy_horizon: 'medium_term',
  agent_fte: 72,
  headcount_avg: 80,
  leavers: 12,
  contacts_phone: 240_000,
  contacts_email: 90_000,
  contacts_chat: 36_000,
  contacts_messaging: 12_000,
  contacts_social: 6_000,
  contacts_selfservice: 16_000,
  contacts_total: 400_000,
  active_customers: 160_000,
  works_value_creating_contacts: true,
  value_creating_contacts: 60_000,
  service_revenue: 500_000,
  service_cost_total: 1_800_000,
  measures_cost_per_customer: false,
  measures_nps: true,
  nps: 31,
  measures_ces: true,
  ces: 3.2,
  measures_csat: false,
};

describe('DEMO_CATALOGUE', () => {
  const catalogue = loadCatalogue(DEMO_CATALOGUE);

  it('loads as cc-benchmark-dach version 1', () => {
    expect(catalogue.key).toBe('cc-benchmark-dach');
    expect(catalogue.version).toBe(1);
    expect(catalogue.name).toEqual({
      de: 'Contact Center Benchmark DACH',
      en: 'Contact Center Benchmark DACH',
    });
  });

  it('has at least 45 items over all seven areas', () => {
    expect(catalogue.items.length).toBeGreaterThanOrEqual(45);
    expect(catalogue.areas()).toEqual([...KPI_AREAS]);
  });

  it('has the KPIs of the study design, derived where the design says so', () => {
    const derived = [
      'strategy_maturity',
      'attrition_rate',
      'contacts_per_customer',
      'digital_share',
      'automation_rate',
      'cost_per_contact',
      'cost_per_customer',
    ];
    const inputs = [
      'has_service_strategy',
      'strategy_measures_derived',
      'strategy_plan_budgeted',
      'organisation_prepared',
      'agent_fte',
      'headcount_avg',
      'leavers',
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
      'contacts_total',
      'active_customers',
      'service_level',
      'asa_seconds',
      'abandonment_rate',
      'aht_seconds',
      'fcr_rate',
      'occupancy_rate',
      'works_value_creating_contacts',
      'value_creating_contacts',
      'upsell_contact_share',
      'service_revenue',
      'csat',
      'nps',
      'ces',
      'complaints_per_1000',
      'service_cost_total',
      'measures_cost_per_customer',
      'measures_nps',
      'measures_ces',
      'measures_csat',
    ];
    expect(catalogue.derived().map((item) => item.key)).toEqual(expect.arrayContaining(derived));
    expect(catalogue.inputs().map((item) => item.key)).toEqual(expect.arrayContaining(inputs));
  });

  it('bounds NPS to -100..100 and CES to 1..7 with lower CES better', () => {
    expect(catalogue.item('nps')).toMatchObject({
      min: -100,
      max: 100,
      polarity: 'higher_is_better',
    });
    expect(catalogue.item('ces')).toMatchObject({ min: 1, max: 7, polarity: 'lower_is_better' });
  });

  it('pools contact rates by total contacts and does not benchmark raw volumes', () => {
    expect(catalogue.item('fcr_rate')?.weightKey).toBe('contacts_total');
    expect(catalogue.item('digital_share')?.weightKey).toBe('contacts_total');
    expect(catalogue.item('contacts_total')?.benchmarked).toBe(false);
    expect(catalogue.item('contacts_phone')?.benchmarked).toBe(false);
  });

  it('derives the KPIs of a hand-worked example', () => {
    const derived = catalogue.derive(ANSWERS);
    // 12 leavers / 80 average headcount * 100
    expect(derived.attrition_rate).toBe(15);
    // 400,000 contacts / 160,000 active customers
    expect(derived.contacts_per_customer).toBe(2.5);
    // (90,000 + 36,000 + 12,000 + 6,000 + 16,000) / 400,000 * 100 = 160,000 / 400,000 * 100
    expect(derived.digital_share).toBe(40);
    // 16,000 / 400,000 * 100
    expect(derived.automation_rate).toBe(4);
    // 1,800,000 EUR / 400,000 contacts
    expect(derived.cost_per_contact).toBe(4.5);
    // 1,800,000 EUR / 160,000 customers
    expect(derived.cost_per_customer).toBe(11.25);
    // 60,000 / 400,000 * 100
    expect(derived.value_creating_share).toBe(15);
    // 500,000 EUR / 400,000 contacts
    expect(derived.service_revenue_per_contact).toBe(1.25);
    // written strategy 2 + measures 1 + no budgeted plan 0 + organisation prepared 1
    expect(derived.strategy_maturity).toBe(4);
  });

  it('keeps full precision instead of rounding derived values', () => {
    // 13 / 84.5 * 100 = 15.384615...
    const { attrition_rate } = catalogue.derive({ ...ANSWERS, leavers: 13, headcount_avg: 84.5 });
    expect(attrition_rate).toBeCloseTo(15.384615384615, 10);
  });

  it('counts a blank channel as no contacts in the digital share', () => {
    const answers = { ...ANSWERS, contacts_social: null, contacts_phone: 246_000 };
    // (90,000 + 36,000 + 12,000 + 16,000) / 400,000 * 100 = 154,000 / 400,000 * 100
    expect(catalogue.derive(answers).digital_share).toBe(38.5);
  });

  it('finds no rule violated in the consistent example', () => {
    expect(catalogue.checkRules(ANSWERS)).toEqual([]);
  });

  it('refuses channel contacts above the total and warns about a shortfall over 2 %', () => {
    const above = catalogue.checkRules({ ...ANSWERS, contacts_total: 390_000 });
    expect(above.map((v) => [v.id, v.severity])).toEqual([['channels_not_above_total', 'error']]);
    // 400,000 channel contacts against 410,000: 2.4 % short
    const short = catalogue.checkRules({ ...ANSWERS, contacts_total: 410_000 });
    expect(short.map((v) => [v.id, v.severity])).toEqual([['channels_add_up_to_total', 'warning']]);
    // against 408,000: 1.96 % short, within the tolerance
    expect(catalogue.checkRules({ ...ANSWERS, contacts_total: 408_000 })).toEqual([]);
  });

  it('refuses leavers above twice the headcount and warns about FTE above 1.2 x headcount', () => {
    const violations = catalogue.checkRules({ ...ANSWERS, leavers: 170, agent_fte: 97 });
    expect(violations.map((v) => [v.id, v.severity])).toEqual([
      ['leavers_within_headcount', 'error'],
      ['attrition_plausible', 'warning'],
      ['agent_fte_within_headcount', 'warning'],
    ]);
  });

  it('refuses more value-creating contacts than contacts', () => {
    const violations = catalogue.checkRules({ ...ANSWERS, value_creating_contacts: 400_001 });
    expect(violations.map((v) => v.id)).toEqual(['value_contacts_within_total']);
  });

  it('warns about an NPS given although NPS is not measured, and only then', () => {
    const [violation, ...others] = catalogue.checkRules({ ...ANSWERS, measures_nps: false });
    expect(others).toEqual([]);
    expect(violation).toEqual({
      id: 'nps_only_when_measured',
      severity: 'warning',
      keys: ['nps', 'measures_nps'],
      message: {
        de: 'Ein NPS ist angegeben, obwohl der NPS laut Ihrer Angabe nicht gemessen wird.',
        en: 'An NPS is given although you state that NPS is not measured.',
      },
    });
    expect(catalogue.checkRules({ ...ANSWERS, measures_nps: false, nps: null })).toEqual([]);
  });

  it('gives the same hash for the same definition', () => {
    expect(loadCatalogue(structuredClone(DEMO_CATALOGUE)).hash).toBe(catalogue.hash);
  });
});
