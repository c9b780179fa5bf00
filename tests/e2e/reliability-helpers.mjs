// Shared pieces of the reliability tests (issue 7: bad input, hostile input and heavy pages),
// reliability-*.test.mjs: the package loaded in Node (kc), the browser and the site
// (useReliabilityFixture() registers the file's before() and after() that set them), a blank page
// on the site's origin with the package as window.kc, what the tests look for in it, and the
// injection payloads with the recorder of what would betray them.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before } from "node:test";
import { openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

export let kc; // the package in Node
export let fixture;
export let browser;
export let site;

/** Registers the before() that loads the package in Node as `kc` and starts the browser and the
 * site (`fixture`, `browser`, `site`), and the after() that closes them. Call it at the top
 * of a test file. */
export function useReliabilityFixture() {
  before(async () => {
    assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg is missing: make www-pkg");
    kc = await import("../../www/pkg/index.js");
    await kc.ready(readFileSync(repoPath("www", "pkg", "khuyencong_charts_bg.wasm")));
    fixture = await startFixture({ site: {} });
    ({ browser, site } = fixture);
  });
  after(() => fixture?.close());
}

export const PHIA_BAC_TEXT = readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8");

export const DAK_LAK_TITLE = "Vốn thực hiện đề án khuyến công tỉnh Đắk Lắk năm 2020";
export const BLANK = "__test__/blank.html";
export const FAILED = { vi: "Không vẽ được biểu đồ.", en: "The chart could not be drawn." };

/** A fresh context and page on the site's origin (a blank page at BLANK), watched. */
export async function open({ viewport = { width: 1000, height: 800 }, ...options } = {}) {
  const opened = await openPage(browser, { viewport, pages: { [`${site.url}${BLANK}`]: testPage() }, ...options });
  return { ...opened, base: site.url };
}

/** The blank page with the package imported as window.kc (ready). */
export async function openBlank(options) {
  const opened = await open(options);
  await opened.page.goto(`${opened.base}${BLANK}`);
  await opened.page.evaluate(async () => {
    window.kc = await import("/pkg/index.js");
    await window.kc.ready();
    window.handles = {};
    /** Mounts into a new div#id; resolves to { ok } or { error: { name, code, path, message } }. */
    window.mountOn = async (id, data, options = {}, width = "600px") => {
      const element = document.createElement("div");
      element.id = id;
      element.style.setProperty("width", width);
      document.body.append(element);
      try {
        window.handles[id] = await window.kc.mount(element, data, options);
        return { ok: true };
      } catch (e) {
        return { error: { name: e.name, code: e.code, path: e.path, message: e.message, cause: String(e.cause ?? "") } };
      }
    };
    /** handle.update(data): { ok } or { error }. */
    window.updateOn = async (id, data) => {
      try {
        await window.handles[id].update(data);
        return { ok: true };
      } catch (e) {
        return { error: { name: e.name, code: e.code, path: e.path, message: e.message, cause: String(e.cause ?? "") } };
      }
    };
  });
  return opened;
}

/** The error boxes (role="alert") inside `selector`: their text. */
export const alertsIn = (page, selector) =>
  page.$$eval(`${selector} [role="alert"]`, (boxes) =>
    boxes.filter((b) => b.getClientRects().length > 0).map((b) => b.textContent),
  );

/** Pixels of the chart canvas in `selector` that differ from its top left pixel. */
export const inkOf = (page, selector) =>
  page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    if (!canvas || canvas.width === 0) return { count: 0, total: 0 };
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, selector);

export async function assertDraws(page, selector) {
  const ink = await inkOf(page, selector);
  assert.ok(ink.total > 0 && ink.count > ink.total * 0.02, `${selector} draws (${ink.count} of ${ink.total})`);
}

/** Hovers item `i` of the chart handled as window.handles[id]; returns the tooltip's text. */
export async function hoverItem(page, id, i) {
  const point = await page.evaluate(
    ({ id, i }) => {
      const handle = window.handles[id];
      const item = handle.view().items[i];
      const [x, y, w, h] = item.rect;
      let [px, py] = [x + w / 2, y + h / 2];
      if (handle.view().kind === "sources") {
        const [ax, ay] = item.anchor;
        [px, py] = [ax + (px - ax) * 0.2, ay + (py - ay) * 0.2];
      }
      handle.canvas.scrollIntoView({ block: "center" });
      const r = handle.canvas.getBoundingClientRect();
      return { x: r.left + px, y: r.top + py };
    },
    { id, i },
  );
  await page.mouse.move(point.x, point.y);
  return page.$eval(`#${id} .kc-chart__tooltip`, (t) => (getComputedStyle(t).display === "none" ? null : t.textContent));
}

export const nextFrames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Payloads that run code or change the page if they are ever taken for markup, a URL, CSS or a
 * template: each would push a word onto top.__pwned (set up before the page's scripts).
 */
export const P = {
  img: `<img src=x onerror="top.__pwned.push('img')">`,
  script: `<script>top.__pwned.push('script')</script>`,
  endScript: `</script><script>top.__pwned.push('end-script')</script>`,
  svg: `"><svg onload="top.__pwned.push('svg')">`,
  jsUrl: `javascript:top.__pwned.push('js-url')`,
  css: `</style><style>body{display:none}</style>`,
  template: `{{constructor.constructor('top.__pwned.push(1)')()}}`,
  iframe: `<iframe srcdoc="<script>top.__pwned.push('iframe')</script>"></iframe>`,
  link: `<a href="javascript:top.__pwned.push('a')" id="kc-injected">bấm</a>`,
  entity: `&lt;img src=x onerror=top.__pwned.push('entity')&gt;`,
  attr: `' onmouseover='top.__pwned.push("attr")' x='`,
  comment: `<!-- ${"-->"}<img src=x onerror="top.__pwned.push('comment')">`,
  key: `"><img src=x onerror=top.__pwned.push('key')>`,
};

/** Records what would betray an injection: set up before every document's scripts. */
export function pwnedRecorder() {
  window.__pwned = [];
}

/**
 * What a page holds that markup from the data would have added: elements that run or load
 * things, inline event handler attributes, javascript: links; plus the pushes and whether the
 * body is still shown.
 */
export const injectionTrace = (page) =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    // The embed code's own picture: an <img> of an SVG data: URL that the package wrote (it
    // starts with the package's mark), with the attributes the code gives it (and the style
    // embed.js sets to hide it once the chart is drawn), and nothing else on it. An <img> never
    // runs an SVG's scripts; the payloads in it are checked as text by the tests that use it.
    const codePicture = (e) =>
      e.localName === "img" &&
      /^src,alt,width,height(,style)?$/.test(e.getAttributeNames().join()) &&
      /^data:image\/svg\+xml,%3C!--khuyencong-charts--%3E%3Csvg[ %]/.test(e.getAttribute("src")) &&
      (!e.hasAttribute("style") || e.getAttribute("style") === "display: none;");
    // A preload of the package's reader wasm (the old element snippet's first line; embed.js
    // adds one to <head>, which is not looked at), and nothing else on it.
    const snippetPreload = (e) =>
      e.localName === "link" &&
      e.getAttributeNames().join() === "rel,href,as,crossorigin" &&
      e.rel === "preload" &&
      e.as === "fetch" &&
      e.crossOrigin === "anonymous" &&
      new URL(e.href).pathname === "/pkg/khuyencong_charts_view_bg.wasm";
    return {
      pwned: window.__pwned,
      elements: all
        .filter((e) => ["img", "iframe", "object", "embed", "style", "link", "base", "meta"].includes(e.localName) && !e.closest("head"))
        .filter((e) => !snippetPreload(e) && !codePicture(e))
        .map((e) => e.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].filter((s) => !s.src && s.type !== "application/json").map((s) => s.outerHTML.slice(0, 80)),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      links: all.filter((e) => /^\s*javascript:/i.test(e.getAttribute("href") ?? "")).length,
      injectedId: document.getElementById("kc-injected") !== null,
      bodyShown: getComputedStyle(document.body).display !== "none",
    };
  });

export async function assertNothingInjected(page, where) {
  assert.deepEqual(
    await injectionTrace(page),
    { pwned: [], elements: [], scripts: [], handlers: [], links: 0, injectedId: false, bodyShown: true },
    where,
  );
}
