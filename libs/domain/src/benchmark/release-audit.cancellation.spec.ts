import { SeededRandom } from '../demo/seeded-random';
import { findExposures, ReleasedSum } from './exposure-check.test-util';
import { SumAudit } from './release-audit';

// An exact audit of a ledger of 2,400 units after the releases: seconds, not the default 5 s.
jest.setTimeout(120_000);

const UNITS = 2400;
const BLOCK = 6;
const RELEASED_BLOCKS = 60;
const MIN_N = 5;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Sets that lie almost in the span of what is released: all units less some released blocks
 * and less a few fresh units. Their residual keeps r / |T| of their squared length, between
 * 1e-4 and 1e-2: the sets whose direction the audit now takes from one Gram–Schmidt pass. The
 * expected verdicts are worked out by hand (the fresh units' sum is what such a set adds), and
 * the released ledger is audited again by the exact, independent check of the tests.
 */
describe('SumAudit on sets that cancel most of their length', () => {
  it('refuses exactly those that give away a sum of fewer than minN others, and leaves nothing solvable', () => {
    const random = new SeededRandom(29);
    const owners = Int32Array.from(range(0, UNITS));
    const audit = new SumAudit(owners, MIN_N);
    const released: ReleasedSum[] = [];
    const release = (label: string, units: number[]): string => {
      const verdict = audit.release(Int32Array.from(units));
      if (verdict === 'released') {
        released.push({ label, units });
      }
      return verdict;
    };
    expect(release('all', range(0, UNITS))).toBe('released');
    for (let b = 0; b < RELEASED_BLOCKS; b++) {
      expect(release(`block ${b}`, range(b * BLOCK, (b + 1) * BLOCK))).toBe('released');
    }
    // Fresh units come from the blocks never released, each used once.
    let fresh = RELEASED_BLOCKS * BLOCK;
    const verdicts: Array<{ fresh: number; verdict: string }> = [];
    for (let move = 0; move < 80; move++) {
      const r = random.int(1, 8);
      const left = new Set<number>(range(fresh, fresh + r));
      fresh += r;
      for (let k = random.int(1, 10); k > 0; k--) {
        const b = random.int(0, RELEASED_BLOCKS - 1);
        range(b * BLOCK, (b + 1) * BLOCK).forEach((u) => left.add(u));
      }
      const set = range(0, UNITS).filter((u) => !left.has(u));
      // ‖(I − P) 1_T‖² = r − r² / UNITS: the fresh units, less their share of "all".
      const share = (r - (r * r) / UNITS) / set.length;
      expect(share).toBeGreaterThan(1e-4);
      expect(share).toBeLessThan(1e-2);
      verdicts.push({ fresh: r, verdict: release(`move ${move}`, set) });
    }
    // "All" less the set and the released blocks is the sum of its r fresh units (and nothing
    // else new): a company holding one of them learns the sum of r − 1 others, so the set is
    // refused exactly when r − 1 < minN.
    for (const { fresh: r, verdict } of verdicts) {
      expect(verdict).toBe(r - 1 < MIN_N ? 'differencing' : 'released');
    }
    expect(verdicts.filter((v) => v.verdict === 'released').length).toBeGreaterThan(20);
    expect(verdicts.filter((v) => v.verdict === 'differencing').length).toBeGreaterThan(20);
    expect(
      findExposures({ owners: [...owners].map(String), sums: released, minN: MIN_N }, 1),
    ).toEqual([]);
  });
});
