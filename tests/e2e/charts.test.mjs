// The interactive charts (src/js/chart.js driving the wasm Chart) in Debian's Chromium: the
// gallery page www/charts.html with every kind on the published data, and blank pages on the
// same server for sizing, themes, errors and clean-up.
// Run: node --test tests/e2e/   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import {
  countLive,
  cspViolations,
  gotoGallery,
  openPage,
  repoPath,
  startFixture,
  testPage,
} from "./helpers.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
/** A page of the test's own, served from the site's origin (so /pkg/ and /data/ load). */
const BLANK = "__test__/blank.html";

const PHIA_BAC = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
const BAD_DATA = { title: "x", unit: "ty_dong", records: [{ source: "kcqg", plan: "1,5" }] };

// The largest region of the illustrative 63-province file and its national part, computed here
// from the file with Intl.NumberFormat as an independent oracle ("3.600 triệu đồng").
const REGIONS_TOP = (() => {
  const { records } = JSON.parse(
    readFileSync(repoPath("www", "data", "63-tinh-minh-hoa.json"), "utf8"),
  );
  const totals = new Map();
  for (const r of records) totals.set(r.region, (totals.get(r.region) ?? 0) + Number(r.actual));
  // Largest first; a stable sort keeps the file's order among equals, as the chart does.
  const [region] = [...totals].sort((a, b) => b[1] - a[1])[0];
  const national = records.find((r) => r.region === region && r.source === "kcqg");
  const vnd = (n) => `${new Intl.NumberFormat("vi-VN").format(n)} triệu đồng`;
  return { region, national: vnd(Number(national.actual)), total: vnd(totals.get(region)) };
})();

// For each chart of the gallery: an item and what its tooltip must say, from the published
// figures (www/data, ../shared/data/published-figures.md).
const KINDS = [
  {
    id: "chart-summary",
    kind: "summary",
    item: 0,
    title: "Tổng kinh phí thực hiện",
    rows: [
      ["Thực hiện", "170,4 tỷ đồng"],
      ["Kế hoạch", "179 tỷ đồng"],
      ["Đạt kế hoạch", "95,2%"],
    ],
  },
  {
    id: "chart-sources",
    kind: "sources",
    item: 0,
    title: "Khuyến công quốc gia",
    rows: [
      ["Thực hiện", "79,5 tỷ đồng"],
      ["Tỷ trọng", "46,7%"],
      ["Kế hoạch", "80,9 tỷ đồng"],
      ["Đạt kế hoạch", "98,3%"],
    ],
  },
  {
    id: "chart-plan-actual",
    kind: "plan-actual",
    item: 3,
    title: "Khuyến công địa phương",
    rows: [
      ["Thực hiện", "90,9 tỷ đồng"],
      ["Đạt kế hoạch", "92,6%"],
    ],
  },
  {
    id: "chart-leverage",
    kind: "leverage",
    item: 1,
    title: "Tổng cộng",
    rows: [
      ["Vốn đối ứng", "10,8 tỷ đồng"],
      ["1 đồng khuyến công thu hút 2,48 đồng vốn đối ứng", ""],
    ],
  },
  {
    id: "chart-leverage-regions",
    kind: "leverage",
    item: 0,
    title: "Cao Bằng",
    rows: [
      ["Kinh phí khuyến công", "4.360 triệu đồng"],
      ["1 đồng khuyến công thu hút 2,48 đồng vốn đối ứng", ""],
    ],
  },
  {
    id: "chart-trend",
    kind: "trend",
    item: 0,
    title: "2020",
    rows: [
      ["Khuyến công địa phương", "2.000 triệu đồng"],
      ["Đạt kế hoạch", "–"],
    ],
  },
  {
    id: "chart-categories-dak-lak",
    kind: "categories",
    item: 0,
    title: "Máy móc thiết bị tiên tiến",
    rows: [
      ["Thực hiện", "2.700 triệu đồng"],
      ["Tỷ trọng", "75,2%"],
      ["Số đề án", "7 đề án"],
    ],
  },
  {
    id: "chart-categories-binh-dinh",
    kind: "categories",
    item: 0,
    title: "Máy móc thiết bị tiên tiến",
    rows: [
      ["Thực hiện", "2.440 triệu đồng"],
      ["Tỷ trọng", "48,6%"],
    ],
  },
  {
    id: "chart-regions",
    kind: "regions",
    item: 0,
    title: REGIONS_TOP.region,
    rows: [
      ["Khuyến công quốc gia", REGIONS_TOP.national],
      ["Cộng", REGIONS_TOP.total],
      ["Tỷ trọng", "2,5%"],
    ],
  },
];

let fixture;
let browser;
let site;
let strictSite;

before(async () => {
  assert.ok(
    existsSync(repoPath("www", "pkg", "chart.js")),
    "www/pkg/chart.js is missing: make www-pkg",
  );
  fixture = await startFixture({ site: {}, strictSite: { csp: true } });
  ({ browser, site, strictSite } = fixture);
});

after(() => fixture?.close());

/** A fresh context and page, watched (console errors, page errors, CSP violations), with a
 * blank page at BLANK (under the strict policy, on the strict site, when `csp`). */
async function open({ csp = false, ...options } = {}) {
  const base = (csp ? strictSite : site).url;
  const opened = await openPage(browser, { csp, pages: { [`${base}${BLANK}`]: testPage() }, ...options });
  return { ...opened, base };
}

/** Opens the gallery and waits until every chart has mounted, or failed. */
async function openGallery(options = {}) {
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
async function openBlank(options = {}) {
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
function inkOf(page, selector) {
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
function pointOver(page, selector, i) {
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
function tooltipOf(page, selector) {
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

const canvasSize = (page, selector) =>
  page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`);
    return {
      css: canvas.getBoundingClientRect().width,
      cssHeight: canvas.getBoundingClientRect().height,
      px: canvas.width,
      pxHeight: canvas.height,
    };
  }, selector);

describe("every kind on the gallery page", () => {
  let opened;
  before(async () => {
    opened = await openGallery();
  });
  after(async () => {
    await opened?.context.close();
  });

  for (const k of KINDS) {
    test(`${k.id} (${k.kind}) paints, and its tooltip shows item ${k.item}'s exact figures`, async () => {
      const { page, seen } = opened;
      const sel = `#${k.id}`;
      const view = await page.evaluate(
        (id) => window.khuyencongGallery.charts.get(id).view(),
        k.id,
      );
      assert.equal(view.kind, k.kind);
      assert.ok(view.items.length > k.item, `${view.items.length} items`);

      const ink = await inkOf(page, sel);
      assert.deepEqual(ink.background, [255, 255, 255], "light background");
      assert.ok(ink.count > ink.total * 0.02, `only ${ink.count} of ${ink.total} pixels drawn`);

      const { x, y } = await pointOver(page, sel, k.item);
      const before = await inkOf(page, sel);
      await page.mouse.move(x, y);
      const tip = await tooltipOf(page, sel);
      assert.ok(tip, "the tooltip shows");
      assert.equal(tip.title, k.title);
      assert.deepEqual(tip.rows, k.rows);
      assert.ok(tip.insideWidth, "the tooltip stays within the chart's width");
      assert.ok(tip.inViewport, "the tooltip is on screen");
      // The hovered item is outlined: the picture changed.
      assert.notEqual((await inkOf(page, sel)).count, before.count, "the hovered item is outlined");

      await page.keyboard.press("Escape");
      assert.equal(await tooltipOf(page, sel), null, "Escape hides the tooltip");
      assert.equal((await inkOf(page, sel)).count, before.count, "and the outline");
      await page.mouse.move(0, 0);

      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    });
  }

  test("a mouse leaving the chart hides its tooltip", async () => {
    const { page } = opened;
    const { x, y } = await pointOver(page, "#chart-categories-dak-lak", 1);
    await page.mouse.move(x, y);
    assert.equal(
      (await tooltipOf(page, "#chart-categories-dak-lak")).title,
      "Đào tạo nghề, tập huấn",
    );
    await page.mouse.move(2, y);
    assert.equal(await tooltipOf(page, "#chart-categories-dak-lak"), null);
  });

  test("long labels are shortened on the canvas and whole in the tooltip", async () => {
    const { page } = opened;
    // At 360 px the regions chart's label column is narrow; "Thành phố Hồ Chí Minh" is long.
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await page.waitForFunction(
        () => window.khuyencongGallery.charts.get("chart-regions").canvas.width < 360,
      );
      const { i, fullWidth, column } = await page.evaluate(() => {
        const { items } = window.khuyencongGallery.charts.get("chart-regions").view();
        const i = items.findIndex((it) => it.title === "Thành phố Hồ Chí Minh");
        // The label column ends 10 px before the bars and starts at the 10 px padding.
        const ctx = document.createElement("canvas").getContext("2d");
        ctx.font = "13px -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif";
        return {
          i,
          fullWidth: ctx.measureText(items[i].title).width,
          column: items[i].rect[0] - 20,
        };
      });
      assert.ok(
        fullWidth > column,
        `the name (${fullWidth} px) does not fit its column (${column} px)`,
      );
      const { x, y } = await pointOver(page, "#chart-regions", i);
      await page.mouse.move(x, y);
      const tip = await tooltipOf(page, "#chart-regions");
      assert.equal(tip.title, "Thành phố Hồ Chí Minh");
      assert.ok(tip.insideWidth && tip.inViewport, JSON.stringify(tip));
    } finally {
      await page.mouse.move(0, 0);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe("keyboard", () => {
  test("the chart is one tab stop; arrows, Home and End move, announce and outline", async () => {
    const { context, page, seen } = await openGallery();
    try {
      // The element before the sources chart in tab order is the summary card's data link.
      await page.focus("#chart-summary ~ .card__data a");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const canvas = document.activeElement;
        return {
          inSources: canvas === window.khuyencongGallery.charts.get("chart-sources").canvas,
          label: canvas.getAttribute("aria-label"),
          description: document.getElementById(canvas.getAttribute("aria-describedby")).textContent,
          outline: canvas.style.outline,
          group: canvas.parentElement.getAttribute("role"),
        };
      });
      assert.ok(focused.inSources, "Tab focuses the sources chart");
      assert.equal(focused.label, PHIA_BAC.title);
      assert.equal(focused.group, "group");
      assert.match(
        focused.description,
        /^Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, đạt 95,2 phần trăm kế hoạch/,
      );
      assert.match(focused.outline, /solid/, "keyboard focus is visible");

      const items = await page.evaluate(
        () => window.khuyencongGallery.charts.get("chart-sources").view().items,
      );
      const live = () => page.textContent("#chart-sources .kc-chart__live");
      const scrollY = await page.evaluate(() => scrollY);

      await page.keyboard.press("ArrowRight");
      assert.equal(await live(), items[0].speech);
      assert.equal((await tooltipOf(page, "#chart-sources")).title, items[0].title);
      const outlined = (await inkOf(page, "#chart-sources")).count;

      await page.keyboard.press("End");
      assert.equal(await live(), items.at(-1).speech);
      assert.equal((await tooltipOf(page, "#chart-sources")).title, items.at(-1).title);
      assert.notEqual((await inkOf(page, "#chart-sources")).count, outlined, "the outline moved");

      await page.keyboard.press("Home");
      assert.equal(await live(), items[0].speech);
      await page.keyboard.press("ArrowDown");
      assert.equal(await live(), items[1].speech);
      await page.keyboard.press("ArrowLeft");
      assert.equal(await live(), items[0].speech);
      assert.equal(
        await page.evaluate(() => scrollY),
        scrollY,
        "arrow keys do not scroll the page",
      );

      await page.keyboard.press("Escape");
      assert.equal(await tooltipOf(page, "#chart-sources"), null);
      // Leaving the chart takes its tooltip and outline away.
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Tab");
      assert.equal(await tooltipOf(page, "#chart-sources"), null);
      assert.equal(
        await page.evaluate(() => document.querySelector("#chart-sources canvas").style.outline),
        "",
      );

      // Speech names the figures in words a screen reader reads as a newsreader says them.
      assert.equal(
        items[0].speech,
        "Khuyến công quốc gia: Thực hiện 79,5 tỷ đồng; Tỷ trọng 46,7 phần trăm; Kế hoạch 80,9 tỷ đồng; Đạt kế hoạch 98,3 phần trăm",
      );
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("legend buttons toggle their series by click, Enter and Space", async () => {
    const { context, page, seen } = await openGallery();
    try {
      const sel = "#chart-regions";
      const state = () =>
        page.evaluate(
          (s) => ({
            pressed: [...document.querySelectorAll(`${s} .kc-chart__legend button`)].map((b) =>
              b.getAttribute("aria-pressed"),
            ),
            names: [...document.querySelectorAll(`${s} .kc-chart__legend button`)].map(
              (b) => b.textContent,
            ),
            items: window.khuyencongGallery.charts.get("chart-regions").view().items.length,
          }),
          sel,
        );
      assert.deepEqual(await state(), {
        pressed: ["true", "true"],
        names: ["Khuyến công quốc gia", "Khuyến công địa phương"],
        items: 126,
      });
      const local = page.locator(`${sel} .kc-chart__legend button`).nth(1);
      await local.scrollIntoViewIfNeeded();
      await local.click();
      assert.deepEqual((await state()).pressed, ["true", "false"]);
      assert.equal((await state()).items, 63, "one segment per province left");
      // The button stays where it was and keeps the focus.
      assert.equal(await local.evaluate((b) => b === document.activeElement), true);
      await page.keyboard.press("Enter");
      assert.deepEqual(await state(), {
        ...(await state()),
        pressed: ["true", "true"],
        items: 126,
      });
      await page.keyboard.press("Space");
      assert.deepEqual((await state()).pressed, ["true", "false"]);
      // The button sits over the legend entry drawn on the canvas.
      const [rect, box] = await page.evaluate((s) => {
        const handle = window.khuyencongGallery.charts.get("chart-regions");
        const c = handle.canvas.getBoundingClientRect();
        const b = document
          .querySelectorAll(`${s} .kc-chart__legend button`)[1]
          .getBoundingClientRect();
        return [handle.view().legend[1].rect, [b.left - c.left, b.top - c.top, b.width, b.height]];
      }, sel);
      box.forEach((v, i) => assert.ok(Math.abs(v - rect[i]) < 0.5, `${box} over ${rect}`));
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("touch", () => {
  test("a tap shows the tooltip and a tap elsewhere dismisses it", async () => {
    const { context, page } = await openGallery({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 3,
    });
    try {
      const { x, y } = await pointOver(page, "#chart-sources", 1);
      await page.touchscreen.tap(x, y);
      assert.equal((await tooltipOf(page, "#chart-sources")).title, "Khuyến công địa phương");
      // Lifting the finger leaves the tooltip up.
      await page.waitForTimeout(100);
      assert.ok(await tooltipOf(page, "#chart-sources"));
      const heading = await page.locator("#h-sources").boundingBox();
      await page.touchscreen.tap(heading.x + 5, heading.y + 5);
      assert.equal(await tooltipOf(page, "#chart-sources"), null);
    } finally {
      await context.close();
    }
  });
});

describe("destroy()", () => {
  test("removes every node, listener and observer it made, and is idempotent", async () => {
    const { context, page, seen } = await open();
    try {
      await page.addInitScript(countLive);
      await page.goto(`${site.url}${BLANK}`);
      const result = await page.evaluate(async () => {
        const kc = await import("/pkg/index.js");
        await kc.ready();
        const element = document.createElement("div");
        document.body.append(element);
        const before = window.__live();
        const chart = await kc.mount(element, "/data/phia-bac-2022.json", { kind: "plan-actual" });
        const during = window.__live();
        // Use it: hover, focus, keys, legend, update, options, a resize.
        const r = chart.canvas.getBoundingClientRect();
        const [x, y, w, h] = chart.view().items[0].rect;
        chart.canvas.dispatchEvent(
          new PointerEvent("pointermove", {
            clientX: r.left + x + w / 2,
            clientY: r.top + y + h / 2,
            pointerType: "mouse",
            bubbles: true,
          }),
        );
        const tipShown = element.querySelector(".kc-chart__tooltip").style.display === "block";
        chart.canvas.focus();
        chart.canvas.dispatchEvent(
          new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }),
        );
        element.querySelector(".kc-chart__legend button").click();
        await chart.update();
        await chart.setOptions({ theme: "dark", locale: "en" });
        element.style.setProperty("width", "400px");
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        chart.destroy();
        chart.destroy();
        await chart.setOptions({ theme: "light" });
        await chart.update();
        const afterDestroy = window.__live();
        return {
          before,
          during,
          afterDestroy,
          tipShown,
          nodes: element.childNodes.length,
          canvas: chart.canvas,
        };
      });
      assert.ok(result.tipShown, "the chart was in use");
      assert.ok(
        result.during.listeners.length > result.before.listeners.length + 5,
        JSON.stringify(result.during),
      );
      assert.ok(
        result.during.listeners.includes("HTMLDocument.keydown") ||
          result.during.listeners.includes("Document.keydown"),
      );
      assert.ok(result.during.listeners.includes("MediaQueryList.change"));
      assert.equal(result.during.resizeObservers, 1);
      assert.equal(result.nodes, 0, "no node left in the element");
      assert.equal(result.canvas, null);
      assert.deepEqual(result.afterDestroy, result.before, "no listener or observer left");
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a destroy while an update is loading leaves nothing behind either", async () => {
    const { context, page, seen, base } = await openBlank();
    try {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(`${base}data/slow.json`, async (route) => {
        await held;
        await route
          .fulfill({ contentType: "application/json", body: JSON.stringify(PHIA_BAC) })
          .catch(() => {});
      });
      const result = await page.evaluate(async (text) => {
        const element = document.createElement("div");
        document.body.append(element);
        const chart = await window.kc.mount(element, text, {});
        const pending = chart.update("/data/slow.json");
        chart.destroy();
        const outcome = await Promise.race([
          pending.then(
            () => "resolved",
            (e) => `rejected ${e.code}`,
          ),
          new Promise((r) => setTimeout(() => r("pending"), 2000)),
        ]);
        return { outcome, nodes: element.childNodes.length };
      }, JSON.stringify(PHIA_BAC));
      release();
      assert.deepEqual(result, { outcome: "resolved", nodes: 0 });
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

/**
 * Mounts a chart of `data` (object, text or URL) into a new element appended to `parentSelector`
 * (default body) on a blank page; window.handles[selector] is the handle. Returns the
 * selector, or { error: { code, path, message } } when mount rejects.
 */
function mountOn(page, { id, data, options = {}, parent = "body", style = {} }) {
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

/** Waits until `fn(handle-ish state)` holds for the chart in `selector` (state read in-page). */
const waitForCanvas = (page, selector, predicate, arg) =>
  page.waitForFunction(
    ({ selector, predicate, arg }) => {
      const canvas = document.querySelector(`${selector} canvas`);
      const state = {
        css: canvas.getBoundingClientRect().width,
        px: canvas.width,
        pxHeight: canvas.height,
        cssHeight: canvas.getBoundingClientRect().height,
      };
      return new Function("s", "arg", `return (${predicate})(s, arg)`)(state, arg);
    },
    { selector, predicate: predicate.toString(), arg },
    { timeout: 3000 },
  );

describe("sizing", () => {
  test("the canvas has CSS size × devicePixelRatio pixels, and follows a DPR change (zoom)", async () => {
    const { context, page } = await openBlank({ deviceScaleFactor: 2 });
    try {
      await mountOn(page, {
        id: "c",
        data: PHIA_BAC,
        options: { kind: "plan-actual" },
        style: { width: "480px" },
      });
      const s = await canvasSize(page, "#c");
      assert.equal(s.css, 480);
      assert.equal(s.px, 960);
      assert.equal(s.pxHeight, Math.round(s.cssHeight * 2));

      // What browser zoom does: a new device pixel ratio (and a narrower viewport; Chromium's
      // emulation only re-evaluates media queries when the size changes too). The chart's own
      // width stays 480 px, so only the resolution listener can notice.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setDeviceMetricsOverride", {
        width: 1200,
        height: 900,
        deviceScaleFactor: 3,
        mobile: false,
      });
      await waitForCanvas(page, "#c", (s) => s.px === 1440);
      const z = await canvasSize(page, "#c");
      assert.equal(z.pxHeight, Math.round(z.cssHeight * 3));
    } finally {
      await context.close();
    }
  });

  test("a narrower container lays the chart out again at its width", async () => {
    const { context, page } = await openBlank();
    try {
      await mountOn(page, {
        id: "c",
        data: "/data/63-tinh-minh-hoa.json",
        options: { kind: "regions" },
        style: { width: "900px" },
      });
      const wide = await page.evaluate(() => window.handles["#c"].view());
      await page.evaluate(() => document.querySelector("#c").style.setProperty("width", "400px"));
      await waitForCanvas(page, "#c", (s) => s.css === 400 && s.px === 400);
      const narrow = await page.evaluate(() => window.handles["#c"].view());
      const right = Math.max(...narrow.items.map((it) => it.rect[0] + it.rect[2]));
      assert.ok(right <= 400, `bars end at ${right}`);
      assert.notDeepEqual(narrow.items[0].rect, wide.items[0].rect);
      // The height is the layout's, not a stretched copy of the old picture.
      assert.equal((await canvasSize(page, "#c")).cssHeight, narrow.height);
    } finally {
      await context.close();
    }
  });

  test("a chart mounted while hidden (a closed tab) draws when it is shown", async () => {
    const { context, page } = await openBlank();
    try {
      await mountOn(page, { id: "c", data: PHIA_BAC, style: { display: "none", width: "500px" } });
      assert.equal(await page.evaluate(() => window.handles["#c"].view().items.length), 0);
      await page.evaluate(() => document.querySelector("#c").style.removeProperty("display"));
      await waitForCanvas(page, "#c", (s) => s.css === 500 && s.px === 500);
      assert.equal(await page.evaluate(() => window.handles["#c"].view().items.length), 2);
      const ink = await inkOf(page, "#c");
      assert.ok(ink.count > ink.total * 0.02, `only ${ink.count} of ${ink.total} pixels drawn`);
    } finally {
      await context.close();
    }
  });

  for (const container of ["flex", "grid"]) {
    test(`in a ${container} container the chart neither grows in a loop nor stops shrinking`, async () => {
      const { context, page } = await openBlank({ deviceScaleFactor: 2 });
      try {
        // A two-column layout as news sites build it: the chart column has no min-width: 0.
        await page.evaluate((container) => {
          const row = document.createElement("div");
          row.id = "row";
          row.style.setProperty("display", container);
          if (container === "grid") row.style.setProperty("grid-template-columns", "1fr 200px");
          const main = document.createElement("main");
          main.id = "main";
          if (container === "flex") main.style.setProperty("flex", "1");
          const aside = document.createElement("aside");
          aside.style.setProperty("width", "200px");
          aside.style.setProperty("flex", "none");
          row.append(main, aside);
          document.body.style.setProperty("margin", "0");
          document.body.append(row);
        }, container);
        await mountOn(page, {
          id: "c",
          data: PHIA_BAC,
          options: { kind: "sources" },
          parent: "#main",
        });
        const first = await canvasSize(page, "#c");
        assert.equal(first.css, 1280 - 200);
        await page.waitForTimeout(1000);
        assert.deepEqual(await canvasSize(page, "#c"), first, "stable after 1 s");

        await page.setViewportSize({ width: 700, height: 900 });
        await waitForCanvas(page, "#c", (s) => s.css === 500 && s.px === 1000);
        await page.setViewportSize({ width: 1000, height: 900 });
        await waitForCanvas(page, "#c", (s) => s.css === 800 && s.px === 1600);
        const settled = await canvasSize(page, "#c");
        await page.waitForTimeout(1000);
        assert.deepEqual(await canvasSize(page, "#c"), settled, "stable after 1 s");
      } finally {
        await context.close();
      }
    });
  }

  test("a scrollbar that comes and goes with the chart's height does not make it flicker", async () => {
    const { context, page } = await openBlank();
    try {
      // What a classic scrollbar does (headless Chromium's are overlays): the page narrows by
      // 15 px while the chart is taller than the window, and widens again when it is not.
      await mountOn(page, {
        id: "c",
        data: PHIA_BAC,
        options: { kind: "sources" },
        style: { width: "500px" },
      });
      const tall = await page.evaluate(() => window.handles["#c"].view().height);
      const layouts = await page.evaluate(async (limit) => {
        const element = document.querySelector("#c");
        const handle = window.handles["#c"];
        let layouts = 0;
        let last = handle.view();
        new ResizeObserver(() => {
          element.style.setProperty(
            "width",
            element.getBoundingClientRect().height > limit ? "485px" : "500px",
          );
        }).observe(element);
        const start = performance.now();
        while (performance.now() - start < 1500) {
          await new Promise((r) => requestAnimationFrame(r));
          if (handle.view() !== last) {
            layouts++;
            last = handle.view();
          }
        }
        return layouts;
      }, tall - 4);
      assert.ok(layouts <= 2, `${layouts} layouts in 1.5 s`);
      const s = await canvasSize(page, "#c");
      assert.equal(s.px, s.css, "the canvas is as wide as its layout: crisp");
    } finally {
      await context.close();
    }
  });

  test("options.height sets the height; invalid heights are refused with their path", async () => {
    const { context, page } = await openBlank();
    try {
      await mountOn(page, {
        id: "c",
        data: PHIA_BAC,
        options: { kind: "sources", height: "420px" },
        style: { width: "600px" },
      });
      assert.equal((await canvasSize(page, "#c")).cssHeight, 420);
      assert.equal(await page.evaluate(() => window.handles["#c"].view().height), 420);
      // 400, not 360: at 600 px a ring 360 px tall no longer holds the total in its hole, which
      // then goes under the ring and makes the chart taller (src/chart/donut.rs, on purpose).
      await page.evaluate(() => window.handles["#c"].setOptions({ height: 400 }));
      assert.equal((await canvasSize(page, "#c")).cssHeight, 400);
      // Below the kind's minimum (a readable ring), the layout's height wins.
      await page.evaluate(() => window.handles["#c"].setOptions({ height: "100px" }));
      assert.equal(
        (await canvasSize(page, "#c")).cssHeight,
        await page.evaluate(() => window.handles["#c"].view().height),
      );
      assert.ok((await canvasSize(page, "#c")).cssHeight > 200);
      const bad = await mountOn(page, { id: "d", data: PHIA_BAC, options: { height: "tall" } });
      assert.equal(bad.error.code, "invalid_option");
      assert.equal(bad.error.path, "options.height");
      assert.match(bad.error.message, /^options\.height: "tall"/);
    } finally {
      await context.close();
    }
  });
});

describe("themes", () => {
  test('"auto" follows prefers-color-scheme live; "light" and "dark" stay', async () => {
    const { context, page } = await openBlank({ colorScheme: "light" });
    try {
      for (const [id, theme] of [
        ["auto", undefined],
        ["light", "light"],
        ["dark", "dark"],
      ]) {
        await mountOn(page, {
          id,
          data: PHIA_BAC,
          options: theme ? { theme } : {},
          style: { width: "500px" },
        });
      }
      const bg = async (id) => (await inkOf(page, `#${id}`)).background;
      const LIGHT = [255, 255, 255];
      const DARK = [0x15, 0x19, 0x1e];
      assert.deepEqual(
        [await bg("auto"), await bg("light"), await bg("dark")],
        [LIGHT, LIGHT, DARK],
      );

      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForFunction(() => {
        const c = document.querySelector("#auto canvas");
        return c.getContext("2d").getImageData(0, 0, 1, 1).data[0] === 0x15;
      });
      assert.deepEqual(
        [await bg("auto"), await bg("light"), await bg("dark")],
        [DARK, LIGHT, DARK],
      );

      await page.evaluate(() => window.handles["#dark"].setOptions({ theme: "light" }));
      assert.deepEqual(await bg("dark"), LIGHT);
    } finally {
      await context.close();
    }
  });
});

describe("Content-Security-Policy", () => {
  test("the gallery works and is used under the strict policy without a violation", async () => {
    const { context, page, seen } = await openGallery({ csp: true });
    try {
      const { x, y } = await pointOver(page, "#chart-sources", 0);
      await page.mouse.move(x, y);
      assert.equal((await tooltipOf(page, "#chart-sources")).title, "Khuyến công quốc gia");
      await page.focus("#chart-summary ~ .card__data a");
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowRight");
      await page.locator("#chart-regions .kc-chart__legend button").first().click();
      await page.check('input[name="theme"][value="dark"]');
      await page.check('input[name="locale"][value="en"]');
      assert.equal(
        await page.evaluate(
          () => window.khuyencongGallery.charts.get("chart-sources").view().items[0].rows[0][1],
        ),
        "79.5 billion VND",
      );
      // An error box is built the same way.
      const code = await page.evaluate(() =>
        window.khuyencongGallery.charts
          .get("chart-sources")
          .setOptions({ kind: "pie" })
          .catch((e) => e.code),
      );
      assert.equal(code, "invalid_option");
      assert.equal(await page.locator('#chart-sources [role="alert"]').count(), 1);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);

      // The recorder does see violations: a style attribute is one under this policy.
      await page.evaluate(() => document.body.setAttribute("style", "color: red"));
      await page.waitForFunction(() => window.__cspViolations.length > 0);
      assert.match((await cspViolations(page))[0], /^style-src/);
    } finally {
      await context.close();
    }
  });
});

describe("errors", () => {
  test("bad data shows an alert naming the path; the chart next to it still draws", async () => {
    const { context, page, seen } = await openBlank();
    try {
      const good = await mountOn(page, {
        id: "good",
        data: "/data/phia-bac-2022.json",
        options: { kind: "sources" },
        style: { width: "500px" },
      });
      const bad = await mountOn(page, { id: "bad", data: BAD_DATA, options: { kind: "sources" } });
      const after = await mountOn(page, {
        id: "after",
        data: JSON.stringify(PHIA_BAC),
        options: { kind: "summary" },
        style: { width: "500px" },
      });
      assert.equal(good.selector, "#good");
      assert.equal(after.selector, "#after");
      assert.deepEqual(
        { ...bad.error, message: undefined },
        {
          name: "KhuyenCongError",
          code: "invalid_amount",
          path: "records[0].plan",
          message: undefined,
          isKc: true,
        },
      );
      const alert = page.locator('#bad [role="alert"]');
      assert.equal(await alert.count(), 1);
      assert.match(await alert.textContent(), /records\[0\]\.plan/);
      assert.ok(await alert.isVisible());
      assert.equal(await page.locator("#bad canvas").count(), 0, "no empty canvas left behind");
      for (const id of ["#good", "#after"]) {
        const ink = await inkOf(page, id);
        assert.ok(ink.count > ink.total * 0.02, `${id} draws`);
      }
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("fetch failures are clear: 404, not JSON, another origin, a bad option", async () => {
    const { context, page, seen, base } = await openBlank();
    try {
      await page.route(`${base}data/page.json`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: "<!doctype html><p>Không tìm thấy trang</p>",
        }),
      );
      // Relative to the page (/__test__/blank.html), like a link.
      const missing = await mountOn(page, { id: "missing", data: "data/khong-co.json" });
      assert.equal(missing.error.code, "fetch_failed");
      assert.equal(missing.error.path, "src");
      assert.equal(
        missing.error.message,
        `src: không tải được ${base}__test__/data/khong-co.json (HTTP 404).`,
      );
      assert.match(await page.textContent('#missing [role="alert"]'), /HTTP 404/);

      const html = await mountOn(page, { id: "html", data: "/data/page.json" });
      assert.equal(html.error.code, "fetch_failed");
      assert.match(html.error.message, /không phải dữ liệu JSON \(Content-Type: text\/html\)/);

      const requests = seen.requests.length;
      const foreign = await mountOn(page, { id: "foreign", data: "http://localhost:9/data.json" });
      assert.equal(foreign.error.code, "cross_origin");
      assert.equal(seen.requests.length, requests, "nothing was requested");

      const kind = await mountOn(page, {
        id: "kind",
        data: PHIA_BAC,
        options: { kind: "pie", locale: "en" },
      });
      assert.deepEqual([kind.error.code, kind.error.path], ["invalid_option", "options.kind"]);
      assert.match(
        await page.textContent('#kind [role="alert"]'),
        /^The chart could not be drawn\./,
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("update() and setOptions()", () => {
  test("update re-fetches a URL, keeps the chart on bad data, and recovers", async () => {
    const { context, page, seen, base } = await openBlank();
    try {
      await mountOn(page, {
        id: "c",
        data: "/data/phia-bac-2022.json",
        options: { kind: "sources" },
        style: { width: "500px" },
      });
      const fetches = () =>
        seen.requests.filter((u) => u === `${base}data/phia-bac-2022.json`).length;
      assert.equal(fetches(), 1);
      await page.evaluate(() => window.handles["#c"].update());
      assert.equal(fetches(), 2, "update() without data fetches the URL again");

      const failed = await page.evaluate(
        (bad) =>
          window.handles["#c"].update(bad).then(
            () => null,
            (e) => e.path,
          ),
        BAD_DATA,
      );
      assert.equal(failed, "records[0].plan");
      assert.match(await page.textContent('#c [role="alert"]'), /records\[0\]\.plan/);
      assert.equal(
        await page.evaluate(() => window.handles["#c"].view().items.length),
        2,
        "the old chart stays",
      );

      await page.evaluate(() => window.handles["#c"].update("/data/dak-lak-2020.json"));
      assert.equal(
        await page.locator('#c [role="alert"]').count(),
        0,
        "a good update removes the alert",
      );
      assert.equal(
        await page.evaluate(() => window.handles["#c"].view().title),
        "Vốn thực hiện đề án khuyến công tỉnh Đắk Lắk năm 2020",
      );

      await page.evaluate(() =>
        window.handles["#c"].setOptions({ kind: "categories", locale: "en" }),
      );
      const { x, y } = await pointOver(page, "#c", 0);
      await page.mouse.move(x, y);
      const tip = await tooltipOf(page, "#c");
      assert.deepEqual(tip.rows, [
        ["Actual", "2,700 million VND"],
        ["Share", "75.2%"],
        ["Projects", "7 projects"],
      ]);
      assert.equal(await page.getAttribute("#c .kc-chart", "lang"), "en");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("screenshots of the gallery (target/screenshots/charts-*.png)", () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      test(`${width} px, ${colorScheme}`, async () => {
        const { context, page, seen } = await openGallery({
          viewport: { width, height: width < 600 ? 740 : 900 },
          deviceScaleFactor: width < 600 ? 2 : 1,
          colorScheme,
        });
        try {
          await page.evaluate(() => document.fonts.ready);
          const layout = await page.evaluate(() => ({
            pageWidth: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
            charts: [...document.querySelectorAll("[data-chart] canvas")].map((c) => [
              c.getBoundingClientRect().right,
              c.width,
            ]),
          }));
          assert.ok(layout.pageWidth <= layout.viewport, JSON.stringify(layout));
          for (const [right] of layout.charts)
            assert.ok(right <= layout.viewport, JSON.stringify(layout));
          const ink = await inkOf(page, "#chart-regions");
          assert.deepEqual(
            ink.background,
            colorScheme === "dark" ? [0x15, 0x19, 0x1e] : [255, 255, 255],
          );
          // A tooltip in the picture, to look at too.
          const { x, y } = await pointOver(page, "#chart-sources", 1);
          await page.mouse.move(x, y);
          assert.ok(await tooltipOf(page, "#chart-sources"));
          await mkdir(SCREENSHOTS, { recursive: true });
          await page.screenshot({
            path: `${SCREENSHOTS}/charts-${width}-${colorScheme}.png`,
            fullPage: true,
          });
          assert.deepEqual(seen.consoleErrors, []);
          assert.deepEqual(seen.pageErrors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
