import {
  DEFAULT_DISCLOSURE_POLICY,
  SUPPRESSION_REASONS,
  suppressedFigure,
  TrendData,
} from '@app/domain';
import {
  createDistribution,
  createHandMadeTrendData,
  createKpiTrend,
  releasedFigure,
} from './trend-report-test-factories';
import { NBSP, kpiBlock, modelOf, withKpi } from './trend-report-model.test-util';

describe('buildTrendReportModel: pooled figures', () => {
  const minNPooled = suppressedFigure(SUPPRESSION_REASONS.minNPooled(DEFAULT_DISCLOSURE_POLICY));

  it('gives a weighted KPI’s pooled figure per cycle with its n and its change in points', () => {
    const attrition = kpiBlock(modelOf('en'), 'attrition_rate').pooled;
    // 30.84 -> 22.24: one decimal, as a share; -8.6 points.
    expect(attrition).toEqual({
      title: 'Pooled (weighted by average headcount)',
      changeColumn: 'Δ percentage points',
      rows: [
        {
          year: '2024',
          n: { text: '150', mark: null },
          value: { text: '30.8', mark: null },
          change: { text: '', mark: null },
        },
        {
          year: '2025',
          n: { text: '160', mark: null },
          value: { text: '22.2', mark: null },
          change: { text: '−8.6', mark: null },
        },
      ],
    });
    // A KPI without a weight has no pooled table.
    expect(kpiBlock(modelOf('en'), 'training_days_new').pooled).toBeNull();
  });

  it('writes the pooled figures the German way', () => {
    const fcr = kpiBlock(modelOf('de'), 'fcr_rate').pooled;
    // 68.04 -> 72.46 is +4.42 points.
    expect(fcr?.title).toBe('Gepoolt (gewichtet mit: Kontakte gesamt)');
    expect(fcr?.changeColumn).toBe('Δ Prozentpunkte');
    expect(fcr?.rows.map((row) => [row.year, row.n.text, row.value.text, row.change.text])).toEqual(
      [
        ['2024', '140', '68,0', ''],
        ['2025', '150', '72,5', '+4,4'],
      ],
    );
  });

  it('shows a pooled figure withheld by the p% or the dominance rule as a dash with its mark, n included', () => {
    const asa = kpiBlock(modelOf('en'), 'asa_seconds').pooled;
    expect(asa?.title).toBe('Pooled (weighted by phone contacts)');
    // Not a share: the change would be in seconds.
    expect(asa?.changeColumn).toBe('Δ s');
    const p = { text: '–', mark: '4' };
    const dominance = { text: '–', mark: '5' };
    expect(asa?.rows).toEqual([
      { year: '2024', n: p, value: p, change: { text: '', mark: null } },
      // The change is withheld for the reason of its first withheld side.
      { year: '2025', n: dominance, value: dominance, change: p },
    ]);
    const de = modelOf('de');
    const productivity = de.areas.find((area) => area.area === 'productivity');
    expect(productivity?.notes.slice(2)).toEqual([
      {
        mark: '4',
        text: 'Nicht ausgewiesen (p-%-Regel): das Gewicht ohne die zwei größten Beiträge liegt unter 10 % des größten.',
      },
      {
        mark: '5',
        text: 'Nicht ausgewiesen (Dominanzregel): eine Einheit trägt mehr als 25 % des Gewichts.',
      },
    ]);
    expect(de.appendix.withheld[4]).toEqual({
      mark: '5',
      rule: 'Dominanzregel',
      reason: 'eine Einheit trägt mehr als 25 % des Gewichts',
      entries: [{ subject: 'Durchschnittliche Wartezeit (ASA)', what: '2025, gepoolt' }],
    });
  });

  it('words the latest pooled shares in the summary as shares of all the weight counts', () => {
    const en = modelOf('en').summary;
    expect(en.pooledLead).toBe(
      'Shares pooled over all participants in 2025: each unit counts with its volume, so that the share is one of the whole volume of all units, while the median describes the typical unit.',
    );
    // Attrition 22.24 % of all employees, -8.6 points; FCR 72.46 % of all contacts, +4.42
    // points. ASA is no share, and its pooled figure is withheld.
    expect(en.pooled).toEqual([
      `Attrition rate: 22.2${NBSP}% of all employees in 2025, pooled over 160 units (−8.6${NBSP}percentage points from 2024).`,
      `First-contact resolution (FCR): 72.5${NBSP}% of all contacts in 2025, pooled over 150 units (+4.4${NBSP}percentage points from 2024).`,
    ]);
    expect(modelOf('de').summary.pooled).toEqual([
      `Fluktuationsquote: 22,2${NBSP}% aller Mitarbeitenden im Jahr 2025, gepoolt über 160 Einheiten (−8,6${NBSP}Prozentpunkte gegenüber 2024).`,
      `Erstlösungsquote (FCR): 72,5${NBSP}% aller Kontakte im Jahr 2025, gepoolt über 150 Einheiten (+4,4${NBSP}Prozentpunkte gegenüber 2024).`,
    ]);
  });

  it('names no change of a pooled share whose earlier year is withheld, and no share of a weight that counts nothing', () => {
    const fcr = createKpiTrend(
      'fcr_rate',
      [releasedFigure(150, createDistribution(70)), releasedFigure(160, createDistribution(71))],
      { n: 140, from: createDistribution(70), to: createDistribution(71) },
      'higher_is_better',
      [minNPooled, releasedFigure(150, 72.46)],
    );
    // Occupancy is weighted by agent FTE: "80 % of all FTE" says nothing, so it gets no sentence.
    const occupancy = createKpiTrend(
      'occupancy_rate',
      [releasedFigure(150, createDistribution(80)), releasedFigure(160, createDistribution(81))],
      { n: 140, from: createDistribution(80), to: createDistribution(81) },
      'neutral',
      [releasedFigure(150, 80.4), releasedFigure(160, 81.2)],
    );
    const trend = withKpi('fcr_rate', fcr);
    const model = modelOf('en', { ...trend, kpis: [...trend.kpis, occupancy] });
    expect(model.summary.pooled).toEqual([
      `Attrition rate: 22.2${NBSP}% of all employees in 2025, pooled over 160 units (−8.6${NBSP}percentage points from 2024).`,
      `First-contact resolution (FCR): 72.5${NBSP}% of all contacts in 2025, pooled over 150 units.`,
    ]);
    // Its table shows it all the same.
    expect(kpiBlock(model, 'occupancy_rate').pooled?.rows[1].value.text).toBe('81.2');
    expect(kpiBlock(model, 'occupancy_rate').pooled?.title).toBe(
      'Pooled (weighted by agents (full-time equivalents))',
    );
  });

  it('withholds a pooled figure the trend data releases on fewer than min_n units, table and summary', () => {
    const attrition = createKpiTrend(
      'attrition_rate',
      [releasedFigure(150, createDistribution(30)), releasedFigure(168, createDistribution(23))],
      { n: 140, from: createDistribution(29), to: createDistribution(22.5) },
      'lower_is_better',
      [releasedFigure(150, 30.84), releasedFigure(4, 44.44)],
    );
    const model = modelOf('de', withKpi('attrition_rate', attrition));
    const rows = kpiBlock(model, 'attrition_rate').pooled?.rows;
    // Marks 1 and 2 are participation's; min_n is 2.
    expect(rows?.[1]).toEqual({
      year: '2025',
      n: { text: '–', mark: '2' },
      value: { text: '–', mark: '2' },
      change: { text: '–', mark: '2' },
    });
    expect(JSON.stringify(model)).not.toMatch(/44[.,]4/);
    expect(model.summary.pooled.join(' ')).not.toContain('Fluktuationsquote');
  });

  it('words the pooled shares of a single cycle without a change', () => {
    const full = createHandMadeTrendData();
    const fcr = full.kpis.find((kpi) => kpi.kpiKey === 'fcr_rate');
    if (!fcr) {
      throw new Error('no FCR in the hand-made trend');
    }
    const single: TrendData = {
      ...full,
      years: [2025],
      participation: [full.participation[1]],
      kpis: [{ ...fcr, cycles: [fcr.cycles[1]], changes: [] }],
      adoption: [],
      drivers: [],
      drift: { kpiKeys: [], cycles: [] },
    };
    const { summary } = modelOf('en', single);
    expect(summary.pooledLead).toContain('in 2025:');
    expect(summary.pooled).toEqual([
      `First-contact resolution (FCR): 72.5${NBSP}% of all contacts in 2025, pooled over 150 units.`,
    ]);
  });
});
