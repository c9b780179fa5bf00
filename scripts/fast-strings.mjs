// Replaces wasm-bindgen's passStringToWasm0 in the JS glue with one that encodes long strings
// 64 K characters at a time: `node scripts/fast-strings.mjs pkg/khuyencong_charts.js`.
//
// Every string the module receives (the JSON text of analyze() and of every chart) goes through
// passStringToWasm0. For a string with non-ASCII text (any Vietnamese label), wasm-bindgen's
// version slices off the ASCII prefix, grows its buffer to 3 bytes per character, and calls
// TextEncoder.encodeInto once over the rest. In Chromium one encodeInto over a long two-byte
// string runs at about two thirds the speed of the same work in 64 K-character pieces (15 MB of
// JSON: 48 ms against 33 ms), and the slice and the 3× buffer cost more on top (~17 ms); this
// version grows the buffer only when a piece might not fit, and then to the size wasm-bindgen's
// would have asked for the rest (so short strings get exactly the same allocations). What reaches
// the module is byte for byte the same UTF-8 (a piece never ends between the halves of a
// surrogate pair).
//
// The original code must be found exactly once, character for character: it is the text of
// wasm-bindgen WRITTEN_FOR (pinned with "=" in Cargo.toml). With any other text the script
// changes nothing and fails, naming the version in Cargo.lock, so a wasm-bindgen bump that
// changes this function stops `make package` (tests/tooling/glue.test.mjs checks the refusal, and
// that the replacement hands the module the same bytes as the original for awkward strings).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { wasmBindgenVersion } from "./wasm-bindgen-version.mjs";

/** The wasm-bindgen whose passStringToWasm0 ends with ORIGINAL. */
export const WRITTEN_FOR = "0.2.130";

// The part after the ASCII prefix: wasm-bindgen's, then ours. `len` is the string's length and
// the buffer's size (malloc(len) so far); `offset` the bytes written.
export const ORIGINAL = `    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}`;

export const REPLACEMENT = `    // The rest in pieces of 64 K characters (scripts/fast-strings.mjs). Before a piece that might
    // not fit (3 bytes per UTF-16 unit at most) the buffer grows once, to hold all the rest.
    let size = len;
    for (let i = offset; i < len; ) {
        let end = Math.min(len, i + 65536);
        const last = arg.charCodeAt(end - 1);
        if (end < len && last >= 0xD800 && last < 0xDC00) end--;
        if (size - offset < 3 * (end - i)) {
            // Room for all the rest at 3 bytes each, as wasm-bindgen's version asks at once.
            const grown = offset + 3 * (len - i);
            ptr = realloc(ptr, size, grown, 1) >>> 0;
            size = grown;
        }
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + size);
        offset += cachedTextEncoder.encodeInto(i === 0 && end === len ? arg : arg.slice(i, end), view).written;
        i = end;
    }
    if (offset !== size) ptr = realloc(ptr, size, offset, 1) >>> 0;

    WASM_VECTOR_LEN = offset;
    return ptr;
}`;

/** The glue with the replacement; throws (with the versions) unless ORIGINAL is there once. */
export function patch(glue, version = wasmBindgenVersion()) {
  const found = glue.split(ORIGINAL).length - 1;
  if (found !== 1) {
    throw new Error(
      `wasm-bindgen's passStringToWasm0 found ${found} times, expected once: the glue is not the text of ` +
        `wasm-bindgen ${WRITTEN_FOR} this patch was written for (Cargo.lock has wasm-bindgen ${version}). ` +
        "Compare the new passStringToWasm0 with ORIGINAL in scripts/fast-strings.mjs and update ORIGINAL, " +
        "REPLACEMENT and WRITTEN_FOR, or drop the patch's lines from the Makefile.",
    );
  }
  return glue.replace(ORIGINAL, () => REPLACEMENT);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [gluePath] = process.argv.slice(2);
  if (!gluePath) {
    console.error("usage: node scripts/fast-strings.mjs GLUE.js");
    process.exit(2);
  }
  let glue;
  try {
    glue = patch(readFileSync(gluePath, "utf8"));
  } catch (err) {
    console.error(`fast-strings: ${gluePath}: ${err.message} Nothing was changed.`);
    process.exit(1);
  }
  writeFileSync(gluePath, glue);
  console.log(`fast-strings: passStringToWasm0 in ${gluePath} encodes in 64 K-character pieces`);
}
