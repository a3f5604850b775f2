import {
  BenchmarkKpi,
  BenchmarkUnitProfile,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  loadCatalogue,
  matchesPeerGroup,
  PeerGroupFilter,
  PeerGroupKind,
  PROFILE_DIMENSION_VALUES,
  ProfileDimension,
  benchmarkKpis,
} from '@app/domain';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@app/persistence';
import {
  Exposure,
  findExposures,
  proveExposure,
  ReleasedSum,
  SumLedger,
} from '../../libs/domain/src/benchmark/exposure-check.test-util';
import { ownerDataSource } from './factories';

/*
 * What the disclosure-attacks spec knows and checks with: the demo's logins, a cycle's true
 * contributors read from the owner database, and the released sums as the independent exposure
 * checker takes them.
 */

export const POLICY = DEFAULT_DISCLOSURE_POLICY;
export const MIN_N = POLICY.minN;
/** The demo publisher's fixed id (libs/persistence/src/seed/demo-seed.ts). */
const DEMO_PUBLISHER_ID = 'd0000000-0000-4000-8000-000000000001';

const loginOf = (email: string) => {
  const login = DEMO_LOGINS.find((l) => l.email === email);
  if (!login) {
    throw new Error(`no demo login ${email}`);
  }
  return { email: login.email, password: DEMO_PASSWORD };
};
export const PUBLISHER = loginOf('publisher@demo.example');
export const COMPANY1 = loginOf('company1@demo.example');
export const COMPANY2 = loginOf('company2@demo.example');

export interface Cell {
  kpiKey: string;
  n: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  pooled: number | null;
  suppressed: { rule: string; reason: string } | null;
}

export interface Group {
  id: string;
  kind: PeerGroupKind;
  filter: PeerGroupFilter;
  n: number;
  released: boolean;
}

/** A peer group with its cells, as one caller read them through the API. */
export interface SeenGroup {
  group: Group;
  cells: Cell[];
}

/**
 * The true inputs of a published cycle, read from the owner database (the accepted submissions'
 * KPI vectors and the units' profiles and companies), not from the engine or its frozen inputs.
 */
export interface RawCycle {
  year: number;
  cycleId: string;
  snapshotId: string;
  unitIds: string[];
  names: string[];
  owners: string[];
  profiles: BenchmarkUnitProfile[];
  /** values[k][u] in the order of `KPIS`; NaN where the unit did not supply it. */
  values: Float64Array[];
}

export const CATALOGUE = loadCatalogue(DEMO_CATALOGUE);
export const KPIS: BenchmarkKpi[] = benchmarkKpis(CATALOGUE);
export const KPI_INDEX = new Map(KPIS.map((kpi, k) => [kpi.key, k]));
export const STATISTICS = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;

export async function readCycle(year: number): Promise<RawCycle> {
  const owner = await ownerDataSource();
  const [cycle] = await owner.query<{ id: string; published_snapshot_id: string }[]>(
    `SELECT id, published_snapshot_id FROM cycles
      WHERE tenant_id = $1 AND year = $2 AND published_snapshot_id IS NOT NULL`,
    [DEMO_PUBLISHER_ID, year],
  );
  const rows = await owner.query<
    {
      id: string;
      tenant_id: string;
      name: string;
      industry: string;
      country: string;
      size_band: string;
      customer_type: string;
      sourcing: string;
      kpi_vector: Buffer;
    }[]
  >(
    `SELECT u.id, u.tenant_id, u.name, u.industry, u.country, u.size_band, u.customer_type,
            u.sourcing, s.kpi_vector
       FROM submissions s JOIN units u ON u.id = s.unit_id
      WHERE s.cycle_id = $1 AND s.state = 'accepted'
      ORDER BY u.id`,
    [cycle.id],
  );
  return {
    year,
    cycleId: cycle.id,
    snapshotId: cycle.published_snapshot_id,
    unitIds: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
    owners: rows.map((r) => r.tenant_id),
    profiles: rows.map((r) => ({
      industry: r.industry,
      country: r.country,
      sizeBand: r.size_band,
      customerType: r.customer_type,
      sourcing: r.sourcing,
    })),
    // A KPI vector is little-endian float64 per KPI of the catalogue, NaN where not supplied.
    values: KPIS.map((_, k) => Float64Array.from(rows, (r) => r.kpi_vector.readDoubleLE(k * 8))),
  };
}

export const membersOf = (raw: RawCycle, filter: PeerGroupFilter): number[] =>
  raw.profiles.flatMap((profile, u) => (matchesPeerGroup(profile, filter) ? [u] : []));

export const has = (value: number): boolean => !Number.isNaN(value);

/** Released equations per family of unknowns: `value:<kpi>` and `product:<kpi>`. */
type Families = Map<string, ReleasedSum[]>;

/**
 * What a caller's view of the snapshot releases, as linear equations over the true
 * contributors: n × mean of every released cell (a yes/no share × n / 100 too), and for a
 * released pooled figure its weight Σ w and its numerator Σ v·w over the contributors with a
 * weight above 0. The released figures are checked against the raw values first, so that the
 * equations are the ones the caller really holds.
 */
export function familiesOf(raw: RawCycle, seen: readonly SeenGroup[]): Families {
  const families: Families = new Map();
  const add = (family: string, sum: ReleasedSum) =>
    families.set(family, [...(families.get(family) ?? []), sum]);
  for (const { group, cells } of seen) {
    const members = membersOf(raw, group.filter);
    expect([group.id, group.n]).toEqual([group.id, members.length]);
    for (const cell of cells) {
      if (cell.suppressed !== null) {
        continue;
      }
      const k = KPI_INDEX.get(cell.kpiKey) as number;
      const kpi = KPIS[k];
      const values = raw.values[k];
      const contributors = members.filter((u) => has(values[u]));
      const where = `${cell.kpiKey} in ${group.id}`;
      expect([where, cell.n]).toEqual([where, contributors.length]);
      if (cell.mean !== null) {
        const sum = contributors.reduce((total, u) => total + values[u], 0);
        const released = (cell.mean * contributors.length) / (kpi.boolean ? 100 : 1);
        expect([where, Math.abs(released - sum) <= 1e-9 * Math.max(1, Math.abs(sum))]).toEqual([
          where,
          true,
        ]);
        add(`value:${k}`, { label: `n × mean of ${where}`, units: contributors });
      }
      if (cell.pooled !== null && kpi.weightKey !== undefined) {
        const w = KPI_INDEX.get(kpi.weightKey) as number;
        const weights = raw.values[w];
        const pooled = contributors.filter((u) => weights[u] > 0);
        add(`value:${w}`, {
          label: `Σ ${kpi.weightKey} behind the pooled ${where}`,
          units: pooled,
        });
        add(`product:${k}`, { label: `Σ ${kpi.key} × weight in ${where}`, units: pooled });
      }
    }
  }
  return families;
}

/** The exposures the checker finds in every family, each confirmed in exact arithmetic. */
export function exposuresOf(
  raw: RawCycle,
  families: Families,
  attacker: string | null,
): Array<{ family: string; exposure: Exposure; how: string }> {
  return [...families].flatMap(([family, sums]) => {
    const ledger: SumLedger = { owners: raw.owners, sums, minN: MIN_N };
    return findExposures(ledger)
      .filter((exposure) => attacker === null || exposure.attacker === attacker)
      .map((exposure) => {
        const proof = proveExposure(ledger, exposure);
        return {
          family,
          exposure,
          how: (proof?.terms ?? []).map((t) => `${t.coefficient} × ${t.label}`).join(' '),
        };
      });
  });
}

export const countOf = (families: Families): number =>
  [...families.values()].reduce((total, sums) => total + sums.length, 0);

/** The p% rule on non-negative terms added up per company: total − two largest ≥ p % of the largest. */
export function failsPPercentByCompany(
  raw: RawCycle,
  units: readonly number[],
  term: (u: number) => number,
) {
  const holdings = new Map<string, number>();
  for (const u of units) {
    holdings.set(raw.owners[u], (holdings.get(raw.owners[u]) ?? 0) + term(u));
  }
  const [largest = 0, second = 0] = [...holdings.values()].sort((a, b) => b - a);
  const total = [...holdings.values()].reduce((sum, x) => sum + x, 0);
  // A hair of tolerance towards passing: the engine adds in another order.
  return (total - largest - second) * 100 < POLICY.pPercent * largest * (1 - 1e-9) - 1e-9;
}

/** Every non-empty proper subset of a list (small lists only). */
export function subsetsOf<T>(items: readonly T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = 1; mask < (1 << items.length) - 1; mask++) {
    subsets.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  }
  return subsets;
}

/** The values of a dimension that some of the units have, in value order. */
export function presentValues(
  raw: RawCycle,
  units: readonly number[],
  d: ProfileDimension,
): string[] {
  const present = new Set(units.map((u) => raw.profiles[u][d]));
  return PROFILE_DIMENSION_VALUES[d].filter((value) => present.has(value));
}

export const companiesOf = (raw: RawCycle, units: readonly number[]): number =>
  new Set(units.map((u) => raw.owners[u])).size;

/** Enough units and companies for the frequency rule, so that only the audit can refuse. */
export const frequent = (raw: RawCycle, units: readonly number[]): boolean =>
  units.length >= MIN_N && companiesOf(raw, units) >= MIN_N;
