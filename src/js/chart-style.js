// Colours, fonts and the CSS helpers of the chart's shell. Styles go through the CSSOM
// (`style.setProperty`, which `style-src 'self'` allows): no style attribute, no <style>.
import { CANVAS_FONT, THEME } from "./rust-constants.js";

// The shell's own colours, matching the chart themes (THEME, generated from the Rust ones):
// `surface` is the chart's background, `background` a raised surface (tooltip, menu), `link`,
// `focus` and `selected` the chart's first series colour. Text on each has at least 4.5:1
// contrast, control borders 3:1. In forced-colors mode (Windows high contrast) the system's
// colours replace them all.
const themed = (theme, own) => ({
  surface: theme.background,
  text: theme.text,
  muted: theme.muted,
  link: theme.accent,
  focus: theme.accent,
  selected: theme.accent,
  ...own,
});

const PALETTE = {
  light: themed(THEME.light, {
    background: "#ffffff",
    border: "#d0d7de",
    control: "#6e7781",
    head: "#f6f8fa",
    selectedText: "#ffffff",
    shadow: "rgb(31 35 40 / 0.2)",
  }),
  dark: themed(THEME.dark, {
    background: "#22272e",
    border: "#545d68",
    control: "#8c959f",
    head: "#22272e",
    selectedText: THEME.dark.background,
    shadow: "rgb(0 0 0 / 0.55)",
  }),
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

/** The shell's colours: the chart's theme (`dark` or light), or the system's when `forced`. */
export function palette(dark, forced) {
  return PALETTE[forced ? "system" : dark ? "dark" : "light"];
}

// Vietnamese-capable fonts; system-ui is left out (on some Windows locales it is a CJK font
// that places Vietnamese marks poorly).
export const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

// Monospace fonts that place Vietnamese marks well first (DejaVu Sans Mono does not).
export const MONO = '"Noto Sans Mono", Consolas, "Cascadia Mono", Menlo, ui-monospace, monospace';

/** The shell's text at `size` px times `zoom`, with `line` as its line height. */
export function font(size, zoom, line) {
  return `${size * zoom}px/${line} ${FONT}`;
}

export const VISUALLY_HIDDEN = {
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

let fontsWarm = false;

/**
 * The first text a page's canvas measures costs the browser its font lookup, per weight (~3 ms
 * on a desktop, 10-25 ms at 4x CPU throttling): done once per page while the wasm and the data
 * load, when the main thread is idle, rather than inside the first chart's layout.
 */
export function warmFonts() {
  if (fontsWarm || typeof document === "undefined") return;
  fontsWarm = true;
  const run = () => {
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return;
    // The title's, the labels' and legend's, the figures' and the ticks' and source line's.
    for (const weight of ["bold 17px", "normal 13px", "bold 12px", "normal 12px"]) {
      ctx.font = `${weight} ${CANVAS_FONT}`;
      ctx.measureText("Khuyến công địa phương, Hà Nội 0123456789,.%");
    }
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 0);
}

/** A button of the band of controls under the chart (its colours and size: styleControl). */
export function control(className) {
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

/** The controls under the chart: 24 px high, the minimum target of WCAG 2.2. */
export const CONTROL_HEIGHT = 24;

/** Colours and size of a control() in the palette `p` at `zoom`. */
export function styleControl(button, p, zoom) {
  css(button, {
    font: font(13, zoom, 1.4),
    "min-height": `${CONTROL_HEIGHT * zoom}px`,
    padding: `0 ${6 * zoom}px`,
    color: p.link,
    background: p.surface,
  });
}

/** The look of a box raised over the chart (tooltip, menu, toast) in palette `p`: 13 px text
 * at `zoom` with `line` as its line height, and a shadow `offset` px down, `blur` px wide. */
export function raised(p, zoom, line, offset, blur) {
  return {
    font: font(13, zoom, line),
    background: p.background,
    color: p.text,
    "border-color": p.border,
    "box-shadow": `0 ${offset}px ${blur}px ${p.shadow}`,
  };
}

/** The look of a box under the chart (the data table's, the copy panel) in palette `p`. */
export function panel(p, zoom) {
  return {
    "margin-top": `${8 * zoom}px`,
    padding: `${8 * zoom}px`,
    "border-width": "1px",
    "border-style": "solid",
    "border-radius": "6px",
    "border-color": p.border,
    background: p.surface,
    color: p.text,
    font: font(13, zoom, 1.45),
  };
}

/** A `tag` element with the CSS properties `styles`. */
export function el(tag, styles) {
  const node = document.createElement(tag);
  css(node, styles);
  return node;
}

export function css(node, styles) {
  for (const [name, value] of Object.entries(styles)) node.style.setProperty(name, value);
}
