// analyze(): the exact figures as an object, synchronous once ready() has loaded the wasm.
// Not in core.js: embed.js's reader build of the wasm leaves analyze out.
import { analyze as wasmAnalyze } from "./khuyencong_charts.js";
import { isReady, KhuyenCongError, localeOf, message } from "./core.js";
import { toJson } from "./json-text.js";

/**
 * Computes exact funding figures from `data` (an object or its JSON text).
 * Throws `KhuyenCongError` on invalid data or options.
 *
 * @example
 * const a = analyze({ title: "…", unit: "ty_dong", records: [{ source: "kcqg", plan: "80.9", actual: "79.5" }] });
 * a.bySource[0].text.attainment; // "98,3%"
 */
export function analyze(data, options) {
  const locale = localeOf(options);
  if (!isReady()) throw new KhuyenCongError(message("not_ready", locale), "not_ready");
  const dataJson = toJson(data, locale);
  const optionsJson = toJson(options, locale);
  try {
    return wasmAnalyze(dataJson, optionsJson);
  } catch (e) {
    if (e instanceof KhuyenCongError) throw e;
    // A trap inside the module (a bug, never bad input): report it as this call's failure.
    const err = new KhuyenCongError(message("internal", locale), "internal");
    err.cause = e;
    throw err;
  }
}
