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
// The original function must be found exactly once, character for character (wasm-bindgen is
// pinned in Cargo.lock); otherwise the script changes nothing and fails.
import { readFileSync, writeFileSync } from "node:fs";

const [gluePath] = process.argv.slice(2);
if (!gluePath) {
  console.error("usage: node scripts/fast-strings.mjs GLUE.js");
  process.exit(2);
}

// The part after the ASCII prefix: wasm-bindgen's, then ours. `len` is the string's length and
// the buffer's size (malloc(len) so far); `offset` the bytes written.
const ORIGINAL = `    if (offset !== len) {
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

const REPLACEMENT = `    // The rest in pieces of 64 K characters (scripts/fast-strings.mjs). Before a piece that might
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

let glue = readFileSync(gluePath, "utf8");
const found = glue.split(ORIGINAL).length - 1;
if (found !== 1) {
  console.error(`${gluePath}: wasm-bindgen's passStringToWasm0 found ${found} times, expected once (another wasm-bindgen version?)`);
  process.exit(1);
}
glue = glue.replace(ORIGINAL, () => REPLACEMENT);
writeFileSync(gluePath, glue);
console.log(`fast-strings: passStringToWasm0 in ${gluePath} encodes in 64 K-character pieces`);
