/**
 * SVG markup built by this library's chart functions, whose every text went through
 * `escapeXml`. The report templates insert only values of this class unescaped (helper `svg`),
 * so that no string from a report's data can reach the page as markup. Not exported from the
 * library: code outside cannot mark a string as trusted.
 */
export class SvgMarkup {
  private constructor(readonly markup: string) {}

  /** For the chart builders of this library only. */
  static fromChartBuilder(markup: string): SvgMarkup {
    return new SvgMarkup(markup);
  }
}

/**
 * The markup of a chart this library built, for a template helper outside the library (the web
 * pages' `svg`); a TypeError for anything else, so that no other string is inserted unescaped.
 */
export function chartMarkupOf(value: unknown): string {
  if (!(value instanceof SvgMarkup)) {
    throw new TypeError('the svg helper takes chart markup built by @app/reporting only');
  }
  return value.markup;
}
