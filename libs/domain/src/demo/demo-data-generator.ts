import { quantileLinear } from '../benchmark/quantiles';
import { Country, CustomerType, Industry, Sourcing } from '../profile/unit-profile';
import { SeededRandom, mixSeed } from './seeded-random';
import { UnitTraits, createUnits } from './demo-units';
import { answerCycle, plantImplausible } from './demo-answers';
import { IMPLAUSIBLE_SHARE, targetsFor } from './demo-targets';
import { clamp, min, roundInt, roundTo } from './demo-math.util';

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
