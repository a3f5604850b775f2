import { computeTrendData, DEFAULT_DISCLOSURE_POLICY, TrendInput, TrendUnit } from '@app/domain';
import { reportTemplates } from './report-templates';
import {
  createDemoTrendReportInput,
  createHandMadeTrendReportInput,
  demoStudy,
} from './report-test-factories';
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

/** The part of the document from a KPI's heading to the end of its table. */
function kpiSection(html: string, label: string): string {
  const start = html.indexOf(`<h3>${label} <span class="meta">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</table>', start));
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

  it('renders the whole demo study, 2023 to 2025, in both languages', () => {
    const de = renderTrendReportHtml(createDemoTrendReportInput('de'));
    expect(de).toContain('Grundausbildung neuer Agenten');
    expect(de).toContain('Berichtsjahre 2023–2025');
    for (const year of ['2023', '2024', '2025']) {
      expect(de).toContain(`>${year}</th>`);
    }
    for (const heading of ['Teilnahme', 'Zusammenfassung', 'Treiber', 'Anhang: Methode']) {
      expect(de).toContain(`>${heading}</h1>`);
    }
    const en = renderTrendReportHtml(createDemoTrendReportInput('en'));
    expect(en).toContain('Basic training of new agents');
    expect(en).toContain('Reference years 2023–2025');
    expect(en).toContain('>Drift of the customer metrics</h1>');
    expect(en).not.toMatch(/<script/i);
    expect(en).toMatch(CSP);
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
      'Trendbericht-2023-2025-Contact-Center-Benchmark-DACH.pdf',
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
