import { mixSeed, SeededRandom } from '../demo/seeded-random';
import { PeerGroupBenchmark } from './benchmark-cell';
import {
  Exposure,
  ExposureProof,
  findExposures,
  proveExposure,
  ReleasedSum,
  SumLedger,
} from './exposure-check.test-util';
import { peerGroupDefinition } from './peer-group';
import { addCustomGroup } from './snapshot-engine';
import {
  computeSnapshotOrExplain,
  describeStudy,
  describeUnit,
  filterOfGroup,
  generateStudy,
  membersOf,
  MIN_N,
  participantsOf,
  planMove,
  report,
  seedsOf,
  Study,
} from './random-study.test-util';

// Random studies and an exact linear audit after every release: seconds, not the default 5 s.
jest.setTimeout(120_000);

const THIS_FILE = 'libs/domain/src/benchmark/release-audit.property.spec.ts';

/** The released equations of one family of unknowns (a KPI's values, or a pooled product). */
interface Family {
  description: string;
  sums: ReleasedSum[];
}

/**
 * Reads the released ledger of a snapshot as linear equations, with memberships taken from the
 * profiles (never from the engine), and audits every family of unknowns for every company.
 * Families whose equations did not change since the last audit are not audited again.
 */
class LedgerAuditor {
  private readonly members = new Map<string, number[]>();
  private readonly audited = new Map<string, string>();
  private readonly kpiIndex: Map<string, number>;

  constructor(private readonly study: Study) {
    this.kpiIndex = new Map(study.kpis.map((kpi, k) => [kpi.key, k]));
  }

  /** A failure message, or null when no company can solve anything it must not. */
  audit(groups: readonly PeerGroupBenchmark[]): string | null {
    const study = this.study;
    const families = new Map<string, Family>();
    const add = (family: string, description: string, sum: ReleasedSum): void => {
      const entry = families.get(family) ?? { description, sums: [] };
      entry.sums.push(sum);
      families.set(family, entry);
    };
    for (const group of groups) {
      let members = this.members.get(group.id);
      if (members === undefined) {
        members = membersOf(study, filterOfGroup(group.id));
        this.members.set(group.id, members);
      }
      if (group.n !== members.length) {
        return `group ${group.id} has n = ${group.n}, but ${members.length} units match its filter: the audit's model of the ledger is wrong`;
      }
      for (const cell of group.cells) {
        if (cell.suppressed !== null) {
          continue;
        }
        const k = this.kpiIndex.get(cell.kpiKey);
        if (k === undefined) {
          return `group ${group.id} has a cell of an unknown KPI ${cell.kpiKey}`;
        }
        const kpi = study.kpis[k];
        const values = study.values[k];
        const contributors = members.filter((u) => !Number.isNaN(values[u]));
        const where = `${kpi.key} in ${group.id}`;
        if (cell.n !== contributors.length) {
          return `the cell ${where} has n = ${cell.n}, but ${contributors.length} members have a value: the audit's model of the ledger is wrong`;
        }
        if (cell.mean !== null) {
          const sum = contributors.reduce((total, u) => total + values[u], 0);
          const released = (cell.mean * contributors.length) / (kpi.boolean ? 100 : 1);
          if (Math.abs(released - sum) > 1e-9 * Math.max(1, Math.abs(sum))) {
            return `the cell ${where} has mean ${cell.mean}, but its contributors sum to ${sum}: the audit's model of the ledger is wrong`;
          }
          add(`value:${k}`, `the values of ${kpi.key}`, {
            label: `n × mean of ${where}`,
            units: contributors,
          });
        }
        if (cell.pooled !== null && kpi.weightKey !== undefined) {
          const w = this.kpiIndex.get(kpi.weightKey) as number;
          const weights = study.values[w];
          const pooled = contributors.filter((u) => weights[u] > 0);
          const numerator = pooled.reduce((total, u) => total + values[u] * weights[u], 0);
          const denominator = pooled.reduce((total, u) => total + weights[u], 0);
          const expected = numerator / denominator;
          if (Math.abs(cell.pooled - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
            return `the pooled ${where} is ${cell.pooled}, not Σ v·w / Σ w = ${expected}: the audit's model of the ledger is wrong`;
          }
          add(`value:${w}`, `the values of ${kpi.weightKey}`, {
            label: `Σ ${kpi.weightKey} behind the pooled ${where}`,
            units: pooled,
          });
          add(`product:${k}`, `the products ${kpi.key} × ${kpi.weightKey}`, {
            label: `Σ ${kpi.key} × ${kpi.weightKey} behind the pooled ${where}`,
            units: pooled,
          });
        }
      }
    }
    for (const [family, { description, sums }] of families) {
      const key = sums.map((sum) => sum.label).join('|');
      if (this.audited.get(family) === key) {
        continue;
      }
      this.audited.set(family, key);
      const ledger: SumLedger = { owners: study.owners, sums, minN: MIN_N };
      const [exposure] = findExposures(ledger, 1);
      if (exposure !== undefined) {
        const proof = proveExposure(ledger, exposure);
        if (proof === null) {
          throw new Error(
            `the exposure check is inconsistent: it reports ${JSON.stringify(exposure)} in ${description}, which exact arithmetic does not confirm`,
          );
        }
        return this.describe(description, exposure, proof);
      }
    }
    return null;
  }

  private describe(description: string, exposure: Exposure, proof: ExposureProof): string {
    const study = this.study;
    const own = study.owners.flatMap((owner, u) => (owner === exposure.attacker ? [u] : []));
    const what =
      exposure.units.length === 1
        ? `the value of ${describeUnit(study, exposure.units[0])}`
        : `the sum over ${exposure.units.length} units (fewer than ${MIN_N}):\n${exposure.units
            .map((u) => `    ${describeUnit(study, u)}`)
            .join('\n')}`;
    const how = proof.terms.map((term) => `    ${term.coefficient} × ${term.label}`).join('\n');
    return [
      `attacker: ${exposure.attacker} (its units: ${own.join(', ')})`,
      `KPI family: ${description}`,
      `exposed: ${what}`,
      `how: the sum of\n${how}\n    less the attacker's own values in them`,
    ].join('\n');
  }
}

/** Runs one random study and its requests; a failure message, or null. */
function attackStudy(seed: number): string | null {
  const study = generateStudy(seed, 'spread');
  const auditor = new LedgerAuditor(study);
  const state = computeSnapshotOrExplain(study);
  const header = (step: string, log: readonly string[]): string =>
    [
      `seed ${seed} (reproduce: RELEASE_AUDIT_SEED=${seed} npx jest ${THIS_FILE})`,
      `study: ${describeStudy(study)}`,
      `requests: ${log.length === 0 ? 'none' : `\n${log.map((line) => `    ${line}`).join('\n')}`}`,
      `found ${step}`,
    ].join('\n');
  const atStart = auditor.audit(state.groups);
  if (atStart !== null) {
    return `${header('after computeSnapshot (standard groups only)', [])}\n${atStart}`;
  }
  const random = new SeededRandom(mixSeed(seed, 1));
  const participants = participantsOf(random, study);
  const total = random.int(6, 16);
  const log: string[] = [];
  // Released groups the outcome returned, in case the state ever lists them differently.
  const returned = new Map<string, PeerGroupBenchmark>();
  while (log.length < total) {
    for (const request of planMove(random, study, state.groups, participants)) {
      const definition = peerGroupDefinition(request.filter, 'custom');
      const outcome = addCustomGroup(state, definition);
      if (outcome.released) {
        returned.set(outcome.group.id, outcome.group);
      }
      const decision = outcome.released ? 'released' : `refused (${outcome.rule})`;
      log.push(
        `${log.length + 1}. ${request.participant}: ${definition.id} [${request.attack}] → ${decision}`,
      );
      const listed = new Set(state.groups.map((group) => group.id));
      const ledger = [
        ...state.groups,
        ...[...returned.values()].filter((group) => !listed.has(group.id)),
      ];
      const failure = auditor.audit(ledger);
      if (failure !== null) {
        return `${header(`after request ${log.length}`, log)}\n${failure}`;
      }
    }
  }
  return null;
}

describe('the release audit (property-based, random studies)', () => {
  it('lets no participant solve another unit’s value or a sum over fewer than min_n others', () => {
    const failures = seedsOf(14, 1).flatMap((seed) => {
      const message = attackStudy(seed);
      return message === null ? [] : [{ seed, message }];
    });
    if (failures.length > 0) {
      throw new Error(report('leak', failures));
    }
  });
});
