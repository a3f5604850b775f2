import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { mixSeed, SeededRandom } from '../demo/seeded-random';
import { PROFILE_DIMENSIONS, ProfileDimension } from '../profile/unit-profile';
import { PeerGroupBenchmark } from './benchmark-cell';
import { BenchmarkKpi } from './benchmark-input';
import {
  BenchmarkUnitProfile,
  matchesPeerGroup,
  parsePeerGroupId,
  PeerGroupFilter,
  predefinedPeerGroups,
  PROFILE_DIMENSION_VALUES,
} from './peer-group';
import { computeSnapshot } from './snapshot-engine';
import { foldCategories, standingAlone } from './category-folding';

/**
 * Random studies for the property-based specs of the release audit: a study as the engine gets
 * it (profiles, owners, KPIs, values), the custom peer groups its participants ask for to
 * attack it, and how a failure is told. RELEASE_AUDIT_SEED picks the studies to run.
 */
export const MIN_N = DEFAULT_DISCLOSURE_POLICY.minN;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** RELEASE_AUDIT_SEED=<seed>[,<seed>...] runs only those studies (to reproduce a failure). */
const chosenSeeds = (process.env.RELEASE_AUDIT_SEED ?? '')
  .split(',')
  .filter((seed) => seed.trim() !== '')
  .map((seed) => Number(seed));
export const seedsOf = (runs: number, stream: number): number[] =>
  chosenSeeds.length > 0
    ? chosenSeeds
    : Array.from({ length: runs }, (_, run) => mixSeed(0xa0d17, stream, run));

// ---------------------------------------------------------------------------------------------
// Random studies
// ---------------------------------------------------------------------------------------------

/** A study as the engine gets it, plus the company of each unit. */
export interface Study {
  seed: number;
  profiles: BenchmarkUnitProfile[];
  owners: string[];
  kpis: BenchmarkKpi[];
  values: Float64Array[];
}

/** How many values each dimension has in a study (few, so that groups are not all tiny). */
const VALUE_COUNTS: Record<ProfileDimension, readonly [number, number]> = {
  industry: [2, 4],
  country: [2, 3],
  sizeBand: [2, 3],
  customerType: [2, 3],
  sourcing: [2, 3],
};

function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * A random study. Everything but the numeric values (profiles, owners, KPIs, which values are
 * missing, zero weights, yes/no answers) comes from `seed`; the numeric values from `valueSeed`:
 * `spread` ones (log-normal, two decimals) or `narrow` ones in [100, 110], where the p% rule
 * and the weight-share rule cannot fail for 5 or more contributors. 20 to `largest` units.
 */
export function generateStudy(
  seed: number,
  mode: 'spread' | 'narrow',
  valueSeed = seed,
  largest = 400,
): Study {
  const random = new SeededRandom(seed);
  const [low, high] = random.pick([
    [20, 60],
    [60, largest / 2],
    [largest / 2, largest],
  ]);
  const unitCount = random.int(low, high);
  const chosen = {} as Record<ProfileDimension, string[]>;
  const weights = {} as Record<ProfileDimension, number[]>;
  for (const dimension of PROFILE_DIMENSIONS) {
    const all = PROFILE_DIMENSION_VALUES[dimension];
    const count = random.int(VALUE_COUNTS[dimension][0], VALUE_COUNTS[dimension][1]);
    chosen[dimension] =
      dimension === 'sizeBand' ? all.slice(0, count) : shuffled(random, all).slice(0, count);
    weights[dimension] = chosen[dimension].map(() => random.uniform(0.15, 1));
  }
  const draw = (dimension: ProfileDimension): string =>
    random.weighted(chosen[dimension].map((value, i) => [value, weights[dimension][i]] as const));
  const profiles: BenchmarkUnitProfile[] = [];
  const owners: string[] = [];
  for (let company = 0; profiles.length < unitCount; company++) {
    const size = random.weighted([
      [1, 0.72],
      [2, 0.18],
      [3, 0.1],
    ] as const);
    const industry = draw('industry');
    const country = draw('country');
    for (let i = 0; i < size && profiles.length < unitCount; i++) {
      const sameSite = random.bernoulli(0.6);
      profiles.push({
        industry: sameSite ? industry : draw('industry'),
        country: sameSite ? country : draw('country'),
        sizeBand: draw('sizeBand'),
        customerType: draw('customerType'),
        sourcing: draw('sourcing'),
      });
      owners.push(`company${company}`);
    }
  }
  // Plant a lone unit (a lone XL site, a lone retailer) and sometimes a tiny category.
  for (const dimension of PROFILE_DIMENSIONS) {
    const unused = PROFILE_DIMENSION_VALUES[dimension].filter(
      (value) => !chosen[dimension].includes(value),
    );
    if (unused.length > 0 && random.bernoulli(0.45)) {
      const u = random.int(0, unitCount - 1);
      profiles[u] = { ...profiles[u], [dimension]: unused[0] };
    }
    if (unused.length > 1 && random.bernoulli(0.25)) {
      for (let i = random.int(2, 4); i > 0; i--) {
        const u = random.int(0, unitCount - 1);
        profiles[u] = { ...profiles[u], [dimension]: unused[1] };
      }
    }
  }
  // 3 to 6 KPIs, some yes/no; k1 is pooled by another numeric KPI or by an unbenchmarked volume.
  const kpiCount = random.int(3, 6);
  const kpis: BenchmarkKpi[] = range(1, kpiCount).map((i) => ({
    key: `k${i}`,
    boolean: i > 1 && random.bernoulli(0.35),
    benchmarked: true,
  }));
  const numericOthers = kpis.filter((kpi) => !kpi.boolean && kpi.key !== 'k1');
  if (numericOthers.length > 0 && random.bernoulli(0.5)) {
    kpis[0].weightKey = random.pick(numericOthers).key;
  } else {
    kpis.push({ key: 'volume', boolean: false, benchmarked: false });
    kpis[0].weightKey = 'volume';
  }
  const valueRandom = new SeededRandom(mixSeed(valueSeed, 0xba1));
  const values = kpis.map((kpi) => {
    const missingRate = random.uniform(0, 0.25);
    const yesRate = random.uniform(0.1, 0.9);
    const median = valueRandom.uniform(5, 500);
    const isWeight = kpi.key === kpis[0].weightKey;
    return Float64Array.from({ length: unitCount }, () => {
      const missing = random.bernoulli(missingRate);
      const zero = isWeight && random.bernoulli(0.03);
      const yes = random.bernoulli(yesRate);
      const value =
        mode === 'narrow'
          ? valueRandom.uniform(100, 110)
          : Math.round(valueRandom.logNormal(median, 0.6) * 100) / 100;
      if (missing) {
        return Number.NaN;
      }
      if (kpi.boolean) {
        return yes ? 1 : 0;
      }
      return zero ? 0 : value;
    });
  });
  return { seed, profiles, owners, kpis, values };
}

function snapshotOf(study: Study): ReturnType<typeof computeSnapshot> {
  const standsAlone = standingAlone(study.owners, DEFAULT_DISCLOSURE_POLICY.minN);
  // Built as a variable, not passed as a literal: the input type gains fields over time.
  const input = {
    profiles: study.profiles,
    owners: study.owners,
    kpis: study.kpis,
    values: study.values,
    // The standard groups as a snapshot forms them, folded as it folds them.
    peerGroups: predefinedPeerGroups(
      PROFILE_DIMENSIONS,
      [['industry', 'sizeBand']],
      study.profiles,
      foldCategories(study.profiles, standsAlone, DEFAULT_DISCLOSURE_POLICY),
      standsAlone,
    ),
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
  return computeSnapshot(input);
}

export const filterOfGroup = (id: string): PeerGroupFilter => parsePeerGroupId(id);

export function membersOf(study: Study, filter: PeerGroupFilter): number[] {
  return study.profiles.flatMap((profile, u) => (matchesPeerGroup(profile, filter) ? [u] : []));
}

/** The values of a dimension among some units, with their counts, in value order. */
function valueCounts(study: Study, units: readonly number[], dimension: ProfileDimension) {
  const counts = new Map<string, number>();
  for (const u of units) {
    const value = study.profiles[u][dimension];
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return PROFILE_DIMENSION_VALUES[dimension]
    .filter((value) => counts.has(value))
    .map((value) => ({ value, count: counts.get(value) as number }));
}

/** A custom peer group one participant asks for, and the attack it is part of. */
interface CustomRequest {
  participant: string;
  filter: PeerGroupFilter;
  attack: string;
}

/**
 * The next move of the participants: one to three custom groups. Single dimensions with value
 * subsets, pairs, a released group less one (rare) value of a dimension, the two halves of the
 * remaining values (the issue's attack), and the three-group chain X, Y, X∩Y.
 */
export function planMove(
  random: SeededRandom,
  study: Study,
  groups: readonly PeerGroupBenchmark[],
  participants: readonly string[],
): CustomRequest[] {
  const everyone = range(0, study.profiles.length - 1);
  const present = (dimension: ProfileDimension): string[] =>
    valueCounts(study, everyone, dimension).map((entry) => entry.value);
  const participant = random.pick(participants);
  const request = (filter: PeerGroupFilter, attack: string): CustomRequest => ({
    participant: random.bernoulli(0.7) ? participant : random.pick(participants),
    filter,
    attack,
  });
  const move = random.weighted([
    ['single', 0.15],
    ['pair', 0.15],
    ['complement', 0.25],
    ['halves', 0.3],
    ['chain', 0.15],
  ] as const);
  const [first, second] = shuffled(random, PROFILE_DIMENSIONS);
  switch (move) {
    case 'single': {
      const values = shuffled(random, present(first));
      const subset = values.slice(0, random.int(1, Math.max(1, values.length - 1)));
      return [request({ [first]: subset }, `values of ${first}`)];
    }
    case 'pair': {
      const values = shuffled(random, present(second));
      const filter = {
        [first]: [random.pick(present(first))],
        [second]: values.slice(0, random.int(1, values.length)),
      };
      return [request(filter, `pair ${first} x ${second}`)];
    }
    case 'chain': {
      const x = { [first]: [random.pick(present(first))] };
      const y = { [second]: [random.pick(present(second))] };
      return [request(x, 'chain X'), request(y, 'chain Y'), request({ ...x, ...y }, 'chain X∩Y')];
    }
    case 'complement':
    case 'halves': {
      // A released group, and a dimension in which one of its values is rare inside it.
      const released = groups.filter((group) => group.cells.some((c) => c.suppressed === null));
      if (released.length === 0) {
        return [];
      }
      const base = random.pick(released);
      const baseFilter = filterOfGroup(base.id);
      const members = membersOf(study, baseFilter);
      const targets = PROFILE_DIMENSIONS.flatMap((dimension) => {
        const counts = valueCounts(study, members, dimension);
        return counts.length < (move === 'halves' ? 3 : 2)
          ? []
          : counts.map((entry) => ({
              dimension,
              value: entry.value,
              count: entry.count,
              others: counts.map((other) => other.value).filter((v) => v !== entry.value),
            }));
      });
      if (targets.length === 0) {
        return [];
      }
      const rare = targets.filter((target) => target.count < MIN_N);
      const target = random.pick(rare.length > 0 ? rare : targets);
      const label = `${target.dimension} without ${target.value} inside ${base.id}`;
      if (move === 'complement') {
        return [request({ ...baseFilter, [target.dimension]: target.others }, label)];
      }
      const others = shuffled(random, target.others);
      const cut = random.int(1, others.length - 1);
      return [
        request(
          { ...baseFilter, [target.dimension]: others.slice(0, cut) },
          `1st half of ${label}`,
        ),
        request({ ...baseFilter, [target.dimension]: others.slice(cut) }, `2nd half of ${label}`),
      ];
    }
  }
}

/** Three participants of the study, the ones who ask for custom groups. */
export function participantsOf(random: SeededRandom, study: Study): string[] {
  return shuffled(random, [...new Set(study.owners)]).slice(0, 3);
}

// ---------------------------------------------------------------------------------------------
// The audit of a snapshot's whole ledger
// ---------------------------------------------------------------------------------------------

export const describeUnit = (study: Study, u: number): string => {
  const profile = study.profiles[u];
  const dimensions = PROFILE_DIMENSIONS.map((d) => `${d}=${profile[d]}`).join(', ');
  return `unit ${u} (${study.owners[u]}; ${dimensions})`;
};

export function describeStudy(study: Study): string {
  const kpis = study.kpis
    .map(
      (kpi) =>
        `${kpi.key}${kpi.boolean ? ' (yes/no)' : ''}${kpi.weightKey ? ` (pooled by ${kpi.weightKey})` : ''}${kpi.benchmarked ? '' : ' (weight only)'}`,
    )
    .join(', ');
  return `${study.profiles.length} units of ${new Set(study.owners).size} companies; KPIs ${kpis}`;
}

export function computeSnapshotOrExplain(study: Study): ReturnType<typeof computeSnapshot> {
  try {
    return snapshotOf(study);
  } catch (error) {
    throw new Error(`computeSnapshot failed for seed ${study.seed}: ${String(error)}`);
  }
}

/** Up to three failures in full, then the seeds of the rest. */
export function report(
  what: string,
  failures: ReadonlyArray<{ seed: number; message: string }>,
): string {
  const shown = failures.slice(0, 3).map((failure) => failure.message);
  const rest = failures.slice(3).map((failure) => failure.seed);
  return [
    `${failures.length} random studies ${what}.`,
    ...shown,
    ...(rest.length > 0 ? [`also seeds ${rest.join(', ')}`] : []),
  ].join('\n\n');
}
