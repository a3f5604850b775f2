import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { chartMarkupOf } from './svg-markup';

/** The file whose presence marks a folder as the report templates. */
const MARKER = 'company-report.hbs';

/**
 * The compiler's safety settings, for reports and pages: a missing field is an error instead of
 * an empty string (`strict`), and no helper but the built-ins and the given ones can be called
 * (`knownHelpersOnly`), so a template cannot reach anything the code did not put there on
 * purpose.
 */
export function safeCompileOptions(helpers: readonly string[]): CompileOptions {
  return {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(helpers.map((name) => [name, true])),
    noEscape: false,
    preventIndent: true,
  };
}

const COMPILE_OPTIONS = safeCompileOptions(['svg', 'include']);

/**
 * No lookup of inherited properties or methods (`constructor`, `__proto__`), ever: the runtime
 * options of every template render, reports and pages alike.
 */
export const SAFE_RUNTIME_OPTIONS: RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};

/** A compiled report template: a model in, HTML out. */
export type ReportTemplate = (model: object) => string;

/** The templates of `templates/reports/`, compiled. */
export interface ReportTemplates {
  dir: string;
  companyReport: ReportTemplate;
  /** The publisher's trend report (`trend-report.hbs`, partials `trend-*.hbs`). */
  trendReport: ReportTemplate;
  header: ReportTemplate;
  footer: ReportTemplate;
}

/**
 * A folder of templates under `templates/`: `COCKPIT_TEMPLATES_DIR` (the `templates` folder or
 * its `<folder>` folder) when set, otherwise the first `templates/<folder>` found walking up
 * from this file and from the working directory. Walking up from both finds the repository's
 * folder from the sources (ts-node, jest) and from the webpack bundles in `dist/apps/*`, whose
 * cwd is the repository root or `/app` in the image. Shared by the reports and the web pages.
 *
 * @param folder `reports` or `pages`
 * @param marker a file whose presence marks the folder
 * @throws Error when no folder holds the templates: a deployment without them cannot render
 */
export function resolveTemplatesDir(
  folder: string,
  marker: string,
  env: NodeJS.ProcessEnv = process.env,
  starts: readonly string[] = [__dirname, process.cwd()],
): string {
  const hasTemplates = (dir: string): boolean => existsSync(join(dir, marker));
  const configured = env.COCKPIT_TEMPLATES_DIR;
  if (configured !== undefined && configured !== '') {
    const root = resolve(configured);
    const found = [join(root, folder), root].find(hasTemplates);
    if (found === undefined) {
      throw new Error(
        `COCKPIT_TEMPLATES_DIR=${configured} holds no ${folder} templates (${marker} in it or in its ${folder} folder)`,
      );
    }
    return found;
  }
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'templates', folder);
      if (hasTemplates(candidate)) {
        return candidate;
      }
      const parent = dirname(dir);
      if (parent === dir) {
        break;
      }
      dir = parent;
    }
  }
  throw new Error(
    `no templates/${folder} folder with ${marker} above ${starts.join(' or ')}; set COCKPIT_TEMPLATES_DIR`,
  );
}

/** The folder of the report templates (`resolveTemplatesDir` for `reports`). */
export function resolveReportTemplatesDir(
  env: NodeJS.ProcessEnv = process.env,
  starts: readonly string[] = [__dirname, process.cwd()],
): string {
  return resolveTemplatesDir('reports', MARKER, env, starts);
}

/** Compiles the templates of a folder in a Handlebars environment of their own. */
function compileTemplates(dir: string): ReportTemplates {
  // A separate environment: helpers and partials registered elsewhere in the process (the web
  // pages) never reach a report, and the reports' reach no page.
  const env = Handlebars.create();
  env.registerHelper('svg', (value: unknown) => new env.SafeString(chartMarkupOf(value)));
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
  const compile = (source: string): ReportTemplate => {
    const template = env.compile(source, COMPILE_OPTIONS);
    return (model) => template(model, SAFE_RUNTIME_OPTIONS);
  };
  // Partials are called through `include` rather than `{{> name}}`, which Prettier's Handlebars
  // parser cannot read; they are rendered like any template, with the caller's context and data
  // (so `@root` is the report), and inserted as the HTML they already are.
  const partials = new Map<string, Handlebars.TemplateDelegate>();
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs'))) {
    partials.set(
      basename(file, '.hbs'),
      env.compile(readFileSync(join(partialsDir, file), 'utf8'), COMPILE_OPTIONS),
    );
  }
  // The stylesheet is the folder's own files (styles/*.css, joined in the order of their names:
  // the page, the company report, the trend report's own rules), not data: inserted as it is.
  const stylesDir = join(dir, 'styles');
  const styles = new env.SafeString(
    readdirSync(stylesDir)
      .filter((name) => name.endsWith('.css'))
      .sort()
      .map((name) => readFileSync(join(stylesDir, name), 'utf8'))
      .join(''),
  );
  env.registerHelper(
    'include',
    function (this: unknown, name: unknown, options: Handlebars.HelperOptions) {
      if (name === 'styles') {
        return styles;
      }
      const partial = typeof name === 'string' ? partials.get(name) : undefined;
      if (partial === undefined) {
        throw new TypeError(`no report partial ${String(name)} in ${partialsDir}`);
      }
      return new env.SafeString(
        partial(this, { ...SAFE_RUNTIME_OPTIONS, data: options.data as unknown }),
      );
    },
  );
  return {
    dir,
    companyReport: compile(read(MARKER)),
    trendReport: compile(read('trend-report.hbs')),
    header: compile(read('header.hbs')),
    footer: compile(read('footer.hbs')),
  };
}

const compiled = new Map<string, ReportTemplates>();
let defaultDir: string | undefined;

/**
 * The report templates, read and compiled on first use and kept for the process: a batch
 * renders hundreds of reports from the same templates.
 *
 * @param dir the templates folder; default `resolveReportTemplatesDir()`
 */
export function reportTemplates(dir?: string): ReportTemplates {
  const key = dir ?? (defaultDir ??= resolveReportTemplatesDir());
  let templates = compiled.get(key);
  if (!templates) {
    templates = compileTemplates(key);
    compiled.set(key, templates);
  }
  return templates;
}
