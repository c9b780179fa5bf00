// The embed snippet's elements (src/js/embed.js, the site loader, and embed-draw.js, built into
// www/pkg/) in Debian's Chromium, the way newsroom editors use them where a CMS keeps more than
// the picture, link and table (those are loader-*.test.mjs's): the custom element
// <khuyencong-chart> with src or inline data, its attributes, removal and moves, data from
// another origin, and plain [data-khuyencong] elements for CMSs that strip unknown tags.
// The loader is lazy: a chart loads when it comes within a screen of the viewport. Pages whose
// charts do not all fit in that are scrolled through (settleCharts) or given a tall viewport.
// Test pages are served on the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/embed-element.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { countLive, repoPath } from "./helpers.mjs";
import {
  assertDraws,
  FALLBACK_TABLE,
  open,
  PHIA_BAC_TITLE,
  settle,
  strictSite,
  useEmbedFixture,
  viewOf,
} from "./embed-helpers.mjs";

useEmbedFixture();

const DAK_LAK = JSON.parse(readFileSync(repoPath("www", "data", "dak-lak-2020.json"), "utf8"));

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

const dataFetches = (seen, file) => seen.requests.filter((u) => u.endsWith(`/data/${file}`)).length;

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
