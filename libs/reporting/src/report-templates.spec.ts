import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { reportTemplates, resolveReportTemplatesDir } from './report-templates';

const REPO_TEMPLATES = join(__dirname, '..', '..', '..', 'templates', 'reports');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('resolveReportTemplatesDir', () => {
  it('finds templates/reports walking up from a folder inside the repository', () => {
    expect(resolveReportTemplatesDir({}, [join(__dirname, 'no', 'such', 'folder')])).toBe(
      REPO_TEMPLATES,
    );
  });

  it('tries the working directory after the code’s own folder, as the bundled worker needs', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'reporting-'));
    expect(resolveReportTemplatesDir({}, [elsewhere, join(__dirname, '..')])).toBe(REPO_TEMPLATES);
  });

  it('takes COCKPIT_TEMPLATES_DIR as the templates folder or its reports folder', () => {
    const root = join(REPO_TEMPLATES, '..');
    expect(resolveReportTemplatesDir({ COCKPIT_TEMPLATES_DIR: root }, [])).toBe(REPO_TEMPLATES);
    expect(resolveReportTemplatesDir({ COCKPIT_TEMPLATES_DIR: REPO_TEMPLATES }, [])).toBe(
      REPO_TEMPLATES,
    );
  });

  it('refuses a COCKPIT_TEMPLATES_DIR without the templates instead of looking elsewhere', () => {
    const empty = mkdtempSync(join(tmpdir(), 'reporting-'));
    expect(() => resolveReportTemplatesDir({ COCKPIT_TEMPLATES_DIR: empty }, [__dirname])).toThrow(
      /COCKPIT_TEMPLATES_DIR/,
    );
  });

  it('fails loudly where no folder holds the templates', () => {
    const empty = mkdtempSync(join(tmpdir(), 'reporting-'));
    expect(() => resolveReportTemplatesDir({}, [empty])).toThrow(/templates\/reports/);
  });
});

describe('report templates', () => {
  it('never insert data unescaped: no triple-stash, no {{& }}, no script', () => {
    const files = filesUnder(REPO_TEMPLATES);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect({ file: relative(REPO_TEMPLATES, file), raw: /\{\{\{|\{\{~?\s*&/.test(text) }).toEqual(
        {
          file: relative(REPO_TEMPLATES, file),
          raw: false,
        },
      );
      expect(text).not.toMatch(/<script/i);
    }
  });

  it('keep the trend report to partials of its own, trend-*, each of them used', () => {
    const partials = readdirSync(join(REPO_TEMPLATES, 'partials'));
    const trendFiles = [
      join(REPO_TEMPLATES, 'trend-report.hbs'),
      ...partials
        .filter((name) => name.startsWith('trend-'))
        .map((name) => join(REPO_TEMPLATES, 'partials', name)),
    ];
    const included = new Set(
      trendFiles.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\{\{include\s+"([^"]+)"/g)].map((m) => m[1]),
      ),
    );
    expect([...included].filter((name) => name !== 'styles' && !name.startsWith('trend-'))).toEqual(
      [],
    );
    for (const name of partials.filter((file) => file.startsWith('trend-'))) {
      expect(included).toContain(name.replace(/\.hbs$/, ''));
    }
  });

  it('throw on a trend report model that lacks a field', () => {
    expect(() => reportTemplates(REPO_TEMPLATES).trendReport({ language: 'de' })).toThrow(/title/);
  });

  it('are compiled once and kept', () => {
    expect(reportTemplates(REPO_TEMPLATES)).toBe(reportTemplates(REPO_TEMPLATES));
  });

  it('throw on a field the model lacks instead of printing nothing', () => {
    expect(() => reportTemplates(REPO_TEMPLATES).header({ studyName: 'x', year: '2024' })).toThrow(
      /unitName/,
    );
  });

  it('do not print inherited properties of the model', () => {
    const model = Object.create({ studyName: 'inherited' }) as Record<string, string>;
    model.year = '2024';
    model.unitName = 'own';
    const header = reportTemplates(REPO_TEMPLATES).header(model);
    expect(header).not.toContain('inherited');
    expect(header).toContain('own');
  });
});
