import { BenchmarkCell, suppressedCell } from './benchmark-cell';
import { cellsSeenBy, suppliedKpis } from './give-to-get';

function releasedCell(kpiKey: string, p50 = 40): BenchmarkCell {
  return {
    kpiKey,
    n: 12,
    mean: p50,
    p10: 10,
    p25: 20,
    p50,
    p75: 60,
    p90: 70,
    pooled: null,
    suppressed: null,
    suppressedStatistics: [],
  };
}

const GIVE_TO_GET = {
  rule: 'give_to_get' as const,
  reason: {
    de: 'nur für Einheiten, die diese Kennzahl selbst geliefert haben',
    en: 'only for units that supplied this KPI themselves',
  },
};

const withheld = (kpiKey: string): BenchmarkCell => ({
  kpiKey,
  n: null,
  mean: null,
  p10: null,
  p25: null,
  p50: null,
  p75: null,
  p90: null,
  pooled: null,
  suppressed: GIVE_TO_GET,
  suppressedStatistics: [],
});

describe('cellsSeenBy', () => {
  const minN = {
    rule: 'min_n' as const,
    reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
  };
  const cells = [releasedCell('aht'), releasedCell('nps'), suppressedCell('csat', minN)];

  it('withholds, with no figure at all, the released cells of KPIs the participant did not supply', () => {
    const seen = cellsSeenBy(cells, { kind: 'participant', supplied: new Set(['aht', 'csat']) });
    expect(seen).toEqual([releasedCell('aht'), withheld('nps'), suppressedCell('csat', minN)]);
  });

  it('shows a participant that supplied every KPI the released cells as stored', () => {
    const seen = cellsSeenBy(cells, {
      kind: 'participant',
      supplied: new Set(['aht', 'nps', 'csat']),
    });
    expect(seen).toEqual([releasedCell('aht'), releasedCell('nps'), suppressedCell('csat', minN)]);
  });

  it('keeps the reason of a cell that is withheld anyway', () => {
    const seen = cellsSeenBy(cells, { kind: 'participant', supplied: new Set() });
    expect(seen[2].suppressed).toEqual(minN);
  });

  it('shows the publisher every released cell, whoever supplied what', () => {
    expect(cellsSeenBy(cells, { kind: 'publisher' })).toEqual([
      releasedCell('aht'),
      releasedCell('nps'),
      suppressedCell('csat', minN),
    ]);
  });

  it("reads each cycle of a trend with what the unit supplied to that cycle's snapshot", () => {
    // The unit supplied the NPS in 2024 but not in 2023: the 2023 median of 31 must not show,
    // the 2024 median of 35 may. It never supplied the AHT: neither median shows.
    const cycles = [
      { year: 2023, cells: [releasedCell('aht', 300), releasedCell('nps', 31)], supplied: [] },
      {
        year: 2024,
        cells: [releasedCell('aht', 280), releasedCell('nps', 35)],
        supplied: ['nps'],
      },
    ];
    const medians = cycles.map((cycle) =>
      cellsSeenBy(cycle.cells, { kind: 'participant', supplied: new Set(cycle.supplied) }).map(
        (cell) => [cell.kpiKey, cell.p50, cell.suppressed?.rule ?? null],
      ),
    );
    expect(medians).toEqual([
      [
        ['aht', null, 'give_to_get'],
        ['nps', null, 'give_to_get'],
      ],
      [
        ['aht', null, 'give_to_get'],
        ['nps', 35, null],
      ],
    ]);
  });

  it('leaves the cells given unchanged', () => {
    cellsSeenBy(cells, { kind: 'participant', supplied: new Set() });
    expect(cells[1]).toEqual(releasedCell('nps'));
  });
});

describe('suppliedKpis', () => {
  // Three KPIs x four units; NaN where a unit did not supply the KPI.
  const keys = ['aht', 'nps', 'csat'];
  const values = [
    Float64Array.from([300, NaN, 250, NaN]),
    Float64Array.from([NaN, 20, NaN, NaN]),
    Float64Array.from([NaN, NaN, NaN, NaN]),
  ];

  it("takes one unit's own values", () => {
    expect([...suppliedKpis(keys, values, [0])]).toEqual(['aht']);
    expect([...suppliedKpis(keys, values, [1])]).toEqual(['nps']);
    expect([...suppliedKpis(keys, values, [3])]).toEqual([]);
  });

  it('takes a KPI any of several units supplied, and counts a value of 0 as supplied', () => {
    expect([...suppliedKpis(keys, values, [0, 1])]).toEqual(['aht', 'nps']);
    expect([...suppliedKpis(['aht'], [Float64Array.from([0])], [0])]).toEqual(['aht']);
  });

  it('gives nothing for no unit, or for a unit not in the snapshot', () => {
    expect(suppliedKpis(keys, values, []).size).toBe(0);
    expect(suppliedKpis(keys, values, [-1]).size).toBe(0);
  });
});
