import {
  DEFAULT_DISCLOSURE_POLICY,
  SUPPRESSION_REASONS,
  suppressedFigure,
  TrendData,
} from '@app/domain';
import {
  createDistribution,
  createHandMadeTrendData,
  createHandMadeTrendReportInput,
  createKpiTrend,
  releasedFigure,
} from './report-test-factories';
import { buildTrendReportModel, TrendKpiBlock, TrendReportModel } from './trend-report-model';

const NBSP = '\u00a0';

function modelOf(language: 'de' | 'en' = 'en', trend?: TrendData): TrendReportModel {
  return buildTrendReportModel(createHandMadeTrendReportInput({ language, trend }));
}

function kpiBlock(model: TrendReportModel, kpiKey: string): TrendKpiBlock {
  const block = model.areas.flatMap((area) => area.kpis).find((kpi) => kpi.kpiKey === kpiKey);
  if (!block) {
    throw new Error(`no block of ${kpiKey}`);
  }
  return block;
}

/** The hand-made trend with one KPI replaced. */
function withKpi(replace: string, kpi: TrendData['kpis'][number]): TrendData {
  const trend = createHandMadeTrendData();
  return { ...trend, kpis: trend.kpis.map((k) => (k.kpiKey === replace ? kpi : k)) };
}

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

describe('buildTrendReportModel: drivers, drift, cover and appendix', () => {
  it('lists a driver pair with n, rho to two decimals and a readable p-value, and its chart', () => {
    const [row] = modelOf('en').drivers.rows;
    expect(row).toMatchObject({
      xLabel: 'Basic training of new agents',
      yLabel: 'First-contact resolution (FCR)',
      n: '6',
      rho: '0.94',
      pValue: '0.005',
    });
    expect(row.chart.markup).toContain('class="scatter"');
    expect(row.chart.markup).toContain('>Basic training of new agents (days)</text>');
    expect(row.chart.markup).toContain('>First-contact resolution (FCR) (%)</text>');
    expect(modelOf('de').drivers.rows[0]).toMatchObject({ rho: '0,94', pValue: '0,005' });
  });

  it('writes a tiny p-value as below 0.001 and a negative rho with the minus sign', () => {
    const trend = createHandMadeTrendData();
    trend.drivers[0] = { ...trend.drivers[0], rho: -0.4249, pValue: 4.96e-34 };
    expect(modelOf('de', trend).drivers.rows[0]).toMatchObject({
      rho: '−0,42',
      pValue: `<${NBSP}0,001`,
    });
  });

  it('sets NPS and CES medians side by side per cycle with a chart each', () => {
    const drift = modelOf('de').drift;
    expect(drift?.columns).toEqual(['Net Promoter Score (NPS)', 'Customer Effort Score (CES)']);
    expect(drift?.rows.map((row) => [row.year, ...row.medians.map((m) => m.text)])).toEqual([
      ['2024', '30', '3,7'],
      ['2025', '30,5', '3,3'],
    ]);
    expect(drift?.charts.map((tile) => tile.label)).toEqual(drift?.columns);
  });

  it('names the study, the publisher, the years and the date on the cover', () => {
    expect(modelOf('en').cover).toEqual({
      studyName: 'Contact Center Benchmark DACH',
      publisherName: 'Service Excellence Cockpit',
      years: '2024–2025',
      date: '10 February 2026',
      confidentiality:
        'Confidential. This report is intended for Service Excellence Cockpit. It contains aggregated, anonymised figures of the participants only; no unit or company is named or identifiable in it, and no figure rests on fewer than 5 units.',
    });
    expect(modelOf('de').cover.date).toBe('10. Februar 2026');
    expect(modelOf('de').title).toBe('Trendbericht 2024–2025: Contact Center Benchmark DACH');
  });

  it('states the panel, the correlation method, the percentile method and the rules with their parameters', () => {
    const { appendix } = modelOf('en');
    expect(appendix.panel.join(' ')).toContain('took part in both years');
    expect(appendix.correlation.join(' ')).toContain('tied values get the mean of the ranks');
    expect(appendix.correlation.join(' ')).toContain('n − 2 degrees of freedom');
    expect(appendix.percentiles).toContain('linear interpolation');
    expect(appendix.rules[0]).toContain('at least 5 units');
    expect(appendix.rules[1]).toBe(
      `p% rule: a pooled figure is released only if the total weight less the two largest contributions is at least 10${NBSP}% of the largest contribution, so that no contribution can be estimated from the others.`,
    );
    expect(appendix.rules[2]).toBe(
      `Dominance rule: a pooled figure is not released if a single unit carries more than 25${NBSP}% of its weight.`,
    );
    expect(appendix.pooled?.join(' ')).toContain(
      'Σ value × weight ÷ Σ weight over the participants with a value and a weight above 0',
    );
    expect(appendix.parameters).toEqual([
      { name: 'Minimum group size (min_n)', value: `5${NBSP}units`, use: 'applied' },
      {
        name: 'Minimum size for P10 and P90 (min_n_tails)',
        value: `10${NBSP}units`,
        use: 'not applied: the trend report shows no P10 and P90',
      },
      { name: 'p% rule (p)', value: `10${NBSP}%`, use: 'applied to the pooled figures' },
      { name: 'Dominance rule', value: `25${NBSP}%`, use: 'applied to the pooled figures' },
      { name: 'Quantile method', value: 'linear', use: 'applied' },
      {
        name: 'Quantiles of small groups (min_n_quantiles)',
        value: `20${NBSP}units`,
        use: 'applies to the benchmark’s peer groups; the trend report does not apply it',
      },
      {
        name: 'Folding of size bands (fold_below_n)',
        value: `10${NBSP}units`,
        use: 'applied to participation by size band',
      },
      {
        name: 'Custom peer groups (max_custom_groups)',
        value: '20 per participant',
        use: 'not applied: the trend report has no custom peer groups',
      },
    ]);
    // Nothing was folded in the hand-made trend: the folding rule says so.
    expect(appendix.rules[5]).toBe(
      'Folding: as in the benchmark’s peer groups, a size band of fewer than 10 units is combined with its smaller neighbour in each reference year and counted only together with it, so that no unit stands alone. In no reference year was a size band combined.',
    );
    expect(appendix.rules[7]).toBe(
      'Benchmark: the peer groups of each reference year’s benchmark are subject, besides, to at least 5 different companies per KPI, quantiles only from 20 units, the p% rule also on the sum behind each mean and on the numerator (Σ value × weight) of each pooled figure with the units of one company as one contribution, the audit of everything released (no participant can compute, from everything released together with the values of its own units, the value of another unit or a sum over fewer than 5 other units), secondary suppression, give-to-get and at most 20 custom peer groups per participant. This report shows figures over all participants and balanced panels and applies, of these rules, only those stated above.',
    );
    const safe = buildTrendReportModel({
      ...createHandMadeTrendReportInput({ language: 'de' }),
      policy: {
        ...DEFAULT_DISCLOSURE_POLICY,
        minN: 7,
        quantileMethod: 'local_mean',
        pPercent: 12.5,
        maxWeightSharePercent: 30,
      },
    }).appendix;
    expect(safe.percentiles).toContain('sichere Quantile');
    expect(safe.rules[0]).toContain('mindestens 7 Einheiten');
    expect(safe.rules[1]).toContain(`mindestens 12,5${NBSP}% des größten Beitrags`);
    expect(safe.rules[2]).toContain(`mehr als 30${NBSP}% seines Gewichts`);
    expect(safe.parameters.slice(2, 4)).toEqual([
      {
        name: 'p-%-Regel (p)',
        value: `12,5${NBSP}%`,
        use: 'angewandt auf die gepoolten Werte',
      },
      { name: 'Dominanzregel', value: `30${NBSP}%`, use: 'angewandt auf die gepoolten Werte' },
    ]);
  });

  it('counts the folded size band as the snapshots do and names what was folded in which year', () => {
    const trend = createHandMadeTrendData();
    const count = (n: number) => releasedFigure(n, n);
    // 2024: the lone XL units are counted in "L, XL"; 2025: L and XL each have enough units.
    const folded: TrendData = {
      ...trend,
      participation: [
        {
          ...trend.participation[0],
          bySizeBand: [
            { category: 'M', units: count(148) },
            { category: 'L, XL', units: count(12) },
          ],
          foldedSizeBands: [['L', 'XL']],
        },
        {
          ...trend.participation[1],
          bySizeBand: [
            { category: 'M', units: count(150) },
            { category: 'L', units: count(15) },
            { category: 'XL', units: count(15) },
          ],
          foldedSizeBands: [],
        },
      ],
    };
    const de = modelOf('de', folded);
    const sizeBand = de.participation.breakdowns[1];
    expect(sizeBand.title).toBe('Größenklasse');
    expect(sizeBand.rows).toEqual([
      {
        label: 'M (50 bis unter 200 Agenten-FTE)',
        cells: [
          { text: '148', mark: null },
          { text: '150', mark: null },
        ],
      },
      {
        label: 'L (200 bis unter 1.000 Agenten-FTE)',
        cells: [
          { text: 'siehe „L, XL“', mark: null },
          { text: '15', mark: null },
        ],
      },
      {
        label: 'L, XL (ab 200 Agenten-FTE)',
        cells: [
          { text: '12', mark: null },
          { text: 'siehe „L“ und „XL“', mark: null },
        ],
      },
      {
        label: 'XL (ab 1.000 Agenten-FTE)',
        cells: [
          { text: 'siehe „L, XL“', mark: null },
          { text: '15', mark: null },
        ],
      },
    ]);
    expect(de.appendix.rules[5]).toBe(
      'Zusammenlegung: Wie in den Vergleichsgruppen des Benchmarks wird je Berichtsjahr eine Größenklasse mit weniger als 10 Einheiten mit ihrer kleineren Nachbarklasse zusammengelegt und nur mit ihr zusammen gezählt, damit keine Einheit allein steht. 2024: Größenklassen L und XL zusammengefasst; 2025: nichts zusammengelegt.',
    );
    const en = modelOf('en', folded);
    expect(en.participation.breakdowns[1].rows.map((row) => row.label)).toEqual([
      'M (50 to under 200 agent FTE)',
      'L (200 to under 1,000 agent FTE)',
      'L, XL (200 agent FTE and more)',
      'XL (1,000 agent FTE and more)',
    ]);
    expect(en.appendix.rules[5]).toBe(
      'Folding: as in the benchmark’s peer groups, a size band of fewer than 10 units is combined with its smaller neighbour in each reference year and counted only together with it, so that no unit stands alone. 2024: size bands L and XL combined; 2025: nothing combined.',
    );
  });

  it('states no folding rule for trend data computed before size bands were folded', () => {
    const trend = createHandMadeTrendData();
    const earlier: TrendData = {
      ...trend,
      participation: trend.participation.map(({ foldedSizeBands: _folded, ...cycle }) => cycle),
    };
    const { appendix } = modelOf('en', earlier);
    expect(appendix.rules.some((rule) => rule.startsWith('Folding'))).toBe(false);
    expect(appendix.parameters.find((p) => p.name.startsWith('Folding'))?.use).toBe(
      'not applied: the trend data were computed before size bands were folded',
    );
  });

  it('says that p% and dominance are not applied when the report has no pooled figure', () => {
    const trend = createHandMadeTrendData();
    const unweighted: TrendData = {
      ...trend,
      kpis: trend.kpis.map(({ kpiKey, polarity, cycles, changes }) => ({
        kpiKey,
        polarity,
        cycles: cycles.map(({ year, distribution }) => ({ year, distribution })),
        changes: changes.map(({ fromYear, toYear, all, panel }) => ({
          fromYear,
          toYear,
          all,
          panel,
        })),
      })),
    };
    const model = modelOf('en', unweighted);
    expect(model.appendix.pooled).toBeNull();
    expect(model.appendix.parameters[2].use).toBe(
      'not applied: the trend report shows no pooled figures',
    );
    expect(model.summary.pooled).toEqual([]);
    expect(model.summary.pooledLead).toBeNull();
    expect(kpiBlock(model, 'fcr_rate').pooled).toBeNull();
  });
});

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
