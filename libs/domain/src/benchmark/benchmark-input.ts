import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkUnitProfile, PeerGroupDefinition } from './peer-group';

/** A KPI as the benchmark engine sees it. */
export interface BenchmarkKpi {
  key: string;
  /** A yes/no item: the cell carries n and the share of "yes" in % as its mean; no percentiles, no pooled. */
  boolean: boolean;
  /**
   * Key of another entry of `kpis` whose values weight this one in the pooled figure (may be a
   * KPI that is not itself benchmarked).
   */
  weightKey?: string;
  /** false: the values are loaded (e.g. to weight others) but no cell is computed. */
  benchmarked: boolean;
}

/**
 * Everything a snapshot is computed from. The values are column-major, one typed array per KPI,
 * because the engine works through one KPI at a time over all units.
 */
export interface BenchmarkInput {
  /** One per unit; the index is the unit's index in every `values` array. */
  profiles: readonly BenchmarkUnitProfile[];
  /**
   * The company (participant) of each unit, any id: the release audit assumes that a company
   * knows the values of all of its units.
   */
  owners: readonly string[];
  kpis: readonly BenchmarkKpi[];
  /** values[k][u]: KPI k of unit u; NaN where the unit did not supply it; yes/no as 1/0. */
  values: readonly Float64Array[];
  /** In priority order: of two groups that would reveal units by difference, the earlier wins. */
  peerGroups: readonly PeerGroupDefinition[];
  policy: DisclosurePolicy;
}
