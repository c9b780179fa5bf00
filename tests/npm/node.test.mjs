// The npm package in plain Node (no DOM): what server-side rendering and Node tests rely on.
//
//   node --test tests/npm/node.test.mjs          # against pkg/ (make package)
//
// scripts/test-npm.mjs runs it against the packed tarball installed in a fresh app, with
// KC_PACKAGE_DIR=<app>/node_modules/khuyencong-charts and KC_APP_DIR=<app>: then the bare
// specifiers are resolved through the package's "exports" too, and the README's ```js node
// examples run in the app (KC_README overrides which README).
import assert from "node:assert/strict";
import { execFile as execFileCb } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";

import { serve } from "../../scripts/serve.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACKAGE_DIR = path.resolve(process.env.KC_PACKAGE_DIR ?? path.join(REPO, "pkg"));
const APP_DIR = process.env.KC_APP_DIR ? path.resolve(process.env.KC_APP_DIR) : null;
const DATA_FILE = path.join(REPO, "www", "data", "phia-bac-2022.json");
const execFile = promisify(execFileCb);
const SEED = { actual: "170,4 tỷ đồng", attainment: "95,2%" };

assert.ok(
  existsSync(path.join(PACKAGE_DIR, "package.json")),
  `${PACKAGE_DIR} has no package.json: run make package first`,
);
const manifest = JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));

/** Runs a task of worker.mjs in a fresh worker thread (fresh globals, fresh module graph). */
function inWorker(task, extra = {}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: { task, packageDir: PACKAGE_DIR, dataFile: DATA_FILE, ...extra },
    });
    let result;
    worker.once("message", (m) => (result = m));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!result) return reject(new Error(`worker ${task} exited (${code}) without a result`));
      if (!result.ok) return reject(Object.assign(new Error(`${task}: ${result.error.message}`), result.error));
      resolve(result);
    });
  });
}

describe("pkg/package.json", () => {
  test("names, describes and licenses the package, and is an ES module", () => {
    assert.equal(manifest.name, "khuyencong-charts");
    assert.match(manifest.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "a semantic version");
    for (const field of ["description", "license"]) {
      assert.equal(typeof manifest[field], "string", field);
      assert.ok(manifest[field].length > 10 || field === "license", field);
    }
    assert.match(manifest.license, /^(MIT|Apache-2\.0)( OR (MIT|Apache-2\.0))?$/, "an SPDX expression");
    assert.equal(typeof (manifest.repository?.url ?? manifest.repository), "string", "repository");
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length >= 3, "keywords");
    assert.equal(manifest.type, "module");
  });

  test("exports the API, the embed script, the wasm and package.json, types first", () => {
    const { exports } = manifest;
    assert.deepEqual(Object.keys(exports["."]), ["types", "default"]);
    assert.deepEqual(Object.keys(exports["./embed"]), ["types", "default"]);
    assert.equal(exports["."].default, "./index.js");
    assert.equal(exports["./embed"].default, "./embed.js");
    assert.equal(exports["./khuyencong_charts_bg.wasm"], "./khuyencong_charts_bg.wasm");
    assert.equal(exports["./package.json"], "./package.json");
    assert.equal(manifest.types, "./index.d.ts");
    assert.equal(manifest.main, "./index.js");
    // Every target is a file of the package, and is listed in "files".
    const targets = [manifest.main, manifest.types];
    for (const value of Object.values(exports)) {
      targets.push(...(typeof value === "string" ? [value] : Object.values(value)));
    }
    for (const target of targets) {
      const file = target.replace(/^\.\//, "");
      assert.ok(existsSync(path.join(PACKAGE_DIR, file)), `${target} exists`);
      if (file !== "package.json") assert.ok(manifest.files.includes(file), `${file} is in "files"`);
    }
  });

  test('"files" holds every module the entry points import, and only embed.js has side effects', () => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(path.join(PACKAGE_DIR, file), "utf8");
      for (const [, spec] of text.matchAll(/^\s*(?:import|export)\b[^"';]*?from\s*["'](\.\/[^"']+)["']/gm)) {
        visit(path.posix.normalize(spec));
      }
    };
    for (const entry of ["index.js", "embed.js", "fast.js", "index.d.ts", "embed.d.ts", "fast.d.ts"]) visit(entry);
    for (const file of seen) assert.ok(manifest.files.includes(file), `${file} is in "files"`);
    assert.ok(manifest.files.includes("khuyencong_charts_bg.wasm"));
    assert.ok(manifest.files.includes("khuyencong_charts_fast_bg.wasm"));
    // embed.js, the site loader, imports what draws on demand (embed-draw.js, with the reader's
    // wasm, one file for every kind), which imports on demand what an SVG or CSV needs
    // (embed-export.js and, through it, core.js, the glue and the full build).
    const text = (file) => readFileSync(path.join(PACKAGE_DIR, file), "utf8");
    assert.ok(manifest.files.includes("khuyencong_charts_view_bg.wasm"));
    assert.match(text("embed.js"), /import\("\.\/embed-draw\.js"\)/);
    assert.match(text("embed-draw.js"), /import\("\.\/embed-export\.js"\)/);
    for (const file of ["embed.js", "embed-draw.js"]) {
      assert.match(text(file), /new URL\("\.\/khuyencong_charts_view_bg\.wasm",\s*import\.meta\.url\)/, `${file} names the reader's wasm`);
    }
    // No per-kind reader builds any more (khuyencong_charts_view_<kind>_bg.wasm).
    assert.deepEqual(manifest.files.filter((f) => /^khuyencong_charts_view_.+_bg\.wasm$/.test(f)), []);
    visit("embed-draw.js");
    visit("embed-export.js");
    for (const file of ["embed-draw.js", "embed-export.js", "core.js", "khuyencong_charts.js"]) assert.ok(seen.has(file), file);
    // chart.html, the page a chart link opens, and what it loads.
    const page = text("chart.html");
    const loaded = [...page.matchAll(/\b(?:src|href)="([^"#?:]+)"/g)].map((m) => m[1]);
    assert.deepEqual(loaded.sort(), ["chart-page.css", "chart-page.js", "embed-draw.js"]);
    visit("chart-page.js");
    for (const file of ["chart-page.js", "embed-code.js"]) assert.ok(seen.has(file), file);
    for (const file of [...seen, ...loaded, "chart.html"]) assert.ok(manifest.files.includes(file), `${file} is in "files"`);
    assert.deepEqual(manifest.sideEffects, ["./embed.js"]);
  });

  test("every function and class exported has JSDoc with an example", () => {
    for (const file of ["index.d.ts", "embed.d.ts"]) {
      const text = readFileSync(path.join(PACKAGE_DIR, file), "utf8");
      const decls = [...text.matchAll(/^export (?:declare )?(function|class|interface|type) (\w+)/gm)];
      assert.ok(decls.length > 0, file);
      for (const m of decls) {
        const before = text.slice(0, m.index).trimEnd();
        assert.ok(before.endsWith("*/"), `${file}: ${m[2]} has a JSDoc comment`);
        if (m[1] === "function" || m[1] === "class") {
          const doc = before.slice(before.lastIndexOf("/**"));
          assert.match(doc, /@example/, `${file}: ${m[2]} has an @example`);
        }
      }
    }
  });
});

describe("long strings into the module (scripts/fast-strings.mjs)", () => {
  test("a surrogate pair across a 64 K piece, and text longer in UTF-8 than in characters", async () => {
    const r = await inWorker("strings");
    assert.equal(r.pairAt, 65535);
    assert.deepEqual(r.pair, ["A𝔸B"]);
    assert.ok(r.chars > 10 * 65536 && r.bytes > r.chars + 65536, `${r.bytes} bytes, ${r.chars} chars`);
    // Each province has 6 000 records with actual = i mod 7 over its share of i.
    const names = ["Thừa Thiên Huế", "Hà Giang", "Đắk Lắk", "Bà Rịa – Vũng Tàu", "Kiên Giang"];
    const want = names.map((n, k) => {
      let sum = 0;
      for (let i = k; i < 30000; i += 5) sum += i % 7;
      return [n, String(sum)];
    });
    assert.deepEqual(r.regions, want);
  });
});

describe("khuyencong-charts/fast", () => {
  test("loads the fast build by default and gives the same analysis as the main entry point", async () => {
    const [main, fast] = await Promise.all([inWorker("analysis", { entry: "index.js" }), inWorker("analysis", { entry: "fast.js" })]);
    // Read once, though ready() was called three times.
    assert.deepEqual(main.read, ["khuyencong_charts_bg.wasm"]);
    assert.deepEqual(fast.read, ["khuyencong_charts_fast_bg.wasm"]);
    assert.ok(main.samePromise && fast.samePromise);
    assert.deepEqual(fast.exports, main.exports);
    assert.deepEqual(fast.touched, []);
    assert.equal(fast.actual, SEED.actual);
    assert.equal(fast.attainment, SEED.attainment);
    // Every figure of 5 000 records (63 groups by region, 10 by year, …), as text.
    assert.ok(main.big.length > 10000, `${main.big.length}`);
    assert.equal(fast.big, main.big);
  });

  test("the two wasm files differ, and import the same names from the one glue", () => {
    const imports = (file) =>
      WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(path.join(PACKAGE_DIR, file))))
        .map((i) => `${i.module}.${i.name}`)
        .sort();
    const a = readFileSync(path.join(PACKAGE_DIR, "khuyencong_charts_bg.wasm"));
    const b = readFileSync(path.join(PACKAGE_DIR, "khuyencong_charts_fast_bg.wasm"));
    assert.notDeepEqual(a, b);
    assert.deepEqual(imports("khuyencong_charts_fast_bg.wasm"), imports("khuyencong_charts_bg.wasm"));
  });
});

describe("importing in plain Node", () => {
  test("khuyencong-charts touches no browser global, adds none, prints nothing", async () => {
    const r = await inWorker("import-index");
    assert.deepEqual(r.touched, [], "globals read or written while importing");
    assert.deepEqual(r.added, []);
    assert.deepEqual(r.printed, []);
    assert.deepEqual(r.exports, ["KhuyenCongError", "analyze", "mount", "ready"]);
  });

  test("khuyencong-charts/embed finds no document and does nothing", async () => {
    const r = await inWorker("import-embed");
    assert.deepEqual(r.added, []);
    assert.deepEqual(r.printed, []);
    assert.ok(r.exports.includes("chartOf"));
    assert.equal(r.chartOf, null);
    // Looking whether there is a document is the one thing it may do.
    assert.deepEqual(r.touched.filter((n) => n !== "document"), []);
  });

  test("analyze before ready() throws not_ready", async () => {
    const r = await inWorker("not-ready");
    assert.equal(r.threw, true);
    assert.equal(r.instance, true);
    assert.equal(r.error.code, "not_ready");
    assert.match(r.error.message, /await ready\(\)/);
  });
});

describe("ready() takes the wasm in every form", () => {
  let server;
  before(async () => {
    server = await serve({ root: PACKAGE_DIR });
  });
  after(() => server?.close());

  const forms = {
    none: "no argument: the file next to the package (read from disk under Node)",
    buffer: "a Node Buffer (bytes)",
    arraybuffer: "an ArrayBuffer",
    module: "a WebAssembly.Module",
    response: "a Response",
    "url-string": "a URL string (http)",
    "url-object": "a URL object (http)",
  };
  // Without an argument, Node reads the file through process.getBuiltinModule (20.16, 22.3).
  const noFs = !process.getBuiltinModule && "needs Node 20.16 or later (process.getBuiltinModule)";
  for (const [form, what] of Object.entries(forms)) {
    test(`${form}: ${what}`, { skip: form === "none" && noFs }, async () => {
      const r = await inWorker("ready", { form, wasmUrl: `${server.url}khuyencong_charts_bg.wasm` });
      assert.deepEqual({ actual: r.actual, attainment: r.attainment }, SEED);
      assert.equal(r.sameCall, true, "a second ready() returns the same promise");
    });
  }

  test("a wasm of another build does not link with this glue: load_failed, not swapped functions", async () => {
    const r = await inWorker("other-build");
    assert.equal(r.first?.instance, true, "refused");
    assert.equal(r.first.code, "load_failed");
    assert.match(r.first.cause, /kc:[0-9a-f]{12}/, "the link error names the import module");
    assert.deepEqual({ actual: r.actual, attainment: r.attainment }, SEED);
  });

  test("a failed load rejects with load_failed; the next ready() loads", async () => {
    const r = await inWorker("ready-retry");
    assert.equal(r.first.instance, true);
    assert.equal(r.first.code, "load_failed");
    assert.match(r.first.cause, /404/);
    assert.deepEqual({ actual: r.actual, attainment: r.attainment }, SEED);
  });
});

describe("analyze in Node", () => {
  let kc;
  before(async () => {
    kc = await import(pathToFileURL(path.join(PACKAGE_DIR, "index.js")).href);
    await kc.ready(readFileSync(path.join(PACKAGE_DIR, "khuyencong_charts_bg.wasm")));
  });
  const data = () => JSON.parse(readFileSync(DATA_FILE, "utf8"));

  test("gives the seed article's figures from www/data/phia-bac-2022.json", () => {
    const a = kc.analyze(data());
    assert.equal(a.total.text.actual, "170,4 tỷ đồng");
    assert.equal(a.total.text.attainment, "95,2%");
    assert.equal(a.total.actual, "170.4");
    assert.equal(a.bySource[0].text.share, "46,7%");
    assert.deepEqual(a.warnings.map((w) => w.code), ["total_mismatch"]);
    assert.equal(kc.analyze(readFileSync(DATA_FILE, "utf8"), { locale: "en" }).total.text.actual, "170.4 billion VND");
  });

  test("errors are KhuyenCongError with code, path and message", () => {
    const e = captured(() => kc.analyze({ ...data(), records: [{ source: "kcqg", plan: "1,5" }] }));
    assert.ok(e instanceof kc.KhuyenCongError && e instanceof Error && e.name === "KhuyenCongError");
    assert.equal(e.code, "invalid_amount");
    assert.equal(e.path, "records[0].plan");
    assert.match(e.message, /^records\[0\]\.plan: .*"1\.5"/);
  });

  test('schema version: 1 or absent is read; any other number is unsupported_version', () => {
    const d = data();
    delete d.version;
    assert.equal(kc.analyze(d).total.text.actual, SEED.actual);
    assert.equal(kc.analyze({ ...d, version: 1 }).total.text.actual, SEED.actual);
    for (const version of [2, 0, -1, 99999999999]) {
      const e = captured(() => kc.analyze({ ...d, version }));
      assert.equal(e.code, "unsupported_version", `version ${version}`);
      assert.equal(e.path, "version");
    }
    const en = captured(() => kc.analyze({ ...d, version: 2 }, { locale: "en" }));
    assert.equal(en.message, 'version: schema version "2" is not supported; the current version is 1.');
    const vi = captured(() => kc.analyze({ ...d, version: 2 }));
    assert.equal(vi.message, 'version: phiên bản lược đồ "2" không được hỗ trợ; phiên bản hiện tại là 1.');
    // Not a number at all: a type error at the same path.
    for (const version of ["1", true, 1.5]) {
      const e = captured(() => kc.analyze({ ...d, version }));
      assert.equal(e.code, "wrong_type", `version ${JSON.stringify(version)}`);
      assert.equal(e.path, "version");
    }
  });

  test("mount without a DOM rejects with a KhuyenCongError instead of crashing", async () => {
    await assert.rejects(kc.mount(null, data()), (e) => e instanceof kc.KhuyenCongError);
  });
});

describe("the installed package resolves through its exports", { skip: !APP_DIR && "KC_APP_DIR not set" }, () => {
  test('"khuyencong-charts", "/embed", "/package.json" and the wasm resolve; internals do not', async () => {
    // A module inside the app, so that bare specifiers resolve from its node_modules.
    const probe = path.join(APP_DIR, "exports-probe.mjs");
    writeFileSync(
      probe,
      [
        'import * as api from "khuyencong-charts";',
        'import * as embed from "khuyencong-charts/embed";',
        'import manifest from "khuyencong-charts/package.json" with { type: "json" };',
        'export const wasm = import.meta.resolve("khuyencong-charts/khuyencong_charts_bg.wasm");',
        "export { api, embed, manifest };",
        "export async function internal() {",
        '  try { await import("khuyencong-charts/khuyencong_charts.js"); return "importable"; }',
        "  catch (e) { return e.code; }",
        "}",
      ].join("\n"),
    );
    const m = await import(pathToFileURL(probe).href);
    assert.deepEqual(Object.keys(m.api).sort(), ["KhuyenCongError", "analyze", "mount", "ready"]);
    assert.equal(typeof m.embed.chartOf, "function");
    assert.equal(m.manifest.name, "khuyencong-charts");
    assert.ok(existsSync(fileURLToPath(m.wasm)), m.wasm);
    assert.equal(await m.internal(), "ERR_PACKAGE_PATH_NOT_EXPORTED");
    await m.api.ready();
    assert.equal(m.api.analyze(readFileSync(DATA_FILE, "utf8")).total.text.actual, SEED.actual);
  });

  // The README's Node examples (```js node blocks), each run as a module of the app by a fresh
  // `node`, the way a reader would; every `// → value` comment is what that line prints.
  const readme = readFileSync(process.env.KC_README ?? path.join(REPO, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js node\n([\s\S]*?)```/g)].map((m) => m[1]);
  test("README.md has Node examples (```js node blocks)", () => {
    assert.ok(blocks.length >= 1, "no ```js node block in README.md");
  });
  for (const [n, code] of blocks.entries()) {
    const noFs = /await ready\(\)/.test(code) && !process.getBuiltinModule && "needs Node 20.16 or later";
    test(`README Node example ${n + 1} prints what its comments say`, { skip: noFs }, async () => {
      const expected = code
        .split("\n")
        .filter((line) => line.includes("console.log("))
        .map((line) => {
          const m = line.match(/\/\/ → (.*)$/);
          assert.ok(m, `every console.log line states its output: ${line}`);
          return m[1];
        });
      assert.ok(expected.length >= 1);
      const file = path.join(APP_DIR, `readme-node-${n + 1}.mjs`);
      writeFileSync(file, code);
      const { stdout, stderr } = await execFile(process.execPath, [file], { cwd: APP_DIR });
      assert.equal(stderr, "");
      assert.deepEqual(stdout.trimEnd().split("\n"), expected);
    });
  }
});

function captured(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}
