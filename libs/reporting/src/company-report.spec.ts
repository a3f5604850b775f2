import { DEFAULT_DISCLOSURE_POLICY, SUPPRESSION_REASONS } from '@app/domain';
import {
  companyReportFileName,
  renderCompanyReportHtml,
  reportFooterTemplate,
  reportHeaderTemplate,
} from './company-report';
import { buildCompanyReportModel } from './company-report-model';
import { reportTemplates } from './report-templates';
import {
  createCell,
  createCompanyReportInput,
  createHandMadeReportInput,
  createItem,
  createPosition,
} from './report-test-factories';

const CSP =
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"\s*\/?>/;
const HOSTILE_TAG = '<img src="http://127.0.0.1:9/x">';
const HOSTILE_TEMPLATE = '{{constructor.constructor}}';

/** One KPI with a median of 1234.5 and the unit's value of 2345.25. */
function thousandsInput(language: 'de' | 'en') {
  const items = [createItem('volume_kpi', { unit: 'contacts' })];
  return createHandMadeReportInput({
    items,
    cells: [createCell('volume_kpi', { p25: 1000, p50: 1234.5, p75: 2000, n: 1200 })],
    positions: [
      createPosition('volume_kpi', { percentileRank: 80, value: 2345.25, gapToTopQuartile: 0 }),
    ],
    language,
  });
}

/** The part of the document between a KPI's label and the end of its table block. */
function blockOf(html: string, label: string): string {
  const start = html.indexOf(`<span class="label">${label}</span>`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tbody>', start));
}

describe('renderCompanyReportHtml', () => {
  it('writes numbers the German way in a German report', () => {
    const html = renderCompanyReportHtml(thousandsInput('de'));
    const block = blockOf(html, 'Kennzahl volume_kpi');
    expect(block).toContain('>1.234,5<');
    expect(block).toContain('>2.345,25<');
    expect(block).toContain('n\u00a0&#x3D;\u00a01.200');
    expect(html).toContain('5. November 2024');
    expect(html).toContain('<html lang="de">');
  });

  it('writes numbers the English way in an English report', () => {
    const html = renderCompanyReportHtml(thousandsInput('en'));
    const block = blockOf(html, 'KPI volume_kpi');
    expect(block).toContain('>1,234.5<');
    expect(block).toContain('>2,345.25<');
    expect(block).toContain('2,345.25\u00a0contacts');
    expect(html).toContain('5 November 2024');
  });

  it('is a complete document with the restrictive Content-Security-Policy and no script', () => {
    const html = renderCompanyReportHtml(createCompanyReportInput({ language: 'de' }));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toMatch(CSP);
    expect(html.search(CSP)).toBeLessThan(html.indexOf('<style>'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<iframe|<object|<embed|<img/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
    expect(html).toContain('@page');
  });

  it('shows hostile unit and company names as text, never as markup or template', () => {
    for (const language of ['de', 'en'] as const) {
      const html = renderCompanyReportHtml(
        createCompanyReportInput({
          language,
          unitName: HOSTILE_TAG,
          companyName: HOSTILE_TEMPLATE,
        }),
      );
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('&lt;img src&#x3D;&quot;http://127.0.0.1:9/x&quot;&gt;');
      expect(html).toContain(HOSTILE_TEMPLATE);
      expect(html).not.toContain('function Function');
    }
  });

  it('escapes a hostile KPI label in the table and in the charts', () => {
    const label = '<svg onload=alert(1)>{{constructor.constructor}}';
    const items = [createItem('x', { label: { de: label, en: label } })];
    const html = renderCompanyReportHtml(
      createHandMadeReportInput({
        items,
        cells: [createCell('x')],
        positions: [createPosition('x', { percentileRank: 60 })],
        trend: [
          { year: 2023, values: { x: { unit: 1, median: 2 } } },
          { year: 2024, values: { x: { unit: 2, median: 2 } } },
        ],
      }),
    );
    expect(html).not.toContain('<svg onload');
    expect(html).toContain('&lt;svg onload');
    expect(html).toContain('{{constructor.constructor}}');
  });

  it('shows no figure of a withheld cell, only dashes, the footnote mark and the reason', () => {
    const items = [createItem('hidden_kpi'), createItem('shown_kpi')];
    const input = createHandMadeReportInput({
      items,
      cells: [
        {
          kpiKey: 'hidden_kpi',
          n: null,
          mean: null,
          p10: null,
          p25: null,
          p50: null,
          p75: null,
          p90: null,
          pooled: null,
          suppressed: SUPPRESSION_REASONS.minN(DEFAULT_DISCLOSURE_POLICY),
          suppressedStatistics: [],
        },
        createCell('shown_kpi'),
      ],
      positions: [
        createPosition('hidden_kpi', { percentileRank: null, value: null }),
        createPosition('shown_kpi', { percentileRank: 60 }),
      ],
    });
    const block = blockOf(renderCompanyReportHtml(input), 'KPI hidden_kpi');
    expect(block).not.toMatch(/<td class="num[^"]*">\d/);
    expect(block).toContain('–<sup class="fn">1</sup>');
    expect(block).not.toContain('<svg');
    expect(block).toContain('Not released (minimum group size): fewer than 5 peers.');
    const text = block
      .replace(/<sup class="fn">\d+<\/sup>/g, '')
      .replace(/<[^>]*>/g, '')
      .replace('fewer than 5 peers', '');
    expect(text).not.toMatch(/\d/);
  });

  it('names the peer group with its n on the cover and in the summary', () => {
    const input = createCompanyReportInput({ language: 'en' });
    const html = renderCompanyReportHtml(input);
    expect(html).toContain(`(n\u00a0&#x3D;\u00a0${input.peerGroup.n} units)`);
    expect(html).toContain(`comprises ${input.peerGroup.n} units including your own`);
    expect(html).toContain(input.peerGroup.label.en);
  });

  it('renders the demo unit in both languages with every area, the summary and the appendix', () => {
    const de = renderCompanyReportHtml(createCompanyReportInput({ language: 'de' }));
    for (const heading of [
      'Zusammenfassung',
      'Stärken',
      'Verbesserungspotenziale',
      'Strategie',
      'Kosten',
      'Anhang',
      'Methode',
    ]) {
      expect(de).toContain(`>${heading}</h`);
    }
    const en = renderCompanyReportHtml(createCompanyReportInput({ language: 'en' }));
    for (const heading of [
      'Executive summary',
      'Strengths',
      'Areas for improvement',
      'Strategy',
      'Cost',
      'Appendix',
      'Method',
    ]) {
      expect(en).toContain(`>${heading}</h`);
    }
  });

  it('lists the withheld cells of the demo unit in the appendix', () => {
    const input = createCompanyReportInput({ language: 'en' });
    const model = buildCompanyReportModel(input);
    const withheld = input.cells.filter((cell) => cell.suppressed !== null);
    expect(withheld.length).toBeGreaterThan(0);
    const wholeCells = model.appendix.suppressed.filter((s) => s.what === 'all figures');
    expect(wholeCells).toHaveLength(withheld.length);
  });
});

describe('report header and footer templates', () => {
  it('carry the page number and total for Chromium, in a small font', () => {
    const footer = reportFooterTemplate(createCompanyReportInput({ language: 'de' }));
    expect(footer.replace(/\s+/g, ' ')).toContain(
      'Seite <span class="pageNumber"></span> / <span class="totalPages"></span>',
    );
    expect(footer).toContain('font-size:7.5pt');
    const header = reportHeaderTemplate(createCompanyReportInput({ language: 'en' }));
    expect(header).toContain('Contact Center Benchmark DACH · 2025');
  });

  it('escape hostile names', () => {
    const input = createCompanyReportInput({
      language: 'en',
      unitName: HOSTILE_TAG,
      companyName: `${HOSTILE_TAG}${HOSTILE_TEMPLATE}`,
    });
    for (const template of [reportHeaderTemplate(input), reportFooterTemplate(input)]) {
      expect(template).not.toMatch(/<img|<script/i);
      expect(template).toContain('&lt;img');
    }
    expect(reportFooterTemplate(input)).toContain(HOSTILE_TEMPLATE);
  });
});

describe('the svg helper', () => {
  it('refuses a string where chart markup belongs', () => {
    const model = buildCompanyReportModel(thousandsInput('en'));
    const [area] = model.areas;
    const tampered = {
      ...model,
      areas: [{ ...area, rows: [{ ...area.rows[0], chart: '<script>alert(1)</script>' }] }],
    };
    expect(() => reportTemplates().companyReport(tampered)).toThrow(TypeError);
  });
});

describe('companyReportFileName', () => {
  it('makes a plain file name from the title, year and unit', () => {
    const input = createCompanyReportInput({
      language: 'de',
      unitName: 'Kundenservice Süd / Größe <1>',
    });
    expect(companyReportFileName(input)).toBe(
      'Benchmark-Bericht-2025-Kundenservice-Sud-Grosse-1.pdf',
    );
  });
});
