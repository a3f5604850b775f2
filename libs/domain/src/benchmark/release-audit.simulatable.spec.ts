import { mixSeed, SeededRandom } from '../demo/seeded-random';
import { PeerGroupBenchmark } from './benchmark-cell';
import { peerGroupDefinition } from './peer-group';
import { addCustomGroup } from './snapshot-engine';
import {
  computeSnapshotOrExplain,
  describeStudy,
  generateStudy,
  participantsOf,
  planMove,
  report,
  seedsOf,
} from './random-study.test-util';

// Random studies and an exact linear audit after every release: seconds, not the default 5 s.
jest.setTimeout(120_000);

const THIS_FILE = 'libs/domain/src/benchmark/release-audit.simulatable.spec.ts';

// ---------------------------------------------------------------------------------------------
// Release decisions, for the simulatable-refusal property
// ---------------------------------------------------------------------------------------------

/** What disclosure control decided, line by line, without a single figure. */
function decisionsOf(groups: readonly PeerGroupBenchmark[]): string[] {
  const statistics = ['n', 'mean', 'p10', 'p25', 'p50', 'p75', 'p90', 'pooled'] as const;
  return groups.flatMap((group) => [
    `group ${group.id} (${group.kind}), n = ${group.n}`,
    ...group.cells.map((cell) => {
      const where = `  ${group.id} × ${cell.kpiKey}:`;
      if (cell.suppressed !== null) {
        return `${where} suppressed by ${cell.suppressed.rule} (${cell.suppressed.reason.en})`;
      }
      const shown = statistics.filter((statistic) => cell[statistic] !== null).join(' ');
      const withheld = cell.suppressedStatistics
        .map((s) => `${s.statistic}: ${s.rule} (${s.reason.en})`)
        .join('; ');
      return `${where} released with ${shown}, n = ${cell.n}; withheld: ${withheld || 'none'}`;
    }),
  ]);
}

function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `first values: ${a[i] ?? '(nothing)'}\nother values: ${b[i] ?? '(nothing)'}`;
    }
  }
  return null;
}

/** Two value sets of one study, the same requests: a difference in what was decided, or null. */
function compareDecisions(seed: number): string | null {
  // Up to 200 units: the decisions' logic is the same at any size, and each study is run twice.
  const first = generateStudy(seed, 'narrow', mixSeed(seed, 2), 200);
  const other = generateStudy(seed, 'narrow', mixSeed(seed, 3), 200);
  const header = `seed ${seed} (reproduce: RELEASE_AUDIT_SEED=${seed} npx jest ${THIS_FILE}); study: ${describeStudy(first)}`;
  const stateFirst = computeSnapshotOrExplain(first);
  const stateOther = computeSnapshotOrExplain(other);
  const atStart = firstDifference(decisionsOf(stateFirst.groups), decisionsOf(stateOther.groups));
  if (atStart !== null) {
    return `${header}\nafter computeSnapshot:\n${atStart}`;
  }
  const random = new SeededRandom(mixSeed(seed, 1));
  const participants = participantsOf(random, first);
  const total = random.int(6, 16);
  for (let count = 0; count < total;) {
    for (const request of planMove(random, first, stateFirst.groups, participants)) {
      count++;
      const definition = peerGroupDefinition(request.filter, 'custom');
      const outcomes = [
        addCustomGroup(stateFirst, definition),
        addCustomGroup(stateOther, definition),
      ];
      const [a, b] = outcomes.map((outcome) =>
        outcome.released
          ? `released ${outcome.group.id}`
          : `refused by ${outcome.rule} (${outcome.reason.en})`,
      );
      const step = `request ${count}: ${request.participant} asked for ${definition.id} [${request.attack}]`;
      if (a !== b) {
        return `${header}\n${step}:\nfirst values: ${a}\nother values: ${b}`;
      }
      const difference = firstDifference(
        decisionsOf(stateFirst.groups),
        decisionsOf(stateOther.groups),
      );
      if (difference !== null) {
        return `${header}\nafter ${step}:\n${difference}`;
      }
    }
  }
  return null;
}

describe('the release audit (property-based, random studies)', () => {
  it('decides releases by membership, never by values (simulatable refusals)', () => {
    const failures = seedsOf(10, 2).flatMap((seed) => {
      const message = compareDecisions(seed);
      return message === null ? [] : [{ seed, message }];
    });
    if (failures.length > 0) {
      throw new Error(report('decide differently for different values', failures));
    }
  });
});
