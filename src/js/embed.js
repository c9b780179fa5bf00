// khuyencong-charts/embed.js: the site loader, the one line a webmaster adds to a portal's
// template (once; a second copy does nothing):
//
//   <script type="module" src="https://…/khuyencong-charts/embed.js"></script>
//
// It finds the charts of the page and, when one comes within a screen of the viewport, loads
// what draws it (embed-draw.js and the wasm, once a page): a reader who never gets near a chart
// downloads this file alone. What it finds:
// - the embed code that survives rich-text editors (embed-code.js): a link to chart.html whose
//   fragment carries the chart, with the chart's picture before it; the interactive chart takes
//   the picture's place and box once drawn, and if anything fails the picture stays;
// - <khuyencong-chart> elements and plain elements marked data-khuyencong (embed-draw.js);
// - <iframe data-khuyencong-frame> of embed.html, resized to the height their chart posts.
//
// Hosted on another origin than the article (a CDN), the host must send
// Access-Control-Allow-Origin for this file, embed-draw.js and the wasm (module scripts and the
// wasm are fetched with CORS); without it nothing here runs and readers keep the pictures.
//
// No inline script or style, nothing but textContent and the CSSOM: the page may run under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
import { ATTRIBUTES, LINK_MARK, PICTURE_MARK, readAddress } from "./embed-code.js";

const TAG = "khuyencong-chart";
const MARK = "data-khuyencong";
/** The attributes of <khuyencong-chart> (data-* on a plain element). */
const NAMES = [...ATTRIBUTES.map(([name]) => name), "src", "allow-cross-origin"];
/** A chart starts loading when it is this near the viewport: a screen ahead, so that a reader
 * scrolling to it finds it drawn. */
const SCREENS_AHEAD = 1;
const AHEAD = `${SCREENS_AHEAD * 100}% 0px`;
const HEIGHT_MESSAGE = "khuyencong-chart:height";
const FRAME_SELECTOR = "iframe[data-khuyencong-frame]";
/** Past this a posted height is not a chart's (a runaway loop, a page posting nonsense). */
const MAX_FRAME_HEIGHT = 20_000;

/** embed-draw.js, once it has loaded. */
let drawer = null;
let loading = null;
/** Shared by every copy of this file in the page (see the end): the copy that runs puts the
 * drawer it loaded there, for the chartOf of the others. */
const RUNTIME = Symbol.for("khuyencong-charts.embed");

/** Loads embed-draw.js once; `then` runs with the module. */
function withDrawer(then) {
  if (!loading) {
    // The wasm downloads beside the module, not after it: embed-draw.js's fetch of the same
    // URL (with CORS, as this preload) takes the response.
    const preload = document.createElement("link");
    preload.rel = "preload";
    preload.as = "fetch";
    preload.crossOrigin = "anonymous";
    preload.href = new URL("./khuyencong_charts_view_bg.wasm", import.meta.url).href;
    document.head.append(preload);
  }
  loading ??= import("./embed-draw.js").then((m) => (drawer = globalThis[RUNTIME].drawer = m));
  loading.then(then, (err) => console.warn("khuyencong-charts: embed-draw.js did not load", err));
}

/** The chart handle shown in `element` (a <khuyencong-chart>, a [data-khuyencong] element, or a
 * chart's picture, link or the box it is drawn in), or null while there is none. In a copy of
 * this file that does not run (a second one), the running copy's. */
export function chartOf(element) {
  return (drawer ?? globalThis[RUNTIME]?.drawer)?.chartOf(element) ?? null;
}

// ---- near the viewport ------------------------------------------------------------------------

/** The targets being watched: target → { key: the element or link it stands for, start }. */
const waiting = new Map();
let watcher = null;

/** Runs `start(module)` once `target` is within AHEAD of the viewport. */
function whenNear(target, key, start) {
  watcher ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const wait = waiting.get(entry.target);
        if (!entry.isIntersecting || !wait) continue;
        forget(entry.target);
        withDrawer(wait.start);
      }
    },
    { rootMargin: AHEAD },
  );
  waiting.set(target, { key, start });
  watcher.observe(target);
}

/**
 * Starts at once the charts already near the viewport when the page is read: the observer's
 * first report comes with the next frame, which on a phone's CPU, or behind a stylesheet still
 * loading, is late. One layout, which the page needs for its first frame anyway.
 */
function startNear() {
  const reach = innerHeight * SCREENS_AHEAD;
  for (const [target, { start }] of [...waiting]) {
    const r = target.getBoundingClientRect();
    if ((r.width || r.height) && r.bottom >= -reach && r.top <= innerHeight + reach) {
      forget(target);
      withDrawer(start);
    }
  }
}

function forget(target) {
  if (waiting.delete(target)) watcher.unobserve(target);
}

/** Stops watching what left the document before it came near. */
function forgetGone() {
  for (const [target, { key }] of waiting) {
    if (!target.isConnected) {
      forget(target);
      seen.delete(key);
    }
  }
}

// ---- what the page holds ------------------------------------------------------------------------

/** Elements and links already handed to whenNear or to the module. */
const seen = new WeakSet();

function plainElement(element) {
  if (seen.has(element) || element.localName === TAG) return;
  seen.add(element);
  whenNear(element, element, (m) => element.isConnected && m.connect(element, "data-"));
}

function chartLink(link) {
  if (seen.has(link)) return;
  const address = readAddress(link.getAttribute("href") ?? "", document.baseURI);
  if (!address) return;
  seen.add(link);
  const picture = pictureOf(link);
  whenNear(picture ?? link, link, (m) => link.isConnected && m.drawPicture(link, picture, address));
}

/**
 * The picture of a chart link: an <img> whose address names it as ours, inside the link or
 * before it, within the few blocks that an editor makes of the code (a <p> or <figure> around
 * the picture, one around the link), and never past another chart's link.
 */
function pictureOf(link) {
  const inside = [...link.querySelectorAll("img")].find(isPicture);
  if (inside) return inside;
  let node = link;
  for (let level = 0; level < 3 && node.parentElement; level++, node = node.parentElement) {
    let sibling = node.previousElementSibling;
    for (let step = 0; step < 2 && sibling; step++, sibling = sibling.previousElementSibling) {
      const imgs = sibling.localName === "img" ? [sibling] : [...sibling.querySelectorAll("img")];
      const img = imgs.reverse().find(isPicture);
      if (img) return img;
      if (sibling.querySelector(`a[href*="${LINK_MARK}="]`)) return null;
    }
  }
  return null;
}

/** Whether `img` is a chart's picture: its address has the mark, in the text of an SVG data:
 * URL, in its base64 form (TinyMCE saves pictures that way), or in an uploaded file's name; or
 * it has no address at all (an allow-list removed the data: URL), a remnant the chart replaces. */
function isPicture(img) {
  const src = img.getAttribute("src") ?? "";
  if (src.trim() === "" || src.includes(PICTURE_MARK)) return true;
  const base64 = /^data:image\/svg\+xml;base64,/i.exec(src);
  if (!base64) return false;
  try {
    // The mark is in the comment the SVG starts with (embed-code.js's svgDataUrl).
    return atob(src.slice(base64[0].length, base64[0].length + 48)).includes(PICTURE_MARK);
  } catch {
    return false;
  }
}

function scan(root) {
  for (const element of root.querySelectorAll(`[${MARK}]`)) plainElement(element);
  for (const link of root.querySelectorAll(`a[href*="${LINK_MARK}="]`)) chartLink(link);
}

function watchDocument() {
  new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      if (r.type === "attributes") {
        const element = r.target;
        if (element.localName === TAG) continue;
        if (r.attributeName !== MARK) drawer?.changed(element);
        else if (element.hasAttribute(MARK)) plainElement(element);
        else {
          seen.delete(element);
          forget(element);
          drawer?.release(element);
        }
        continue;
      }
      for (const node of r.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.hasAttribute(MARK)) plainElement(node);
        else if (node.localName === "a") chartLink(node);
        if (node.firstElementChild) scan(node);
      }
      if (r.removedNodes.length > 0) removed = true;
    }
    // A node moved within the document is connected again by now: only the gone ones go.
    if (removed) {
      forgetGone();
      drawer?.leftDocument();
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [MARK, ...NAMES.map((name) => `data-${name}`)],
  });
}

// ---- iframes: the host page's side of embed.html ----------------------------------------------

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

// ---- start --------------------------------------------------------------------------------------

function defineElement() {
  class KhuyenCongChartElement extends HTMLElement {
    static get observedAttributes() {
      return NAMES;
    }

    /** The chart's handle (view(), setOptions(), update(), …), or null while there is none. */
    get chart() {
      return chartOf(this);
    }

    connectedCallback() {
      if (!seen.has(this)) {
        seen.add(this);
        whenNear(this, this, (m) => this.isConnected && m.connect(this, ""));
      } else if (drawer && !waiting.has(this)) {
        drawer.connect(this, "");
      }
    }

    disconnectedCallback() {
      // Not near yet: forgotten, watched again if it comes back. Drawn: a move keeps its chart.
      if (waiting.has(this)) {
        forget(this);
        seen.delete(this);
      } else {
        drawer?.disconnect(this);
      }
    }

    attributeChangedCallback() {
      drawer?.changed(this);
    }
  }
  customElements.define(TAG, KhuyenCongChartElement);
}

// One runtime per page, even if two copies of this file are loaded (the second does nothing:
// two scanners would draw every chart twice; its chartOf asks the first's drawer).
if (typeof document !== "undefined" && !globalThis[RUNTIME]) {
  globalThis[RUNTIME] = { drawer: null };
  if (typeof customElements !== "undefined" && !customElements.get(TAG)) defineElement();
  addEventListener("message", onFrameHeight);
  const start = () => {
    scan(document);
    startNear();
    watchDocument();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}
