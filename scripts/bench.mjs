// `make bench` (issue #8): khuyencong-charts against its peers in headless Chromium, served on
// 127.0.0.1, written to BENCHMARKS.md. Not a test: it fails only when the benchmark itself cannot
// run (or when analyze() and decimal.js disagree); a missed budget is reported as MISS.
//
// Figures (each ours against its peer, unthrottled and with CDP CPU throttling 4×):
//   - transfer size: the JS and wasm our bench page actually requested (recorded), each file
//     compressed from disk with gzip -9 and brotli 11, against Chart.js 4's chart.umd.min.js;
//   - time to first chart: navigation start to the first animation frame after the chart has
//     painted, in a fresh browser context per sample (nothing cached), for the seed
//     (plan-actual) and the 63 provinces (regions), against Chart.js drawing the same bars in
//     a box of the same CSS size with animation off (bench/*.html);
//   - hover redraw: main-thread task time per pointer move over the 63-province chart
//     (CDP Performance.getMetrics TaskDuration, over a block of moves between bar centres, each
//     to another province, waiting a frame after each), minus the same loop's cost with the
//     pointer outside the chart; each move is checked to change the tooltip in both;
//   - analysis throughput: analyze() on the JSON text of 1 000, 10 000 and 100 000 records, in the
//     main build and in the fast build (khuyencong-charts/fast),
//     against JSON.parse + the same sums and ratios with decimal.js, checked equal first;
//   - memory: wasm memory and JS heap after mounting 20 charts (after forced GC), with
//     Chart.js's JS heap for 20 charts of the same two kinds for contrast;
//   - first chart on a phone's network (reported): the same first-chart pages over CDP's
//     emulated slow 4G (150 ms round trip, 1.6 Mbit/s) with 4× CPU throttling, files served
//     gzip-compressed as a production server sends them; and ours without the wasm's preload.
//
//   node scripts/bench.mjs [runs] [--moves N] [--out FILE] [--only size,first,hover,analysis,memory,network]
//   runs: samples per figure (default 15, or $RUNS); moves: pointer moves per hover sample
//   (default 40); --only runs some figures (for work on the harness: the file then holds only
//   those). About 7 minutes on 2 cores with the defaults. Needs www/pkg (make www-pkg) and
//   node_modules (npm ci). Run it on a quiet machine: it warns when the load average is high.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/e2e/helpers.mjs";
import { BUDGET_RATIO, CHARTJS_FILE, downloadSets, kindOf, sizeTable } from "./check-size.mjs";
import { serve } from "./serve.mjs";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const rel = (file) => path.relative(ROOT, file);

// ---- arguments ------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opts = { runs: Number(process.env.RUNS ?? 15), moves: 40, out: path.join(ROOT, "BENCHMARKS.md"), only: null };
for (let k = 0; k < argv.length; k++) {
  const a = argv[k];
  if (a === "--moves") opts.moves = Number(argv[++k]);
  else if (a === "--out") opts.out = path.resolve(argv[++k]);
  else if (a === "--only") opts.only = new Set(argv[++k].split(","));
  else if (/^\d+$/.test(a)) opts.runs = Number(a);
  else {
    console.error(`bench: unknown argument ${a}\nusage: node scripts/bench.mjs [runs] [--moves N] [--out FILE] [--only size,first,hover,analysis,memory,network]`);
    process.exit(2);
  }
}
if (!(opts.runs >= 1 && opts.moves >= 8)) {
  console.error("bench: runs must be ≥ 1 and --moves ≥ 8");
  process.exit(2);
}
const wants = (part) => !opts.only || opts.only.has(part);
const COMMAND = `${process.env.RUNS && !argv.some((a) => /^\d+$/.test(a)) ? `RUNS=${process.env.RUNS} ` : ""}node scripts/bench.mjs${argv.length ? ` ${argv.join(" ")}` : ""}`;

for (const [file, fix] of [
  ["www/pkg/embed.js", "make www-pkg"],
  ["node_modules/chart.js/dist/chart.umd.min.js", "npm ci"],
  ["node_modules/decimal.js/decimal.mjs", "npm ci"],
]) {
  if (!existsSync(path.join(ROOT, file))) {
    console.error(`bench: ${file} is missing (${fix})`);
    process.exit(1);
  }
}

// ---- statistics and formatting ------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs });
const num = (x, digits) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Milliseconds with 3 significant digits or so. */
const msDigits = (x) => (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
const ms = (x) => `${num(x, msDigits(x))} ms`;
const spread = (s, f = ms) => `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
const bytes = (n) => `${num(n, 0)} B`;
const kib = (n) => `${num(n / 1024, 1)} KiB`;
const mib = (n) => `${num(n / 2 ** 20, 2)} MiB`;
const verdict = (ok) => (ok ? "PASS" : "MISS");

// ---- the browser and the pages ------------------------------------------------------------------

const site = await serve({ root: ROOT });
// The same files gzip-compressed, as a production server sends them (the network figure).
const zippedSite = await serve({ root: ROOT, gzip: true });
const browser = await launchChromium();
const VIEWPORT = { width: 1000, height: 900 };
const THROTTLES = [1, 4];
const cpuName = (rate) => (rate === 1 ? "unthrottled" : `${rate}× CPU throttling`);
const url = (p) => new URL(p, site.url).href;

/** Lighthouse's mobile network (its "slow 4G"), for the network figure. */
const NETWORK = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const NETWORK_CPU = 4;

/** A fresh context (empty cache) with a page and a CDP session, CPU throttled at `rate`, the
 * network emulated as `network` (CDP Network.emulateNetworkConditions) if given. */
async function freshPage(rate, { initScript, metrics = false, network = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} ${m.location()?.url ?? ""}`);
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

/** Loads a bench page and waits until window.__bench.painted is set (or an error). The wait is
 * a promise in the page polled by a 20 ms timer, sent as a plain Chrome DevTools Protocol
 * `Runtime.evaluate`: Playwright's page.evaluate (and waitForFunction) first installs its own
 * utility script in the page, a ~12 ms task (seen in a trace) that landed in the middle of the
 * load being measured, for both libraries. */
async function loadPainted(page, address, errors) {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(address);
  const poll = `new Promise((resolve) => {
    const started = performance.now();
    const poll = () => {
      const b = window.__bench;
      if ((b && (b.painted || b.error)) || performance.now() - started > 120000) resolve(b ? { painted: b.painted, error: b.error } : { error: "no window.__bench" });
      else setTimeout(poll, 20);
    };
    poll();
  })`;
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression: poll, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`${address}: ${exceptionDetails.text}`);
  const bench = result.value;
  if (!bench.painted) throw new Error(`${address}: ${bench.error ?? "not painted in 120 s"}`);
  if (errors.length) throw new Error(`${address}: ${errors.join("; ")}`);
  return bench.painted;
}

/** Closes a context and gives the machine a moment: the renderer's teardown must not overlap
 * the next sample. */
async function closeQuietly(context) {
  await context.close();
  await new Promise((r) => setTimeout(r, 300));
}

/** Our chart's CSS box and state in the page (the first <khuyencong-chart>). */
const oursChartBox = (page) =>
  page.evaluate(() => {
    const el = document.querySelector("khuyencong-chart");
    const r = el.chart.canvas.getBoundingClientRect();
    return { state: el.getAttribute("data-kc-state"), width: r.width, height: r.height, items: el.chart.view().items.length };
  });
const peerChartBox = (page) =>
  page.evaluate(() => {
    const r = window.__charts[0].canvas.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });

const CASES = {
  seed: {
    title: "seed (phia-bac-2022)",
    ours: "bench/ours-seed.html",
    oursNoPreload: "bench/ours-seed-no-preload.html",
    oursKind: "plan-actual",
    peerKind: "horizontal bar: plan and actual by source and the total",
  },
  p63: {
    title: "63 provinces × 2 sources (63-tinh-minh-hoa)",
    ours: "bench/ours-63.html",
    oursKind: "regions",
    peerKind: "horizontal stacked bar: actual by province and source, largest first, all 63 labels",
  },
};
const peerAddress = (which, box) => `bench/chartjs.html?case=${which === "p63" ? 63 : which}&w=${box.width}&h=${box.height}`;

// ---- machine --------------------------------------------------------------------------------------

function osName() {
  try {
    const line = readFileSync("/etc/os-release", "utf8").split("\n").find((l) => l.startsWith("PRETTY_NAME="));
    if (line) return line.slice("PRETTY_NAME=".length).replace(/^"|"$/g, "");
  } catch {}
  return `${os.type()} ${os.release()}`;
}
function git(...args) {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}
const version = (dir) => JSON.parse(readFileSync(path.join(ROOT, dir, "package.json"), "utf8")).version;
const machine = {
  cpu: os.cpus()[0]?.model ?? "?",
  cores: os.cpus().length,
  ram: os.totalmem(),
  os: `${osName()}, Linux ${os.release()}`,
  chromium: browser.version(),
  node: process.version,
  playwright: version("node_modules/playwright-core"),
  chartjs: version("node_modules/chart.js"),
  decimal: version("node_modules/decimal.js"),
  ours: version("www/pkg"),
  commit: git("rev-parse", "--short", "HEAD"),
  dirty: git("status", "--porcelain", "--", "src", "www", "Makefile", "Cargo.toml", "Cargo.lock") !== "",
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  loadBefore: os.loadavg(),
};
const log = (...a) => console.error(`[${num((Date.now() - started) / 1000, 0).padStart(4)} s]`, ...a);
const started = Date.now();
log(`bench: ${opts.runs} runs, ${opts.moves} moves per hover sample; Chromium ${machine.chromium}; ${machine.cpu} × ${machine.cores}`);
const results = {};
if (machine.loadBefore[0] > machine.cores / 2) {
  log(`warning: the machine is busy (load average ${machine.loadBefore.map((x) => num(x, 2)).join(", ")} on ${machine.cores} cores): the timings will be noisy`);
}

// ---- sizes of the charts, the requests of one cold load --------------------------------------------

/** Our charts' CSS boxes (Chart.js gets the same) and what a reader's browser requests. */
async function survey() {
  const out = { boxes: {}, requests: {} };
  for (const [which, c] of Object.entries(CASES)) {
    const { context, page, errors } = await freshPage(1);
    const requests = [];
    page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
    await loadPainted(page, url(c.ours), errors);
    const box = await oursChartBox(page);
    if (box.state !== "ready") throw new Error(`${c.ours}: data-kc-state is ${box.state}`);
    out.boxes[which] = { width: box.width, height: box.height, items: box.items };
    out.requests[which] = requests;
    await context.close();
    const peer = await freshPage(1);
    const peerRequests = [];
    peer.page.on("request", (r) => peerRequests.push({ url: r.url(), type: r.resourceType() }));
    await loadPainted(peer.page, url(peerAddress(which, box)), peer.errors);
    const peerBox = await peerChartBox(peer.page);
    if (Math.abs(peerBox.width - box.width) > 0.5 || Math.abs(peerBox.height - box.height) > 0.5) {
      throw new Error(`Chart.js's canvas is ${peerBox.width}×${peerBox.height}, ours ${box.width}×${box.height}`);
    }
    out.requests[`peer-${which}`] = peerRequests;
    await peer.context.close();
  }
  return out;
}

/** The JS and wasm files a page requested, as files on disk (not the HTML page, not the data). */
function codeFiles(requests) {
  const files = new Set();
  for (const { url: address, type } of requests) {
    const u = new URL(address);
    if (u.origin !== new URL(site.url).origin) throw new Error(`request to another origin: ${address}`);
    if (!(type === "script" || /\.(m?js|wasm)$/.test(u.pathname))) continue;
    files.add(path.join(ROOT, decodeURIComponent(u.pathname)));
  }
  return [...files];
}

const surveyed = await survey();
log(`charts: seed ${surveyed.boxes.seed.width}×${surveyed.boxes.seed.height}, 63 provinces ${surveyed.boxes.p63.width}×${surveyed.boxes.p63.height} CSS px`);

// ---- transfer size ------------------------------------------------------------------------------------

if (wants("size")) {
  const peerFiles = [...new Set([...codeFiles(surveyed.requests["peer-seed"]), ...codeFiles(surveyed.requests["peer-p63"])])];
  const chartjs = sizeTable([CHARTJS_FILE]);
  if (peerFiles.length !== 1 || peerFiles[0] !== CHARTJS_FILE) {
    throw new Error(`the Chart.js page requested ${peerFiles.map(rel).join(", ")}`);
  }
  const budget = Math.floor(chartjs.total.gzip * BUDGET_RATIO);
  // The static scan make test uses (scripts/check-size.mjs) must find, for each page, the same
  // modules and that page's kind's wasm.
  const sets = downloadSets(path.join(ROOT, "www", "pkg", "embed.js"));
  const pages = {};
  for (const [which, { oursKind: kind }] of Object.entries(CASES)) {
    const files = codeFiles(surveyed.requests[which]);
    const scanned = [...sets.eager, ...sets.wasm.filter((f) => kindOf(f) === kind)].map(rel).sort();
    const recorded = files.map(rel).sort();
    const ours = sizeTable(files);
    pages[which] = { kind, ours, sameSet: JSON.stringify(scanned) === JSON.stringify(recorded), scanned, ok: ours.total.gzip <= budget };
    log(`size, ${which}: ours ${bytes(ours.total.gzip)} gzip, Chart.js ${bytes(chartjs.total.gzip)}${pages[which].sameSet ? "" : ` (static scan differs: ${scanned.join(", ")})`}`);
  }
  const several = sizeTable([...sets.eager, ...sets.wasm.filter((f) => !kindOf(f))]);
  results.size = { pages, several, peer: chartjs, budget, onDemand: sizeTable(sets.onDemand) };
}

// ---- time to first chart -----------------------------------------------------------------------------

async function firstPaint(address, rate, check, network = null) {
  const { context, page, errors } = await freshPage(rate, { network });
  try {
    const painted = await loadPainted(page, address, errors);
    if (check) await check(page);
    // Where the time went, from the page's resource and navigation timing.
    const marks = await page.evaluate(() => {
      const res = performance.getEntriesByType("resource");
      const code = res.filter((e) => /\.(m?js|wasm)$/.test(new URL(e.name).pathname));
      const data = res.find((e) => new URL(e.name).pathname.startsWith("/www/data/"));
      return {
        code: Math.max(...code.map((e) => e.responseEnd)),
        dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
        dataStart: data ? data.startTime : NaN,
        dataEnd: data ? data.responseEnd : NaN,
      };
    });
    return { painted, ...marks };
  } finally {
    await closeQuietly(context);
  }
}

/** A check for firstPaint(): our chart of case `which` is ready with the surveyed items. */
const drewAsSurveyed = (which) => async (page) => {
  const b = await oursChartBox(page);
  if (b.state !== "ready" || b.items !== surveyed.boxes[which].items) throw new Error(`${CASES[which].ours}: ${JSON.stringify(b)}`);
};

if (wants("first")) {
  results.first = {};
  for (const rate of THROTTLES) {
    for (const [which, c] of Object.entries(CASES)) {
      const box = surveyed.boxes[which];
      const ours = [];
      const peer = [];
      const oursOk = drewAsSurveyed(which);
      const oursUrl = url(c.ours);
      const peerUrl = url(peerAddress(which, box));
      // One load of each first, not counted (the browser process's own first-time costs).
      await firstPaint(oursUrl, rate, oursOk);
      await firstPaint(peerUrl, rate);
      for (let i = 0; i < opts.runs; i++) {
        // Alternate which goes first, so that drift on the machine falls on both.
        const jobs = [
          async () => ours.push(await firstPaint(oursUrl, rate, oursOk)),
          async () => peer.push(await firstPaint(peerUrl, rate)),
        ];
        if (i % 2) jobs.reverse();
        for (const job of jobs) await job();
      }
      const r = { ours: stats(ours.map((x) => x.painted)), peer: stats(peer.map((x) => x.painted)) };
      r.phases = {};
      for (const k of ["code", "dcl", "dataStart", "dataEnd"]) {
        r.phases[k] = { ours: median(ours.map((x) => x[k])), peer: median(peer.map((x) => x[k])) };
      }
      r.ratio = r.ours.median / r.peer.median;
      r.ok = r.ratio <= 0.6;
      results.first[`${which}@${rate}`] = r;
      log(`first chart, ${which}, ${cpuName(rate)}: ours ${ms(r.ours.median)}, Chart.js ${ms(r.peer.median)} (${num(r.ratio, 2)})`);
    }
  }
}

// ---- first chart on a phone's network (reported) ----------------------------------------------------

if (wants("network")) {
  results.network = {};
  const zurl = (p) => new URL(p, zippedSite.url).href;
  for (const [which, c] of Object.entries(CASES)) {
    const box = surveyed.boxes[which];
    const oursOk = drewAsSurveyed(which);
    const pages = { ours: [zurl(c.ours), oursOk], peer: [zurl(peerAddress(which, box))] };
    if (c.oursNoPreload) pages.noPreload = [zurl(c.oursNoPreload), oursOk];
    const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
    for (const [address, check] of Object.values(pages)) await firstPaint(address, NETWORK_CPU, check, NETWORK);
    for (let i = 0; i < opts.runs; i++) {
      const order = Object.keys(pages);
      for (let k = 0; k < i % order.length; k++) order.push(order.shift());
      for (const key of order) {
        const [address, check] = pages[key];
        samples[key].push(await firstPaint(address, NETWORK_CPU, check, NETWORK));
      }
    }
    const r = {};
    for (const [key, xs] of Object.entries(samples)) {
      r[key] = stats(xs.map((x) => x.painted));
      r[key].code = median(xs.map((x) => x.code));
      r[key].dataEnd = median(xs.map((x) => x.dataEnd));
    }
    r.ratio = r.ours.median / r.peer.median;
    results.network[which] = r;
    log(`first chart on slow 4G, ${which}: ours ${ms(r.ours.median)}${r.noPreload ? ` (without the preload ${ms(r.noPreload.median)})` : ""}, Chart.js ${ms(r.peer.median)} (${num(r.ratio, 2)})`);
  }
}

// ---- hover redraw ------------------------------------------------------------------------------------

const HOVER_PROVINCES = 8;
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
/** The renderer main thread's cumulative task, script, and style + layout times, in seconds. */
async function threadTimes(cdp) {
  const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
  return { task: m.TaskDuration, script: m.ScriptDuration, layout: m.LayoutDuration + m.RecalcStyleDuration };
}

/**
 * Bar centres (viewport px) of HOVER_PROVINCES provinces from the middle of our order, sources
 * alternating; the page scrolled so that they are all on screen. Returns [{ x, y, region, source }].
 */
async function hoverTargets(page, lib, names) {
  return page.evaluate(
    ({ lib, names, count, viewportHeight }) => {
      let targets;
      if (lib === "ours") {
        const chart = document.querySelector("khuyencong-chart").chart;
        const items = chart.view().items;
        targets = names.slice(0, count).map((region, k) => {
          const matches = items.filter((it) => it.title === region);
          const it = matches[k % 2] ?? matches[0];
          const [x, y, w, h] = it.rect;
          return { region, source: it.rows[0][0], x: x + w / 2, y: y + h / 2, canvas: chart.canvas };
        });
      } else {
        const chart = window.__charts[0];
        targets = names.slice(0, count).map((region, k) => {
          const index = chart.data.labels.indexOf(region);
          let ds = k % 2;
          if (!(chart.data.datasets[ds].data[index] > 0)) ds = 1 - ds;
          const p = chart.getDatasetMeta(ds).data[index].getCenterPoint();
          return { region, source: chart.data.datasets[ds].label, x: p.x, y: p.y, canvas: chart.canvas };
        });
      }
      const canvasTop = targets[0].canvas.getBoundingClientRect().top + scrollY;
      const ys = targets.map((t) => t.y);
      const mid = (Math.min(...ys) + Math.max(...ys)) / 2;
      scrollTo(0, Math.max(0, canvasTop + mid - viewportHeight / 2));
      const r = targets[0].canvas.getBoundingClientRect();
      return targets.map((t) => ({ region: t.region, source: t.source, x: r.left + t.x, y: r.top + t.y }));
    },
    { lib, names, count: HOVER_PROVINCES, viewportHeight: VIEWPORT.height },
  );
}

/** What the reader sees of the tooltip: { shown, text } (ours: the DOM tooltip; Chart.js: its
 * canvas tooltip's state). */
const tooltipState = (page, lib) =>
  page.evaluate((lib) => {
    if (lib === "ours") {
      const tip = document.querySelector("khuyencong-chart .kc-chart__tooltip");
      return { shown: !!tip && getComputedStyle(tip).display !== "none", text: tip ? tip.textContent : "" };
    }
    const tooltip = window.__charts[0].tooltip;
    const active = tooltip.getActiveElements().map((e) => `${e.datasetIndex}:${e.index}`);
    return {
      shown: tooltip.opacity > 0 && active.length > 0,
      text: `${(tooltip.title || []).join(" ")} | ${(tooltip.body || []).flatMap((b) => b.lines).join(" ")} | ${active.join(",")}`,
    };
  }, lib);

/** Counts redraws from now on: ours, the tooltip's texts rewritten (its nodes are reused from bar to bar); Chart.js, chart.draw() calls. */
const countRedraws = (page, lib) =>
  page.evaluate((lib) => {
    window.__redraws = 0;
    if (lib === "ours") {
      const tip = document.querySelector("khuyencong-chart .kc-chart__tooltip");
      new MutationObserver((records) => {
        if (records.some((r) => r.type === "childList")) window.__redraws++;
      }).observe(tip, { childList: true, subtree: true });
    } else {
      const chart = window.__charts[0];
      const draw = chart.draw.bind(chart);
      chart.draw = (...a) => {
        window.__redraws++;
        return draw(...a);
      };
    }
  }, lib);

/**
 * Opens the 63-province page of `lib`, checks that every move changes the tooltip, and returns
 * { sample(), close() }: sample() measures one block of moves over the bars and one off the
 * chart, and returns { gross, baseline, net } in ms per move.
 */
async function hoverSetup(lib, rate, names) {
  const box = surveyed.boxes.p63;
  const address = lib === "ours" ? url(CASES.p63.ours) : url(peerAddress("p63", box));
  const { context, page, cdp, errors } = await freshPage(rate, { metrics: true });
  await loadPainted(page, address, errors);
  const targets = await hoverTargets(page, lib, names);
  for (const t of targets) {
    if (!(t.y > 0 && t.y < VIEWPORT.height && t.x > 0 && t.x < box.width)) {
      throw new Error(`${lib}: ${t.region} at ${t.x},${t.y} is off screen`);
    }
  }
  // Check: every move shows the tooltip of the province moved to, different from the last.
  let last = null;
  for (let i = 0; i < 2 * targets.length; i++) {
    const t = targets[i % targets.length];
    await page.mouse.move(t.x, t.y);
    await frame(page);
    const s = await tooltipState(page, lib);
    if (!s.shown || !s.text.includes(t.region) || s.text === last) {
      throw new Error(`${lib}: moving to ${t.region} (${t.source}) did not show its tooltip: ${JSON.stringify(s)}`);
    }
    last = s.text;
  }
  await countRedraws(page, lib);

  const off = [
    { x: box.width + 60, y: VIEWPORT.height / 2 - 40 },
    { x: box.width + 140, y: VIEWPORT.height / 2 + 40 },
  ];
  /** ms per move: { task, script, layout }. */
  const block = async (points, moves) => {
    const before = await threadTimes(cdp);
    for (let i = 0; i < moves; i++) {
      const p = points[i % points.length];
      await page.mouse.move(p.x, p.y);
      await frame(page);
    }
    const after = await threadTimes(cdp);
    return Object.fromEntries(Object.keys(after).map((k) => [k, ((after[k] - before[k]) * 1000) / moves]));
  };
  // Warm-up: over the bars, then off the chart (where the tooltip must be gone).
  await block(targets, targets.length * 2);
  await block(off, 8);
  if (lib === "ours" && (await tooltipState(page, lib)).shown) throw new Error("ours: tooltip still shown off the chart");
  return {
    async sample() {
      await page.evaluate(() => (window.__redraws = 0));
      const gross = await block(targets, opts.moves);
      const redraws = await page.evaluate(() => window.__redraws);
      // Each move changes the tooltip: at least one redraw per move.
      if (redraws < opts.moves) throw new Error(`${lib}: ${redraws} redraws for ${opts.moves} moves`);
      await page.mouse.move(off[0].x, off[0].y);
      await frame(page);
      const baseline = await block(off, Math.max(8, opts.moves >> 1));
      if (errors.length) throw new Error(`${lib}: ${errors.join("; ")}`);
      return {
        gross: gross.task,
        baseline: baseline.task,
        net: gross.task - baseline.task,
        script: gross.script - baseline.script,
        layout: gross.layout - baseline.layout,
      };
    },
    close: () => closeQuietly(context),
  };
}

if (wants("hover")) {
  // The provinces hovered: from the middle of our order (largest first), 8 in a row.
  const { context, page, errors } = await freshPage(1);
  await loadPainted(page, url(CASES.p63.ours), errors);
  const names = await page.evaluate(() => {
    const items = document.querySelector("khuyencong-chart").chart.view().items;
    const regions = [...new Set(items.map((it) => it.title))];
    const mid = Math.floor(regions.length / 2) - 4;
    return regions.slice(mid, mid + 8);
  });
  await context.close();
  results.hover = { names };
  for (const rate of THROTTLES) {
    // Both pages open, their samples in turn (which goes first alternates).
    const sides = { ours: await hoverSetup("ours", rate, names), peer: await hoverSetup("peer", rate, names) };
    const got = { ours: [], peer: [] };
    for (let s = 0; s < opts.runs; s++) {
      for (const lib of s % 2 ? ["peer", "ours"] : ["ours", "peer"]) got[lib].push(await sides[lib].sample());
    }
    await sides.ours.close();
    await sides.peer.close();
    const pick = (lib, k) => stats(got[lib].map((x) => x[k]));
    const r = {
      ours: pick("ours", "net"),
      peer: pick("peer", "net"),
      oursGross: pick("ours", "gross"),
      peerGross: pick("peer", "gross"),
      oursBase: pick("ours", "baseline"),
      peerBase: pick("peer", "baseline"),
      oursScript: pick("ours", "script"),
      peerScript: pick("peer", "script"),
      oursLayout: pick("ours", "layout"),
      peerLayout: pick("peer", "layout"),
    };
    r.ratio = r.ours.median / r.peer.median;
    r.ok = r.ratio <= 0.8;
    results.hover[rate] = r;
    log(`hover, ${cpuName(rate)}: ours ${ms(r.ours.median)}, Chart.js ${ms(r.peer.median)} per move (${num(r.ratio, 2)})`);
  }
}

// ---- analysis throughput ----------------------------------------------------------------------------

const SIZES = [1000, 10000, 100000];
// The main build (what embeds load) and the fast build (khuyencong-charts/fast, for bulk analysis).
const BUILDS = ["default", "fast"];
if (wants("analysis")) {
  results.analysis = { checks: {}, times: {} };
  for (const rate of THROTTLES) {
    for (const build of BUILDS) {
      const { context, page, errors } = await freshPage(rate);
      try {
        await page.goto(url(`bench/analyze.html?build=${build}`));
        await page.waitForFunction(() => window.bench?.ready, null, { timeout: 60_000 });
        if ((await page.evaluate(() => window.bench.build)) !== build) throw new Error(`analyze.html did not load the ${build} build`);
        for (const n of SIZES) {
          if (rate === 1) {
            const c = await page.evaluate((n) => window.bench.check(n), n);
            if (c.differenceCount) {
              throw new Error(`analyze() (${build} build) and decimal.js disagree on ${n} records (${c.differenceCount} differences):\n  ${c.differences.join("\n  ")}`);
            }
            results.analysis.checks[n] = c;
          }
          // Throttled, the largest size takes seconds per sample: fewer samples there.
          const samples = rate > 1 && n === 100000 ? Math.max(3, Math.ceil(opts.runs / 3)) : opts.runs;
          const t = await page.evaluate(({ n, samples }) => window.bench.time(n, samples), { n, samples });
          const r = { ours: stats(t.ours), peer: stats(t.peer), reps: t.reps };
          r.ratio = r.peer.median / r.ours.median;
          results.analysis.times[`${build}:${n}@${rate}`] = r;
          log(`analysis, ${build} build, ${n} records, ${cpuName(rate)}: ours ${ms(r.ours.median)}, decimal.js ${ms(r.peer.median)} (decimal.js / ours ${num(r.ratio, 2)})`);
        }
        if (errors.length) throw new Error(`analyze.html: ${errors.join("; ")}`);
      } finally {
        await context.close();
      }
    }
  }
}

// ---- memory -------------------------------------------------------------------------------------------

/** Records every WebAssembly instance the page creates (its memory is read later). */
function captureWasm() {
  window.__wasmInstances = [];
  const keep = (result) => {
    window.__wasmInstances.push(result.instance ?? result);
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return instantiateStreaming.apply(this, args).then(keep);
    };
  }
}

async function memoryOf(address, expected) {
  const { context, page, cdp, errors } = await freshPage(1, { initScript: captureWasm, metrics: true });
  try {
    await page.goto(url(address));
    await page.waitForFunction(
      (n) => {
        const b = window.__bench;
        if (!b) return false;
        if ((b.errors || []).length || b.error) return true;
        const ours = document.querySelectorAll("khuyencong-chart");
        const drawn = ours.length ? document.querySelectorAll('khuyencong-chart[data-kc-state="ready"]').length : b.ready;
        return drawn >= n;
      },
      expected,
      { timeout: 120_000, polling: 100 },
    );
    const bench = await page.evaluate(() => window.__bench);
    if (bench.error || bench.errors?.length || errors.length) {
      throw new Error(`${address}: ${bench.error ?? ""} ${(bench.errors ?? []).join("; ")} ${errors.join("; ")}`);
    }
    await frame(page);
    await frame(page);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    const wasm = await page.evaluate(() =>
      window.__wasmInstances.map((i) => (i.exports.memory ? i.exports.memory.buffer.byteLength : 0)),
    );
    return { heap: m.JSHeapUsedSize, wasm, nodes: m.Nodes };
  } finally {
    await closeQuietly(context);
  }
}

if (wants("memory")) {
  const boxes = surveyed.boxes;
  const pages = {
    blank: ["bench/blank.html", 0],
    various: ["bench/ours-memory.html", 20],
    pair: ["bench/ours-memory-pair.html", 20],
    peerPair: [`bench/chartjs.html?case=pair&count=20&w=${boxes.seed.width}&hseed=${boxes.seed.height}&h63=${boxes.p63.height}`, 20],
  };
  const samples = Math.min(opts.runs, 5);
  results.memory = { samples };
  for (const [name, [address, expected]] of Object.entries(pages)) {
    const runs = [];
    for (let i = 0; i < samples; i++) {
      if (name === "blank") {
        const { context, page, cdp } = await freshPage(1, { metrics: true });
        await page.goto(url(address));
        await cdp.send("HeapProfiler.enable");
        await cdp.send("HeapProfiler.collectGarbage");
        await cdp.send("HeapProfiler.collectGarbage");
        const { metrics } = await cdp.send("Performance.getMetrics");
        runs.push({ heap: metrics.find((x) => x.name === "JSHeapUsedSize").value, wasm: [] });
        await closeQuietly(context);
      } else {
        runs.push(await memoryOf(address, expected));
      }
    }
    const wasmCounts = new Set(runs.map((r) => r.wasm.length));
    results.memory[name] = {
      heap: stats(runs.map((r) => r.heap)),
      wasm: stats(runs.map((r) => r.wasm.reduce((a, b) => a + b, 0))),
      instances: [...wasmCounts].join("/"),
    };
    log(`memory, ${name}: JS heap ${mib(results.memory[name].heap.median)}, wasm ${mib(results.memory[name].wasm.median)} (${results.memory[name].instances} instances)`);
  }
}

await browser.close();
await site.close();
await zippedSite.close();
const elapsed = (Date.now() - started) / 1000;

// ---- BENCHMARKS.md -------------------------------------------------------------------------------------

const md = [];
const row = (...cells) => md.push(`| ${cells.join(" | ")} |`);
md.push("# Benchmarks");
md.push("");
md.push(
  "khuyencong-charts against its peers (issue #8): Chart.js 4 for the charts, decimal.js for the exact analysis. " +
    "Written by `make bench` (`scripts/bench.mjs`); every figure is the median of the samples with its range [min–max]. " +
    "Regenerate it rather than editing it.",
);
md.push("");
md.push("## Machine and command");
md.push("");
row("", "");
row("---", "---");
row("command", process.env.MAKELEVEL ? `\`make bench\` (\`${COMMAND}\`)` : `\`${COMMAND}\``);
row("date", machine.date);
row("CPU", `${machine.cpu}, ${machine.cores} cores`);
row("RAM", `${num(machine.ram / 2 ** 30, 1)} GiB`);
row("OS", machine.os);
row("browser", `Chromium ${machine.chromium} (Debian), headless, through playwright-core ${machine.playwright}; pages served by scripts/serve.mjs on 127.0.0.1`);
row("Node", machine.node);
row("ours", `khuyencong-charts ${machine.ours} (www/pkg, built by \`make www-pkg\`), commit ${machine.commit}${machine.dirty ? " with uncommitted changes" : ""}`);
row("peers", `chart.js ${machine.chartjs}, decimal.js ${machine.decimal} (npm dev dependencies)`);
row("samples", `${opts.runs} per figure (memory: ${results.memory?.samples ?? "–"}); hover: ${opts.moves} pointer moves per sample`);
row("CPU throttling", "each timed figure unthrottled and with CDP `Emulation.setCPUThrottlingRate` 4× (a mid-range phone); no network throttling (127.0.0.1) except in the network figure, device pixel ratio 1, viewport 1000×900");
row("run time", `${num(elapsed, 0)} s`);
row(
  "load average",
  `${machine.loadBefore.map((x) => num(x, 2)).join(", ")} before the run, ${os.loadavg().map((x) => num(x, 2)).join(", ")} after it (its own load included; 1, 5, 15 min)${machine.loadBefore[0] > machine.cores / 2 ? ": **the machine was busy, the timings are noisy**" : ""}`,
);
md.push("");

md.push("## Summary");
md.push("");
row("figure", "CPU", "ours", "peer", "ratio", "budget", "result");
row("---", "---", "---:", "---:", "---:", "---", "---");
if (results.size) {
  const s = results.size;
  for (const [which, p] of Object.entries(s.pages)) {
    const name = `${which === "seed" ? "seed" : "63 provinces"} (${p.kind})`;
    row(`transfer size, gzip -9, ${name}`, "–", bytes(p.ours.total.gzip), bytes(s.peer.total.gzip), num(p.ours.total.gzip / s.peer.total.gzip, 2), `≤ ${BUDGET_RATIO}`, verdict(p.ok));
    row(`transfer size, brotli 11, ${name}`, "–", bytes(p.ours.total.brotli), bytes(s.peer.total.brotli), num(p.ours.total.brotli / s.peer.total.brotli, 2), "(reported)", "–");
  }
  row("transfer size, gzip -9, a page of charts of several kinds", "–", bytes(s.several.total.gzip), bytes(s.peer.total.gzip), num(s.several.total.gzip / s.peer.total.gzip, 2), "(reported)", "–");
}
if (results.first) {
  for (const rate of THROTTLES) {
    for (const which of Object.keys(CASES)) {
      const r = results.first[`${which}@${rate}`];
      row(`time to first chart, ${which === "seed" ? "seed" : "63 provinces"}`, `${rate}×`, ms(r.ours.median), ms(r.peer.median), num(r.ratio, 2), "≤ 0.6", verdict(r.ok));
    }
  }
}
if (results.network) {
  for (const which of Object.keys(CASES)) {
    const r = results.network[which];
    const name = which === "seed" ? "seed" : "63 provinces";
    row(`time to first chart on slow 4G, ${name}`, `${NETWORK_CPU}×`, ms(r.ours.median), ms(r.peer.median), num(r.ratio, 2), "(reported)", "–");
    if (r.noPreload) {
      row(`time to first chart on slow 4G, ${name}, the snippet without the wasm's preload`, `${NETWORK_CPU}×`, ms(r.noPreload.median), ms(r.peer.median), num(r.noPreload.median / r.peer.median, 2), "(reported)", "–");
    }
  }
}
if (results.hover) {
  for (const rate of THROTTLES) {
    const r = results.hover[rate];
    row("hover redraw, main-thread task time per move (net), 63 provinces", `${rate}×`, ms(r.ours.median), ms(r.peer.median), num(r.ratio, 2), "≤ 0.8", verdict(r.ok));
  }
}
const BUILD_NAME = { default: "main build", fast: "fast build (khuyencong-charts/fast)" };
if (results.analysis) {
  for (const build of BUILDS) {
    for (const rate of THROTTLES) {
      const big = results.analysis.times[`${build}:100000@${rate}`];
      const small = results.analysis.times[`${build}:1000@${rate}`];
      row(`analysis, 100 000 records (decimal.js ÷ ours), ${BUILD_NAME[build]}`, `${rate}×`, ms(big.ours.median), ms(big.peer.median), num(big.ratio, 2), "≥ 5", verdict(big.ratio >= 5));
      const growth = big.ours.median / 100000 / (small.ours.median / 1000);
      row(`analysis, growth: time per record 100 000 ÷ 1 000, ${BUILD_NAME[build]}`, `${rate}×`, num(growth, 2), num(big.peer.median / 100000 / (small.peer.median / 1000), 2), "–", "≤ 1.5 (linear)", verdict(growth <= 1.5));
    }
  }
}
if (results.memory) {
  const m = results.memory;
  row("memory, 20 charts of every kind: wasm memory", "–", mib(m.various.wasm.median), "–", "–", "(reported)", "–");
  row("memory, 20 charts (10 seed + 10 × 63): wasm + JS heap", "–", mib(m.pair.wasm.median + m.pair.heap.median), mib(m.peerPair.heap.median), num((m.pair.wasm.median + m.pair.heap.median) / m.peerPair.heap.median, 2), "(reported)", "–");
}
md.push("");
md.push("Ratios are ours ÷ peer, except analysis (decimal.js ÷ ours, higher is better for us). The budgets are issue #8's.");
md.push("");

if (results.size) {
  const s = results.size;
  md.push("## Transfer size");
  md.push("");
  const agree = Object.values(s.pages).every((p) => p.sameSet);
  md.push(
    "Everything a reader downloads for one chart: the JavaScript and WebAssembly files each bench page requested " +
      "(recorded from the browser, not the page itself nor the data JSON), each compressed from disk on its own, as a server sends it " +
      "(node:zlib gzip level 9, brotli quality 11). embed.js loads the wasm of the page's chart kind (`khuyencong_charts_view_<kind>_bg.wasm`), " +
      "so the two pages differ in their wasm file. The peer is Chart.js's `chart.umd.min.js`, the one file its page loads " +
      "(the page's own code that fetches the JSON and builds the chart is inline and not counted). " +
      `\`scripts/check-size.mjs\` (for \`make test\`) finds the same sets statically from \`pkg/embed.js\`'s imports: ${agree ? "it agrees with the recorded requests" : `**it does not agree** (static: ${Object.values(s.pages).map((p) => p.scanned.join(", ")).join("; ")})`}.`,
  );
  md.push("");
  row("file", "raw", "gzip -9", "brotli 11");
  row("---", "---:", "---:", "---:");
  const listed = new Set();
  for (const p of Object.values(s.pages)) {
    for (const r of p.ours.rows) {
      if (listed.has(r.file)) continue;
      listed.add(r.file);
      row(`\`${rel(r.file)}\``, bytes(r.raw), bytes(r.gzip), bytes(r.brotli));
    }
  }
  for (const [which, p] of Object.entries(s.pages)) {
    row(`**ours, ${which === "seed" ? "seed" : "63 provinces"} (${p.kind}), total**`, `**${bytes(p.ours.total.raw)}**`, `**${bytes(p.ours.total.gzip)}**`, `**${bytes(p.ours.total.brotli)}**`);
  }
  row("ours, a page of charts of several kinds (embed.js + `khuyencong_charts_view_bg.wasm`)", bytes(s.several.total.raw), bytes(s.several.total.gzip), bytes(s.several.total.brotli));
  row(`Chart.js ${machine.chartjs} \`chart.umd.min.js\``, bytes(s.peer.total.raw), bytes(s.peer.total.gzip), bytes(s.peer.total.brotli));
  md.push("");
  if (s.onDemand.rows.length) {
    md.push(
      "Not counted, because a reader who only reads does not download them: what embed.js imports when a reader asks for an SVG or CSV file, " +
        "when an error needs its sentence, or when a chart's kind is not in the page's wasm " +
        `(its dynamic import, found by the same scan): ${s.onDemand.rows.map((r) => `\`${rel(r.file)}\` ${bytes(r.gzip)}`).join(", ")}; ` +
        `${bytes(s.onDemand.total.gzip)} gzip in all, once per page.`,
    );
    md.push("");
  }
  for (const [which, p] of Object.entries(s.pages)) {
    md.push(
      `Budget, ${which === "seed" ? "seed" : "63 provinces"}: gzip ≤ ${BUDGET_RATIO} × ${bytes(s.peer.total.gzip)} = ${bytes(s.budget)}: ${verdict(p.ok)} ` +
        `(${p.ok ? `${bytes(s.budget - p.ours.total.gzip)} to spare` : `${bytes(p.ours.total.gzip - s.budget)} over, ratio ${num(p.ours.total.gzip / s.peer.total.gzip, 2)}`}).`,
    );
    md.push("");
  }
}

if (results.first) {
  const b = surveyed.boxes;
  md.push("## Time to first chart");
  md.push("");
  md.push(
    "From navigation start (performance.now() = 0) to the first animation frame after the chart has painted, in a fresh browser context " +
      "per sample (empty cache, cache disabled) so that every file is downloaded, compiled and run again. Ours: the page of an article with the " +
      "snippet of its only chart (the kind's wasm preloaded, `<script type=\"module\" src=\"/www/pkg/embed.js\">` + `<khuyencong-chart kind=… src=…>`), timed at the first " +
      "requestAnimationFrame after the element's `khuyencong-chart:ready` event (fired once mount() has painted the canvas). " +
      "Chart.js: `chart.umd.min.js` as a classic script in the head, inline code that fetches the same JSON, sums it with parseFloat and calls " +
      "`new Chart()` with `animation: false` (it has drawn when the constructor returns), timed at the next requestAnimationFrame. " +
      `Same CSS box for both: seed ${b.seed.width}×${b.seed.height} px, 63 provinces ${b.p63.width}×${b.p63.height} px (our layout's height at 800 px; Chart.js fills the box).`,
  );
  md.push("");
  md.push(`- seed: ours \`kind="${CASES.seed.oursKind}"\` (plan and actual by source and the total, ${b.seed.items} bars) against Chart.js ${CASES.seed.peerKind}.`);
  md.push(`- 63 provinces: ours \`kind="${CASES.p63.oursKind}"\` (${b.p63.items} bar segments) against Chart.js ${CASES.p63.peerKind}.`);
  md.push("");
  row("data", "CPU", "ours", "Chart.js", "ratio", "budget", "result");
  row("---", "---", "---:", "---:", "---:", "---", "---");
  for (const rate of THROTTLES) {
    for (const which of Object.keys(CASES)) {
      const r = results.first[`${which}@${rate}`];
      row(CASES[which].title, cpuName(rate), spread(r.ours), spread(r.peer), num(r.ratio, 2), "≤ 0.6", verdict(r.ok));
    }
  }
  md.push("");
  md.push(
    "Where the time goes (medians, ms from navigation start, ours / Chart.js; resource and navigation timing of the same samples): " +
      "code = the last JS or wasm file received; DOMContentLoaded; data = the JSON file requested and received; painted = the figure above.",
  );
  md.push("");
  row("data", "CPU", "code received", "DOMContentLoaded", "data requested", "data received", "painted");
  row("---", "---", "---:", "---:", "---:", "---:", "---:");
  const pair = (p) => `${num(p.ours, 0)} / ${num(p.peer, 0)}`;
  for (const rate of THROTTLES) {
    for (const which of Object.keys(CASES)) {
      const r = results.first[`${which}@${rate}`];
      const p = r.phases;
      row(which === "seed" ? "seed" : "63 provinces", cpuName(rate), pair(p.code), pair(p.dcl), pair(p.dataStart), pair(p.dataEnd), pair({ ours: r.ours.median, peer: r.peer.median }));
    }
  }
  md.push("");
}

if (results.network) {
  md.push("## Time to first chart on a phone's network");
  md.push("");
  md.push(
    "The pages of the figure above, loaded over Chrome's emulated network (CDP `Network.emulateNetworkConditions`: " +
      `${NETWORK.latency} ms latency, ${num((NETWORK.downloadThroughput * 8) / 1e6, 1)} Mbit/s down, ${num((NETWORK.uploadThroughput * 8) / 1e3, 0)} kbit/s up, ` +
      `Lighthouse's mobile "slow 4G") with ${NETWORK_CPU}× CPU throttling, from a server that sends every text and wasm file ` +
      "gzip-compressed (level 9), as a production server does (`serve({ gzip: true })`). Ours: the snippet as the README gives it, whose first line " +
      "preloads the wasm (`<link rel=\"preload\" as=\"fetch\" crossorigin>`), so that its download starts with embed.js's instead of after it; " +
      "and, for the seed, the same page without that line (`bench/ours-seed-no-preload.html`). Reported, not a budget of the issue.",
  );
  md.push("");
  row("data", "page", "painted", "code received", "data received", "÷ Chart.js");
  row("---", "---", "---:", "---:", "---:", "---:");
  const label = { ours: "ours (snippet with the preload)", noPreload: "ours, without the preload", peer: "Chart.js" };
  for (const which of Object.keys(CASES)) {
    const r = results.network[which];
    for (const key of ["ours", "noPreload", "peer"]) {
      if (!r[key]) continue;
      row(CASES[which].title, label[key], spread(r[key]), ms(r[key].code), ms(r[key].dataEnd), key === "peer" ? "–" : num(r[key].median / r.peer.median, 2));
    }
  }
  md.push("");
}

if (results.hover) {
  md.push("## Hover redraw");
  md.push("");
  md.push(
    `Over the 63-province chart (the same pages), the pointer moves between the centres of bar segments of ${results.hover.names.length} provinces ` +
      `in the middle of the chart (${results.hover.names.join(", ")}), sources alternating, each move to another province; after each move the harness ` +
      "waits for the next frame (requestAnimationFrame, then a task). A sample is the renderer's main-thread task time (CDP " +
      `\`Performance.getMetrics\` TaskDuration) over ${opts.moves} such moves, divided by the moves, minus the same loop with the pointer moving off the chart ` +
      "(the harness's own cost and the browser's input handling: the baseline column). Before the samples, every move is checked to show the tooltip of the " +
      "province moved to, different from the one before (ours: the DOM tooltip's text; Chart.js: its tooltip's active element, title and body), " +
      "and during them every move is counted to redraw (ours: the tooltip's text rewritten; Chart.js: `chart.draw()` called). Chart.js has its default tooltip " +
      "(interaction mode nearest, intersect) with animation off.",
  );
  md.push("");
  row("CPU", "ours, net", "Chart.js, net", "ratio", "budget", "result");
  row("---", "---:", "---:", "---:", "---", "---");
  for (const rate of THROTTLES) {
    const r = results.hover[rate];
    row(cpuName(rate), spread(r.ours), spread(r.peer), num(r.ratio, 2), "≤ 0.8", verdict(r.ok));
  }
  md.push("");
  md.push("The parts (medians, ms per move, ours / Chart.js): gross = task time of the loop over the bars, before the baseline is taken off; of the net, script (JS and wasm) and style + layout, from the same metrics (ScriptDuration, RecalcStyleDuration + LayoutDuration); the rest is paint, canvas and frame work.");
  md.push("");
  row("CPU", "gross", "baseline", "net: script", "net: style + layout");
  row("---", "---:", "---:", "---:", "---:");
  const two = (a, b) => `${ms(a.median)} / ${ms(b.median)}`;
  for (const rate of THROTTLES) {
    const r = results.hover[rate];
    row(cpuName(rate), two(r.oursGross, r.peerGross), two(r.oursBase, r.peerBase), two(r.oursScript, r.peerScript), two(r.oursLayout, r.peerLayout));
  }
  md.push("");
}

if (results.analysis) {
  const a = results.analysis;
  md.push("## Analysis throughput");
  md.push("");
  md.push(
    "In a Chromium page (`bench/analyze.html`): deterministic data sets of N records (63 provinces × 2 sources × 10 years × 6 activities; " +
      "plan and actual on every record, counterpart on half, projects on most; amounts in triệu đồng with 0–3 fraction digits, one in five as a JSON number). " +
      "Ours: `analyze(text)` on the JSON text, in two builds of the same code, each in its own page (`?build=`): the main build " +
      "(`www/pkg/index.js`, the wasm every embed loads, compiled for size) and the fast build (`www/pkg/fast.js`, `khuyencong-charts/fast` in the " +
      "npm package: this crate compiled at opt-level 2, for servers, workers and dashboards that analyze large data; ~14 KB larger gzipped). Peer: `JSON.parse(text)` and the same figures with decimal.js " +
      "(precision 40, ROUND_HALF_UP): the total and, by source, province, year and activity, the exact sums of plan, actual and counterpart, " +
      "the projects, attainment (100 × actual / plan, 1 digit), share (100 × actual / total actual, 1 digit) and leverage (counterpart / actual, " +
      "2 digits), as canonical decimal strings. analyze() does more: it validates every field, normalizes labels to NFC, looks for warnings and " +
      "formats every figure for readers. Before timing, both results are compared figure by figure for each N (the run stops on any difference). " +
      "A sample is the mean of as many calls as last ≥ 25 ms, after two warm-up calls; ours and the peer alternate. " +
      `With 4× throttling the 100 000-record size has ${Math.max(3, Math.ceil(opts.runs / 3))} samples.`,
  );
  md.push("");
  row("records", "JSON", "groups checked", "total actual", "total attainment");
  row("---:", "---:", "---:", "---:", "---:");
  for (const n of SIZES) {
    const c = a.checks[n];
    row(num(n, 0), kib(c.bytes), `${c.groups} + total, equal`, c.total.actual, c.total.attainment);
  }
  md.push("");
  row("build", "records", "CPU", "ours", "decimal.js", "decimal.js ÷ ours", "ours, records/s", "decimal.js, records/s", "ours, µs per record");
  row("---", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---:");
  for (const build of BUILDS) {
    for (const rate of THROTTLES) {
      for (const n of SIZES) {
        const r = a.times[`${build}:${n}@${rate}`];
        row(build, num(n, 0), cpuName(rate), spread(r.ours), spread(r.peer), num(r.ratio, 2), num(n / (r.ours.median / 1000), 0), num(n / (r.peer.median / 1000), 0), num((r.ours.median * 1000) / n, 2));
      }
    }
  }
  md.push("");
  md.push("Budgets: at 100 000 records decimal.js ÷ ours ≥ 5; linear growth, taken as ours' time per record at 100 000 records ≤ 1.5 × at 1 000 (fixed costs make small sizes dearer per record, which is fine):");
  md.push("");
  for (const build of BUILDS) {
    for (const rate of THROTTLES) {
      const big = a.times[`${build}:100000@${rate}`];
      const small = a.times[`${build}:1000@${rate}`];
      const growth = big.ours.median / 100000 / (small.ours.median / 1000);
      md.push(`- ${BUILD_NAME[build]}, ${cpuName(rate)}: speed-up ${num(big.ratio, 2)}× (${verdict(big.ratio >= 5)}); growth ${num(growth, 2)} (${verdict(growth <= 1.5)}).`);
    }
  }
  md.push("");
}

if (results.memory) {
  const m = results.memory;
  md.push("## Memory");
  md.push("");
  md.push(
    "Twenty charts mounted on one page in a fresh context, then two forced garbage collections (CDP `HeapProfiler.collectGarbage`). " +
      "wasm memory: the byteLength of every WebAssembly instance's memory (instances recorded by wrapping `WebAssembly.instantiate*` before the page runs; " +
      "one instance serves every chart); JS heap: CDP `Performance.getMetrics` JSHeapUsedSize (the wasm memory is not in it). " +
      `Unthrottled only (memory does not depend on CPU speed); ${m.samples} samples each.`,
  );
  md.push("");
  row("page", "charts", "wasm instances", "wasm memory", "JS heap");
  row("---", "---:", "---:", "---:", "---:");
  row("empty page (`bench/blank.html`)", "0", "0", "–", spread(m.blank.heap, mib));
  row("ours, every kind (`bench/ours-memory.html`: summary, sources, plan-actual, regions, leverage, trend, categories ×2, in turn)", "20", m.various.instances, spread(m.various.wasm, mib), spread(m.various.heap, mib));
  row("ours, 10 seed plan-actual + 10 × 63-province regions (`bench/ours-memory-pair.html`)", "20", m.pair.instances, spread(m.pair.wasm, mib), spread(m.pair.heap, mib));
  row("Chart.js, the same 10 + 10 (`bench/chartjs.html?case=pair`)", "20", "–", "–", spread(m.peerPair.heap, mib));
  md.push("");
  md.push(
    "The canvases' pixel buffers (the same size for both) are in neither figure. A WebAssembly memory only grows: its size is the high-water mark of the work done so far.",
  );
  md.push("");
}

writeFileSync(opts.out, `${md.join("\n")}\n`);

// ---- stdout ------------------------------------------------------------------------------------------------

console.log(`${COMMAND}: Chromium ${machine.chromium}, ${machine.cpu} × ${machine.cores}, ${opts.runs} runs, ${num(elapsed, 0)} s → ${rel(opts.out)}`);
const summary = md.slice(md.indexOf("## Summary") + 2, md.findIndex((l, i) => i > md.indexOf("## Summary") + 2 && l === ""));
for (const line of summary) {
  if (line.startsWith("| ---")) continue;
  console.log(
    line
      .split("|")
      .slice(1, -1)
      .map((c, i) => (i === 0 ? c.trim().padEnd(68) : c.trim().padStart(i === 6 ? 6 : 12)))
      .join(" "),
  );
}
