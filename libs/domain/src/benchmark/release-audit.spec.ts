import { SumAudit } from './release-audit';

/** Units 0..n-1, each a company of its own unless `owners` says otherwise. */
function audit(units: number, owners?: number[], minN = 5): SumAudit {
  return new SumAudit(Int32Array.from(owners ?? Array.from({ length: units }, (_, u) => u)), minN);
}

const range = (from: number, to: number): Int32Array =>
  Int32Array.from({ length: to - from }, (_, i) => from + i);

describe('SumAudit', () => {
  it('refuses the last band when all less the other bands leaves one unit', () => {
    const a = audit(16);
    expect(a.release(range(0, 16))).toBe('released');
    expect(a.release(range(0, 8))).toBe('released');
    // all − (0..7) − (8..14) = unit 15.
    expect(a.release(range(8, 15))).toBe('differencing');
    // So is 8..13, which leaves 14 and 15 as a sum of two.
    expect(a.release(range(8, 14))).toBe('differencing');
  });

  it('refuses a set of exactly minN units: a member would learn the sum of the other four', () => {
    const a = audit(10);
    expect(a.release(range(0, 5))).toBe('differencing');
    expect(a.release(range(0, 6))).toBe('released');
  });

  it('counts every unit of the attacking company as known', () => {
    // Company 0 owns units 0 and 1: in a set of 6 it would learn the sum of 4 others.
    const a = audit(12, [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(a.release(range(0, 6))).toBe('differencing');
    expect(a.release(range(0, 7))).toBe('released');
  });

  it('releases disjoint sets of 6 and their union', () => {
    const a = audit(12);
    expect(a.release(range(0, 6))).toBe('released');
    expect(a.release(range(6, 12))).toBe('released');
    expect(a.release(range(0, 12))).toBe('released');
  });

  it('sees through a chain of three groups that no pairwise comparison catches', () => {
    // G = 0..27; A and B split G's units but unit 27: G − A − B = unit 27.
    const a = audit(40);
    expect(a.release(range(0, 40))).toBe('released');
    expect(a.release(range(0, 28))).toBe('released');
    expect(a.release(range(0, 16))).toBe('released');
    expect(a.release(range(16, 27))).toBe('differencing');
  });

  it('keeps its decisions past a hundred released sets, as its rows widen step by step', () => {
    // 100 disjoint blocks of 6 units: 100 directions, past several widenings of the rows.
    const a = audit(600);
    for (let block = 0; block < 100; block++) {
      expect(a.release(range(6 * block, 6 * block + 6))).toBe('released');
    }
    // The first 50 blocks together: their sum is the blocks' sums added up.
    expect(a.release(range(0, 300))).toBe('released');
    // Those blocks less unit 299: with their sum, unit 299's value.
    expect(a.release(range(0, 299))).toBe('differencing');
    // The last block less one unit: that unit, whose block was released first.
    expect(a.release(range(594, 599))).toBe('differencing');
  });

  it('releases a set whose sum is computable already, since it tells nothing new', () => {
    const a = audit(12);
    a.release(range(0, 6));
    a.release(range(6, 12));
    expect(a.release(range(0, 12))).toBe('released');
    expect(a.release(range(0, 6))).toBe('released');
  });

  it('refuses a release that would reveal a protected sum, and says so', () => {
    const a = audit(20);
    expect(a.protect(range(0, 6))).toBe(true);
    expect(a.release(range(0, 20))).toBe('released');
    expect(a.release(range(6, 20))).toBe('secondary');
    // The rest (0..9) holds the protected units and four more: its sum hides theirs.
    expect(a.release(range(10, 20))).toBe('released');
  });

  it('reports a protected sum that is computable already', () => {
    const a = audit(20);
    a.release(range(0, 20));
    a.release(range(6, 20));
    expect(a.protect(range(0, 6))).toBe(false);
  });

  it('leaves a refused set without effect on later decisions', () => {
    const a = audit(16);
    a.release(range(0, 16));
    expect(a.release(range(0, 15))).toBe('differencing');
    // Had 0..14 been released, 0..7 would still pass; 8..15 would then give away unit 15.
    expect(a.release(range(0, 8))).toBe('released');
    expect(a.release(range(8, 16))).toBe('released');
  });

  it('audits nothing when minN is 1', () => {
    const a = audit(3, undefined, 1);
    expect(a.release(range(0, 1))).toBe('released');
  });
});
