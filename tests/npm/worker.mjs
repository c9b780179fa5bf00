// One task of tests/npm/node.test.mjs in a worker thread: each worker has its own globals and its
// own module graph, so the package is imported fresh there (ready() loads the wasm only once per
// module graph, and the traps below must not leak into the test process).
//
// workerData: { task, packageDir, dataFile, wasmUrl? } → posts { ok: true, ... } or
// { ok: false, error }.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

import { prng } from "../../bench/prng.js";

const { task, packageDir, dataFile, wasmUrl } = workerData;
const entry = (name) => pathToFileURL(path.join(packageDir, name)).href;
const wasmFile = path.join(packageDir, "khuyencong_charts_bg.wasm");

// Globals that exist only in browsers (or that a library must not use while being imported:
// fetch and friends exist in Node too). Each is replaced by a getter that records the access and
// returns what was there, so behaviour is unchanged: `typeof document` is still "undefined".
const BROWSER_GLOBALS = [
  "window", "self", "document", "navigator", "location", "history", "customElements",
  "HTMLElement", "Element", "Node", "HTMLCanvasElement", "CustomEvent", "addEventListener",
  "removeEventListener", "dispatchEvent", "matchMedia", "getComputedStyle", "ResizeObserver",
  "MutationObserver", "IntersectionObserver", "requestAnimationFrame", "cancelAnimationFrame",
  "devicePixelRatio", "innerWidth", "innerHeight", "screen", "localStorage", "sessionStorage",
  "indexedDB", "XMLHttpRequest", "Image", "OffscreenCanvas", "CSS", "fetch", "Request",
  "Response", "Headers", "WebSocket", "Worker", "setTimeout", "setInterval", "queueMicrotask",
];

function trapGlobals() {
  const touched = new Set();
  for (const name of BROWSER_GLOBALS) {
    const had = Object.getOwnPropertyDescriptor(globalThis, name);
    const value = globalThis[name];
    if (had && !had.configurable) continue;
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: had ? had.enumerable : false,
      get() {
        touched.add(name);
        return value;
      },
      set(v) {
        touched.add(name);
        Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true });
      },
    });
  }
  return touched;
}

function trapConsole() {
  const calls = [];
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    console[level] = (...args) => calls.push(`${level}: ${args.join(" ")}`);
  }
  return calls;
}

function seed(kc) {
  const data = JSON.parse(readFileSync(dataFile, "utf8"));
  const a = kc.analyze(data);
  return { actual: a.total.text.actual, attainment: a.total.text.attainment };
}

function errorOf(e) {
  return { name: e?.name, code: e?.code, message: String(e?.message ?? e), kc: e?.name === "KhuyenCongError" };
}

async function wasmFor(form) {
  const bytes = readFileSync(wasmFile);
  switch (form) {
    case "none":
      return undefined;
    case "buffer": // a Node Buffer is a Uint8Array
      return bytes;
    case "arraybuffer":
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    case "module":
      return new WebAssembly.Module(bytes);
    case "response":
      return new Response(bytes, { headers: { "Content-Type": "application/wasm" } });
    case "url-string":
      return wasmUrl;
    case "url-object":
      return new URL(wasmUrl);
    default:
      throw new Error(`unknown form ${form}`);
  }
}

/** JSON text of `n` made-up records (deterministic), amounts with 0–3 fraction digits. */
function records(n) {
  const r = prng(12345);
  const amount = () => (r.chance(0.5) ? String(r.int(0, 99999)) : `${r.int(0, 99999)}.${r.int(1, 999)}`.replace(/0+$/, ""));
  const list = [];
  for (let i = 0; i < n; i++) {
    list.push({
      source: r.pick(["kcqg", "kcdp"]),
      region: `Tỉnh ${r.int(1, 63)}`,
      year: r.int(2016, 2025),
      category: `Hoạt động ${r.int(1, 6)}`,
      plan: amount(),
      actual: amount(),
      counterpart: amount(),
      projects: r.int(0, 20),
    });
  }
  return JSON.stringify({ title: "Số liệu thử", unit: "trieu_dong", records: list });
}

const tasks = {
  // Long JSON texts with non-ASCII text, which the glue writes into the module's memory in
  // pieces of 64 K characters (scripts/fast-strings.mjs): a surrogate pair across a piece's end,
  // and more UTF-8 bytes than characters (the buffer grows). Returns what analyze() read.
  async strings() {
    const kc = await import(entry("index.js"));
    await kc.ready();
    const out = {};
    // "𝔸" (U+1D538) is two UTF-16 units; the whitespace puts them at indices 65535 and 65536.
    const head = '{"title":"T","unit":"ty_dong","records":[';
    const at = head.length + '{"region":"A'.length;
    const pair = head + " ".repeat(65535 - at) + '{"region":"A𝔸B","actual":"1"}]}';
    out.pairAt = pair.indexOf("𝔸");
    out.pair = kc.analyze(pair).byRegion.map((g) => g.key);
    // 30 000 records named by five provinces with diacritics: ~1.6 MB of UTF-8 from 1.4 M chars.
    const names = ["Thừa Thiên Huế", "Hà Giang", "Đắk Lắk", "Bà Rịa – Vũng Tàu", "Kiên Giang"];
    const records = Array.from({ length: 30000 }, (_, i) => ({ region: names[i % 5], actual: String(i % 7) }));
    const text = JSON.stringify({ title: "Số liệu thử dài", unit: "trieu_dong", records });
    out.chars = text.length;
    out.bytes = Buffer.byteLength(text);
    const a = kc.analyze(text);
    out.regions = a.byRegion.map((g) => [g.key, g.actual]);
    return out;
  },


  // An entry point ("index.js" or "fast.js"): its exports, the browser globals importing it
  // touched, the wasm file ready() reads by default, and its analysis of the seed and of 5 000 made-up records.
  async analysis() {
    const touched = trapGlobals();
    const kc = await import(entry(workerData.entry));
    const touchedOnImport = [...touched];
    const fs = process.getBuiltinModule("fs");
    const read = [];
    const readFile = fs.promises.readFile;
    fs.promises.readFile = (file, ...rest) => {
      read.push(path.basename(String(file instanceof URL ? file.pathname : file)));
      return readFile(file, ...rest);
    };
    // Only the first call reads the file; later ones return the same promise.
    const first = kc.ready();
    const again = kc.ready();
    await first;
    await kc.ready();
    fs.promises.readFile = readFile;
    return {
      samePromise: first === again,
      exports: Object.keys(kc).sort(),
      touched: touchedOnImport,
      read,
      ...seed(kc),
      big: JSON.stringify(kc.analyze(records(5000))),
    };
  },


  // Import the entry point with every browser global trapped: nothing may be touched, no
  // global added, nothing printed.
  async "import-index"() {
    const touched = trapGlobals();
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const printed = trapConsole();
    const kc = await import(entry("index.js"));
    const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n));
    return { touched: [...touched], added, printed, exports: Object.keys(kc).sort() };
  },

  // The embed script in Node (server-side rendering imports it too): it may look for a
  // document, finds none, and does nothing.
  async "import-embed"() {
    const touched = trapGlobals();
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const printed = trapConsole();
    const embed = await import(entry("embed.js"));
    const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n));
    return { touched: [...touched], added, printed, exports: Object.keys(embed).sort(), chartOf: embed.chartOf({}) };
  },

  async "not-ready"() {
    const kc = await import(entry("index.js"));
    try {
      kc.analyze(JSON.parse(readFileSync(dataFile, "utf8")));
      return { threw: false };
    } catch (e) {
      return { threw: true, error: errorOf(e), instance: e instanceof kc.KhuyenCongError };
    }
  },

  // ready(<form>), then analyze the seed data; a second ready() returns at once.
  async ready() {
    const kc = await import(entry("index.js"));
    const wasm = await wasmFor(workerData.form);
    const p = kc.ready(wasm);
    const again = kc.ready();
    await p;
    await again;
    return { sameCall: p === again, ...seed(kc) };
  },

  // A failed load rejects with load_failed and leaves ready() usable: the next call loads.
  async "ready-retry"() {
    const kc = await import(entry("index.js"));
    let first = null;
    try {
      await kc.ready(new Response("Not Found", { status: 404, statusText: "Not Found" }));
    } catch (e) {
      first = { ...errorOf(e), instance: e instanceof kc.KhuyenCongError, cause: String(e.cause?.message ?? "") };
    }
    await kc.ready(readFileSync(wasmFile));
    return { first, ...seed(kc) };
  },
  /** The wasm of another build (its import module, a hash of its imports, differs) with this
   * glue: refused at link time, not run with functions swapped. */
  async "other-build"() {
    const kc = await import(entry("index.js"));
    const bytes = readFileSync(wasmFile);
    const at = bytes.indexOf("kc:");
    const name = bytes.toString("latin1", at, at + 15);
    if (at < 0 || !/^kc:[0-9a-f]{12}$/.test(name)) throw new Error(`no hashed import module in the wasm (${name})`);
    const other = Buffer.from(bytes);
    other.write(name.slice(0, 3) + [...name.slice(3)].map((c) => (c === "0" ? "1" : "0")).join(""), at, "latin1");
    let first = null;
    try {
      await kc.ready(other);
    } catch (e) {
      first = { ...errorOf(e), instance: e instanceof kc.KhuyenCongError, cause: String(e.cause?.message ?? "") };
    }
    await kc.ready(bytes);
    return { first, ...seed(kc) };
  },
};

try {
  parentPort.postMessage({ ok: true, ...(await tasks[task]()) });
} catch (e) {
  parentPort.postMessage({ ok: false, error: errorOf(e) });
}
