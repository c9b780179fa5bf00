// Transfer-size check (issue #8): what a reader downloads for one embedded chart, compressed,
// against Chart.js 4's chart.umd.min.js. Sizes are deterministic, so this can run in `make test`.
//
// The download set is found from the package itself: pkg/embed.js and every module it imports,
// transitively (static `import … from "./x.js"`, `export … from "./x.js"`, `import "./x.js"`),
// plus one of the wasm files they name with `new URL("x", import.meta.url)`: embed.js loads the
// file of the page's one chart kind (khuyencong_charts_view_<kind>_bg.wasm), or the file of all
// kinds for a page of several. One chart's figure is the largest one-kind page's; the page of
// several kinds is reported beside it. A dynamic `import("./x.js")` is loaded on demand
// (embed.js's SVG and CSV exports, an error's sentence): what it reaches is listed apart and not
// counted. The scanner skips comments, strings and regular expressions, so it keeps working on
// minified files. Each file is compressed on its own, as a server sends it: gzip level 9 and
// brotli quality 11 (node:zlib).
//
//   node scripts/check-size.mjs                     budget: one chart ≤ 0.85 × Chart.js's gzip size
//   node scripts/check-size.mjs --max-bytes N       budget: one chart ≤ N bytes (gzip) instead
//   node scripts/check-size.mjs --max-bytes-all N   and a page of several kinds ≤ N bytes (gzip)
//   node scripts/check-size.mjs --report            print the table only, exit 0
//   node scripts/check-size.mjs --pkg www/pkg       another package folder (default pkg)
//
// Exits 1 when over budget (or when a file the package refers to is missing), 0 otherwise.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CHARTJS_FILE = path.join(ROOT, "node_modules", "chart.js", "dist", "chart.umd.min.js");
export const BUDGET_RATIO = 0.85;

// ---- compression ------------------------------------------------------------------------------

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

// ---- what a module refers to ----------------------------------------------------------------------

const REGEX_AFTER_WORD = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do",
  "else", "yield", "await",
]);

/**
 * JavaScript tokens, enough to find import specifiers: { t: "name" | "string" | "punct", v }.
 * Comments are dropped; strings (and templates without substitutions) keep their value;
 * regular expression literals and template substitutions are skipped over.
 */
export function tokenize(src) {
  const tokens = [];
  let i = 0;
  const n = src.length;
  /** Brace depth at which each open template substitution `${` returns to its template. */
  const templates = [];
  let depth = 0;
  const prev = () => tokens[tokens.length - 1];
  const regexAllowed = () => {
    const p = prev();
    if (!p) return true;
    if (p.t === "string") return false;
    if (p.t === "name") return REGEX_AFTER_WORD.has(p.v);
    return !(p.v === ")" || p.v === "]");
  };
  /** Reads a template from after its opening backtick (or a substitution's closing brace). */
  const template = () => {
    let value = "";
    while (i < n) {
      const c = src[i];
      if (c === "\\") {
        value += src[i + 1];
        i += 2;
      } else if (c === "`") {
        i++;
        return { done: true, value };
      } else if (c === "$" && src[i + 1] === "{") {
        i += 2;
        templates.push(depth);
        depth++;
        return { done: false, value };
      } else {
        value += c;
        i++;
      }
    }
    return { done: true, value };
  };
  while (i < n) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && src[i + 1] === "/") {
      while (i < n && src[i] !== "\n" && src[i] !== "\r" && src[i] !== "\u2028" && src[i] !== "\u2029") i++;
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      let value = "";
      i++;
      while (i < n && src[i] !== c) {
        if (src[i] === "\\") {
          value += src[i + 1];
          i += 2;
        } else value += src[i++];
      }
      i++;
      tokens.push({ t: "string", v: value });
    } else if (c === "`") {
      i++;
      const { done, value } = template();
      tokens.push(done ? { t: "string", v: value } : { t: "punct", v: "`${" });
    } else if (c === "/" && regexAllowed()) {
      // A regular expression literal: to its closing slash (not inside a class), then flags.
      i++;
      let inClass = false;
      while (i < n) {
        const d = src[i];
        if (d === "\\") i += 2;
        else {
          i++;
          if (d === "[") inClass = true;
          else if (d === "]") inClass = false;
          else if (d === "/" && !inClass) break;
          else if (d === "\n") break;
        }
      }
      while (i < n && /[\w$]/.test(src[i])) i++;
      tokens.push({ t: "punct", v: "/regex/" });
    } else if (/[\p{ID_Start}$_\\]/u.test(c)) {
      let j = i + 1;
      while (j < n && /[\p{ID_Continue}$\u200c\u200d]/u.test(src[j])) j++;
      tokens.push({ t: "name", v: src.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(src[j])) j++;
      tokens.push({ t: "name", v: src.slice(i, j) }); // a number: neither a keyword nor a string
      i = j;
    } else if (c === "}" && templates.length && templates[templates.length - 1] === depth - 1) {
      // The end of a template substitution: back into the template.
      templates.pop();
      depth--;
      i++;
      const { done } = template();
      tokens.push({ t: "punct", v: done ? "}`" : "}${" });
    } else {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      tokens.push({ t: "punct", v: c });
      i++;
    }
  }
  return tokens;
}

/** The specifiers a module refers to: { imports: [...], lazy: [...], urls: [...] } (relative or
 * not; `lazy` are dynamic imports). */
export function references(src) {
  const tk = tokenize(src);
  const imports = [];
  const lazy = [];
  const urls = [];
  const is = (k, t, v) => tk[k] && tk[k].t === t && (v === undefined || tk[k].v === v);
  for (let k = 0; k < tk.length; k++) {
    // import "x" | … from "x" (import and export declarations; `from` then a string is valid
    // nowhere else) | import("x") (lazy)
    if (is(k, "name", "import") && is(k + 1, "string")) imports.push(tk[k + 1].v);
    else if (is(k, "name", "from") && is(k + 1, "string")) imports.push(tk[k + 1].v);
    else if (is(k, "name", "import") && is(k + 1, "punct", "(") && is(k + 2, "string") && is(k + 3, "punct", ")")) {
      lazy.push(tk[k + 2].v);
    } else if (
      is(k, "name", "new") && is(k + 1, "name", "URL") && is(k + 2, "punct", "(") && is(k + 3, "string") &&
      is(k + 4, "punct", ",") && is(k + 5, "name", "import") && is(k + 6, "punct", ".") &&
      is(k + 7, "name", "meta") && is(k + 8, "punct", ".") && is(k + 9, "name", "url")
    ) {
      urls.push(tk[k + 3].v);
    }
  }
  return { imports, lazy, urls };
}

/** Whether a specifier names a file next to the module (not a bare package, not another site). */
const isLocal = (spec) => !/^[a-z][a-z0-9+.-]*:/i.test(spec) && !spec.startsWith("/") && spec !== "";

/**
 * `{ eager, wasm, onDemand }` for `entry` (an absolute path): `eager`, the modules a reader
 * downloads: the entry and the modules it imports, transitively; `wasm`, the other files they
 * reach with new URL(…, import.meta.url): the wasm files, of which a page loads one (embed.js
 * picks the one-kind or all-kinds file, see KIND_FILES there); `onDemand`, the files its
 * dynamic imports reach besides, transitively (loaded only when the page asks for them). Throws
 * if one is missing. Bare imports (other packages) are refused: the package must be
 * self-contained.
 */
export function downloadSets(entry) {
  const seen = new Set();
  /** The modules `start` reaches, in order; the other files they name (`reached`); their
   * dynamic imports (`lazy`). */
  const walk = (start) => {
    const order = [];
    const reached = [];
    const lazy = [];
    const visit = (file, isModule) => {
      if (seen.has(file)) return;
      if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is referred to but missing`);
      seen.add(file);
      if (!isModule) {
        reached.push(file);
        return;
      }
      order.push(file);
      const refs = references(readFileSync(file, "utf8"));
      const local = (spec) => {
        if (!spec.startsWith("./") && !spec.startsWith("../")) {
          throw new Error(`${path.relative(ROOT, file)} imports "${spec}": not a file of the package`);
        }
        return path.resolve(path.dirname(file), spec.split(/[?#]/)[0]);
      };
      for (const spec of refs.imports) visit(local(spec), true);
      for (const spec of refs.lazy) lazy.push(local(spec));
      for (const spec of refs.urls) {
        if (!isLocal(spec)) continue;
        const target = path.resolve(path.dirname(file), spec.split(/[?#]/)[0]);
        visit(target, /\.m?js$/.test(target));
      }
    };
    for (const file of start) visit(file, true);
    return { order, reached, lazy };
  };
  const first = walk([path.resolve(entry)]);
  const onDemand = [];
  let pending = first.lazy;
  while (pending.length) {
    const next = walk(pending);
    onDemand.push(...next.order, ...next.reached);
    pending = next.lazy;
  }
  return { eager: first.order, wasm: first.reached, onDemand };
}

/** The kind of a one-kind wasm file's name (khuyencong_charts_view_<kind>_bg.wasm), or null. */
export function kindOf(file) {
  return path.basename(file).match(/^khuyencong_charts_view_(.+)_bg\.wasm$/)?.[1] ?? null;
}

// ---- the check --------------------------------------------------------------------------------------

const fmt = (n) => n.toLocaleString("en-US");

function main(argv) {
  let pkg = "pkg";
  let maxBytes = null;
  let maxBytesAll = null;
  let reportOnly = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === "--report") reportOnly = true;
    else if (a === "--pkg") pkg = argv[++k];
    else if (a === "--max-bytes") maxBytes = Number(argv[++k]);
    else if (a === "--max-bytes-all") maxBytesAll = Number(argv[++k]);
    else if (a.startsWith("--max-bytes=")) maxBytes = Number(a.slice("--max-bytes=".length));
    else if (a.startsWith("--pkg=")) pkg = a.slice("--pkg=".length);
    else {
      console.error(`check-size: unknown argument ${a}\nusage: node scripts/check-size.mjs [--pkg DIR] [--max-bytes N] [--max-bytes-all N] [--report]`);
      return 2;
    }
  }
  if ([maxBytes, maxBytesAll].some((m) => m !== null && !(Number.isInteger(m) && m > 0))) {
    console.error("check-size: --max-bytes and --max-bytes-all need a positive whole number of bytes");
    return 2;
  }
  const pkgDir = path.resolve(ROOT, pkg);
  const entry = path.join(pkgDir, "embed.js");
  if (!existsSync(entry)) {
    console.error(`check-size: ${path.relative(ROOT, entry)} is missing (make package)`);
    return 1;
  }
  if (maxBytes === null && !existsSync(CHARTJS_FILE)) {
    console.error("check-size: node_modules/chart.js is missing (npm ci), or pass --max-bytes N");
    return 1;
  }
  let sets;
  try {
    sets = downloadSets(entry);
  } catch (e) {
    console.error(`check-size: ${e.message}`);
    return 1;
  }
  const kinds = sets.wasm.filter(kindOf);
  const allKinds = sets.wasm.filter((f) => !kindOf(f));
  if (!kinds.length || allKinds.length !== 1) {
    console.error(`check-size: expected one-kind wasm files and one of all kinds, found ${sets.wasm.map((f) => path.basename(f)).join(", ")}`);
    return 1;
  }
  const js = sizeTable(sets.eager);
  const width = Math.max(...[...sets.eager, ...sets.wasm, ...sets.onDemand].map((f) => path.relative(ROOT, f).length), 44);
  const line = (name, s) =>
    `${name.padEnd(width)}  ${fmt(s.raw).padStart(10)}  ${fmt(s.gzip).padStart(10)}  ${fmt(s.brotli).padStart(10)}`;
  const plus = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
  console.log(`${"what a reader downloads".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip -9".padStart(10)}  ${"brotli 11".padStart(10)}`);
  for (const r of js.rows) console.log(line(path.relative(ROOT, r.file), r));
  console.log("and one wasm file, the page's:");
  const pages = [...kinds, ...allKinds].map((file) => {
    const own = sizeTable([file]).total;
    console.log(line(path.relative(ROOT, file), own));
    return { file, kind: kindOf(file), total: plus(js.total, own) };
  });
  console.log("total of a page:");
  for (const p of pages) console.log(line(p.kind ? `charts of one kind: ${p.kind}` : "charts of several kinds", p.total));
  // One chart: the largest of the one-kind pages.
  const ours = pages.filter((p) => p.kind).reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
  const several = pages.find((p) => !p.kind);
  if (sets.onDemand.length) {
    const later = sizeTable(sets.onDemand);
    console.log("on demand, not counted (a reader's SVG or CSV, an error's sentence):");
    for (const r of later.rows) console.log(line(path.relative(ROOT, r.file), r));
    console.log(line("on demand, total", later.total));
  }
  let budget;
  let peer = null;
  if (existsSync(CHARTJS_FILE)) {
    peer = sizeTable([CHARTJS_FILE]).total;
    const version = JSON.parse(readFileSync(path.join(ROOT, "node_modules", "chart.js", "package.json"), "utf8")).version;
    console.log(line(`Chart.js ${version} chart.umd.min.js`, peer));
    console.log(
      `ratio to Chart.js, one chart (${ours.kind}, the largest): gzip ${(ours.total.gzip / peer.gzip).toFixed(3)}, brotli ${(ours.total.brotli / peer.brotli).toFixed(3)}; ` +
        `charts of several kinds: gzip ${(several.total.gzip / peer.gzip).toFixed(3)}`,
    );
  }
  if (maxBytes !== null) {
    budget = { bytes: maxBytes, text: `${fmt(maxBytes)} bytes (--max-bytes)` };
  } else {
    const bytes = Math.floor(peer.gzip * BUDGET_RATIO);
    budget = { bytes, text: `${BUDGET_RATIO} × Chart.js's ${fmt(peer.gzip)} = ${fmt(bytes)} bytes` };
  }
  let over = false;
  const verdict = (what, total, limit) => {
    const bad = total > limit.bytes;
    over ||= bad;
    console.log(
      `budget: ${what}, gzip total ≤ ${limit.text}: ${bad ? "OVER" : "within"} (${fmt(total)} bytes, ${bad ? `${fmt(total - limit.bytes)} over` : `${fmt(limit.bytes - total)} to spare`})`,
    );
  };
  verdict(`one chart (${ours.kind})`, ours.total.gzip, budget);
  if (maxBytesAll !== null) {
    verdict("charts of several kinds", several.total.gzip, { bytes: maxBytesAll, text: `${fmt(maxBytesAll)} bytes (--max-bytes-all)` });
  }
  if (reportOnly) return 0;
  return over ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
