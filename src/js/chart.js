// The browser shell of a chart: the DOM around the canvas, input events, sizing and themes.
//
// Every drawing decision is made in Rust: `Chart.layout` turns data, options and a width into a
// chart description, and `paint`, `hit` and `view` only read it. This file sizes the canvas,
// forwards pointer and keyboard input, and shows the texts the description carries (tooltips,
// the accessible description, the legend's labels).
//
// Around the canvas it also builds what lets a chart leave the page and reach every reader: a
// band at the bottom of the canvas (painted in the chart's background, so the canvas keeps the
// layout's height plus the band) holding the "Xem bảng số liệu" toggle of a real <table> of
// the figures and the "Tải xuống / chia sẻ" menu (PNG, SVG, CSV, embed code); a print mode that
// lays the chart out again at the printed width in the light theme; and a zoom that makes the
// chart's text follow the page's font size.
//
// Content-Security-Policy: nothing here needs 'unsafe-inline'. There is no style attribute
// (styles go through the CSSOM, `style.setProperty`, which `style-src 'self'` allows), no
// <style> element and no innerHTML: text reaches the page through textContent only.
//
// Importing this module has no side effects; it touches browser globals only inside mount().
import { Chart } from "./khuyencong_charts.js";
import { KhuyenCongError, localeOf, message, ready, toJson } from "./core.js";
import {
  PHONE_WIDTH,
  PICTURE_WIDTH,
  attributesOf,
  embedCodes,
  escapeHtml,
  slugify,
  svgDataUrl,
} from "./embed-code.js";

const FETCH_TIMEOUT_MS = 15_000;
/** How far (CSS px) from a small bar a pointer still hits it. */
const SLOP_TOUCH = 12;
const SLOP_MOUSE = 4;
/** Gap between the tooltip and the point it describes, and the most it may be wide. */
const TIP_GAP = 10;
const TIP_MAX_WIDTH = 320;
/** Exports are drawn at twice the CSS size; print at least at this pixel ratio. */
const EXPORT_SCALE = 2;
const PRINT_DPR = 2;
/** Width (CSS px) of an export of a chart that was never laid out (mounted hidden). */
const EXPORT_WIDTH = 640;
/** The chart follows the page's font size from 16 px up to twice that, never below its own
 * design sizes, and never lays out narrower than this many px because of it. */
const BASE_FONT = 16;
const MAX_ZOOM = 2;
const MIN_ZOOMED_WIDTH = 240;
/** The controls under the chart: 24 px high (the minimum target of WCAG 2.2), 4 px under the
 * source line, in the layout's bottom padding, 6 px above the canvas's bottom edge. */
const TOOLS_HEIGHT = 24;
const TOOLS_GAP = 4;
const TOOLS_BOTTOM = 6;
/** The band of controls on a phone (one row; the layout's padding there is 10 px), and a few
 * px to spare: what the picture leaves under the chart for them (see #exportSize). */
const PHONE_BAND = TOOLS_HEIGHT + TOOLS_BOTTOM - (10 - TOOLS_GAP) + 8;
/** How long "Đã sao chép mã nhúng" stays on screen, and a download's object URL lives. */
const TOAST_MS = 4000;
const URL_LIFETIME_MS = 60_000;

const TEXT = {
  vi: {
    failed: "Không vẽ được biểu đồ.",
    keys: "Dùng các phím mũi tên để đi qua từng số liệu, Home và End để về số liệu đầu và cuối.",
    legend: "Chú giải: bấm để ẩn hoặc hiện từng chuỗi số liệu",
    source: "Nguồn: ",
    notes: "Ghi chú: ",
    table: "Xem bảng số liệu",
    menu: "Tải xuống / chia sẻ",
    png: "Tải ảnh PNG",
    svg: "Tải SVG",
    csv: "Tải dữ liệu CSV",
    embed: "Sao chép mã nhúng",
    copied: "Đã sao chép mã nhúng.",
    copyHere: "Mã nhúng của biểu đồ: nhấn Ctrl+C (trên máy Mac: ⌘C) để sao chép.",
    close: "Đóng",
    saved: (name) => `Đã tạo tệp ${name}.`,
    exportFailed: "Không tạo được tệp tải xuống.",
    exportNotReady:
      "Chưa tải phần xuất tệp của biểu đồ nhúng: hãy gọi await chart.exportReady() trước toSVG() hoặc toCSV().",
    destroyed: "Biểu đồ đã bị gỡ khỏi trang (destroy).",
    element: "element: cần một phần tử HTML để đặt biểu đồ vào.",
    options: "options: cần một đối tượng (object) tùy chọn.",
    height: (v) => `options.height: ${v} không phải chiều cao CSS (ví dụ 360, "360px", "50vh").`,
    menuOption: (v) => `options.menu: cần "auto" hoặc "none", không phải ${v}.`,
    crossFlag: (v) => `options.allowCrossOrigin: cần true hoặc false, không phải ${v}.`,
    badUrl: (src) => `src: "${src}" không phải địa chỉ hợp lệ.`,
    crossOrigin: (url) =>
      `src: ${url} không cùng nguồn (origin) với trang; hãy đặt tệp dữ liệu cùng nguồn, hoặc dùng tùy chọn allowCrossOrigin: true.`,
    http: (url, status) => `src: không tải được ${url} (HTTP ${status}).`,
    network: (url) => `src: không tải được ${url} (lỗi mạng hoặc máy chủ từ chối).`,
    timeout: (url) => `src: không tải được ${url} trong ${FETCH_TIMEOUT_MS / 1000} giây.`,
    notJson: (url, type) => `src: ${url} không phải dữ liệu JSON (Content-Type: ${type}).`,
    data: "Dữ liệu",
    invalid: (code) => `giá trị không hợp lệ (mã lỗi: ${code}).`,
  },
  en: {
    failed: "The chart could not be drawn.",
    keys: "Use the arrow keys to go through the figures one by one, Home and End for the first and last.",
    legend: "Legend: press to hide or show each series",
    source: "Source: ",
    notes: "Notes: ",
    table: "Show data table",
    menu: "Download / share",
    png: "Download PNG image",
    svg: "Download SVG",
    csv: "Download CSV data",
    embed: "Copy embed code",
    copied: "Embed code copied.",
    copyHere: "The chart's embed code: press Ctrl+C (on a Mac: ⌘C) to copy it.",
    close: "Close",
    saved: (name) => `Created the file ${name}.`,
    exportFailed: "The file could not be created.",
    exportNotReady:
      "The embedded chart's export module is not loaded: call await chart.exportReady() before toSVG() or toCSV().",
    destroyed: "The chart has been removed from the page (destroy).",
    element: "element: an HTML element to put the chart in is required.",
    options: "options: an options object is required.",
    height: (v) => `options.height: ${v} is not a CSS height (for example 360, "360px", "50vh").`,
    menuOption: (v) => `options.menu: must be "auto" or "none", not ${v}.`,
    crossFlag: (v) => `options.allowCrossOrigin: must be true or false, not ${v}.`,
    badUrl: (src) => `src: "${src}" is not a valid address.`,
    crossOrigin: (url) =>
      `src: ${url} is not on this page's origin; serve the data file from the same origin, or use the option allowCrossOrigin: true.`,
    http: (url, status) => `src: could not load ${url} (HTTP ${status}).`,
    network: (url) => `src: could not load ${url} (network error or refused by the server).`,
    timeout: (url) => `src: could not load ${url} within ${FETCH_TIMEOUT_MS / 1000} seconds.`,
    notJson: (url, type) => `src: ${url} is not JSON data (Content-Type: ${type}).`,
    data: "Data",
    invalid: (code) => `not a valid value (error code: ${code}).`,
  },
};

// SVG and CSV: the npm entry points' wasm build writes them; the reader's build that embed.js
// loads (khuyencong_charts_view_bg.wasm, ~16 KB smaller gzipped) leaves them out, and embed.js
// hands in a loader of the full build (embed-export.js) for the reader who asks for a file.
/** Whether this module's own wasm build has the exports. */
const OWN_EXPORTS = typeof Chart.prototype.toSVG === "function";
/** `() => Promise<{ ready, Chart }>`, set by embed.js. */
let exportLoader = null;
/** The Chart class that has the exports once loaded, and the load under way. */
let ExportChart = OWN_EXPORTS ? Chart : null;
let exportLoading = null;

/** Where the full build comes from when this module's build has no exports (embed.js). */
export function setExportLoader(load) {
  exportLoader = load;
}

/** `() => source of the wasm` for ready(), set by embed-draw.js (the reader's build); core.js's
 * default file without it. */
let wasmSource = () => undefined;

export function setWasmSource(source) {
  wasmSource = source;
}

/** Loads the export module once (again after a failure). */
function loadExports(locale) {
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

// Error sentences: the reader's build has none either (~6 KB gzipped less for every reader of a
// working chart). Its errors say "records[0].plan: invalid_amount" and are `brief`; the calls
// that can fail on bad input (a new chart, update, setOptions) remember their data and options
// here, and before the error is shown or thrown, `explained` has the full build (loaded as for
// an export) read them again and takes its sentence.
/** The data and options of each `brief` error, by error. */
const inputsOf = new WeakMap();

/** `fn()`, a call of the wasm with `json` and `options`; a `brief` error remembers them. */
function remembering(fn, json, options) {
  try {
    return fn();
  } catch (e) {
    if (e && e.brief) inputsOf.set(e, [json, options]);
    throw e;
  }
}

/** A new wasm chart of `json` with `options` (JSON texts); a `brief` error remembers them. */
function newChart(json, options, locale) {
  return remembering(() => wasm(() => new Chart(json, options), locale), json, options);
}

/**
 * `err` with its sentence: a `brief` error's from the full build, which reads the same data and
 * options; should that build not load (offline), a general sentence that still names the field
 * and gives the code.
 */
async function explained(err, locale) {
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

/** The menu's entries, in order. */
const ACTIONS = ["png", "svg", "csv", "embed"];

// The shell's own colours, matching the chart themes (src/chart/theme.rs): `surface` is the
// chart's background, `background` a raised surface (tooltip, menu). Text on each has at least
// 4.5:1 contrast, control borders 3:1. In forced-colors mode (Windows high contrast) the
// system's colours replace them all.
const PALETTE = {
  light: {
    surface: "#ffffff",
    background: "#ffffff",
    text: "#1f2328",
    muted: "#57606a",
    border: "#d0d7de",
    control: "#6e7781",
    link: "#0a5cad",
    head: "#f6f8fa",
    focus: "#0a5cad",
    selected: "#0a5cad",
    selectedText: "#ffffff",
    shadow: "rgb(31 35 40 / 0.2)",
  },
  dark: {
    surface: "#15191e",
    background: "#22272e",
    text: "#f0f3f6",
    muted: "#a9b1ba",
    border: "#545d68",
    control: "#8c959f",
    link: "#6cb6ff",
    head: "#22272e",
    focus: "#6cb6ff",
    selected: "#6cb6ff",
    selectedText: "#15191e",
    shadow: "rgb(0 0 0 / 0.55)",
  },
  system: {
    surface: "Canvas",
    background: "Canvas",
    text: "CanvasText",
    muted: "CanvasText",
    border: "CanvasText",
    control: "ButtonText",
    link: "ButtonText",
    head: "Canvas",
    focus: "Highlight",
    selected: "Highlight",
    selectedText: "HighlightText",
    shadow: "transparent",
  },
};

// Vietnamese-capable fonts; system-ui is left out (on some Windows locales it is a CJK font
// that places Vietnamese marks poorly).
const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

// The canvas's font list, as the wasm writes it (src/chart/paint.rs, FONT).
const CANVAS_FONT = "-apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif";
let fontsWarm = false;

/**
 * The first text a page's canvas measures costs the browser its font lookup, per weight (~3 ms
 * on a desktop, 10-25 ms at 4x CPU throttling): done once per page while the wasm and the data
 * load, when the main thread is idle, rather than inside the first chart's layout.
 */
function warmFonts() {
  if (fontsWarm || typeof document === "undefined") return;
  fontsWarm = true;
  const run = () => {
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return;
    // The title's, the labels' and legend's, the figures' and the ticks' and source line's.
    for (const font of ["bold 17px", "normal 13px", "bold 12px", "normal 12px"]) {
      ctx.font = `${font} ${CANVAS_FONT}`;
      ctx.measureText("Khuyến công địa phương, Hà Nội 0123456789,.%");
    }
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 0);
}

// Monospace fonts that place Vietnamese marks well first (DejaVu Sans Mono does not).
const MONO = '"Noto Sans Mono", Consolas, "Cascadia Mono", Menlo, ui-monospace, monospace';

const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: "0",
  border: "0",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  "clip-path": "inset(50%)",
  "white-space": "nowrap",
};

let serial = 0;

/**
 * Draws a chart of `data` inside `element` and makes it explorable with mouse, touch and
 * keyboard. `data` is an object, its JSON text, or the URL of a JSON file (fetched, same-origin
 * unless `options.allowCrossOrigin`). Resolves to a handle; rejects with a `KhuyenCongError`
 * after showing an error box (role="alert") in `element`.
 *
 * @example
 * const chart = await mount(document.querySelector("#kc"), "data/phia-bac-2022.json", { kind: "sources" });
 * await chart.setOptions({ theme: "dark" });
 * chart.destroy();
 */
export async function mount(element, data, options = {}) {
  return ChartHandle.mount(element, data, options);
}

class ChartHandle {
  #element;
  #options;
  #locale;
  /** What `update()` without an argument reloads: the object, text or URL last given. */
  #source;
  /** The absolute URL the current data came from, or null when it was given inline. */
  #sourceUrl = null;
  /** The JSON text of the current data (setOptions analyses it again). */
  #json;
  #chart;
  #view;
  #dom = null;
  #errorBox = null;
  /** The item outlined and described by the tooltip; -1 for none. */
  #active = -1;
  /** The tooltip's nodes, to reuse for the next one of the same shape (see #showTip). */
  #tip = null;
  /** Width (CSS px) and device pixel ratio of the last layout; 0 before the first. */
  #width = 0;
  #dpr = 0;
  /** CSS px per layout px: the page's font size over 16 px (see zoomAt()). */
  #zoom = 1;
  /** The page's font size (px) at the last layout, to notice a change. */
  #fontSize = 0;
  /** Height (CSS px) of the band under the chart that holds the controls; of the controls. */
  #band = 0;
  #toolsHeight = 0;
  /** The height (CSS px) options.height asked for at the last layout, or 0. */
  #requested = 0;
  /** Arguments of the last on-screen layout, to lay out again after an export. */
  #layoutArgs = null;
  /** Laid out for print: the printed width, the light theme, no controls. */
  #printing = false;
  /** In print after beforeprint: the height (CSS px) the page was paginated with, which the
   * layout at the printed width must keep (see #print); 0 for none. */
  #printFit = 0;
  #menuOpen = false;
  #tableShown = false;
  /** What the table shows, to rebuild it only when that changes. */
  #tableKey = "";
  #toastTimer = 0;
  #urls = new Set();
  /** Width and time of the layout before the last one, to notice a scrollbar flip. */
  #before = { width: 0, time: -Infinity };
  #frame = 0;
  #offs = [];
  #offResolution = null;
  #observer = null;
  #darkQuery = null;
  #forcedQuery = null;
  /** Aborts the fetch of the running update, if any. */
  #loading = null;
  #generation = 0;
  #destroyed = false;

  static async mount(element, data, options) {
    const locale = localeOf(options);
    if (typeof Element === "undefined" || !(element instanceof Element)) {
      throw new KhuyenCongError(TEXT[locale].element, "invalid_value", "element");
    }
    const handle = new ChartHandle(element, locale);
    warmFonts();
    try {
      handle.#options = shellOptions(options, locale);
      // The wasm and the data load side by side (the first chart of a page waits for the
      // longer of the two, not their sum); a wasm that cannot load is the error to report.
      const loaded = ready(wasmSource());
      // No signal: nothing can cancel a mount, whose handle nobody holds yet.
      const fetched = resolveData(data, handle.#options, undefined, locale);
      fetched.catch(() => {});
      await loaded;
      const json = await fetched;
      handle.#chart = newChart(json, toJson(handle.#options, locale), locale);
      handle.#source = data;
      handle.#sourceUrl = urlOf(data);
      handle.#json = json;
      handle.#build();
      handle.#render();
      // Not laid out (mounted hidden): the texts are there all the same.
      if (!handle.#view) {
        handle.#view = JSON.parse(handle.#call((c) => c.view()));
        handle.#syncText();
      }
      return handle;
    } catch (e) {
      const err = await explained(asError(e, locale), locale);
      handle.destroy();
      handle.#showError(err);
      throw err;
    }
  }

  constructor(element, locale) {
    this.#element = element;
    this.#locale = locale;
  }

  /** The element the chart was mounted in. */
  get element() {
    return this.#element;
  }

  /** The canvas the chart is painted on (null after destroy). */
  get canvas() {
    return this.#dom ? this.#dom.canvas : null;
  }

  /**
   * What the chart shows, as of the last layout: `{ title, description, source, notes, locale,
   * kind, height, items: [{ title, rows, speech, anchor, rect }], legend: [{ key, label, hidden,
   * rect }], table: { head, rows }, warnings }`, in CSS px from the canvas's top left corner
   * (`height` is the canvas's, the band of controls under the chart included). Read-only.
   */
  view() {
    return this.#view;
  }

  /**
   * Replaces the data (object, JSON text or URL; without an argument, reloads the current one,
   * fetching a URL again). Options stay. On error the chart keeps its data, an error box shows
   * the message and the promise rejects with a `KhuyenCongError`. A newer update supersedes a
   * running one, whose promise then resolves without effect.
   */
  async update(data = this.#source) {
    if (this.#destroyed) return;
    const generation = ++this.#generation;
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    try {
      const json = await resolveData(data, this.#options, controller.signal, this.#locale);
      if (generation !== this.#generation || this.#destroyed) return;
      this.#replace(json, toJson(this.#options, this.#locale), this.#locale);
      this.#source = data;
      this.#sourceUrl = urlOf(data);
      this.#json = json;
      this.#afterChange();
    } catch (e) {
      if (generation !== this.#generation || this.#destroyed) return;
      const err = await explained(asError(e, this.#locale), this.#locale);
      if (generation !== this.#generation || this.#destroyed) return;
      this.#showError(err);
      throw err;
    } finally {
      if (this.#loading === controller) this.#loading = null;
    }
  }

  /**
   * Changes some options (merged with the current ones) and draws again before returning (the
   * promise only carries the outcome, like update's). Rejects with a `KhuyenCongError`, after
   * showing it in an error box, when the result is invalid; the chart then keeps its options.
   */
  async setOptions(options) {
    if (this.#destroyed) return;
    const locale = localeOf({ ...this.#options, ...options });
    try {
      if (options === null || typeof options !== "object") {
        throw new KhuyenCongError(TEXT[locale].options, "invalid_option", "options");
      }
      const merged = shellOptions({ ...this.#options, ...options }, locale);
      this.#replace(this.#json, toJson(merged, locale), locale);
      this.#options = merged;
      this.#locale = locale;
      this.#afterChange();
    } catch (e) {
      const err = await explained(asError(e, locale), locale);
      if (this.#destroyed) return;
      this.#showError(err);
      throw err;
    }
  }

  /**
   * The chart as a PNG image at twice its CSS width (a solid light background; title, legend
   * and source line included, the controls not), or, with `picture: true`, laid out as the
   * embed code's picture (see #exportSize). Resolves to a `Blob` of type image/png.
   */
  async toPNG({ picture = false } = {}) {
    this.#alive();
    const canvas = document.createElement("canvas");
    const { width, height } = this.#exportLayout(canvas, picture);
    try {
      canvas.width = Math.round(width * EXPORT_SCALE);
      canvas.height = Math.round(height * EXPORT_SCALE);
      this.#call((c) => c.paint(canvas, EXPORT_SCALE, -1), this.#locale);
    } finally {
      this.#restoreLayout();
    }
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new KhuyenCongError(TEXT[this.#locale].exportFailed, "internal");
    return blob;
  }

  /**
   * The chart as an SVG document (text), drawn by the same painter as the canvas through
   * plotters' SVG backend, at the chart's CSS width in the light theme (or, with `picture:
   * true`, laid out as the embed code's picture): text stays text. The title and description
   * are in its <title> and <desc>.
   */
  toSVG({ picture = false } = {}) {
    this.#alive();
    const svg = this.#exported((c) => c.toSVG(), true, picture);
    const { title } = this.#view;
    const about = `<title>${escapeXml(title)}</title><desc>${escapeXml(this.#describe())}</desc>`;
    return svg.replace(/^<svg\b[^>]*>/, (open) => `${open}\n${about}`);
  }

  /** The figures behind the chart as CSV text (UTF-8 with a byte-order mark, RFC 4180). */
  toCSV() {
    this.#alive();
    return this.#exported((c) => c.toCSV(), false);
  }

  /**
   * Resolves when toSVG() and toCSV() can run: at once with the npm entry points; for a chart
   * drawn by embed.js, the first call loads the full build (a reader who never asks for a file
   * never downloads it).
   */
  async exportReady() {
    this.#alive();
    await loadExports(this.#locale);
  }

  /**
   * `fn` on a wasm chart that has the exports, laid out for export if `laidOut` (the light
   * theme, the on-screen width): this chart's own object (its layout put back after), or, in
   * embed.js's reader build, a copy in the full build with the same data, options and hidden
   * series, freed after.
   */
  #exported(fn, laidOut, picture) {
    if (OWN_EXPORTS) {
      if (!laidOut) return this.#call(fn);
      try {
        this.#exportLayout(document.createElement("canvas"), picture);
        return this.#call(fn);
      } finally {
        this.#restoreLayout();
      }
    }
    const locale = this.#locale;
    if (!ExportChart) throw new KhuyenCongError(TEXT[locale].exportNotReady, "not_ready");
    const copy = wasm(() => new ExportChart(this.#json, toJson(this.#options, locale)), locale);
    try {
      if (laidOut) {
        const canvas = document.createElement("canvas");
        const layout = (width, requested) =>
          wasm(() => copy.layout(canvas, width, requested, false), locale);
        // The series the reader hid (the copy's legend is in the same order).
        const hidden = (this.#view?.legend ?? []).flatMap((entry, i) => (entry.hidden ? [i] : []));
        if (hidden.length) {
          layout(EXPORT_WIDTH, 0);
          for (const i of hidden) copy.toggleSeries(i);
        }
        const { width, requested } = this.#exportSize(picture, layout);
        layout(width, requested);
      }
      return wasm(() => fn(copy), locale);
    } finally {
      copy.free();
    }
  }

  /**
   * HTML that shows this chart in an article (embed-code.js): by default (`way: "picture"`) its
   * picture, a link that draws it interactive (the data inline) and the table of its figures,
   * which rich-text editors keep; `"element"` and `"plain"` (embed.js and the chart's element,
   * with its data's URL when it was mounted from one, else the data inline) and `"iframe"` (only
   * for a chart mounted from a URL) where the CMS allows them. On a chart drawn by embed.js the
   * picture is drawn by the full build, loaded the first time (see exportReady).
   */
  async toEmbedCode({ way = "picture", base, picture, dataUrl } = {}) {
    this.#alive();
    await this.exportReady();
    const svg = this.toSVG({ picture: true });
    const [, width, height] = /<svg\b[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"/.exec(svg) ?? [];
    const codes = await embedCodes({
      view: this.#view,
      json: this.#json,
      attributes: attributesOf({ ...this.#options, kind: this.#view.kind, locale: this.#locale }),
      pkgBase: new URL(base ?? "./", import.meta.url).href,
      picture: { src: picture ?? svgDataUrl(svg), width: Number(width), height: Number(height) },
      dataUrl: dataUrl ?? this.#sourceUrl ?? undefined,
      allowCrossOrigin: this.#options.allowCrossOrigin === true,
      frameHeight: this.#view.height,
    });
    const code = codes[way];
    if (typeof code !== "string") {
      throw new KhuyenCongError(`way: ${way}`, "invalid_option", "way");
    }
    return code;
  }

  /**
   * Removes everything the chart added to the page (nodes, listeners, observers, a pending
   * frame or fetch) and frees its WebAssembly memory. Safe to call more than once.
   */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#loading?.abort();
    if (this.#frame) cancelAnimationFrame(this.#frame);
    clearTimeout(this.#toastTimer);
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#observer?.disconnect();
    this.#offResolution?.();
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#dom?.wrapper.remove();
    this.#dom = null;
    this.#errorBox?.remove();
    this.#errorBox = null;
    this.#drop();
  }

  /** Calls this chart's wasm object. A trap (a bug, never bad input) leaves the object
   * borrowed for good: it is dropped, the error is this call's, and the chart shows it until
   * update() or setOptions() builds a new object. */
  #call(fn, locale = this.#locale) {
    if (!this.#chart) throw new KhuyenCongError(message("internal", locale), "internal");
    try {
      return fn(this.#chart);
    } catch (e) {
      if (!(e instanceof KhuyenCongError)) this.#drop();
      throw asError(e, locale);
    }
  }

  /**
   * New data and options: into the wasm object, or into a new one after a trap dropped it. On
   * error the chart keeps its object.
   */
  #replace(json, options, locale) {
    if (this.#chart) {
      remembering(() => this.#call((c) => c.update(json, options), locale), json, options);
    } else {
      this.#chart = newChart(json, options, locale);
    }
  }

  /** Frees the wasm object; one that trapped stays borrowed and cannot be freed: let it go. */
  #drop() {
    try {
      this.#chart?.free();
    } catch {
      // leaked, never thrown
    }
    this.#chart = null;
  }

  // ---- building and drawing -----------------------------------------------------------

  #build() {
    const id = `kc-chart-${++serial}`;
    // A page break never cuts a chart that fits on a page.
    const wrapper = el("div", { position: "relative", "break-inside": "avoid" });
    wrapper.className = "kc-chart";
    wrapper.setAttribute("role", "group");

    const canvas = el("canvas", {
      display: "block",
      width: "100%",
      // Neither grey flash on tap nor text selection on a long press.
      "-webkit-tap-highlight-color": "transparent",
      "user-select": "none",
    });
    canvas.className = "kc-chart__canvas";
    canvas.tabIndex = 0;

    // The hover and focus outline is drawn on its own transparent layer, so that moving the
    // pointer repaints one small path instead of the whole chart; the layer covers only the
    // outline (see #paintActive), so that a hover never clears, or has the browser composite,
    // a canvas the size of the chart. One transparent pixel until then.
    const overlay = el("canvas", {
      position: "absolute",
      left: "0",
      top: "0",
      "pointer-events": "none",
    });
    overlay.className = "kc-chart__overlay";
    overlay.setAttribute("aria-hidden", "true");
    overlay.width = 1;
    overlay.height = 1;
    canvas.setAttribute("aria-describedby", `${id}-description`);

    // Zero-sized and at the top left: buttons inside are placed in chart coordinates, and the
    // layer itself never covers the canvas.
    const legend = el("div", {
      position: "absolute",
      left: "0",
      top: "0",
      width: "0",
      height: "0",
    });
    legend.className = "kc-chart__legend";
    legend.setAttribute("role", "group");

    // Placed by a transform from the top left, on a layer of its own, laid out on its own: a
    // hover moves it without laying out or repainting the page and the chart under it.
    const tooltip = el("div", {
      position: "absolute",
      left: "0",
      top: "0",
      "will-change": "transform",
      contain: "layout",
      "z-index": "1",
      display: "none",
      "box-sizing": "border-box",
      padding: "6px 10px",
      "border-radius": "6px",
      "border-width": "1px",
      "border-style": "solid",
      "pointer-events": "none",
      "white-space": "normal",
      "overflow-wrap": "anywhere",
      "text-align": "left",
    });
    tooltip.className = "kc-chart__tooltip";
    // The live region says the same to screen readers; the tooltip is for the eyes.
    tooltip.setAttribute("aria-hidden", "true");

    const tools = this.#buildTools(id);

    const description = el("p", VISUALLY_HIDDEN);
    description.id = `${id}-description`;
    const live = el("div", VISUALLY_HIDDEN);
    live.className = "kc-chart__live";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");

    // The data table's box: the table is built in it when the toggle opens it, and taken out
    // when it closes (see #syncTable).
    const table = el("div", { display: "none" });
    table.id = `${id}-table`;
    table.className = "kc-chart__table";
    table.hidden = true;

    wrapper.append(canvas, overlay, legend, tooltip, tools.tools, description, live, table);
    this.#element.append(wrapper);
    this.#dom = { wrapper, canvas, overlay, legend, tooltip, description, live, table, ...tools };

    this.#on(canvas, "pointermove", this.#onPointerMove);
    this.#on(canvas, "pointerdown", this.#onPointerDown);
    this.#on(canvas, "pointerleave", this.#onPointerLeave);
    this.#on(canvas, "keydown", this.#onKeyDown);
    this.#on(canvas, "blur", () => this.#activate(-1));
    this.#on(wrapper, "focusin", (e) => this.#ring(e.target, e.target.matches(":focus-visible")));
    this.#on(wrapper, "focusout", (e) => this.#ring(e.target, false));
    this.#on(legend, "click", this.#onLegendClick);
    this.#on(tools.tableButton, "click", () => this.#showTable(!this.#tableShown));
    this.#on(tools.menuButton, "click", () =>
      this.#menuOpen ? this.#closeMenu(true) : this.#openMenu(0),
    );
    this.#on(tools.menuButton, "keydown", this.#onMenuButtonKey);
    this.#on(tools.menu, "keydown", this.#onMenuKey);
    this.#on(tools.menu, "click", this.#onMenuClick);
    this.#on(tools.menu, "pointermove", (e) => {
      const item = e.target.closest('[role="menuitem"]');
      if (item && item !== document.activeElement) item.focus();
    });
    this.#on(tools.menu, "focusin", () => this.#styleMenu());
    this.#on(tools.menu, "focusout", (e) => {
      this.#styleMenu();
      // Focus gone to something else of the page: the menu closes. (A click outside closes it
      // through pointerdown; a click on an item, which Safari does not focus, must not.)
      if (this.#menuOpen && e.relatedTarget && !tools.menuBox.contains(e.relatedTarget)) {
        this.#closeMenu(false);
      }
    });
    // Tapping elsewhere in the page, or Escape anywhere, dismisses the tooltip and the menu.
    this.#on(
      document,
      "pointerdown",
      (e) => {
        if (this.#active >= 0 && !wrapper.contains(e.target)) this.#activate(-1);
        if (this.#menuOpen && !tools.menuBox.contains(e.target)) this.#closeMenu(false);
      },
      true,
    );
    this.#on(document, "keydown", (e) => {
      if (e.key === "Escape" && this.#active >= 0) this.#activate(-1);
    });
    this.#darkQuery = matchMedia("(prefers-color-scheme: dark)");
    this.#on(this.#darkQuery, "change", () => {
      if (this.#theme() === "auto") this.#schedule();
    });
    this.#forcedQuery = matchMedia("(forced-colors: active)");
    this.#on(this.#forcedQuery, "change", () => this.#schedule());
    // Print: the print layout is in place when the print query changes (Chromium, Safari);
    // beforeprint comes first, and alone in browsers that do not signal the query.
    this.#on(window, "beforeprint", () => this.#print(true, false));
    this.#on(window, "afterprint", () => this.#print(false));
    this.#on(matchMedia("print"), "change", (e) => this.#print(e.matches, true));
    this.#watchResolution();
    // One observer, on the band of controls: as wide as the chart less its padding and as tall
    // as its buttons, it changes with the chart's width and with the page's font size. Only
    // those matter: the height is the layout's (or options.height), so a taller chart can
    // never feed back into its own width.
    this.#observer = new ResizeObserver(() => {
      if (this.#printing || !this.#dom) return;
      const width = parseFloat(getComputedStyle(wrapper).width);
      if (
        Math.abs(width - this.#width) > 0.01 ||
        this.#fontSize !== fontSizeOf(wrapper) ||
        Math.abs(this.#dom.tools.offsetHeight - this.#toolsHeight) > 0.5
      ) {
        this.#schedule();
      }
    });
    this.#observer.observe(tools.tools);
  }

  /** The band of controls: the table toggle on the left, the menu on the right. */
  #buildTools(id) {
    const tools = el("div", {
      position: "absolute",
      display: "flex",
      "flex-wrap": "wrap",
      "align-items": "center",
      "justify-content": "space-between",
      gap: "6px 8px",
      "box-sizing": "border-box",
    });
    tools.className = "kc-chart__tools";

    const tableButton = control("kc-chart__table-toggle");
    tableButton.setAttribute("aria-expanded", "false");
    tableButton.setAttribute("aria-controls", `${id}-table`);
    const chevron = el("span", {
      display: "inline-block",
      width: "0",
      height: "0",
      "margin-right": "0.5em",
      "border-top": "0.3em solid transparent",
      "border-bottom": "0.3em solid transparent",
      "border-left": "0.4em solid currentColor",
      "vertical-align": "0.05em",
      // A triangle of borders: forced colors would paint the transparent ones.
      "forced-color-adjust": "none",
    });
    chevron.setAttribute("aria-hidden", "true");
    const tableLabel = el("span", {});
    tableButton.append(chevron, tableLabel);

    const menuBox = el("div", { position: "relative", "margin-left": "auto" });
    const menuButton = control("kc-chart__menu-button");
    menuButton.id = `${id}-menu-button`;
    menuButton.setAttribute("aria-haspopup", "menu");
    menuButton.setAttribute("aria-expanded", "false");
    menuButton.setAttribute("aria-controls", `${id}-menu`);
    const menuLabel = el("span", {});
    const caret = el("span", {
      display: "inline-block",
      width: "0",
      height: "0",
      "margin-left": "0.5em",
      "border-left": "0.3em solid transparent",
      "border-right": "0.3em solid transparent",
      "border-top": "0.4em solid currentColor",
      "vertical-align": "0.1em",
      "forced-color-adjust": "none",
    });
    caret.setAttribute("aria-hidden", "true");
    menuButton.append(menuLabel, caret);

    // Opens upwards, over the chart: below, it would leave an iframe sized to the chart.
    const menu = el("div", {
      position: "absolute",
      right: "0",
      bottom: "calc(100% + 4px)",
      "z-index": "2",
      display: "none",
      "flex-direction": "column",
      "box-sizing": "border-box",
      "min-width": "12em",
      padding: "4px",
      "border-radius": "6px",
      "border-width": "1px",
      "border-style": "solid",
    });
    menu.id = `${id}-menu`;
    menu.className = "kc-chart__menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-labelledby", menuButton.id);
    const items = ACTIONS.map((action) => {
      const item = el("button", {
        display: "block",
        width: "100%",
        margin: "0",
        padding: "0.5em 0.75em",
        border: "0",
        "border-radius": "4px",
        font: "inherit",
        "text-align": "left",
        "white-space": "nowrap",
        cursor: "pointer",
        // Its colours are the system's already (Highlight on the focused item); left to the
        // browser, the text would get a Canvas backplate on the Highlight row.
        "forced-color-adjust": "none",
      });
      item.type = "button";
      item.className = "kc-chart__menu-item";
      item.setAttribute("role", "menuitem");
      item.tabIndex = -1;
      item.dataset.action = action;
      return item;
    });
    menu.append(...items);
    // What a copy or a download did, for the eyes (the live region says it to screen readers).
    const toast = el("div", {
      position: "absolute",
      right: "0",
      bottom: "calc(100% + 4px)",
      "z-index": "2",
      display: "none",
      padding: "6px 10px",
      "border-radius": "6px",
      "border-width": "1px",
      "border-style": "solid",
      "white-space": "nowrap",
    });
    toast.className = "kc-chart__toast";
    toast.setAttribute("aria-hidden", "true");
    menuBox.append(menuButton, menu, toast);
    tools.append(tableButton, menuBox);
    return { tools, tableButton, tableLabel, menuBox, menuButton, menuLabel, menu, items, toast };
  }

  /** Re-renders when the device pixel ratio changes (browser zoom, a move to another screen). */
  #watchResolution() {
    this.#offResolution?.();
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.#offResolution = this.#listen(query, "change", () => {
      this.#watchResolution();
      this.#schedule();
    });
  }

  #schedule() {
    if (!this.#frame && !this.#destroyed) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#guard(() => this.#render());
      });
    }
  }

  /**
   * Lays out at the wrapper's width (in layout px: CSS px over the zoom), sizes the canvas to
   * CSS size × device pixel ratio with the band of controls under the chart, paints.
   */
  #render() {
    if (!this.#chart) return; // dropped after a trap: the error box stays until an update
    const { wrapper, canvas, tools } = this.#dom;
    const printing = this.#printing;
    const dark = !printing && this.#dark();
    const p = this.#palette(dark);
    // Untransformed and fractional, unlike clientWidth or getBoundingClientRect(); the font
    // size read with it, before anything changes a style (no second style pass).
    const style = getComputedStyle(wrapper);
    let width = parseFloat(style.width);
    this.#fontSize = parseFloat(style.fontSize) || BASE_FONT;
    if (!(width > 0)) return; // not displayed: the observer calls again when it is
    // A canvas the browser gives no 2D context (it holds a WebGL one, or the browser is out of
    // canvases): nothing can be drawn, which is this chart's internal error.
    if (!canvas.getContext("2d")) throw asError(null, this.#locale);
    let dpr = window.devicePixelRatio || 1;
    if (printing) {
      dpr = Math.max(dpr, PRINT_DPR);
      canvas.style.setProperty("width", "100%");
    } else {
      // A scrollbar that appears because the chart got taller at one width, and goes away
      // because it got shorter at the narrower width, would flip the width for ever (classic
      // scrollbars, an iframe sized to its content). When the width comes back within a second
      // to the one before last, keep the narrower width, and the canvas at it so it stays crisp.
      const back = width - this.#width;
      const flip =
        width === this.#before.width &&
        back > 0 &&
        back <= 24 &&
        dpr === this.#dpr &&
        performance.now() - this.#before.time < 1000;
      if (flip) width = this.#width;
      else this.#before = { width: this.#width, time: performance.now() };
      canvas.style.setProperty("width", flip ? `${width}px` : "100%");
    }
    const zoom = zoomAt(this.#fontSize, width);
    this.#zoom = zoom;

    // The controls sit under the chart, in its bottom padding and a band added to the canvas
    // (painted in the chart's background): their height decides the band's.
    const pad = width / zoom >= 480 ? 16 : 10;
    const rise = (pad - TOOLS_GAP) * zoom;
    let band = 0;
    if (printing) {
      tools.style.setProperty("display", "none");
      this.#toolsHeight = 0;
    } else {
      this.#syncTools(p, zoom, pad);
      this.#toolsHeight = tools.offsetHeight;
      band = Math.max(this.#toolsHeight + TOOLS_BOTTOM * zoom - rise, 0);
    }
    this.#band = band;

    let requested = 0;
    if (this.#options.height !== undefined && !printing) {
      canvas.style.removeProperty("aspect-ratio");
      canvas.style.setProperty("height", cssHeight(this.#options.height));
      requested = parseFloat(getComputedStyle(canvas).height) || 0;
    }
    this.#requested = requested;
    const fit = printing ? this.#printFit : 0;
    const chartRequested = (fit || (requested > 0 ? Math.max(requested - band, 1) : 0)) / zoom;
    this.#layoutArgs = [width / zoom, chartRequested, dark];
    const layoutHeight = this.#call((c) => c.layout(canvas, width / zoom, chartRequested, dark),
      this.#locale,
    );
    const chartHeight = layoutHeight * zoom;
    const height = chartHeight + band;
    if (printing) {
      // In proportion at whatever width the page ends up printed: never stretched. Taller than
      // the height the page was paginated with, it would push the article's end off the last
      // page: then it keeps that height and is a little narrower.
      const shrink = fit > 0 && height > fit + 0.5;
      css(canvas, {
        width: shrink ? `${(width * fit) / height}px` : "100%",
        height: "auto",
        "aspect-ratio": `${width} / ${height}`,
        margin: "0 auto",
      });
    } else {
      canvas.style.removeProperty("aspect-ratio");
      canvas.style.removeProperty("margin");
      canvas.style.setProperty("height", `${height}px`);
      tools.style.setProperty("top", `${chartHeight - rise}px`);
    }
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    // Assigning a size clears the canvas even when it is unchanged: only assign changes.
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    this.#width = width;
    this.#dpr = dpr;
    this.#view = scaleView(JSON.parse(this.#call((c) => c.view())), zoom, height);
    if (this.#active >= this.#view.items.length) this.#active = -1;
    this.#syncText();
    this.#syncTable(p, zoom);
    this.#styleTooltip(p, zoom);
    this.#syncLegend();
    this.#paint();
    if (this.#active >= 0) this.#showTip(this.#active);
  }

  /** The whole chart, without any outline (after a layout only). */
  #paint() {
    this.#call((c) => c.paint(this.#dom.canvas, this.#dpr * this.#zoom, -1), this.#locale);
    this.#paintActive();
  }

  /**
   * The active item's outline on the overlay: all a hover or an arrow key repaints. The overlay
   * covers the item's box and the outline around it, on the chart canvas's own pixel grid: its
   * edges are on whole CSS px (the browser snaps a box to them) that are whole device px too.
   * It keeps its size while that is large enough (a canvas of a new size is a new buffer for
   * the browser to make and hand on): only its place changes.
   */
  #paintActive() {
    const { overlay, canvas } = this.#dom;
    const item = this.#view.items[this.#active];
    // Device px: the outline is drawn 3 layout px out, with a stroke of 2 (and a ring of 1 more
    // each side), rounded; the margin is a little more than that, and one layout px more for
    // the mitred corner of a donut sector's outline.
    const margin = Math.ceil(5 * this.#dpr * this.#zoom + 4);
    const [x, y, w, h] = item ? item.rect : [];
    const across = item && overlaySpan(x, x + w, margin, canvas.width, this.#width, overlay.width);
    const down =
      item && overlaySpan(y, y + h, margin, canvas.height, this.#view.height, overlay.height);
    if (across && down && (overlay.width !== across.pixels || overlay.height !== down.pixels)) {
      // A new size clears the canvas too.
      overlay.width = across.pixels;
      overlay.height = down.pixels;
    } else if (overlay.width > 1) {
      overlay.getContext("2d").clearRect(0, 0, overlay.width, overlay.height);
    }
    if (!across || !down) return;
    css(overlay, {
      left: `${across.left}px`,
      top: `${down.left}px`,
      width: `${across.size}px`,
      height: `${down.size}px`,
    });
    this.#call((c) =>
      c.paintActive(overlay, this.#dpr * this.#zoom, this.#active, across.from, down.from),
    );
  }

  /** After new data or options: forget the active item, drop an old error, draw again. */
  #afterChange() {
    this.#showError(null);
    this.#active = -1;
    this.#hideTip();
    this.#render();
  }

  #theme() {
    return this.#options.theme ?? "auto";
  }

  #dark() {
    const theme = this.#theme();
    return theme === "dark" || (theme === "auto" && this.#darkQuery.matches);
  }

  /** The shell's colours: the chart's theme, or the system's in forced-colors mode. */
  #palette(dark = !this.#printing && this.#dark()) {
    if (this.#forcedQuery?.matches) return PALETTE.system;
    return PALETTE[dark ? "dark" : "light"];
  }

  /** The accessible description: the figures in the press's phrasing, the source line and
   * the notes of the data. */
  #describe() {
    const { spokenDescription, source, notes, locale } = this.#view;
    const t = TEXT[locale];
    const parts = [spokenDescription];
    if (source) parts.push(sentence(`${t.source}${source}`));
    if (notes) parts.push(sentence(`${t.notes}${notes}`));
    return parts.filter(Boolean).join(" ");
  }

  #syncText() {
    const { wrapper, canvas, description, legend } = this.#dom;
    const { title, locale } = this.#view;
    wrapper.lang = locale;
    wrapper.setAttribute("aria-label", title);
    canvas.setAttribute("aria-label", title);
    description.textContent = `${this.#describe()} ${TEXT[locale].keys}`;
    legend.setAttribute("aria-label", TEXT[locale].legend);
  }

  /** Texts, colours and place of the controls (before the layout, which needs their height). */
  #syncTools(p, zoom, pad) {
    const t = TEXT[this.#locale];
    const d = this.#dom;
    d.tableLabel.textContent = t.table;
    d.menuLabel.textContent = t.menu;
    d.items.forEach((item, i) => {
      item.textContent = t[ACTIONS[i]];
    });
    const withMenu = this.#options.menu !== "none";
    if (!withMenu && this.#menuOpen) this.#closeMenu(false);
    d.menuBox.style.setProperty("display", withMenu ? "block" : "none");
    // The band keeps the page's font size (its buttons have their own): a hundredth of an em
    // of padding makes its box, which the resize observer watches, change with that size.
    css(d.tools, {
      display: "flex",
      left: `${(pad - 6) * zoom}px`,
      right: `${(pad - 6) * zoom}px`,
      "padding-bottom": "0.01em",
    });
    const font = `${13 * zoom}px/1.4 ${FONT}`;
    for (const node of [d.menu, d.toast]) node.style.setProperty("font", font);
    for (const button of [d.tableButton, d.menuButton]) {
      css(button, {
        font,
        "min-height": `${TOOLS_HEIGHT * zoom}px`,
        padding: `0 ${6 * zoom}px`,
        color: p.link,
        background: p.surface,
      });
    }
    css(d.menu, {
      background: p.background,
      color: p.text,
      "border-color": p.border,
      "box-shadow": `0 4px 14px ${p.shadow}`,
    });
    css(d.toast, {
      background: p.background,
      color: p.text,
      "border-color": p.border,
      "box-shadow": `0 2px 10px ${p.shadow}`,
    });
    this.#styleMenu(p);
  }

  /** The focused menu item stands out (the focus ring alone is thin on a highlighted row). */
  #styleMenu(p = this.#palette()) {
    for (const item of this.#dom.items) {
      const on = item === document.activeElement;
      css(item, {
        background: on ? p.selected : "transparent",
        color: on ? p.selectedText : p.text,
      });
    }
  }

  #styleTooltip(p, zoom) {
    const { tooltip } = this.#dom;
    css(tooltip, {
      font: `${13 * zoom}px/1.45 ${FONT}`,
      background: p.background,
      color: p.text,
      "border-color": p.border,
      "box-shadow": `0 2px 10px ${p.shadow}`,
      "max-width": `${Math.max(Math.min(TIP_MAX_WIDTH * zoom, this.#width - 8), 80)}px`,
    });
  }

  /** One transparent button over each legend entry drawn on the canvas (updated in place, so a
   * focused button keeps the focus when its series is toggled). */
  #syncLegend() {
    const layer = this.#dom.legend;
    const entries = this.#view.legend;
    layer.hidden = entries.length === 0;
    while (layer.children.length > entries.length) layer.lastElementChild.remove();
    entries.forEach((entry, i) => {
      let button = layer.children[i];
      if (!button) {
        button = el("button", {
          position: "absolute",
          margin: "0",
          padding: "0",
          border: "0",
          "border-radius": "3px",
          background: "transparent",
          cursor: "pointer",
        });
        button.type = "button";
        button.append(el("span", VISUALLY_HIDDEN));
        layer.append(button);
      }
      const [x, y, w, h] = entry.rect;
      css(button, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
      button.firstChild.textContent = entry.label;
      button.setAttribute("aria-pressed", String(!entry.hidden));
    });
  }

  // ---- the data table -------------------------------------------------------------------

  /**
   * The data table, when the toggle has opened it: built from the view (again when what it
   * shows changes), in the chart's colours, in a box that scrolls sideways. Closed, the box is
   * hidden and empty. Screen readers have the same figures without it (the description, and
   * each point announced with all its figures); a second, hidden copy of the table would have
   * them read every figure twice, next to the table the editor typed as the fallback. The
   * toggle says it controls the box (aria-controls, aria-expanded), so they can open it too.
   */
  #syncTable(p, zoom) {
    const { table: box } = this.#dom;
    if (!this.#tableShown) {
      box.hidden = true;
      // Inline too: a page's `div { display: block }` would beat the hidden attribute.
      box.style.setProperty("display", "none");
      box.replaceChildren();
      this.#tableKey = "";
      return;
    }
    const { title, table } = this.#view;
    const key = JSON.stringify([title, table]);
    if (key !== this.#tableKey) {
      this.#tableKey = key;
      box.replaceChildren(buildTable(table, title, `${box.id}-caption`));
    }
    box.hidden = false;
    css(box, {
      display: "block",
      "margin-top": `${8 * zoom}px`,
      padding: `${8 * zoom}px`,
      "overflow-x": "auto",
      "border-width": "1px",
      "border-style": "solid",
      "border-radius": "6px",
      "border-color": p.border,
      background: p.surface,
      color: p.text,
      font: `${13 * zoom}px/1.45 ${FONT}`,
    });
    // A region of its own, to scroll sideways with the keyboard when it is wider than the page.
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", `${box.id}-caption`);
    box.tabIndex = 0;
    for (const cell of box.querySelectorAll("th, td")) {
      css(cell, {
        "border-bottom": `1px solid ${p.border}`,
        color: p.text,
        background: cell.parentElement.parentElement.localName === "thead" ? p.head : p.surface,
      });
    }
    for (const cell of box.querySelectorAll("tfoot th, tfoot td")) {
      css(cell, { "border-top": `2px solid ${p.text}`, background: p.head });
    }
  }

  #showTable(on) {
    this.#tableShown = on;
    this.#dom.tableButton.setAttribute("aria-expanded", String(on));
    this.#dom.tableButton.firstChild.style.setProperty("transform", on ? "rotate(90deg)" : "none");
    this.#syncTable(this.#palette(), this.#zoom);
  }

  // ---- the menu ---------------------------------------------------------------------------

  /** Opens the menu with item `index` focused (-1: the last). */
  #openMenu(index) {
    const { menu, menuButton, items, toast } = this.#dom;
    this.#menuOpen = true;
    this.#activate(-1);
    toast.style.setProperty("display", "none");
    menu.style.setProperty("display", "flex");
    menuButton.setAttribute("aria-expanded", "true");
    items.at(index).focus();
  }

  /** Closes the menu; `refocus` puts the focus back on its button (Escape, a choice). */
  #closeMenu(refocus) {
    if (!this.#dom) return;
    const { menu, menuButton } = this.#dom;
    this.#menuOpen = false;
    menu.style.setProperty("display", "none");
    menuButton.setAttribute("aria-expanded", "false");
    if (refocus) menuButton.focus();
  }

  #onMenuButtonKey(e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      this.#openMenu(e.key === "ArrowDown" ? 0 : -1);
    }
  }

  #onMenuKey(e) {
    const { items } = this.#dom;
    const i = items.indexOf(document.activeElement);
    const n = items.length;
    let next;
    switch (e.key) {
      case "ArrowDown":
        next = (i + 1) % n;
        break;
      case "ArrowUp":
        next = (i - 1 + n) % n;
        break;
      case "Home":
      case "PageUp":
        next = 0;
        break;
      case "End":
      case "PageDown":
        next = n - 1;
        break;
      case "Escape":
        e.preventDefault();
        e.stopPropagation();
        this.#closeMenu(true);
        return;
      case "Tab":
        // From the button, Tab and Shift+Tab then move on as from the menu (the items are
        // out of the tab order).
        this.#closeMenu(true);
        return;
      default: {
        // A letter goes to the next item that starts with it.
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        const letter = e.key.toLocaleLowerCase(this.#locale);
        const order = [...items.slice(i + 1), ...items.slice(0, i + 1)];
        const match = order.find((item) =>
          item.textContent.toLocaleLowerCase(this.#locale).startsWith(letter),
        );
        if (!match) return;
        next = items.indexOf(match);
      }
    }
    e.preventDefault();
    items[next].focus();
  }

  #onMenuClick(e) {
    const item = e.target.closest('[role="menuitem"]');
    if (!item) return;
    this.#closeMenu(true);
    this.#run(item.dataset.action);
  }

  /** Does what a menu item says; a failure is said where the menu was, and logged. */
  async #run(action) {
    const t = TEXT[this.#locale];
    try {
      if (action === "embed") {
        await this.#copy(await this.toEmbedCode());
        return;
      }
      const name = `${slugify(this.#view.title)}-${this.#view.kind}`;
      // Loaded on the first SVG or CSV of a page drawn by embed.js (see exportReady).
      if (action === "svg" || action === "csv") await this.exportReady();
      if (action === "png") this.#download(await this.toPNG(), `${name}.png`);
      if (action === "svg") {
        const text = `<?xml version="1.0" encoding="UTF-8"?>\n${this.toSVG()}`;
        this.#download(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), `${name}.svg`);
      }
      if (action === "csv") {
        this.#download(new Blob([this.toCSV()], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
      }
    } catch (e) {
      if (this.#destroyed) return;
      this.#tell(t.exportFailed);
      console.error(asError(e, this.#locale));
    }
  }

  /** Saves `blob` as a file named `name` (a link with `download`, clicked). */
  #download(blob, name) {
    if (this.#destroyed) return;
    const url = URL.createObjectURL(blob);
    this.#urls.add(url);
    const link = el("a", { display: "none" });
    link.href = url;
    link.download = name;
    this.#dom.wrapper.append(link);
    link.click();
    link.remove();
    // The download reads the blob after this task: keep the URL a while.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      this.#urls.delete(url);
    }, URL_LIFETIME_MS);
    this.#tell(TEXT[this.#locale].saved(name), false);
  }

  /** Copies `text` to the clipboard; where the page may not, shows it selected to copy by hand. */
  async #copy(text) {
    let done = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        done = true;
      }
    } catch {
      // refused (no permission, an insecure page): the older way, then by hand
    }
    if (!done) done = copyByCommand(text, this.#dom.wrapper);
    if (this.#destroyed) return;
    if (done) this.#tell(TEXT[this.#locale].copied);
    else this.#showCopyPanel(text);
  }

  /** A box with the embed code selected in a text field, and a button to close it. */
  #showCopyPanel(text) {
    const t = TEXT[this.#locale];
    const p = this.#palette();
    const { wrapper, table, menuButton } = this.#dom;
    wrapper.querySelector(".kc-chart__copy")?.remove();
    const panel = el("div", {
      "margin-top": `${8 * this.#zoom}px`,
      padding: `${8 * this.#zoom}px`,
      "border-width": "1px",
      "border-style": "solid",
      "border-radius": "6px",
      "border-color": p.border,
      background: p.surface,
      color: p.text,
      font: `${13 * this.#zoom}px/1.45 ${FONT}`,
    });
    panel.className = "kc-chart__copy";
    const field = el("textarea", {
      display: "block",
      width: "100%",
      "box-sizing": "border-box",
      "min-height": "7em",
      margin: "4px 0 8px",
      font: `${12 * this.#zoom}px/1.4 ${MONO}`,
      color: p.text,
      background: p.surface,
      "border-width": "1px",
      "border-style": "solid",
      "border-color": p.control,
    });
    field.id = `${table.id.replace(/-table$/, "")}-code`;
    field.readOnly = true;
    field.value = text;
    const label = el("label", { display: "block" });
    label.htmlFor = field.id;
    label.textContent = t.copyHere;
    const close = control("kc-chart__copy-close");
    close.textContent = t.close;
    css(close, { color: p.text, background: p.surface, "border-color": p.control });
    const dismiss = () => {
      panel.remove();
      menuButton.focus();
    };
    this.#on(close, "click", dismiss);
    this.#on(panel, "keydown", (e) => {
      if (e.key === "Escape") dismiss();
    });
    panel.append(label, field, close);
    wrapper.insertBefore(panel, table);
    field.focus();
    field.select();
  }

  /** Says `message` in the live region and, for a while, next to the menu. */
  #tell(message, visible = true) {
    if (!this.#dom) return;
    const { live, toast } = this.#dom;
    live.textContent = message;
    clearTimeout(this.#toastTimer);
    if (!visible) return;
    toast.textContent = message;
    toast.style.setProperty("display", "block");
    this.#toastTimer = setTimeout(() => toast.style.setProperty("display", "none"), TOAST_MS);
  }

  // ---- print and exports ------------------------------------------------------------------

  /**
   * Enters (`on`) or leaves print: laid out again at the printed width, in the light theme,
   * without the controls. Chromium dispatches beforeprint with the screen's layout, paginates
   * the print layout, then signals the print query with that layout in place (`query`); the
   * page count is settled by then, so the chart keeps the height it was paginated with (its
   * proportional height from beforeprint) and only its content is laid out at the new width.
   * Firefox prints a copy of the page made after beforeprint: the proportional canvas of
   * beforeprint is what it prints, never stretched.
   */
  #print(on, query) {
    if (!this.#dom) return;
    const { canvas, overlay, legend, tooltip } = this.#dom;
    if (on && !this.#printing) {
      this.#closeMenu(false);
      this.#activate(-1);
      for (const node of [overlay, legend, tooltip]) node.style.setProperty("display", "none");
      this.#printFit = 0;
    } else if (on && query) {
      // After beforeprint: the page has been paginated with this height.
      this.#printFit = parseFloat(getComputedStyle(canvas).height) || 0;
    } else if (!on && this.#printing) {
      overlay.style.removeProperty("display");
      legend.style.removeProperty("display");
      this.#printFit = 0;
    } else {
      return;
    }
    this.#printing = on;
    // Now: in print nothing waits for an animation frame.
    this.#guard(() => this.#render());
  }

  /** Lays the chart out for an export, at its CSS width in the light theme without the zoom,
   * measuring text with `canvas`. Returns the size in CSS px. */
  #exportLayout(canvas, picture) {
    const layout = (width, requested) =>
      this.#call((c) => c.layout(canvas, width, requested, false), this.#locale);
    const { width, requested } = this.#exportSize(picture, layout);
    return { width, height: layout(width, requested) };
  }

  /**
   * The width and requested height (0: the kind's natural height) an export is laid out at:
   * the chart's own; or, for the embed code's picture (`picture`), PICTURE_WIDTH and a height
   * that, with the picture scaled down to a phone (PHONE_WIDTH), still holds the chart as it
   * draws there with its controls: the site loader then draws the interactive chart in the
   * picture's box without growing it. `layout(width, requested)` lays out and returns the
   * height.
   */
  #exportSize(picture, layout) {
    if (!picture) {
      const width = this.#width > 0 ? this.#width : EXPORT_WIDTH;
      const requested = this.#requested > 0 ? Math.max(this.#requested - this.#band, 1) : 0;
      return { width, requested };
    }
    const own = layout(PICTURE_WIDTH, 0);
    const phone = layout(PHONE_WIDTH, 0) + PHONE_BAND;
    return { width: PICTURE_WIDTH, requested: Math.ceil(Math.max(own, (phone * PICTURE_WIDTH) / PHONE_WIDTH)) };
  }

  /** Puts back the on-screen layout (the same as before: hit-testing and paint read it). */
  #restoreLayout() {
    if (this.#layoutArgs && this.#dom) {
      const [width, height, dark] = this.#layoutArgs;
      this.#call((c) => c.layout(this.#dom.canvas, width, height, dark), this.#locale);
    }
  }

  #alive() {
    if (this.#destroyed) {
      throw new KhuyenCongError(TEXT[this.#locale].destroyed, "invalid_value");
    }
  }

  // ---- interaction ----------------------------------------------------------------------

  /** Makes item `i` the active one (-1: none): outlines it, shows or hides its tooltip, and
   * for keyboard moves says it in the live region. Only paints; never lays out again. */
  #activate(i, announce = false) {
    if (i !== this.#active) {
      this.#active = i;
      this.#paintActive();
    }
    if (i < 0) {
      this.#hideTip();
      return;
    }
    this.#showTip(i);
    if (announce) this.#dom.live.textContent = this.#view.items[i].speech;
  }

  #onPointerMove(e) {
    this.#activate(this.#hit(e));
  }

  // A tap shows the tooltip of what is under the finger (pointermove may never come).
  #onPointerDown(e) {
    if (e.pointerType !== "mouse") this.#activate(this.#hit(e));
  }

  // A finger leaves the canvas when it is lifted: the tooltip stays until a tap elsewhere.
  #onPointerLeave(e) {
    if (e.pointerType !== "touch") this.#activate(-1);
  }

  #hit(e) {
    const canvas = this.#dom.canvas;
    const r = canvas.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return -1;
    // Chart coordinates, even when the canvas is stretched (an ancestor's transform, a resize
    // not yet laid out), then in layout px.
    const x = ((e.clientX - r.left) * this.#width) / r.width;
    const y = ((e.clientY - r.top) * this.#view.height) / r.height;
    const slop = e.pointerType === "touch" ? SLOP_TOUCH : SLOP_MOUSE;
    const z = this.#zoom;
    if (!this.#chart) return -1;
    return this.#call((c) => c.hit(x / z, y / z, slop / z));
  }

  #onKeyDown(e) {
    const n = this.#view.items.length;
    const i = this.#active;
    let next;
    switch (e.key) {
      case "ArrowRight":
      case "ArrowDown":
        next = Math.min(i + 1, n - 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        next = i < 0 ? n - 1 : Math.max(i - 1, 0);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = n - 1;
        break;
      default:
        return;
    }
    e.preventDefault(); // the page must not scroll
    // Focused by a click, then driven by keys: now the focus must show.
    this.#ring(this.#dom.canvas, true);
    if (n > 0) this.#activate(next, true);
  }

  #onLegendClick(e) {
    const button = e.target.closest("button");
    const i = Array.prototype.indexOf.call(this.#dom.legend.children, button);
    if (i < 0) return;
    this.#call((c) => c.toggleSeries(i), this.#locale);
    this.#active = -1;
    this.#hideTip();
    this.#render();
  }

  #showTip(i) {
    const item = this.#view.items[i];
    const { tooltip, canvas } = this.#dom;
    const muted = this.#palette().muted;
    // The same shape as the tooltip shown last (a move from bar to bar): its nodes take the new
    // texts, with no new elements to style. Otherwise new nodes.
    const shape = `${muted} ${item.rows.map(([, value]) => (value ? 2 : 1)).join("")}`;
    let tip = this.#tip;
    if (!tip || tip.shape !== shape || tooltip.firstChild !== tip.title) {
      tip = { shape, title: el("div", { "font-weight": "700" }), texts: [] };
      const lines = item.rows.map(([, value]) => {
        const line = el("div", { display: "flex", gap: "12px", "justify-content": "space-between" });
        const name = el("span", { color: muted });
        line.append(name);
        tip.texts.push(name);
        // Some rows are a whole sentence with no figure of their own.
        if (value) {
          const figure = el("span", {
            "font-weight": "600",
            "white-space": "nowrap",
            "font-variant-numeric": "tabular-nums",
          });
          line.append(figure);
          tip.texts.push(figure);
        }
        return line;
      });
      tooltip.replaceChildren(tip.title, ...lines);
      this.#tip = tip;
    }
    tip.title.textContent = item.title;
    const texts = item.rows.flatMap(([label, value]) => (value ? [label, value] : [label]));
    texts.forEach((text, k) => {
      if (tip.texts[k].textContent !== text) tip.texts[k].textContent = text;
    });
    tooltip.style.setProperty("display", "block");

    // Centred over the anchor, kept inside the chart's width; above it unless there is no
    // room there (in the chart or in the window), then below.
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const [ax, ay] = item.anchor;
    const left = Math.min(Math.max(ax - w / 2, 0), Math.max(this.#width - w, 0));
    const above = ay - TIP_GAP - h;
    const screenTop = canvas.getBoundingClientRect().top;
    const top = above >= 0 && screenTop + above >= 0 ? above : ay + TIP_GAP;
    tooltip.style.setProperty("transform", `translate(${Math.round(left)}px, ${Math.round(top)}px)`);
  }

  #hideTip() {
    this.#dom?.tooltip.style.setProperty("display", "none");
  }

  /** Shows (or removes) the focus outline, in CSS set through the CSSOM. */
  #ring(node, on) {
    if (on) {
      const p = this.#palette();
      const menuItem = node.getAttribute("role") === "menuitem";
      css(node, {
        outline: `2px solid ${p.focus}`,
        "outline-offset": node === this.#dom.canvas ? "2px" : menuItem ? "-2px" : "0",
      });
    } else {
      node.style.removeProperty("outline");
      node.style.removeProperty("outline-offset");
    }
  }

  // ---- errors and listeners -------------------------------------------------------------

  /** Shows `err` in an error box (role="alert") where the chart is; null removes the box. */
  #showError(err) {
    this.#errorBox?.remove();
    this.#errorBox = null;
    if (!err) return;
    const box = el("div", {
      margin: "0 0 8px",
      padding: "10px 12px",
      "border-left": "4px solid #c8102e",
      background: "rgb(200 16 46 / 0.08)",
    });
    box.className = "kc-chart__error";
    box.setAttribute("role", "alert");
    const title = el("p", { margin: "0 0 4px", "font-weight": "700" });
    title.textContent = TEXT[this.#locale].failed;
    const text = el("p", { margin: "0" });
    text.textContent = err.message;
    box.append(title, text);
    this.#element.insertBefore(box, this.#dom ? this.#dom.wrapper : null);
    this.#errorBox = box;
  }

  /** Runs `fn`; a failure (a bug: data errors are caught earlier) is shown in place, once per
   * event, instead of escaping into the page. */
  #guard(fn) {
    try {
      fn();
    } catch (e) {
      const err = asError(e, this.#locale);
      this.#showError(err);
      console.error(err);
    }
  }

  /** Adds a guarded listener that destroy() removes. */
  #on(target, type, handler, options) {
    this.#offs.push(this.#listen(target, type, handler, options));
  }

  #listen(target, type, handler, options) {
    const listener = (e) => this.#guard(() => handler.call(this, e));
    target.addEventListener(type, listener, options);
    return () => target.removeEventListener(type, listener, options);
  }
}

// ---- helpers ------------------------------------------------------------------------------

/** A copy of the options with the shell's own ones checked (the wasm checks the rest). */
function shellOptions(options, locale) {
  if (options === null || typeof options !== "object") {
    throw new KhuyenCongError(TEXT[locale].options, "invalid_option", "options");
  }
  const o = { ...options };
  if (o.height !== undefined && cssHeight(o.height) === null) {
    throw new KhuyenCongError(
      TEXT[locale].height(show(o.height)),
      "invalid_option",
      "options.height",
    );
  }
  if (o.menu !== undefined && o.menu !== "auto" && o.menu !== "none") {
    throw new KhuyenCongError(
      TEXT[locale].menuOption(show(o.menu)),
      "invalid_option",
      "options.menu",
    );
  }
  if (o.allowCrossOrigin !== undefined && typeof o.allowCrossOrigin !== "boolean") {
    throw new KhuyenCongError(
      TEXT[locale].crossFlag(show(o.allowCrossOrigin)),
      "invalid_option",
      "options.allowCrossOrigin",
    );
  }
  return o;
}

/** `options.height` as CSS text (a number is px), or null when CSS would not take it. */
function cssHeight(value) {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? `${value}px` : null;
  if (typeof value === "string" && value.trim() !== "" && CSS.supports("height", value))
    return value.trim();
  return null;
}

function show(value) {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** The data as JSON text: objects are serialized, JSON text passes, anything else is a URL. */
async function resolveData(data, options, signal, locale) {
  if (data instanceof URL || (typeof data === "string" && !data.trimStart().startsWith("{"))) {
    return fetchText(String(data), options, signal, locale);
  }
  return toJson(data, locale);
}

async function fetchText(src, options, signal, locale) {
  const t = TEXT[locale];
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new KhuyenCongError(t.badUrl(src), "fetch_failed", "src");
  }
  const sameOrigin = url.origin === location.origin;
  if (!sameOrigin && options.allowCrossOrigin !== true) {
    throw new KhuyenCongError(t.crossOrigin(url.href), "cross_origin", "src");
  }
  // Aborted by the caller's signal (a newer update, destroy) or by the timeout.
  const attempt = new AbortController();
  const onAbort = () => attempt.abort(signal.reason);
  signal?.addEventListener("abort", onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, FETCH_TIMEOUT_MS);
  try {
    let response;
    let text;
    try {
      response = await fetch(url, {
        signal: attempt.signal,
        mode: sameOrigin ? "same-origin" : "cors",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok)
        throw new KhuyenCongError(t.http(url.href, response.status), "fetch_failed", "src");
      text = await response.text();
    } catch (e) {
      if (e instanceof KhuyenCongError || signal?.aborted) throw e;
      throw new KhuyenCongError(
        timedOut ? t.timeout(url.href) : t.network(url.href),
        "fetch_failed",
        "src",
      );
    }
    // A 200 page of HTML (a CMS's "not found" page) would otherwise be reported as bad JSON at
    // line 1: say what it is instead.
    if (!text.trimStart().startsWith("{")) {
      const type = response.headers.get("Content-Type") || "?";
      throw new KhuyenCongError(t.notJson(url.href, type), "fetch_failed", "src");
    }
    return text;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Calls into the wasm; a trap (a bug, never bad input) becomes this call's `internal` error. */
function wasm(fn, locale) {
  try {
    return fn();
  } catch (e) {
    throw asError(e, locale);
  }
}

function asError(e, locale) {
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

/** The absolute URL `data` is fetched from, or null for data given as an object or JSON text. */
function urlOf(data) {
  if (data instanceof URL) return data.href;
  if (typeof data === "string" && !data.trimStart().startsWith("{")) {
    try {
      return new URL(data, document.baseURI).href;
    } catch {
      return null;
    }
  }
  return null;
}

function fontSizeOf(node) {
  return parseFloat(getComputedStyle(node).fontSize) || BASE_FONT;
}

/**
 * CSS px per layout px for a page font of `fontSize` px at `width` CSS px: the chart's text
 * grows with the page's (a reader's larger default font, a site's larger body text), from 16 px
 * up to twice that, never smaller than designed, and never leaving less than 240 layout px.
 */
function zoomAt(fontSize, width) {
  const wanted = Math.min(Math.max(fontSize / BASE_FONT, 1), MAX_ZOOM);
  return Math.max(1, Math.min(wanted, width / MIN_ZOOMED_WIDTH));
}

/**
 * Where the overlay goes along one axis of a canvas of `pixels` device px over `length` CSS px,
 * to cover [start, end] (CSS px) and `margin` device px more each side: `{ left, size }` in CSS
 * px, `{ from, pixels }` in device px, or null (nothing of it on the canvas). Its edges are on
 * whole CSS px (the browser snaps a box to them) that are whole device px too, else on the
 * canvas's own, so that it is never stretched. The overlay keeps its present size `have`
 * when that is large enough (a canvas of a new size is a new buffer for the browser to make
 * and hand on): then only its place changes, back from the far edge if need be.
 */
function overlaySpan(start, end, margin, pixels, length, have) {
  const k = pixels / length;
  const near = (v) => Math.abs(v - Math.round(v)) < 1e-6;
  // Every q-th CSS px is a whole device px (none near: the canvas's edges).
  const q = [1, 2, 3, 4, 5, 6, 7, 8].find((n) => near(n * k));
  const left = q ? Math.max(Math.floor((start * k - margin) / k / q) * q, 0) : 0;
  const right = q ? Math.ceil((end * k + margin) / k / q) * q : Infinity;
  const from = Math.round(left * k);
  const to = Math.min(Math.round(right * k), pixels);
  if (to <= from) return null;
  const at = Math.min(from, pixels - have);
  if (have >= to - from && have < pixels && near(have / k) && near(at / k)) {
    return { left: Math.round(at / k), size: Math.round(have / k), from: at, pixels: have };
  }
  return { left, size: to < pixels ? right - left : length - left, from, pixels: to - from };
}

/** The view of a layout in CSS px: geometry times the zoom, the canvas's whole height. */
function scaleView(view, zoom, height) {
  view.height = height;
  if (zoom !== 1) {
    const times = (v) => v * zoom;
    for (const item of view.items) {
      item.anchor = item.anchor.map(times);
      item.rect = item.rect.map(times);
    }
    for (const entry of view.legend) entry.rect = entry.rect.map(times);
  }
  return view;
}

/** A button of the band of controls (colours and size are set with the theme). */
function control(className) {
  const button = el("button", {
    display: "inline-flex",
    "align-items": "center",
    margin: "0",
    "border-width": "1px",
    "border-style": "solid",
    // Transparent: a text button, like a link; forced colors show the border.
    "border-color": "transparent",
    "border-radius": "4px",
    font: "inherit",
    "text-align": "left",
    cursor: "pointer",
  });
  button.type = "button";
  button.className = className;
  return button;
}

/** The data table: <caption>, <th scope="col"> headers, a <th scope="row"> heading each row,
 * the total (the last row) in <tfoot>. Text only. */
function buildTable({ head, rows }, title, captionId) {
  const table = el("table", {
    "border-collapse": "collapse",
    width: "100%",
    font: "inherit",
  });
  const caption = el("caption", {
    "caption-side": "top",
    padding: "0 0 6px",
    "font-weight": "700",
    "text-align": "left",
  });
  caption.id = captionId;
  caption.textContent = title;
  const cell = (tag, text, scope) => {
    const node = el(tag, {
      padding: "6px 8px",
      "text-align": tag === "td" ? "right" : "left",
      "vertical-align": tag === "td" ? "top" : "bottom",
      "font-weight": tag === "td" ? "400" : "600",
    });
    if (tag === "td") {
      css(node, { "white-space": "nowrap", "font-variant-numeric": "tabular-nums" });
    }
    if (scope) node.scope = scope;
    node.textContent = text;
    return node;
  };
  const row = (cells) => {
    const tr = document.createElement("tr");
    const [first, ...rest] = cells;
    tr.append(cell("th", first, "row"), ...rest.map((text) => cell("td", text)));
    return tr;
  };
  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  headRow.append(...head.map((text) => cell("th", text, "col")));
  thead.append(headRow);
  const tbody = document.createElement("tbody");
  tbody.append(...rows.slice(0, -1).map(row));
  const tfoot = document.createElement("tfoot");
  if (rows.length > 0) tfoot.append(row(rows.at(-1)));
  table.append(caption, thead, tbody, tfoot);
  for (const th of tfoot.querySelectorAll("th, td")) th.style.setProperty("font-weight", "700");
  return table;
}

function escapeXml(text) {
  return escapeHtml(text).replace(/&#39;/g, "&apos;");
}

/** `text` ending with a full stop (unless it ends with other final punctuation). */
function sentence(text) {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Copies `text` the older way (a selected text field and the copy command); false when the
 * browser refuses. The focus comes back where it was. */
function copyByCommand(text, parent) {
  const focused = document.activeElement;
  const field = el("textarea", { ...VISUALLY_HIDDEN, position: "fixed", top: "0", left: "0" });
  field.readOnly = true;
  field.value = text;
  parent.append(field);
  field.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  field.remove();
  focused?.focus?.();
  return done;
}

function el(tag, styles) {
  const node = document.createElement(tag);
  css(node, styles);
  return node;
}

function css(node, styles) {
  for (const [name, value] of Object.entries(styles)) node.style.setProperty(name, value);
}
