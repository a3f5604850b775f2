import { SUPPRESSION_REASONS, DEFAULT_DISCLOSURE_POLICY, KPI_AREAS } from '@app/domain';
import { buildCompanyReportModel } from './company-report-model';
import {
  createCell,
  createCompanyReportInput,
  createHandMadeReportInput,
  createItem,
  createPosition,
} from './report-test-factories';

const NBSP = '\u00a0';

/**
 * Twelve KPIs whose polarity-aware ranks are given directly. By rank, the strengths are b (95),
 * a (90), e (70) — c is neutral, d is withheld, k is yes/no — and the improvement areas g (10),
 * h (20), i (45); f (60) and j (48) are fourth in line, l (50) is neither.
 */
function summaryInput(language: 'de' | 'en' = 'en') {
  const ranks: Record<string, number> = {
    a: 90,
    b: 95,
    c: 99,
    d: 99,
    e: 70,
    f: 60,
    g: 10,
    h: 20,
    i: 45,
    j: 48,
    k: 2,
    l: 50,
  };
  const items = [
    createItem('a', { unit: 'days' }),
    createItem('b', { polarity: 'lower_is_better' }),
    createItem('c', { polarity: 'neutral' }),
    createItem('d'),
    createItem('e'),
    createItem('f'),
    createItem('g'),
    createItem('h', { polarity: 'lower_is_better', unit: 'EUR' }),
    createItem('i', { unit: '%' }),
    createItem('j'),
    createItem('k', { type: 'boolean' }),
    createItem('l'),
  ];
  const cells = items.map((item) =>
    item.key === 'd'
      ? {
          ...createCell('d'),
          ...nullStatistics(),
          suppressed: SUPPRESSION_REASONS.minN(DEFAULT_DISCLOSURE_POLICY),
        }
      : item.key === 'h'
        ? createCell('h', { p25: 3.5, p50: 4.1, p75: 6 })
        : item.key === 'a'
          ? createCell('a', { p25: 6, p50: 10, p75: 11 })
          : item.key === 'i'
            ? createCell('i', { p25: 60, p50: 72.2, p75: 79 })
            : createCell(item.key),
  );
  const positions = items.map((item) =>
    createPosition(item.key, {
      percentileRank: ranks[item.key],
      // The domain gives no quartile for a neutral or a yes/no KPI.
      ...(item.key === 'c' || item.key === 'k' ? { quartile: null } : {}),
      ...(item.key === 'a' ? { value: 12, gapToTopQuartile: 0 } : {}),
      ...(item.key === 'h' ? { value: 5.2, gapToTopQuartile: 1.7 } : {}),
      ...(item.key === 'i' ? { value: 66.7, gapToTopQuartile: 12.3 } : {}),
    }),
  );
  return createHandMadeReportInput({ items, cells, positions, language });
}

function nullStatistics() {
  return { n: null, mean: null, p10: null, p25: null, p50: null, p75: null, p90: null };
}

describe('buildCompanyReportModel', () => {
  describe('executive summary', () => {
    it('picks the three highest polarity-aware ranks as strengths, leaving out neutral, yes/no and withheld KPIs', () => {
      const { summary } = buildCompanyReportModel(summaryInput());
      expect(summary.strengths.map((entry) => entry.kpiKey)).toEqual(['b', 'a', 'e']);
    });

    it('picks the three lowest ranks below the median as improvement areas, lowest first', () => {
      const { summary } = buildCompanyReportModel(summaryInput());
      expect(summary.improvements.map((entry) => entry.kpiKey)).toEqual(['g', 'h', 'i']);
    });

    it('breaks a tie by catalogue order', () => {
      const items = ['x', 'y', 'z'].map((key) => createItem(key));
      const input = createHandMadeReportInput({
        items,
        cells: items.map((item) => createCell(item.key)),
        positions: [
          createPosition('x', { percentileRank: 80 }),
          createPosition('y', { percentileRank: 90 }),
          createPosition('z', { percentileRank: 80 }),
        ],
      });
      expect(buildCompanyReportModel(input).summary.strengths.map((e) => e.kpiKey)).toEqual([
        'y',
        'x',
        'z',
      ]);
    });

    it('writes a strength as a sentence with value, rank, median and quartile', () => {
      const { summary } = buildCompanyReportModel(summaryInput('en'));
      const a = summary.strengths.find((entry) => entry.kpiKey === 'a');
      expect(a?.label).toBe('KPI a');
      expect(a?.text).toBe(
        `12${NBSP}days, better than 90${NBSP}% of the peer group (median: 10${NBSP}days). This places you in the top quartile.`,
      );
    });

    it('writes an improvement area with the top quartile boundary in the better direction', () => {
      const de = buildCompanyReportModel(summaryInput('de')).summary;
      expect(de.improvements.find((entry) => entry.kpiKey === 'h')?.text).toBe(
        `5,2${NBSP}EUR, besser als nur 20${NBSP}% der Vergleichsgruppe (Median: 4,1${NBSP}EUR). Das beste Viertel liegt bei 3,5${NBSP}EUR oder darunter, 1,7${NBSP}EUR unter Ihrem Wert.`,
      );
      const en = buildCompanyReportModel(summaryInput('en')).summary;
      expect(en.improvements.find((entry) => entry.kpiKey === 'i')?.text).toBe(
        `66.7${NBSP}%, better than only 45${NBSP}% of the peer group (median: 72.2${NBSP}%). The top quartile lies at 79${NBSP}% or above, 12.3${NBSP}percentage points above your value.`,
      );
    });

    it('says so when no KPI is above the median', () => {
      const items = [createItem('x'), createItem('y')];
      const input = createHandMadeReportInput({
        items,
        cells: items.map((item) => createCell(item.key)),
        positions: [
          createPosition('x', { percentileRank: 30 }),
          createPosition('y', { percentileRank: 40 }),
        ],
      });
      const { summary } = buildCompanyReportModel(input);
      expect(summary.strengths).toEqual([]);
      expect(summary.noStrengths).toBe('None of the rated KPIs is above the peer group median.');
      expect(summary.improvements.map((e) => e.kpiKey)).toEqual(['x', 'y']);
      expect(summary.noImprovements).toBeNull();
    });

    it('counts the rated KPIs per quartile and the withheld ones', () => {
      const { summary } = buildCompanyReportModel(summaryInput('en'));
      // a, b -> Q1 (d withheld); e, f, l -> Q2; i, j -> Q3; g, h -> Q4; c and k have none.
      expect(summary.overview).toBe(
        'Quartiles of your 9 rated KPIs: top quartile 2, second 3, third 2, bottom 2.',
      );
      expect(summary.notReleased).toBe(
        '1 KPI is not released for this peer group (see the appendix).',
      );
    });

    it('computes the strategy maturity from the four yes/no items when the catalogue has no score', () => {
      const keys = [
        'has_service_strategy',
        'strategy_measures_derived',
        'strategy_plan_budgeted',
        'organisation_prepared',
      ];
      const items = keys.map((key) =>
        createItem(key, {
          area: 'strategy',
          type: 'boolean',
          label: { de: `Frage ${key}`, en: `Question ${key}` },
        }),
      );
      const answers = [1, 0, 1, 1];
      const input = createHandMadeReportInput({
        items,
        cells: items.map((item) => ({
          ...createCell(item.key),
          ...nullStatistics(),
          n: 20,
          mean: 50,
        })),
        positions: items.map((item, i) =>
          createPosition(item.key, { percentileRank: 50, quartile: null, value: answers[i] }),
        ),
      });
      const { maturity } = buildCompanyReportModel(input).summary;
      expect(maturity?.score).toBe(4);
      expect(maturity?.max).toBe(5);
      expect(maturity?.text).toBe('Your service strategy reaches 4 out of 5 points.');
      expect(maturity?.detail).toBe('Still open: Question strategy_measures_derived.');
    });

    it('cannot score the strategy maturity while a strategy question is unanswered', () => {
      const items = ['has_service_strategy', 'strategy_measures_derived'].map((key) =>
        createItem(key, { area: 'strategy', type: 'boolean' }),
      );
      const input = createHandMadeReportInput({
        items,
        cells: items.map((item) => createCell(item.key)),
        positions: [
          createPosition('has_service_strategy', { percentileRank: null, value: 1 }),
          createPosition('strategy_measures_derived', { percentileRank: null, value: null }),
        ],
        language: 'de',
      });
      const { maturity } = buildCompanyReportModel(input).summary;
      expect(maturity?.score).toBeNull();
      expect(maturity?.text).toContain('nicht alle Strategiefragen beantwortet');
    });

    it('has no maturity paragraph for a catalogue without strategy items', () => {
      expect(buildCompanyReportModel(summaryInput()).summary.maturity).toBeNull();
    });

    it('takes the demo catalogue’s maturity score with the peer group median', () => {
      const input = createCompanyReportInput({ language: 'en' });
      const position = input.positions.find((p) => p.kpiKey === 'strategy_maturity');
      const cell = input.cells.find((c) => c.kpiKey === 'strategy_maturity');
      const { maturity } = buildCompanyReportModel(input).summary;
      expect(maturity?.score).toBe(position?.value);
      expect(maturity?.max).toBe(5);
      expect(maturity?.text).toContain(`The peer group median is ${cell?.p50} points.`);
    });
  });

  describe('area sections', () => {
    it('follows the catalogue’s areas in their report order', () => {
      const model = buildCompanyReportModel(createCompanyReportInput({ language: 'de' }));
      expect(model.areas.map((area) => area.area)).toEqual([...KPI_AREAS]);
      expect(model.areas.map((area) => area.title)).toEqual([
        'Strategie',
        'Mitarbeitende',
        'Volumen und Kanäle',
        'Produktivität und Qualität',
        'Wertschöpfung',
        'Kundensicht',
        'Kosten',
      ]);
    });

    it('shows a withheld cell as dashes with a footnote mark and its reason, and no chart', () => {
      const model = buildCompanyReportModel(summaryInput('de'));
      const row = model.areas[0].rows.find((r) => r.kpiKey === 'd');
      expect(row?.p25).toEqual({ text: '–', mark: '1' });
      expect(row?.median).toEqual({ text: '–', mark: '1' });
      expect(row?.p75).toEqual({ text: '–', mark: '1' });
      expect(row?.n).toBeNull();
      expect(row?.rank).toBe('–');
      expect(row?.chart).toBeNull();
      expect(row?.note).toEqual({
        text: 'Nicht ausgewiesen (Mindestgröße): weniger als 5 Vergleichseinheiten.',
        mark: '1',
      });
    });

    it('formats the table row for the language: rank with quartile, signed gap', () => {
      const model = buildCompanyReportModel(summaryInput('de'));
      const row = model.areas[0].rows.find((r) => r.kpiKey === 'h');
      expect(row?.value).toBe('5,2');
      expect(row?.median).toEqual({ text: '4,1', mark: null });
      expect(row?.rank).toBe(`20${NBSP}% · Q4`);
      expect(row?.gap).toBe('\u22121,7');
      expect(row?.meta).toBe('EUR · niedriger ist besser · n\u00a0=\u00a020');
    });

    it('leaves the P10–P90 band out and says why when the tails are withheld', () => {
      const policy = DEFAULT_DISCLOSURE_POLICY;
      const tails = SUPPRESSION_REASONS.minNTails(policy);
      const items = [createItem('x')];
      const input = createHandMadeReportInput({
        items,
        cells: [
          createCell('x', {
            p10: null,
            p90: null,
            suppressedStatistics: [
              { ...tails, statistic: 'p10' },
              { ...tails, statistic: 'p90' },
            ],
          }),
        ],
        positions: [createPosition('x', { percentileRank: 60 })],
      });
      const model = buildCompanyReportModel(input);
      const row = model.areas[0].rows[0];
      expect(row.chart?.markup).not.toContain('#d6e2ef');
      expect(row.note?.text).toBe(
        'P10 and P90 not released (minimum size for P10 and P90): fewer than 10 peers for P10 and P90.',
      );
      expect(model.appendix.suppressed).toEqual([
        {
          kpi: 'KPI x',
          what: 'P10 and P90',
          rule: 'minimum size for P10 and P90',
          reason: 'fewer than 10 peers for P10 and P90',
        },
      ]);
    });

    it('draws a trend tile only for KPIs with data in two or more cycles', () => {
      const items = [createItem('x'), createItem('y')];
      const input = createHandMadeReportInput({
        items,
        cells: items.map((item) => createCell(item.key)),
        positions: items.map((item) => createPosition(item.key, { percentileRank: 60 })),
        trend: [
          { year: 2023, values: { x: { unit: 1, median: 2 }, y: { unit: null, median: null } } },
          { year: 2024, values: { x: { unit: 2, median: 2 }, y: { unit: 3, median: 4 } } },
        ],
      });
      const model = buildCompanyReportModel(input);
      expect(model.areas[0].trends.map((tile) => tile.label)).toEqual(['KPI x']);
      expect(model.trendNote).toBeNull();
    });
  });

  describe('appendix', () => {
    it('lists the definitions with formulas in words and the rules with the policy’s numbers', () => {
      const model = buildCompanyReportModel(createCompanyReportInput({ language: 'de' }));
      const attrition = model.appendix.definitions.find((d) => d.label === 'Fluktuationsquote');
      expect(attrition?.formula).toBe(
        'Formel: Austritte im Berichtsjahr ÷ Durchschnittliche Zahl der Mitarbeitenden × 100',
      );
      expect(attrition?.meta).toBe('% · niedriger ist besser');
      expect(model.appendix.method[0]).toContain('percentile_cont');
    });

    it('lists the rules in force with the snapshot policy’s parameters and what was folded, in German', () => {
      // The demo study's snapshot folds its lone XL units into "L, XL" (foldBelowN 10).
      const model = buildCompanyReportModel(createCompanyReportInput({ language: 'de' }));
      expect(model.appendix.rules).toEqual([
        'Mindestgröße: Eine Kennzahl wird nur ausgewiesen, wenn mindestens 5 Einheiten der Vergleichsgruppe sie geliefert haben und diese zu mindestens 5 verschiedenen Unternehmen gehören. P10 und P90 brauchen mindestens 10 Einheiten.',
        'Quantile kleiner Gruppen: Perzentile (P10 bis P90, auch der Median) werden erst ab 20 Einheiten mit Wert ausgewiesen; mit weniger zeigt der Bericht nur n und den Mittelwert, damit kein ausgewiesenes Perzentil der Wert einer einzelnen Einheit ist.',
        `p-%-Regel: Die Summe hinter jedem Mittelwert und der Zähler (Σ Wert × Gewicht) jedes gepoolten Werts einer Kennzahl ohne negative Werte müssen ohne die zwei größten Beiträge mindestens 10${NBSP}% des größten Beitrags erreichen; die Einheiten eines Unternehmens zählen dabei zusammen als ein Beitrag. Für das Gewicht eines gepoolten Werts gilt dasselbe je Einheit. Sonst wird die Zahl nicht ausgewiesen.`,
        `Dominanzregel: Keine einzelne Einheit darf mehr als 25${NBSP}% des Gewichts eines gepoolten Werts tragen.`,
        'Differenzbildung (Prüfung aller Veröffentlichungen): Eine Zahl wird nur ausgewiesen, wenn kein Teilnehmer aus allem, was zu diesem Berichtsjahr veröffentlicht ist (allen Vergleichsgruppen, auch den eigenen Vergleichsgruppen aller Teilnehmer), zusammen mit den Werten seiner eigenen Einheiten den Wert einer anderen Einheit oder eine Summe über weniger als 5 andere Einheiten berechnen kann.',
        'Sekundärsperrung: Eine Zahl, aus der sich zusammen mit dem übrigen Veröffentlichten eine nach der p-%-Regel gesperrte Summe berechnen ließe, wird ebenfalls nicht ausgewiesen.',
        'Zusammenlegung: Eine Größenklasse mit weniger als 10 Einheiten wird vor der Bildung der Vergleichsgruppen mit ihrer kleineren Nachbarklasse zusammengelegt, damit keine Einheit allein steht. Ebenso wird jede Kategorie zusammengelegt, die für sich nicht ausgewiesen werden könnte, weil ihre Einheiten zu weniger als 5 Unternehmen gehören oder weniger als 5 von ihnen außerhalb eines Unternehmens liegen: in einer Dimension wie dem Land zu einer Kategorie, in einem Paar wie Branche × Größenklasse je Branche mit der kleineren Nachbarklasse. In diesem Berichtsjahr: Größenklassen L und XL zusammengefasst.',
        'Give-to-get: Sie sehen die Vergleichswerte einer Kennzahl nur, wenn Sie die Kennzahl selbst geliefert haben.',
        'Eigene Vergleichsgruppen: Jede angefragte Vergleichsgruppe wird vor der Freigabe nach denselben Regeln gegen alles bereits Veröffentlichte geprüft; eine Ablehnung nennt nur die Regel, nie eine Einheit. Jeder Teilnehmer kann zu diesem Berichtsjahr höchstens 20 neue eigene Vergleichsgruppen anfragen.',
        'Andere Teilnehmer werden in diesem Bericht weder genannt, noch sind sie erkennbar.',
      ]);
    });

    it('lists the rules with another policy’s parameters, in English, and says when nothing was folded', () => {
      const input = createHandMadeReportInput({
        items: [createItem('x')],
        cells: [createCell('x')],
        positions: [createPosition('x', { percentileRank: 60 })],
        language: 'en',
      });
      const rules = (folding: typeof input.folding) =>
        buildCompanyReportModel({
          ...input,
          policy: {
            ...DEFAULT_DISCLOSURE_POLICY,
            minN: 7,
            minNTails: 12,
            minNQuantiles: 25,
            pPercent: 12.5,
            maxWeightSharePercent: 30,
            foldBelowN: 8,
            maxCustomGroupsPerParticipant: 3,
          },
          folding,
        }).appendix.rules;
      expect(rules([])).toEqual([
        'Minimum group size: a KPI is released only if at least 7 units of the peer group supplied it and they belong to at least 7 different companies. P10 and P90 need at least 12 units.',
        'Quantiles of small groups: percentiles (P10 to P90, the median included) are released only from 25 units with a value; with fewer, the report shows n and the mean only, so that no released percentile is a single unit’s value.',
        `p% rule: the sum behind each mean and the numerator (Σ value × weight) of each pooled figure of a KPI without negative values must, less the two largest contributions, reach at least 12.5${NBSP}% of the largest contribution; the units of one company count together as one contribution. The same holds for the weight of a pooled figure, unit by unit. Otherwise the figure is not released.`,
        `Dominance rule: no single unit may carry more than 30${NBSP}% of the weight of a pooled figure.`,
        'Differencing (audit of everything released): a figure is released only if no participant can compute, from everything released for this reference year (every peer group, the custom peer groups of all participants included) together with the values of its own units, the value of another unit or a sum over fewer than 7 other units.',
        'Secondary suppression: a figure from which, together with everything else released, a sum withheld by the p% rule could be computed is not released either.',
        'Folding: a size band of fewer than 8 units is combined with its smaller neighbour before the peer groups are formed, so that no unit stands alone. So is every category that could not be released on its own, because its units belong to fewer than 7 companies or fewer than 7 of them lie outside one company: in a dimension such as the country into one category, in a pair such as industry × size band with the smaller neighbour within each industry. In this reference year no category was combined.',
        'Give-to-get: you see the peer figures of a KPI only if you supplied the KPI yourself.',
        'Custom peer groups: every peer group asked for is checked under the same rules against everything released before it is released; a refusal names the rule only, never a unit. Each participant can ask for at most 3 new custom peer groups for this reference year.',
        'No other participant is named or identifiable in this report.',
      ]);
      const folded = rules([
        {
          dimension: 'sizeBand',
          values: ['S', 'M'],
          label: { de: 'Größenklasse: S, M', en: 'Size band: S, M' },
        },
        {
          dimension: 'sizeBand',
          values: ['L', 'XL'],
          label: { de: 'Größenklasse: L, XL', en: 'Size band: L, XL' },
        },
        {
          dimension: 'country',
          values: ['LU', 'NL'],
          label: { de: 'Land: LU, NL', en: 'Country: LU, NL' },
        },
        {
          dimension: 'sizeBand',
          values: ['S', 'M'],
          within: { industry: ['telecom'] },
          label: {
            de: 'Branche: telecom · Größenklasse: S, M',
            en: 'Industry: telecom · Size band: S, M',
          },
        },
      ]);
      expect(folded[6]).toBe(
        'Folding: a size band of fewer than 8 units is combined with its smaller neighbour before the peer groups are formed, so that no unit stands alone. So is every category that could not be released on its own, because its units belong to fewer than 7 companies or fewer than 7 of them lie outside one company: in a dimension such as the country into one category, in a pair such as industry × size band with the smaller neighbour within each industry. In this reference year: size bands S and M combined; size bands L and XL combined; Country: LU and NL combined; size bands S and M combined (Industry: telecom).',
      );
    });

    it('marks the percentiles of a small group as withheld by the quantile rule, with n and the mean shown', () => {
      const small = SUPPRESSION_REASONS.smallGroup(DEFAULT_DISCLOSURE_POLICY);
      const cell = {
        ...createCell('x'),
        n: 8,
        mean: 21,
        p10: null,
        p25: null,
        p50: null,
        p75: null,
        p90: null,
        suppressedStatistics: (['p10', 'p25', 'p50', 'p75', 'p90'] as const).map((statistic) => ({
          statistic,
          ...small,
        })),
      };
      const model = buildCompanyReportModel(
        createHandMadeReportInput({
          items: [createItem('x', { label: { de: 'KPI x', en: 'KPI x' } })],
          cells: [cell],
          positions: [createPosition('x', { percentileRank: null, value: 20 })],
          language: 'de',
        }),
      );
      const row = model.areas[0].rows[0];
      const note =
        'Perzentile nicht ausgewiesen (Quantile kleiner Gruppen): Quantile erst ab 20 Vergleichseinheiten, damit kein Quantil ein Einzelwert ist.';
      expect(row.n).toBe(`n${NBSP}=${NBSP}8`);
      expect(row.chart).toBeNull();
      expect([row.p25, row.median, row.p75]).toEqual([
        { text: '–', mark: '1' },
        { text: '–', mark: '1' },
        { text: '–', mark: '1' },
      ]);
      expect(row.note).toEqual({ text: note, mark: '1' });
      expect(model.appendix.suppressed).toEqual([
        {
          kpi: 'KPI x',
          what: 'Perzentile (P10 bis P90)',
          rule: 'Quantile kleiner Gruppen',
          reason: 'Quantile erst ab 20 Vergleichseinheiten, damit kein Quantil ein Einzelwert ist',
        },
      ]);
    });

    it('describes safe quantiles when the policy uses local_mean', () => {
      const input = createCompanyReportInput({ language: 'en' });
      const model = buildCompanyReportModel({
        ...input,
        policy: { ...input.policy, quantileMethod: 'local_mean' },
      });
      expect(model.appendix.method[0]).toContain('mean of the three observations nearest');
    });
  });
});
