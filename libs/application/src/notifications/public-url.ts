/** The injection token of PUBLIC_URL, the start of every link in a mail. */
export const PUBLIC_URL = Symbol('PUBLIC_URL');

/**
 * The pages a notification links to: the paths of `pagePaths` (apps/api/src/web/page-urls.ts),
 * which a library cannot import; the e2e story follows these links in the browser.
 */
export const notificationLinks = {
  submission: (publicUrl: string, cycleId: string, unitId: string): string =>
    `${publicUrl}/cycles/${cycleId}/units/${unitId}/submission`,
  review: (publicUrl: string, cycleId: string): string => `${publicUrl}/cycles/${cycleId}/review`,
  report: (publicUrl: string, reportId: string): string => `${publicUrl}/reports/${reportId}`,
};
