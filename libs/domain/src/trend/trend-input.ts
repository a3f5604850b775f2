import { Polarity } from '../catalogue/catalogue-definition';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { ParticipationProfile } from './participation';

/** An item of the catalogue as the trend data sees it. */
export interface TrendKpi {
  key: string;
  /** A yes/no item: its adoption (share of yes) instead of a distribution; never a driver. */
  boolean: boolean;
  polarity: Polarity;
  /**
   * For a derived KPI, the keys of the items its formula reads. A KPI is not listed as a driver
   * of an item it is computed from, directly or through other derived KPIs (attrition rate
   * against leavers): such a correlation is arithmetic, not a finding.
   */
  derivedFrom?: readonly string[];
  /**
   * The catalogue item's `weightKey`: the key of the KPI's volume (e.g. `contacts_total` for a
   * share of contacts). A numeric KPI with one gets a pooled figure Σ v·w / Σ w per cycle besides
   * its distribution; ignored for a yes/no item. The weight is read from the units' `values` like
   * any KPI's, but it need not be (and usually is not) among the reported `kpis`; it must not be
   * the KPI itself nor a yes/no item.
   */
  weightKey?: string;
}

/** A unit's data in one cycle. */
export interface TrendUnit {
  /** Stable across cycles: the balanced panel is made of the ids present in both cycles. */
  id: string;
  profile: ParticipationProfile;
  /**
   * Any id of the company that owns the unit, the same for all its units in a cycle: the
   * participation folds categories held by too few companies as the cycle's snapshot does.
   */
  company: string;
  /**
   * KPI key → value; absent, null or undefined when not supplied. A yes/no item as a boolean
   * (or 1/0), any other item as a finite number.
   */
  values: Readonly<Record<string, number | boolean | null | undefined>>;
}

/**
 * A cycle's values as columns, in the order of the cycle's `units`: the shape of a snapshot's
 * frozen inputs. values[k][i] is KPI `keys[k]` of unit i: NaN where not supplied, a yes/no item
 * as 1 or 0.
 */
export interface TrendCycleColumns {
  keys: readonly string[];
  values: readonly Float64Array[];
}

/** A published cycle with the units whose data it was computed from. */
export interface TrendCycle {
  year: number;
  units: readonly TrendUnit[];
  /**
   * The values as columns; when given, the units' `values` are not read. Spares a caller that
   * holds columns (the snapshots' frozen inputs) building an object per unit: at 10,000 units
   * and 5 cycles that was about as long as the whole computation.
   */
  columns?: TrendCycleColumns;
}

/** How the drivers are chosen among the rank correlations of the latest cycle. */
export interface TrendDriverOptions {
  /** At most this many pairs, the strongest by |rho| (default 10). */
  maxPairs: number;
  /** Only pairs with a p-value below this (default 0.05). */
  maxPValue: number;
  /** Pairs of KPI keys that are never drivers, in either order (e.g. two views of one figure). */
  excludedPairs: ReadonlyArray<readonly [string, string]>;
}

/** Everything the trend data of a study is computed from. */
export interface TrendInput {
  /** The published cycles in ascending year order. */
  cycles: readonly TrendCycle[];
  /** The reported KPIs, in the order the report shows them. */
  kpis: readonly TrendKpi[];
  policy: DisclosurePolicy;
  drivers?: Partial<TrendDriverOptions>;
  /**
   * Numeric KPIs whose medians are shown side by side over the cycles; default `nps` and `ces`,
   * those of them that are among `kpis`.
   */
  driftKpiKeys?: readonly string[];
}
