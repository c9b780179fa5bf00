// What draws the embedded charts, loaded by embed.js (the site loader) when the first chart of a
// page comes near the viewport:
// - <khuyencong-chart> with the attributes kind, by, src, locale, theme, height, sort, menu,
//   percent-digits, ratio-digits, amount-digits (embed-code.js's ATTRIBUTES) and
//   allow-cross-origin; the data comes from `src` (a JSON file, same origin unless
//   allow-cross-origin) or from a child <script type="application/json">;
// - a plain element, <div data-khuyencong data-kind="sources" data-src="…">, the same attributes
//   as data-*;
// - the picture, link and table of the embed code that survives rich-text editors
//   (drawPicture): the interactive chart in the picture's box.
//
// What the editor put inside an element (a table of the figures, a sentence) is the fallback:
// it shows until the chart has drawn, with JavaScript off, and again when the chart fails (under
// an error box, role="alert"). With no fallback, "Đang tải biểu đồ…" shows while loading, so the
// box is never empty. Changing an attribute draws again (setOptions / update); removing the
// element, or its data-khuyencong attribute, destroys the chart; moving it keeps it. A picture
// whose chart cannot be drawn stays as it is: a reader never sees an error in its place.
//
// The wasm is loaded once, relative to this file (the folder can be copied anywhere), and
// shared by every chart of the page. Nothing needs 'unsafe-inline': styles go through the
// CSSOM and text through textContent.
//
// For scripts: element.chart (on <khuyencong-chart>) or chartOf(element) is the chart's handle
// (view(), setOptions(), …) or null; the element's data-kc-state is "loading", "ready" or
// "error"; it fires "khuyencong-chart:ready" (detail.chart) and "khuyencong-chart:error"
// (detail.error), both bubbling, after each drawing or failure.
import { mount } from "./chart.js";
import { setExportLoader, setWasmSource } from "./chart-loading.js";
import { errorBox } from "./chart-errors.js";
import { el } from "./chart-style.js";
import { KhuyenCongError, localeOf, located } from "./core.js";
import { STATE, optionsOf } from "./embed-code.js";
import { pictureChartOf } from "./embed-picture.js";

export { drawAddress, drawPicture } from "./embed-picture.js";

// In the package this file is a bundle whose wasm is the reader's build (make package:
// khuyencong_charts_view_bg.wasm, every chart kind, without the SVG and CSV exports).
// A reader who asks for a file gets the full build then, from embed-export.js next to this
// file, once per page.
setExportLoader(() => import("./embed-export.js"));

// The reader's build of the wasm (no SVG, CSV or error sentences), the one file every chart of
// the page shares; embed.js starts its download with this module's.
// Its address is written out beside this module, so that bundlers copy the file.
setWasmSource(() => located(new URL("./khuyencong_charts_view_bg.wasm", import.meta.url)));

const TAG = "khuyencong-chart";
const DATA_SCRIPT = 'script[type="application/json"]';

const TEXT = {
  vi: {
    loading: "Đang tải biểu đồ…",
    noData:
      'src: chưa có dữ liệu; hãy ghi địa chỉ tệp JSON vào thuộc tính src, hoặc đặt dữ liệu vào thẻ <script type="application/json"> bên trong phần tử.',
    notObject:
      'script: dữ liệu trong thẻ <script type="application/json"> phải là một đối tượng JSON, bắt đầu bằng "{".',
  },
  en: {
    loading: "Loading the chart…",
    noData:
      'src: no data; give the JSON file\'s address in the src attribute, or put the data in a <script type="application/json"> inside the element.',
    notObject:
      'script: the data in the <script type="application/json"> must be a JSON object, starting with "{".',
  },
};

/** element → its Embed (custom elements and plain elements alike). */
const embeds = new WeakMap();
/** The plain elements' embeds that are running, checked when nodes leave the document. */
const plain = new Set();

/** The chart handle shown in `element` (a <khuyencong-chart>, a [data-khuyencong] element, or a
 * chart's picture, link or the box it is drawn in), or null. */
export function chartOf(element) {
  return embeds.get(element)?.chart ?? pictureChartOf(element);
}

/** `element` is in the document (again): its chart starts, or stays (a move). `prefix` is ""
 * for <khuyencong-chart>, "data-" for a plain element. */
export function connect(element, prefix) {
  const embed = embeds.get(element) ?? new Embed(element, prefix);
  if (prefix) plain.add(embed);
  embed.connect();
}

/** `element` left the document: its chart goes unless it comes back in this task. */
export function disconnect(element) {
  embeds.get(element)?.disconnect();
}

/** An attribute of `element` changed. */
export function changed(element) {
  embeds.get(element)?.changed();
}

/** `element` is no longer a chart (its data-khuyencong went): its content is as it was. */
export function release(element) {
  embeds.get(element)?.release();
}

/** Nodes left the document: the plain elements among them go. */
export function leftDocument() {
  for (const embed of plain) if (!embed.element.isConnected) embed.disconnect();
}

/** One embedded chart: reads its element's attributes, keeps the chart, the fallback and the
 * error box in step with them. */
class Embed {
  #el;
  /** "" for the custom element's attributes, "data-" for a plain element's. */
  #prefix;
  #handle = null;
  /** What the handle shows: keys of its data and options, to skip work that changes nothing. */
  #dataKey = null;
  #optionsKey = null;
  /** Holds the chart (or an error box); first child of the element. */
  #container = null;
  /** The container of a chart being mounted, until it is done. */
  #pending = null;
  /** Whether the fallback is wrapped, the loading text and the observer are in place. */
  #prepared = false;
  /** The editor's content, wrapped: shown until the chart draws and when it fails. */
  #fallback = null;
  /** "Đang tải biểu đồ…" when there is no fallback. */
  #loading = null;
  #locale = "vi";
  #observer = null;
  #displaySet = false;
  #started = false;
  #waiting = false;
  #leaving = false;
  #scheduled = false;
  #running = false;
  #dirty = false;
  /** Bumped by every tear-down: work begun before it finds it changed and stops. */
  #generation = 0;

  constructor(element, prefix) {
    this.#el = element;
    this.#prefix = prefix;
    embeds.set(element, this);
  }

  get element() {
    return this.#el;
  }

  get chart() {
    return this.#handle;
  }

  /** The element is in the document (again): start, or keep the chart it has (a move). */
  connect() {
    this.#leaving = false;
    if (this.#started) return;
    if (document.readyState === "loading") {
      // Inserted by the parser (an async script): its children are not all there yet.
      if (!this.#waiting) {
        this.#waiting = true;
        document.addEventListener(
          "DOMContentLoaded",
          () => {
            this.#waiting = false;
            if (this.#el.isConnected) this.connect();
          },
          { once: true },
        );
      }
      return;
    }
    this.#started = true;
    // Prepared at the end of this task, when a script building the element has added its
    // content too.
    this.#schedule();
  }

  /** The element left the document: unless it comes back in this task (a move), tear down. */
  disconnect() {
    if (!this.#started) return;
    this.#leaving = true;
    queueMicrotask(() => {
      if (this.#leaving && !this.#el.isConnected) this.release();
    });
  }

  /** An attribute (or the inline data) changed. */
  changed() {
    if (this.#started) this.#schedule();
  }

  /** Removes everything this made (chart, container, loading text, wrapper, observer, style)
   * and leaves the editor's content as it was. */
  release() {
    this.#leaving = false;
    plain.delete(this);
    if (!this.#started) return;
    this.#started = false;
    this.#prepared = false;
    this.#generation++;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#dropChart();
    this.#container?.remove();
    this.#container = null;
    this.#pending?.remove();
    this.#pending = null;
    this.#loading?.remove();
    this.#loading = null;
    if (this.#fallback) {
      this.#fallback.replaceWith(...this.#fallback.childNodes);
      this.#fallback = null;
    }
    if (this.#displaySet) {
      this.#el.style.removeProperty("display");
      if (this.#el.getAttribute("style") === "") this.#el.removeAttribute("style");
      this.#displaySet = false;
    }
    this.#el.removeAttribute(STATE);
  }

  // ---- preparing -------------------------------------------------------------------------------

  #prepare() {
    this.#prepared = true;
    const element = this.#el;
    // An unknown element is inline; a chart needs a block (the page's CSS may say otherwise).
    if (getComputedStyle(element).display === "inline") {
      element.style.setProperty("display", "block");
      this.#displaySet = true;
    }
    this.#locale = localeOf({ locale: this.#attr("locale") });
    const content = [...element.childNodes].filter(
      (n) => !(n.nodeType === Node.ELEMENT_NODE && n.localName === "script"),
    );
    const meaningful = content.some(
      (n) =>
        n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.data.trim() !== ""),
    );
    if (meaningful) {
      // display: contents, so that the wrapper changes nothing in how the content looks.
      this.#fallback = el("div", { display: "contents" });
      this.#fallback.className = "kc-embed__fallback";
      element.insertBefore(this.#fallback, content[0]);
      this.#fallback.append(...content);
    } else {
      this.#loading = el("p", { margin: "0", padding: "16px 0", opacity: "0.75" });
      this.#loading.className = "kc-embed__loading";
      this.#loading.textContent = TEXT[this.#locale].loading;
      element.append(this.#loading);
    }
    this.#el.setAttribute(STATE, "loading");
    this.#watchData();
  }

  /** Watches the inline data: a <script type="application/json"> added, removed or edited. */
  #watchData() {
    this.#observer?.disconnect();
    this.#observer = new MutationObserver((records) => {
      const relevant = records.some(
        (r) =>
          r.target !== this.#el ||
          [...r.addedNodes, ...r.removedNodes].some(
            (n) => n.nodeType === Node.ELEMENT_NODE && n.matches(DATA_SCRIPT),
          ),
      );
      if (relevant) {
        this.#watchData();
        this.#schedule();
      }
    });
    // Only the element's own children: the chart inside changes on every hover.
    this.#observer.observe(this.#el, { childList: true });
    const script = this.#script();
    if (script) {
      this.#observer.observe(script, { childList: true, characterData: true, subtree: true });
    }
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** Brings the chart in line with the attributes at the end of this task (changes coalesce). */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#sync();
    });
  }

  /** One change at a time: a change during a running one is applied after it. */
  async #sync() {
    if (this.#running) {
      this.#dirty = true;
      return;
    }
    this.#running = true;
    try {
      do {
        this.#dirty = false;
        // Not yet, or no longer, in the document: connect() or release() comes next.
        if (this.#started && this.#el.isConnected) await this.#apply();
      } while (this.#dirty);
    } finally {
      this.#running = false;
    }
  }

  async #apply() {
    if (!this.#prepared) this.#prepare();
    const generation = this.#generation;
    const want = this.#wanted();
    this.#locale = want.locale;
    if (this.#loading) this.#loading.textContent = TEXT[want.locale].loading;
    if (want.error) {
      this.#dropChart();
      this.#fail(want.error);
      return;
    }
    const newData = want.dataKey !== this.#dataKey;
    const newOptions = want.optionsKey !== this.#optionsKey;
    // New data with new options (another file and another kind, say): a chart of its own, as
    // neither update() nor setOptions() alone passes through a valid state.
    if (!this.#handle || (newData && newOptions)) {
      await this.#mountNew(want, generation);
      return;
    }
    try {
      if (newData) await this.#handle.update(want.data);
      if (newOptions) await this.#handle.setOptions(want.options);
      if (generation !== this.#generation) return;
      this.#dataKey = want.dataKey;
      this.#optionsKey = want.optionsKey;
      this.#succeeded();
    } catch (err) {
      if (generation !== this.#generation) return;
      // The element shows what its attributes say, or its fallback: not an older chart.
      this.#dropChart();
      this.#fail(err);
    }
  }

  /** Mounts a chart in a container of its own; a chart already shown stays until it is done. */
  async #mountNew(want, generation) {
    if (!this.#handle) {
      // First, or again after an error: the fallback (or the loading text) shows meanwhile.
      this.#container?.remove();
      this.#container = null;
      this.#fallback?.style.setProperty("display", "contents");
      this.#loading?.style.removeProperty("display");
      this.#el.setAttribute(STATE, "loading");
    }
    const container = document.createElement("div");
    container.className = "kc-embed__chart";
    // After the chart it replaces, if any; empty (no height) until it has drawn.
    if (this.#container) this.#container.after(container);
    else this.#el.prepend(container);
    this.#pending = container;
    let handle = null;
    let error = null;
    try {
      handle = await mount(container, want.data, want.options);
    } catch (err) {
      error = err; // mount() has put its error box (role="alert") in the container
    }
    if (generation !== this.#generation) {
      handle?.destroy();
      container.remove();
      return;
    }
    this.#pending = null;
    this.#dropChart();
    this.#container?.remove();
    this.#container = container;
    if (error) {
      this.#failed(error);
      return;
    }
    this.#handle = handle;
    this.#dataKey = want.dataKey;
    this.#optionsKey = want.optionsKey;
    this.#succeeded();
  }

  /** The data and options the attributes ask for, or the error that keeps them from it. */
  #wanted() {
    const options = optionsOf((name) => this.#attr(name));
    const cross = this.#el.getAttribute(this.#prefix + "allow-cross-origin");
    if (cross !== null && cross.trim().toLowerCase() !== "false") options.allowCrossOrigin = true;
    const locale = localeOf(options);
    // Absent options are there as undefined, so that setOptions() resets what was removed.
    const optionsKey = JSON.stringify(options);
    const base = { options, optionsKey, locale };

    const src = this.#attr("src");
    if (src !== undefined) return { ...base, data: src, dataKey: `src ${src}` };
    const script = this.#script();
    if (!script) {
      return { ...base, error: new KhuyenCongError(TEXT[locale].noData, "missing_field", "src") };
    }
    const text = script.textContent;
    // mount() would take any other text for a URL and fetch it.
    if (!text.trimStart().startsWith("{")) {
      return { ...base, error: new KhuyenCongError(TEXT[locale].notObject, "invalid_json", "") };
    }
    return { ...base, data: text, dataKey: `inline ${text}` };
  }

  #attr(name) {
    const value = this.#el.getAttribute(this.#prefix + name);
    return value === null || value.trim() === "" ? undefined : value.trim();
  }

  #script() {
    for (const node of this.#el.querySelectorAll(DATA_SCRIPT)) {
      if (!this.#container?.contains(node)) return node;
    }
    return null;
  }

  #dropChart() {
    this.#handle?.destroy();
    this.#handle = null;
    this.#dataKey = null;
    this.#optionsKey = null;
  }

  #succeeded() {
    this.#fallback?.style.setProperty("display", "none");
    this.#loading?.style.setProperty("display", "none");
    this.#el.setAttribute(STATE, "ready");
    this.#emit("khuyencong-chart:ready", { chart: this.#handle });
  }

  /** Shows `err` in the chart's error box (chart-errors.js) for the errors found before
   * mount() (mount's own failures show its own box). */
  #fail(err) {
    if (!this.#container) {
      this.#container = document.createElement("div");
      this.#container.className = "kc-embed__chart";
      this.#el.prepend(this.#container);
    }
    this.#container.replaceChildren(errorBox(err, this.#locale));
    this.#failed(err);
  }

  /** The error box is up: the fallback comes back under it; no "loading" text stays. */
  #failed(err) {
    this.#fallback?.style.setProperty("display", "contents");
    this.#loading?.style.setProperty("display", "none");
    this.#el.setAttribute(STATE, "error");
    this.#emit("khuyencong-chart:error", { error: err });
  }

  #emit(type, detail) {
    this.#el.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
  }
}
