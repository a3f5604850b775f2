import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer';
import { startApp, TestApp } from './app';
import type { TestUser } from './factories';

/** Where `screenshot` writes; CI keeps the folder as an artifact. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/**
 * Navigations and waits of the browser tests: a page of ours renders in well under a second,
 * but on a shared machine at a load of 10 to 20 on two cores Chromium and the api get a
 * fraction of a core each.
 */
export const BROWSER_TIMEOUT_MS = 60_000;

/** The api listening on a free port of 127.0.0.1, and the system Chromium driving it. */
export interface BrowserTestApp extends TestApp {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  browser: Browser;
  /**
   * A new page in a browser context of its own (own cookies, so one test's sign-in does not
   * leak into another's), sending the given Accept-Language.
   */
  newPage: (options?: { acceptLanguage?: string }) => Promise<Page>;
  /** The absolute URL of a path of the api. */
  url: (path: string) => string;
  /** Signs in through the sign-in form and waits for the page it leads to. */
  signIn: (page: Page, user: Pick<TestUser, 'email' | 'password'>, path?: string) => Promise<void>;
  /** Closes the browser and the api. */
  close: () => Promise<void>;
}

/**
 * Starts the whole api (as `startApp`, against this run's database and Redis) listening on a
 * free port, and launches the system Chromium (`CHROMIUM_PATH`, default `/usr/bin/chromium`)
 * headless through Puppeteer.
 */
export async function startBrowserApp(
  overrides: Record<string, string> = {},
): Promise<BrowserTestApp> {
  const app = await startApp(overrides);
  let browser: Browser | undefined;
  try {
    await app.app.listen(0, '127.0.0.1');
    const { port } = app.app.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      // As root (CI, the development machines) Chromium starts only without its sandbox.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
      timeout: BROWSER_TIMEOUT_MS,
    });
    const running = browser;
    const url = (path: string): string => `${baseUrl}${path}`;
    return {
      ...app,
      baseUrl,
      browser: running,
      url,
      newPage: async (options = {}) => {
        const context = await running.createBrowserContext();
        const page = await context.newPage();
        page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
        page.setDefaultNavigationTimeout(BROWSER_TIMEOUT_MS);
        await page.setViewport({ width: 1280, height: 860 });
        await page.setExtraHTTPHeaders({ 'Accept-Language': options.acceptLanguage ?? 'de-DE' });
        return page;
      },
      signIn: async (page, user, path = '/login') => {
        if (!page.url().startsWith(url(path))) {
          await page.goto(url(path));
        }
        await page.locator('#email').fill(user.email);
        await page.locator('#password').fill(user.password);
        await Promise.all([page.waitForNavigation(), page.locator('form.form button').click()]);
      },
      close: async () => {
        await running.close();
        await app.close();
      },
    };
  } catch (error: unknown) {
    await browser?.close();
    await app.close();
    throw error;
  }
}

/**
 * The little of the DOM the helpers below use. The tests compile without the DOM library (the
 * code under test runs in Node), so the functions run in the page name what they touch.
 */
interface PageElement {
  innerText: string;
  getAttribute(name: string): string | null;
}
interface PageWindow {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
  };
  getComputedStyle(element: PageElement): Record<string, string>;
}

/** The text of the first element a selector matches, as the page shows it (trimmed). */
export async function textOf(page: Page, selector: string): Promise<string> {
  // Functions passed to page.evaluate run in the page: they can use nothing from this module.
  const text = await page.evaluate((sel: string) => {
    const element = (globalThis as unknown as PageWindow).document.querySelector(sel);
    return element === null ? null : element.innerText;
  }, selector);
  if (text === null) {
    throw new Error(`no element ${selector} on ${page.url()}`);
  }
  return text.trim();
}

/** The texts of every element a selector matches, in document order (trimmed). */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  const texts = await page.evaluate(
    (sel: string) =>
      Array.from((globalThis as unknown as PageWindow).document.querySelectorAll(sel)).map(
        (element) => element.innerText,
      ),
    selector,
  );
  return texts.map((text) => text.trim());
}

/** An attribute of the first element a selector matches; null when it or the element is missing. */
export function attributeOf(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate(
    (sel: string, attribute: string) =>
      (globalThis as unknown as PageWindow).document.querySelector(sel)?.getAttribute(attribute) ??
      null,
    selector,
    name,
  );
}

/** A computed style property (`border-bottom-style`) of the first element a selector matches. */
export function styleOf(page: Page, selector: string, property: string): Promise<string | null> {
  return page.evaluate(
    (sel: string, name: string) => {
      const window = globalThis as unknown as PageWindow;
      const element = window.document.querySelector(sel);
      return element === null ? null : (window.getComputedStyle(element)[name] ?? null);
    },
    selector,
    property,
  );
}

/**
 * Saves a full-page PNG of the page as `test-artifacts/screenshots/<name>.png` and returns its
 * path. Names are the test's words: `company-home-de`.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new Error(`screenshot name ${name}: letters, digits, ".", "_" and "-" only`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Clicks and waits for the page the click leads to; returns its HTTP status. */
export async function clickAndWait(page: Page, selector: string): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForNavigation({ timeout: BROWSER_TIMEOUT_MS }),
    page.locator(selector).click(),
  ]);
  return response?.status();
}

/** One load of a progress page: its state and whether it asks to be reloaded. */
export interface ProgressLoad {
  state: string | null;
  refresh: string | null;
}

/**
 * Follows a progress page as a person would: reads it and, while it is not finished, lets its
 * own refresh (the meta element) load it again, until `finished` holds. Nobody reloads the page:
 * without its refresh it would never move, and that is the feature under test. Returns every
 * load.
 */
export async function followProgress(
  page: Page,
  finished: (state: string | null) => boolean,
  maxLoads = 90,
): Promise<ProgressLoad[]> {
  const loads: ProgressLoad[] = [];
  for (let i = 0; i < maxLoads; i++) {
    // Armed before the page is read: on a busy machine its refresh may come while it is read.
    const navigated = page.waitForNavigation({ timeout: BROWSER_TIMEOUT_MS });
    let load: ProgressLoad;
    try {
      // One read of one document: two reads could straddle the refresh.
      load = await page.evaluate(() => {
        const { document } = globalThis as unknown as PageWindow;
        return {
          state: document.querySelector('.progress-card')?.getAttribute('data-state') ?? null,
          refresh:
            document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? null,
        };
      });
    } catch (e: unknown) {
      // The refresh came first and replaced the document being read: read the next load.
      if (!String(e).includes('Execution context was destroyed')) {
        throw e;
      }
      await navigated;
      continue;
    }
    loads.push(load);
    if (finished(load.state)) {
      // A finished page does not refresh; the armed wait ends with the test's next navigation.
      navigated.catch(() => undefined);
      return loads;
    }
    expect(load.refresh).toBe('2');
    await navigated;
  }
  throw new Error(`the progress page did not finish after ${maxLoads} loads`);
}

/** The page's main heading. */
export const heading = (page: Page): Promise<string> => textOf(page, 'h1');

/** The text of the page's main content. */
export const mainText = (page: Page): Promise<string> => textOf(page, 'main');

/** Reads a German number as the pages show it (`1.234,5`). */
export const germanNumber = (text: string): number =>
  Number(text.replace(/\./g, '').replace(',', '.'));
