// The chart kinds outside Rust, from their one table: the `kinds! { … }` block of
// src/chart/mod.rs (one line per kind: `Variant = "key",`, `#[default]` on the default one).
//
//   node scripts/kinds.mjs          writes the lists derived from the table (make package runs it)
//                                   and warns about the worded ones below
//   node scripts/kinds.mjs --check  writes nothing; exits 1 naming every list that is out of date
//                                   and every kind a worded list lacks (make test, test-kinds)
//
// Written here, between `kinds:begin` and `kinds:end` markers:
// - src/js/index.d.ts: the `ChartKind` union;
// - www/editor.html: the <option>s of the editor's kind <select> (their text is the editor's
//   Vietnamese name of the kind, from www/assets/editor-i18n.js; the default kind is selected);
// - www/embed-examples.html: the values of the `kind` attribute.
// Worded by hand, so only checked (each must name every kind, and nothing else):
// - www/assets/editor-i18n.js: `kind.<key>` and `kindhelp.<key>` in both languages;
// - README.md: a row of the table under "## Charts" per kind, in the table's order, and the
//   number of kinds where the text spells it ("seven kinds");
// - www/charts.html: a gallery card per kind (`data-kind="<key>"`).
// Checked to name kinds only (a renamed kind is caught; a new one needs no entry):
// www/assets/editor-checks.js's `case`s, editor-inputs.js's CHOOSABLE, and the kind attributes
// of the demo, test and bench pages.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const TABLE_FILE = "src/chart/mod.rs";

/** The kinds of the `kinds! { … }` table: `{ variant, key, isDefault }`, in the table's order. */
export function readKinds(rust) {
  const block = /^kinds! \{\n([\s\S]*?)^\}/m.exec(rust);
  if (!block) throw new Error(`${TABLE_FILE}: no "kinds! {" table at the start of a line`);
  const firstLine = rust.slice(0, block.index).split("\n").length + 1;
  const kinds = [];
  let isDefault = false;
  block[1].split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("///") || line.startsWith("//")) return;
    if (line === "#[default]") {
      isDefault = true;
      return;
    }
    if (line.startsWith("#[")) return;
    const m = /^([A-Z][A-Za-z0-9]*) = "([a-z][a-z0-9-]*)",$/.exec(line);
    if (!m) {
      throw new Error(`${TABLE_FILE}:${firstLine + i}: not a line of the kinds table (Variant = "key",): ${line}`);
    }
    kinds.push({ variant: m[1], key: m[2], isDefault });
    isDefault = false;
  });
  if (kinds.length === 0) throw new Error(`${TABLE_FILE}: the kinds table is empty`);
  const keys = kinds.map((k) => k.key);
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (twice.length) throw new Error(`${TABLE_FILE}: kinds listed twice: ${twice.join(", ")}`);
  if (kinds.filter((k) => k.isDefault).length !== 1) throw new Error(`${TABLE_FILE}: no single #[default] kind`);
  return kinds;
}

const escapeHtml = (s) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** `  | "a" | "b"` lines of at most 100 characters, the last ending with ";". */
function unionLines(keys) {
  const lines = [];
  let line = "";
  for (const key of keys) {
    const part = `| "${key}"`;
    if (line && line.length + 1 + part.length + 1 > 98) {
      lines.push(`  ${line}`);
      line = part;
    } else line = line ? `${line} ${part}` : part;
  }
  lines.push(`  ${line};`);
  return lines;
}

/**
 * The written lists: per file, how to find its region and what goes there. `texts` is
 * editor-i18n.js's TEXT (for the options' wording).
 */
export const WRITTEN = [
  {
    file: "src/js/index.d.ts",
    what: "the ChartKind union",
    style: "line",
    render: (kinds) => ["/** The kinds of chart. */", "export type ChartKind =", ...unionLines(kinds.map((k) => k.key))],
  },
  {
    file: "www/editor.html",
    what: "the <option>s of the kind <select>",
    style: "html-block",
    render: (kinds, texts) =>
      kinds.map(
        (k) =>
          `<option value="${k.key}" data-i18n="kind.${k.key}"${k.isDefault ? " selected" : ""}>` +
          `${escapeHtml(texts?.vi?.[`kind.${k.key}`] ?? k.key)}</option>`,
      ),
  },
  {
    file: "www/embed-examples.html",
    what: "the values of the kind attribute",
    style: "html-inline",
    render: (kinds) => [kinds.map((k) => `<code>${k.key}</code>`).join(", ")],
  },
];

/** `text` with the region between the markers replaced by `lines`; throws without markers. */
export function fillRegion(text, file, style, lines) {
  const html = style !== "line";
  const begin = html ? /<!-- kinds:begin[^>]*-->/g : /^([ \t]*)\/\/ kinds:begin[^\n]*\n/gm;
  const end = html ? /<!-- kinds:end -->/g : /^[ \t]*\/\/ kinds:end$/gm;
  const begins = [...text.matchAll(begin)];
  const ends = [...text.matchAll(end)];
  if (begins.length !== 1 || ends.length !== 1 || ends[0].index < begins[0].index) {
    throw new Error(`${file}: expected one kinds:begin marker followed by one kinds:end marker`);
  }
  const from = begins[0].index + begins[0][0].length;
  const to = ends[0].index;
  let body;
  if (style === "line") {
    body = lines.map((l) => `${begins[0][1]}${l}\n`).join("");
  } else if (style === "html-block") {
    const lineStart = text.lastIndexOf("\n", begins[0].index) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))[0];
    body = `\n${lines.map((l) => `${indent}${l}\n`).join("")}${indent}`;
  } else {
    body = lines.join("");
  }
  return text.slice(0, from) + body + text.slice(to);
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** Where the worded lists disagree with the table: one sentence per problem. */
export function wordingProblems(kinds, read, texts) {
  const keys = kinds.map((k) => k.key);
  const known = new Set(keys);
  const problems = [];

  for (const lang of ["vi", "en"]) {
    for (const key of keys) {
      for (const [prefix, what] of [["kind", "its name in the editor"], ["kindhelp", "its one-line help"]]) {
        if (typeof texts?.[lang]?.[`${prefix}.${key}`] !== "string") {
          problems.push(`www/assets/editor-i18n.js: TEXT.${lang} lacks "${prefix}.${key}" (${what})`);
        }
      }
    }
    for (const name of Object.keys(texts?.[lang] ?? {})) {
      const m = /^kind(?:help)?\.(.+)$/.exec(name);
      if (m && m[1] !== "heading" && !known.has(m[1])) {
        problems.push(`www/assets/editor-i18n.js: TEXT.${lang}["${name}"] is for "${m[1]}", which is not a kind`);
      }
    }
  }

  const readme = read("README.md");
  const section = /^## Charts\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";
  const rows = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  if (rows.join(",") !== keys.join(",")) {
    const missing = keys.filter((k) => !rows.includes(k));
    const extra = rows.filter((k) => !known.has(k));
    const why = [
      missing.length ? `no row for ${missing.map((k) => `\`${k}\``).join(", ")}` : "",
      extra.length ? `rows for ${extra.map((k) => `\`${k}\``).join(", ")}, not kinds` : "",
      !missing.length && !extra.length ? `rows in another order than the table (${keys.join(", ")})` : "",
    ].filter(Boolean);
    problems.push(`README.md: the table of kinds under "## Charts" has ${why.join("; ")}`);
  }
  for (const m of readme.matchAll(/\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) kinds\b/g)) {
    if (NUMBER_WORDS.indexOf(m[1]) !== keys.length) {
      const line = readme.slice(0, m.index).split("\n").length;
      problems.push(`README.md:${line}: says "${m[0]}"; there are ${NUMBER_WORDS[keys.length] ?? keys.length}`);
    }
  }

  const gallery = read("www/charts.html");
  const drawn = new Set([...gallery.matchAll(/\bdata-kind="([^"]*)"/g)].map((m) => m[1]));
  for (const key of keys) {
    if (!drawn.has(key)) problems.push(`www/charts.html: no gallery card draws ${key} (data-kind="${key}")`);
  }

  // Lists that may leave a kind out but must not name one that is not.
  const named = [];
  for (const m of read("www/assets/editor-checks.js").matchAll(/\bcase "([^"]+)":/g)) {
    named.push(["www/assets/editor-checks.js", `case "${m[1]}"`, m[1]]);
  }
  const choosable = /\bconst CHOOSABLE = \[([^\]]*)\]/.exec(read("www/assets/editor-inputs.js"));
  if (!choosable) problems.push("www/assets/editor-inputs.js: no CHOOSABLE list of kinds found");
  for (const m of (choosable?.[1] ?? "").matchAll(/"([^"]+)"/g)) {
    named.push(["www/assets/editor-inputs.js", "CHOOSABLE", m[1]]);
  }
  for (const file of PAGES) {
    for (const m of read(file).matchAll(/(?<![\w-])(?:data-)?kind="([^"]*)"|[#&?;]kind=([a-z-]+)/g)) {
      named.push([file, m[0], m[1] ?? m[2]]);
    }
  }
  for (const [file, where, key] of named) {
    if (!known.has(key)) problems.push(`${file}: ${where} names "${key}", which is not a kind (${keys.join(", ")})`);
  }
  return problems;
}

/** Pages whose kind attributes and links must name kinds. */
export const PAGES = [
  "www/index.html",
  "www/charts.html",
  "www/embed-examples.html",
  "www/reliability/csp.html",
  "bench/chartjs.html",
  "bench/ours-seed.html",
  "bench/ours-memory.html",
  "bench/ours-memory-pair.html",
];

/** The whole check: `{ kinds, writes: [{ file, what, text }], stale: [...], problems: [...] }`. */
export async function checkKinds({ root = ROOT } = {}) {
  const read = (file) => readFileSync(path.join(root, file), "utf8");
  const kinds = readKinds(read(TABLE_FILE));
  const { TEXT } = await import(pathToFileURL(path.join(root, "www/assets/editor-i18n.js")).href);
  const writes = [];
  const stale = [];
  for (const w of WRITTEN) {
    const before = read(w.file);
    const text = fillRegion(before, w.file, w.style, w.render(kinds, TEXT));
    writes.push({ file: w.file, what: w.what, text });
    if (text !== before) {
      stale.push(`${w.file}: ${w.what} is not the table's; run node scripts/kinds.mjs (make package does)`);
    }
  }
  return { kinds, writes, stale, problems: wordingProblems(kinds, read, TEXT) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let result;
  try {
    result = await checkKinds();
  } catch (err) {
    console.error(`kinds: ${err.message}`);
    process.exit(1);
  }
  const { kinds, writes, stale, problems } = result;
  const keys = kinds.map((k) => k.key).join(", ");
  if (check) {
    for (const p of [...stale, ...problems]) console.error(`kinds: ${p}`);
    if (stale.length || problems.length) {
      console.error(`kinds: the table (${TABLE_FILE}) has ${kinds.length} kinds: ${keys}`);
      process.exit(1);
    }
    console.log(`kinds: ${kinds.length} kinds (${keys}); every list agrees with ${TABLE_FILE}`);
  } else {
    for (const w of writes) {
      if (w.text !== readFileSync(path.join(ROOT, w.file), "utf8")) {
        writeFileSync(path.join(ROOT, w.file), w.text);
        console.log(`kinds: wrote ${w.what} in ${w.file}`);
      }
    }
    for (const p of problems) console.warn(`kinds: warning: ${p}`);
    console.log(`kinds: ${kinds.length} kinds (${keys})`);
  }
}
