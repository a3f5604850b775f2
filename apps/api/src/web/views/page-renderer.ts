import { Injectable, OnModuleInit } from '@nestjs/common';
import Handlebars from 'handlebars';
import { LANGUAGES } from '../../common/request-context';
import type { PageContext } from './page-context';
import {
  compilePageTemplates,
  PageDataVariables,
  PageTemplates,
  resolvePageTemplatesDir,
} from './page-templates';
import { navigationFor } from './navigation';

/** What every page model has: the title of the browser tab and of the page's heading. */
export interface PageModel {
  title: string;
}

/**
 * Renders a named page of `templates/pages/` with its model into the layout, with the request's
 * context (language, signed-in person, CSRF token, current path). Page controllers return what
 * it returns:
 *
 * ```ts
 * return this.pages.render(page, 'home/company', { title: page.texts.home.title, studies });
 * ```
 */
@Injectable()
export class PageRenderer implements OnModuleInit {
  private compiled?: PageTemplates;

  /** Compiles the templates at start: a broken template stops the api, not a person. */
  onModuleInit(): void {
    this.compiled ??= compilePageTemplates(resolvePageTemplatesDir());
  }

  /** The compiled templates, kept for the process. */
  get templates(): PageTemplates {
    this.compiled ??= compilePageTemplates(resolvePageTemplatesDir());
    return this.compiled;
  }

  /**
   * The HTML of a page: `view` is the template's path under `templates/pages/` without `.hbs`
   * (`home/company`). Model values are escaped; a field the template names but the model lacks
   * is an error (strict mode), as is an unknown view.
   */
  render<M extends PageModel>(page: PageContext, view: string, model: M): string {
    const templates = this.templates;
    const template = templates.pages.get(view);
    if (!template || view.startsWith('partials/')) {
      throw new Error(`no page template ${view} in ${templates.dir}`);
    }
    const data: PageDataVariables = {
      page: { language: page.language, csrfToken: () => page.csrfToken() },
      lang: page.language,
      path: page.path,
      user: page.user,
      stylesheetVersion: templates.stylesheetVersion,
    };
    const body = template(model, data);
    // The doctype is written here: Prettier's Handlebars printer drops it from a template.
    return `<!DOCTYPE html>\n${templates.layout(
      {
        title: model.title,
        body: new Handlebars.SafeString(body),
        user: page.user,
        navigation: navigationFor(
          page.user?.organisationKind ?? null,
          page.texts,
          page.path,
          page.user?.role ?? null,
        ),
        languages: LANGUAGES.map((code) => ({
          code,
          label: page.texts.common.languageNames[code],
          href: `/language?lang=${code}&next=${encodeURIComponent(page.path)}`,
          current: code === page.language,
        })),
      },
      data,
    )}`;
  }
}
