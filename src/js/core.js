// The core of the JS layer: loading the wasm once, the error class. The data as JSON text is
// json-text.js's; analyze() is analyze.js's (the reader's build of the wasm has no analyze).
//
// `ready()` loads the WebAssembly once. Importing this module has no side effects and touches
// no browser global (the wasm glue is only called from inside these functions).
import init from "./khuyencong_charts.js";

const MESSAGES = {
  not_ready: {
    vi: "Thư viện chưa sẵn sàng: hãy gọi await ready() trước khi dùng analyze().",
    en: "The library is not ready: call await ready() before analyze().",
  },
  load_failed: {
    vi: "Không tải được tệp WebAssembly của thư viện",
    en: "Could not load the library's WebAssembly file",
  },
  internal: {
    vi: "Lỗi nội bộ của thư viện khi xử lý dữ liệu này; các biểu đồ khác không bị ảnh hưởng.",
    en: "Internal error in the library while processing this data; other charts are not affected.",
  },
};

/**
 * The error every function of this package throws: `code` is stable and machine-readable,
 * `path` is the JSON path of the offending value (`"records[3].plan"`), `message` is in the
 * locale asked for (Vietnamese by default).
 */
export class KhuyenCongError extends Error {
  constructor(message, code, path = "") {
    super(message);
    this.name = "KhuyenCongError";
    this.code = code;
    this.path = path;
  }

  // Errors made inside the wasm module are plain `Error`s named "KhuyenCongError";
  // make `instanceof KhuyenCongError` true for them too.
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "KhuyenCongError" && typeof value.code === "string";
  }
}

export function localeOf(options) {
  const tag = options && typeof options.locale === "string" ? options.locale.toLowerCase() : "vi";
  return tag.startsWith("en") ? "en" : "vi";
}

export function message(code, locale) {
  return MESSAGES[code][locale];
}

let loading = null;
let loaded = false;

/** Whether `ready()` has finished. */
export function isReady() {
  return loaded;
}

/**
 * Loads and instantiates the WebAssembly module, once. Safe to call from many places; later
 * calls return the same promise. Without an argument it loads the `.wasm` next to this file
 * (from disk under Node). Pass a URL, `Response`, `ArrayBuffer` or `WebAssembly.Module` when
 * it is served from somewhere else.
 *
 * @example
 * import { ready, analyze } from "khuyencong-charts";
 * await ready();
 */
export function ready(wasm) {
  return load(() => (wasm === undefined ? located(new URL("./khuyencong_charts_bg.wasm", import.meta.url)) : wasm));
}

/**
 * `ready()` with the module's source from `source()`, called only if nothing is loading yet (in
 * Node, finding the default file reads it). fast.js passes the fast build. Not public.
 */
export function load(source) {
  if (!loading) {
    loading = init({ module_or_path: source() }).then(
      () => {
        loaded = true;
      },
      (cause) => {
        loading = null;
        const err = new KhuyenCongError(`${message("load_failed", "vi")}: ${cause && cause.message}`, "load_failed");
        err.cause = cause;
        throw err;
      },
    );
  }
  return loading;
}

// A wasm file next to this module (`new URL("./x.wasm", import.meta.url)`, written out where the
// file is named: bundlers recognise that form and copy the file: Vite's build, webpack 5, Parcel,
// Rollup with a URL plugin). Two hosts need help:
// - Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/ without their
//   assets (vitejs/vite#8427), so the URL points at a file that is not there; the package's
//   own folder is served, so load it from there.
// - Node (server-side rendering, tests): fetch() cannot read file: URLs; read the file.
//   process.getBuiltinModule (Node 20.16, 22.3) keeps node:fs out of sight of bundlers.
/** Where to load the wasm file at `url` from (not public; fast.js uses it too). */
export function located(url) {
  const deps = url.pathname.indexOf("/node_modules/.vite/deps/");
  if (deps >= 0) {
    const name = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
    url.pathname = `${url.pathname.slice(0, deps)}/node_modules/khuyencong-charts/${name}`;
    return url;
  }
  const fs = url.protocol === "file:" ? globalThis.process?.getBuiltinModule?.("fs") : undefined;
  return fs ? fs.promises.readFile(url) : url;
}
