import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { SeededRandom } from '../demo/seeded-random';
import {
  bruteForceExposures,
  Exposure,
  findExposures,
  proveExposure,
  ReleasedSum,
  SumLedger,
} from './exposure-check.test-util';

// Brute force over every subset of a ledger checks the checker: seconds, not the default 5 s.
jest.setTimeout(120_000);

const MIN_N = DEFAULT_DISCLOSURE_POLICY.minN;

// ---------------------------------------------------------------------------------------------
// The checker, on hand-worked ledgers
// ---------------------------------------------------------------------------------------------

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A ledger of units 0..unitCount-1, unit u owned by `c<u>` unless `owners` says otherwise. */
function ledgerOf(
  unitCount: number,
  sums: Record<string, number[]>,
  owners: Record<number, string> = {},
): SumLedger {
  return {
    owners: range(0, unitCount - 1).map((u) => owners[u] ?? `c${u}`),
    sums: Object.entries(sums).map(([label, units]) => ({ label, units })),
    minN: MIN_N,
  };
}

const sorted = (exposures: Exposure[]): Exposure[] =>
  [...exposures].sort(
    (a, b) =>
      a.attacker.localeCompare(b.attacker) || a.units.join(',').localeCompare(b.units.join(',')),
  );

describe('the exposure check (hand-worked ledgers)', () => {
  it('finds the lone unit that all − A − B leaves, for every other company', () => {
    // 13 units: A = 0..5 and B = 6..11 (6 each), unit 12 in neither.
    const ledger = ledgerOf(13, { all: range(0, 12), A: range(0, 5), B: range(6, 11) });
    const expected = range(0, 11).map((u) => ({ attacker: `c${u}`, units: [12] }));
    expect(sorted(findExposures(ledger))).toEqual(sorted(expected));
    expect(proveExposure(ledger, { attacker: 'c0', units: [12] })).toEqual({
      terms: [
        { label: 'all', coefficient: '+1' },
        { label: 'A', coefficient: '-1' },
        { label: 'B', coefficient: '-1' },
      ],
    });
  });

  it('lets a member of a group of exactly 5 compute the sum of the other 4', () => {
    // Units 5..9 are in no released sum.
    const ledger = ledgerOf(10, { G: range(0, 4) });
    const expected = range(0, 4).map((u) => ({
      attacker: `c${u}`,
      units: range(0, 4).filter((other) => other !== u),
    }));
    expect(sorted(findExposures(ledger))).toEqual(sorted(expected));
    // A company outside the group learns its sum over 5 units, but no part of it.
    expect(proveExposure(ledger, { attacker: 'c5', units: range(0, 4) })).not.toBeNull();
    expect(proveExposure(ledger, { attacker: 'c5', units: range(0, 3) })).toBeNull();
  });

  it('finds nothing in two disjoint groups of 6 and their union', () => {
    const ledger = ledgerOf(12, { all: range(0, 11), A: range(0, 5), B: range(6, 11) });
    expect(findExposures(ledger)).toEqual([]);
    expect(bruteForceExposures(ledger)).toEqual([]);
  });

  it('does not count the attacker’s own unit as exposed, but others see it', () => {
    // A − B is unit 0: exposed to everyone but its owner, who only learns B (5 units).
    const ledger = ledgerOf(6, { A: range(0, 5), B: range(1, 5) });
    const expected = range(1, 5).flatMap((u) => [
      { attacker: `c${u}`, units: [0] },
      { attacker: `c${u}`, units: range(1, 5).filter((other) => other !== u) },
    ]);
    expect(sorted(findExposures(ledger))).toEqual(sorted(expected));
  });

  it('lets a company with two units in a group of 6 compute the sum of the other 4', () => {
    const ledger = ledgerOf(6, { G: range(0, 5) }, { 0: 'x', 1: 'x' });
    expect(findExposures(ledger)).toEqual([{ attacker: 'x', units: [2, 3, 4, 5] }]);
  });

  it('finds a unit isolated by a three-group chain all − X − Y + X∩Y', () => {
    // X = 0..7, Y = 3..10, X∩Y = 3..7 (5 each at least); unit 11 is in none of them.
    const ledger = ledgerOf(12, {
      all: range(0, 11),
      X: range(0, 7),
      Y: range(3, 10),
      XY: range(3, 7),
    });
    const exposures = findExposures(ledger);
    expect(exposures).toContainEqual({ attacker: 'c0', units: [11] });
    // X − X∩Y = {0, 1, 2}: a sum over 3 units, exposed to a company outside it.
    expect(exposures).toContainEqual({ attacker: 'c11', units: [0, 1, 2] });
    expect(proveExposure(ledger, { attacker: 'c0', units: [11] })).toEqual({
      terms: [
        { label: 'all', coefficient: '+1' },
        { label: 'X', coefficient: '-1' },
        { label: 'Y', coefficient: '-1' },
        { label: 'XY', coefficient: '+1' },
      ],
    });
  });

  it('solves with fractions: three pairwise sums give each value', () => {
    // u0 = (s01 − s12 + s02) / 2; unit 3 (c3) is in no sum.
    const ledger = ledgerOf(4, { s01: [0, 1], s12: [1, 2], s02: [0, 2] });
    const exposures = findExposures(ledger).filter((e) => e.attacker === 'c3');
    expect(sorted(exposures)).toEqual(
      sorted([0, 1, 2].map((u) => ({ attacker: 'c3', units: [u] }))),
    );
    expect(proveExposure(ledger, { attacker: 'c3', units: [0] })).toEqual({
      terms: [
        { label: 's01', coefficient: '+1/2' },
        { label: 's12', coefficient: '-1/2' },
        { label: 's02', coefficient: '+1/2' },
      ],
    });
  });

  it('agrees with trying every subset on random tiny ledgers', () => {
    const random = new SeededRandom(0x7e57);
    const keyOf = (e: Exposure): string => `${e.attacker}:${e.units.join(',')}`;
    for (let run = 0; run < 150; run++) {
      const unitCount = random.int(4, 11);
      const companyCount = random.int(Math.max(2, unitCount - 3), unitCount);
      const owners = range(0, unitCount - 1).map((u) =>
        u < companyCount ? `c${u}` : `c${random.int(0, companyCount - 1)}`,
      );
      const density = random.uniform(0.3, 0.8);
      const sums: ReleasedSum[] = range(1, random.int(1, 7)).map((s) => ({
        label: `s${s}`,
        units: range(0, unitCount - 1).filter(() => random.bernoulli(density)),
      }));
      const ledger: SumLedger = { owners, sums, minN: random.int(2, 5) };
      const brute = bruteForceExposures(ledger);
      const bruteKeys = new Set(brute.map(keyOf));
      const minimal = brute.filter(
        (e) =>
          !brute.some(
            (other) =>
              other.attacker === e.attacker &&
              other.units.length < e.units.length &&
              other.units.every((u) => e.units.includes(u)),
          ),
      );
      for (const forceBigInt of [false, true]) {
        const fast = findExposures(ledger, Number.POSITIVE_INFINITY, { forceBigInt });
        const fastKeys = new Set(fast.map(keyOf));
        const context = JSON.stringify({ run, ledger, forceBigInt });
        // Everything found is real, and every minimal exposure is found.
        expect({ context, unproven: fast.map(keyOf).filter((k) => !bruteKeys.has(k)) }).toEqual({
          context,
          unproven: [],
        });
        expect({ context, missed: minimal.map(keyOf).filter((k) => !fastKeys.has(k)) }).toEqual({
          context,
          missed: [],
        });
      }
    }
  });
});
