import { DEFAULT_DISCLOSURE_POLICY, DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkInput, BenchmarkKpi } from './benchmark-input';
import {
  BenchmarkUnitProfile,
  PeerGroupDefinition,
  peerGroupDefinition,
  PeerGroupFilter,
} from './peer-group';

/** A contact center of a telecom, M, DE, B2C, in-house unless overridden. */
export function createUnitProfile(
  overrides: Partial<BenchmarkUnitProfile> = {},
): BenchmarkUnitProfile {
  return {
    industry: 'telecom',
    country: 'DE',
    sizeBand: 'M',
    customerType: 'b2c',
    sourcing: 'inhouse',
    ...overrides,
  };
}

/** `count` profiles; `overrides(i)` changes unit i. */
export function createUnitProfiles(
  count: number,
  overrides: (i: number) => Partial<BenchmarkUnitProfile> = () => ({}),
): BenchmarkUnitProfile[] {
  return Array.from({ length: count }, (_, i) => createUnitProfile(overrides(i)));
}

/** A KPI of a test input with its values per unit (NaN: not supplied). */
export interface TestKpi extends Partial<BenchmarkKpi> {
  key: string;
  values: readonly number[];
}

/** A peer group of a test input, from its filter (kind `all` for the empty one). */
export function createPeerGroup(filter: PeerGroupFilter): PeerGroupDefinition {
  return peerGroupDefinition(filter, Object.keys(filter).length === 0 ? 'all' : 'custom');
}

/** A benchmark input: KPIs benchmarked and numeric unless said otherwise, the default policy. */
export function createBenchmarkInput(options: {
  profiles: BenchmarkUnitProfile[];
  kpis: TestKpi[];
  peerGroups: PeerGroupFilter[];
  policy?: Partial<DisclosurePolicy>;
  /** The company of each unit; by default every unit is a company of its own. */
  owners?: string[];
}): BenchmarkInput {
  return {
    profiles: options.profiles,
    owners: options.owners ?? options.profiles.map((_, u) => `company-${u}`),
    kpis: options.kpis.map(({ values: _values, ...kpi }) => ({
      boolean: false,
      benchmarked: true,
      ...kpi,
    })),
    values: options.kpis.map((kpi) => Float64Array.from(kpi.values)),
    peerGroups: options.peerGroups.map(createPeerGroup),
    policy: { ...DEFAULT_DISCLOSURE_POLICY, ...options.policy },
  };
}
