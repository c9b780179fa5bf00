// The two scripts that rewrite wasm-bindgen's output (scripts/short-imports.mjs,
// scripts/fast-strings.mjs), against what this wasm-bindgen writes for this crate: they apply to
// it, what they produce still works, and on anything else they stop, change nothing and name the
// wasm-bindgen version, so that a wasm-bindgen bump cannot slip a half-rewritten glue through.
//
// Reads wasm-bindgen's untouched output of the fast build, which `make package` leaves in
// $BUILD_DIR/fast-bindgen/ (default target/size), and the reader's build's wasm from
// $BUILD_DIR/view-bindgen/. Run: make test-tooling (after make package).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";

import { ORIGINAL, REPLACEMENT, WRITTEN_FOR, patch } from "../../scripts/fast-strings.mjs";
import { wasmBindgenVersion } from "../../scripts/wasm-bindgen-version.mjs";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const BUILD_DIR = path.resolve(ROOT, process.env.BUILD_DIR ?? "target/size");
const RAW_GLUE = path.join(BUILD_DIR, "fast-bindgen", "khuyencong_charts.js");
const RAW_WASM = path.join(BUILD_DIR, "fast-bindgen", "khuyencong_charts_bg.wasm");
const VIEW_WASM = path.join(BUILD_DIR, "view-bindgen", "khuyencong_charts_bg.wasm");
const VERSION = wasmBindgenVersion();

let dir;
let rawGlue;
before(() => {
  for (const file of [RAW_GLUE, RAW_WASM, VIEW_WASM]) {
    assert.ok(existsSync(file), `${file} is missing: run make package first (or set BUILD_DIR)`);
  }
  rawGlue = readFileSync(RAW_GLUE, "utf8");
  dir = mkdtempSync(path.join(tmpdir(), "glue-test-"));
  // The glue is an ES module written as .js.
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Runs a script of scripts/ on the given arguments: `{ status, stdout, stderr }`. */
function run(script, ...args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", script), ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let copies = 0;
/** A fresh copy of each (name, bytes or text) in the temporary folder: their paths. */
function copy(files) {
  const sub = path.join(dir, String(copies++));
  mkdirSync(sub);
  return Object.entries(files).map(([name, content]) => {
    const file = path.join(sub, name);
    writeFileSync(file, content);
    return file;
  });
}

/** The passStringToWasm0 function of a glue's text. */
function passStringToWasm0Of(glue) {
  const start = glue.indexOf("function passStringToWasm0(");
  assert.ok(start >= 0, "the glue has passStringToWasm0");
  return glue.slice(start, glue.indexOf("\n}\n", start) + 2);
}

/**
 * The function of a glue's text, run over a memory of its own with a logging allocator:
 * string → { bytes, calls } (what reached the memory, and the malloc/realloc calls made).
 */
function encoderOf(glue) {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 4096 });
  const bytes = () => new Uint8Array(memory.buffer);
  let top = 8;
  let calls = [];
  const reserve = (end) => {
    const short = end - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / 65536));
  };
  const malloc = (size, align) => {
    calls.push(["malloc", size, align]);
    const p = top;
    reserve(p + size);
    top += size;
    return p;
  };
  // Always moves, so that a write past the old size or a lost prefix would show.
  const realloc = (ptr, old, size, align) => {
    calls.push(["realloc", old, size, align]);
    const p = top;
    reserve(p + size);
    top += size;
    bytes().copyWithin(p, ptr, ptr + Math.min(old, size));
    bytes().fill(0xee, ptr, ptr + old);
    return p;
  };
  const pass = new Function(
    "getUint8ArrayMemory0",
    `let WASM_VECTOR_LEN = 0;\nconst cachedTextEncoder = new TextEncoder();\n${passStringToWasm0Of(glue)}\n` +
      "return (arg, malloc, realloc) => [passStringToWasm0(arg, malloc, realloc), WASM_VECTOR_LEN];",
  )(bytes);
  return (s) => {
    calls = [];
    top = 8;
    const [ptr, len] = pass(s, malloc, realloc);
    return { bytes: Buffer.from(bytes().slice(ptr, ptr + len)), calls };
  };
}

describe("fast-strings.mjs", () => {
  test(`applies to the glue of wasm-bindgen ${VERSION}, the version it was written for`, () => {
    assert.equal(
      WRITTEN_FOR,
      VERSION,
      `Cargo.lock has wasm-bindgen ${VERSION}; scripts/fast-strings.mjs was written for ${WRITTEN_FOR}: check ` +
        "that passStringToWasm0 is still the same code, then set WRITTEN_FOR",
    );
    const patched = patch(rawGlue);
    assert.equal(patched.split(REPLACEMENT).length - 1, 1);
    assert.equal(patched.split(ORIGINAL).length - 1, 0);
    const [glue] = copy({ "glue.js": rawGlue });
    const r = run("fast-strings.mjs", glue);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(glue, "utf8"), patched);
  });

  test("stops on any other text, names the wasm-bindgen version, changes nothing", () => {
    const changed = rawGlue.replace("arg.length * 3", "arg.length * 3 + 1");
    assert.notEqual(changed, rawGlue);
    for (const text of [changed, patch(rawGlue)]) {
      const [glue] = copy({ "glue.js": text });
      const r = run("fast-strings.mjs", glue);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`Cargo\\.lock has wasm-bindgen ${VERSION.replaceAll(".", "\\.")}`));
      assert.match(r.stderr, new RegExp(`wasm-bindgen ${WRITTEN_FOR.replaceAll(".", "\\.")} this patch was written for`));
      assert.match(r.stderr, /Nothing was changed/);
      assert.equal(readFileSync(glue, "utf8"), text);
    }
  });

  test("hands the module the bytes wasm-bindgen's code does, with the same allocations for short strings", () => {
    const original = encoderOf(rawGlue);
    const patched = encoderOf(patch(rawGlue));
    const long = (n, s) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
    const cases = {
      empty: "",
      ascii: "Kinh phi khuyen cong",
      vietnamese: "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022",
      "non-ASCII first": "Đắk Lắk",
      "astral and lone surrogates": "A𝔸B\uD800x\uDC00",
      // Pieces start after the ASCII prefix: "ạ" makes it empty, so index 65535 ends the first.
      "a pair across the 64 K piece": `ạ${"x".repeat(65534)}𝔸${"ạ".repeat(70000)}`,
      "a lone high surrogate at the piece's end": `ạ${"y".repeat(65534)}\uD800${"z".repeat(10)}`,
      "ASCII, then non-ASCII past 64 K": `${"a".repeat(200000)}ố${"b".repeat(100)}`,
      "three-byte text of 300 K characters": long(300000, "Thừa Thiên Huế – Hà Giang – "),
    };
    for (const [name, s] of Object.entries(cases)) {
      const a = original(s);
      const b = patched(s);
      assert.ok(b.bytes.equals(a.bytes), `${name}: the same bytes`);
      assert.ok(a.bytes.equals(Buffer.from(new TextEncoder().encode(s))), `${name}: UTF-8 of the string`);
      if (s.length <= 65536) assert.deepEqual(b.calls, a.calls, `${name}: the same allocations`);
    }
  });
});

describe("short-imports.mjs", () => {
  /** The import modules and names of a wasm file. */
  const importsOf = (file) => WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(file)));

  test(`renames every import of wasm-bindgen ${VERSION}'s output, and wasm and glue still link and run`, async () => {
    const before = importsOf(RAW_WASM);
    assert.ok(before.some((i) => i.name.startsWith("__wbg_")), "wasm-bindgen's hashed names");
    const [wasm, glue, other] = copy({
      "k_bg.wasm": readFileSync(RAW_WASM),
      "k.js": rawGlue,
      "other_bg.wasm": readFileSync(RAW_WASM),
    });
    const r = run("short-imports.mjs", wasm, glue, other);
    assert.equal(r.status, 0, r.stderr);
    const after = importsOf(wasm);
    assert.equal(after.length, before.length);
    assert.deepEqual(new Set(after.map((i) => i.module)).size, 1);
    assert.match(after[0].module, /^kc:[0-9a-f]{12}$/);
    assert.ok(after.every((i) => /^\$[0-9a-z]+$/.test(i.name)), "short names only");
    assert.deepEqual(importsOf(other), after, "the other wasm gets the same names");
    const text = readFileSync(glue, "utf8");
    assert.doesNotMatch(text, /__wbg_\w+_[0-9a-f]{16}/);
    // The rewritten pair links (a name the glue lacks would fail here) and answers.
    const mod = await import(pathToFileURL(glue).href);
    mod.initSync({ module: new WebAssembly.Module(readFileSync(wasm)) });
    const a = mod.analyze('{"title":"T","unit":"ty_dong","records":[{"source":"kcqg","actual":"1.5"}]}', "{}");
    assert.equal(a.total.actual, "1.5");
  });

  test("stops on a glue or wasm it does not expect, names the wasm-bindgen version, changes nothing", () => {
    const name = importsOf(RAW_WASM).find((i) => i.name.startsWith("__wbg_")).name;
    const cases = {
      // An import name the glue holds twice (or not at all): which one to rename?
      "a name twice": [rawGlue.replace("function __wbg_get_imports() {", `// ${name}\nfunction __wbg_get_imports() {`), RAW_WASM, RAW_WASM],
      "a name missing": [rawGlue.replaceAll(name, `${name}x`), RAW_WASM, null],
      // The reader's build imports fewer names: not the same code, so not the same glue.
      "another build's wasm": [rawGlue, RAW_WASM, VIEW_WASM],
    };
    for (const [what, [glueText, wasmFile, otherFile]] of Object.entries(cases)) {
      const files = { "k_bg.wasm": readFileSync(wasmFile), "k.js": glueText };
      if (otherFile) files["other_bg.wasm"] = readFileSync(otherFile);
      const paths = copy(files);
      const before = paths.map((p) => readFileSync(p));
      const r = run("short-imports.mjs", ...paths);
      assert.equal(r.status, 1, `${what}: ${r.stdout}`);
      assert.match(r.stderr, new RegExp(`wasm-bindgen ${VERSION.replaceAll(".", "\\.")} \\(Cargo\\.lock\\)`), what);
      assert.match(r.stderr, /nothing was changed/, what);
      paths.forEach((p, i) => assert.ok(readFileSync(p).equals(before[i]), `${what}: ${path.basename(p)} unchanged`));
    }
    // Run twice: the second run finds no wasm-bindgen names and stops.
    const paths = copy({ "k_bg.wasm": readFileSync(RAW_WASM), "k.js": rawGlue });
    assert.equal(run("short-imports.mjs", ...paths).status, 0);
    const again = run("short-imports.mjs", ...paths);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /not yet rewritten/);
  });
});
