// The demo article page (www/index.html) with the built package (www/pkg/) in Debian's Chromium,
// as a reader sees it: three charts whose embed code (a picture, a link, a table) sits in the
// article as an editor saved it, and the template's one line that loads pkg/embed.js; with and
// without JavaScript, under a strict CSP, without the wasm, on a phone.
// Run: node --test tests/e2e/   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { STRICT_CSP, cspViolations, openPage, repoPath, startFixture } from "./helpers.mjs";

const DATA = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
const SCREENSHOTS = repoPath("target", "screenshots");

// The article's tables as the embed code wrote them (the published figures,
// shared/data/published-figures.md): header row, one row per source, total row.
const TABLES = {
  summary: [
    ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt kế hoạch", "Tỷ trọng"],
    ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"],
    ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%", "53,3%"],
    ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"],
  ],
};
const KINDS = ["summary", "sources", "plan-actual"];

// What the charts' tooltips say: the package's own computation from data/phia-bac-2022.json.
const TOOLTIPS = {
  summary: [
    [
      "Tổng kinh phí thực hiện",
      [
        ["Thực hiện", "170,4 tỷ đồng"],
        ["Kế hoạch", "179 tỷ đồng"],
        ["Đạt kế hoạch", "95,2%"],
      ],
    ],
    [
      "đạt kế hoạch (179 tỷ đồng)",
      [
        ["Đạt kế hoạch", "95,2%"],
        ["Kế hoạch", "179 tỷ đồng"],
        ["Thực hiện", "170,4 tỷ đồng"],
      ],
    ],
    [
      "tỷ trọng Khuyến công quốc gia",
      [
        ["Thực hiện", "79,5 tỷ đồng"],
        ["Tỷ trọng", "46,7%"],
        ["Kế hoạch", "80,9 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ],
    ],
    [
      "tỷ trọng Khuyến công địa phương",
      [
        ["Thực hiện", "90,9 tỷ đồng"],
        ["Tỷ trọng", "53,3%"],
        ["Kế hoạch", "98,2 tỷ đồng"],
        ["Đạt kế hoạch", "92,6%"],
      ],
    ],
  ],
  sources: [
    [
      "Khuyến công quốc gia",
      [
        ["Thực hiện", "79,5 tỷ đồng"],
        ["Tỷ trọng", "46,7%"],
        ["Kế hoạch", "80,9 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ],
    ],
    [
      "Khuyến công địa phương",
      [
        ["Thực hiện", "90,9 tỷ đồng"],
        ["Tỷ trọng", "53,3%"],
        ["Kế hoạch", "98,2 tỷ đồng"],
        ["Đạt kế hoạch", "92,6%"],
      ],
    ],
  ],
  "plan-actual": [
    [
      "Khuyến công quốc gia",
      [
        ["Kế hoạch", "80,9 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ],
    ],
    [
      "Khuyến công quốc gia",
      [
        ["Thực hiện", "79,5 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ],
    ],
    [
      "Khuyến công địa phương",
      [
        ["Kế hoạch", "98,2 tỷ đồng"],
        ["Đạt kế hoạch", "92,6%"],
      ],
    ],
    [
      "Khuyến công địa phương",
      [
        ["Thực hiện", "90,9 tỷ đồng"],
        ["Đạt kế hoạch", "92,6%"],
      ],
    ],
    [
      "Tổng cộng",
      [
        ["Kế hoạch", "179 tỷ đồng"],
        ["Đạt kế hoạch", "95,2%"],
      ],
    ],
    [
      "Tổng cộng",
      [
        ["Thực hiện", "170,4 tỷ đồng"],
        ["Đạt kế hoạch", "95,2%"],
      ],
    ],
  ],
};
const PICTURE = 'img[src*="khuyencong"]';
const BOX = ".kc-embed";

let fixture;
let browser;
let site; // plain server
let strictSite; // same files, every response carrying STRICT_CSP

before(async () => {
  assert.ok(
    existsSync(repoPath("www", "pkg", "embed.js")),
    "www/pkg/embed.js is missing: build the package first (make www-pkg)",
  );
  fixture = await startFixture({ site: {}, strictSite: { csp: true } });
  ({ browser, site, strictSite } = fixture);
});

after(() => fixture?.close());

/**
 * Opens the demo in a fresh page, scrolls to each chart's picture as a reader does (the loader
 * draws a chart when it nears the viewport) and, with `wait`, until every picture has its chart.
 */
async function openDemo(
  baseUrl,
  { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, route, wait = true } = {},
) {
  const { context, page, seen } = await openPage(browser, { viewport, dpr: deviceScaleFactor });
  if (route) await page.route(route.pattern, route.handler);
  const response = await page.goto(baseUrl);
  for (let i = 0; i < KINDS.length; i++) {
    // By script: a picture already swapped for its chart is hidden, not scrolled to.
    await page.evaluate((k) => document.querySelectorAll('img[src*="khuyencong"]')[k].scrollIntoView(), i);
    if (wait) await page.waitForFunction((n) => document.querySelectorAll('.kc-embed[data-kc-state="ready"]').length >= n, i + 1);
  }
  await page.evaluate(() => scrollTo(0, 0));
  return { context, page, seen, response };
}

/** The rows of the article's tables, in order. */
const tablesOf = (page) =>
  page.$$eval(".article__body table", (tables) =>
    tables.map((t) => Array.from(t.rows, (row) => Array.from(row.cells, (c) => c.textContent.trim()))),
  );

/** The charts' views, in the article's order. */
const viewsOf = (page) =>
  page.evaluate(async () => {
    const { chartOf } = await import("/pkg/embed.js");
    return [...document.querySelectorAll('img[src*="khuyencong"]')].map((img) => chartOf(img)?.view() ?? null);
  });

/** Pixels of a chart's canvas that differ from its top left pixel (the background). */
function inkOf(page, index) {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll(".kc-embed canvas.kc-chart__canvas")[i];
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let k = 0; k < data.length; k += 4) {
      if (data[k] !== data[0] || data[k + 1] !== data[1] || data[k + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, index);
}

describe("demo article with three charts, as an editor saved their embed code", () => {
  test("each picture becomes its interactive chart, in its box, with the report's figures", async () => {
    const { context, page, seen } = await openDemo(site.url);
    try {
      const views = await viewsOf(page);
      assert.deepEqual(views.map((v) => v?.kind), KINDS);
      for (const [i, view] of views.entries()) {
        const kind = KINDS[i];
        assert.equal(view.title, DATA.title);
        assert.equal(view.source, DATA.source);
        assert.deepEqual(
          view.items.map((item) => [item.title, item.rows]),
          TOOLTIPS[kind],
          `${kind}: the figures the chart shows`,
        );
        const ink = await inkOf(page, i);
        assert.ok(ink.count > ink.total * 0.02, `${kind}: only ${ink.count} of ${ink.total} drawn`);
      }
      // Each picture is hidden, its chart where it was: the same width and height.
      const boxes = await page.$$eval(BOX, (nodes) =>
        nodes.map((box) => {
          const img = box.nextElementSibling;
          return {
            picture: img.localName === "img" && getComputedStyle(img).display === "none",
            width: box.getBoundingClientRect().width,
            height: box.getBoundingClientRect().height,
            imgWidth: Number(img.getAttribute("width")),
            imgHeight: Number(img.getAttribute("height")),
          };
        }),
      );
      for (const b of boxes) {
        assert.ok(b.picture, JSON.stringify(b));
        assert.ok(Math.abs(b.width - b.imgWidth) < 1 && Math.abs(b.height - b.imgHeight) < 1, JSON.stringify(b));
      }
      // A reader's view of one of them: the tooltip over the national share of the donut.
      const point = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        const chart = chartOf(document.querySelectorAll('img[src*="khuyencong"]')[1]);
        const { anchor, rect } = chart.view().items[0];
        const [x, y, w, h] = rect;
        chart.canvas.scrollIntoView({ block: "center" });
        const r = chart.canvas.getBoundingClientRect();
        return {
          x: r.left + anchor[0] + (x + w / 2 - anchor[0]) * 0.2,
          y: r.top + anchor[1] + (y + h / 2 - anchor[1]) * 0.2,
        };
      });
      await page.mouse.move(point.x, point.y);
      const tip = await page.$$eval(`${BOX} .kc-chart__tooltip`, (tips) =>
        tips.map((t) => (getComputedStyle(t).display === "none" ? null : t.innerText)).find(Boolean),
      );
      assert.ok(tip, "the tooltip shows");
      assert.match(tip, /Khuyến công quốc gia/);
      assert.match(tip, /79,5 tỷ đồng/);
      assert.match(tip, /46,7%/);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the article's tables and pictures say what the charts compute", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      const views = await viewsOf(page);
      const tables = await tablesOf(page);
      assert.equal(tables.length, 3);
      // Each table is its chart's table (caption, head, rows): the figures of the same data.
      for (const [i, view] of views.entries()) {
        assert.deepEqual(tables[i], [view.table.head, ...view.table.rows], KINDS[i]);
      }
      assert.deepEqual(tables[0], TABLES.summary);
      // The pictures' text alternative is the chart's description, figures and units included.
      const alts = await page.$$eval(PICTURE, (imgs) => imgs.map((img) => img.alt));
      for (const [i, view] of views.entries()) assert.equal(alts[i], view.description, KINDS[i]);
      for (const figure of ["170,4 tỷ đồng", "95,2%", "46,7%", "53,3%"]) {
        assert.ok(alts[0].includes(figure), `${figure} in ${alts[0]}`);
      }
    } finally {
      await context.close();
    }
  });

  test("shows the warning that the parts' plans add up to 179,1, not the published 179", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      const notes = await page.$$eval(".kc__notes li", (items) =>
        items.map((li) => ({ code: li.dataset.code, text: li.textContent })),
      );
      assert.deepEqual(notes, [
        {
          code: "total_mismatch",
          text: "Lưu ý: Tổng kế hoạch theo nguồn là 179,1 tỷ đồng, khác số công bố 179 tỷ đồng.",
        },
      ]);
      // Under the plan-and-actual chart, the third.
      const after = await page.$eval(".kc__notes", (ul) => ul.previousElementSibling.querySelector(".kc-embed") !== null);
      assert.ok(after);
    } finally {
      await context.close();
    }
  });

  test("loads the template's one script, then what the charts need, once, from 127.0.0.1 only", async () => {
    const { context, page, seen } = await openDemo(site.url);
    try {
      await page.waitForLoadState("networkidle");
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
      const paths = seen.requests.map((url) => new URL(url).pathname).filter((p) => p.startsWith("/pkg/"));
      // The data travels in the links: no data file is fetched.
      assert.ok(!seen.requests.some((u) => u.includes("/data/")), seen.requests.join(", "));
      assert.deepEqual(
        [...paths].sort(),
        ["/pkg/embed-draw.js", "/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"],
      );
      const strangers = seen.requests.filter((url) => !url.startsWith("data:") && new URL(url).hostname !== "127.0.0.1");
      assert.deepEqual(strangers, []);
      // The article holds no script and no element of ours: only what editors keep.
      const inArticle = await page.$$eval(".article__body script, .article__body khuyencong-chart, .article__body [data-khuyencong], .article__body iframe", (n) => n.length);
      assert.equal(inArticle, 0);
    } finally {
      await context.close();
    }
  });

  test("a phone reader downloads the charts' code only on coming near one", async () => {
    const { context, page, seen } = await openDemo(site.url, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      wait: false,
    });
    try {
      // openDemo scrolled past the pictures without waiting: start again at the top.
      await context.close();
      const { context: fresh, page: p, seen: s } = await openPage(browser, { viewport: { width: 360, height: 740 }, dpr: 2 });
      await p.goto(site.url);
      await p.waitForLoadState("networkidle");
      const first = await p.$eval(PICTURE, (img) => img.getBoundingClientRect().top);
      assert.ok(first > 2 * 740, `the first picture is ${first} px down: the test needs it past a screen ahead`);
      assert.deepEqual(
        s.requests.map((u) => (u.startsWith("data:") ? "data:" : new URL(u).pathname)).filter((p) => p.startsWith("/pkg/")),
        ["/pkg/embed.js"],
      );
      await p.evaluate(() => document.querySelector('img[src*="khuyencong"]').scrollIntoView());
      await p.waitForSelector('.kc-embed[data-kc-state="ready"]');
      assert.ok(s.requests.some((u) => u.endsWith("/pkg/khuyencong_charts_view_bg.wasm")));
      await fresh.close();
    } finally {
      await context.close().catch(() => {});
    }
  });

  test("works under the strict Content-Security-Policy without a violation", async () => {
    const { context, page, seen, response } = await openDemo(strictSite.url);
    try {
      assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
      assert.equal(await page.locator(".kc__notes li").count(), 1);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);

      // The recorder does see violations: an inline style attribute is one under this policy.
      await page.evaluate(() => document.body.setAttribute("style", "color: red"));
      await page.waitForFunction(() => window.__cspViolations.length > 0);
      assert.match((await cspViolations(page))[0], /^style-src/);
    } finally {
      await context.close();
    }
  });

  test("shows the pictures, links and tables when JavaScript is off", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
    });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      const pictures = page.locator(PICTURE);
      assert.equal(await pictures.count(), 3);
      for (let i = 0; i < 3; i++) {
        assert.ok(await pictures.nth(i).isVisible());
        await page.waitForFunction((k) => document.querySelectorAll('img[src*="khuyencong"]')[k].naturalWidth > 0, i);
      }
      const tables = await tablesOf(page);
      assert.deepEqual(tables[0], TABLES.summary);
      assert.equal(await page.textContent(".article__body caption"), DATA.title);
      const links = await page.$$eval('a[href*="khuyencong="]', (a) => a.map((x) => [x.textContent, new URL(x.href).pathname]));
      assert.deepEqual(links, KINDS.map(() => ["Xem biểu đồ tương tác", "/pkg/chart.html"]));
      assert.equal(await page.locator("canvas").count(), 0);
      // No code, no JSON shows as text.
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(!/[{}]|khuyencong=|<\w/.test(text), "code or JSON in the page's text");
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/demo-nojs-360.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  test("keeps the pictures, says nothing to readers, when the wasm cannot load", async () => {
    const { context, page, seen } = await openDemo(site.url, {
      route: { pattern: "**/*.wasm", handler: (route) => route.abort() },
      wait: false,
    });
    try {
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      const pictures = await page.$$eval(PICTURE, (imgs) => imgs.map((img) => getComputedStyle(img).display !== "none" && img.naturalWidth > 0));
      assert.deepEqual(pictures, [true, true, true]);
      assert.equal(await page.locator(BOX).count(), 0);
      assert.equal(await page.locator('[role="alert"]').count(), 0);
      assert.deepEqual((await tablesOf(page))[0], TABLES.summary);
      // Tried when the first chart came near (the loader's preload and the module's fetch may
      // both be seen), and again for a chart that comes near later: ready() tries once more
      // after a failure. Never more than once a chart, and every one refused.
      const tries = seen.requests.filter((u) => u.endsWith(".wasm")).length;
      assert.ok(tries >= 1 && tries <= 2 * KINDS.length, `${tries} wasm requests`);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  for (const { width, height, deviceScaleFactor } of [
    { width: 360, height: 740, deviceScaleFactor: 2 },
    { width: 1280, height: 900, deviceScaleFactor: 1 },
  ]) {
    test(`fits a ${width} px wide screen (screenshot demo-${width}.png)`, async () => {
      const { context, page } = await openDemo(site.url, {
        viewport: { width, height },
        deviceScaleFactor,
      });
      try {
        await page.evaluate(() => document.fonts.ready);
        const layout = await page.evaluate(() => {
          const column = document.querySelector(".article__body").getBoundingClientRect();
          const charts = [...document.querySelectorAll(".kc-embed canvas.kc-chart__canvas")].map((c) => {
            const r = c.getBoundingClientRect();
            return { left: r.left, right: r.right };
          });
          return {
            pageWidth: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
            column: { left: column.left, right: column.right },
            charts,
          };
        });
        // Nothing widens the page; each chart fits inside the article's column.
        assert.ok(layout.pageWidth <= layout.viewport, JSON.stringify(layout));
        assert.equal(layout.charts.length, 3);
        for (const c of layout.charts) {
          assert.ok(c.left >= layout.column.left - 0.5 && c.right <= layout.column.right + 0.5, JSON.stringify(layout));
        }
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/demo-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
