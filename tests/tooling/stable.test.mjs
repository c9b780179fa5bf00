// The package built by the stable toolchain alone (make package-stable, into $STABLE_PKG) does
// what the published one (pkg/, the pinned nightly's) does: each wasm file instantiates with its
// glue and exports the same names, and analyze() gives the same answer, error or analysis, for
// every case of tests/cases/ and every file of www/data/ (in both languages and with the 2025
// regions), through the main and the fast entry points. Run: make test-stable.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, test } from "node:test";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PUBLISHED = path.join(ROOT, "pkg");
const STABLE = process.env.STABLE_PKG ? path.resolve(ROOT, process.env.STABLE_PKG) : null;
const skip = STABLE ? false : "STABLE_PKG is not set (make test-stable sets it)";
const WASM_FILES = ["khuyencong_charts_bg.wasm", "khuyencong_charts_fast_bg.wasm", "khuyencong_charts_view_bg.wasm"];

// Every answer of one package and entry point, in a process of its own (ready() loads one build
// per process). Prints one JSON array: per input, the analysis or the error's name, code, path
// and message.
const ANSWERS = `
const [entry, inputsFile] = process.argv.slice(1);
const { readFileSync } = await import("node:fs");
const { ready, analyze } = await import(entry);
await ready();
const out = [];
for (const [data, options] of JSON.parse(readFileSync(inputsFile, "utf8"))) {
  try {
    out.push({ ok: analyze(data, options ?? undefined) });
  } catch (e) {
    out.push({ error: { name: e.name, code: e.code, path: e.path, message: e.message } });
  }
}
process.stdout.write(JSON.stringify(out));
`;

/** [label, data, options] for every case and data file. */
function inputs() {
  const list = [];
  const cases = path.join(ROOT, "tests", "cases");
  for (const name of readdirSync(cases).filter((n) => n.endsWith(".json")).sort()) {
    const c = JSON.parse(readFileSync(path.join(cases, name), "utf8"));
    list.push([`tests/cases/${name}`, c.inputText ?? c.input, c.options ?? null]);
  }
  const data = path.join(ROOT, "www", "data");
  for (const name of readdirSync(data).filter((n) => n.endsWith(".json")).sort()) {
    const text = readFileSync(path.join(data, name), "utf8");
    for (const options of [null, { locale: "en" }, { regions: "2025", percentDigits: 2 }]) {
      list.push([`www/data/${name} ${JSON.stringify(options)}`, text, options]);
    }
  }
  return list;
}

function answers(packageDir, entry, inputsFile) {
  const r = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", ANSWERS, pathToFileURL(path.join(packageDir, entry)).href, inputsFile],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  assert.equal(r.status, 0, `${packageDir}/${entry}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe("the stable toolchain's package", { skip }, () => {
  test("every wasm file instantiates with its glue and exports what the published one does", async () => {
    for (const file of WASM_FILES) {
      assert.ok(existsSync(path.join(STABLE, file)), `${file} was built`);
      const names = (dir) =>
        WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(path.join(dir, file))))
          .map((e) => `${e.kind} ${e.name}`)
          .sort();
      assert.deepEqual(names(STABLE), names(PUBLISHED), file);
    }
    // The main and fast files with the package's glue; the reader's with the glue the build
    // bundled into embed-draw.js (left beside the package, in view-bindgen/).
    const pairs = [
      ["khuyencong_charts_bg.wasm", path.join(STABLE, "khuyencong_charts.js")],
      ["khuyencong_charts_fast_bg.wasm", path.join(STABLE, "khuyencong_charts.js")],
      ["khuyencong_charts_view_bg.wasm", path.join(STABLE, "..", "view-bindgen", "khuyencong_charts.js")],
    ];
    for (const [file, glue] of pairs) {
      // A fresh module instance per file: the query string makes the import a new one.
      const mod = await import(`${pathToFileURL(glue).href}?${file}`);
      assert.doesNotThrow(() => mod.initSync({ module: new WebAssembly.Module(readFileSync(path.join(STABLE, file))) }), file);
    }
  });

  test("analyze() answers every case and data file as the published build does", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const list = inputs();
    const dir = mkdtempSync(path.join(tmpdir(), "stable-test-"));
    try {
      const inputsFile = path.join(dir, "inputs.json");
      writeFileSync(inputsFile, JSON.stringify(list.map(([, data, options]) => [data, options])));
      for (const entry of ["index.js", "fast.js"]) {
        const want = answers(PUBLISHED, entry, inputsFile);
        const got = answers(STABLE, entry, inputsFile);
        assert.equal(got.length, list.length);
        let errors = 0;
        list.forEach(([label], i) => {
          assert.deepEqual(got[i], want[i], `${entry}: ${label}`);
          if (got[i].error) errors++;
        });
        // Both kinds of answer were compared, not only one.
        assert.ok(errors > 100 && list.length - errors > 100, `${entry}: ${errors} errors of ${list.length}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
