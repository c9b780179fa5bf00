// The tooltip: the figures of the active item, in a box over the chart. For the eyes only: the
// live region says the same to screen readers (chart.js, activate).
import { css, el, raised } from "./chart-style.js";

/** Gap between the tooltip and the point it describes, and the most it may be wide. */
const GAP = 10;
const MAX_WIDTH = 320;

export class Tooltip {
  /** The tooltip's nodes, to reuse for the next one of the same shape (see show). */
  #tip = null;

  constructor() {
    // Placed by a transform from the top left, on a layer of its own, laid out on its own: a
    // hover moves it without laying out or repainting the page and the chart under it.
    this.node = el("div", {
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
    this.node.className = "kc-chart__tooltip";
    this.node.setAttribute("aria-hidden", "true");
  }

  /** Its colours and size, after each layout: palette `p`, `zoom`, a chart `width` CSS px wide. */
  style(p, zoom, width) {
    css(this.node, {
      ...raised(p, zoom, 1.45, 2, 10),
      "max-width": `${Math.max(Math.min(MAX_WIDTH * zoom, width - 8), 80)}px`,
    });
  }

  /**
   * Shows the view's `item` (its title and rows), names in the colour `muted`, centred over its
   * anchor and kept inside the chart's `width`; above it unless there is no room there (in the
   * chart or in the window, from the top of `canvas`), then below.
   */
  show(item, muted, width, canvas) {
    const tooltip = this.node;
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

    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const [ax, ay] = item.anchor;
    const left = Math.min(Math.max(ax - w / 2, 0), Math.max(width - w, 0));
    const above = ay - GAP - h;
    const screenTop = canvas.getBoundingClientRect().top;
    const top = above >= 0 && screenTop + above >= 0 ? above : ay + GAP;
    tooltip.style.setProperty("transform", `translate(${Math.round(left)}px, ${Math.round(top)}px)`);
  }

  hide() {
    this.node.style.setProperty("display", "none");
  }
}
