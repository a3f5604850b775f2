/**
 * How often a progress page (a snapshot's computation, a batch of reports, a trend report)
 * reloads itself while the work is queued or running. The pages work without JavaScript, so
 * they refresh with `<meta http-equiv="refresh">`: a small page that the browser reloads in
 * place, keeping its scroll position, which is how the bar moves without a script.
 */
export const PROGRESS_REFRESH_SECONDS = 2;
