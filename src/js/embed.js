// khuyencong-charts/embed.js: the one script a newsroom editor pastes into an article.
//
//   <script type="module" src="/static/khuyencong-charts/embed.js"></script>
//   <khuyencong-chart kind="sources" src="/data/khuyen-cong-2022.json">
//     <table>…the figures, for readers without JavaScript…</table>
//   </khuyencong-chart>
//
// Three ways in, one engine (chart.js's mount):
// - the custom element <khuyencong-chart> with the attributes kind, by, src, locale, theme,
//   height, sort, menu ("none" hides the download / share menu), percent-digits, ratio-digits,
//   amount-digits (the options percentDigits, …) and allow-cross-origin; the
//   data comes from `src` (a JSON file, same origin unless allow-cross-origin) or from a child
//   <script type="application/json">;
// - a plain element for CMSs that strip unknown tags: <div data-khuyencong data-kind="sources"
//   data-src="…">, the same attributes as data-*; found when the page is parsed and, through a
//   MutationObserver, when added later;
// - an iframe of embed.html for CMSs that strip scripts: this module resizes every
//   <iframe data-khuyencong-frame> to the height its chart posts ({ type:
//   "khuyencong-chart:height", height }).
//
// What the editor put inside the element (a table of the figures, a sentence) is the fallback:
// it shows until the chart has drawn, with JavaScript off, and again when the chart fails (under
// an error box, role="alert"). With no fallback, "Đang tải biểu đồ…" shows while loading, so the
// box is never empty. Changing an attribute draws again (setOptions / update); removing the
// element, or its data-khuyencong attribute, destroys the chart; moving it keeps it.
//
// The wasm is loaded once, relative to this file (the folder can be copied anywhere), and
// shared by every chart of the page. Nothing needs 'unsafe-inline': styles go through the
// CSSOM and text through textContent, so the page may run under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
//
// For scripts: element.chart (on <khuyencong-chart>) or chartOf(element) is the chart's handle
// (view(), setOptions(), …) or null; the element's data-kc-state is "loading", "ready" or
// "error"; it fires "khuyencong-chart:ready" (detail.chart) and "khuyencong-chart:error"
// (detail.error), both bubbling, after each drawing or failure.
import { DIGIT_ATTRIBUTES, mount, setExportLoader, setWasmSource } from "./chart.js";
import { KhuyenCongError, localeOf, located, ready } from "./core.js";

// In the package this file is a bundle whose wasm is the reader's build (make package:
// khuyencong_charts_view_bg.wasm and one file per chart kind, without the SVG and CSV exports).
// A reader who asks for a file gets the full build then, from embed-export.js next to this
// file, once per page.
setExportLoader(() => import("./embed-export.js"));

// Which wasm file the page loads, decided once, when its first chart starts: a reader of one
// chart downloads only that kind's layout (khuyencong_charts_view_<kind>_bg.wasm, 9-17 KB
// gzipped less than all seven kinds); a page whose charts are of several kinds loads
// khuyencong_charts_view_bg.wasm, which has them all. A file the page already preloads (the
// snippet's first line) is taken when it has every kind the page shows. A chart added later
// whose kind the loaded file lacks is drawn by the full build (chart.js, "kind_not_built").
// Each URL is written out, so that bundlers copy the files.
const KIND_FILES = {
  summary: () => new URL("./khuyencong_charts_view_summary_bg.wasm", import.meta.url),
  sources: () => new URL("./khuyencong_charts_view_sources_bg.wasm", import.meta.url),
  "plan-actual": () => new URL("./khuyencong_charts_view_plan-actual_bg.wasm", import.meta.url),
  regions: () => new URL("./khuyencong_charts_view_regions_bg.wasm", import.meta.url),
  leverage: () => new URL("./khuyencong_charts_view_leverage_bg.wasm", import.meta.url),
  trend: () => new URL("./khuyencong_charts_view_trend_bg.wasm", import.meta.url),
  categories: () => new URL("./khuyencong_charts_view_categories_bg.wasm", import.meta.url),
};
const ALL_KINDS_FILE = () => new URL("./khuyencong_charts_view_bg.wasm", import.meta.url);
/** The kind a chart shows when its element names none (the wasm's default). */
const DEFAULT_KIND = "sources";
let pageFile = null;

/** The wasm file for this page's charts (see KIND_FILES), the same on every call. */
function pageWasm() {
  if (!pageFile) {
    const kinds = new Set();
    for (const el of document.querySelectorAll(`${TAG}, [${MARK}]`)) {
      const kind = el.getAttribute(el.localName === TAG ? "kind" : "data-kind")?.trim();
      kinds.add(kind || DEFAULT_KIND);
    }
    const [only] = kinds;
    const own = kinds.size === 1 && Object.hasOwn(KIND_FILES, only) ? KIND_FILES[only]() : null;
    const all = ALL_KINDS_FILE();
    const preloaded = new Set(
      [...document.querySelectorAll('link[rel~="preload"][href]')].map((link) => link.href),
    );
    pageFile = own && (preloaded.has(own.href) || !preloaded.has(all.href)) ? own : all;
  }
  return located(new URL(pageFile));
}
setWasmSource(pageWasm);

const TAG = "khuyencong-chart";
const MARK = "data-khuyencong";
const ATTRIBUTES = [
  "kind",
  "by",
  "src",
  "locale",
  "theme",
  "height",
  "sort",
  "menu",
  "allow-cross-origin",
  ...DIGIT_ATTRIBUTES.map(([name]) => name),
];

const HEIGHT_MESSAGE = "khuyencong-chart:height";
const FRAME_SELECTOR = "iframe[data-khuyencong-frame]";
/** Past this a posted height is not a chart's (a runaway loop, a page posting nonsense). */
const MAX_FRAME_HEIGHT = 20_000;
const STATE = "data-kc-state";
const DATA_SCRIPT = 'script[type="application/json"]';

const TEXT = {
  vi: {
    loading: "Đang tải biểu đồ…",
    failed: "Không vẽ được biểu đồ.",
    noData:
      'src: chưa có dữ liệu; hãy ghi địa chỉ tệp JSON vào thuộc tính src, hoặc đặt dữ liệu vào thẻ <script type="application/json"> bên trong phần tử.',
    notObject:
      'script: dữ liệu trong thẻ <script type="application/json"> phải là một đối tượng JSON, bắt đầu bằng "{".',
  },
  en: {
    loading: "Loading the chart…",
    failed: "The chart could not be drawn.",
    noData:
      'src: no data; give the JSON file\'s address in the src attribute, or put the data in a <script type="application/json"> inside the element.',
    notObject:
      'script: the data in the <script type="application/json"> must be a JSON object, starting with "{".',
  },
};

/** element → its Embed (custom elements and upgraded plain elements alike). */
const embeds = new WeakMap();
/** The plain elements' embeds that are running, checked when nodes leave the document. */
const plain = new Set();

/** The chart handle shown in `element` (a <khuyencong-chart> or [data-khuyencong]), or null. */
export function chartOf(element) {
  return embeds.get(element)?.chart ?? null;
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
    const el = this.#el;
    // An unknown element is inline; a chart needs a block (the page's CSS may say otherwise).
    if (getComputedStyle(el).display === "inline") {
      el.style.setProperty("display", "block");
      this.#displaySet = true;
    }
    this.#locale = localeOf({ locale: this.#attr("locale") });
    const content = [...el.childNodes].filter(
      (n) => !(n.nodeType === Node.ELEMENT_NODE && n.localName === "script"),
    );
    const meaningful = content.some(
      (n) =>
        n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.data.trim() !== ""),
    );
    if (meaningful) {
      // display: contents, so that the wrapper changes nothing in how the content looks.
      this.#fallback = styled("div", { display: "contents" });
      this.#fallback.className = "kc-embed__fallback";
      el.insertBefore(this.#fallback, content[0]);
      this.#fallback.append(...content);
    } else {
      this.#loading = styled("p", { margin: "0", padding: "16px 0", opacity: "0.75" });
      this.#loading.className = "kc-embed__loading";
      this.#loading.textContent = TEXT[this.#locale].loading;
      el.append(this.#loading);
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
    // The page's wasm (pageWasm), loaded once for every chart of the page (mount's own ready()
    // then returns the same promise); a failure shows in mount's error box. core.js's located()
    // finds the file when a dev server has moved the modules (Vite's pre-bundling).
    ready(pageWasm()).catch(() => {});
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
    const options = {
      kind: this.#attr("kind"),
      by: this.#attr("by"),
      sort: this.#attr("sort"),
      theme: this.#attr("theme"),
      locale: this.#attr("locale"),
      menu: this.#attr("menu"),
      height: undefined,
      allowCrossOrigin: undefined,
    };
    const height = this.#attr("height");
    // height="360" means pixels, as on <img> and <iframe>.
    if (height !== undefined)
      options.height = /^\d+(\.\d+)?$/.test(height) ? Number(height) : height;
    // percent-digits="2" is the number 2; anything else goes on as written, for the validator
    // to refuse by name.
    for (const [name, key] of DIGIT_ATTRIBUTES) {
      const value = this.#attr(name);
      options[key] = value !== undefined && /^\d{1,2}$/.test(value) ? Number(value) : value;
    }
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

  /** Shows `err` in an error box of this module (mount's own failures show mount's box). */
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

/** The same box as chart.js's (role="alert"), for the errors found before mount(). */
function errorBox(err, locale) {
  const box = styled("div", {
    margin: "0 0 8px",
    padding: "10px 12px",
    "border-left": "4px solid #c8102e",
    background: "rgb(200 16 46 / 0.08)",
  });
  box.className = "kc-chart__error";
  box.setAttribute("role", "alert");
  const title = styled("p", { margin: "0 0 4px", "font-weight": "700" });
  title.textContent = TEXT[locale].failed;
  const text = styled("p", { margin: "0" });
  text.textContent = err.message;
  box.append(title, text);
  return box;
}

function styled(tag, styles) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(styles)) node.style.setProperty(name, value);
  return node;
}

// ---- plain elements: [data-khuyencong] -------------------------------------------------------

function upgrade(element) {
  if (element.localName === TAG) return; // the custom element looks after itself
  const embed = embeds.get(element) ?? new Embed(element, "data-");
  plain.add(embed);
  embed.connect();
}

function scan(root) {
  for (const element of root.querySelectorAll(`[${MARK}]`)) upgrade(element);
}

function watchDocument() {
  new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      if (r.type === "attributes") {
        const element = r.target;
        if (element.localName === TAG) continue;
        if (r.attributeName === MARK) {
          if (element.hasAttribute(MARK)) upgrade(element);
          else embeds.get(element)?.release();
        } else if (element.hasAttribute(MARK)) {
          embeds.get(element)?.changed();
        }
        continue;
      }
      for (const node of r.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.hasAttribute(MARK)) upgrade(node);
        if (node.firstElementChild) scan(node);
      }
      if (r.removedNodes.length > 0) removed = true;
    }
    // A node moved within the document is connected again by now: only the gone ones go.
    if (removed) for (const embed of plain) if (!embed.element.isConnected) embed.disconnect();
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [MARK, ...ATTRIBUTES.map((name) => `data-${name}`)],
  });
}

// ---- iframes: the host page's side of embed.html ---------------------------------------------

/** Sets the height of the <iframe data-khuyencong-frame> whose page posted it. The message
 * carries a number only; the frame must be marked by the page's author. */
function onFrameHeight(e) {
  const message = e.data;
  if (message === null || typeof message !== "object" || message.type !== HEIGHT_MESSAGE) return;
  const { height } = message;
  if (typeof height !== "number" || !(height > 0) || height > MAX_FRAME_HEIGHT) return;
  for (const frame of document.querySelectorAll(FRAME_SELECTOR)) {
    if (frame.contentWindow === e.source) {
      frame.style.setProperty("height", `${Math.ceil(height)}px`);
      return;
    }
  }
}

// ---- start ------------------------------------------------------------------------------------

function defineElement() {
  class KhuyenCongChartElement extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    #embed = new Embed(this, "");

    /** The chart's handle (view(), setOptions(), update(), …), or null while there is none. */
    get chart() {
      return this.#embed.chart;
    }

    connectedCallback() {
      this.#embed.connect();
    }

    disconnectedCallback() {
      this.#embed.disconnect();
    }

    attributeChangedCallback() {
      this.#embed.changed();
    }
  }
  customElements.define(TAG, KhuyenCongChartElement);
}

// One runtime per page, even if two copies of this file are loaded (the second does nothing:
// two scanners would draw every plain element twice).
const RUNTIME = Symbol.for("khuyencong-charts.embed");
if (typeof document !== "undefined" && !globalThis[RUNTIME]) {
  globalThis[RUNTIME] = true;
  // Charts in the page (a module runs once the page is parsed): the wasm's request goes out
  // first, before the elements are set up. Not while the page is still being parsed (an async
  // script): which file it needs depends on charts not there yet; the first chart asks for it.
  if (document.readyState !== "loading" && document.querySelector(`${TAG}, [${MARK}]`)) {
    ready(pageWasm()).catch(() => {});
  }
  if (typeof customElements !== "undefined" && !customElements.get(TAG)) defineElement();
  addEventListener("message", onFrameHeight);
  const start = () => {
    scan(document);
    watchDocument();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}
