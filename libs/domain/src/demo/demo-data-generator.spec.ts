import { loadCatalogue } from '../catalogue/catalogue';
import { DEMO_CATALOGUE } from '../catalogue/demo-catalogue';
import { DemoSubmissionSpec, generateDemoData } from './demo-data-generator';
import { SeededRandom, inverseNormalCdf, mixSeed } from './seeded-random';

// Figures are computed here by hand, independently of the generator's calibration code.
function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function numbers(submissions: DemoSubmissionSpec[], key: string): number[] {
  return submissions
    .map((submission) => submission.answers[key])
    .filter((value): value is number => typeof value === 'number');
}

function shareTrue(submissions: DemoSubmissionSpec[], key: string): number {
  return (
    submissions.filter((submission) => submission.answers[key] === true).length / submissions.length
  );
}

function attritionRates(submissions: DemoSubmissionSpec[]): number[] {
  return submissions.map(
    (submission) =>
      ((submission.answers.leavers as number) / (submission.answers.headcount_avg as number)) * 100,
  );
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and stays within [0, 1)', () => {
    const first = new SeededRandom(42);
    const second = new SeededRandom(42);
    const draws = Array.from({ length: 1000 }, () => first.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => second.next()));
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(new SeededRandom(43).next()).not.toBe(draws[0]);
  });

  it('draws normals with about the requested mean and spread', () => {
    const rng = new SeededRandom(7);
    const draws = Array.from({ length: 20000 }, () => rng.normal(10, 2));
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((sum, draw) => sum + (draw - mean) ** 2, 0) / draws.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    expect(median(Array.from({ length: 20001 }, () => rng.logNormal(80, 1)))).toBeGreaterThan(76);
  });

  it('inverts the normal distribution at known quantiles', () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 8);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.326348, 5);
  });

  it('mixes different parts into different seeds', () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(1, 3, 2));
  });
});

describe('generateDemoData', () => {
  const catalogue = loadCatalogue(DEMO_CATALOGUE);
  const data = generateDemoData();
  const cycle = (year: number): DemoSubmissionSpec[] =>
    data.submissions.filter((submission) => submission.year === year);

  it('gives deep-equal data for the same seed and different data for another seed', () => {
    expect(generateDemoData()).toEqual(data);
    expect(generateDemoData({ seed: 20260101 })).toEqual(data);
    expect(generateDemoData({ seed: 7 }).submissions).not.toEqual(data.submissions);
  });

  it('makes 180 units of 110 to 130 companies, every unit of a known company', () => {
    expect(data.units).toHaveLength(180);
    expect(data.companies.length).toBeGreaterThanOrEqual(110);
    expect(data.companies.length).toBeLessThanOrEqual(130);
    const companyKeys = new Set(data.companies.map((company) => company.key));
    expect(data.units.every((unit) => companyKeys.has(unit.companyKey))).toBe(true);
    expect(new Set(data.units.map((unit) => unit.key)).size).toBe(180);
    expect(new Set(data.companies.map((company) => company.name)).size).toBe(data.companies.length);
    expect(
      data.companies.every((company) => / (GmbH|AG|SE|GmbH & Co\. KG)$/.test(company.name)),
    ).toBe(true);
    expect(median(data.units.map((unit) => unit.agentFte))).toBeGreaterThan(60);
    expect(median(data.units.map((unit) => unit.agentFte))).toBeLessThan(110);
  });

  it('keeps a panel: most units answer every cycle, some join later or drop out', () => {
    const cyclesByUnit = new Map<string, number>();
    for (const submission of data.submissions) {
      cyclesByUnit.set(submission.unitKey, (cyclesByUnit.get(submission.unitKey) ?? 0) + 1);
    }
    const inAll = data.units.filter((unit) => cyclesByUnit.get(unit.key) === 3).length;
    expect(inAll / data.units.length).toBeGreaterThan(0.85);
    expect(inAll / data.units.length).toBeLessThan(0.95);
    expect(new Set(data.submissions.map((s) => `${s.unitKey}/${s.year}`)).size).toBe(
      data.submissions.length,
    );
  });

  it('answers only input items, every one of the right type and within its bounds', () => {
    const inputs = new Map(catalogue.inputs().map((item) => [item.key, item]));
    const problems: string[] = [];
    let optionalSlots = 0;
    let blanks = 0;
    for (const submission of data.submissions) {
      for (const [key, value] of Object.entries(submission.answers)) {
        const item = inputs.get(key);
        if (!item) {
          problems.push(`${submission.unitKey}/${submission.year}: ${key} is not an input`);
          continue;
        }
        const ok =
          item.type === 'boolean'
            ? typeof value === 'boolean'
            : item.type === 'choice'
              ? (item.choices ?? []).some((choice) => choice.value === value)
              : typeof value === 'number' &&
                Number.isFinite(value) &&
                (item.type !== 'integer' || Number.isInteger(value)) &&
                (item.min === undefined || value >= item.min) &&
                (item.max === undefined || value <= item.max);
        if (!ok) {
          problems.push(`${submission.unitKey}/${submission.year}: ${key} = ${String(value)}`);
        }
      }
      for (const item of inputs.values()) {
        if (item.required && !(item.key in submission.answers)) {
          problems.push(`${submission.unitKey}/${submission.year}: ${item.key} missing`);
        }
        if (!item.required) {
          optionalSlots++;
          blanks += item.key in submission.answers ? 0 : 1;
        }
      }
    }
    expect(problems).toEqual([]);
    // 10 % blank at random, more where an item is only answered when measured (NPS, CES, ...).
    expect(blanks / optionalSlots).toBeGreaterThan(0.08);
    expect(blanks / optionalSlots).toBeLessThan(0.25);
  });

  it('violates no error rule of the catalogue in any submission', () => {
    const errors = data.submissions.flatMap((submission) =>
      catalogue
        .checkRules(submission.answers)
        .filter((violation) => violation.severity === 'error')
        .map((violation) => `${submission.unitKey}/${submission.year}: ${violation.id}`),
    );
    expect(errors).toEqual([]);
  });

  it('plants 3 to 5 implausible values a cycle, within the hard bounds', () => {
    for (const year of [2023, 2024, 2025]) {
      const implausible = cycle(year).filter((submission) => submission.implausible);
      expect(implausible.length).toBeGreaterThanOrEqual(3);
      expect(implausible.length).toBeLessThanOrEqual(5);
    }
    const planted = data.submissions.filter((submission) => submission.implausible);
    expect(
      planted.every(
        (submission) =>
          (submission.answers.aht_seconds as number) > 1800 ||
          submission.answers.sickness_rate === 45 ||
          (submission.answers.asa_seconds as number) > 900 ||
          submission.answers.complaints_per_1000 === 480,
      ),
    ).toBe(true);
  });

  it('reproduces the published training figures: median 27 days in 2024, about 30 % up', () => {
    const median2023 = median(numbers(cycle(2023), 'training_days_new'));
    const median2024 = median(numbers(cycle(2024), 'training_days_new'));
    expect(median2024).toBeGreaterThanOrEqual(25);
    expect(median2024).toBeLessThanOrEqual(29);
    expect(median2024 / median2023).toBeGreaterThanOrEqual(1.25);
    expect(median2024 / median2023).toBeLessThanOrEqual(1.35);
  });

  it('lowers the median attrition by about 7 points from 2023 to 2024', () => {
    const drop = median(attritionRates(cycle(2023))) - median(attritionRates(cycle(2024)));
    expect(drop).toBeGreaterThanOrEqual(5.5);
    expect(drop).toBeLessThanOrEqual(8.5);
    // The derived KPI agrees with the hand-computed rate.
    const first = cycle(2024)[0];
    expect(catalogue.derive(first.answers).attrition_rate).toBeCloseTo(
      attritionRates([first])[0],
      9,
    );
  });

  it('has 13 % working by value-creating contacts and 13 % measuring cost per customer in 2024', () => {
    const value = shareTrue(cycle(2024), 'works_value_creating_contacts');
    const cost = shareTrue(cycle(2024), 'measures_cost_per_customer');
    expect(value).toBeGreaterThanOrEqual(0.11);
    expect(value).toBeLessThanOrEqual(0.15);
    expect(cost).toBeGreaterThanOrEqual(0.11);
    expect(cost).toBeLessThanOrEqual(0.15);
  });

  it('initiates an up- or cross-sell in 8 % of all contacts in 2024, pooled', () => {
    const answered = cycle(2024).filter((s) => typeof s.answers.upsell_contact_share === 'number');
    const upsell = answered.reduce(
      (sum, s) =>
        sum +
        ((s.answers.upsell_contact_share as number) / 100) * (s.answers.contacts_total as number),
      0,
    );
    const contacts = answered.reduce((sum, s) => sum + (s.answers.contacts_total as number), 0);
    expect(upsell / contacts).toBeGreaterThanOrEqual(0.07);
    expect(upsell / contacts).toBeLessThanOrEqual(0.09);
  });

  it('lets the CES median fall over the cycles while the NPS median holds steady', () => {
    expect(median(numbers(cycle(2025), 'ces'))).toBeLessThan(median(numbers(cycle(2023), 'ces')));
    const npsChange = median(numbers(cycle(2025), 'nps')) - median(numbers(cycle(2023), 'nps'));
    expect(Math.abs(npsChange)).toBeLessThanOrEqual(3);
  });

  it('gives about 0.9 points more FCR per basic training day in 2024 (least squares)', () => {
    const points = cycle(2024)
      .filter(
        (s) =>
          typeof s.answers.fcr_rate === 'number' && typeof s.answers.training_days_new === 'number',
      )
      .map((s): [number, number] => [
        s.answers.training_days_new as number,
        s.answers.fcr_rate as number,
      ]);
    expect(slope(points)).toBeGreaterThanOrEqual(0.6);
    expect(slope(points)).toBeLessThanOrEqual(1.2);
  });

  // Its speed at 100,000 units belongs to the benchmark scripts, not to a timed test.
  it('scales to any number of units, one submission each per cycle, with unique company names', () => {
    const large = generateDemoData({ units: 5_000, years: [2024] });
    expect(large.units).toHaveLength(5_000);
    expect(large.submissions).toHaveLength(5_000);
    expect(new Set(large.companies.map((company) => company.name)).size).toBe(
      large.companies.length,
    );
  });
});
