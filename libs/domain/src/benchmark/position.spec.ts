import { BenchmarkCell, suppressedCell } from './benchmark-cell';
import { unitPosition } from './position';

// Peers 10, 20, 20, 30, 40 (n = 5). Linear quartiles, h = 4p: P25 = x[1] = 20, P50 = x[2] = 20,
// P75 = x[3] = 30.
const peers = [10, 20, 20, 30, 40];
const cell: BenchmarkCell = {
  kpiKey: 'fcr',
  n: 5,
  mean: 24,
  p10: null,
  p25: 20,
  p50: 20,
  p75: 30,
  p90: null,
  pooled: null,
  suppressed: null,
  suppressedStatistics: [],
};

describe('unitPosition', () => {
  describe('higher is better', () => {
    const at = (value: number) =>
      unitPosition({ value, peerValuesSorted: peers, polarity: 'higher_is_better', cell });

    it('counts the peers below and half of those equal, the unit included', () => {
      // Value 30: below 10, 20, 20 (3); equal only itself (1): (3 + 0.5) / 5 = 70 %.
      expect(at(30)).toEqual({
        value: 30,
        percentileRank: 70,
        quartile: 1,
        gapToMedian: 10,
        gapToTopQuartile: 0,
      });
    });

    it('splits ties: value 20 is better than 40 % of peers, in Q2', () => {
      // Below: 10 (1); equal: both 20s (2): (1 + 1) / 5 = 40 %. 20 >= P50 = 20 -> Q2.
      expect(at(20)).toEqual({
        value: 20,
        percentileRank: 40,
        quartile: 2,
        gapToMedian: 0,
        gapToTopQuartile: 10,
      });
    });

    it('puts the lowest value into Q4', () => {
      // (0 + 0.5) / 5 = 10 %; 10 < P25 -> Q4; 20 to go to P75 = 30.
      expect(at(10)).toEqual({
        value: 10,
        percentileRank: 10,
        quartile: 4,
        gapToMedian: -10,
        gapToTopQuartile: 20,
      });
    });
  });

  describe('lower is better', () => {
    const at = (value: number) =>
      unitPosition({ value, peerValuesSorted: peers, polarity: 'lower_is_better', cell });

    it('counts the peers above as worse', () => {
      // Value 20: above 30, 40 (2); equal 2: (2 + 1) / 5 = 60 %. 20 <= P25 = 20 -> Q1.
      expect(at(20)).toEqual({
        value: 20,
        percentileRank: 60,
        quartile: 1,
        gapToMedian: 0,
        gapToTopQuartile: 0,
      });
    });

    it('puts the highest value into Q4, 20 above the top-quartile boundary', () => {
      // (0 + 0.5) / 5 = 10 %; 40 > P75 -> Q4; it must fall by 20 to reach P25 = 20.
      expect(at(40)).toEqual({
        value: 40,
        percentileRank: 10,
        quartile: 4,
        gapToMedian: 20,
        gapToTopQuartile: 20,
      });
    });

    it('puts a value between P50 and P75 into Q3', () => {
      // Value 30: above 40 (1), equal 1: (1 + 0.5) / 5 = 30 %.
      expect(at(30)).toMatchObject({ percentileRank: 30, quartile: 3, gapToTopQuartile: 10 });
    });
  });

  it('ranks a neutral KPI ascending, without quartile or top-quartile gap', () => {
    expect(unitPosition({ value: 30, peerValuesSorted: peers, polarity: 'neutral', cell })).toEqual(
      {
        value: 30,
        percentileRank: 70,
        quartile: null,
        gapToMedian: 10,
        gapToTopQuartile: null,
      },
    );
  });

  it('gives no position against a suppressed cell', () => {
    const withheld = suppressedCell('fcr', {
      rule: 'min_n',
      reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
    });
    expect(
      unitPosition({
        value: 30,
        peerValuesSorted: peers,
        polarity: 'higher_is_better',
        cell: withheld,
      }),
    ).toEqual({
      value: 30,
      percentileRank: null,
      quartile: null,
      gapToMedian: null,
      gapToTopQuartile: null,
    });
  });

  it('gives no position without a value of its own', () => {
    expect(
      unitPosition({ value: null, peerValuesSorted: peers, polarity: 'higher_is_better', cell }),
    ).toEqual({
      value: null,
      percentileRank: null,
      quartile: null,
      gapToMedian: null,
      gapToTopQuartile: null,
    });
  });

  it('ranks a yes/no KPI but gives it no quartile or gaps', () => {
    // Peers 0, 0, 0, 1, 1; a "yes": below 3, equal 2 -> (3 + 1) / 5 = 80 %.
    const shares: BenchmarkCell = { ...cell, mean: 40, p25: null, p50: null, p75: null };
    expect(
      unitPosition({
        value: 1,
        peerValuesSorted: [0, 0, 0, 1, 1],
        polarity: 'higher_is_better',
        cell: shares,
      }),
    ).toEqual({
      value: 1,
      percentileRank: 80,
      quartile: null,
      gapToMedian: null,
      gapToTopQuartile: null,
    });
  });
});
