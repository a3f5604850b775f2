import { TrendData } from '@app/domain';
import {
  createDistribution,
  createHandMadeTrendData,
  createKpiTrend,
  releasedFigure,
} from './trend-report-test-factories';
import { NBSP, kpiBlock, modelOf, withKpi } from './trend-report-model.test-util';

describe('buildTrendReportModel: executive summary', () => {
  it('words the largest movements in English, the all-participant figure with the panel beside it', () => {
    const { summary } = modelOf('en');
    expect(summary.movementsLead).toContain('from 2024 to 2025');
    // Ranked by the panel's change in interquartile ranges of the earlier year: attrition
    // 29 -> 22.5 is -6.5 over an IQR of 10, 0.65; training 21 -> 27.3 is 6.3 over 30 - 15.5,
    // 0.43; FCR (panel withheld) 70 -> 71 over all is 1 over 10, 0.1. Training over all
    // 21 -> 27 is +28.57 %, +29 %; its panel +30 %. Attrition is in %: 30 -> 23 is -7 points.
    expect(summary.movements).toEqual([
      `Attrition rate: the median of all participants fell from 30 to 23${NBSP}% (−7${NBSP}percentage points); in the balanced panel of 140 units −6.5${NBSP}percentage points.`,
      `Basic training of new agents: the median of all participants rose from 21 to 27${NBSP}days (+29${NBSP}%); in the balanced panel of 150 units +30${NBSP}%.`,
      `First-contact resolution (FCR): the median of all participants rose from 70 to 71${NBSP}% (+1${NBSP}percentage point); the change in the balanced panel is not released.`,
    ]);
    expect(summary.noMovements).toBeNull();
  });

  it('words them in German with German numbers', () => {
    const { summary } = modelOf('de');
    expect(summary.movements).toEqual([
      `Fluktuationsquote: Der Median aller Teilnehmer sank von 30 auf 23${NBSP}% (−7${NBSP}Prozentpunkte); im ausgewogenen Panel von 140 Einheiten −6,5${NBSP}Prozentpunkte.`,
      `Grundausbildung neuer Agenten: Der Median aller Teilnehmer stieg von 21 auf 27${NBSP}Tage (+29${NBSP}%); im ausgewogenen Panel von 150 Einheiten +30${NBSP}%.`,
      `Erstlösungsquote (FCR): Der Median aller Teilnehmer stieg von 70 auf 71${NBSP}% (+1${NBSP}Prozentpunkt); die Veränderung im ausgewogenen Panel ist nicht ausgewiesen.`,
    ]);
  });

  it('ranks by the change in interquartile ranges, leaving out the drift KPIs and a KPI withheld on both sides', () => {
    const { summary } = modelOf('en');
    const text = summary.movements.join(' ');
    // NPS and CES have their own sentence; ASA's change is withheld over all and in the panel.
    expect(text).not.toContain('Net Promoter');
    expect(text).not.toContain('Customer Effort');
    expect(text).not.toContain('Average speed of answer');
  });

  it('words the change of a score reaching below 0 (eNPS) in its own unit, not in per cent', () => {
    // eNPS 7 -> 13 over all (+6) and 8 -> 12 in the panel (+4); in per cent it would read +86 %.
    const trend = withKpi(
      'training_days_new',
      createKpiTrend(
        'employee_nps',
        [releasedFigure(150, createDistribution(7)), releasedFigure(160, createDistribution(13))],
        { n: 140, from: createDistribution(8), to: createDistribution(12) },
      ),
    );
    const sentence = modelOf('en', trend).summary.movements.find((text) =>
      text.startsWith('Employee NPS'),
    );
    expect(sentence).toContain('from 7 to 13 (+6)');
    expect(sentence).toContain('units +4.');
    expect(sentence).not.toContain('%');
  });

  it('takes the panel figure where the one over all participants is withheld, and says so', () => {
    const trend = withKpi(
      'training_days_new',
      createKpiTrend(
        'training_days_new',
        [
          { released: false, suppression: { rule: 'min_n', reason: { de: 'x', en: 'x' } } },
          releasedFigure(170, createDistribution(27)),
        ],
        { n: 150, from: createDistribution(21), to: createDistribution(27.3) },
      ),
    );
    const training = (language: 'de' | 'en', prefix: string) =>
      modelOf(language, trend).summary.movements.find((text) => text.startsWith(prefix));
    expect(training('en', 'Basic training')).toBe(
      `Basic training of new agents: in the balanced panel of 150 units the median rose from 21 to 27.3${NBSP}days (+30${NBSP}%); the figure over all participants is not released.`,
    );
    expect(training('de', 'Grundausbildung')).toBe(
      `Grundausbildung neuer Agenten: Im ausgewogenen Panel von 150 Einheiten stieg der Median von 21 auf 27,3${NBSP}Tage (+30${NBSP}%); der Wert über alle Teilnehmer ist nicht ausgewiesen.`,
    );
  });

  it('words the adoption changes in points, the panel beside them where released', () => {
    const { summary } = modelOf('en');
    // Value-creating contacts: panel +2.4 points; cost per customer: all +1.5, panel withheld.
    expect(summary.adoption).toEqual([
      `Works by the principle of value-creating contacts: the share of “yes” among all participants rose from 10 to 13${NBSP}% (+3${NBSP}percentage points); in the balanced panel of 145 units +2.4${NBSP}percentage points.`,
      `Service cost per customer is used as a KPI: the share of “yes” among all participants rose from 10 to 11.5${NBSP}% (+1.5${NBSP}percentage points); the change in the balanced panel is not released.`,
    ]);
    expect(modelOf('de').summary.adoption[1]).toBe(
      `Kennzahl Servicekosten je Kunde wird genutzt: Der Anteil „Ja“ aller Teilnehmer stieg von 10 auf 11,5${NBSP}% (+1,5${NBSP}Prozentpunkte); die Veränderung im ausgewogenen Panel ist nicht ausgewiesen.`,
    );
  });

  it('puts the NPS and CES drift in one sentence: NPS steady on its scale, CES falling', () => {
    // NPS 30 -> 30.5 is 0.25 % of its scale of 200; CES 3.7 -> 3.3 is 6.7 % of its scale of 6,
    // and -10.8 % of 3.7.
    expect(modelOf('en').summary.drift).toBe(
      'From 2024 to 2025 the median of Net Promoter Score (NPS) held almost steady (2024: 30; 2025: 30.5), while the median of Customer Effort Score (CES) fell from 3.7 to 3.3 (−11\u00a0%).',
    );
    expect(modelOf('de').summary.drift).toBe(
      'Von 2024 bis 2025 blieb der Median von Net Promoter Score (NPS) nahezu unverändert (2024: 30; 2025: 30,5), während der Median von Customer Effort Score (CES) von 3,7 auf 3,3 sank (−11\u00a0%).',
    );
  });

  it('opens with the study, the years and the participants of each cycle', () => {
    expect(modelOf('en').summary.intro).toBe(
      'This report describes the development of the study “Contact Center Benchmark DACH” over the reference years 2024–2025. The number of participating units was 160 (2024) and 180 (2025).',
    );
    expect(modelOf('de').summary.intro).toBe(
      'Dieser Bericht beschreibt die Entwicklung der Studie „Contact Center Benchmark DACH“ über die Berichtsjahre 2024–2025. Teilgenommen haben 160 (2024) und 180 (2025) Einheiten.',
    );
  });

  it('says that changes start with the second cycle when there is only one', () => {
    const full = createHandMadeTrendData();
    const single: TrendData = {
      ...full,
      years: [2025],
      participation: [full.participation[1]],
      kpis: [],
      adoption: [],
      drivers: [],
      drift: { kpiKeys: [], cycles: [] },
    };
    const { summary, drift } = modelOf('en', single);
    expect(summary.movements).toEqual([]);
    expect(summary.drift).toBeNull();
    expect(summary.noChange).toBe('The report shows changes from the second reference year on.');
    expect(summary.intro).toContain('in the reference year 2025.');
    expect(drift).toBeNull();
  });
});

describe('buildTrendReportModel: tables', () => {
  it('gives per cycle n, the quartiles, the mean and the changes over all and in the panel', () => {
    const { rows, meta, chart } = kpiBlock(modelOf('en'), 'training_days_new');
    const plain = (text: string) => ({ text, mark: null });
    expect(meta).toBe('days · higher is better');
    expect(rows[0]).toMatchObject({
      year: '2024',
      n: plain('150'),
      p25: plain('15'),
      median: plain('21'),
      p75: plain('30'),
      mean: plain('22'),
      change: plain(''),
      panelN: plain(''),
    });
    expect(rows[1]).toEqual({
      year: '2025',
      n: plain('170'),
      p25: plain('20'),
      median: plain('27'),
      p75: plain('35'),
      mean: plain('27.5'),
      change: plain('+6'),
      changePercent: plain(`+29${NBSP}%`),
      panelN: plain('150'),
      panelChange: plain('+6.3'),
      panelChangePercent: plain(`+30${NBSP}%`),
    });
    expect(chart).not.toBeNull();
  });

  it('writes the table’s figures the German way', () => {
    const { rows } = kpiBlock(modelOf('de'), 'attrition_rate');
    expect(rows[1].panelChange.text).toBe('−6,5');
    // -6.5 / 29 = -22.41 %.
    expect(rows[1].panelChangePercent.text).toBe(`−22${NBSP}%`);
    const adoption = modelOf('de').areas.find((area) => area.area === 'value')?.adoption[0];
    expect(adoption?.rows[1].share.text).toBe(`13${NBSP}%`);
    expect(adoption?.rows[1].panelChange.text).toBe('+2,4');
  });

  it('shows a withheld figure as a dash with the mark of its reason, and nothing of it', () => {
    const model = modelOf('en');
    const asa = kpiBlock(model, 'asa_seconds');
    const dash = { text: '–', mark: '2' };
    expect(asa.rows[0]).toMatchObject({ n: dash, p25: dash, median: dash, p75: dash, mean: dash });
    expect(asa.rows[1]).toMatchObject({ change: dash, panelN: dash, panelChangePercent: dash });
    // One released median is no line.
    expect(asa.chart).toBeNull();
    const productivity = model.areas.find((area) => area.area === 'productivity');
    expect(productivity?.notes).toEqual([
      { mark: '2', text: 'Not released (minimum group size): fewer than 5 peers.' },
      {
        mark: '3',
        text: 'Not released (differencing): would reveal fewer than 5 units by difference with another figure of the same cycle.',
      },
      {
        mark: '4',
        text: 'Not released (p% rule): the weight less the two largest contributions is below 10 % of the largest.',
      },
      {
        mark: '5',
        text: 'Not released (dominance rule): one unit carries more than 25 % of the weight.',
      },
    ]);
  });

  it('numbers the notes in document order and lists the withheld figures by rule in the appendix', () => {
    const { appendix, participation } = modelOf('en');
    // Participation comes first: banking's count (complement) gets 1, healthcare's (min_n) 2.
    expect(participation.notes.map((note) => note.mark)).toEqual(['1', '2']);
    expect(appendix.noneWithheld).toBeNull();
    expect(appendix.withheld).toEqual([
      {
        mark: '1',
        rule: 'Differencing',
        reason: 'would reveal a withheld count below 5 by difference from the total',
        entries: [{ subject: 'Industry: Banking', what: '2025' }],
      },
      {
        mark: '2',
        rule: 'Minimum group size',
        reason: 'fewer than 5 peers',
        entries: [
          { subject: 'Industry: Healthcare', what: '2025' },
          {
            subject: 'Average speed of answer (ASA)',
            what: '2024, all participants; change 2024 → 2025, all participants; change 2024 → 2025, balanced panel',
          },
        ],
      },
      {
        mark: '3',
        rule: 'Differencing',
        reason:
          'would reveal fewer than 5 units by difference with another figure of the same cycle',
        entries: [
          { subject: 'First-contact resolution (FCR)', what: 'change 2024 → 2025, balanced panel' },
          {
            subject: 'Service cost per customer is used as a KPI',
            what: 'change 2024 → 2025, balanced panel',
          },
        ],
      },
      {
        mark: '4',
        rule: 'p% rule',
        reason: 'the weight less the two largest contributions is below 10 % of the largest',
        entries: [
          {
            subject: 'Average speed of answer (ASA)',
            what: '2024, pooled; change 2024 → 2025, pooled',
          },
        ],
      },
      {
        mark: '5',
        rule: 'Dominance rule',
        reason: 'one unit carries more than 25 % of the weight',
        entries: [{ subject: 'Average speed of answer (ASA)', what: '2025, pooled' }],
      },
    ]);
  });

  it('withholds a figure the trend data releases on fewer than min_n units, as min_n', () => {
    // 2025 rests on 3 units only: trend data computed under a laxer policy than the report's.
    const trend = withKpi(
      'fcr_rate',
      createKpiTrend(
        'fcr_rate',
        [releasedFigure(150, createDistribution(70)), releasedFigure(3, createDistribution(77.77))],
        { n: 3, from: createDistribution(70), to: createDistribution(77.77) },
      ),
    );
    trend.drivers[0] = { ...trend.drivers[0], n: 4, points: trend.drivers[0].points.slice(0, 4) };
    const model = modelOf('en', trend);
    const fcr = kpiBlock(model, 'fcr_rate');
    expect(fcr.rows[1].median).toEqual({ text: '–', mark: '2' });
    expect(fcr.rows[1].panelN).toEqual({ text: '–', mark: '2' });
    expect(JSON.stringify(model)).not.toContain('77.77');
    expect(model.summary.movements.join(' ')).not.toContain('First-contact');
    // The correlation of 4 units is dropped, not drawn.
    expect(model.drivers.rows).toEqual([]);
    expect(model.drivers.none).toBe(
      'No rank correlation is released for the latest reference year.',
    );
  });

  it('counts participation by industry, size band and country, a category absent in a year as 0', () => {
    const { participation } = modelOf('en');
    expect(participation.years).toEqual(['2024', '2025']);
    expect(participation.totals.map((t) => t.text)).toEqual(['160', '180']);
    const [industry, sizeBand, country] = participation.breakdowns;
    expect(industry.title).toBe('Industry');
    expect(industry.rows).toEqual([
      {
        label: 'Telecommunications',
        cells: [
          { text: '100', mark: null },
          { text: '110', mark: null },
        ],
      },
      {
        label: 'Banking',
        cells: [
          { text: '60', mark: null },
          { text: '–', mark: '1' },
        ],
      },
      {
        label: 'Healthcare',
        cells: [
          { text: '0', mark: null },
          { text: '–', mark: '2' },
        ],
      },
    ]);
    expect(sizeBand.rows.map((row) => row.label)).toEqual([
      'M (50 to under 200 agent FTE)',
      'L (200 to under 1,000 agent FTE)',
    ]);
    expect(country.rows.map((row) => [row.label, row.cells.map((c) => c.text)])).toEqual([
      ['Germany', ['160', '150']],
      ['Austria', ['0', '30']],
    ]);
  });

  it('makes one section per catalogue area that holds a KPI of the trend, in the catalogue’s order', () => {
    const model = modelOf('de');
    expect(model.areas.map((area) => [area.title, area.kpis.length, area.adoption.length])).toEqual(
      [
        ['Mitarbeitende', 2, 0],
        ['Produktivität und Qualität', 2, 0],
        ['Wertschöpfung', 0, 1],
        ['Kundensicht', 2, 0],
        ['Kosten', 0, 1],
      ],
    );
  });
});
