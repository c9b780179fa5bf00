// Renames the wasm-bindgen imports of the wasm file to short names, in the wasm and in its JS
// glue alike: `node scripts/short-imports.mjs pkg/khuyencong_charts_bg.wasm pkg/khuyencong_charts.js
// [OTHER.wasm ...]`. Each OTHER wasm (the fast build, khuyencong_charts_fast_bg.wasm: the same
// code compiled for speed, whose wasm-bindgen glue is the same file) gets the same renames, by
// original name, and must import and export exactly the same names, or the script stops.
//
// wasm-bindgen names each import after the Rust function plus a 16-hex-digit hash
// (`__wbg_atan2_8c50b817bf740c33`). The reader downloads each name twice, in the wasm's import
// section and as a key of the glue's import object, and the hashes do not compress: the saving
// is in BENCHMARKS.md. Both files are rewritten together; the script refuses, changes nothing and
// names the wasm-bindgen version (Cargo.lock) if any name is not found exactly once in the glue,
// so a wasm-bindgen that writes its glue otherwise stops `make package` (tests/tooling/ checks it).
//
// The short names are positional ($0, $1, …), so they alone would let a wasm of one build link
// against the glue of another (a CDN's cached wasm, a glue of another version) with functions
// swapped and no error. The import module's name therefore becomes a hash of the original
// names: wasm and glue of different builds then fail to link, loudly, as the hashed names did.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { wasmBindgenVersion } from "./wasm-bindgen-version.mjs";

const [wasmPath, gluePath, ...otherPaths] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/short-imports.mjs FILE.wasm GLUE.js [OTHER.wasm ...]");
  process.exit(2);
}

function readLeb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length || shift > 35) throw new Error(`${wasmPath}: truncated or bad LEB128 at ${pos}`);
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [result, pos];
  }
}
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}
const utf8 = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

/** The wasm `file`'s bytes with the glue's imports renamed: new names (into `renames`) for the
 * first file; for the others (`given`: the first's result), the first's names. */
function rewrite(file, wasm, renames, given) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a wasm file`);
  const parts = [wasm.subarray(0, 8)];
  let moduleRename = null;
  let fields = null;
  let exports = null;
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, body] = readLeb(wasm, pos + 1);
    const end = body + size;
    if (id === 7) {
      // The export section: count, then (name, kind, index) entries.
      let p = body;
      let count;
      [count, p] = readLeb(wasm, p);
      exports = [];
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = readLeb(wasm, p);
        exports.push(wasm.toString("utf8", p, p + len));
        p += len + 1;
        [, p] = readLeb(wasm, p);
      }
      if (p !== end) throw new Error(`${file}: export section: length mismatch`);
      if (given && [...exports].sort().join("\n") !== [...given.exports].sort().join("\n")) {
        throw new Error(`${file}: exports other names than ${wasmPath}: not the same glue`);
      }
    }
    if (id !== 2) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    // The import section: count, then (module, field, kind, description) entries.
    let p = body;
    let count;
    [count, p] = readLeb(wasm, p);
    const entries = [];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readLeb(wasm, p);
      const module = wasm.toString("utf8", p, p + len);
      p += len;
      [len, p] = readLeb(wasm, p);
      const field = wasm.toString("utf8", p, p + len);
      p += len;
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = readLeb(wasm, p); // function: type index
      else if (kind === 1) { // table: reftype, limits
        p++;
        const flags = wasm[p++];
        [, p] = readLeb(wasm, p);
        if (flags & 1) [, p] = readLeb(wasm, p);
      } else if (kind === 2) { // memory: limits
        const flags = wasm[p++];
        [, p] = readLeb(wasm, p);
        if (flags & 1) [, p] = readLeb(wasm, p);
      } else if (kind === 3) p += 2; // global: valtype, mutability
      else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
      entries.push({ module, field, desc: wasm.subarray(descStart, p) });
    }
    if (p !== end) throw new Error("import section: length mismatch");
    // wasm-bindgen's own module: the one whose functions the glue supplies.
    const glueModules = new Set(entries.filter((e) => e.field.startsWith("__wbg")).map((e) => e.module));
    if (glueModules.size !== 1) throw new Error(`expected one glue import module, found ${[...glueModules].join(", ")}`);
    const [glueModule] = glueModules;
    fields = entries.filter((e) => e.module === glueModule).map((e) => e.field);
    if (!given) {
      const hash = createHash("sha256");
      for (const f of fields) hash.update(`${f}\n`);
      moduleRename = [glueModule, `kc:${hash.digest("hex").slice(0, 12)}`];
    } else {
      const want = [...given.fields].sort().join("\n");
      if ([...fields].sort().join("\n") !== want) throw new Error(`${file}: imports other names than ${wasmPath}: not the same code`);
      moduleRename = [glueModule, given.moduleRename[1]];
    }
    const out = [leb(entries.length)];
    for (const e of entries) {
      let { field, module } = e;
      if (module === glueModule) {
        module = moduleRename[1];
        if (/^[A-Za-z_$][\w$]*$/.test(field) && field.length > 3) {
          if (!renames.has(field)) {
            if (given) throw new Error(`${file}: no short name for ${field}`);
            renames.set(field, `$${renames.size.toString(36)}`);
          }
          field = renames.get(field);
        }
      }
      out.push(utf8(module), utf8(field), e.desc);
    }
    const section = Buffer.concat(out);
    parts.push(Buffer.from([2]), leb(section.length), section);
    pos = end;
  }
  if (!moduleRename) throw new Error(`${file}: no import section`);
  if (!exports) throw new Error(`${file}: no export section`);
  return { bytes: Buffer.concat(parts), moduleRename, fields, exports };
}

/** Every file's new content, or an error; nothing is written here. */
function run() {
  let glue = readFileSync(gluePath, "utf8");
  const wasm = readFileSync(wasmPath);
  const renames = new Map();
  const main = rewrite(wasmPath, wasm, renames, null);
  const { moduleRename } = main;
  const others = otherPaths.map((file) => {
    const bytes = readFileSync(file);
    return { file, before: bytes.length, after: rewrite(file, bytes, renames, main).bytes };
  });

  {
    const [from, to] = moduleRename;
    const quoted = `"${from}"`;
    const found = glue.split(quoted).length - 1;
    if (found !== 1) throw new Error(`${gluePath}: ${quoted} found ${found} times, expected once`);
    glue = glue.replace(quoted, () => `"${to}"`);
  }

  // The glue: each old name must be an identifier key there exactly once, and no new name may
  // already be in use.
  for (const [from, to] of renames) {
    const re = new RegExp(`(?<![\\w$])${from.replaceAll("$", "\\$")}(?![\\w$])`, "g");
    const found = glue.match(re)?.length ?? 0;
    if (found !== 1) throw new Error(`${gluePath}: ${from} found ${found} times, expected once`);
    if (new RegExp(`(?<![\\w$])${to.replaceAll("$", "\\$")}(?![\\w$])`).test(glue)) throw new Error(`${gluePath}: ${to} is already used`);
    glue = glue.replace(re, () => to);
  }
  return { glue, wasm, main, others, renames, moduleRename };
}

let result;
try {
  result = run();
} catch (err) {
  console.error(
    `short-imports: ${err.message}\n` +
      `  Expected the files as wasm-bindgen ${wasmBindgenVersion()} (Cargo.lock) writes them, not yet rewritten; ` +
      "nothing was changed. If wasm-bindgen was just bumped, see how its glue now names the imports and " +
      "adapt scripts/short-imports.mjs, or drop its lines from the Makefile.",
  );
  process.exit(1);
}
const { glue, wasm, main, others, renames, moduleRename } = result;
writeFileSync(wasmPath, main.bytes);
for (const o of others) writeFileSync(o.file, o.after);
writeFileSync(gluePath, glue);
console.log(
  `short-imports: ${renames.size} imports renamed, module "${moduleRename[0]}" -> "${moduleRename[1]}", wasm ${wasm.length} -> ${main.bytes.length} bytes` +
    others.map((o) => `; ${path.basename(o.file)} ${o.before} -> ${o.after.length} bytes`).join(""),
);
