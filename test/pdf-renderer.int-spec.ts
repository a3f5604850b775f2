import { Logger } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PdfRenderError, PdfRenderFailure } from '../apps/worker/src/reports/pdf-render.error';
import { PdfRenderer, PdfRendererOptions } from '../apps/worker/src/reports/pdf-renderer';
import { pdfText } from './support/pdf-text';

// Real Chromium, as in production; CI installs Debian's (see .ci/run).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function document(body: string): string {
  return `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <style>
      body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; }
      section { break-after: page; }
      section:last-child { break-after: auto; }
    </style>
  </head>
  <body>${body}</body>
</html>`;
}

/** A long table: takes Chromium a second or more to lay out and print. */
function slowDocument(rows: number): string {
  const row = (i: number): string =>
    `<tr><td>Zeile ${i}</td><td>${i * 7}</td><td>${'Servicequalität '.repeat(4)}</td></tr>`;
  return document(`<table>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</table>`);
}

const small = document('<p>Kurz und bündig.</p>');

/**
 * The timeout of the tests that wait one out: ample for a render that must succeed on a loaded
 * machine (the others get the production default of 60 s), since the render meant to time out
 * is held by a stopped process and never depends on speed.
 */
const WAITED_OUT_TIMEOUT_MS = 30_000;

/** A local HTTP server that counts the requests it receives. */
async function countingServer(): Promise<{ server: Server; url: string; received: () => number }> {
  let received = 0;
  const server = createServer((_request, response) => {
    received += 1;
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received: () => received };
}

/** Parent process id and command line of every process, from /proc (no ps needed). */
function processes(): Map<number, { ppid: number; comm: string; cmdline: string }> {
  const found = new Map<number, { ppid: number; comm: string; cmdline: string }>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      // stat is "pid (comm) state ppid ...": comm may hold spaces, so split after its ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      found.set(Number(entry), { ppid, comm, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Process ids of the Chromium browsers this process started. */
function chromiumPids(): number[] {
  return [...processes()]
    .filter(([, p]) => p.comm === 'chromium' && p.ppid === process.pid)
    .map(([pid]) => pid);
}

/** Process ids of the renderer processes (the pages) of the Chromium browsers this process started. */
function rendererPids(): number[] {
  const all = processes();
  const browsers = new Set(chromiumPids());
  const descends = (pid: number): boolean => {
    for (let p = all.get(pid)?.ppid; p !== undefined && p > 1; p = all.get(p)?.ppid) {
      if (browsers.has(p)) {
        return true;
      }
    }
    return false;
  };
  return [...all]
    .filter(([pid, p]) => p.cmdline.includes('--type=renderer') && descends(pid))
    .map(([pid]) => pid);
}

/** Sends `signal` to each process that still exists. */
function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // it ended meanwhile (a killed browser takes its renderers along)
    }
  }
}

describe('PdfRenderer (real Chromium)', () => {
  // The renderer logs crashes and timeouts that these tests cause on purpose.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  let renderer: PdfRenderer | undefined;

  const start = (options: Partial<PdfRendererOptions> = {}): PdfRenderer => {
    renderer = new PdfRenderer({
      executablePath: CHROMIUM,
      concurrency: 2,
      timeoutMs: 60_000,
      rendersPerContext: 50,
      ...options,
    });
    return renderer;
  };

  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });

  it('renders two pages of German text with umlauts and counts 2 pages', async () => {
    const pdfRenderer = start();
    const html = document(`
      <section><h1>Größe der Servicequalität</h1><p>Übersicht für die Geschäftsführung: 1.234,5 Anrufe</p></section>
      <section><h2>Straße der Äußerungen</h2><p>Öffnungszeiten und Kundenzufriedenheit</p></section>`);

    const { pdf, pages } = await pdfRenderer.render(html, {
      footerTemplate:
        '<div style="font-size:8pt;width:100%;text-align:center">Seite <span class="pageNumber"></span> von <span class="totalPages"></span></div>',
    });

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBe(2);
    const text = await pdfText(pdf);
    expect(text.pages).toHaveLength(2);
    expect(text.pages[0]).toContain('Größe der Servicequalität');
    expect(text.pages[0]).toContain('Übersicht für die Geschäftsführung: 1.234,5 Anrufe');
    expect(text.pages[1]).toContain('Straße der Äußerungen');
    expect(text.pages[1]).toContain('Öffnungszeiten und Kundenzufriedenheit');
    expect(text.pages[0]).toContain('Seite 1 von 2');
    expect(text.pages[1]).toContain('Seite 2 von 2');
  }, 120_000);

  it('serves `rendersPerContext` renders per incognito context, then opens a fresh one', async () => {
    const pdfRenderer = start({ concurrency: 1, rendersPerContext: 3 });

    for (let i = 0; i < 7; i++) {
      await pdfRenderer.render(small);
    }

    // Renders 1-3, 4-6 and 7: three contexts, each prepared when the one before was retired.
    expect(pdfRenderer.contextsOpened).toBe(3);
  }, 120_000);

  it('runs no script of the document and lets no request leave the page', async () => {
    const pdfRenderer = start();
    const local = await countingServer();
    try {
      const html = document(`
        <link rel="stylesheet" href="http://127.0.0.1:9/y">
        <link rel="stylesheet" href="${local.url}/style.css">
        <style>@import url("${local.url}/import.css");
               .banner { background-image: url("${local.url}/background.png"); height: 10px; }</style>
        <p class="banner"></p>
        <p id="name">Firma &lt;img src="http://127.0.0.1:9/x"&gt; {{constructor.constructor}}</p>
        <img src="http://127.0.0.1:9/x" alt="">
        <img src="${local.url}/image.png" alt="">
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
        <iframe src="${local.url}/frame.html"></iframe>
        <script>document.getElementById('name').textContent = 'SCRIPT RAN';</script>`);

      const { pdf } = await pdfRenderer.render(html);

      const { text } = await pdfText(pdf);
      expect(text).toContain('Firma <img src="http://127.0.0.1:9/x"> {{constructor.constructor}}');
      expect(text).not.toContain('SCRIPT RAN');
      // 2 stylesheets, @import, background, 2 images, iframe; the data: image passes.
      expect(pdfRenderer.blockedRequests).toBe(7);
      expect(local.received()).toBe(0);
    } finally {
      local.server.close();
    }
  }, 120_000);

  it('relaunches Chromium for the next render after it was killed between renders', async () => {
    const pdfRenderer = start();
    await expect(pdfRenderer.render(small)).resolves.toMatchObject({ pages: 1 });

    pdfRenderer.killBrowser();

    const { pdf, pages } = await pdfRenderer.render(small);
    expect(pages).toBe(1);
    expect((await pdfText(pdf)).text).toContain('Kurz und bündig.');
  }, 120_000);

  it('fails a render in flight as retryable when Chromium dies, and the next render succeeds', async () => {
    const pdfRenderer = start();
    await pdfRenderer.render(small);

    // Stopped renderers keep the render in flight until the kill, however fast the machine.
    const renderers = rendererPids();
    signal(renderers, 'SIGSTOP');
    const inFlight = pdfRenderer.render(slowDocument(3000));
    try {
      // A turn of the event loop: the render has taken its page of the running browser.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pdfRenderer.activeRenders).toBe(1);
      pdfRenderer.killBrowser();
    } finally {
      // Let them see their browser gone and exit.
      signal(renderers, 'SIGCONT');
    }

    const failure = await inFlight.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PdfRenderError);
    expect(failure).toMatchObject({ reason: PdfRenderFailure.BrowserCrashed, retryable: true });
    await expect(pdfRenderer.render(small)).resolves.toMatchObject({ pages: 1 });
  }, 120_000);

  it('renders at most `concurrency` documents at once and queues the rest', async () => {
    const pdfRenderer = start({ concurrency: 2 });
    let mostActive = 0;
    let mostQueued = 0;
    const watch = (): void => {
      mostActive = Math.max(mostActive, pdfRenderer.activeRenders);
      mostQueued = Math.max(mostQueued, pdfRenderer.queuedRenders);
    };
    const watcher = setInterval(watch, 2);
    try {
      const rendering = Array.from({ length: 5 }, () => pdfRenderer.render(slowDocument(300)));
      // Slots are taken as renders are asked for: looked at before any can finish.
      watch();
      const results = await Promise.all(rendering);
      expect(results.every(({ pages }) => pages > 1)).toBe(true);
    } finally {
      clearInterval(watcher);
    }
    expect(mostActive).toBe(2);
    expect(mostQueued).toBe(3);
    expect(pdfRenderer.activeRenders).toBe(0);
  }, 120_000);

  it('rejects a render that exceeds the timeout and goes on rendering', async () => {
    const pdfRenderer = start({ timeoutMs: WAITED_OUT_TIMEOUT_MS });
    await pdfRenderer.render(small);
    // With its page's renderer stopped the render cannot finish, however fast the machine:
    // the timeout is certain, while the browser itself keeps answering.
    const renderers = rendererPids();
    signal(renderers, 'SIGSTOP');
    try {
      await expect(pdfRenderer.render(small)).rejects.toMatchObject({
        reason: PdfRenderFailure.Timeout,
        retryable: true,
        message: `PDF rendering timed out after ${WAITED_OUT_TIMEOUT_MS} ms`,
      });
    } finally {
      signal(renderers, 'SIGCONT');
    }

    await expect(pdfRenderer.render(small)).resolves.toMatchObject({ pages: 1 });
  }, 120_000);

  it('kills a hung Chromium whose render timed out and relaunches it for the next render', async () => {
    const pdfRenderer = start({ timeoutMs: WAITED_OUT_TIMEOUT_MS });
    await pdfRenderer.render(small);
    const [hung] = chromiumPids();
    expect(hung).toBeDefined();

    process.kill(hung, 'SIGSTOP');
    try {
      await expect(pdfRenderer.render(small)).rejects.toMatchObject({
        reason: PdfRenderFailure.Timeout,
      });
    } finally {
      signal([hung], 'SIGCONT');
    }

    await expect(pdfRenderer.render(small)).resolves.toMatchObject({ pages: 1 });
    expect(chromiumPids()).not.toContain(hung);
  }, 120_000);

  it('refuses to render once closed', async () => {
    const pdfRenderer = start();
    await pdfRenderer.close();
    await expect(pdfRenderer.render(small)).rejects.toMatchObject({
      reason: PdfRenderFailure.Closed,
    });
  }, 120_000);
});
