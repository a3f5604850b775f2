import { foldCategories, standingAlone } from '../benchmark/category-folding';
import { PROFILE_DIMENSION_VALUES } from '../benchmark/peer-group';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { UnitProfile } from '../profile/unit-profile';
import {
  discloseFigure,
  suppressedFigure,
  TREND_SUPPRESSION_REASONS,
  TrendFigure,
} from './trend-disclosure';

/** The profile dimensions participation is broken down by. */
export type ParticipationProfile = Pick<UnitProfile, 'industry' | 'sizeBand' | 'country'>;

/** The dimensions participation is broken down by, in the order of its tables. */
export type ParticipationDimension = keyof ParticipationProfile;

/** A unit of a cycle as participation counts it: its profile and the company that owns it. */
export interface ParticipationUnit {
  profile: ParticipationProfile;
  /** Any id of the company; folding counts the companies of a category, as the snapshot does. */
  company: string;
}

/** Values of one dimension counted as one category in a cycle, in value order. */
export interface ParticipationFold {
  dimension: ParticipationDimension;
  values: string[];
}

/** The number of a cycle's units in one category of a dimension. */
export interface BreakdownCell<K extends string> {
  category: K;
  units: TrendFigure<number>;
}

/** Who took part in a cycle. */
export interface CycleParticipation {
  year: number;
  units: TrendFigure<number>;
  /**
   * Each dimension's categories as the cycle's snapshot forms its peer groups (`foldCategories`):
   * values folded together are one category named as the peer-group list names the band
   * (`foldedCategory`: `L, XL`, `LU, NL, PL, CZ`), so that the trend's counts and the
   * snapshot's groups agree. Only the categories with at least one unit, in the order of the
   * profile's lists (a folded band at its first value).
   */
  byIndustry: Array<BreakdownCell<string>>;
  bySizeBand: Array<BreakdownCell<string>>;
  byCountry: Array<BreakdownCell<string>>;
  /**
   * The bands of two or more values counted as one category in this cycle, by dimension in the
   * order of the tables; empty when none was. Absent from trend data computed before industries
   * and countries were folded (see `participationFolding`).
   */
  folded?: ParticipationFold[];
  /**
   * Trend data computed when only size bands were folded carry these instead of `folded`: the
   * folded size bands (`[['L', 'XL']]`). Absent from data computed before any folding. Never
   * written any more; read through `participationFolding`.
   */
  foldedSizeBands?: string[][];
}

/**
 * The counts of one dimension's categories under the policy. A category of fewer than `minN`
 * units is withheld (`min_n`). Beside a released total, the sum of the withheld counts follows
 * from the total less the others: while that sum is below `minN` (a single withheld count, or
 * several small ones together), the smallest released count is withheld, too (`differencing`).
 * Then only a sum of at least `minN` units can be derived.
 *
 * @param order the known categories in display order; others follow in code-point order
 * @param categories one entry per unit
 * @param totalReleased whether the count of all units is published
 */
export function participationBreakdown<K extends string>(
  order: readonly K[],
  categories: readonly K[],
  totalReleased: boolean,
  policy: DisclosurePolicy,
): Array<BreakdownCell<K>> {
  const counts = new Map<K, number>();
  for (const category of categories) {
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const known = new Set<K>(order);
  const present = [
    ...order.filter((category) => counts.has(category)),
    ...[...counts.keys()].filter((category) => !known.has(category)).sort(),
  ];
  const cells = present.map((category): BreakdownCell<K> => {
    const n = counts.get(category) ?? 0;
    return { category, units: discloseFigure(n, () => n, policy) };
  });
  if (totalReleased) {
    // The total less the released counts is the sum of the withheld ones. While that is a count
    // of 1 to minN − 1 units (one withheld category, or a few small ones), the smallest released
    // count is withheld as well; ties go to the first in display order.
    let withheldSum = 0;
    cells.forEach(({ category, units }) => {
      withheldSum += units.released ? 0 : (counts.get(category) ?? 0);
    });
    while (withheldSum > 0 && withheldSum < policy.minN) {
      let smallest = -1;
      let smallestCount = Number.POSITIVE_INFINITY;
      cells.forEach(({ units }, i) => {
        if (units.released && units.n < smallestCount) {
          smallest = i;
          smallestCount = units.n;
        }
      });
      if (smallest < 0) {
        break;
      }
      cells[smallest] = {
        category: cells[smallest].category,
        units: suppressedFigure(TREND_SUPPRESSION_REASONS.complement(policy)),
      };
      withheldSum += smallestCount;
    }
  }
  return cells;
}

/** The name of a folded band of a dimension, as `peerGroupLabel` lists a filter's values. */
export function foldedCategory(values: readonly string[]): string {
  return values.join(', ');
}

/** The dimensions of participation in the order of its tables. */
const PARTICIPATION_DIMENSIONS: readonly ParticipationDimension[] = [
  'industry',
  'sizeBand',
  'country',
];

/**
 * A cycle's participation: the number of units and its breakdown by industry, size band and
 * country, each count under the policy (see `participationBreakdown`). The categories are
 * folded as the snapshot of the cycle folds them before it forms its peer groups
 * (`foldCategories` over the cycle's units and companies, `standingAlone` with the policy's
 * `minN`): a lone XL unit is counted in "L, XL", a country held by units of too few companies
 * with the other such countries, never on its own.
 *
 * @param units the cycle's units, each with its company
 */
export function cycleParticipation(
  year: number,
  units: readonly ParticipationUnit[],
  policy: DisclosurePolicy,
): CycleParticipation {
  const total = discloseFigure(units.length, () => units.length, policy);
  const profiles = units.map((unit) => unit.profile);
  const folding = foldCategories(
    profiles,
    standingAlone(
      units.map((unit) => unit.company),
      policy.minN,
    ),
    policy,
  );
  const breakdown = (dimension: ParticipationDimension): Array<BreakdownCell<string>> => {
    const bands = folding[dimension] ?? PROFILE_DIMENSION_VALUES[dimension].map((value) => [value]);
    const bandOf = new Map<string, string>();
    for (const band of bands) {
      for (const value of band) {
        bandOf.set(value, foldedCategory(band));
      }
    }
    // A value no band knows (not one of the dimension's values) keeps its own category.
    return participationBreakdown(
      bands.map(foldedCategory),
      profiles.map((profile) => bandOf.get(profile[dimension]) ?? profile[dimension]),
      total.released,
      policy,
    );
  };
  return {
    year,
    units: total,
    byIndustry: breakdown('industry'),
    bySizeBand: breakdown('sizeBand'),
    byCountry: breakdown('country'),
    folded: PARTICIPATION_DIMENSIONS.flatMap((dimension) =>
      (folding[dimension] ?? [])
        .filter((band) => band.length > 1)
        .map((band) => ({ dimension, values: [...band] })),
    ),
  };
}

/**
 * The folded bands of a cycle's participation, whenever its trend data were computed: `folded`,
 * or for data from when only size bands were folded their `foldedSizeBands`; null for data
 * computed before any folding, which do not say what was folded.
 */
export function participationFolding(
  participation: Pick<CycleParticipation, 'folded' | 'foldedSizeBands'>,
): ParticipationFold[] | null {
  if (participation.folded !== undefined) {
    return participation.folded;
  }
  return (
    participation.foldedSizeBands?.map((values) => ({ dimension: 'sizeBand', values })) ?? null
  );
}
