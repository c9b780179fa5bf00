// `make bench` (issues #8 and #17): khuyencong-charts against its peers in headless Chromium,
// served on 127.0.0.1, written to BENCHMARKS.md. Not a test: it fails only when the benchmark
// itself cannot run (or when analyze() and decimal.js disagree); a missed budget is reported as
// MISS.
//
// At its start it writes the article pages (bench/generated/, from bench/article.html): the
// template's embed.js in the head and the embed code the built package's toEmbedCode() writes,
// so that they are always current. The figures, each in a file of scripts/bench/ named for it:
//   size       (sizes.mjs) what a reader downloads, recorded from the pages, compressed from
//              disk: a chart the reader never nears (the loader alone), an interactive chart;
//              the picture's bytes in the article's HTML; the reader's wasm;
//   first      (first-chart.mjs) from navigation start: the chart's picture seen, the
//              interactive chart ready (the chart in view at load), and the element way; each
//              against Chart.js drawing the same bars in a box of the same size; unthrottled,
//              4× CPU, and slow 4G with 4× CPU;
//   scroll     (scroll.mjs) an article whose chart is below, scrolled into view at a fixed time
//              after load: the scroll to the interactive chart shown, under the same conditions;
//   hover      (hover.mjs) main-thread task time per pointer move over the 63-province chart;
//   analysis   (analysis.mjs) analyze() on 1 000-100 000 records against decimal.js;
//   memory     (memory.mjs) wasm memory and JS heap of 20 charts.
//
//   node scripts/bench.mjs [runs] [--moves N] [--out FILE] [--only PARTS] [--conditions 1x,4x,slow4g]
//   runs: samples per figure (default 15, or $RUNS); moves: pointer moves per hover sample
//   (default 40); --only runs some parts, comma-separated (for work on the harness: the file then
//   holds only those); --conditions the page-load conditions of `first` and `scroll`. About 20
//   minutes on 2 cores with RUNS=11. Needs www/pkg (make www-pkg) and node_modules (npm ci). Run
//   it on a quiet machine: it warns when the load average is high.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../tests/e2e/helpers.mjs";
import * as analysis from "./bench/analysis.mjs";
import { CONDITIONS, NETWORK, ROOT, VIEWPORT, harness, mdTable, num, rel } from "./bench/common.mjs";
import * as first from "./bench/first-chart.mjs";
import * as hover from "./bench/hover.mjs";
import * as memory from "./bench/memory.mjs";
import { survey, writeArticles } from "./bench/pages.mjs";
import * as scroll from "./bench/scroll.mjs";
import * as sizes from "./bench/sizes.mjs";
import { serve } from "./serve.mjs";

/** The parts, in the order they run and are written. */
const PARTS = { size: sizes, first, scroll, hover, analysis, memory };

// ---- arguments ------------------------------------------------------------------------------------

const USAGE = `usage: node scripts/bench.mjs [runs] [--moves N] [--out FILE] [--only ${Object.keys(PARTS).join(",")}] [--conditions ${CONDITIONS.map((c) => c.key).join(",")}]`;
const argv = process.argv.slice(2);
const opts = { runs: Number(process.env.RUNS ?? 15), moves: 40, out: path.join(ROOT, "BENCHMARKS.md"), only: null, conditions: CONDITIONS };
for (let k = 0; k < argv.length; k++) {
  const a = argv[k];
  if (a === "--moves") opts.moves = Number(argv[++k]);
  else if (a === "--out") opts.out = path.resolve(argv[++k]);
  else if (a === "--only") opts.only = new Set(argv[++k].split(","));
  else if (a === "--conditions") {
    const keys = argv[++k].split(",");
    opts.conditions = CONDITIONS.filter((c) => keys.includes(c.key));
    if (opts.conditions.length !== keys.length) opts.conditions = null;
  } else if (/^\d+$/.test(a)) opts.runs = Number(a);
  else {
    console.error(`bench: unknown argument ${a}\n${USAGE}`);
    process.exit(2);
  }
}
if (!(opts.runs >= 1 && opts.moves >= 8) || !opts.conditions || [...(opts.only ?? [])].some((p) => !PARTS[p])) {
  console.error(`bench: runs must be ≥ 1, --moves ≥ 8, and the parts and conditions among those below\n${USAGE}`);
  process.exit(2);
}
const wants = (part) => !opts.only || opts.only.has(part);
const COMMAND = `${process.env.RUNS && !argv.some((a) => /^\d+$/.test(a)) ? `RUNS=${process.env.RUNS} ` : ""}node scripts/bench.mjs${argv.length ? ` ${argv.join(" ")}` : ""}`;

for (const [file, fix] of [
  ["www/pkg/embed.js", "make www-pkg"],
  ["www/pkg/index.js", "make www-pkg"],
  ["node_modules/chart.js/dist/chart.umd.min.js", "npm ci"],
  ["node_modules/decimal.js/decimal.mjs", "npm ci"],
]) {
  if (!existsSync(path.join(ROOT, file))) {
    console.error(`bench: ${file} is missing (${fix})`);
    process.exit(1);
  }
}

// ---- the machine ----------------------------------------------------------------------------------

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

const site = await serve({ root: ROOT });
// The same files gzip-compressed, as a production server sends them (the slow-4G condition).
const zippedSite = await serve({ root: ROOT, gzip: true });
const browser = await launchChromium();
const h = harness({ browser, site, zippedSite });

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
  dirty: git("status", "--porcelain", "--", "src", "www", "bench", "scripts", "Makefile", "Cargo.toml", "Cargo.lock") !== "",
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  loadBefore: os.loadavg(),
};
const started = Date.now();
h.log = (...a) => console.error(`[${num((Date.now() - started) / 1000, 0).padStart(4)} s]`, ...a);
const busy = machine.loadBefore[0] > machine.cores / 2;
h.log(`bench: ${opts.runs} runs, ${opts.moves} moves per hover sample; Chromium ${machine.chromium}; ${machine.cpu} × ${machine.cores}`);
if (busy) {
  h.log(`warning: the machine is busy (load average ${machine.loadBefore.map((x) => num(x, 2)).join(", ")} on ${machine.cores} cores): the timings will be noisy`);
}

// ---- the pages, then the figures ------------------------------------------------------------------

const articles = await writeArticles(browser, site);
const surveyed = await survey(h, articles);
const b = surveyed.boxes;
h.log(
  `charts: seed ${b.seed.element.width}×${b.seed.element.height} (element way), ${b.seed.picture.width}×${b.seed.picture.height} (picture); ` +
    `63 provinces ${b.p63.element.width}×${b.p63.element.height}, ${b.p63.picture.width}×${b.p63.picture.height} CSS px`,
);

const context = { surveyed, articles, runs: opts.runs, moves: opts.moves, conditions: opts.conditions };
const results = {};
try {
  for (const [name, part] of Object.entries(PARTS)) {
    if (wants(name)) results[name] = await part.measure(h, context);
  }
} finally {
  await browser.close();
  await site.close();
  await zippedSite.close();
}
const elapsed = (Date.now() - started) / 1000;

// ---- BENCHMARKS.md -------------------------------------------------------------------------------------

const written = { ...context, first: results.first };
const md = [];
md.push("# Benchmarks");
md.push("");
md.push(
  "khuyencong-charts against its peers (issues #8 and #17): Chart.js 4 for the charts, decimal.js for the exact analysis. " +
    "Written by `make bench` (`scripts/bench.mjs`, its figures in `scripts/bench/`); every figure is the median of the samples with its range [min–max]. " +
    "Regenerate it rather than editing it.",
);
md.push("");
md.push("## Machine and command");
md.push("");
const conditionsText =
  "the page loads (first chart, scroll) unthrottled and with CDP `Emulation.setCPUThrottlingRate` 4× (a mid-range phone) on 127.0.0.1, files sent as they are, " +
  `and over Chrome's emulated slow 4G (CDP \`Network.emulateNetworkConditions\`: ${NETWORK.latency} ms latency, ` +
  `${num((NETWORK.downloadThroughput * 8) / 1e6, 1)} Mbit/s down, ${num((NETWORK.uploadThroughput * 8) / 1e3, 0)} kbit/s up, Lighthouse's mobile "slow 4G") ` +
  "with 4× CPU throttling, from a server that sends every text and wasm file gzip-compressed (level 9), as a production server does (`serve({ gzip: true })`); " +
  `hover and analysis unthrottled and 4×; device pixel ratio 1, viewport ${VIEWPORT.width}×${VIEWPORT.height}`;
md.push(
  ...mdTable(
    ["", ""],
    ["---", "---"],
    [
      ["command", process.env.MAKELEVEL ? `\`make bench\` (\`${COMMAND}\`)` : `\`${COMMAND}\``],
      ["date", machine.date],
      ["CPU", `${machine.cpu}, ${machine.cores} cores`],
      ["RAM", `${num(machine.ram / 2 ** 30, 1)} GiB`],
      ["OS", machine.os],
      ["browser", `Chromium ${machine.chromium} (Debian), headless, through playwright-core ${machine.playwright}; pages served by scripts/serve.mjs on 127.0.0.1`],
      ["Node", machine.node],
      ["ours", `khuyencong-charts ${machine.ours} (www/pkg, built by \`make www-pkg\`), commit ${machine.commit}${machine.dirty ? " with uncommitted changes" : ""}`],
      ["peers", `chart.js ${machine.chartjs}, decimal.js ${machine.decimal} (npm dev dependencies)`],
      ["samples", `${opts.runs} per figure (memory: ${results.memory?.samples ?? "–"}); hover: ${opts.moves} pointer moves per sample`],
      ["conditions", conditionsText],
      ["run time", `${num(elapsed, 0)} s`],
      [
        "load average",
        `${machine.loadBefore.map((x) => num(x, 2)).join(", ")} before the run, ${os.loadavg().map((x) => num(x, 2)).join(", ")} after it (its own load included; 1, 5, 15 min)${busy ? ": **the machine was busy, the timings are noisy**" : ""}`,
      ],
    ],
  ),
);
md.push("");

md.push("## Summary");
md.push("");
const summaryRows = Object.entries(PARTS).flatMap(([name, part]) => (results[name] ? part.summary(results[name], written) : []));
md.push(...mdTable(["figure", "conditions", "ours", "peer", "ratio", "budget", "result"], ["---", "---", "---:", "---:", "---:", "---", "---"], summaryRows));
md.push("");
md.push(
  "Ratios are ours ÷ peer, except analysis (decimal.js ÷ ours, higher is better for us). The budgets are issue #17's (first chart seen, " +
    "interactive chart ready, the loader alone, hover) and issue #8's (transfer size of an interactive chart, the element way's first chart, analysis).",
);
md.push("");
for (const [name, part] of Object.entries(PARTS)) {
  if (results[name]) md.push(...part.section(results[name], written));
}
writeFileSync(opts.out, `${md.join("\n")}\n`);

// ---- stdout ------------------------------------------------------------------------------------------------

console.log(`${COMMAND}: Chromium ${machine.chromium}, ${machine.cpu} × ${machine.cores}, ${opts.runs} runs, ${num(elapsed, 0)} s → ${rel(opts.out)}`);
for (const cells of summaryRows) {
  console.log(cells.map((c, i) => (i === 0 ? c.padEnd(92) : c.padStart(i === 6 ? 6 : 14))).join(" "));
}
