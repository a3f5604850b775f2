import Handlebars from 'handlebars';
import {
  chartMarkupOf,
  formatDate,
  formatFigure,
  formatPercent,
  NO_VALUE,
  resolveTemplatesDir,
  SAFE_RUNTIME_OPTIONS,
  safeCompileOptions,
} from '@app/reporting';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Language } from '../../common/request-context';
import { CSRF_FIELD } from '../session/csrf';
import { fill } from './localized';
import { textAt } from './page-texts';

/** The file whose presence marks a folder as the page templates. */
const MARKER = 'layout.hbs';

/**
 * The folder of the pages' stylesheet, one file per part (base, charts and print, the pages of
 * each kind of organisation), joined in the order of their names and served as
 * `/assets/cockpit.css`.
 */
export const STYLESHEET_DIR = 'styles';

/**
 * The helpers a page template may call; with `knownHelpersOnly` nothing else compiles.
 * `templates/pages/README.md` describes each.
 */
const PAGE_HELPERS = [
  't',
  'csrfField',
  'csrfQuery',
  'number',
  'percent',
  'date',
  'eq',
  'not',
  'choose',
  'uri',
  'svg',
  'include',
] as const;

/** The reports' safety settings: a missing field is an error, no helper but ours is called. */
const COMPILE_OPTIONS = safeCompileOptions(PAGE_HELPERS);

/** What a page's helpers read of its request (the `@page` data of a render). */
export interface PageRenderData {
  language: Language;
  csrfToken(): string;
}

/** The data variables of a render: `@lang`, `@path`, `@user` in templates; `page` for helpers. */
export interface PageDataVariables {
  page: PageRenderData;
  lang: Language;
  path: string;
  user: object | null;
  stylesheetVersion: string;
}

/** A compiled page template: model and data variables in, HTML out. */
export type PageTemplate = (model: object, data: PageDataVariables) => string;

/** The templates of `templates/pages/`, compiled. */
export interface PageTemplates {
  dir: string;
  layout: PageTemplate;
  /** The pages by name: `home/company` is `templates/pages/home/company.hbs`. */
  pages: ReadonlyMap<string, PageTemplate>;
  stylesheet: string;
  /** A short hash of the stylesheet, for its URL: a new stylesheet is a new URL. */
  stylesheetVersion: string;
}

/**
 * The folder of the page templates: `COCKPIT_TEMPLATES_DIR` (the `templates` folder or its
 * `pages` folder) when set, otherwise the first `templates/pages` found walking up from this
 * file and from the working directory: from the sources (ts-node, jest) and from the webpack
 * bundle in `dist/apps/api`, whose cwd is the repository root or `/app` in the image.
 *
 * @throws Error when no folder holds the templates
 */
export function resolvePageTemplatesDir(
  env: NodeJS.ProcessEnv = process.env,
  starts: readonly string[] = [__dirname, process.cwd()],
): string {
  return resolveTemplatesDir('pages', MARKER, env, starts);
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return templateFiles(path);
    }
    return entry.name.endsWith('.hbs') ? [path] : [];
  });
}

function pageDataOf(options: Handlebars.HelperOptions): PageRenderData {
  return (options.data as PageDataVariables).page;
}

/** The last argument of a helper is Handlebars' options; the ones before are the template's. */
function split(args: unknown[]): { params: unknown[]; options: Handlebars.HelperOptions } {
  return {
    params: args.slice(0, -1),
    options: args[args.length - 1] as Handlebars.HelperOptions,
  };
}

function registerHelpers(
  env: typeof Handlebars,
  partials: Map<string, Handlebars.TemplateDelegate>,
  partialsDir: string,
): void {
  env.registerHelper('t', (...args: unknown[]) => {
    const { params, options } = split(args);
    const [key, ...more] = params;
    if (typeof key !== 'string') {
      throw new TypeError('the t helper takes a text key: {{t "home.title"}}');
    }
    const path = [key, ...more.map((part) => String(part))].join('.');
    return fill(
      textAt(pageDataOf(options).language, path),
      options.hash as Record<string, unknown>,
    );
  });
  env.registerHelper('csrfField', (options: Handlebars.HelperOptions) => {
    const token = Handlebars.escapeExpression(pageDataOf(options).csrfToken());
    return new env.SafeString(`<input type="hidden" name="${CSRF_FIELD}" value="${token}" />`);
  });
  env.registerHelper('csrfQuery', (options: Handlebars.HelperOptions) => {
    const token = encodeURIComponent(pageDataOf(options).csrfToken());
    return new env.SafeString(`${CSRF_FIELD}=${Handlebars.escapeExpression(token)}`);
  });
  env.registerHelper('number', (value: unknown, options: Handlebars.HelperOptions) =>
    typeof value === 'number' && Number.isFinite(value)
      ? formatFigure(value, pageDataOf(options).language)
      : NO_VALUE,
  );
  env.registerHelper('percent', (value: unknown, options: Handlebars.HelperOptions) =>
    typeof value === 'number' && Number.isFinite(value)
      ? formatPercent(value, pageDataOf(options).language)
      : NO_VALUE,
  );
  env.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime())
      ? formatDate(date, pageDataOf(options).language)
      : NO_VALUE;
  });
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('not', (value: unknown) => !value);
  // Blocks cannot stand inside an attribute in a template Prettier can format, so attributes
  // that depend on a condition use this: aria-invalid="{{choose error 'true' 'false'}}".
  env.registerHelper('choose', (...args: unknown[]) => {
    const { params } = split(args);
    const [condition, then, otherwise] = params;
    return condition ? then : (otherwise ?? '');
  });
  env.registerHelper('uri', (value: unknown) =>
    encodeURIComponent(typeof value === 'string' || typeof value === 'number' ? String(value) : ''),
  );
  env.registerHelper('svg', (value: unknown) => new env.SafeString(chartMarkupOf(value)));
  // Partials are called through `include` rather than `{{> name}}`, which Prettier's Handlebars
  // parser cannot read. They render with the caller's context, or with the hash given
  // (`{{include "state-badge" state=unit.state}}`), and with the render's data variables.
  env.registerHelper(
    'include',
    function (this: unknown, name: unknown, options: Handlebars.HelperOptions) {
      const partial = typeof name === 'string' ? partials.get(name) : undefined;
      if (partial === undefined) {
        throw new TypeError(`no page partial ${String(name)} in ${partialsDir}`);
      }
      const hash = options.hash as Record<string, unknown>;
      const context = Object.keys(hash).length > 0 ? { ...hash } : this;
      return new env.SafeString(
        partial(context, { ...SAFE_RUNTIME_OPTIONS, data: options.data as unknown }),
      );
    },
  );
}

/**
 * Compiles the page templates of a folder in a Handlebars environment of their own, so that
 * nothing registered for the pages reaches a report and nothing of the reports reaches a page.
 * Every template is compiled at once: a template that uses an unknown helper or does not parse
 * stops the api at start, not a person at a page.
 */
export function compilePageTemplates(dir: string): PageTemplates {
  const env = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  const partials = new Map<string, Handlebars.TemplateDelegate>();
  const compile = (file: string): Handlebars.TemplateDelegate => {
    const source = readFileSync(file, 'utf8');
    // compile() is lazy; precompile() runs the compiler now, so errors surface at start.
    env.precompile(source, COMPILE_OPTIONS);
    return env.compile(source, COMPILE_OPTIONS);
  };
  registerHelpers(env, partials, partialsDir);
  const pages = new Map<string, PageTemplate>();
  for (const file of templateFiles(dir)) {
    const name = relative(dir, file).slice(0, -'.hbs'.length).split(sep).join('/');
    const template = compile(file);
    if (name.startsWith('partials/')) {
      partials.set(basename(name), template);
    } else {
      pages.set(name, (model, data) => template(model, { ...SAFE_RUNTIME_OPTIONS, data }));
    }
  }
  const layout = pages.get('layout');
  if (!layout) {
    throw new Error(`no ${MARKER} in ${dir}`);
  }
  pages.delete('layout');
  const stylesheet = readdirSync(join(dir, STYLESHEET_DIR))
    .filter((file) => file.endsWith('.css'))
    .sort()
    .map((file) => readFileSync(join(dir, STYLESHEET_DIR, file), 'utf8'))
    .join('');
  return {
    dir,
    layout,
    pages,
    stylesheet,
    stylesheetVersion: createHash('sha256').update(stylesheet).digest('hex').slice(0, 12),
  };
}
