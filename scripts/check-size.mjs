// What a reader downloads, compressed, against Chart.js 4's chart.umd.min.js. Sizes are
// deterministic, so this runs in `make test` with fixed ceilings.
//
// Two figures, from the package itself (pkg/):
// - a chart the reader never comes near: the site loader, embed.js, and what it imports
//   statically (nothing else is fetched until a chart nears the viewport);
// - an interactive chart: that, plus what its dynamic import of embed-draw.js reaches statically,
//   plus the wasm files those modules name with new URL("…", import.meta.url).
// What embed-draw.js imports dynamically (embed-export.js and the full build: a reader's SVG or
// CSV, an error's sentence) is listed apart and not counted. The module graph is esbuild's
// (its metafile, which tells static from dynamic imports); each file is compressed on its own,
// as a server sends it: gzip level 9 and brotli quality 11 (node:zlib).
//
//   node scripts/check-size.mjs --max-loader N --max-chart N   ceilings in gzip bytes
//   node scripts/check-size.mjs --report                       print the table only, exit 0
//   node scripts/check-size.mjs --pkg www/pkg                  another package folder
//
// Exits 1 when over a ceiling or when a file the package refers to is missing, 0 otherwise.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, transformSync } from "esbuild";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CHARTJS_FILE = path.join(ROOT, "node_modules", "chart.js", "dist", "chart.umd.min.js");

/** Raw, gzip -9 and brotli -q 11 sizes of one file's bytes. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** [{ file, raw, gzip, brotli }] for each file (absolute paths), and their sum. */
export function sizeTable(files) {
  const rows = files.map((file) => ({ file, ...compressedSizes(readFileSync(file)) }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

/** The files `new URL("./x", import.meta.url)` names in a module's code (its comments, which
 * esbuild drops here, may quote the pattern). */
function assetsOf(file) {
  const text = transformSync(readFileSync(file, "utf8"), {
    loader: "js",
    minifyWhitespace: true,
    legalComments: "none",
  }).code;
  const found = [];
  for (const m of text.matchAll(/new URL\(\s*["'](\.\.?\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
    found.push(path.resolve(path.dirname(file), m[1]));
  }
  return found;
}

/**
 * The files a reader downloads from `entry` (an absolute path), in stages: `[stage0, stage1, …]`,
 * where stage 0 is the entry and its static imports, transitively, and each next stage is what
 * the previous stage's dynamic imports reach statically, with the assets (new URL) its modules
 * name. Each file appears once, in the first stage that reaches it, except an asset that a stage
 * names and the next stage names too: it counts in the next (the loader names the wasm only to
 * preload it beside embed-draw.js, when a chart nears; tests/e2e/loader-loading.test.mjs checks in the
 * browser that a page scrolled past fetches the loader alone). Throws when one is missing.
 */
export async function downloadStages(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    logLevel: "silent",
    absWorkingDir: path.dirname(entry),
  });
  const inputs = result.metafile.inputs;
  const abs = (p) => path.resolve(path.dirname(entry), p);
  const byPath = new Map(Object.entries(inputs).map(([p, v]) => [abs(p), v]));
  const seen = new Set();
  const stages = [];
  let starts = [path.resolve(entry)];
  while (starts.length) {
    const stage = [];
    const next = [];
    const visit = (file) => {
      if (seen.has(file)) return;
      if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is referred to but missing`);
      seen.add(file);
      stage.push(file);
      const input = byPath.get(file);
      if (!input) return; // an asset
      for (const imp of input.imports) {
        const target = abs(imp.path);
        if (imp.kind === "dynamic-import") next.push(target);
        else visit(target);
      }
      for (const asset of assetsOf(file)) visit(asset);
    };
    for (const file of starts) visit(file);
    if (stage.length) stages.push(stage);
    starts = next;
  }
  // An asset of one stage that the next stage's modules name as well belongs to the next.
  for (let k = 0; k + 1 < stages.length; k++) {
    const later = new Set(stages[k + 1].filter((f) => byPath.has(f)).flatMap(assetsOf));
    const moved = stages[k].filter((f) => !byPath.has(f) && later.has(f));
    stages[k] = stages[k].filter((f) => !moved.includes(f));
    stages[k + 1].push(...moved);
  }
  return stages;
}

const fmt = (n) => n.toLocaleString("en-US");

async function main(argv) {
  let pkg = "pkg";
  const max = { loader: null, chart: null };
  let reportOnly = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === "--report") reportOnly = true;
    else if (a === "--pkg") pkg = argv[++k];
    else if (a === "--max-loader") max.loader = Number(argv[++k]);
    else if (a === "--max-chart") max.chart = Number(argv[++k]);
    else {
      console.error(
        `check-size: unknown argument ${a}\nusage: node scripts/check-size.mjs [--pkg DIR] [--max-loader N] [--max-chart N] [--report]`,
      );
      return 2;
    }
  }
  if (Object.values(max).some((m) => m !== null && !(Number.isInteger(m) && m > 0))) {
    console.error("check-size: the ceilings need a positive whole number of bytes");
    return 2;
  }
  const entry = path.resolve(ROOT, pkg, "embed.js");
  if (!existsSync(entry)) {
    console.error(`check-size: ${path.relative(ROOT, entry)} is missing (make package)`);
    return 1;
  }
  let stages;
  try {
    stages = await downloadStages(entry);
  } catch (e) {
    console.error(`check-size: ${e.message}`);
    return 1;
  }
  const [loader, chart = [], ...later] = stages;
  const loaderSize = sizeTable(loader).total;
  const chartSize = sizeTable([...loader, ...chart]).total;
  const all = stages.flat();
  const width = Math.max(...all.map((f) => path.relative(ROOT, f).length), 44);
  const line = (name, s) =>
    `${name.padEnd(width)}  ${fmt(s.raw).padStart(10)}  ${fmt(s.gzip).padStart(10)}  ${fmt(s.brotli).padStart(10)}`;
  console.log(`${"what a reader downloads".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip -9".padStart(10)}  ${"brotli 11".padStart(10)}`);
  const section = (title, files) => {
    console.log(title);
    for (const r of sizeTable(files).rows) console.log(line(path.relative(ROOT, r.file), r));
  };
  section("the loader (a page whose charts the reader never nears):", loader);
  section("when a chart nears the viewport:", chart);
  console.log(line("a chart scrolled past, total", loaderSize));
  console.log(line("an interactive chart, total", chartSize));
  if (later.length) section("on demand, not counted (a reader's SVG or CSV, an error's sentence):", later.flat());
  if (existsSync(CHARTJS_FILE)) {
    const peer = sizeTable([CHARTJS_FILE]).total;
    const version = JSON.parse(readFileSync(path.join(ROOT, "node_modules", "chart.js", "package.json"), "utf8")).version;
    console.log(line(`Chart.js ${version} chart.umd.min.js`, peer));
    console.log(
      `ratio to Chart.js (gzip): chart scrolled past ${(loaderSize.gzip / peer.gzip).toFixed(3)}, interactive chart ${(chartSize.gzip / peer.gzip).toFixed(3)}`,
    );
  }
  let over = false;
  const verdict = (what, total, limit) => {
    if (limit === null) return;
    const bad = total > limit;
    over ||= bad;
    console.log(
      `ceiling: ${what}, gzip ≤ ${fmt(limit)} bytes: ${bad ? "OVER" : "within"} (${fmt(total)} bytes, ${bad ? `${fmt(total - limit)} over` : `${fmt(limit - total)} to spare`})`,
    );
  };
  verdict("a chart scrolled past", loaderSize.gzip, max.loader);
  verdict("an interactive chart", chartSize.gzip, max.chart);
  if (reportOnly) return 0;
  return over ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
