// The "Tải xuống / chia sẻ" menu under the chart: PNG, SVG and CSV files and the embed code
// copied to the clipboard (or shown to copy by hand where the page may not), and what each
// did, said for a while next to the menu and in the live region.
import { VISUALLY_HIDDEN, MONO, control, css, el, panel, raised, styleControl } from "./chart-style.js";
import { TEXT } from "./chart-text.js";
import { asError } from "./chart-errors.js";
import { slugify } from "./embed-code.js";

/** The menu's entries, in order. */
const ACTIONS = ["png", "svg", "csv", "embed"];
/** How long "Đã sao chép mã nhúng" stays on screen, and a download's object URL lives. */
const TOAST_MS = 4000;
const URL_LIFETIME_MS = 60_000;

export class Menu {
  #host;
  #render;
  #id;
  #wrapper;
  #open = false;
  #toastTimer = 0;
  #urls = new Set();

  /** `render`: the chart's (chart-render.js), for its colours and zoom; `id`: the chart's;
   * `wrapper`: where downloads and the copy panel go. */
  constructor(host, render, id, wrapper) {
    this.#host = host;
    this.#render = render;
    this.#id = id;
    this.#wrapper = wrapper;
    this.box = el("div", { position: "relative", "margin-left": "auto" });
    const button = control("kc-chart__menu-button");
    button.id = `${id}-menu-button`;
    button.setAttribute("aria-haspopup", "menu");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", `${id}-menu`);
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
    button.append(el("span", {}), caret);
    this.button = button;

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
    menu.setAttribute("aria-labelledby", button.id);
    this.items = ACTIONS.map((action) => {
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
    menu.append(...this.items);
    this.menu = menu;
    // What a copy or a download did, for the eyes (the live region says it to screen readers).
    this.toast = el("div", {
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
    this.toast.className = "kc-chart__toast";
    this.toast.setAttribute("aria-hidden", "true");
    this.box.append(button, menu, this.toast);

    host.on(button, "click", () => (this.#open ? this.close(true) : this.#openAt(0)));
    host.on(button, "keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        this.#openAt(e.key === "ArrowDown" ? 0 : -1);
      }
    });
    host.on(menu, "keydown", (e) => this.#onKey(e));
    host.on(menu, "click", (e) => {
      const item = e.target.closest('[role="menuitem"]');
      if (!item) return;
      this.close(true);
      this.#run(item.dataset.action);
    });
    host.on(menu, "pointermove", (e) => {
      const item = e.target.closest('[role="menuitem"]');
      if (item && item !== document.activeElement) item.focus();
    });
    host.on(menu, "focusin", () => this.#styleItems());
    host.on(menu, "focusout", (e) => {
      this.#styleItems();
      // Focus gone to something else of the page: the menu closes. (A click outside closes it
      // through pointerdown; a click on an item, which Safari does not focus, must not.)
      if (this.#open && e.relatedTarget && !this.box.contains(e.relatedTarget)) this.close(false);
    });
    // Tapping elsewhere in the page dismisses it.
    host.on(
      document,
      "pointerdown",
      (e) => {
        if (this.#open && !this.box.contains(e.target)) this.close(false);
      },
      true,
    );
  }

  /** Texts, colours and place (before the layout, which needs the band's height). */
  style(p, zoom) {
    const t = TEXT[this.#host.locale];
    this.button.firstChild.textContent = t.menu;
    this.items.forEach((item, i) => {
      item.textContent = t[ACTIONS[i]];
    });
    const shown = this.#host.options.menu !== "none";
    if (!shown && this.#open) this.close(false);
    this.box.style.setProperty("display", shown ? "block" : "none");
    styleControl(this.button, p, zoom);
    css(this.menu, raised(p, zoom, 1.4, 4, 14));
    css(this.toast, raised(p, zoom, 1.4, 2, 10));
    this.#styleItems(p);
  }

  destroy() {
    clearTimeout(this.#toastTimer);
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  /** The focused item stands out (the focus ring alone is thin on a highlighted row). */
  #styleItems(p = this.#render.palette()) {
    for (const item of this.items) {
      const on = item === document.activeElement;
      css(item, {
        background: on ? p.selected : "transparent",
        color: on ? p.selectedText : p.text,
      });
    }
  }

  /** Opens the menu with item `index` focused (-1: the last). */
  #openAt(index) {
    this.#open = true;
    this.#host.activate(-1);
    this.toast.style.setProperty("display", "none");
    this.menu.style.setProperty("display", "flex");
    this.button.setAttribute("aria-expanded", "true");
    this.items.at(index).focus();
  }

  /** Closes the menu; `refocus` puts the focus back on its button (Escape, a choice). */
  close(refocus) {
    if (this.#host.destroyed) return;
    this.#open = false;
    this.menu.style.setProperty("display", "none");
    this.button.setAttribute("aria-expanded", "false");
    if (refocus) this.button.focus();
  }

  #onKey(e) {
    const { items } = this;
    const locale = this.#host.locale;
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
        this.close(true);
        return;
      case "Tab":
        // From the button, Tab and Shift+Tab then move on as from the menu (the items are
        // out of the tab order).
        this.close(true);
        return;
      default: {
        // A letter goes to the next item that starts with it.
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        const letter = e.key.toLocaleLowerCase(locale);
        const order = [...items.slice(i + 1), ...items.slice(0, i + 1)];
        const match = order.find((item) => item.textContent.toLocaleLowerCase(locale).startsWith(letter));
        if (!match) return;
        next = items.indexOf(match);
      }
    }
    e.preventDefault();
    items[next].focus();
  }

  /** Does what a menu item says; a failure is said where the menu was, and logged. */
  async #run(action) {
    const host = this.#host;
    const chart = host.handle;
    const t = TEXT[host.locale];
    try {
      if (action === "embed") {
        await this.#copy(await chart.toEmbedCode());
        return;
      }
      const name = `${slugify(host.view.title)}-${host.view.kind}`;
      // Loaded on the first SVG or CSV of a page drawn by embed.js (see exportReady).
      if (action === "svg" || action === "csv") await chart.exportReady();
      if (action === "png") this.#download(await chart.toPNG(), `${name}.png`);
      if (action === "svg") {
        const text = `<?xml version="1.0" encoding="UTF-8"?>\n${chart.toSVG()}`;
        this.#download(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), `${name}.svg`);
      }
      if (action === "csv") {
        this.#download(new Blob([chart.toCSV()], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
      }
    } catch (e) {
      if (host.destroyed) return;
      this.#tell(t.exportFailed);
      console.error(asError(e, host.locale));
    }
  }

  /** Saves `blob` as a file named `name` (a link with `download`, clicked). */
  #download(blob, name) {
    if (this.#host.destroyed) return;
    const url = URL.createObjectURL(blob);
    this.#urls.add(url);
    const link = el("a", { display: "none" });
    link.href = url;
    link.download = name;
    this.#wrapper.append(link);
    link.click();
    link.remove();
    // The download reads the blob after this task: keep the URL a while.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      this.#urls.delete(url);
    }, URL_LIFETIME_MS);
    this.#tell(TEXT[this.#host.locale].saved(name), false);
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
    if (!done) done = copyByCommand(text, this.#wrapper);
    if (this.#host.destroyed) return;
    if (done) this.#tell(TEXT[this.#host.locale].copied);
    else this.#showCopyPanel(text);
  }

  /** A box with the embed code selected in a text field, and a button to close it, over the
   * data table's box. */
  #showCopyPanel(text) {
    const host = this.#host;
    const t = TEXT[host.locale];
    const p = this.#render.palette();
    const zoom = this.#render.zoom;
    const wrapper = this.#wrapper;
    wrapper.querySelector(".kc-chart__copy")?.remove();
    const box = el("div", panel(p, zoom));
    box.className = "kc-chart__copy";
    const field = el("textarea", {
      display: "block",
      width: "100%",
      "box-sizing": "border-box",
      "min-height": "7em",
      margin: "4px 0 8px",
      font: `${12 * zoom}px/1.4 ${MONO}`,
      color: p.text,
      background: p.surface,
      "border-width": "1px",
      "border-style": "solid",
      "border-color": p.control,
    });
    field.id = `${this.#id}-code`;
    field.readOnly = true;
    field.value = text;
    const label = el("label", { display: "block" });
    label.htmlFor = field.id;
    label.textContent = t.copyHere;
    const close = control("kc-chart__copy-close");
    close.textContent = t.close;
    css(close, { color: p.text, background: p.surface, "border-color": p.control });
    const dismiss = () => {
      box.remove();
      this.button.focus();
    };
    host.on(close, "click", dismiss);
    host.on(box, "keydown", (e) => {
      if (e.key === "Escape") dismiss();
    });
    box.append(label, field, close);
    wrapper.insertBefore(box, wrapper.querySelector(":scope > .kc-chart__table"));
    field.focus();
    field.select();
  }

  /** Says `message` in the live region and, for a while, next to the menu. */
  #tell(message, visible = true) {
    if (this.#host.destroyed) return;
    this.#host.announce(message);
    clearTimeout(this.#toastTimer);
    if (!visible) return;
    this.toast.textContent = message;
    this.toast.style.setProperty("display", "block");
    this.#toastTimer = setTimeout(() => this.toast.style.setProperty("display", "none"), TOAST_MS);
  }
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
