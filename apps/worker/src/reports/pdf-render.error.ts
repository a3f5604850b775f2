/** Why a render failed. */
export enum PdfRenderFailure {
  /** The render did not finish within REPORT_TIMEOUT_MS. */
  Timeout = 'timeout',
  /** Chromium died or was killed while the render ran. */
  BrowserCrashed = 'browser_crashed',
  /** Chromium could not be started (missing binary, no memory). */
  LaunchFailed = 'launch_failed',
  /** The renderer was closed (the worker is shutting down). */
  Closed = 'closed',
  /** Chromium refused the document or printing failed. */
  RenderFailed = 'render_failed',
}

/**
 * A failed render. Its message names the failure only, never anything from the document, so
 * that it can be logged and stored with the report; `retryable` tells the job whether another
 * attempt may succeed.
 */
export class PdfRenderError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly reason: PdfRenderFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfRenderError';
    this.retryable = reason !== PdfRenderFailure.RenderFailed;
  }
}
