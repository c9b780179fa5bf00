// Shared pieces of the interactive charts' tests (charts-*.test.mjs): the browser, the site and
// the site under the strict CSP (useChartsFixture() registers the file's before() and after()
// that set them), the gallery and a blank page on the site's origin, a chart mounted in a blank
// page, and what the tests read from a chart (ink, tooltip).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before } from "node:test";
import { gotoGallery, openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

export let fixture;
export let browser;
export let site;
export let strictSite;

/** Registers the before() that starts the browser, the site and the site under the strict CSP
 * (`fixture`, `browser`, `site`, `strictSite`), and the after() that closes them. Call it at
 * the top of a test file. */
export function useChartsFixture() {
  before(async () => {
    assert.ok(
      existsSync(repoPath("www", "pkg", "chart.js")),
      "www/pkg/chart.js is missing: make www-pkg",
    );
    fixture = await startFixture({ site: {}, strictSite: { csp: true } });
    ({ browser, site, strictSite } = fixture);
  });
  after(() => fixture?.close());
}

/** A page of the test's own, served from the site's origin (so /pkg/ and /data/ load). */
export const BLANK = "__test__/blank.html";

export const PHIA_BAC = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));

/** A fresh context and page, watched (console errors, page errors, CSP violations), with a
 * blank page at BLANK (under the strict policy, on the strict site, when `csp`). */
export async function open({ csp = false, ...options } = {}) {
  const base = (csp ? strictSite : site).url;
  const opened = await openPage(browser, { csp, pages: { [`${base}${BLANK}`]: testPage() }, ...options });
  return { ...opened, base };
}

/** Opens the gallery and waits until every chart has mounted, or failed. */
export async function openGallery(options = {}) {
  const opened = await open(options);
  await gotoGallery(opened, opened.base);
  const states = await opened.page.$$eval("[data-chart]", (nodes) =>
    nodes.map((n) => `${n.id}:${n.dataset.state}`),
  );
  assert.ok(
    states.every((s) => s.endsWith(":ready")),
    states.join(" "),
  );
  return opened;
}

/** Opens the blank page with the package imported as window.kc. */
export async function openBlank(options = {}) {
  const opened = await open(options);
  await opened.page.goto(`${opened.base}${BLANK}`);
  await opened.page.evaluate(async () => {
    window.kc = await import("/pkg/index.js");
    await window.kc.ready();
  });
  return opened;
}

/**
 * Pixels of the chart's canvas that differ from its top left pixel (the background), plus the
 * pixels drawn on its outline overlay: { count, total, background: [r, g, b] }.
 */
export function inkOf(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const bg = [data[0], data[1], data[2]];
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== bg[0] || data[i + 1] !== bg[1] || data[i + 2] !== bg[2]) count++;
    }
    const overlay = document.querySelector(`${sel} canvas.kc-chart__overlay`);
    const top = overlay.getContext("2d").getImageData(0, 0, overlay.width, overlay.height).data;
    for (let i = 3; i < top.length; i += 4) if (top[i] !== 0) count++;
    return { count, total: data.length / 4, background: bg };
  }, selector);
}

/**
 * A point over item `i` of the chart in `selector`, in viewport coordinates, after scrolling
 * it to the middle of the window: the centre of its rect, or for a donut sector (whose rect is
 * the ring's bounding box) a point just inside the ring from its anchor.
 */
export function pointOver(page, selector, i) {
  return page.evaluate(
    ({ sel, i }) => {
      const handle = window.khuyencongGallery?.charts.get(sel.slice(1)) ?? window.handles[sel];
      const item = handle.view().items[i];
      const [x, y, w, h] = item.rect;
      let [px, py] = [x + w / 2, y + h / 2];
      if (handle.view().kind === "sources") {
        const [ax, ay] = item.anchor;
        [px, py] = [ax + (px - ax) * 0.2, ay + (py - ay) * 0.2];
      }
      const top = handle.canvas.getBoundingClientRect().top + scrollY;
      scrollTo(0, top + py - innerHeight / 2);
      const r = handle.canvas.getBoundingClientRect();
      return { x: r.left + px, y: r.top + py };
    },
    { sel: selector, i },
  );
}

/** What the tooltip of the chart in `selector` shows: null when hidden, else title and rows. */
export function tooltipOf(page, selector) {
  return page.evaluate((sel) => {
    const tip = document.querySelector(`${sel} .kc-chart__tooltip`);
    if (getComputedStyle(tip).display === "none") return null;
    const [title, ...rows] = tip.children;
    const box = tip.getBoundingClientRect();
    const wrapper = tip.parentElement.getBoundingClientRect();
    return {
      title: title.textContent,
      rows: rows.map((row) => {
        const [label, value] = row.children;
        return [label.textContent, value ? value.textContent : ""];
      }),
      insideWidth: box.left >= wrapper.left - 0.5 && box.right <= wrapper.right + 0.5,
      inViewport: box.top >= 0 && box.bottom <= innerHeight,
    };
  }, selector);
}

/**
 * Mounts a chart of `data` (object, text or URL) into a new element appended to `parentSelector`
 * (default body) on a blank page; window.handles[selector] is the handle. Returns the
 * selector, or { error: { code, path, message } } when mount rejects.
 */
export function mountOn(page, { id, data, options = {}, parent = "body", style = {} }) {
  return page.evaluate(
    async ({ id, data, options, parent, style }) => {
      const element = document.createElement("div");
      element.id = id;
      for (const [k, v] of Object.entries(style)) element.style.setProperty(k, v);
      document.querySelector(parent).append(element);
      window.handles ??= {};
      try {
        window.handles[`#${id}`] = await window.kc.mount(element, data, options);
        return { selector: `#${id}` };
      } catch (e) {
        return {
          error: {
            name: e.name,
            code: e.code,
            path: e.path,
            message: e.message,
            isKc: e instanceof window.kc.KhuyenCongError,
          },
        };
      }
    },
    { id, data, options, parent, style },
  );
}
