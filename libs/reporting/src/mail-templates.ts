import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveTemplatesDir, SAFE_RUNTIME_OPTIONS, safeCompileOptions } from './report-templates';

/** The file whose presence marks a folder as the mail templates. */
const MARKER = 'layout.html.hbs';

/** A mail as it goes out: subject, HTML and its plain-text part. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

type Compiled = (model: object) => string;

/**
 * Two environments of their own: HTML escapes every value, the subject and the text part take
 * them as they are (they are no markup, and an `&amp;` in a plain-text mail is a mistake).
 */
const htmlEnv = Handlebars.create();
const plainEnv = Handlebars.create();
const OPTIONS = safeCompileOptions([]);

const compiled = new Map<string, Compiled>();

function compiledTemplate(dir: string, file: string, plain: boolean): Compiled {
  const path = join(dir, file);
  let template = compiled.get(path);
  if (!template) {
    if (!existsSync(path)) {
      throw new Error(`no mail template ${file} in ${dir}`);
    }
    const delegate = (plain ? plainEnv : htmlEnv).compile(readFileSync(path, 'utf8'), {
      ...OPTIONS,
      noEscape: plain,
    });
    template = (model) => delegate(model, SAFE_RUNTIME_OPTIONS);
    compiled.set(path, template);
  }
  return template;
}

/** The folder of the mail templates (`resolveTemplatesDir` for `mail`). */
export function resolveMailTemplatesDir(
  env: NodeJS.ProcessEnv = process.env,
  starts: readonly string[] = [__dirname, process.cwd()],
): string {
  return resolveTemplatesDir('mail', MARKER, env, starts);
}

let defaultDir: string | undefined;

/**
 * Renders a mail of `purpose` (`password_reset` reads `password-reset.<language>.subject.hbs`,
 * `.html.hbs` and `.text.hbs` of `templates/mail/`) in the recipient's language. Every value
 * the templates name must be in `params`: a missing one throws instead of sending a gap.
 *
 * @param dir the templates folder; default `resolveMailTemplatesDir()`
 */
export function renderMail(
  purpose: string,
  language: 'de' | 'en',
  params: Readonly<Record<string, string>>,
  dir: string = (defaultDir ??= resolveMailTemplatesDir()),
): RenderedMail {
  const base = `${purpose.replace(/_/g, '-')}.${language}`;
  // One line: a line break in a value (a name) must not start a header of its own.
  const subject = compiledTemplate(
    dir,
    `${base}.subject.hbs`,
    true,
  )(params)
    .replace(/\s+/g, ' ')
    .trim();
  const content = compiledTemplate(dir, `${base}.html.hbs`, false)(params);
  const html = `<!DOCTYPE html>\n${compiledTemplate(
    dir,
    MARKER,
    false,
  )({
    language,
    subject,
    content: new htmlEnv.SafeString(content),
  })}`;
  const text = compiledTemplate(dir, `${base}.text.hbs`, true)(params);
  return { subject, html, text };
}
