import { Logger, OnModuleDestroy } from '@nestjs/common';
import puppeteer, { Browser, BrowserContext, HTTPRequest, Page, PDFOptions } from 'puppeteer';
import { countPdfPages } from './pdf-page-count.util';
import { PdfRenderError, PdfRenderFailure } from './pdf-render.error';
import { Semaphore } from './semaphore.util';

/** How the renderer runs Chromium. */
export interface PdfRendererOptions {
  /** The system Chromium (CHROMIUM_PATH), e.g. /usr/bin/chromium. */
  executablePath: string;
  /** Renders at once, each in its own page (REPORT_CONCURRENCY). */
  concurrency: number;
  /** Longest time one render may take, from its start in a page to the PDF (REPORT_TIMEOUT_MS). */
  timeoutMs: number;
  /**
   * Renders one locked-down page serves before its incognito context is closed and a fresh one
   * takes its place (REPORT_RENDERS_PER_CONTEXT); 1 gives every render a fresh context.
   */
  rendersPerContext: number;
}

/** Running header and footer, printed by Chromium in the page margins. */
export interface PdfRenderOptions {
  /**
   * HTML of the header. Chromium fills elements of class `pageNumber`, `totalPages`, `title`
   * and `date`. It is printed outside the page's Content-Security-Policy: escape every value.
   */
  headerTemplate?: string;
  /** HTML of the footer; as `headerTemplate`. */
  footerTemplate?: string;
}

/** A rendered document. */
export interface RenderedPdf {
  pdf: Buffer;
  /** Pages, counted in the PDF itself. */
  pages: number;
}

/** An incognito context with one locked-down page. */
interface PreparedPage {
  context: BrowserContext;
  page: Page;
  /** Renders this page has finished. */
  renders: number;
  /** Requests of the current render that were aborted. */
  blocked: number;
}

interface RunningBrowser {
  browser: Browser;
  /**
   * Pages ready for the next render, one per slot at most: used ones that have renders left,
   * and fresh ones prepared ahead in place of retired ones.
   */
  idle: Array<Promise<PreparedPage>>;
  /** Rejects when this browser goes away, so that renders in it fail at once. */
  gone: Promise<never>;
  /** Set once the browser is gone or being killed: it takes no new render. */
  dead: boolean;
}

const LAUNCH_TIMEOUT_MS = 30_000;
/** How long closing a context may take before the browser counts as hung. */
const CLOSE_TIMEOUT_MS = 5_000;
/** Room for the running header and footer; the template's @page rules may set their own. */
const MARGIN_WITH_HEADER = { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' };
const MARGIN_PLAIN = { top: '16mm', bottom: '16mm', left: '16mm', right: '16mm' };
/** An empty template: without it Chromium prints its default header (title, date, URL). */
const EMPTY_TEMPLATE = '<span></span>';

const CHROMIUM_ARGS = [
  // Chromium's sandbox cannot run here: as root (CI, the development machines) Chromium
  // refuses to start with it, and in the container image as an unprivileged user it needs
  // user namespaces that Docker's default seccomp profile denies. The documents are our own
  // escaped templates, JavaScript is off and every request but data: is aborted, so the page
  // has nothing to exploit the missing sandbox with; the container is the outer boundary.
  '--no-sandbox',
  // /dev/shm is 64 MB in a container: shared memory goes to /tmp instead.
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--mute-audio',
  // Defence in depth behind request interception: no host name resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * Renders self-contained HTML documents to A4 PDFs in one system Chromium, launched on the
 * first render and again after it crashed or hung. Renders run in pages with JavaScript
 * disabled, each in an incognito context of its own; every request that is not a data: URL is
 * aborted. At most `concurrency` renders run at once, the others wait in order. Only counts,
 * durations and sizes are logged: nothing of a document.
 *
 * A page serves `rendersPerContext` renders before its context is closed. A fresh context per
 * render costs Chromium a renderer process each time: measured here it triples the time per
 * report (475 against 148 ms at two concurrent renders), which no Chromium flag changes. What a
 * fresh context would isolate cannot arise in these pages: without JavaScript and without any
 * request leaving the page nothing can set a cookie, fill a cache or storage, or read the
 * previous document, which `setContent` replaces whole. A failed or timed-out render always
 * retires its context.
 */
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderer.name);
  private readonly slots: Semaphore;
  private launching?: Promise<RunningBrowser>;
  private current?: RunningBrowser;
  private closed = false;
  private blocked = 0;
  private contexts = 0;

  constructor(private readonly options: PdfRendererOptions) {
    for (const key of ['concurrency', 'timeoutMs', 'rendersPerContext'] as const) {
      if (!Number.isInteger(options[key]) || options[key] < 1) {
        throw new RangeError(`PdfRenderer ${key} must be a positive integer, got ${options[key]}`);
      }
    }
    this.slots = new Semaphore(options.concurrency);
  }

  /** Requests the pages tried to make other than data: URLs; all were aborted. */
  get blockedRequests(): number {
    return this.blocked;
  }

  /** Incognito contexts opened so far: one per `rendersPerContext` renders, and after failures. */
  get contextsOpened(): number {
    return this.contexts;
  }

  /** Renders running now. */
  get activeRenders(): number {
    return this.slots.running;
  }

  /** Renders waiting for a free page. */
  get queuedRenders(): number {
    return this.slots.queued;
  }

  /**
   * Renders one complete, self-contained HTML document to an A4 PDF with backgrounds. Rejects
   * with a PdfRenderError: on timeout, a crashed browser or a failed launch it is retryable.
   */
  render(html: string, options: PdfRenderOptions = {}): Promise<RenderedPdf> {
    if (this.closed) {
      return Promise.reject(closedError());
    }
    return this.slots.use(() => this.renderNow(html, options));
  }

  /** Closes Chromium; renders afterwards are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const launching = this.launching;
    this.launching = undefined;
    this.current = undefined;
    const running = await launching?.catch(() => undefined);
    if (running && !running.dead) {
      running.dead = true;
      await within(running.browser.close(), CLOSE_TIMEOUT_MS).catch(() => kill(running));
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /** Kills Chromium at once, as a crash would; the next render launches a new one. For tests. */
  killBrowser(): void {
    const running = this.current;
    if (running) {
      this.forget(running);
      kill(running);
    }
  }

  private async renderNow(html: string, options: PdfRenderOptions): Promise<RenderedPdf> {
    if (this.closed) {
      throw closedError();
    }
    const running = await this.browser();
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PdfRenderError(
              PdfRenderFailure.Timeout,
              `PDF rendering timed out after ${this.options.timeoutMs} ms`,
            ),
          ),
        this.options.timeoutMs,
      );
    });
    const prepared = this.takePage(running);
    const work = prepared.then((ready) => this.print(ready, html, options));
    // The race below may settle first; the loser's rejection must not go unhandled.
    work.catch(() => undefined);
    let succeeded = false;
    try {
      const pdf = await Promise.race([work, deadline, running.gone]);
      const pages = countPdfPages(pdf);
      this.logger.debug(
        `rendered ${pages} pages (${pdf.length} bytes) in ${Date.now() - started} ms`,
      );
      const { blocked } = await prepared;
      if (blocked > 0) {
        // Our templates load nothing: a blocked request means one of them points outside.
        this.logger.warn(`aborted ${blocked} requests of a document (not data: URLs)`);
      }
      succeeded = true;
      return { pdf, pages };
    } catch (error) {
      throw this.failure(error, running);
    } finally {
      clearTimeout(timer);
      await this.release(prepared, running, succeeded);
    }
  }

  /** A page for one render: an idle one if there is one, else a new one. */
  private async takePage(running: RunningBrowser): Promise<PreparedPage> {
    const idle = running.idle.shift();
    // A page prepared ahead that failed to come up is replaced rather than failing the render.
    const prepared = await (idle?.catch(() => this.preparePage(running)) ??
      this.preparePage(running));
    prepared.blocked = 0;
    return prepared;
  }

  /** Prepares a fresh page ahead, so that the next render does not wait for a renderer process. */
  private prepareAhead(running: RunningBrowser): void {
    if (!this.closed && !running.dead && running.idle.length < this.options.concurrency) {
      const next = this.preparePage(running);
      next.catch(() => undefined);
      running.idle.push(next);
    }
  }

  private async preparePage(running: RunningBrowser): Promise<PreparedPage> {
    const context = await running.browser.createBrowserContext();
    this.contexts += 1;
    try {
      const page = await context.newPage();
      const prepared: PreparedPage = { context, page, renders: 0, blocked: 0 };
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => this.screen(request, prepared));
      return prepared;
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  private async print(
    { page }: PreparedPage,
    html: string,
    options: PdfRenderOptions,
  ): Promise<Buffer> {
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    const withHeader = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    const pdfOptions: PDFOptions = {
      format: 'A4',
      printBackground: true,
      margin: withHeader ? MARGIN_WITH_HEADER : MARGIN_PLAIN,
      timeout: 0,
      // Accessible PDF (PDF/UA's basics): a structure tree from the HTML's elements, in their
      // order, with the document language from <html lang> and the title from <title>; and
      // bookmarks from the headings. Puppeteer marks both options experimental and tags by
      // default today, so they are asked for by name, and the report tests check the result.
      tagged: true,
      outline: true,
      ...(withHeader && {
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate ?? EMPTY_TEMPLATE,
        footerTemplate: options.footerTemplate ?? EMPTY_TEMPLATE,
      }),
    };
    const pdf = await page.pdf(pdfOptions);
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  /** Lets data: URLs through and aborts everything else; the URL is not logged. */
  private screen(request: HTTPRequest, prepared: PreparedPage): void {
    if (request.isInterceptResolutionHandled()) {
      return;
    }
    if (request.url().startsWith('data:')) {
      request.continue().catch(() => undefined);
      return;
    }
    this.blocked += 1;
    prepared.blocked += 1;
    request.abort('blockedbyclient').catch(() => undefined);
  }

  /**
   * Hands the page back for the next render while it has renders left. Otherwise, and after any
   * failure (the page may hold half a document or hang), closes its context and prepares a fresh
   * page in its place. A browser that cannot close a context in time is hung and is killed.
   */
  private async release(
    prepared: Promise<PreparedPage>,
    running: RunningBrowser,
    succeeded: boolean,
  ): Promise<void> {
    try {
      const used = await within(prepared, CLOSE_TIMEOUT_MS);
      used.renders += 1;
      const reusable = succeeded && used.renders < this.options.rendersPerContext;
      if (reusable && !running.dead && !this.closed) {
        running.idle.push(Promise.resolve(used));
        return;
      }
      this.prepareAhead(running);
      if (!running.dead) {
        await within(used.context.close(), CLOSE_TIMEOUT_MS);
      }
    } catch (error) {
      // Anything but silence (a page that never came up, a browser already gone) leaves
      // nothing to close.
      if (error instanceof NoAnswer && !running.dead) {
        this.logger.error('Chromium did not answer in time: killing it');
        this.forget(running);
        kill(running);
      } else {
        this.prepareAhead(running);
      }
    }
  }

  private failure(error: unknown, running: RunningBrowser): PdfRenderError {
    if (error instanceof PdfRenderError) {
      if (error.reason === PdfRenderFailure.Timeout) {
        this.logger.warn(error.message);
      }
      return error;
    }
    if (running.dead || !running.browser.connected) {
      return new PdfRenderError(
        PdfRenderFailure.BrowserCrashed,
        'Chromium went away during the render',
        { cause: error },
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`PDF rendering failed: ${message}`);
    return new PdfRenderError(PdfRenderFailure.RenderFailed, `PDF rendering failed: ${message}`, {
      cause: error,
    });
  }

  /** The running browser, launched when there is none (one launch for concurrent callers). */
  private async browser(): Promise<RunningBrowser> {
    if (this.current && (this.current.dead || !this.current.browser.connected)) {
      this.forget(this.current);
    }
    this.launching ??= this.launch();
    const launching = this.launching;
    try {
      return await launching;
    } catch (error) {
      if (this.launching === launching) {
        this.launching = undefined;
      }
      throw error;
    }
  }

  private async launch(): Promise<RunningBrowser> {
    const started = Date.now();
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: this.options.executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: LAUNCH_TIMEOUT_MS,
        // DevTools over a pipe, not a port on localhost that any local process could drive.
        pipe: true,
        // A hung CDP call fails instead of waiting for ever; renders have their own deadline.
        protocolTimeout: this.options.timeoutMs + CLOSE_TIMEOUT_MS,
        // Shutdown belongs to the worker (onModuleDestroy), not to Puppeteer's signal handlers.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Chromium ${this.options.executablePath} did not start: ${message}`);
      throw new PdfRenderError(
        PdfRenderFailure.LaunchFailed,
        `Chromium ${this.options.executablePath} did not start`,
        { cause: error },
      );
    }
    let gone!: (error: Error) => void;
    const running: RunningBrowser = {
      browser,
      idle: [],
      dead: false,
      gone: new Promise<never>((_, reject) => (gone = reject)),
    };
    running.gone.catch(() => undefined);
    browser.once('disconnected', () => {
      if (!running.dead && !this.closed) {
        this.logger.error('Chromium disconnected; the next render launches a new one');
      }
      this.forget(running);
      gone(
        new PdfRenderError(PdfRenderFailure.BrowserCrashed, 'Chromium went away during the render'),
      );
    });
    if (this.closed) {
      running.dead = true;
      await browser.close().catch(() => kill(running));
      throw closedError();
    }
    this.current = running;
    this.logger.log(
      `Chromium ${await browser.version()} started (pid ${browser.process()?.pid}) in ${Date.now() - started} ms`,
    );
    return running;
  }

  /** Marks a browser as gone so that the next render launches a new one. */
  private forget(running: RunningBrowser): void {
    running.dead = true;
    if (this.current === running) {
      this.current = undefined;
      this.launching = undefined;
    }
  }
}

function kill(running: RunningBrowser): void {
  running.dead = true;
  running.browser.process()?.kill('SIGKILL');
}

function closedError(): PdfRenderError {
  return new PdfRenderError(PdfRenderFailure.Closed, 'The PDF renderer is closed');
}

/** Raised by `within` when a promise does not settle in time. */
class NoAnswer extends Error {}

/** Rejects with NoAnswer when `promise` does not settle within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new NoAnswer(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
