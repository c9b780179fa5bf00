#!/usr/bin/env node
// The npm package as a developer gets it: packed, installed into a fresh Vite app, type-checked,
// built for production and served, and run in Vite's dev server, in Debian's Chromium.
//
//   make package && node scripts/test-npm.mjs
//
// Steps (all in a temporary directory; the repository is only read):
//  1. copy pkg/ (KC_PKG_DIR overrides) and `npm pack` it; the tarball holds exactly "files";
//  2. copy tests/npm/vite-app, `npm install` the tarball (and vite, its devDependency);
//  3. tests/npm/node.test.mjs against the installed package (plain Node, no DOM);
//  4. tsc --strict: tests/types (its paths pointed at the packed copy), and the app plus
//     tests/types/usage.ts against the installed package (moduleResolution bundler, nodenext);
//  5. `vite build`, served on 127.0.0.1 by scripts/serve.mjs under a strict CSP, and Vite's dev
//     server on 127.0.0.1: each page load in Chromium checks that analyze() gives the seed
//     figures, that the chart and a <khuyencong-chart> draw (one below the fold only once
//     scrolled to, with the one reader's wasm), and that toEmbedCode()'s picture becomes the
//     chart, for every way of giving ready() the wasm.
// Prints one line per check and closes with "npm: N passed, M failed" (exit status 1 on any
// failure). vite 7.3.8 comes from the npm registry; without one, the repository's
// node_modules/vite is linked into the app instead. KC_KEEP_TMP=1 keeps the temporary directory;
// KC_README=<file> runs another README's Node examples.
import assert from "node:assert/strict";
import { execFile as execFileCb } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, copyFile, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { serve } from "./serve.mjs";
import { STRICT_CSP, launchChromium } from "../tests/e2e/helpers.mjs";

const execFile = promisify(execFileCb);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PKG = path.resolve(process.env.KC_PKG_DIR ?? path.join(REPO, "pkg"));
const TSC = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
const DATA = path.join(REPO, "www", "data", "phia-bac-2022.json");
const SEED = { actual: "170,4 tỷ đồng", attainment: "95,2%", actualEn: "170.4 billion VND" };
const MODES = ["default", "embed", "url", "url-object", "response", "bytes", "module", "fast"];
const PAGE_TIMEOUT_MS = 20_000;

const started = Date.now();
let passed = 0;
let failed = 0;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one check; a failure is counted and printed, and does not stop the others. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const note = await fn();
    passed++;
    console.log(`ok   ${name}${note ? ` — ${note}` : ""} (${secs(Date.now() - t)})`);
    return true;
  } catch (err) {
    failed++;
    console.log(`FAIL ${name} (${secs(Date.now() - t)})\n${indent(err?.stack ?? String(err))}`);
    return false;
  }
}
/** A step later checks depend on: if it fails, the run stops here. */
async function step(name, fn) {
  if (!(await check(name, fn))) await finish(`stopped after: ${name}`);
}
/** Set-up that is not a check of its own: if it throws, that is a failure and the run stops. */
async function must(name, fn) {
  try {
    return await fn();
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}\n${indent(err?.stack ?? String(err))}`);
    return finish(`stopped at: ${name}`);
  }
}
const indent = (s) => String(s).replace(/^/gm, "     ");

async function run(cmd, args, options = {}) {
  try {
    return await execFile(cmd, args, { maxBuffer: 64 << 20, ...options });
  } catch (err) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${err.code}):\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let tmp = null;
const cleanups = [];
async function finish(note) {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  if (tmp && process.env.KC_KEEP_TMP !== "1") await rm(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`kept ${tmp}`);
  console.log(`npm: ${secs(Date.now() - started)}${note ? `, ${note}` : ""}`);
  console.log(`npm: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// ---- 1. pack ----------------------------------------------------------------------------------
if (!existsSync(path.join(PKG, "package.json")) || !existsSync(path.join(PKG, "khuyencong_charts_bg.wasm"))) {
  console.log(`FAIL ${PKG} is not a built package: run make package first`);
  failed++;
  await finish();
}
tmp = await mkdtemp(path.join(os.tmpdir(), "kc-npm-"));
const snapshot = path.join(tmp, "pkg");
const app = path.join(tmp, "app");
const manifest = JSON.parse(await readFile(path.join(PKG, "package.json"), "utf8"));
let tarball;

await step(`npm pack ${manifest.name}@${manifest.version} (from ${path.relative(REPO, PKG) || PKG})`, async () => {
  // A copy: another build rewriting pkg/ meanwhile cannot mix two versions into the tarball.
  await cp(PKG, snapshot, { recursive: true });
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", tmp], { cwd: snapshot });
  const [info] = JSON.parse(stdout);
  tarball = path.join(tmp, info.filename);
  const packed = info.files.map((f) => f.path).sort();
  const expected = [...new Set([...manifest.files, "package.json"])].sort();
  // npm adds README and LICENSE files by itself; anything else there would be unplanned.
  const extra = packed.filter((f) => !expected.includes(f) && !/^(README|LICEN[CS]E|CHANGELOG)/i.test(f));
  assert.deepEqual(extra, [], "files in the tarball that package.json does not list");
  assert.deepEqual(expected.filter((f) => !packed.includes(f)), [], 'files listed in "files" but not packed');
  return `${packed.length} files, ${(info.size / 1024).toFixed(1)} KB packed, ${(info.unpackedSize / 1024).toFixed(1)} KB unpacked`;
});

// ---- 2. a fresh app ---------------------------------------------------------------------------
await step("npm install the tarball into a fresh copy of tests/npm/vite-app", async () => {
  await cp(path.join(REPO, "tests", "npm", "vite-app"), app, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist)([/\\]|$)/.test(src),
  });
  await mkdir(path.join(app, "public", "data"), { recursive: true });
  await copyFile(DATA, path.join(app, "public", "data", "phia-bac-2022.json"));
  await mkdir(path.join(app, "types"), { recursive: true });
  await copyFile(path.join(REPO, "tests", "types", "usage.ts"), path.join(app, "types", "usage.ts"));
  const env = {
    ...process.env,
    npm_config_update_notifier: "false",
    npm_config_loglevel: "error",
    // Fail over quickly to the offline way below when the registry cannot be reached.
    npm_config_fetch_retries: process.env.npm_config_fetch_retries ?? "1",
    npm_config_fetch_retry_mintimeout: process.env.npm_config_fetch_retry_mintimeout ?? "2000",
    npm_config_fetch_retry_maxtimeout: process.env.npm_config_fetch_retry_maxtimeout ?? "5000",
  };
  let how = "vite from the registry";
  try {
    await run("npm", ["install", "--no-audit", "--no-fund", tarball], { cwd: app, env, timeout: 120_000 });
  } catch (err) {
    // No registry: install the tarball alone (it has no dependencies) and borrow the
    // repository's vite, whose own dependencies resolve from its real path.
    console.log(indent(`registry install failed, using the repository's vite:\n${err.message.split("\n")[0]}`));
    const pj = JSON.parse(await readFile(path.join(app, "package.json"), "utf8"));
    delete pj.devDependencies;
    await writeFile(path.join(app, "package.json"), JSON.stringify(pj, null, 2));
    await run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: app, env });
    await symlink(path.join(REPO, "node_modules", "vite"), path.join(app, "node_modules", "vite"), "dir");
    how = "vite linked from the repository";
  }
  const installed = JSON.parse(await readFile(path.join(app, "node_modules", manifest.name, "package.json"), "utf8"));
  assert.equal(installed.version, manifest.version);
  const pj = JSON.parse(await readFile(path.join(app, "package.json"), "utf8"));
  assert.match(pj.dependencies?.[manifest.name] ?? "", /\.tgz$/, "the tarball is a dependency of the app");
  const vite = JSON.parse(await readFile(path.join(app, "node_modules", "vite", "package.json"), "utf8"));
  return `vite ${vite.version} (${how})`;
});
const installedDir = path.join(app, "node_modules", manifest.name);

// ---- 3. Node and 4. TypeScript, side by side (they only read) ------------------------------------
// A child process each; started together, reported in order.
const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));
const nodeRun = settle(
  execFile(process.execPath, ["--test", "--test-reporter=tap", path.join(REPO, "tests", "npm", "node.test.mjs")], {
    env: { ...process.env, KC_PACKAGE_DIR: installedDir, KC_APP_DIR: app },
    maxBuffer: 64 << 20,
  }),
);
// tests/types/tsconfig.json maps "khuyencong-charts" to ../../pkg/; check the copy that was packed.
const typesProject = path.join(tmp, "tsconfig.types.json");
await writeFile(
  typesProject,
  JSON.stringify({
    extends: path.join(REPO, "tests", "types", "tsconfig.json"),
    compilerOptions: {
      paths: {
        "khuyencong-charts": [path.join(snapshot, "index.d.ts")],
        "khuyencong-charts/embed": [path.join(snapshot, "embed.d.ts")],
        "khuyencong-charts/fast": [path.join(snapshot, "fast.d.ts")],
      },
    },
    files: [path.join(REPO, "tests", "types", "usage.ts")],
  }),
);
const tsc = (project) => settle(run(process.execPath, [TSC, "--noEmit", "--strict", "-p", project]));
const typeChecks = [
  ["tsc --strict -p tests/types, its paths pointed at the packed copy of pkg/", tsc(typesProject)],
  ["tsc --strict: the app and usage.ts against the installed package (moduleResolution bundler)", tsc(path.join(app, "tsconfig.json"))],
  ["tsc --strict: usage.ts against the installed package (moduleResolution nodenext)", tsc(path.join(app, "tsconfig.nodenext.json"))],
];
{
  const t = Date.now();
  const { value, error } = await nodeRun;
  const out = value ? value.stdout : `${error.stdout ?? ""}${error.stderr ?? ""}`;
  const count = (what) => Number(out.match(new RegExp(`^# ${what} (\\d+)`, "m"))?.[1] ?? 0);
  const [p, f] = [count("pass"), count("fail")];
  if (p + f === 0) {
    failed++;
    console.log(`FAIL tests/npm/node.test.mjs did not run\n${indent(out)}`);
  } else {
    passed += p;
    failed += f;
    // Failed tests (indented inside their describe blocks; the suites report "not ok" too).
    for (const m of out.matchAll(/^\s{4,}not ok \d+ - (.*)$/gm)) console.log(`FAIL node: ${m[1]}`);
    if (f > 0) console.log(indent(out.split("\n").filter((l) => /^\s+(error|expected|actual|code|message):|^\s+- /.test(l)).join("\n")));
    console.log(`${f ? "FAIL" : "ok  "} node: tests/npm/node.test.mjs against the installed package — ${p} passed, ${f} failed (${secs(Date.now() - t)})`);
  }
}
for (const [name, result] of typeChecks) {
  await check(name, async () => {
    const { error } = await result;
    if (error) throw error;
  });
}

// ---- 5. Vite --------------------------------------------------------------------------------
// The app's own vite (a module inside the app, so that "vite" resolves from its node_modules).
const viteApi = path.join(app, ".vite-api.mjs");
await writeFile(viteApi, 'export { build, createServer, createLogger } from "vite";\n');
const vite = await must("import the app's vite", () => import(pathToFileURL(viteApi).href));

/** A Vite logger that keeps warnings and errors (a clean build has none). */
function quietLogger() {
  const logger = vite.createLogger("warn", { allowClearScreen: false });
  const messages = [];
  return {
    messages,
    logger: {
      ...logger,
      info() {},
      warn: (msg) => messages.push(`warn: ${msg}`),
      warnOnce: (msg) => messages.push(`warn: ${msg}`),
      error: (msg) => messages.push(`error: ${msg}`),
    },
  };
}

await step("vite build (production) of the app", async () => {
  const { messages, logger } = quietLogger();
  await vite.build({ root: app, customLogger: logger, logLevel: "warn" });
  assert.deepEqual(messages, [], "vite build printed warnings or errors");
  const assets = await readdir(path.join(app, "dist", "assets"));
  // The main build's wasm, the fast build's (the app imports khuyencong-charts/fast too) and
  // the reader's build that khuyencong-charts/embed draws with (one file for every kind).
  const wasm = assets.filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 3, `three wasm assets: ${assets.join(", ")}`);
  const js = assets.filter((f) => f.endsWith(".js"));
  const code = (await Promise.all(js.map((f) => readFile(path.join(app, "dist", "assets", f), "utf8")))).join("\n");
  for (const file of ["khuyencong_charts_bg.wasm", "khuyencong_charts_fast_bg.wasm", "khuyencong_charts_view_bg.wasm"]) {
    const asset = wasm.find((f) => f.startsWith(`${file.slice(0, -".wasm".length)}-`));
    assert.ok(asset, `${file} emitted: ${wasm.join(", ")}`);
    const [built, original] = await Promise.all([
      readFile(path.join(app, "dist", "assets", asset)),
      readFile(path.join(installedDir, file)),
    ]);
    assert.ok(built.equals(original), `the emitted ${asset} is the package's ${file}`);
    // The package's own `new URL("…wasm", import.meta.url)` was rewritten to the emitted file.
    assert.ok(code.includes(`new URL("/assets/${asset}",import.meta.url)`), `the package's URL of ${file} points at the asset`);
  }
  assert.doesNotMatch(code, /\b(from|import\()\s*["']node:/, "no Node built-ins imported by the bundle");
  // embed.js's dynamic import of what draws stays one: a chunk of its own, loaded when a chart
  // comes near. (embed-export.js, what an SVG or CSV needs, re-exports the main build, which
  // this app has in its own chunk already: Rollup may put it there.)
  assert.ok(js.some((f) => f.startsWith("embed-draw-")), `embed-draw.js is a chunk of its own: ${js.join(", ")}`);
  const sizes = await Promise.all(wasm.map(async (f) => `${f} ${((await stat(path.join(app, "dist", "assets", f))).size / 1024).toFixed(0)} KB`));
  return `${js.length} JS chunk(s) ${(code.length / 1024).toFixed(1)} KB, ${sizes.join(", ")}`;
});

const browser = await must("launch Chromium", () => launchChromium());
cleanups.push(() => browser.close());

/** Opens the app with ?wasm=<mode> and returns what main.ts reports, and what went wrong. */
async function openApp(base, mode) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // The app has no favicon; Chromium asks for one anyway.
  const mine = (url) => !url.endsWith("/favicon.ico");
  page.on("console", (m) => m.type() === "error" && mine(m.location().url ?? "") && problems.push(`console: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && mine(r.url()) && problems.push(`HTTP ${r.status()} ${r.url()}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  try {
    await page.goto(`${base}?wasm=${mode}`, { timeout: PAGE_TIMEOUT_MS });
    await page.waitForFunction(() => window.__done, null, { timeout: PAGE_TIMEOUT_MS });
    const result = await Promise.race([
      page.evaluate(() => window.__done),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no result within ${PAGE_TIMEOUT_MS} ms`)), PAGE_TIMEOUT_MS)),
    ]);
    return { result, problems };
  } finally {
    await page.close();
  }
}

function assertResult(mode, { result, problems }) {
  assert.equal(result.failure, undefined, result.failure);
  assert.deepEqual(problems, [], "console errors, page errors or failed requests");
  assert.equal(result.mode, mode);
  if (mode !== "embed") {
    assert.deepEqual(
      { actual: result.actual, attainment: result.attainment, actualEn: result.actualEn },
      SEED,
      "analyze() gives the seed figures",
    );
    assert.deepEqual([result.errorCode, result.errorPath], ["invalid_amount", "records[0].plan"]);
    assert.equal(result.items, 2, "the sources chart has two sectors");
    assert.equal(result.firstItem, "Khuyến công quốc gia");
    assert.ok(result.ink > result.pixels * 0.03, `the canvas is drawn: ${result.ink} of ${result.pixels} pixels`);
  }
  // The fast build's file is fetched only when its entry point's ready() runs. (The embed script
  // is its own bundle with its own module state: it loads the main build either way.)
  const fast = result.wasmFiles.filter((f) => f.includes("fast_bg"));
  assert.equal(fast.length, mode === "fast" ? 1 : 0, `wasm files loaded: ${result.wasmFiles.join(", ")}`);
  // The embed draws with the reader's build, one file for every kind (embed.js preloads it as
  // it imports embed-draw.js: one file, whatever number of entries); with nothing else on the
  // page, that is all it loads.
  const views = result.wasmFiles.filter((f) => f.includes("khuyencong_charts_view"));
  assert.deepEqual([...new Set(views.map((f) => f.replace(/_bg-.*|_bg\.wasm$/, "")))], ["khuyencong_charts_view"], `wasm files loaded: ${result.wasmFiles.join(", ")}`);
  if (mode === "embed") assert.equal(new Set(result.wasmFiles).size, 1, `wasm files loaded: ${result.wasmFiles.join(", ")}`);
  // Nothing is drawn, nor the reader's wasm fetched, for a chart three screens down until the
  // reader scrolls to it.
  assert.equal(result.farLazy, true, "a chart far below the fold waits, and its wasm too");
  assert.equal(result.farState, "ready", "the far chart draws once scrolled to");
  assert.deepEqual([result.embedSvg, result.embedCsv], [true, true], "the embed's SVG and CSV, through exportReady()");
  assert.equal(result.embedState, "ready", "the <khuyencong-chart> drew");
  assert.equal(result.embedItems, 6, "plan-actual: plan and actual for two sources and the total");
  assert.equal(result.embedSame, true, "element.chart is chartOf(element)");
  // toEmbedCode() is a Promise of the picture way's code; in the page, the chart takes the
  // picture's place.
  assert.equal(result.codeIsPromise, true, "toEmbedCode() returns a Promise");
  assert.equal(result.pictureState, "ready", "the embed code's picture became the chart");
  assert.equal(result.pictureSame, true, "chartOf(picture) is chartOf(box): the same chart as the handle's");
  assert.equal(result.pictureHidden, true, "the picture is hidden once the chart is drawn");
  return mode === "embed"
    ? "embed only: no ready() call"
    : `${result.actual}, ${result.attainment}, ${result.items} items, ${((100 * result.ink) / result.pixels).toFixed(0)}% ink`;
}

const label = {
  default: "ready()",
  embed: "<khuyencong-chart> alone",
  url: "ready(url from ?url import of the wasm export)",
  "url-object": "ready(new URL(…))",
  response: "ready(Response)",
  bytes: "ready(ArrayBuffer)",
  module: "ready(WebAssembly.Module)",
  fast: "khuyencong-charts/fast: ready() loads the fast build",
};

{
  const server = await must("serve the build", () =>
    serve({ root: path.join(app, "dist"), headers: { "Content-Security-Policy": STRICT_CSP } }),
  );
  cleanups.push(() => server.close());
  for (const mode of MODES) {
    await check(`build, served under a strict CSP: ${label[mode]}`, async () => assertResult(mode, await openApp(server.url, mode)));
  }
  await server.close();
}

{
  const { messages, logger } = quietLogger();
  const port = await freePort();
  const server = await must("start Vite's dev server", () => vite.createServer({
    root: app,
    customLogger: logger,
    clearScreen: false,
    server: { host: "127.0.0.1", port, strictPort: true },
  }));
  cleanups.push(() => server.close());
  await must("start Vite's dev server", () => server.listen());
  const base = `http://127.0.0.1:${port}/`;
  for (const mode of MODES) {
    await check(`vite dev server: ${label[mode]}`, async () => assertResult(mode, await openApp(base, mode)));
  }
  await check("vite dev server: no warnings or errors", async () => {
    assert.deepEqual(messages.filter((m) => !/new dependencies optimized|optimized dependencies changed/.test(m)), []);
  });
}

await finish();
