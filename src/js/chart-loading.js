// Which wasm build draws the charts, and where the full one comes from when that is not it.
//
// The npm entry points' build has everything. The reader's build, which embed-draw.js loads
// (khuyencong_charts_view_bg.wasm), leaves out the SVG and CSV exports and the error sentences:
// embed-draw.js hands in its file (setWasmSource) and a loader of the full build
// (setExportLoader, embed-export.js), which loads the first time a reader asks for a file or a
// chart fails (chart-errors.js, `explained`). A reader who does neither never downloads it.
import { Chart } from "./khuyencong_charts.js";
import { KhuyenCongError, message, ready } from "./core.js";

/** Whether this module's own wasm build has the exports. */
export const OWN_EXPORTS = typeof Chart.prototype.toSVG === "function";

/** `() => Promise<{ ready, Chart }>`, set by embed-draw.js. */
let exportLoader = null;
/** The Chart class that has the exports (null until the full build is loaded; a live binding
 * for the modules that import it), and the load under way. */
export let ExportChart = OWN_EXPORTS ? Chart : null;
let exportLoading = null;

/** Where the full build comes from when this module's build has no exports (embed-draw.js). */
export function setExportLoader(load) {
  exportLoader = load;
}

/** `() => source of the wasm` for ready(), set by embed-draw.js (the reader's build); core.js's
 * default file without it. */
let wasmSource = () => undefined;

export function setWasmSource(source) {
  wasmSource = source;
}

/** Loads this page's build of the wasm (once: core.js's ready()). */
export function readyWasm() {
  return ready(wasmSource());
}

/** Loads the full build once (again after a failure). */
export function loadExports(locale) {
  if (ExportChart) return Promise.resolve();
  if (!exportLoading) {
    exportLoading = Promise.resolve()
      .then(() => {
        if (!exportLoader) throw new Error("no export module");
        return exportLoader();
      })
      .then(async (m) => {
        await m.ready();
        ExportChart = m.Chart;
      })
      .catch((cause) => {
        exportLoading = null;
        const err = new KhuyenCongError(`${message("load_failed", locale)}: ${cause && cause.message}`, "load_failed");
        err.cause = cause;
        throw err;
      });
  }
  return exportLoading;
}
