// The legend's buttons and the data table: a transparent button over each legend entry drawn
// on the canvas (pressing one hides or shows its series), and the "Xem bảng số liệu" toggle of
// a real <table> of the figures under the chart.
import { VISUALLY_HIDDEN, control, css, el, panel, styleControl } from "./chart-style.js";

export class LegendTable {
  #host;
  #render;
  #shown = false;
  /** What the table shows, to rebuild it only when that changes. */
  #key = "";

  /** `render`: the chart's (chart-render.js), for its colours and zoom; `id`: the chart's, which
   * the table's box and caption ids start with. */
  constructor(host, render, id) {
    this.#host = host;
    this.#render = render;
    // Zero-sized and at the top left: buttons inside are placed in chart coordinates, and the
    // layer itself never covers the canvas.
    this.legend = el("div", {
      position: "absolute",
      left: "0",
      top: "0",
      width: "0",
      height: "0",
    });
    this.legend.className = "kc-chart__legend";
    this.legend.setAttribute("role", "group");

    // The toggle, in the band of controls under the chart.
    this.toggle = control("kc-chart__table-toggle");
    this.toggle.setAttribute("aria-expanded", "false");
    this.toggle.setAttribute("aria-controls", `${id}-table`);
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
    this.toggle.append(chevron, el("span", {}));

    // The data table's box: the table is built in it when the toggle opens it, and taken out
    // when it closes (see #syncTable).
    this.box = el("div", { display: "none" });
    this.box.id = `${id}-table`;
    this.box.className = "kc-chart__table";
    this.box.hidden = true;

    host.on(this.legend, "click", (e) => {
      const i = Array.prototype.indexOf.call(this.legend.children, e.target.closest("button"));
      if (i >= 0) host.toggleSeries(i);
    });
    host.on(this.toggle, "click", () => this.show(!this.#shown));
  }

  /** The toggle's text and look (before the layout, which needs the band's height). */
  styleToggle(label, p, zoom) {
    this.toggle.lastChild.textContent = label;
    styleControl(this.toggle, p, zoom);
  }

  /** After a layout: the legend's buttons where its entries are drawn, and the table. */
  sync(view, p, zoom) {
    this.#syncTable(view, p, zoom);
    this.#syncLegend(view.legend);
  }

  /** Opens (`on`) or closes the table. */
  show(on) {
    this.#shown = on;
    this.toggle.setAttribute("aria-expanded", String(on));
    this.toggle.firstChild.style.setProperty("transform", on ? "rotate(90deg)" : "none");
    this.#syncTable(this.#host.view, this.#render.palette(), this.#render.zoom);
  }

  /** In print the legend's buttons are not there (nothing to press on paper). */
  print(on) {
    if (on) this.legend.style.setProperty("display", "none");
    else this.legend.style.removeProperty("display");
  }

  /** One transparent button over each legend entry drawn on the canvas (updated in place, so a
   * focused button keeps the focus when its series is toggled). */
  #syncLegend(entries) {
    const layer = this.legend;
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

  /**
   * The data table, when the toggle has opened it: built from the view (again when what it
   * shows changes), in the chart's colours, in a box that scrolls sideways. Closed, the box is
   * hidden and empty. Screen readers have the same figures without it (the description, and
   * each point announced with all its figures); a second, hidden copy of the table would have
   * them read every figure twice, next to the table the editor typed as the fallback. The
   * toggle says it controls the box (aria-controls, aria-expanded), so they can open it too.
   */
  #syncTable(view, p, zoom) {
    const { box } = this;
    if (!this.#shown) {
      box.hidden = true;
      // Inline too: a page's `div { display: block }` would beat the hidden attribute.
      box.style.setProperty("display", "none");
      box.replaceChildren();
      this.#key = "";
      return;
    }
    const { title, table } = view;
    const key = JSON.stringify([title, table]);
    if (key !== this.#key) {
      this.#key = key;
      box.replaceChildren(buildTable(table, title, `${box.id}-caption`));
    }
    box.hidden = false;
    css(box, { display: "block", "overflow-x": "auto", ...panel(p, zoom) });
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
