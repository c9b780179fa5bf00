// Sizing and painting a chart: the canvas at the wrapper's width and the device pixel ratio,
// the text following the page's font size (the zoom), the band of controls under the chart, a
// print mode that lays the chart out again at the printed width in the light theme, and the
// outline of the active item on a layer of its own. Lays out again, in an animation frame, when
// the width, the font size, the pixel ratio or the colour scheme changes.
import { CONTROL_HEIGHT, css, el, palette } from "./chart-style.js";
import { cssHeight } from "./chart-data.js";
import { asError } from "./chart-errors.js";

/** Print at least at this pixel ratio. */
const PRINT_DPR = 2;
/** The chart follows the page's font size from 16 px up to twice that, never below its own
 * design sizes, and never lays out narrower than this many px because of it. */
const BASE_FONT = 16;
const MAX_ZOOM = 2;
const MIN_ZOOMED_WIDTH = 240;
/** The controls under the chart: 4 px under the source line, in the layout's bottom padding,
 * 6 px above the canvas's bottom edge. */
const BAND_GAP = 4;
const BAND_BOTTOM = 6;
/** The band of controls on a phone (one row; the layout's padding there is 10 px), and a few
 * px to spare: what the embed code's picture leaves under the chart for them (chart-export.js). */
export const PHONE_BAND = CONTROL_HEIGHT + BAND_BOTTOM - (10 - BAND_GAP) + 8;

/** The canvas, its overlay and the band of controls, and how they are laid out. */
export class Render {
  #host;
  /** Width (CSS px) and device pixel ratio of the last layout; 0 before the first. */
  #width = 0;
  #dpr = 0;
  /** CSS px per layout px: the page's font size over 16 px (see zoomAt()). */
  #zoom = 1;
  /** The page's font size (px) at the last layout, to notice a change. */
  #fontSize = 0;
  /** Height (CSS px) of the band under the chart that holds the controls; of the controls. */
  #band = 0;
  #bandHeight = 0;
  /** The height (CSS px) options.height asked for at the last layout, or 0. */
  #requested = 0;
  /** Arguments of the last on-screen layout, to lay out again after an export. */
  #layoutArgs = null;
  /** Laid out for print: the printed width, the light theme, no controls. */
  #printing = false;
  /** In print after beforeprint: the height (CSS px) the page was paginated with, which the
   * layout at the printed width must keep (see print()); 0 for none. */
  #printFit = 0;
  /** Width and time of the layout before the last one, to notice a scrollbar flip. */
  #before = { width: 0, time: -Infinity };
  #frame = 0;
  #observer = null;
  #offResolution = null;
  #darkQuery = null;
  #forcedQuery = null;

  constructor(host) {
    this.#host = host;
    this.canvas = el("canvas", {
      display: "block",
      width: "100%",
      // Neither grey flash on tap nor text selection on a long press.
      "-webkit-tap-highlight-color": "transparent",
      "user-select": "none",
    });
    this.canvas.className = "kc-chart__canvas";
    this.canvas.tabIndex = 0;

    // The hover and focus outline is drawn on its own transparent layer, so that moving the
    // pointer repaints one small path instead of the whole chart; the layer covers only the
    // outline (see paintActive), so that a hover never clears, or has the browser composite,
    // a canvas the size of the chart. One transparent pixel until then.
    this.overlay = el("canvas", {
      position: "absolute",
      left: "0",
      top: "0",
      "pointer-events": "none",
    });
    this.overlay.className = "kc-chart__overlay";
    this.overlay.setAttribute("aria-hidden", "true");
    this.overlay.width = 1;
    this.overlay.height = 1;

    // The band of controls (the table toggle on the left, the menu on the right).
    this.band = el("div", {
      position: "absolute",
      display: "flex",
      "flex-wrap": "wrap",
      "align-items": "center",
      "justify-content": "space-between",
      gap: "6px 8px",
      "box-sizing": "border-box",
    });
    this.band.className = "kc-chart__tools";
  }

  /** Width (CSS px) of the last layout, 0 before the first. */
  get width() {
    return this.#width;
  }

  get zoom() {
    return this.#zoom;
  }

  /** Starts following what changes the layout: the colour scheme, forced colours, print, the
   * pixel ratio and, through the band of controls, the width and the page's font size. */
  watch(wrapper) {
    const host = this.#host;
    this.#darkQuery = matchMedia("(prefers-color-scheme: dark)");
    host.on(this.#darkQuery, "change", () => {
      if (this.#theme() === "auto") this.schedule();
    });
    this.#forcedQuery = matchMedia("(forced-colors: active)");
    host.on(this.#forcedQuery, "change", () => this.schedule());
    // Print: the print layout is in place when the print query changes (Chromium, Safari);
    // beforeprint comes first, and alone in browsers that do not signal the query.
    host.on(window, "beforeprint", () => this.print(true, false));
    host.on(window, "afterprint", () => this.print(false));
    host.on(matchMedia("print"), "change", (e) => this.print(e.matches, true));
    this.#watchResolution();
    // One observer, on the band of controls: as wide as the chart less its padding and as tall
    // as its buttons, it changes with the chart's width and with the page's font size. Only
    // those matter: the height is the layout's (or options.height), so a taller chart can
    // never feed back into its own width.
    this.#observer = new ResizeObserver(() => {
      if (this.#printing || host.destroyed) return;
      const width = parseFloat(getComputedStyle(wrapper).width);
      if (
        Math.abs(width - this.#width) > 0.01 ||
        this.#fontSize !== fontSizeOf(wrapper) ||
        Math.abs(this.band.offsetHeight - this.#bandHeight) > 0.5
      ) {
        this.schedule();
      }
    });
    this.#observer.observe(this.band);
  }

  /** Re-renders when the device pixel ratio changes (browser zoom, a move to another screen). */
  #watchResolution() {
    this.#offResolution?.();
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.#offResolution = this.#host.listen(query, "change", () => {
      this.#watchResolution();
      this.schedule();
    });
  }

  destroy() {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
    this.#offResolution?.();
  }

  /** Draws again in the next animation frame (once, however often asked). */
  schedule() {
    if (!this.#frame && !this.#host.destroyed) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#host.render();
      });
    }
  }

  #theme() {
    return this.#host.options.theme ?? "auto";
  }

  #dark() {
    const theme = this.#theme();
    return theme === "dark" || (theme === "auto" && this.#darkQuery.matches);
  }

  /** The shell's colours: the chart's theme, or the system's in forced-colors mode. */
  palette(dark = !this.#printing && this.#dark()) {
    return palette(dark, this.#forcedQuery?.matches);
  }

  /**
   * Lays out at the wrapper's width (in layout px: CSS px over the zoom) and sizes the canvas to
   * CSS size × device pixel ratio with the band of controls under the chart; the controls are
   * styled first (`host.styleControls`), as their height decides the band's. Returns the view
   * in CSS px and the palette, or null when the wrapper is not displayed.
   */
  layout(wrapper) {
    const host = this.#host;
    const { canvas, band: tools } = this;
    const printing = this.#printing;
    const dark = !printing && this.#dark();
    const p = this.palette(dark);
    // Untransformed and fractional, unlike clientWidth or getBoundingClientRect(); the font
    // size read with it, before anything changes a style (no second style pass).
    const style = getComputedStyle(wrapper);
    let width = parseFloat(style.width);
    this.#fontSize = parseFloat(style.fontSize) || BASE_FONT;
    if (!(width > 0)) return null; // not displayed: the observer calls again when it is
    // A canvas the browser gives no 2D context (it holds a WebGL one, or the browser is out of
    // canvases): nothing can be drawn, which is this chart's internal error.
    if (!canvas.getContext("2d")) throw asError(null, host.locale);
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
    const rise = (pad - BAND_GAP) * zoom;
    let band = 0;
    if (printing) {
      tools.style.setProperty("display", "none");
      this.#bandHeight = 0;
    } else {
      host.styleControls(p, zoom);
      // The band keeps the page's font size (its buttons have their own): a hundredth of an em
      // of padding makes its box, which the resize observer watches, change with that size.
      css(tools, {
        display: "flex",
        left: `${(pad - 6) * zoom}px`,
        right: `${(pad - 6) * zoom}px`,
        "padding-bottom": "0.01em",
      });
      this.#bandHeight = tools.offsetHeight;
      band = Math.max(this.#bandHeight + BAND_BOTTOM * zoom - rise, 0);
    }
    this.#band = band;

    let requested = 0;
    const height = host.options.height;
    if (height !== undefined && !printing) {
      canvas.style.removeProperty("aspect-ratio");
      canvas.style.setProperty("height", cssHeight(height));
      requested = parseFloat(getComputedStyle(canvas).height) || 0;
    }
    this.#requested = requested;
    const fit = printing ? this.#printFit : 0;
    const chartRequested = (fit || (requested > 0 ? Math.max(requested - band, 1) : 0)) / zoom;
    this.#layoutArgs = [width / zoom, chartRequested, dark];
    const layoutHeight = host.call((c) => c.layout(canvas, width / zoom, chartRequested, dark));
    const chartHeight = layoutHeight * zoom;
    const canvasHeight = chartHeight + band;
    if (printing) {
      // In proportion at whatever width the page ends up printed: never stretched. Taller than
      // the height the page was paginated with, it would push the article's end off the last
      // page: then it keeps that height and is a little narrower.
      const shrink = fit > 0 && canvasHeight > fit + 0.5;
      css(canvas, {
        width: shrink ? `${(width * fit) / canvasHeight}px` : "100%",
        height: "auto",
        "aspect-ratio": `${width} / ${canvasHeight}`,
        margin: "0 auto",
      });
    } else {
      canvas.style.removeProperty("aspect-ratio");
      canvas.style.removeProperty("margin");
      canvas.style.setProperty("height", `${canvasHeight}px`);
      tools.style.setProperty("top", `${chartHeight - rise}px`);
    }
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(canvasHeight * dpr);
    // Assigning a size clears the canvas even when it is unchanged: only assign changes.
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    this.#width = width;
    this.#dpr = dpr;
    return { view: scaleView(JSON.parse(host.call((c) => c.view())), zoom, canvasHeight), p, zoom };
  }

  /** The whole chart, with the outline of item `active` (-1: none), after a layout only. */
  paint(active) {
    this.#host.call((c) => c.paint(this.canvas, this.#dpr * this.#zoom, -1));
    this.paintActive(active);
  }

  /**
   * The outline of item `active` (-1: none) on the overlay: all a hover or an arrow key
   * repaints. The overlay covers the item's box and the outline around it, on the chart
   * canvas's own pixel grid: its edges are on whole CSS px (the browser snaps a box to them)
   * that are whole device px too. It keeps its size while that is large enough (a canvas of a
   * new size is a new buffer for the browser to make and hand on): only its place changes.
   */
  paintActive(active) {
    const { overlay, canvas } = this;
    const view = this.#host.view;
    const item = view.items[active];
    // Device px: the outline is drawn 3 layout px out, with a stroke of 2 (and a ring of 1 more
    // each side), rounded; the margin is a little more than that, and one layout px more for
    // the mitred corner of a donut sector's outline.
    const margin = Math.ceil(5 * this.#dpr * this.#zoom + 4);
    const [x, y, w, h] = item ? item.rect : [];
    const across = item && overlaySpan(x, x + w, margin, canvas.width, this.#width, overlay.width);
    const down = item && overlaySpan(y, y + h, margin, canvas.height, view.height, overlay.height);
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
    this.#host.call((c) =>
      c.paintActive(overlay, this.#dpr * this.#zoom, active, across.from, down.from),
    );
  }

  /**
   * Enters (`on`) or leaves print: laid out again at the printed width, in the light theme,
   * without the controls. Chromium dispatches beforeprint with the screen's layout, paginates
   * the print layout, then signals the print query with that layout in place (`query`); the
   * page count is settled by then, so the chart keeps the height it was paginated with (its
   * proportional height from beforeprint) and only its content is laid out at the new width.
   * Firefox prints a copy of the page made after beforeprint: the proportional canvas of
   * beforeprint is what it prints, never stretched.
   */
  print(on, query) {
    const host = this.#host;
    if (host.destroyed) return;
    if (on && !this.#printing) {
      // The other layers (legend buttons, tooltip, menu) leave with the outline.
      host.printing(true);
      this.overlay.style.setProperty("display", "none");
      this.#printFit = 0;
    } else if (on && query) {
      // After beforeprint: the page has been paginated with this height.
      this.#printFit = parseFloat(getComputedStyle(this.canvas).height) || 0;
    } else if (!on && this.#printing) {
      this.overlay.style.removeProperty("display");
      host.printing(false);
      this.#printFit = 0;
    } else {
      return;
    }
    this.#printing = on;
    // Now: in print nothing waits for an animation frame.
    host.render();
  }

  /** The on-screen layout's width and requested chart height (0: the kind's own), as an
   * export of the chart at its size lays out (chart-export.js); width 0 before any layout. */
  onScreen() {
    const requested = this.#requested > 0 ? Math.max(this.#requested - this.#band, 1) : 0;
    return { width: this.#width, requested };
  }

  /** Puts back the on-screen layout after an export (hit-testing and paint read it). */
  restore() {
    if (this.#layoutArgs && !this.#host.destroyed) {
      const [width, height, dark] = this.#layoutArgs;
      this.#host.call((c) => c.layout(this.canvas, width, height, dark));
    }
  }
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
