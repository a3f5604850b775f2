import type { LocalizedMessage } from '../errors/domain-error';

/**
 * Why a snapshot, a report or a mail failed, per key, in both languages; `params` are the figures the
 * sentence names, `cause` the sentence of the failure behind it.
 */
export const WORK_FAILURE_TEXTS = {
  render_timeout: (): LocalizedMessage => ({
    de: 'Die Erstellung des PDF dauerte länger als erlaubt (REPORT_TIMEOUT_MS).',
    en: 'Rendering the PDF took longer than allowed (REPORT_TIMEOUT_MS).',
  }),
  browser_crashed: (): LocalizedMessage => ({
    de: 'Chromium brach während der Erstellung des PDF ab.',
    en: 'Chromium crashed while rendering the PDF.',
  }),
  browser_launch_failed: (): LocalizedMessage => ({
    de: 'Chromium konnte nicht gestartet werden.',
    en: 'Chromium could not be started.',
  }),
  renderer_closed: (): LocalizedMessage => ({
    de: 'Der Worker wurde während der Erstellung des PDF beendet.',
    en: 'The worker shut down while rendering the PDF.',
  }),
  render_failed: (): LocalizedMessage => ({
    de: 'Chromium konnte das Dokument nicht drucken.',
    en: 'Chromium could not print the document.',
  }),
  refused: (params): LocalizedMessage => ({ de: String(params.de), en: String(params.en) }),
  internal: (params): LocalizedMessage => ({
    de: `Ein interner Fehler ist aufgetreten. Nennen Sie die Fehler-Id ${params.errorId}, wenn Sie den Support kontaktieren.`,
    en: `An internal error occurred. Quote error id ${params.errorId} when you contact support.`,
  }),
  job_stalled: (): LocalizedMessage => ({
    de: 'Der Worker, der die Arbeit ausführte, reagierte nicht mehr.',
    en: 'The worker running it stopped responding.',
  }),
  attempt_failed: (): LocalizedMessage => ({
    de: 'Der letzte Versuch schlug fehl; Einzelheiten stehen im Log des Workers.',
    en: "The last attempt failed; the worker's log has the details.",
  }),
  worker_stopped: (): LocalizedMessage => ({
    de: 'Der Worker wurde während der Arbeit beendet.',
    en: 'The worker stopped while running it.',
  }),
  mail_deferred: (params): LocalizedMessage => ({
    de: `Der Mailserver konnte die Mail nicht annehmen (${params.code}); sie wird erneut gesendet.`,
    en: `The mail server could not take the mail (${params.code}); it will be sent again.`,
  }),
  mail_rejected: (params): LocalizedMessage => ({
    de: `Der Mailserver hat die Mail endgültig abgelehnt (${params.code}); sie wird nicht erneut gesendet.`,
    en: `The mail server refused the mail for good (${params.code}); it will not be sent again.`,
  }),
  stopped_after_attempts: (params, cause): LocalizedMessage => ({
    de: `Nach ${params.attempts} Versuchen abgebrochen: ${cause?.de ?? ''}`.trimEnd(),
    en: `Stopped after ${params.attempts} attempts: ${cause?.en ?? ''}`.trimEnd(),
  }),
  unexplained: (params): LocalizedMessage => ({
    de: String(params.detail),
    en: String(params.detail),
  }),
} as const satisfies Record<
  string,
  (params: Readonly<Record<string, string | number>>, cause?: LocalizedMessage) => LocalizedMessage
>;
