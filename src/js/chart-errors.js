// Errors of a chart: the error box that shows them, every failure as a KhuyenCongError, and
// the sentence of an error the reader's build leaves without one.
//
// The reader's build has no error sentences (~6 KB gzipped less for every reader of a working
// chart). Its errors say "records[0].plan: invalid_amount" and are `brief`; the calls that can
// fail on bad input (a new chart, update, setOptions) remember their data and options here,
// and before the error is shown or thrown, `explained` has the full build (loaded as for an
// export) read them again and takes its sentence.
import { Chart } from "./khuyencong_charts.js";
import { KhuyenCongError, message } from "./core.js";
import { ExportChart, loadExports } from "./chart-loading.js";
import { el } from "./chart-style.js";
import { TEXT } from "./chart-text.js";

/**
 * The error box (role="alert"): "Không vẽ được biểu đồ." over `err`'s message. A chart shows
 * it before itself (chart.js); embed-draw.js for the errors it finds before mount().
 */
export function errorBox(err, locale) {
  const box = el("div", {
    margin: "0 0 8px",
    padding: "10px 12px",
    "border-left": "4px solid #c8102e",
    background: "rgb(200 16 46 / 0.08)",
  });
  box.className = "kc-chart__error";
  box.setAttribute("role", "alert");
  const title = el("p", { margin: "0 0 4px", "font-weight": "700" });
  title.textContent = TEXT[locale].failed;
  const text = el("p", { margin: "0" });
  text.textContent = err.message;
  box.append(title, text);
  return box;
}

/** `e` as a KhuyenCongError: anything else (a trap of the wasm, a bug) is `internal`. */
export function asError(e, locale) {
  if (e instanceof KhuyenCongError) {
    // The reader's build's internal error carries only its detail ("fillText failed").
    if (e.brief && e.code === "internal") {
      delete e.brief;
      e.message = `${message("internal", locale)} (${e.message})`;
    }
    return e;
  }
  const err = new KhuyenCongError(message("internal", locale), "internal");
  err.cause = e;
  return err;
}

/** Calls into the wasm; a trap (a bug, never bad input) becomes this call's `internal` error. */
export function wasm(fn, locale) {
  try {
    return fn();
  } catch (e) {
    throw asError(e, locale);
  }
}

/** The data and options of each `brief` error, by error. */
const inputsOf = new WeakMap();

/** `fn()`, a call of the wasm with `json` and `options`; a `brief` error remembers them. */
export function remembering(fn, json, options) {
  try {
    return fn();
  } catch (e) {
    if (e && e.brief) inputsOf.set(e, [json, options]);
    throw e;
  }
}

/** A new wasm chart of `json` with `options` (JSON texts); a `brief` error remembers them. */
export function newChart(json, options, locale) {
  return remembering(() => wasm(() => new Chart(json, options), locale), json, options);
}

/**
 * `err` with its sentence: a `brief` error's from the full build, which reads the same data and
 * options; should that build not load (offline), a general sentence that still names the field
 * and gives the code.
 */
export async function explained(err, locale) {
  if (!err.brief) return err;
  const input = inputsOf.get(err);
  delete err.brief;
  if (input) {
    try {
      await loadExports(locale);
      new ExportChart(input[0], input[1]).free();
    } catch (full) {
      if (full && full.code === err.code && full.path === err.path && !full.brief) {
        err.message = full.message;
        return err;
      }
    }
  }
  const t = TEXT[locale];
  err.message = `${err.path || t.data}: ${t.invalid(err.code)}`;
  return err;
}
