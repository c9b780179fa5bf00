// Shared pieces of the end-to-end tests: where things are, the one browser-and-server fixture
// (startFixture, startSite, openPage, testPage, servePage, gotoGallery), and a recorder of
// everything a page does that a test may want to forbid.
//
//   let fixture;
//   before(async () => (fixture = await startFixture({ site: {}, strictSite: { csp: true } })));
//   after(() => fixture?.close());
//   …
//   const { context, page, seen } = await openPage(fixture.browser, {
//     viewport: { width: 360, height: 740 },
//     dpr: 2,
//     csp: true, // the test pages below carry STRICT_CSP
//     pages: { [`${fixture.strictSite.url}__test__/a.html`]: testPage("<p>…</p>", { embed: true }) },
//   });

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

/** Absolute path of a file in the repository. */
export const repoPath = (...parts) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", ...parts);

/** The policy the page must work under when a newspaper embeds it: no inline script or style,
 * WebAssembly allowed; images from the site and data: URLs (the embed code's picture). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's Chromium (apt-get install chromium): playwright's own browser download cannot work
 * here. The networking flags stop it from calling home, which would fail and add noise.
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * Starts recording, before the first navigation, what `page` logs as an error or a warning,
 * throws, requests and what the Content-Security-Policy blocks. The arrays fill up as the page
 * runs.
 */
export async function watchPage(page) {
  const seen = { consoleErrors: [], warnings: [], pageErrors: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.consoleErrors.push(msg.text());
    if (msg.type() === "warning") seen.warnings.push(msg.text());
  });
  page.on("pageerror", (err) => seen.pageErrors.push(err.message));
  page.on("request", (req) => seen.requests.push(req.url()));
  // Runs in every document before its own scripts (injected by the DevTools protocol, so the
  // page's CSP does not apply to it). Read the result with cspViolations(page).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI}`),
      true,
    );
  });
  return seen;
}

/** The CSP violations recorded in the page's current document. */
export const cspViolations = (page) => page.evaluate(() => window.__cspViolations);

/** The Content-Security-Policy of `csp`: true is STRICT_CSP, a string that policy, false none. */
const policyOf = (csp) => (csp === true ? STRICT_CSP : csp || null);

/**
 * A static server of `root` (www/ unless given) on 127.0.0.1, as scripts/serve.mjs serves the
 * demo: every response carries `csp` as its Content-Security-Policy (true: STRICT_CSP; a string:
 * that policy) and `headers`; `gzip` compresses as a production server does.
 *
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startSite({ root = repoPath("www"), csp = false, gzip = false, headers = {} } = {}) {
  const policy = policyOf(csp);
  return serve({
    root,
    gzip,
    headers: policy ? { "Content-Security-Policy": policy, ...headers } : headers,
  });
}

/**
 * Debian's Chromium and one server per entry of `sites` ({ name: startSite's options }), for a
 * test file's before(); `close()`, for its after(), closes them all. Resolves to
 * `{ browser, [name]: { url, close }, close }`. What started is closed again when a later start
 * fails.
 */
export async function startFixture(sites = { site: {} }) {
  const fixture = {};
  const opened = [];
  fixture.close = async () => {
    while (opened.length > 0) await opened.pop().close();
  };
  try {
    for (const [name, options] of Object.entries(sites)) {
      fixture[name] = await startSite(options);
      opened.push(fixture[name]);
    }
    fixture.browser = await launchChromium();
    opened.push(fixture.browser);
  } catch (err) {
    await fixture.close();
    throw err;
  }
  return fixture;
}

/**
 * A test page's HTML: `body` in a blank Vietnamese document, with `head` in its <head> and, with
 * `embed`, the site loader's line (`<script type="module" src="/pkg/embed.js">`) as an article's
 * template has it.
 */
export function testPage(body = "", { head = "", embed = false, title = "test" } = {}) {
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>` +
    (embed ? '<script type="module" src="/pkg/embed.js"></script>' : "") +
    `${head}</head><body>${body}</body></html>`
  );
}

/**
 * Serves `html` at `url` (a URL or a playwright URL pattern) to `target`, a page or a context,
 * as text/html with `csp` as its Content-Security-Policy (true: STRICT_CSP; a string: that
 * policy). A page of the site's origin this way loads /pkg/ and /data/ as the site's own pages do.
 */
export function servePage(target, url, html, { csp = false } = {}) {
  const policy = policyOf(csp);
  return target.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      headers: policy ? { "Content-Security-Policy": policy } : {},
      body: html,
    }),
  );
}

/**
 * A fresh context of `browser` and a page in it, watched from before the first navigation
 * (watchPage). Options: `viewport` (1280 × 900 unless given), `dpr` (deviceScaleFactor), `init`
 * (an init script, or a list, of the context: it runs in every document before the page's own
 * scripts and before the recorder's), `pages` ({ url: html }, each served to the context by
 * servePage under `csp`), and any other option of browser.newContext (colorScheme,
 * javaScriptEnabled, acceptDownloads…).
 *
 * @returns {Promise<{ context, page, seen }>} `seen` as watchPage gives it
 */
export async function openPage(
  browser,
  { viewport = { width: 1280, height: 900 }, dpr, init = [], pages = {}, csp = false, ...contextOptions } = {},
) {
  const context = await browser.newContext({
    viewport,
    ...(dpr === undefined ? {} : { deviceScaleFactor: dpr }),
    ...contextOptions,
  });
  for (const script of [init].flat()) await context.addInitScript(script);
  for (const [url, html] of Object.entries(pages)) await servePage(context, url, html, { csp });
  const page = await context.newPage();
  const seen = await watchPage(page);
  return { context, page, seen };
}

/**
 * Takes `opened` (openPage's result) to the gallery, www/charts.html on `base` (a site's URL),
 * and resolves to it once every chart there has mounted or failed.
 */
export async function gotoGallery(opened, base) {
  await opened.page.goto(`${base}charts.html`);
  await opened.page.evaluate(() => window.khuyencongGallery.ready);
  return opened;
}

/**
 * An init script (page.addInitScript / context.addInitScript) that counts what a page keeps
 * alive: event listeners (added minus the matching removes; `once` ones left out), and
 * ResizeObservers and MutationObservers observing something. Read it with `window.__live()`:
 * `{ listeners: ["Window.resize", …] (sorted), count, byType: { "Window.resize": 1, … },
 * once: [the `once` listeners not yet fired, sorted], resizeObservers, mutationObservers }`.
 */
export function countLive() {
  const live = [];
  const captureOf = (options) =>
    typeof options === "boolean" ? options : Boolean(options && options.capture);
  const find = (target, type, listener, options) =>
    live.findIndex(
      (e) =>
        e.target === target &&
        e.type === type &&
        e.listener === listener &&
        e.capture === captureOf(options),
    );
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener && find(this, type, listener, options) < 0) {
      const once = Boolean(options && options.once);
      live.push({
        target: this,
        type,
        listener,
        capture: captureOf(options),
        once,
        name: `${this.constructor.name}.${type}`,
      });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const i = find(this, type, listener, options);
    if (i >= 0) live.splice(i, 1);
    return remove.call(this, type, listener, options);
  };
  const counting = (Base, counter) =>
    class extends Base {
      #targets = 0;
      observe(...args) {
        if (this.#targets++ === 0) counter.n++;
        return super.observe(...args);
      }
      disconnect() {
        if (this.#targets > 0) counter.n--;
        this.#targets = 0;
        return super.disconnect();
      }
    };
  const resize = { n: 0 };
  const mutation = { n: 0 };
  window.ResizeObserver = counting(window.ResizeObserver, resize);
  window.MutationObserver = counting(window.MutationObserver, mutation);
  window.__live = () => {
    const listeners = live
      .filter((e) => !e.once)
      .map((e) => e.name)
      .sort();
    const byType = {};
    for (const name of listeners) byType[name] = (byType[name] ?? 0) + 1;
    return {
      listeners,
      count: listeners.length,
      once: live
        .filter((e) => e.once)
        .map((e) => e.name)
        .sort(),
      byType,
      resizeObservers: resize.n,
      mutationObservers: mutation.n,
    };
  };
}

/**
 * Scrolls to every chart of the page in turn, as a reader does (embed.js draws a chart when it
 * nears the viewport), and waits until each has drawn or failed: <khuyencong-chart>,
 * [data-khuyencong], and the pictures of the embed code (a picture's chart is the box before
 * it; one whose chart cannot be drawn stays a picture, and this times out). Scrolls back to the
 * top.
 */
export async function settleCharts(page) {
  const count = await page.evaluate(
    () => document.querySelectorAll('khuyencong-chart, [data-khuyencong], img[src*="khuyencong"]').length,
  );
  for (let i = 0; i < count; i++) {
    await page.evaluate((k) => {
      document.querySelectorAll('khuyencong-chart, [data-khuyencong], img[src*="khuyencong"]')[k].scrollIntoView();
    }, i);
    await page.waitForFunction((k) => {
      const target = document.querySelectorAll('khuyencong-chart, [data-khuyencong], img[src*="khuyencong"]')[k];
      const state = target.localName === "img" ? target.previousElementSibling?.dataset.kcState : target.dataset.kcState;
      return ["ready", "error"].includes(state);
    }, i);
  }
  await page.evaluate(() => scrollTo(0, 0));
}
