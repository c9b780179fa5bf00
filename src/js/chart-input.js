// Pointer and keyboard on the chart: what is under the mouse or finger, the arrow keys from
// figure to figure, what dismisses the tooltip, and the focus outline of the chart's controls.
// Which item is active, and what that shows, is the handle's (chart.js, activate): this part
// has no state of its own, only listeners.
import { css } from "./chart-style.js";

/** How far (CSS px) from a small bar a pointer still hits it. */
const SLOP_TOUCH = 12;
const SLOP_MOUSE = 4;

/** Listens on the canvas of `render`, on the `wrapper` (focus) and on the document (dismissal). */
export function listenInput(host, render, wrapper) {
  const { canvas } = render;

  /** The item under the pointer of event `e`, or -1. */
  const hit = (e) => {
    const r = canvas.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return -1;
    // Chart coordinates, even when the canvas is stretched (an ancestor's transform, a resize
    // not yet laid out), then in layout px.
    const x = ((e.clientX - r.left) * render.width) / r.width;
    const y = ((e.clientY - r.top) * host.view.height) / r.height;
    const slop = e.pointerType === "touch" ? SLOP_TOUCH : SLOP_MOUSE;
    const z = render.zoom;
    return host.hit(x / z, y / z, slop / z);
  };

  /** Shows (or removes) the focus outline, in CSS set through the CSSOM. */
  const ring = (node, on) => {
    if (on) {
      const p = render.palette();
      const menuItem = node.getAttribute("role") === "menuitem";
      css(node, {
        outline: `2px solid ${p.focus}`,
        "outline-offset": node === canvas ? "2px" : menuItem ? "-2px" : "0",
      });
    } else {
      node.style.removeProperty("outline");
      node.style.removeProperty("outline-offset");
    }
  };

  host.on(canvas, "pointermove", (e) => host.activate(hit(e)));
  // A tap shows the tooltip of what is under the finger (pointermove may never come).
  host.on(canvas, "pointerdown", (e) => {
    if (e.pointerType !== "mouse") host.activate(hit(e));
  });
  // A finger leaves the canvas when it is lifted: the tooltip stays until a tap elsewhere.
  host.on(canvas, "pointerleave", (e) => {
    if (e.pointerType !== "touch") host.activate(-1);
  });
  host.on(canvas, "keydown", (e) => {
    const n = host.view.items.length;
    const i = host.active;
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
    ring(canvas, true);
    if (n > 0) host.activate(next, true);
  });
  host.on(canvas, "blur", () => host.activate(-1));
  host.on(wrapper, "focusin", (e) => ring(e.target, e.target.matches(":focus-visible")));
  host.on(wrapper, "focusout", (e) => ring(e.target, false));
  // Tapping elsewhere in the page, or Escape anywhere, dismisses the tooltip.
  host.on(
    document,
    "pointerdown",
    (e) => {
      if (host.active >= 0 && !wrapper.contains(e.target)) host.activate(-1);
    },
    true,
  );
  host.on(document, "keydown", (e) => {
    if (e.key === "Escape" && host.active >= 0) host.activate(-1);
  });
}
