// The browser shell of a chart: the DOM around the canvas, input events, sizing and themes.
//
// Every drawing decision is made in Rust: `Chart.layout` turns data, options and a width into a
// chart description, and `paint`, `hit` and `view` only read it. This file sizes the canvas,
// forwards pointer and keyboard input, and shows the texts the description carries (tooltips,
// the accessible description, the legend's labels).
//
// Content-Security-Policy: nothing here needs 'unsafe-inline'. There is no style attribute
// (styles go through the CSSOM, `style.setProperty`, which `style-src 'self'` allows), no
// <style> element and no innerHTML: text reaches the page through textContent only.
//
// Importing this module has no side effects; it touches browser globals only inside mount().
import { Chart } from "./khuyencong_charts.js";
import { KhuyenCongError, localeOf, message, ready, toJson } from "./core.js";

const FETCH_TIMEOUT_MS = 15_000;
/** How far (CSS px) from a small bar a pointer still hits it. */
const SLOP_TOUCH = 12;
const SLOP_MOUSE = 4;
/** Gap between the tooltip and the point it describes, and the most it may be wide. */
const TIP_GAP = 10;
const TIP_MAX_WIDTH = 320;

const TEXT = {
  vi: {
    failed: "Không vẽ được biểu đồ.",
    keys: "Dùng các phím mũi tên để đi qua từng số liệu, Home và End để về số liệu đầu và cuối.",
    legend: "Chú giải: bấm để ẩn hoặc hiện từng chuỗi số liệu",
    element: "element: cần một phần tử HTML để đặt biểu đồ vào.",
    options: "options: cần một đối tượng (object) tùy chọn.",
    height: (v) => `options.height: ${v} không phải chiều cao CSS (ví dụ 360, "360px", "50vh").`,
    crossFlag: (v) => `options.allowCrossOrigin: cần true hoặc false, không phải ${v}.`,
    badUrl: (src) => `src: "${src}" không phải địa chỉ hợp lệ.`,
    crossOrigin: (url) =>
      `src: ${url} không cùng nguồn (origin) với trang; hãy đặt tệp dữ liệu cùng nguồn, hoặc dùng tùy chọn allowCrossOrigin: true.`,
    http: (url, status) => `src: không tải được ${url} (HTTP ${status}).`,
    network: (url) => `src: không tải được ${url} (lỗi mạng hoặc máy chủ từ chối).`,
    timeout: (url) => `src: không tải được ${url} trong ${FETCH_TIMEOUT_MS / 1000} giây.`,
    notJson: (url, type) => `src: ${url} không phải dữ liệu JSON (Content-Type: ${type}).`,
  },
  en: {
    failed: "The chart could not be drawn.",
    keys: "Use the arrow keys to go through the figures one by one, Home and End for the first and last.",
    legend: "Legend: press to hide or show each series",
    element: "element: an HTML element to put the chart in is required.",
    options: "options: an options object is required.",
    height: (v) => `options.height: ${v} is not a CSS height (for example 360, "360px", "50vh").`,
    crossFlag: (v) => `options.allowCrossOrigin: must be true or false, not ${v}.`,
    badUrl: (src) => `src: "${src}" is not a valid address.`,
    crossOrigin: (url) =>
      `src: ${url} is not on this page's origin; serve the data file from the same origin, or use the option allowCrossOrigin: true.`,
    http: (url, status) => `src: could not load ${url} (HTTP ${status}).`,
    network: (url) => `src: could not load ${url} (network error or refused by the server).`,
    timeout: (url) => `src: could not load ${url} within ${FETCH_TIMEOUT_MS / 1000} seconds.`,
    notJson: (url, type) => `src: ${url} is not JSON data (Content-Type: ${type}).`,
  },
};

// The shell's own colours, matching the chart themes (src/chart/theme.rs).
const PALETTE = {
  light: {
    background: "#ffffff",
    text: "#1f2328",
    border: "#d0d7de",
    focus: "#0a5cad",
    shadow: "rgb(31 35 40 / 0.2)",
  },
  dark: {
    background: "#22272e",
    text: "#f0f3f6",
    border: "#545d68",
    focus: "#6cb6ff",
    shadow: "rgb(0 0 0 / 0.55)",
  },
};

// Vietnamese-capable fonts; system-ui is left out (on some Windows locales it is a CJK font
// that places Vietnamese marks poorly).
const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

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
  /** The JSON text of the current data (setOptions analyses it again). */
  #json;
  #chart;
  #view;
  #dom = null;
  #errorBox = null;
  /** The item outlined and described by the tooltip; -1 for none. */
  #active = -1;
  /** Width (CSS px) and device pixel ratio of the last layout; 0 before the first. */
  #width = 0;
  #dpr = 0;
  /** Width and time of the layout before the last one, to notice a scrollbar flip. */
  #before = { width: 0, time: -Infinity };
  #frame = 0;
  #offs = [];
  #offResolution = null;
  #observer = null;
  #darkQuery = null;
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
    try {
      handle.#options = shellOptions(options, locale);
      await ready();
      // No signal: nothing can cancel a mount, whose handle nobody holds yet.
      const json = await resolveData(data, handle.#options, undefined, locale);
      handle.#chart = wasm(() => new Chart(json, toJson(handle.#options, locale)), locale);
      handle.#source = data;
      handle.#json = json;
      handle.#build();
      handle.#render();
      return handle;
    } catch (e) {
      const err = asError(e, locale);
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
   * What the chart shows, as of the last layout: `{ title, description, locale, kind, height,
   * items: [{ title, rows, speech, anchor, rect }], legend: [{ key, label, hidden, rect }],
   * warnings }`, in CSS px from the canvas's top left corner. Read-only.
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
      wasm(() => this.#chart.update(json, toJson(this.#options, this.#locale)), this.#locale);
      this.#source = data;
      this.#json = json;
      this.#afterChange();
    } catch (e) {
      if (generation !== this.#generation || this.#destroyed) return;
      const err = asError(e, this.#locale);
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
      wasm(() => this.#chart.update(this.#json, toJson(merged, locale)), locale);
      this.#options = merged;
      this.#locale = locale;
      this.#afterChange();
    } catch (e) {
      const err = asError(e, locale);
      this.#showError(err);
      throw err;
    }
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
    this.#observer?.disconnect();
    this.#offResolution?.();
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#dom?.wrapper.remove();
    this.#dom = null;
    this.#errorBox?.remove();
    this.#errorBox = null;
    this.#chart?.free();
    this.#chart = null;
  }

  // ---- building and drawing -----------------------------------------------------------

  #build() {
    const id = `kc-chart-${++serial}`;
    const wrapper = el("div", { position: "relative" });
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
    // pointer repaints one small path instead of the whole chart.
    const overlay = el("canvas", {
      position: "absolute",
      left: "0",
      top: "0",
      "pointer-events": "none",
    });
    overlay.className = "kc-chart__overlay";
    overlay.setAttribute("aria-hidden", "true");
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

    const tooltip = el("div", {
      position: "absolute",
      "z-index": "1",
      display: "none",
      "box-sizing": "border-box",
      padding: "6px 10px",
      "border-radius": "6px",
      "border-width": "1px",
      "border-style": "solid",
      font: `13px/1.45 ${FONT}`,
      "pointer-events": "none",
      "white-space": "normal",
      "overflow-wrap": "anywhere",
      "text-align": "left",
    });
    tooltip.className = "kc-chart__tooltip";
    // The live region says the same to screen readers; the tooltip is for the eyes.
    tooltip.setAttribute("aria-hidden", "true");

    const description = el("p", VISUALLY_HIDDEN);
    description.id = `${id}-description`;
    const live = el("div", VISUALLY_HIDDEN);
    live.className = "kc-chart__live";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");

    wrapper.append(canvas, overlay, legend, tooltip, description, live);
    this.#element.append(wrapper);
    this.#dom = { wrapper, canvas, overlay, legend, tooltip, description, live };
    this.#view = JSON.parse(this.#chart.view());
    this.#syncText();

    this.#on(canvas, "pointermove", this.#onPointerMove);
    this.#on(canvas, "pointerdown", this.#onPointerDown);
    this.#on(canvas, "pointerleave", this.#onPointerLeave);
    this.#on(canvas, "keydown", this.#onKeyDown);
    this.#on(canvas, "blur", () => this.#activate(-1));
    this.#on(wrapper, "focusin", (e) => this.#ring(e.target, e.target.matches(":focus-visible")));
    this.#on(wrapper, "focusout", (e) => this.#ring(e.target, false));
    this.#on(legend, "click", this.#onLegendClick);
    // Tapping elsewhere in the page, or Escape anywhere, dismisses the tooltip.
    this.#on(
      document,
      "pointerdown",
      (e) => {
        if (this.#active >= 0 && !wrapper.contains(e.target)) this.#activate(-1);
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
    this.#watchResolution();
    // Only the width matters: the height is the layout's (or options.height), so a taller
    // chart can never feed back into its own width.
    this.#observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1].contentRect.width;
      if (Math.abs(width - this.#width) > 0.01) this.#schedule();
    });
    this.#observer.observe(wrapper);
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

  /** Lays out at the wrapper's width, sizes the canvas to CSS size × device pixel ratio, paints. */
  #render() {
    const { wrapper, canvas } = this.#dom;
    // Untransformed and fractional, unlike clientWidth or getBoundingClientRect().
    let width = parseFloat(getComputedStyle(wrapper).width);
    if (!(width > 0)) return; // not displayed: the observer calls again when it is
    const dpr = window.devicePixelRatio || 1;
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
    let requested = 0;
    if (this.#options.height !== undefined) {
      canvas.style.setProperty("height", cssHeight(this.#options.height));
      requested = parseFloat(getComputedStyle(canvas).height) || 0;
    }
    const dark = this.#dark();
    const height = wasm(() => this.#chart.layout(canvas, width, requested, dark), this.#locale);
    canvas.style.setProperty("height", `${height}px`);
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    // Assigning a size clears the canvas even when it is unchanged: only assign changes.
    const { overlay } = this.#dom;
    for (const c of [canvas, overlay]) {
      if (c.width !== pixelWidth) c.width = pixelWidth;
      if (c.height !== pixelHeight) c.height = pixelHeight;
    }
    css(overlay, { width: `${width}px`, height: `${height}px` });
    this.#width = width;
    this.#dpr = dpr;
    this.#view = JSON.parse(this.#chart.view());
    if (this.#active >= this.#view.items.length) this.#active = -1;
    this.#syncText();
    this.#styleTooltip(dark);
    this.#syncLegend();
    this.#paint();
    if (this.#active >= 0) this.#showTip(this.#active);
  }

  /** The whole chart, without any outline (after a layout only). */
  #paint() {
    wasm(() => this.#chart.paint(this.#dom.canvas, this.#dpr, -1), this.#locale);
    this.#paintActive();
  }

  /** The active item's outline on the overlay: all a hover or an arrow key repaints. */
  #paintActive() {
    const { overlay } = this.#dom;
    overlay.getContext("2d").clearRect(0, 0, overlay.width, overlay.height);
    if (this.#active >= 0) {
      wasm(() => this.#chart.paintActive(overlay, this.#dpr, this.#active), this.#locale);
    }
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

  #syncText() {
    const { wrapper, canvas, description, legend } = this.#dom;
    const { title, locale } = this.#view;
    wrapper.lang = locale;
    wrapper.setAttribute("aria-label", title);
    canvas.setAttribute("aria-label", title);
    description.textContent = `${this.#view.description} ${TEXT[locale].keys}`;
    legend.setAttribute("aria-label", TEXT[locale].legend);
  }

  #styleTooltip(dark) {
    const p = PALETTE[dark ? "dark" : "light"];
    const { tooltip } = this.#dom;
    css(tooltip, {
      background: p.background,
      color: p.text,
      "border-color": p.border,
      "box-shadow": `0 2px 10px ${p.shadow}`,
      "max-width": `${Math.max(Math.min(TIP_MAX_WIDTH, this.#width - 8), 80)}px`,
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
    // not yet laid out).
    const x = ((e.clientX - r.left) * this.#width) / r.width;
    const y = ((e.clientY - r.top) * this.#view.height) / r.height;
    const slop = e.pointerType === "touch" ? SLOP_TOUCH : SLOP_MOUSE;
    return this.#chart.hit(x, y, slop);
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
    wasm(() => this.#chart.toggleSeries(i), this.#locale);
    this.#active = -1;
    this.#hideTip();
    this.#render();
  }

  #showTip(i) {
    const item = this.#view.items[i];
    const { tooltip, canvas } = this.#dom;
    const title = el("div", { "font-weight": "700" });
    title.textContent = item.title;
    const lines = item.rows.map(([label, value]) => {
      const line = el("div", { display: "flex", gap: "12px", "justify-content": "space-between" });
      const name = el("span", { opacity: "0.85" });
      name.textContent = label;
      line.append(name);
      // Some rows are a whole sentence with no figure of their own.
      if (value) {
        const figure = el("span", {
          "font-weight": "600",
          "white-space": "nowrap",
          "font-variant-numeric": "tabular-nums",
        });
        figure.textContent = value;
        line.append(figure);
      }
      return line;
    });
    tooltip.replaceChildren(title, ...lines);
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
    css(tooltip, { left: `${Math.round(left)}px`, top: `${Math.round(top)}px` });
  }

  #hideTip() {
    this.#dom?.tooltip.style.setProperty("display", "none");
  }

  /** Shows (or removes) the focus outline, in CSS set through the CSSOM. */
  #ring(node, on) {
    if (on) {
      const p = PALETTE[this.#dark() ? "dark" : "light"];
      css(node, {
        outline: `2px solid ${p.focus}`,
        "outline-offset": node === this.#dom.canvas ? "2px" : "0",
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
  if (e instanceof KhuyenCongError) return e;
  const err = new KhuyenCongError(message("internal", locale), "internal");
  err.cause = e;
  return err;
}

function el(tag, styles) {
  const node = document.createElement(tag);
  css(node, styles);
  return node;
}

function css(node, styles) {
  for (const [name, value] of Object.entries(styles)) node.style.setProperty(name, value);
}
