import { BenchmarkCell, suppressedCell } from './benchmark-cell';
import { applyGiveToGet } from './give-to-get';

function releasedCell(kpiKey: string): BenchmarkCell {
  return {
    kpiKey,
    n: 12,
    mean: 40,
    p10: 10,
    p25: 20,
    p50: 40,
    p75: 60,
    p90: 70,
    pooled: null,
    suppressed: null,
    suppressedStatistics: [],
  };
}

describe('applyGiveToGet', () => {
  const minN = {
    rule: 'min_n' as const,
    reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
  };
  const cells = [releasedCell('aht'), releasedCell('nps'), suppressedCell('csat', minN)];

  it('withholds the released cells of KPIs the unit did not supply', () => {
    const seen = applyGiveToGet(cells, new Set(['aht', 'csat']));
    expect(seen[0]).toEqual(releasedCell('aht'));
    expect(seen[1]).toEqual({
      kpiKey: 'nps',
      n: null,
      mean: null,
      p10: null,
      p25: null,
      p50: null,
      p75: null,
      p90: null,
      pooled: null,
      suppressed: {
        rule: 'give_to_get',
        reason: {
          de: 'nur für Einheiten, die diese Kennzahl selbst geliefert haben',
          en: 'only for units that supplied this KPI themselves',
        },
      },
      suppressedStatistics: [],
    });
  });

  it('keeps the reason of a cell that is withheld anyway', () => {
    expect(applyGiveToGet(cells, new Set())[2].suppressed).toEqual(minN);
  });

  it('leaves the cells given unchanged', () => {
    applyGiveToGet(cells, new Set());
    expect(cells[1]).toEqual(releasedCell('nps'));
  });
});
