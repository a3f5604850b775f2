/**
 * npm run bench:peer-groups -- --units 100000 --ledger 500 [--requests 200] [--seed 1]
 *
 * Custom peer-group requests against a large snapshot whose release ledger is already long:
 * - a study of `--units` units from the demo generator, its snapshot computed as the worker
 *   computes it (with the release audit) and published;
 * - the snapshot's frozen inputs, stored peer groups, catalogue and policy read back as
 *   `SnapshotsService.createPeerGroup` reads them, and its disclosure state built as the
 *   service's `SnapshotStates` builds it (`computeSnapshot` on the frozen inputs and the stored
 *   groups; the service keeps it between requests, so this is its cost once per process);
 * - a ledger of `--ledger` custom groups asked for (released or refused), then `--requests`
 *   more, each timed: `peerGroupDefinition` of the validated filter and `addCustomGroup` on
 *   the kept state, in the order the service calls them.
 *
 * The requests go to the domain directly, not through Nest and the API: the service adds per
 * request a transaction with an advisory lock, reading the groups and frozen inputs (cached
 * per process), the ledger row and, for a released group, writing its cells; none of that
 * grows with the ledger. Nor is the per-participant cap applied (the service's, before the
 * audit): the ledger stands for many participants' requests.
 *
 * The filters are plausible ones, from a seeded generator: a dimension with a subset of its
 * values, a pair of dimensions, a dimension less one value (a complement), and a value of one
 * dimension with another less one value. Never a predefined group (the service answers those
 * without judging) and never one asked for before (a repeat of a released group is answered at
 * once, and does not count).
 *
 * Prints the time of the snapshot and of the state, the ledger's outcomes, p50, p95 and max
 * per timed request with their outcomes, and the peak memory of this process.
 */
import {
  addCustomGroup,
  asTenantId,
  computeSnapshot,
  disclosurePolicyOf,
  generateDemoData,
  peerGroupDefinition,
  PeerGroupFilter,
  PROFILE_DIMENSION_VALUES,
  PROFILE_DIMENSIONS,
  ProfileDimension,
  SeededRandom,
  SnapshotState,
  validatePeerGroupFilter,
  benchmarkKpis,
} from '@app/domain';
import { dataSourceOptions, SnapshotReader, TenantDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';
import { publishBenchSnapshot, seedBenchStudy } from './support/bench-study';

/** The process's peak resident memory so far. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

type Present = Record<ProfileDimension, string[]>;

/** A plausible custom filter over the values the units have. */
function randomFilter(random: SeededRandom, present: Present): PeerGroupFilter {
  const dimensions = PROFILE_DIMENSIONS.filter((d) => present[d].length >= 2);
  const [first, second] = shuffled(random, dimensions);
  const subset = (d: ProfileDimension, most: number): string[] =>
    shuffled(random, present[d]).slice(0, random.int(1, Math.min(most, present[d].length - 1)));
  const allBut = (d: ProfileDimension): string[] => {
    const left = random.pick(present[d]);
    return present[d].filter((value) => value !== left);
  };
  const move = random.weighted([
    ['single', 0.3],
    ['pair', 0.35],
    ['complement', 0.2],
    ['pair with a complement', 0.15],
  ] as const);
  switch (move) {
    case 'single':
      return { [first]: subset(first, present[first].length) };
    case 'pair':
      return { [first]: subset(first, 2), [second]: subset(second, present[second].length) };
    case 'complement':
      return { [first]: allBut(first) };
    case 'pair with a complement':
      return { [first]: [random.pick(present[first])], [second]: allBut(second) };
  }
}

/** One request: the outcome and the time it took. */
interface Answer {
  outcome: string;
  ms: number;
}

/** Asks for a new filter (none asked before, no predefined group) on the kept state. */
function ask(
  state: SnapshotState,
  random: SeededRandom,
  present: Present,
  asked: Set<string>,
): Answer {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const filter = randomFilter(random, present);
    const id = peerGroupDefinition(filter).id;
    if (asked.has(id)) {
      continue;
    }
    asked.add(id);
    const start = process.hrtime.bigint();
    const outcome = addCustomGroup(state, peerGroupDefinition(validatePeerGroupFilter(filter)));
    const ms = seconds(start) * 1000;
    return { outcome: outcome.released ? 'released' : `refused (${outcome.rule})`, ms };
  }
  throw new Error('no new filter found in 10,000 tries: the study has too few distinct groups');
}

function quantile(sorted: readonly number[], p: number): number {
  // Nearest rank: the smallest value with at least p of the values at or below it.
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function tally(answers: readonly Answer[]): string {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    counts.set(answer.outcome, (counts.get(answer.outcome) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
}

async function main(): Promise<void> {
  const units = Number(argument('--units', '100000'));
  const ledgerSize = Number(argument('--ledger', '500'));
  const requests = Number(argument('--requests', '200'));
  const seed = Number(argument('--seed', '1'));
  const bench = await benchDatabase('peer_groups');
  const owner = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
  const app = await new DataSource(dataSourceOptions(bench.appUrl, 3)).initialize();
  try {
    console.log(`generating ${units} units with the demo generator ...`);
    const data = generateDemoData({ units, years: [2025] });
    const {
      publisherId,
      cycleIds: [cycleId],
    } = await seedBenchStudy(owner, data, [2025]);
    const tenantDb = new TenantDb(app);
    console.log('computing the snapshot as the worker does ...');
    const snapshotStart = process.hrtime.bigint();
    const snapshotId = await publishBenchSnapshot(owner, tenantDb, publisherId, cycleId);
    const snapshotSeconds = seconds(snapshotStart);

    // What the service reads for a request.
    const reader = new SnapshotReader();
    const { groups, inputs, setting, snapshot } = await tenantDb.withTenant(
      asTenantId(publisherId),
      async (m) => ({
        snapshot: await reader.computedSnapshot(m, snapshotId, 'en'),
        groups: await reader.peerGroups(m, snapshotId),
        inputs: await reader.frozenInputs(m, snapshotId),
        setting: await reader.setting(m, cycleId),
      }),
    );
    if (!setting) {
      throw new Error('bench cycle missing');
    }
    const policy = disclosurePolicyOf(
      (snapshot.manifest?.policy as Record<string, unknown> | undefined) ??
        setting.study.disclosurePolicy,
    );
    console.log('building the disclosure state as the service does ...');
    const stateStart = process.hrtime.bigint();
    const state = computeSnapshot({
      profiles: inputs.profiles,
      owners: inputs.unitTenants,
      kpis: benchmarkKpis(setting.catalogue),
      values: inputs.values,
      peerGroups: groups,
      policy,
    });
    const stateSeconds = seconds(stateStart);

    const present = Object.fromEntries(
      PROFILE_DIMENSIONS.map((d) => {
        const values = new Set(inputs.profiles.map((profile) => profile[d]));
        return [d, PROFILE_DIMENSION_VALUES[d].filter((value) => values.has(value))];
      }),
    ) as Present;
    const asked = new Set(groups.map((group) => group.id));
    const random = new SeededRandom(seed);

    console.log(`asking for ${ledgerSize} custom groups (the ledger) ...`);
    const ledgerStart = process.hrtime.bigint();
    const ledger: Answer[] = [];
    while (ledger.length < ledgerSize) {
      ledger.push(ask(state, random, present, asked));
      if (ledger.length % 100 === 0) {
        console.log(`  ${ledger.length} asked, ${seconds(ledgerStart).toFixed(1)} s`);
      }
    }
    const ledgerSeconds = seconds(ledgerStart);

    console.log(`timing ${requests} further requests ...`);
    const timed: Answer[] = [];
    while (timed.length < requests) {
      timed.push(ask(state, random, present, asked));
    }
    const sorted = timed.map((answer) => answer.ms).sort((a, b) => a - b);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      [
        `units                         ${units} (${new Set(inputs.unitTenants).size} companies, ${groups.length} predefined groups)`,
        `snapshot (worker, published)  ${snapshotSeconds.toFixed(2)} s`,
        `disclosure state (service)    ${stateSeconds.toFixed(2)} s, once per process`,
        `ledger                        ${ledgerSize} requests in ${ledgerSeconds.toFixed(1)} s: ${tally(ledger)}`,
        `timed requests                ${requests}: ${tally(timed)}`,
        `per request p50 / p95 / max   ${ms(quantile(sorted, 0.5))} / ${ms(quantile(sorted, 0.95))} / ${ms(sorted[sorted.length - 1])}`,
        `groups in the state           ${state.groups.length}`,
        `peak memory (this process)    ${bytes(peakRss())}`,
      ].join('\n'),
    );
  } finally {
    await app.destroy();
    await owner.destroy();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
