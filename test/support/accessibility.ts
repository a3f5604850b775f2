import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';

/** The rules of WCAG 2.1 levels A and AA, as axe-core tags them. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A rule a page breaks, with the elements that break it (their CSS selectors, a few). */
export interface AxeViolation {
  rule: string;
  impact: string;
  count: number;
  targets: string[];
  /** What axe-core says is wrong with the first element (colours and ratio, a missing name). */
  summary: string;
}

/**
 * The WCAG 2.1 AA violations axe-core finds on the page as it is shown now. Empty for a page
 * that passes; each violation names its rule so that a failing test says what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxePuppeteer(page).withTags(WCAG_21_AA).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    count: violation.nodes.length,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    summary: violation.nodes[0]?.failureSummary ?? '',
  }));
}
