import { percentileStripChart } from '@app/reporting';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { LANGUAGES } from '../../common/request-context';
import { PageContext } from './page-context';
import { PageRenderer } from './page-renderer';
import {
  compilePageTemplates,
  PageDataVariables,
  PageTemplates,
  resolvePageTemplatesDir,
} from './page-templates';
import { pageTexts, textAt } from './page-texts';

function pageContext(language: 'de' | 'en' = 'de', path = '/'): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path,
    user: null,
    csrfToken: () => 'the-token',
  };
}

/** A folder of page templates of its own: the real layout, the test's pages. */
function folderWith(pages: Record<string, string>): string {
  const real = resolvePageTemplatesDir();
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-pages-'));
  mkdirSync(join(dir, 'partials'));
  mkdirSync(join(dir, 'styles'));
  writeFileSync(join(dir, 'layout.hbs'), readFileSync(join(real, 'layout.hbs')));
  for (const file of readdirSync(join(real, 'styles'))) {
    writeFileSync(join(dir, 'styles', file), readFileSync(join(real, 'styles', file)));
  }
  for (const file of readdirSync(join(real, 'partials'))) {
    writeFileSync(join(dir, 'partials', file), readFileSync(join(real, 'partials', file)));
  }
  for (const [name, source] of Object.entries(pages)) {
    writeFileSync(join(dir, `${name}.hbs`), source);
  }
  return dir;
}

function data(language: 'de' | 'en' = 'de'): PageDataVariables {
  return {
    page: { language, csrfToken: () => 'tok"en' },
    lang: language,
    path: '/',
    user: null,
    stylesheetVersion: 'v1',
  };
}

describe('page templates', () => {
  const dirs: string[] = [];
  const compileWith = (pages: Record<string, string>): PageTemplates => {
    const dir = folderWith(pages);
    dirs.push(dir);
    return compilePageTemplates(dir);
  };
  const render = (source: string, model: object, language: 'de' | 'en' = 'de'): string => {
    const template = compileWith({ probe: source }).pages.get('probe');
    if (!template) {
      throw new Error('probe not compiled');
    }
    return template(model, data(language));
  };

  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('escapes every value of the model', () => {
    expect(render('<p title="{{name}}">{{name}}</p>', { name: '<script>"x"</script>' })).toBe(
      '<p title="&lt;script&gt;&quot;x&quot;&lt;/script&gt;">&lt;script&gt;&quot;x&quot;&lt;/script&gt;</p>',
    );
  });

  it('refuses a field the model lacks instead of printing nothing', () => {
    expect(() => render('<p>{{missing.name}}</p>', {})).toThrow(/not defined/);
    expect(() => render('<p>{{name}}</p>', {})).toThrow(/"name" not defined/);
  });

  it('refuses at compile time a helper it does not know', () => {
    expect(() => compileWith({ probe: '<p>{{lookupSecret name}}</p>' })).toThrow(/lookupSecret/);
  });

  it('does not reach inherited properties of the model', () => {
    expect(() => render('<p>{{constructor.name}}</p>', {})).toThrow(/not defined/);
    expect(render('<p>{{__proto__}}|{{constructor}}</p>', {})).toBe('<p>|</p>');
  });

  it('writes texts, figures and dates in the language of the page', () => {
    const source =
      '{{t "home.title"}}|{{t "common.cycleState" state}}|{{t "home.company.cycleHeading" year=2026}}|{{number n}}|{{percent p}}|{{date d}}|{{number nothing}}';
    const model = {
      state: 'open',
      n: 1234.5,
      p: 72.4,
      d: new Date('2025-03-05T00:00:00Z'),
      nothing: null,
    };
    expect(render(source, model, 'de')).toBe(
      'Übersicht|offen|Zyklus 2026|1.234,5|72\u00a0%|5. März 2025|–',
    );
    expect(render(source, model, 'en')).toBe(
      'Overview|open|Cycle 2026|1,234.5|72\u00a0%|5 March 2025|–',
    );
  });

  it('refuses a text key that does not exist', () => {
    expect(() => render('{{t "home.nothing"}}', {})).toThrow(/no page text "home.nothing"/);
  });

  it('writes the CSRF field and query escaped', () => {
    expect(render('{{csrfField}}|{{csrfQuery}}', {})).toBe(
      '<input type="hidden" name="_csrf" value="tok&quot;en" />|_csrf=tok%22en',
    );
  });

  it('inserts chart markup of @app/reporting, and nothing else, unescaped', () => {
    const chart = percentileStripChart({
      p10: 1,
      p25: 2,
      p50: 3,
      p75: 4,
      p90: 5,
      value: 3.5,
      valueLabel: '3,5 <b>',
      title: 'AHT',
    });
    const html = render('{{svg chart}}', { chart });
    expect(html).toMatch(/^<svg /);
    expect(html).toContain('3,5 &lt;b&gt;');
    expect(() => render('{{svg chart}}', { chart: '<svg onload="x()"></svg>' })).toThrow(
      /chart markup built by @app\/reporting only/,
    );
    expect(() =>
      render('{{svg chart}}', { chart: { markup: '<svg onload="x()"></svg>' } }),
    ).toThrow(/chart markup/);
  });

  it('renders a partial with a hash as its context', () => {
    expect(render('{{include "submission-state" state="returned"}}', {}, 'en')).toContain(
      '<span class="badge badge-returned">returned</span>',
    );
  });

  it('uses only text keys that exist in German and in English', () => {
    const dir = resolvePageTemplatesDir();
    const files = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(join(folder, entry.name))
          : entry.name.endsWith('.hbs')
            ? [join(folder, entry.name)]
            : [],
      );
    const keys = files(dir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\{\{t\s+["']([\w.]+)["']\s*(\w+)?/g)].map(
        (match) => ({ file: relative(dir, file), key: match[1], dynamic: match[2] !== undefined }),
      ),
    );
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.flatMap(({ file, key, dynamic }) =>
      LANGUAGES.flatMap((language) => {
        try {
          textAt(language, key);
          // `{{t "common.cycleState" state}}` names a group; textAt refuses a group.
          return dynamic ? [`${file}: ${key} (${language}) is a text, not a group`] : [];
        } catch (error: unknown) {
          const group = error instanceof Error && /group of texts/.test(error.message);
          return dynamic && group ? [] : [`${file}: ${key} (${language})`];
        }
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('PageRenderer', () => {
  const renderer = new PageRenderer();

  it('renders a page into the layout with a doctype, the language and the title', () => {
    const html = renderer.render(pageContext('en'), 'errors/error', {
      title: 'Page not found',
      text: 'Nothing here.',
      status: 404,
      detail: null,
      problems: [],
      errorId: null,
      backHref: null,
    });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>Page not found · Benchmark Cockpit</title>');
    expect(html).toMatch(/href="\/assets\/cockpit\.css\?v=[0-9a-f]{12}"/);
    // Handlebars escapes `=` too; the browser reads the entity as the character.
    expect(html).toContain('href="/language?lang&#x3D;de&amp;next&#x3D;%2F"');
    expect(html).not.toMatch(/<script|style="/);
  });

  it('refuses a view that does not exist', () => {
    expect(() => renderer.render(pageContext(), 'home/nothing', { title: 'x' })).toThrow(
      /no page template home\/nothing/,
    );
  });
});
