import { computeTrendData, DEFAULT_DISCLOSURE_POLICY, TrendInput, TrendUnit } from '@app/domain';
import { reportTemplates } from './report-templates';
import { demoStudy } from './report-test-factories';
import {
  createDemoTrendReportInput,
  createHandMadeTrendReportInput,
} from './trend-report-test-factories';
import {
  renderTrendReportHtml,
  trendReportFileName,
  trendReportFooterTemplate,
  trendReportHeaderTemplate,
} from './trend-report';
import { buildTrendReportModel, TrendReportInput } from './trend-report-model';

const CSP =
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"\s*\/?>/;
const HOSTILE_TAG = '<img src="http://127.0.0.1:9/x">';
const HOSTILE_TEMPLATE = '{{constructor.constructor}}';

/** Values that only four units supply: any statistic of them is withheld (min_n 5). */
const HIDDEN_ASA = [611.11, 622.22, 633.33, 644.44];

/**
 * A trend input of twelve units taking part in 2024 and 2025 with their training days and FCR;
 * in 2025 only the first four supply their average speed of answer (`HIDDEN_ASA`). Had they been
 * released, the 2025 ASA figures would be P25 619.4425, median and mean 627.775, P75 636.1075.
 */
function smallTrendInput(): TrendInput {
  const unit = (i: number, year: number): TrendUnit => ({
    id: `U${i + 1}`,
    company: `company of U${i + 1}`,
    profile: { industry: 'banking', sizeBand: 'M', country: 'DE' },
    values: {
      training_days_new: 10 + i + (year - 2024) * 2,
      fcr_rate: 60 + i,
      asa_seconds: year === 2025 && i < 4 ? HIDDEN_ASA[i] : null,
    },
  });
  return {
    policy: DEFAULT_DISCLOSURE_POLICY,
    kpis: [
      { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
      { key: 'fcr_rate', boolean: false, polarity: 'higher_is_better' },
      { key: 'asa_seconds', boolean: false, polarity: 'lower_is_better' },
    ],
    cycles: [2024, 2025].map((year) => ({
      year,
      units: Array.from({ length: 12 }, (_, i) => unit(i, year)),
    })),
    driftKpiKeys: [],
  };
}

function smallReportInput(language: 'de' | 'en'): TrendReportInput {
  return {
    language,
    study: { name: 'Kleine Studie', publisherName: 'Beispiel Verlag' },
    catalogue: demoStudy().catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    trend: computeTrendData(smallTrendInput()),
    generatedAt: new Date('2026-02-10T09:00:00Z'),
  };
}

/**
 * Twelve units in 2024 and 2025 with their FCR (60 + i, then 62 + i) weighted by their contacts.
 * 2024: U1 has 500,000 contacts, the others 10,000 each, 610,000 in all: U1 carries 82 % > 25 %,
 * so the pooled FCR is withheld by the dominance rule (the rest, 100,000, is at least 10 % of
 * 500,000, so the p% rule passes). Had it been released it would be (60 × 500,000 + (61 + .. +
 * 71) × 10,000) / 610,000 = 37,260,000 / 610,000 = 61.08. 2025: U1..U6 20,000 contacts each,
 * U7..U12 10,000: (387 × 20,000 + 423 × 10,000) / 180,000 = 66.5, released; the change is
 * withheld with 2024. The medians are 65.5 and 67.5.
 */
function weightedTrendInput(): TrendInput {
  const unit = (i: number, year: number): TrendUnit => ({
    id: `U${i + 1}`,
    company: `company of U${i + 1}`,
    profile: { industry: 'banking', sizeBand: 'M', country: 'DE' },
    values: {
      fcr_rate: year === 2024 ? 60 + i : 62 + i,
      contacts_total: year === 2024 ? (i === 0 ? 500_000 : 10_000) : i < 6 ? 20_000 : 10_000,
    },
  });
  return {
    policy: DEFAULT_DISCLOSURE_POLICY,
    kpis: [
      {
        key: 'fcr_rate',
        boolean: false,
        polarity: 'higher_is_better',
        weightKey: 'contacts_total',
      },
    ],
    cycles: [2024, 2025].map((year) => ({
      year,
      units: Array.from({ length: 12 }, (_, i) => unit(i, year)),
    })),
    driftKpiKeys: [],
  };
}

/**
 * The demo's pooled share of contacts with an up- or cross-sell in a year, straight from the
 * submitted answers: Σ share × contacts / Σ contacts over the units that gave both.
 */
function demoUpsellPooled(year: number): { share: number; n: number } {
  let weighted = 0;
  let contacts = 0;
  let n = 0;
  for (const submission of demoStudy().data.submissions) {
    const share = submission.answers.upsell_contact_share;
    const weight = submission.answers.contacts_total;
    if (submission.year === year && typeof share === 'number' && typeof weight === 'number') {
      if (weight > 0) {
        weighted += share * weight;
        contacts += weight;
        n++;
      }
    }
  }
  return { share: weighted / contacts, n };
}

/** The part of the document from a KPI's heading to the end of its table. */
function kpiSection(html: string, label: string): string {
  const start = html.indexOf(`<h3>${label} <span class="meta">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</table>', start));
}

/** A KPI's table of pooled figures, from its heading on. */
function pooledSection(html: string, label: string): string {
  const start = html.indexOf(`<h3>${label} <span class="meta">`);
  expect(start).toBeGreaterThan(-1);
  const table = html.indexOf('<table class="trend-stats pooled">', start);
  expect(table).toBeGreaterThan(-1);
  const next = html.indexOf('<h3>', start + 1);
  expect(next === -1 || table < next).toBe(true);
  return html.slice(table, html.indexOf('</table>', table));
}

describe('renderTrendReportHtml', () => {
  it('is a complete document with the restrictive Content-Security-Policy and no script', () => {
    const html = renderTrendReportHtml(createHandMadeTrendReportInput({ language: 'de' }));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toMatch(CSP);
    expect(html.search(CSP)).toBeLessThan(html.indexOf('<style>'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<iframe|<object|<embed|<img/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
    expect(html).toContain('<html lang="de">');
  });

  it('shows a withheld figure as a dash with its mark, gives its reason in the appendix and never its value', () => {
    for (const language of ['de', 'en'] as const) {
      const input = smallReportInput(language);
      const html = renderTrendReportHtml(input);
      const label =
        language === 'de' ? 'Durchschnittliche Wartezeit (ASA)' : 'Average speed of answer (ASA)';
      const asa = kpiSection(html, label);
      expect(asa).toContain('–<sup class="fn">');
      // The rows hold nothing but years and marks: no n, no statistic of the four units.
      const text = asa
        .slice(asa.indexOf('<tbody>'))
        .replace(/<sup class="fn">\d+<\/sup>/g, '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\b2024\b|\b2025\b/g, '');
      expect(text).not.toMatch(/\d/);
      for (const value of [...HIDDEN_ASA, 619.4425, 627.775, 636.1075]) {
        for (const written of [
          String(value),
          value.toFixed(2),
          value.toFixed(2).replace('.', ','),
          String(Math.round(value)),
        ]) {
          expect(html).not.toContain(written);
        }
      }
      const appendix = html.slice(html.indexOf('class="appendix trend-appendix"'));
      expect(appendix).toContain(
        language === 'de' ? 'weniger als 5 Vergleichseinheiten' : 'fewer than 5 peers',
      );
      expect(appendix).toContain(`<th scope="row">${label}</th>`);
    }
  });

  it('shows a pooled figure withheld by the dominance rule as a dash with its mark, and its reason in the appendix', () => {
    for (const language of ['de', 'en'] as const) {
      const html = renderTrendReportHtml({
        ...smallReportInput(language),
        trend: computeTrendData(weightedTrendInput()),
      });
      const label = language === 'de' ? 'Erstlösungsquote (FCR)' : 'First-contact resolution (FCR)';
      const pooled = pooledSection(html, label);
      expect(pooled).toContain(
        language === 'de'
          ? 'Gepoolt (gewichtet mit: Kontakte gesamt)'
          : 'Pooled (weighted by total contacts)',
      );
      const [first, second] = pooled
        .slice(pooled.indexOf('<tbody>'))
        .split('</tr>')
        .map((row) =>
          row
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      // 2024: n and value each a dash with mark 1, the report's first withheld figure; 2025:
      // n 12, 66.5 and the change withheld with 2024.
      expect(first).toBe('2024 – 1 – 1');
      expect(second).toBe(language === 'de' ? '2025 12 66,5 – 1' : '2025 12 66.5 – 1');
      expect(pooled).not.toContain('61');
      const summary = html.slice(
        html.indexOf('class="summary trend-summary"'),
        html.indexOf('class="areas"'),
      );
      expect(summary).toContain(
        language === 'de'
          ? 'Erstlösungsquote (FCR): 66,5\u00a0% aller Kontakte im Jahr 2025, gepoolt über 12 Einheiten.'
          : 'First-contact resolution (FCR): 66.5\u00a0% of all contacts in 2025, pooled over 12 units.',
      );
      expect(html).not.toMatch(/61[.,]08/);
      const appendix = html.slice(html.indexOf('class="appendix trend-appendix"'));
      expect(appendix).toContain(
        language === 'de'
          ? 'Dominanzregel: eine Einheit trägt mehr als 25 % des Gewichts'
          : 'Dominance rule: one unit carries more than 25 % of the weight',
      );
      expect(appendix).toContain(
        language === 'de'
          ? `<th scope="row">${label}</th>\n                  <td>2024, gepoolt; Veränderung 2024 → 2025, gepoolt</td>`
          : `<th scope="row">${label}</th>\n                  <td>2024, pooled; change 2024 → 2025, pooled</td>`,
      );
    }
  });

  it('writes the summary and the tables with German numbers in a German report', () => {
    const html = renderTrendReportHtml(createHandMadeTrendReportInput({ language: 'de' }));
    expect(html).toContain(
      'Fluktuationsquote: Der Median aller Teilnehmer sank von 30 auf 23\u00a0% (−7\u00a0Prozentpunkte); im ausgewogenen Panel von 140 Einheiten −6,5\u00a0Prozentpunkte.',
    );
    const training = kpiSection(html, 'Grundausbildung neuer Agenten');
    expect(training).toContain('>27,5<');
    expect(training).toContain('>+6,3<');
    expect(html).toContain('10. Februar 2026');
  });

  it('writes them the English way in an English report', () => {
    const html = renderTrendReportHtml(createHandMadeTrendReportInput({ language: 'en' }));
    const training = kpiSection(html, 'Basic training of new agents');
    expect(training).toContain('>27.5<');
    expect(html).toContain('10 February 2026');
    expect(html).toContain('<td class="num">0.005</td>');
  });

  it('shows hostile study and publisher names as text, never as markup or template', () => {
    const input = createHandMadeTrendReportInput({
      studyName: HOSTILE_TAG,
      publisherName: HOSTILE_TEMPLATE,
    });
    const html = renderTrendReportHtml(input);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src&#x3D;&quot;http://127.0.0.1:9/x&quot;&gt;');
    expect(html).toContain(HOSTILE_TEMPLATE);
    expect(html).not.toContain('function Function');
    for (const template of [trendReportHeaderTemplate(input), trendReportFooterTemplate(input)]) {
      expect(template).not.toMatch(/<img|<script/i);
    }
    expect(trendReportFooterTemplate(input)).toContain(HOSTILE_TEMPLATE);
  });

  it('takes chart markup only from the library', () => {
    const model = buildTrendReportModel(createHandMadeTrendReportInput());
    const tampered = {
      ...model,
      drivers: {
        ...model.drivers,
        rows: [{ ...model.drivers.rows[0], chart: '<script>alert(1)</script>' }],
      },
    };
    expect(() => reportTemplates().trendReport(tampered)).toThrow(TypeError);
  });

  it('renders the demo study’s published cycles, 2023 and 2024, in both languages', () => {
    const de = renderTrendReportHtml(createDemoTrendReportInput('de'));
    expect(de).toContain('Grundausbildung neuer Agenten');
    expect(de).toContain('Berichtsjahre 2023–2024');
    for (const year of ['2023', '2024']) {
      expect(de).toContain(`>${year}</th>`);
    }
    // 2025 is the demo's open cycle.
    expect(de).not.toContain('>2025</th>');
    for (const heading of ['Teilnahme', 'Zusammenfassung', 'Treiber', 'Anhang: Methode']) {
      expect(de).toContain(`>${heading}</h1>`);
    }
    const en = renderTrendReportHtml(createDemoTrendReportInput('en'));
    expect(en).toContain('Basic training of new agents');
    expect(en).toContain('Reference years 2023–2024');
    expect(en).toContain('>Drift of the customer metrics</h1>');
    expect(en).not.toMatch(/<script/i);
    expect(en).toMatch(CSP);
  });

  it('states the demo’s published figure: an up- or cross-sell in 8.0 % of all contacts in 2024', () => {
    const { share, n } = demoUpsellPooled(2024);
    // The published figure: 8 %, to one decimal 8.0.
    expect(share.toFixed(1)).toBe('8.0');
    const en = share.toFixed(1);
    const de = en.replace('.', ',');
    expect(renderTrendReportHtml(createDemoTrendReportInput('en'))).toContain(
      `Contacts with an up- or cross-sell initiated: ${en}\u00a0% of all contacts in 2024, pooled over ${n} units (`,
    );
    const german = renderTrendReportHtml(createDemoTrendReportInput('de'));
    expect(german).toContain(
      `Kontakte mit Up- oder Cross-Selling-Impuls: ${de}\u00a0% aller Kontakte im Jahr 2024, gepoolt über ${n} Einheiten (`,
    );
    // And in its table, beside the 2023 figure and the change.
    const before = demoUpsellPooled(2023).share;
    const table = pooledSection(german, 'Kontakte mit Up- oder Cross-Selling-Impuls');
    expect(table).toContain(`>${before.toFixed(1).replace('.', ',')}<`);
    expect(table).toContain(`>${de}<`);
  });

  it('draws a scatter chart per driver of the demo and withholds nothing it shows', () => {
    const input = createDemoTrendReportInput('en');
    const html = renderTrendReportHtml(input);
    expect(html.match(/<svg[^>]*class="scatter"/g)).toHaveLength(input.trend.drivers.length);
    expect(input.trend.drivers.every((pair) => pair.n >= input.policy.minN)).toBe(true);
  });
});

describe('trend report header and footer templates', () => {
  it('name the study, the years and the publisher, with the page number for Chromium', () => {
    const input = createHandMadeTrendReportInput({ language: 'de' });
    expect(trendReportHeaderTemplate(input)).toContain(
      'Contact Center Benchmark DACH · 2024–2025</span><span>Trendbericht',
    );
    const footer = trendReportFooterTemplate(input).replace(/\s+/g, ' ');
    expect(footer).toContain('Vertraulich · Service Excellence Cockpit');
    expect(footer).toContain(
      'Seite <span class="pageNumber"></span> / <span class="totalPages"></span>',
    );
  });
});

describe('trendReportFileName', () => {
  it('makes a plain file name from the title, the years and the study', () => {
    expect(trendReportFileName(createDemoTrendReportInput('de'))).toBe(
      'Trendbericht-2023-2024-Contact-Center-Benchmark-DACH.pdf',
    );
    expect(trendReportFileName(createHandMadeTrendReportInput({ language: 'en' }))).toBe(
      'Trend-report-2024-2025-Contact-Center-Benchmark-DACH.pdf',
    );
  });

  it('reduces the study name as the company report does', () => {
    const input = createHandMadeTrendReportInput({
      language: 'de',
      studyName: 'Kundenservice Süd / Größe <1>',
    });
    expect(trendReportFileName(input)).toBe(
      'Trendbericht-2024-2025-Kundenservice-Sud-Grosse-1.pdf',
    );
  });
});
