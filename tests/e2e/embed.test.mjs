// The embed snippet (src/js/embed.js, the site loader, and embed-draw.js, built into www/pkg/)
// in Debian's Chromium, the way newsroom editors use it where a CMS keeps more than the picture,
// link and table (those are tests/e2e/loader.test.mjs's): the custom element <khuyencong-chart>
// with src or inline data, plain [data-khuyencong] elements for CMSs that strip unknown tags,
// the iframe (www/embed.html) for CMSs that strip scripts, and the examples page
// (www/embed-examples.html) they copy from.
// The loader is lazy: a chart loads when it comes within a screen of the viewport. Pages whose
// charts do not all fit in that are scrolled through (settleCharts) or given a tall viewport.
// Test pages are served on the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import {
  STRICT_CSP,
  countLive,
  cspViolations,
  openPage,
  repoPath,
  servePage,
  settleCharts,
  startFixture,
  testPage,
  watchPage,
} from "./helpers.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
const DAK_LAK = JSON.parse(readFileSync(repoPath("www", "data", "dak-lak-2020.json"), "utf8"));
const PHIA_BAC_TITLE = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";
const SOURCES_ROWS = [
  ["Thực hiện", "79,5 tỷ đồng"],
  ["Tỷ trọng", "46,7%"],
  ["Kế hoạch", "80,9 tỷ đồng"],
  ["Đạt kế hoạch", "98,3%"],
];
const DAK_LAK_ROWS = [
  ["Thực hiện", "2.700 triệu đồng"],
  ["Tỷ trọng", "75,2%"],
  ["Số đề án", "7 đề án"],
];
/** A fallback as an editor types it: a small table of the figures. */
const FALLBACK_TABLE =
  '<table class="fallback"><caption>Kinh phí khuyến công 2022</caption>' +
  "<tr><th>Khuyến công quốc gia</th><td>79,5 tỷ đồng</td></tr>" +
  "<tr><th>Khuyến công địa phương</th><td>90,9 tỷ đồng</td></tr></table>";
const DONE = '[data-kc-state="ready"], [data-kc-state="error"]';

let fixture;
let browser;
let site;
let strictSite;

before(async () => {
  assert.ok(
    existsSync(repoPath("www", "pkg", "embed.js")),
    "www/pkg/embed.js is missing: make www-pkg",
  );
  fixture = await startFixture({ site: {}, strictSite: { csp: true } });
  ({ browser, site, strictSite } = fixture);
});

after(() => fixture?.close());

/**
 * A fresh context and page, watched (console errors, page errors, requests, CSP violations),
 * with `pages` ({ "name.html": body }) served at `${base}__test__/name.html` on the site's origin,
 * each a blank article with embed.js loaded as the snippet loads it (unless `script: false`).
 */
async function open({ viewport = { width: 1000, height: 800 }, csp = false, pages = {}, script = true, ...options } = {}) {
  const base = (csp ? strictSite : site).url;
  const url = (name) => `${base}__test__/${name}`;
  const served = Object.fromEntries(
    Object.entries(pages).map(([name, body]) => [url(name), testPage(body, { embed: script })]),
  );
  const opened = await openPage(browser, { viewport, csp, pages: served, ...options });
  return { ...opened, base, url };
}

/** Waits until every embedded chart matching `selector` has drawn or failed. */
const settle = (page, selector = "khuyencong-chart, [data-khuyencong]") =>
  page.waitForFunction((sel) => {
    const nodes = [...document.querySelectorAll(sel)];
    return nodes.length > 0 && nodes.every((n) => ["ready", "error"].includes(n.dataset.kcState));
  }, selector);

/** The chart handle's view() of the element at `selector` (custom or plain), or null. */
const viewOf = (page, selector) =>
  page.evaluate(async (sel) => {
    const { chartOf } = await import("/pkg/embed.js");
    return chartOf(document.querySelector(sel))?.view() ?? null;
  }, selector);

/** Pixels of the element's chart canvas that differ from its top left pixel (the background). */
function inkOf(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, selector);
}

async function assertDraws(page, selector) {
  const ink = await inkOf(page, selector);
  assert.ok(ink.count > ink.total * 0.02, `${selector}: only ${ink.count} of ${ink.total} drawn`);
}

const dataFetches = (seen, file) => seen.requests.filter((u) => u.endsWith(`/data/${file}`)).length;


const nextFrames = (page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

describe("<khuyencong-chart>", () => {
  test("draws from src, hides its fallback, and shows the exact figures on hover", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "src.html": `<khuyencong-chart id="c" kind="sources" src="/data/phia-bac-2022.json">${FALLBACK_TABLE}</khuyencong-chart>`,
      },
    });
    try {
      await page.goto(url("src.html"));
      await settle(page);
      assert.equal(await page.getAttribute("#c", "data-kc-state"), "ready");
      const view = await page.$eval("#c", (e) => e.chart.view());
      assert.equal(view.kind, "sources");
      assert.equal(view.title, PHIA_BAC_TITLE);
      assert.deepEqual(view.items[0].rows, SOURCES_ROWS);
      await assertDraws(page, "#c");
      assert.equal(await page.locator("#c table.fallback").isVisible(), false);
      // A block as wide as the page, although an unknown element is inline by default.
      const box = await page.$eval("#c", (e) => ({
        display: getComputedStyle(e).display,
        width: e.getBoundingClientRect().width,
        canvas: e.querySelector("canvas").getBoundingClientRect().width,
        body: document.body.clientWidth,
      }));
      assert.deepEqual(box, {
        display: "block",
        width: box.body,
        canvas: box.body,
        body: box.body,
      });

      const point = await page.$eval("#c", (e) => {
        const { anchor, rect } = e.chart.view().items[0];
        const [x, y, w, h] = rect;
        const r = e.chart.canvas.getBoundingClientRect();
        return {
          x: r.left + anchor[0] + (x + w / 2 - anchor[0]) * 0.2,
          y: r.top + anchor[1] + (y + h / 2 - anchor[1]) * 0.2,
        };
      });
      await page.mouse.move(point.x, point.y);
      const tip = await page.$eval("#c .kc-chart__tooltip", (t) => [
        getComputedStyle(t).display,
        t.firstChild.textContent,
      ]);
      assert.deepEqual(tip, ["block", "Khuyến công quốc gia"]);
      assert.equal(dataFetches(seen, "phia-bac-2022.json"), 1);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("draws inline JSON data, and draws again when the data is edited", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "inline.html":
          '<khuyencong-chart id="c" kind="categories"><script type="application/json">\n' +
          `${JSON.stringify(DAK_LAK, null, 2)}\n</script><p class="sentence">Đắk Lắk 2020: 2.700 triệu đồng cho máy móc thiết bị.</p></khuyencong-chart>`,
      },
    });
    try {
      await page.goto(url("inline.html"));
      await settle(page);
      const view = await viewOf(page, "#c");
      assert.equal(view.kind, "categories");
      assert.equal(view.title, DAK_LAK.title);
      assert.deepEqual(view.items[0].rows, DAK_LAK_ROWS);
      await assertDraws(page, "#c");
      assert.equal(await page.locator("#c .sentence").isVisible(), false);
      assert.ok(!seen.requests.some((u) => u.includes("/data/")), "inline data needs no request");

      const handle = await page.evaluateHandle(() => document.querySelector("#c").chart);
      await page.evaluate((data) => {
        document.querySelector('#c script[type="application/json"]').textContent = JSON.stringify({
          ...data,
          title: "Đắk Lắk 2020, đã sửa",
        });
      }, DAK_LAK);
      await page.waitForFunction(() =>
        document.querySelector("#c").chart.view().title.endsWith("đã sửa"),
      );
      assert.ok(
        await page.evaluate((h) => h === document.querySelector("#c").chart, handle),
        "the same chart, updated",
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("attribute changes draw again: kind, locale, height, src; a bad one fails in place", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "attrs.html": `<khuyencong-chart id="c" kind="sources" src="/data/phia-bac-2022.json">${FALLBACK_TABLE}</khuyencong-chart>`,
      },
    });
    try {
      await page.goto(url("attrs.html"));
      await settle(page);
      const first = await page.evaluateHandle(() => document.querySelector("#c").chart);
      const sameHandle = () =>
        page.evaluate((h) => h === document.querySelector("#c").chart, first);
      // Applies the attribute changes; resolves to the view once drawn, or { error }.
      const readyAgain = (change) =>
        page.evaluate(
          (change) =>
            new Promise((resolve) => {
              const c = document.querySelector("#c");
              const done = new AbortController();
              const settle = (value) => {
                done.abort();
                resolve(value);
              };
              const { signal } = done;
              c.addEventListener("khuyencong-chart:ready", () => settle(c.chart.view()), {
                signal,
              });
              c.addEventListener(
                "khuyencong-chart:error",
                (e) => settle({ error: { code: e.detail.error.code, path: e.detail.error.path } }),
                { signal },
              );
              for (const [name, value] of Object.entries(change)) {
                if (value === null) c.removeAttribute(name);
                else c.setAttribute(name, value);
              }
            }),
          change,
        );

      let view = await readyAgain({ kind: "plan-actual" });
      assert.equal(view.kind, "plan-actual");
      assert.equal(view.items.length, 6);
      assert.deepEqual(view.items[1].rows, [
        ["Thực hiện", "79,5 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ]);
      assert.ok(await sameHandle(), "setOptions on the same chart, not a new one");

      view = await readyAgain({ locale: "en", kind: "sources", height: "700" });
      assert.equal(view.kind, "sources");
      assert.equal(view.items[0].rows[0][1], "79.5 billion VND");
      assert.equal(view.height, 700, 'height="700" is pixels');
      assert.equal(await page.$eval("#c canvas", (c) => c.getBoundingClientRect().height), 700);
      // Three attributes changed in one go: one drawing, and removed ones reset.
      view = await readyAgain({ locale: null, height: null, kind: "plan-actual" });
      assert.equal(view.items[1].rows[0][1], "79,5 tỷ đồng", "a removed attribute resets");
      assert.ok(view.height < 700, `${view.height}`);
      assert.equal(dataFetches(seen, "phia-bac-2022.json"), 1, "options alone fetch nothing");

      // Another file alone: update() on the same chart.
      view = await readyAgain({ src: "/data/cao-bang-2021-2025.json" });
      assert.equal(view.title, "Kinh phí khuyến công tỉnh Cao Bằng giai đoạn 2021–2025");
      assert.equal(view.kind, "plan-actual");
      assert.ok(await sameHandle(), "update() on the same chart");
      // Another file and another kind at once: a new chart, swapped in when it is drawn.
      view = await readyAgain({ src: "/data/dak-lak-2020.json", kind: "categories" });
      assert.equal(view.title, DAK_LAK.title);
      assert.deepEqual(view.items[0].rows, DAK_LAK_ROWS);
      assert.equal(await page.locator("#c canvas.kc-chart__canvas").count(), 1, "one chart");

      // A bad value: an error box where the chart was, the fallback back under it.
      const { error } = await readyAgain({ kind: "pie" });
      assert.deepEqual(error, { code: "invalid_option", path: "options.kind" });
      assert.equal(await page.getAttribute("#c", "data-kc-state"), "error");
      assert.match(await page.textContent('#c [role="alert"]'), /options\.kind/);
      assert.ok(await page.locator("#c table.fallback").isVisible());
      assert.equal(await page.locator("#c canvas").count(), 0);

      // Fixed: a chart again, the box gone.
      view = await readyAgain({ kind: "summary", src: "/data/phia-bac-2022.json" });
      assert.equal(view.kind, "summary");
      assert.equal(await page.locator('#c [role="alert"]').count(), 0);
      assert.equal(await page.locator("#c table.fallback").isVisible(), false);
      await assertDraws(page, "#c");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("digit attributes set how figures show, travel in the embed code, and a bad one is named", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "digits.html":
          '<khuyencong-chart id="d" kind="plan-actual" src="/data/phia-bac-2022.json" amount-digits="0" percent-digits="2"></khuyencong-chart>' +
          '<div id="p" data-khuyencong data-kind="plan-actual" data-src="/data/phia-bac-2022.json" data-amount-digits="0"></div>',
      },
    });
    try {
      await page.goto(url("digits.html"));
      await settle(page);
      // 79.5 of 80.9 tỷ đồng: 0 amount digits round half away from zero, 2 percent digits.
      assert.deepEqual((await viewOf(page, "#d")).items[1].rows, [
        ["Thực hiện", "80 tỷ đồng"],
        ["Đạt kế hoạch", "98,27%"],
      ]);
      assert.deepEqual((await viewOf(page, "#p")).items[1].rows, [
        ["Thực hiện", "80 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ]);
      // toEmbedCode() is async (it may load the full build for the picture) and writes the
      // picture, link and table by default: the element's code on request, the digits in both.
      const codes = await page.evaluate(async () => {
        const chart = document.querySelector("#d").chart;
        return { element: await chart.toEmbedCode({ way: "element" }), picture: await chart.toEmbedCode() };
      });
      assert.match(codes.element.split("\n")[1], / percent-digits="2" amount-digits="0"( src="[^"]+")?>$/);
      assert.match(codes.picture, /#khuyencong=1&amp;kind=plan-actual&amp;percent-digits=2&amp;amount-digits=0&amp;d=/);
      // null is absent, for the options and so for the code.
      const unset = await page.evaluate(async () => {
        const chart = document.querySelector("#p").chart ?? (await import("/pkg/embed.js")).chartOf(document.querySelector("#p"));
        await chart.setOptions({ amountDigits: null });
        return { code: await chart.toEmbedCode({ way: "element" }), rows: chart.view().items[1].rows };
      });
      assert.doesNotMatch(unset.code, /digits/);
      assert.deepEqual(unset.rows, [
        ["Thực hiện", "79,5 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ]);

      // A bad value fails in place, naming the option; removing it draws the default again.
      const changed = (name, value) =>
        page.evaluate(
          ([name, value]) =>
            new Promise((resolve) => {
              const d = document.querySelector("#d");
              const done = new AbortController();
              const { signal } = done;
              const settle = (v) => {
                done.abort();
                resolve(v);
              };
              d.addEventListener("khuyencong-chart:ready", () => settle(d.chart.view().items[1].rows), { signal });
              d.addEventListener(
                "khuyencong-chart:error",
                (e) => settle({ code: e.detail.error.code, path: e.detail.error.path }),
                { signal },
              );
              if (value === null) d.removeAttribute(name);
              else d.setAttribute(name, value);
            }),
          [name, value],
        );
      assert.deepEqual(await changed("percent-digits", "7"), {
        code: "invalid_option",
        path: "options.percentDigits",
      });
      assert.match(await page.textContent('#d [role="alert"]'), /percentDigits/);
      assert.deepEqual(await changed("percent-digits", null), [
        ["Thực hiện", "80 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ]);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("removing the element removes its chart, listeners and observers, and restores it", async () => {
    const { context, page, seen, url } = await open({
      init: countLive,
      pages: { "remove.html": '<main id="main"></main>' },
    });
    try {
      await page.goto(url("remove.html"));
      await page.waitForFunction(() => customElements.get("khuyencong-chart"));
      const result = await page.evaluate(async (fallback) => {
        const main = document.querySelector("#main");
        const before = window.__live();
        const made = [];
        for (const html of [
          `<khuyencong-chart kind="plan-actual" src="/data/phia-bac-2022.json">${fallback}</khuyencong-chart>`,
          `<div data-khuyencong data-kind="sources" data-src="/data/phia-bac-2022.json">${fallback}</div>`,
          `<div data-khuyencong data-kind="summary" data-src="/data/phia-bac-2022.json">${fallback}</div>`,
        ]) {
          const template = document.createElement("template");
          template.innerHTML = html;
          const original = template.content.firstElementChild.innerHTML;
          const holder = document.createElement("div");
          main.append(holder);
          holder.append(template.content);
          made.push({ element: holder.firstElementChild, original });
        }
        await new Promise((resolve) => {
          const check = () =>
            made.every((m) => m.element.dataset.kcState === "ready")
              ? resolve()
              : setTimeout(check, 20);
          check();
        });
        const during = window.__live();
        // Used: a hover.
        const canvas = made[0].element.querySelector("canvas");
        const r = canvas.getBoundingClientRect();
        canvas.dispatchEvent(
          new PointerEvent("pointermove", {
            clientX: r.left + r.width / 2,
            clientY: r.top + r.height / 2,
            pointerType: "mouse",
            bubbles: true,
          }),
        );
        // Three ways out: removed, removed, and the mark taken off (the element stays).
        made[0].element.remove();
        made[1].element.remove();
        made[2].element.removeAttribute("data-khuyencong");
        await new Promise((r) => setTimeout(r, 50));
        const gone = window.__live();
        return {
          before,
          during,
          gone,
          restored: made.map(
            (m) => m.element.innerHTML === m.original && !m.element.hasAttribute("style"),
          ),
          left: made.map(
            (m) =>
              m.element.querySelectorAll(
                "canvas, .kc-embed__chart, .kc-embed__fallback, .kc-embed__loading, [role=alert]",
              ).length,
          ),
          states: made.map((m) => m.element.dataset.kcState ?? null),
          charts: await import("/pkg/embed.js").then(({ chartOf }) =>
            made.map((m) => chartOf(m.element)),
          ),
        };
      }, FALLBACK_TABLE);
      assert.ok(
        result.during.listeners.length >= result.before.listeners.length + 3 * 5,
        JSON.stringify(result.during),
      );
      assert.equal(result.during.resizeObservers, result.before.resizeObservers + 3);
      // One per element (its inline data), besides the page-wide one of embed.js.
      assert.equal(result.during.mutationObservers, result.before.mutationObservers + 3);
      assert.deepEqual(result.gone, result.before, "no listener or observer left");
      assert.deepEqual(result.left, [0, 0, 0], "no node left");
      assert.deepEqual(result.states, [null, null, null]);
      assert.deepEqual(result.charts, [null, null, null]);
      assert.deepEqual(result.restored, [true, true, true], "the editor's content as it was");
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("moving the element keeps its one chart, which takes its new width", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "move.html":
          `<div id="a"><khuyencong-chart id="c" kind="plan-actual" src="/data/phia-bac-2022.json">${FALLBACK_TABLE}</khuyencong-chart></div>` +
          `<div id="b"><div id="p" data-khuyencong data-kind="sources" data-src="/data/phia-bac-2022.json"></div></div>` +
          '<aside id="narrow"></aside>',
      },
    });
    try {
      await page.goto(url("move.html"));
      await settle(page);
      await page.$eval("#narrow", (n) => n.style.setProperty("width", "400px"));
      const moved = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        const c = document.querySelector("#c");
        const p = document.querySelector("#p");
        const before = [chartOf(c), chartOf(p)];
        const narrow = document.querySelector("#narrow");
        narrow.append(c); // a move: disconnected and connected in one task
        narrow.prepend(p);
        await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return {
          same: [chartOf(c) === before[0], chartOf(p) === before[1]],
          canvases: [
            c.querySelectorAll("canvas.kc-chart__canvas").length,
            p.querySelectorAll("canvas.kc-chart__canvas").length,
          ],
          widths: [
            c.querySelector("canvas").getBoundingClientRect().width,
            p.querySelector("canvas").getBoundingClientRect().width,
          ],
          states: [c.dataset.kcState, p.dataset.kcState],
        };
      });
      assert.deepEqual(moved, {
        same: [true, true],
        canvases: [1, 1],
        widths: [400, 400],
        states: ["ready", "ready"],
      });
      assert.equal(dataFetches(seen, "phia-bac-2022.json"), 2, "nothing fetched again");
      await assertDraws(page, "#c");
      await assertDraws(page, "#p");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("20 charts on one page draw from one wasm instance", async () => {
    const kinds = ["summary", "sources", "plan-actual", "trend"];
    const body = Array.from({ length: 20 }, (_, i) => {
      const kind = kinds[i % kinds.length];
      return i % 2 === 0
        ? `<khuyencong-chart id="c${i}" kind="${kind}" src="/data/phia-bac-2022.json"></khuyencong-chart>`
        : `<div id="c${i}" data-khuyencong data-kind="${kind}" data-src="/data/dia-phuong-cong-bo.json"></div>`;
    }).join("\n");
    const { context, page, seen, url } = await open({
      viewport: { width: 1280, height: 900 },
      pages: { "twenty.html": body },
    });
    try {
      await page.goto(url("twenty.html"));
      // A reader scrolling down the page: each chart loads as it comes near.
      await settleCharts(page);
      await settle(page);
      const states = await page.$$eval("[id^=c]", (nodes) => nodes.map((n) => n.dataset.kcState));
      assert.deepEqual(states, Array(20).fill("ready"));
      for (let i = 0; i < 20; i++) await assertDraws(page, `#c${i}`);
      const kindsDrawn = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        return [...document.querySelectorAll("[id^=c]")].map((n) => chartOf(n).view().kind);
      });
      assert.deepEqual(
        kindsDrawn,
        Array.from({ length: 20 }, (_, i) => kinds[i % kinds.length]),
      );
      const wasm = seen.requests.filter((u) => u.endsWith(".wasm"));
      assert.deepEqual(wasm, [`${new URL(url("x")).origin}/pkg/khuyencong_charts_view_bg.wasm`]);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // The per-kind wasm files are gone on purpose (one reader wasm for every kind): whatever the
  // page holds, it downloads khuyencong_charts_view_bg.wasm once and nothing else.
  test("one wasm file, khuyencong_charts_view_bg.wasm, downloaded once whatever the kinds; an old snippet's preload line changes nothing", async () => {
    const chart = (kind, id = "c") =>
      `<khuyencong-chart id="${id}" ${kind ? `kind="${kind}" ` : ""}src="/data/phia-bac-2022.json"></khuyencong-chart>`;
    const preload = (file) => `<link rel="preload" href="/pkg/${file}" as="fetch" crossorigin>`;
    const kinds = ["summary", "sources", "plan-actual", "regions", "leverage", "trend", "categories"];
    const cases = [
      // [page body, the kinds drawn, a removed file an old snippet preloads (a 404) or null]
      ...kinds.map((kind) => [chart(kind), [kind], null]),
      // No kind: the default, sources; a plain element of the same kind.
      [chart(null), ["sources"], null],
      [
        `${chart("trend", "a")}<div id="b" data-khuyencong data-kind="trend" data-src="/data/phia-bac-2022.json"></div>`,
        ["trend", "trend"],
        null,
      ],
      [`${chart("summary", "a")}${chart("leverage", "b")}`, ["summary", "leverage"], null],
      // The preload line the old snippets carried: the same request, taken by the loader.
      [`${preload("khuyencong_charts_view_bg.wasm")}${chart("categories")}`, ["categories"], null],
      // An old snippet's preload of a kind's own file, which no longer exists: a 404 beside it,
      // and the chart draws all the same.
      [
        `${preload("khuyencong_charts_view_plan-actual_bg.wasm")}${chart("plan-actual")}`,
        ["plan-actual"],
        "khuyencong_charts_view_plan-actual_bg.wasm",
      ],
    ];
    for (const [body, kinds, gone] of cases) {
      const { context, page, seen, url } = await open({ csp: true, pages: { "p.html": body } });
      try {
        await page.goto(url("p.html"));
        await settle(page);
        const drawn = await page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          return [...document.querySelectorAll("khuyencong-chart, [data-khuyencong]")].map((n) => chartOf(n)?.view().kind);
        });
        assert.deepEqual(drawn, kinds, body);
        for (const id of kinds.length > 1 ? ["#a", "#b"] : ["#c"]) await assertDraws(page, id);
        const wasm = seen.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
        const expected = ["/pkg/khuyencong_charts_view_bg.wasm", ...(gone ? [`/pkg/${gone}`] : [])];
        assert.deepEqual(wasm.sort(), expected.sort(), body);
        assert.ok(!seen.requests.some((u) => u.endsWith("/embed-export.js")), "no full build");
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.pageErrors, []);
        for (const text of seen.consoleErrors) assert.match(text, /404/, body);
      } finally {
        await context.close();
      }
    }
  });

  test("an async embed.js that runs while the page is parsed draws every chart, not only those parsed yet, from the one wasm file", async () => {
    // The parser waits for a slow classic script between the two charts; the async module runs
    // meanwhile, with only the first chart in the document.
    const { context, page, seen, url, base } = await open({
      script: false,
      pages: {
        "async.html":
          '<script type="module" async src="/pkg/embed.js"></script>' +
          '<khuyencong-chart id="a" kind="regions" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
          '<script src="/__test__/slow.js"></script>' +
          '<khuyencong-chart id="b" kind="sources" src="/data/phia-bac-2022.json"></khuyencong-chart>',
      },
    });
    try {
      let ranEarly = false;
      await page.route(`${base}__test__/slow.js`, async (route) => {
        // Until embed.js has run (or 3 s): then the parser goes on to the second chart.
        for (let i = 0; i < 60 && !ranEarly; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          ranEarly = seen.requests.some((u) => u.endsWith("/pkg/embed.js")) &&
            (await page.evaluate(() => Boolean(customElements.get("khuyencong-chart"))).catch(() => false));
        }
        await route.fulfill({ contentType: "text/javascript", body: "window.__slow = document.readyState;" });
      });
      await page.goto(url("async.html"));
      await settle(page);
      assert.ok(ranEarly, "embed.js ran before the second chart was parsed");
      assert.deepEqual(await page.$$eval("khuyencong-chart", (ns) => ns.map((n) => n.dataset.kcState)), ["ready", "ready"]);
      const wasm = seen.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
      assert.deepEqual(wasm, ["/pkg/khuyencong_charts_view_bg.wasm"]);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // Before, a page's wasm could hold one kind only and another kind needed the full build; now
  // the one reader wasm draws every kind: adding or switching kinds downloads nothing more.
  test("a chart added later, or switched to other kinds with setOptions or its attribute, draws from the same wasm file", async () => {
    const { context, page, seen, url } = await open({
      csp: true,
      pages: {
        "later.html": `<khuyencong-chart id="a" kind="plan-actual" src="/data/phia-bac-2022.json"></khuyencong-chart>`,
      },
    });
    try {
      await page.goto(url("later.html"));
      await settle(page);
      const wasm = () => seen.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
      assert.deepEqual(wasm(), ["/pkg/khuyencong_charts_view_bg.wasm"]);
      const before = await viewOf(page, "#a");
      // Another kind, added by a script.
      await page.evaluate(() => {
        const el = document.createElement("khuyencong-chart");
        el.id = "b";
        el.setAttribute("kind", "sources");
        el.setAttribute("src", "/data/phia-bac-2022.json");
        document.body.append(el);
      });
      await settle(page, "#b");
      assert.equal(await page.$eval("#b", (n) => n.dataset.kcState), "ready");
      assert.equal((await viewOf(page, "#b")).kind, "sources");
      await assertDraws(page, "#b");
      // The first chart switched by its handle, then by its attribute, then back: each draws, and
      // hover and the table still answer.
      const kinds = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        const el = document.querySelector("#a");
        const out = [];
        await chartOf(el).setOptions({ kind: "summary" });
        out.push(chartOf(el).view().kind);
        el.setAttribute("kind", "trend");
        await new Promise((resolve) => el.addEventListener("khuyencong-chart:ready", resolve, { once: true }));
        out.push(chartOf(el).view().kind);
        el.setAttribute("kind", "plan-actual");
        await new Promise((resolve) => el.addEventListener("khuyencong-chart:ready", resolve, { once: true }));
        out.push(chartOf(el).view().kind);
        return out;
      });
      assert.deepEqual(kinds, ["summary", "trend", "plan-actual"]);
      const after = await viewOf(page, "#a");
      assert.deepEqual(after.items.map((i) => i.rows), before.items.map((i) => i.rows));
      assert.deepEqual(after.table, before.table);
      await assertDraws(page, "#a");
      assert.deepEqual(wasm(), ["/pkg/khuyencong_charts_view_bg.wasm"], "nothing more for other kinds");
      // A bad option is still refused by name, in Vietnamese, and the chart keeps drawing: the
      // sentence comes from the full build, loaded for it (a reader of working charts never
      // downloads it).
      const refused = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        try {
          await chartOf(document.querySelector("#b")).setOptions({ kind: "pie" });
          return null;
        } catch (e) {
          return [e.code, e.path, e.message];
        }
      });
      assert.equal(refused[0], "invalid_option");
      assert.equal(refused[1], "options.kind");
      assert.match(refused[2], /^options\.kind: tùy chọn có giá trị "pie" không hợp lệ/);
      assert.equal(await page.$eval("#a", (n) => n.dataset.kcState), "ready");
      assert.deepEqual(wasm().sort(), ["/pkg/khuyencong_charts_bg.wasm", "/pkg/khuyencong_charts_view_bg.wasm"]);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await cspViolations(page), []);
    } finally {
      await context.close();
    }
  });

  test("data from another origin needs allow-cross-origin (and CORS)", async () => {
    const other = strictSite.url; // another port: another origin
    const { context, page, seen, url } = await open({
      pages: {
        "cross.html":
          `<khuyencong-chart id="refused" src="${other}data/phia-bac-2022.json"></khuyencong-chart>` +
          `<khuyencong-chart id="allowed" allow-cross-origin src="${other}data/phia-bac-2022.json"></khuyencong-chart>`,
      },
    });
    try {
      await page.route(`${other}data/phia-bac-2022.json`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), "access-control-allow-origin": "*" },
        });
      });
      await page.goto(url("cross.html"));
      await settle(page);
      assert.equal(await page.getAttribute("#refused", "data-kc-state"), "error");
      assert.match(
        await page.textContent('#refused [role="alert"]'),
        /không cùng nguồn \(origin\)/,
      );
      assert.equal(await page.getAttribute("#allowed", "data-kc-state"), "ready");
      assert.equal((await viewOf(page, "#allowed")).title, PHIA_BAC_TITLE);
      assert.equal(
        seen.requests.filter((u) => u.startsWith(other)).length,
        1,
        "only the allowed one asked",
      );
    } finally {
      await context.close();
    }
  });
});

describe("plain elements [data-khuyencong]", () => {
  test("upgrades those in the page and those added later; data-* changes draw again", async () => {
    const { context, page, url } = await open({
      pages: {
        "plain.html": `<div id="a" data-khuyencong data-kind="plan-actual" data-src="/data/phia-bac-2022.json">${FALLBACK_TABLE}</div><section id="later"></section>`,
      },
    });
    try {
      await page.goto(url("plain.html"));
      await settle(page, "#a");
      assert.equal((await viewOf(page, "#a")).kind, "plan-actual");
      await assertDraws(page, "#a");
      assert.equal(await page.locator("#a table.fallback").isVisible(), false);

      // Added by a script (a CMS's lazy loader, an infinite scroll), nested in other markup.
      await page.evaluate((data) => {
        const wrapper = document.createElement("article");
        const div = document.createElement("div");
        div.id = "b";
        div.dataset.khuyencong = "";
        div.dataset.kind = "categories";
        const script = document.createElement("script");
        script.type = "application/json";
        script.textContent = JSON.stringify(data);
        div.append(script);
        wrapper.append(div);
        document.querySelector("#later").append(wrapper);
      }, DAK_LAK);
      await settle(page, "#b");
      assert.deepEqual((await viewOf(page, "#b")).items[0].rows, DAK_LAK_ROWS);
      await assertDraws(page, "#b");

      // The mark added to an element already in the page.
      await page.evaluate(() => {
        const c = document.createElement("div");
        c.id = "c";
        c.dataset.kind = "summary";
        c.dataset.src = "/data/phia-bac-2022.json";
        document.body.append(c);
      });
      await page.waitForTimeout(100);
      assert.equal(await page.getAttribute("#c", "data-kc-state"), null, "no mark, no chart");
      await page.$eval("#c", (c) => c.setAttribute("data-khuyencong", ""));
      await settle(page, "#c");
      assert.equal((await viewOf(page, "#c")).kind, "summary");

      await page.$eval("#a", (a) => {
        a.dataset.kind = "sources";
        a.dataset.theme = "dark";
      });
      await page.waitForFunction(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        return chartOf(document.querySelector("#a")).view().kind === "sources";
      });
      const background = await page.$eval("#a canvas", (c) =>
        Array.from(c.getContext("2d").getImageData(0, 0, 1, 1).data.slice(0, 3)),
      );
      assert.deepEqual(background, [0x15, 0x19, 0x1e], "data-theme=dark");
    } finally {
      await context.close();
    }
  });
});

describe("fallback content", () => {
  const PAGE =
    `<khuyencong-chart id="c" kind="sources" src="/data/phia-bac-2022.json">${FALLBACK_TABLE}</khuyencong-chart>` +
    `<div id="p" data-khuyencong data-kind="summary" data-src="/data/phia-bac-2022.json"><p class="sentence">Năm 2022 thực hiện 170,4 tỷ đồng, đạt 95,2% kế hoạch.</p></div>`;

  test("is what readers see with JavaScript off", async () => {
    const { context, page, url } = await open({
      javaScriptEnabled: false,
      pages: { "nojs.html": PAGE },
    });
    try {
      await page.goto(url("nojs.html"));
      assert.ok(await page.locator("#c table.fallback").isVisible());
      assert.deepEqual(
        await page.$$eval("#c table.fallback tr", (rows) =>
          rows.map((r) => [...r.cells].map((c) => c.textContent)),
        ),
        [
          ["Khuyến công quốc gia", "79,5 tỷ đồng"],
          ["Khuyến công địa phương", "90,9 tỷ đồng"],
        ],
      );
      assert.equal(
        await page.locator("#p .sentence").textContent(),
        "Năm 2022 thực hiện 170,4 tỷ đồng, đạt 95,2% kế hoạch.",
      );
      assert.ok(await page.locator("#p .sentence").isVisible());
      assert.equal(await page.locator("canvas").count(), 0);
    } finally {
      await context.close();
    }
  });

  test("shows until the chart has drawn; with none, a loading text does", async () => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const { context, page, url, base } = await open({
      pages: {
        "slow.html":
          PAGE +
          '<khuyencong-chart id="empty" kind="summary" src="/data/slow.json"></khuyencong-chart>' +
          '<khuyencong-chart id="empty-en" locale="en" src="/data/slow.json">  \n  </khuyencong-chart>',
      },
    });
    try {
      await page.route(`${base}data/slow.json`, async (route) => {
        await held;
        await route
          .fulfill({ path: repoPath("www", "data", "phia-bac-2022.json") })
          .catch(() => {});
      });
      await page.goto(url("slow.html"));
      await page.waitForFunction(
        () => document.querySelector("#empty").dataset.kcState === "loading",
      );
      assert.equal(await page.locator("#empty").textContent(), "Đang tải biểu đồ…");
      assert.ok(await page.locator("#empty .kc-embed__loading").isVisible());
      assert.ok(
        (await page.$eval("#empty", (e) => e.getBoundingClientRect().height)) > 20,
        "not an empty box",
      );
      assert.equal(
        await page.locator("#empty-en .kc-embed__loading").textContent(),
        "Loading the chart…",
      );
      await settle(page, "#c, #p");
      release();
      await settle(page);
      assert.equal(await page.locator("#empty .kc-embed__loading").isVisible(), false);
      await assertDraws(page, "#empty");
    } finally {
      release();
      await context.close();
    }
  });

  test("comes back under an error box when the data is missing (404); the others still draw", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "missing.html":
          PAGE +
          `<khuyencong-chart id="missing" kind="sources" src="/data/khong-co.json">${FALLBACK_TABLE}</khuyencong-chart>` +
          '<khuyencong-chart id="bare" src="/data/khong-co.json"></khuyencong-chart>' +
          '<khuyencong-chart id="nodata" kind="sources"><p>Không có dữ liệu.</p></khuyencong-chart>' +
          '<khuyencong-chart id="notobject"><script type="application/json">["x"]</script></khuyencong-chart>',
      },
    });
    try {
      await page.goto(url("missing.html"));
      await settle(page);
      const state = (id) => page.getAttribute(id, "data-kc-state");
      assert.equal(await state("#missing"), "error");
      const alert = page.locator('#missing [role="alert"]');
      assert.match(await alert.textContent(), /HTTP 404/);
      assert.ok(await alert.isVisible());
      assert.ok(await page.locator("#missing table.fallback").isVisible());
      // The box above the fallback.
      assert.ok(
        await page.$eval("#missing", (e) => {
          const box = e.querySelector('[role="alert"]');
          const table = e.querySelector("table");
          return box.getBoundingClientRect().bottom <= table.getBoundingClientRect().top;
        }),
      );
      // No fallback: the box alone, never an empty one, and no loading text left.
      assert.match(await page.textContent('#bare [role="alert"]'), /HTTP 404/);
      assert.equal(await page.locator("#bare .kc-embed__loading").isVisible(), false);
      // Neither src nor inline data; inline data that is not an object (not fetched as a URL).
      assert.match(
        await page.textContent('#nodata [role="alert"]'),
        /^Không vẽ được biểu đồ\.src: chưa có dữ liệu/,
      );
      assert.ok(await page.locator("#nodata p").last().isVisible());
      assert.match(
        await page.textContent('#notobject [role="alert"]'),
        /phải là một đối tượng JSON/,
      );
      assert.ok(!seen.requests.some((u) => u.includes('["x"]') || u.includes("%5B")));
      // The others draw.
      assert.equal(await state("#c"), "ready");
      assert.equal(await state("#p"), "ready");
      await assertDraws(page, "#c");
      await assertDraws(page, "#p");
      assert.deepEqual(seen.pageErrors, []);
      // The only console errors are the browser's own reports of the 404s.
      for (const text of seen.consoleErrors) assert.match(text, /404/);
    } finally {
      await context.close();
    }
  });

  test("comes back when the wasm cannot load, which is tried once for all charts", async () => {
    const { context, page, seen, url } = await open({ pages: { "nowasm.html": PAGE } });
    try {
      await page.route("**/*.wasm", (route) => route.abort());
      await page.goto(url("nowasm.html"));
      await settle(page);
      for (const id of ["#c", "#p"]) {
        assert.equal(await page.getAttribute(id, "data-kc-state"), "error");
        assert.match(await page.textContent(`${id} [role="alert"]`), /WebAssembly/);
      }
      assert.ok(await page.locator("#c table.fallback").isVisible());
      assert.ok(await page.locator("#p .sentence").isVisible());
      assert.equal(seen.requests.filter((u) => u.endsWith(".wasm")).length, 1);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("iframe (embed.html)", () => {
  const FRAME_SRC =
    "/embed.html?src=data/phia-bac-2022.json&kind=plan-actual&locale=vi&theme=light";

  /** The chart inside the iframe `selector`, once drawn: its view and the frame's height. */
  async function frameChart(page, selector) {
    const frame = await (await page.$(selector)).contentFrame();
    await frame.waitForFunction(
      () => document.querySelector("khuyencong-chart")?.dataset.kcState === "ready",
    );
    return frame;
  }

  // The height inside the iframe's border (it has the browser's default 2 px one here).
  const frameHeight = (page, selector) => page.$eval(selector, (f) => f.clientHeight);

  // The chart in a frame fills the frame's height (embed-frame.js gives it height="100vh"), so
  // a host that runs no script shows it whole; a host that runs embed.js still sets the frame to
  // the height the page posts, which is then the frame's own, or an error box's.
  for (const csp of [false, true]) {
    test(`renders one chart full width that fills the iframe; the host's embed.js fits the iframe to what it posts${csp ? " (strict CSP)" : ""}`, async () => {
      const { context, page, seen, url } = await open({
        csp,
        // Every height the frames post, with the iframe that posted it.
        init: () => {
          window.__heights = [];
          addEventListener("message", (e) => {
            if (e.data?.type === "khuyencong-chart:height") {
              window.__heights.push([e.source.frameElement?.id, e.data.height]);
            }
          });
        },
        pages: {
          "frames.html":
            `<div id="box"><iframe id="marked" src="${FRAME_SRC}" data-khuyencong-frame title="Kế hoạch và thực hiện" width="100%" height="480" loading="lazy"></iframe>` +
            `<iframe id="unmarked" src="${FRAME_SRC}" title="Không đánh dấu" width="100%" height="480"></iframe>` +
            '<iframe id="missing" src="/embed.html?src=data/khong-co.json&amp;kind=sources" data-khuyencong-frame title="Thiếu số liệu" width="100%" height="480"></iframe></div>',
        },
      });
      try {
        await page.goto(url("frames.html"));
        const frame = await frameChart(page, "#marked");
        await frameChart(page, "#unmarked");
        const inside = () =>
          frame.evaluate(() => {
            const c = document.querySelector("khuyencong-chart");
            return {
              height: c.chart.view().height,
              kind: c.chart.view().kind,
              canvas: c.querySelector("canvas").getBoundingClientRect().width,
              page: document.documentElement.getBoundingClientRect().height,
              width: innerWidth,
              viewport: innerHeight,
              title: document.title,
            };
          });
        let view = await inside();
        assert.equal(view.kind, "plan-actual");
        assert.equal(view.canvas, view.width, "full width");
        assert.equal(view.viewport, 480);
        assert.ok(Math.abs(view.height - 480) <= 1, `the chart fills the frame: ${view.height}`);
        assert.ok(Math.abs(view.page - view.height) <= 1, "the page is the chart");
        assert.equal(view.title, PHIA_BAC_TITLE);
        // What it posts is the frame's own height: the host sets it, nothing moves.
        await page.waitForFunction(() => window.__heights.some(([id]) => id === "marked"));
        await page.waitForTimeout(200);
        const posted = await page.evaluate(() =>
          window.__heights.filter(([id]) => id === "marked"),
        );
        assert.deepEqual(posted, [["marked", 480]]);
        assert.equal(await frameHeight(page, "#marked"), 480);
        assert.equal(await frameHeight(page, "#unmarked"), 480, "an unmarked iframe is left alone");

        // A frame whose chart fails posts its error box's height, and the host fits the frame.
        const missing = await (await page.$("#missing")).contentFrame();
        await missing.waitForFunction(
          () => document.querySelector("khuyencong-chart")?.dataset.kcState === "error",
        );
        await page.waitForFunction(() => window.__heights.some(([id]) => id === "missing"));
        const [[, errorHeight]] = await page.evaluate(() =>
          window.__heights.filter(([id]) => id === "missing").slice(-1),
        );
        assert.ok(errorHeight > 20 && errorHeight < 480, `${errorHeight}`);
        await page.waitForFunction(
          (h) => document.querySelector("#missing").clientHeight === h,
          errorHeight,
        );
        assert.match(await missing.textContent('[role="alert"]'), /HTTP 404/);

        // Narrower: the chart is laid out again at the new width, and still fills the frame.
        await page.$eval("#box", (b) => b.style.setProperty("width", "360px"));
        await frame.waitForFunction(() => {
          const canvas = document.querySelector("khuyencong-chart canvas");
          return innerWidth < 400 && canvas.getBoundingClientRect().width === innerWidth;
        });
        await page.waitForTimeout(200);
        view = await inside();
        assert.equal(view.canvas, view.width);
        assert.ok(Math.abs(view.height - view.viewport) <= 1, `${view.height} vs ${view.viewport}`);
        assert.equal(await frameHeight(page, "#marked"), view.viewport);

        // A message that is not from the frame changes nothing.
        await page.evaluate(() =>
          window.postMessage({ type: "khuyencong-chart:height", height: 50 }, "*"),
        );
        await page.waitForTimeout(100);
        assert.equal(await frameHeight(page, "#marked"), view.viewport);

        if (csp) {
          assert.deepEqual(await cspViolations(page), []);
          assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
        }
        // The browser's report of the missing file, and nothing else.
        for (const text of seen.consoleErrors) assert.match(text, /404/);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("with the host's embed.js, opening the frame's table and resizing does not grow the chart", async () => {
    const { context, page, url } = await open({
      pages: {
        "table.html": `<div id="box" style="width: 360px"><iframe id="f" src="${FRAME_SRC}" data-khuyencong-frame title="Biểu đồ" width="100%" height="480"></iframe></div>`,
      },
    });
    try {
      await page.goto(url("table.html"));
      const frame = await frameChart(page, "#f");
      const chartHeight = () => frame.evaluate(() => document.querySelector("khuyencong-chart canvas").getBoundingClientRect().height);
      const first = await chartHeight();
      await frame.click(".kc-chart__table-toggle");
      for (const width of ["340px", "360px", "330px"]) {
        await page.$eval("#box", (b, w) => b.style.setProperty("width", w), width);
        await page.waitForTimeout(400);
      }
      assert.ok(Math.abs((await chartHeight()) - first) <= 1, `${first} → ${await chartHeight()}`);
    } finally {
      await context.close();
    }
  });

  test("the package's own embed.html (next to embed.js) draws under the strict CSP and is fitted", async () => {
    const { context, page, seen, url } = await open({
      csp: true,
      pages: {
        "pkg-frame.html": `<iframe id="f" src="/pkg/embed.html?src=/data/phia-bac-2022.json&kind=plan-actual&amount-digits=0" data-khuyencong-frame title="Biểu đồ" width="100%" height="480"></iframe>`,
      },
    });
    try {
      await page.goto(url("pkg-frame.html"));
      const frame = await frameChart(page, "#f");
      const view = await frame.evaluate(() =>
        document.querySelector("khuyencong-chart").chart.view(),
      );
      assert.equal(view.title, PHIA_BAC_TITLE);
      assert.deepEqual(view.items[1].rows[0], ["Thực hiện", "80 tỷ đồng"]);
      await page.waitForFunction(
        (h) => document.querySelector("#f").clientHeight === h,
        Math.ceil(view.height),
      );
      // Everything the frame loaded came from the package folder.
      const loaded = await frame.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
      );
      // Once each: embed.js is preloaded beside embed-frame.js (the page's modulepreload), and
      // the one reader wasm beside embed-draw.js (the preload embed.js adds as the chart nears),
      // and those are the requests the imports and the fetch take.
      for (const file of ["embed-frame.css", "embed-frame.js", "embed.js", "embed-draw.js", "khuyencong_charts_view_bg.wasm"]) {
        assert.equal(loaded.filter((p) => p === `/pkg/${file}`).length, 1, `${file}: ${loaded.join(", ")}`);
      }
      const early = await frame.evaluate(() =>
        [...document.head.querySelectorAll("link[rel=modulepreload], link[rel=preload]")].map((l) =>
          new URL(l.href).pathname,
        ),
      );
      assert.deepEqual(early, ["/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"]);
      assert.equal(loaded.filter((p) => p.endsWith(".wasm")).length, 1, loaded.join(", "));
      assert.deepEqual(loaded.filter((p) => p.startsWith("/assets/")), []);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // Before, the frame kept its height of 480 and the chart its own height inside it (a blank
  // band under it, or a cut chart); now the chart fills the frame's height attribute.
  test("in a host that runs no script, the chart fills the frame's height: no blank band, nothing cut", async () => {
    const { context, page, url } = await open({
      script: false,
      pages: {
        "noscript.html": `<div id="box" style="width: 360px"><iframe id="f" src="${FRAME_SRC}" data-khuyencong-frame title="Biểu đồ" width="100%" height="600"></iframe></div>`,
      },
    });
    try {
      await page.goto(url("noscript.html"));
      const frame = await frameChart(page, "#f");
      await page.waitForTimeout(300);
      const inside = await frame.evaluate(() => {
        const canvas = document.querySelector("khuyencong-chart canvas.kc-chart__canvas");
        const tools = [...document.querySelectorAll("khuyencong-chart button")].map((b) => b.getBoundingClientRect().bottom);
        return {
          width: innerWidth,
          viewport: innerHeight,
          canvas: canvas.getBoundingClientRect().toJSON(),
          controls: Math.max(...tools),
          scroll: document.documentElement.scrollHeight,
        };
      });
      assert.ok(inside.width <= 360, `${inside.width}`);
      assert.equal(inside.viewport, 600);
      assert.ok(Math.abs(inside.canvas.top) <= 1 && Math.abs(inside.canvas.height - 600) <= 1, JSON.stringify(inside.canvas));
      assert.ok(inside.controls <= inside.viewport, `the controls are in view: ${inside.controls}`);
      assert.ok(inside.scroll <= inside.viewport + 1, `nothing below the frame: ${inside.scroll}`);
      assert.equal(await frameHeight(page, "#f"), 600, "the frame is as the host wrote it");
    } finally {
      await context.close();
    }
  });

  test("takes the digit parameters as the element takes its attributes", async () => {
    const { context, page, url } = await open({
      pages: {
        "digits.html": `<iframe id="f" src="${FRAME_SRC}&amount-digits=0&percent-digits=2" data-khuyencong-frame title="Biểu đồ" width="100%" height="480"></iframe>`,
      },
    });
    try {
      await page.goto(url("digits.html"));
      const frame = await frameChart(page, "#f");
      const rows = await frame.evaluate(
        () => document.querySelector("khuyencong-chart").chart.view().items[1].rows,
      );
      assert.deepEqual(rows, [
        ["Thực hiện", "80 tỷ đồng"],
        ["Đạt kế hoạch", "98,27%"],
      ]);
    } finally {
      await context.close();
    }
  });

  test("refuses data from another origin, and says so inside the frame", async () => {
    const { context, page, seen, base } = await open();
    try {
      await page.goto(
        `${base}embed.html?src=${encodeURIComponent("http://localhost:9/x.json")}&kind=sources`,
      );
      await settle(page);
      assert.equal(await page.getAttribute("khuyencong-chart", "data-kc-state"), "error");
      assert.match(await page.textContent('[role="alert"]'), /không cùng nguồn \(origin\)/);
      assert.ok(!seen.requests.some((u) => u.startsWith("http://localhost:9")), "nothing asked");
      // Nor does a link to it add the permission.
      await page.goto(
        `${base}embed.html?src=${encodeURIComponent("http://localhost:9/x.json")}&allow-cross-origin=1`,
      );
      await settle(page);
      assert.equal(await page.getAttribute("khuyencong-chart", "allow-cross-origin"), null);
      assert.match(await page.textContent('[role="alert"]'), /không cùng nguồn/);
    } finally {
      await context.close();
    }
  });
});

describe("embed-examples.html", () => {
  /** Waits for the picture way's code (written by a chart as the page loads), then scrolls
   * through the page until every chart has drawn. */
  async function settleExamples(page) {
    await page.waitForSelector('[data-example="ex-picture"] img', { state: "attached" });
    await settleCharts(page);
  }

  for (const width of [360, 1280]) {
    test(`every way draws under the strict CSP (screenshot embed-examples-${width}.png)`, async () => {
      const { context, page, seen, base } = await open({
        csp: true,
        viewport: { width, height: width < 600 ? 740 : 900 },
        deviceScaleFactor: width < 600 ? 2 : 1,
      });
      try {
        const response = await page.goto(`${base}embed-examples.html`);
        assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
        await settleExamples(page);
        const states = await page.$$eval("khuyencong-chart, [data-khuyencong], .kc-embed", (nodes) =>
          nodes.map((n) => n.dataset.kcState),
        );
        assert.deepEqual(states, ["ready", "ready", "ready", "ready"]);
        for (const example of ["ex-picture", "ex-src", "ex-inline", "ex-plain"]) {
          await assertDraws(page, `[data-example="${example}"] > *`);
        }
        // The picture way: the chart in the picture's place, the link and the table under it.
        assert.equal(
          await page.$eval('[data-example="ex-picture"] img', (img) => getComputedStyle(img).display),
          "none",
        );
        assert.ok(await page.locator('[data-example="ex-picture"] table').isVisible());
        assert.equal(
          await page.locator('[data-example="ex-picture"] a').textContent(),
          "Xem biểu đồ tương tác",
        );
        // The iframe is loading="lazy", as the copied code has it: on a phone it is far enough
        // down the page that it loads only as the reader scrolls towards it.
        const iframe = await page.$('[data-example="ex-frame"] iframe');
        await iframe.scrollIntoViewIfNeeded();
        const frame = await iframe.contentFrame();
        await frame.waitForFunction(
          () => document.querySelector("khuyencong-chart")?.dataset.kcState === "ready",
        );
        const height = await frame.evaluate(
          () => document.querySelector("khuyencong-chart").chart.view().height,
        );
        await page.waitForFunction(
          (h) =>
            document.querySelector("[data-khuyencong-frame]").getBoundingClientRect().height === h,
          Math.ceil(height),
        );
        await page.evaluate(() => document.fonts.ready);
        const layout = await page.evaluate(() => ({
          pageWidth: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
        }));
        assert.ok(layout.pageWidth <= layout.viewport, JSON.stringify(layout));
        // Time for a late violation or error to show. (Not "networkidle": on this page, whose
        // lazy iframe navigates late, Playwright at times never reports it, nothing pending.)
        await page.waitForLoadState("load");
        await page.waitForTimeout(500);
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
        assert.deepEqual(seen.consoleErrors, []);
        assert.deepEqual(seen.pageErrors, []);
        await page.evaluate(() => scrollTo(0, 0));
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({
          path: `${SCREENSHOTS}/embed-examples-${width}.png`,
          fullPage: true,
        });
      } finally {
        await context.close();
      }
    });
  }

  test("each code shown, pasted into a blank page, draws the same chart", async () => {
    const { context, page, base } = await open({ csp: true });
    try {
      await page.goto(`${base}embed-examples.html`);
      await settleExamples(page);
      const shown = await page.$$eval("pre[data-code]", (pres) =>
        pres.map((pre) => ({ id: pre.dataset.code, code: pre.textContent })),
      );
      assert.deepEqual(
        shown.map((s) => s.id),
        ["ex-picture", "ex-template", "ex-src", "ex-inline", "ex-plain", "ex-frame"],
      );
      const expected = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        const charts = [
          ["ex-picture", document.querySelector('[data-example="ex-picture"] img')],
          ...[
            ...document.querySelectorAll(
              "[data-example] > khuyencong-chart, [data-example] > [data-khuyencong]",
            ),
          ].map((n) => [n.parentElement.dataset.example, n]),
        ];
        return Object.fromEntries(
          charts.map(([id, n]) => {
            const v = chartOf(n).view();
            return [id, { kind: v.kind, title: v.title, items: v.items.map((i) => i.rows) }];
          }),
        );
      });
      const template = shown.find((s) => s.id === "ex-template").code;
      // The one line of the portal's template; the element ways start with it too. (The old
      // codes began with a <link rel="preload"> of the wasm: the loader preloads it now.)
      assert.equal(template, '<script type="module" src="/pkg/embed.js"></script>');
      for (const { id, code } of shown) {
        if (id === "ex-template") continue;
        // What an editor copies: text, with the script line for the element ways.
        if (id === "ex-frame") {
          assert.match(
            code,
            /^<iframe src="\/embed\.html\?src=data\/cao-bang-2021-2025\.json&amp;kind=leverage" data-khuyencong-frame title="[^"]+" width="100%" height="480" loading="lazy" frameborder="0"><\/iframe>$/,
          );
          continue;
        }
        let body;
        let head = "";
        if (id === "ex-picture") {
          // Only what rich-text editors keep, and the template line in the page's <head>.
          assert.match(code, /^<p><img src="data:image\/svg\+xml,[^"]+" alt="[^"]+" width="440" height="\d+"><\/p>\n<p><a href="http:\/\/127\.0\.0\.1:\d+\/pkg\/chart\.html#khuyencong=1&amp;kind=regions&amp;d=[\w-]+">Xem biểu đồ tương tác<\/a>/);
          assert.doesNotMatch(code, /<script|data-khuyencong|style=/);
          head = template;
          body = code;
        } else {
          assert.ok(code.startsWith(`${template}\n<`), code);
          body = code;
        }
        // A blank page of the site (strict CSP too), another path depth: root-relative addresses.
        const pasted = await context.newPage();
        const pastedSeen = await watchPage(pasted);
        const article = testPage(`<p>Bài viết.</p>${body}`, { head, title: "Bài viết" });
        await servePage(pasted, `${base}tin-tuc/2023/bai-viet.html`, article, { csp: true });
        await pasted.goto(`${base}tin-tuc/2023/bai-viet.html`);
        await settleCharts(pasted);
        const got = await pasted.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          const v = chartOf(document.querySelector("khuyencong-chart, [data-khuyencong], img")).view();
          return { kind: v.kind, title: v.title, items: v.items.map((i) => i.rows) };
        });
        assert.deepEqual(got, expected[id], id);
        // The wasm downloads once: the reader's file of every kind.
        const wasmRequests = pastedSeen.requests.filter((u) => u.endsWith(".wasm"));
        assert.deepEqual(wasmRequests, [`${base}pkg/khuyencong_charts_view_bg.wasm`], id);
        // Console errors: a CSP violation is one.
        assert.deepEqual(pastedSeen.consoleErrors, [], id);
        await pasted.close();
      }
    } finally {
      await context.close();
    }
  });
});
