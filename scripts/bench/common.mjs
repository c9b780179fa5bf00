// What every figure of `make bench` (scripts/bench.mjs) shares: statistics and formatting, the
// conditions a page is loaded under, and a harness around the browser (a fresh context per
// sample, a load timed from inside the page).

import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const rel = (file) => path.relative(ROOT, file);

// ---- statistics and formatting ------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs });
export const num = (x, digits) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Milliseconds with 3 significant digits or so. */
const msDigits = (x) => (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
export const ms = (x) => `${num(x, msDigits(x))} ms`;
export const spread = (s, f = ms) => `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
export const bytes = (n) => `${num(n, 0)} B`;
export const kib = (n) => `${num(n / 1024, 1)} KiB`;
export const mib = (n) => `${num(n / 2 ** 20, 2)} MiB`;
export const verdict = (ok) => (ok ? "PASS" : "MISS");
export const ratio = (a, b) => num(a / b, 2);

/** A Markdown table: `head` the column names, `align` "---" or "---:" each, `rows` of cells. */
export function mdTable(head, align, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(align), ...rows.map(line)];
}

// ---- conditions -----------------------------------------------------------------------------------

export const VIEWPORT = { width: 1000, height: 900 };
/** CPU throttling rates of the figures timed on 127.0.0.1 (1: none; 4: a mid-range phone). */
export const THROTTLES = [1, 4];
export const cpuName = (rate) => (rate === 1 ? "unthrottled" : `${rate}× CPU throttling`);

/** Lighthouse's mobile network (its "slow 4G"), with 4× CPU throttling, for the network figures. */
export const NETWORK = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
export const NETWORK_CPU = 4;

/**
 * What the page-load figures are timed under: the CPU unthrottled and 4× throttled on 127.0.0.1
 * (files served as they are), and the emulated slow 4G with 4× CPU (files served gzip-compressed,
 * as a production server sends them).
 */
export const CONDITIONS = [
  { key: "1x", name: "unthrottled", short: "1×", rate: 1, network: null },
  { key: "4x", name: "4× CPU throttling", short: "4×", rate: 4, network: null },
  { key: "slow4g", name: `slow 4G, ${NETWORK_CPU}× CPU throttling`, short: `slow 4G, ${NETWORK_CPU}×`, rate: NETWORK_CPU, network: NETWORK },
];

// ---- the harness --------------------------------------------------------------------------------

/**
 * Functions around `browser` and the two servers of ROOT (`site` plain, `zippedSite` gzip):
 * - at(condition, path): the page's address on the server of that condition;
 * - freshPage(condition, { initScript, metrics }): a fresh context (empty cache, cache disabled)
 *   throttled as the condition says, with its page, CDP session and the errors it logs;
 * - loadUntil(page, address, keys, errors): loads the page, waits for window.__bench's keys;
 * - closeQuietly(context); frame(page).
 */
export function harness({ browser, site, zippedSite }) {
  const at = (condition, p) => new URL(p, condition?.network ? zippedSite.url : site.url).href;

  /** A condition (or a bare CPU rate, unthrottled network). */
  const asCondition = (c) => (typeof c === "number" ? { rate: c, network: null } : c);

  async function freshPage(condition, { initScript, metrics = false } = {}) {
    const { rate, network } = asCondition(condition);
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      // The site loader says why a chart stays a picture with console.warn: a failure here.
      const ours = m.type() === "warning" && m.text().startsWith("khuyencong-charts");
      if (m.type() === "error" || ours) errors.push(`${m.text()} ${m.location()?.url ?? ""}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (rate !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    if (network) {
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
    }
    if (metrics) await cdp.send("Performance.enable");
    return { context, page, cdp, errors };
  }

  /**
   * Runs `expression` (a promise, in the page) through a plain Chrome DevTools Protocol
   * `Runtime.evaluate`: Playwright's page.evaluate (and waitForFunction) first installs its own
   * utility script in the page, a ~12 ms task (seen in a trace) that landed in the middle of the
   * load being measured. Rejects as soon as the page logs an error (`errors` fills up).
   */
  async function evaluateQuietly(page, expression, errors) {
    const cdp = await page.context().newCDPSession(page);
    let timer;
    const failed = new Promise((_, reject) => {
      timer = setInterval(() => errors.length && reject(new Error(errors.join("; "))), 50);
    });
    try {
      const { result, exceptionDetails } = await Promise.race([
        cdp.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }),
        failed,
      ]);
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    } finally {
      clearInterval(timer);
      await cdp.detach().catch(() => {});
    }
  }

  /** The page's window.__bench once every one of `keys` is set on it (polled by a 20 ms timer). */
  const waitBench = (page, keys, errors, label) =>
    evaluateQuietly(
      page,
      `new Promise((resolve) => {
        const keys = ${JSON.stringify(keys)};
        const started = performance.now();
        const poll = () => {
          const b = window.__bench;
          if ((b && (keys.every((k) => b[k] !== undefined) || b.error)) || performance.now() - started > 120000) {
            resolve(b ? JSON.parse(JSON.stringify(b)) : { error: "no window.__bench" });
          } else setTimeout(poll, 20);
        };
        poll();
      })`,
      errors,
    ).then((bench) => {
      const missing = keys.filter((k) => bench[k] === undefined);
      if (bench.error || missing.length) throw new Error(`${label}: ${bench.error ?? `no ${missing.join(", ")} in 120 s`}`);
      if (errors.length) throw new Error(`${label}: ${errors.join("; ")}`);
      return bench;
    });

  /** Loads `address` and returns window.__bench once every one of `keys` is set on it. */
  async function loadUntil(page, address, keys, errors) {
    await page.goto(address);
    return waitBench(page, keys, errors, address);
  }

  /** Closes a context and gives the machine a moment: the renderer's teardown must not overlap
   * the next sample. */
  async function closeQuietly(context) {
    await context.close();
    await new Promise((r) => setTimeout(r, 300));
  }

  /** The next frame, then a task. */
  const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

  return { at, freshPage, evaluateQuietly, waitBench, loadUntil, closeQuietly, frame, origin: new URL(site.url).origin };
}

/** The JS and wasm files a page requested, as files on disk (not the HTML page, not the data);
 * `requests` [{ url, type }] recorded on `origin`. */
export function codeFiles(requests, origin) {
  const files = new Set();
  for (const { url: address, type } of requests) {
    const u = new URL(address);
    if (u.protocol === "data:") continue;
    if (u.origin !== origin) throw new Error(`request to another origin: ${address}`);
    if (!(type === "script" || /\.(m?js|wasm)$/.test(u.pathname))) continue;
    files.add(path.join(ROOT, decodeURIComponent(u.pathname)));
  }
  return [...files];
}

/** Loads run in turn, the order rotating from sample to sample so that drift on the machine
 * falls on each: `pages` { key: async () => sample }, returns { key: [samples] } after one
 * uncounted load of each (the browser process's own first-time costs). */
export async function rotate(pages, runs) {
  const keys = Object.keys(pages);
  for (const key of keys) await pages[key]();
  const samples = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    const order = [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)];
    for (const key of order) samples[key].push(await pages[key]());
  }
  return samples;
}
