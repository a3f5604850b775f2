import { DEFAULT_DISCLOSURE_POLICY, TrendData } from '@app/domain';
import {
  createHandMadeTrendData,
  createHandMadeTrendReportInput,
  releasedFigure,
} from './trend-report-test-factories';
import { buildTrendReportModel } from './trend-report-model';
import { NBSP, kpiBlock, modelOf } from './trend-report-model.test-util';

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
      'Folding: as in the benchmark’s peer groups, categories are combined in each reference year and counted only together, so that none stands alone: a size band of fewer than 10 units with its smaller neighbour; the industries whose units belong to fewer than 5 companies, or of whose units fewer than 5 lie outside any one company, into one category, and likewise the countries. If that category does not meet the condition itself, it is combined with the smallest other one that does. So participation names the same categories as the list of peer groups. In no reference year was a category combined.',
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

  it('shows the folded size band of trend data from when only size bands were folded', () => {
    const trend = createHandMadeTrendData();
    const count = (n: number) => releasedFigure(n, n);
    // Those data carry `foldedSizeBands`, not `folded`.
    const [first, second] = trend.participation.map(({ folded: _folded, ...cycle }) => cycle);
    // 2024: the lone XL units are counted in "L, XL"; 2025: L and XL each have enough units.
    const folded: TrendData = {
      ...trend,
      participation: [
        {
          ...first,
          bySizeBand: [
            { category: 'M', units: count(148) },
            { category: 'L, XL', units: count(12) },
          ],
          foldedSizeBands: [['L', 'XL']],
        },
        {
          ...second,
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

  it('labels a folded industry and country band by its values and names it in the rules', () => {
    const trend = createHandMadeTrendData();
    const count = (n: number) => releasedFigure(n, n);
    // 2024: public sector (6 units) and travel (4) held by too few companies are counted as
    // one band, as are LU (7) and NL (3); 2025: each stands alone.
    const folded: TrendData = {
      ...trend,
      participation: [
        {
          ...trend.participation[0],
          byIndustry: [
            { category: 'banking', units: count(150) },
            { category: 'public, travel', units: count(10) },
          ],
          byCountry: [
            { category: 'DE', units: count(150) },
            { category: 'LU, NL', units: count(10) },
          ],
          folded: [
            { dimension: 'industry', values: ['public', 'travel'] },
            { dimension: 'country', values: ['LU', 'NL'] },
          ],
        },
        {
          ...trend.participation[1],
          byIndustry: [
            { category: 'banking', units: count(150) },
            { category: 'public', units: count(15) },
            { category: 'travel', units: count(15) },
          ],
          byCountry: [
            { category: 'DE', units: count(160) },
            { category: 'LU', units: count(10) },
            { category: 'NL', units: count(10) },
          ],
          folded: [],
        },
      ],
    };
    const de = modelOf('de', folded);
    const [industry, , country] = de.participation.breakdowns;
    expect(industry.rows).toEqual([
      {
        label: 'Banken',
        cells: [
          { text: '150', mark: null },
          { text: '150', mark: null },
        ],
      },
      {
        label: 'Öffentlicher Sektor',
        cells: [
          { text: 'siehe „Öffentlicher Sektor, Reise und Verkehr“', mark: null },
          { text: '15', mark: null },
        ],
      },
      {
        label: 'Öffentlicher Sektor, Reise und Verkehr',
        cells: [
          { text: '10', mark: null },
          { text: 'siehe „Öffentlicher Sektor“ und „Reise und Verkehr“', mark: null },
        ],
      },
      {
        label: 'Reise und Verkehr',
        cells: [
          { text: 'siehe „Öffentlicher Sektor, Reise und Verkehr“', mark: null },
          { text: '15', mark: null },
        ],
      },
    ]);
    expect(country.rows).toEqual([
      {
        label: 'Deutschland',
        cells: [
          { text: '150', mark: null },
          { text: '160', mark: null },
        ],
      },
      {
        label: 'Luxemburg',
        cells: [
          { text: 'siehe „LU, NL“', mark: null },
          { text: '10', mark: null },
        ],
      },
      {
        label: 'Luxemburg, Niederlande',
        cells: [
          { text: '10', mark: null },
          { text: 'siehe „LU“ und „NL“', mark: null },
        ],
      },
      {
        label: 'Niederlande',
        cells: [
          { text: 'siehe „LU, NL“', mark: null },
          { text: '10', mark: null },
        ],
      },
    ]);
    expect(de.appendix.rules[5]).toMatch(
      / 2024: Branche: „Öffentlicher Sektor“ und „Reise und Verkehr“ zusammengefasst; Land: LU und NL zusammengefasst; 2025: nichts zusammengelegt\.$/,
    );
    const en = modelOf('en', folded);
    expect(en.participation.breakdowns[0].rows.map((row) => row.label)).toEqual([
      'Banking',
      'Public sector',
      'Public sector, Travel and transport',
      'Travel and transport',
    ]);
    expect(en.participation.breakdowns[0].rows[1].cells[0].text).toBe(
      'see “Public sector, Travel and transport”',
    );
    expect(en.participation.breakdowns[2].rows.map((row) => row.label)).toEqual([
      'Germany',
      'Luxembourg',
      'Luxembourg, Netherlands',
      'Netherlands',
    ]);
    expect(en.appendix.rules[5]).toMatch(
      / 2024: Industry: “Public sector” and “Travel and transport” combined; Country: LU and NL combined; 2025: nothing combined\.$/,
    );
  });

  it('states no folding rule for trend data computed before size bands were folded', () => {
    const trend = createHandMadeTrendData();
    const earlier: TrendData = {
      ...trend,
      participation: trend.participation.map(
        ({ folded: _folded, foldedSizeBands: _sizeBands, ...cycle }) => cycle,
      ),
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
