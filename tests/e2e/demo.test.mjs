// The demo article page (www/index.html) with the built package (www/pkg/) in Debian's Chromium,
// as a reader sees it: three charts embedded exactly as an editor pastes the snippet (pkg/embed.js
// and <khuyencong-chart> with the figures typed inside as the fallback), with and without
// JavaScript, under a strict CSP, with bad data, without the wasm, on a phone.
// Run: node --test tests/e2e/   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { STRICT_CSP, cspViolations, launchChromium, repoPath, watchPage } from "./helpers.mjs";

const DATA = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
const SCREENSHOTS = repoPath("target", "screenshots");

// The published figures (shared/data/published-figures.md), as the typed-in fallback tables
// print them: header row, one row per source, total row.
const FALLBACK_TABLES = {
  "kc-tong-quan": [
    ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt (% kế hoạch)", "Tỷ trọng"],
    ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"],
    ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%", "53,3%"],
    ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"],
  ],
  "kc-nguon": [
    ["Nguồn kinh phí", "Thực hiện", "Tỷ trọng"],
    ["Khuyến công quốc gia", "79,5 tỷ đồng", "46,7%"],
    ["Khuyến công địa phương", "90,9 tỷ đồng", "53,3%"],
    ["Tổng cộng", "170,4 tỷ đồng", "100%"],
  ],
  "kc-ke-hoach": [
    ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt (% kế hoạch)"],
    ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%"],
    ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%"],
    ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%"],
  ],
};
const FIGURES = Object.keys(FALLBACK_TABLES);
const KINDS = { "kc-tong-quan": "summary", "kc-nguon": "sources", "kc-ke-hoach": "plan-actual" };

// What the charts' tooltips say: the package's own computation from data/phia-bac-2022.json.
const TOOLTIPS = {
  "kc-tong-quan": [
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
  "kc-nguon": [
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
  "kc-ke-hoach": [
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
const EXPECTED_LEAD =
  "Tổng kinh phí khuyến công thực hiện năm 2022 là 170,4 tỷ đồng, đạt 95,2% kế hoạch; " +
  "khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%.";
const BAD_DATA = { title: "x", unit: "ty_dong", records: [{ source: "kcqg", plan: "1,5" }] };

const CHART = "khuyencong-chart";
const chartIn = (id) => `#${id} ${CHART}`;

let browser;
let site; // plain server
let strictSite; // same files, every response carrying STRICT_CSP

before(async () => {
  assert.ok(
    existsSync(repoPath("www", "pkg", "embed.js")),
    "www/pkg/embed.js is missing: build the package first (make www-pkg)",
  );
  site = await serve({ root: repoPath("www") });
  strictSite = await serve({
    root: repoPath("www"),
    headers: { "Content-Security-Policy": STRICT_CSP },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await strictSite?.close();
});

/** Opens the demo in a fresh page and waits until every chart has finished, either way. */
async function openDemo(
  baseUrl,
  { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, route } = {},
) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const seen = await watchPage(page);
  if (route) await page.route(route.pattern, route.handler);
  const response = await page.goto(baseUrl);
  await page.waitForFunction(
    (sel) =>
      [...document.querySelectorAll(sel)].every((e) =>
        ["ready", "error"].includes(e.dataset.kcState),
      ),
    CHART,
  );
  return { context, page, seen, response };
}

const tableText = (page, id) =>
  page.$$eval(`${chartIn(id)} table tr`, (rows) =>
    rows.map((row) => Array.from(row.cells, (cell) => cell.textContent.trim())),
  );

const states = (page) =>
  page.$$eval(CHART, (nodes) => nodes.map((n) => n.closest("figure").id + ":" + n.dataset.kcState));

/** Asserts every chart finished without error, showing the error boxes' text if not. */
async function assertReady(page) {
  const all = await states(page);
  if (!all.every((s) => s.endsWith(":ready"))) {
    const alerts = await page.$$eval('[role="alert"]', (a) => a.map((n) => n.textContent));
    assert.fail(`${all.join(" ")}: ${alerts.join(" | ")}`);
  }
}

/** Pixels of the chart's canvas that differ from its top left pixel (the background). */
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

describe("demo article with three embedded charts", () => {
  test("each chart draws the report's figures, and the typed-in table hides", async () => {
    const { context, page, seen } = await openDemo(site.url);
    try {
      await assertReady(page);
      for (const id of FIGURES) {
        const view = await page.$eval(chartIn(id), (e) => e.chart.view());
        assert.equal(view.kind, KINDS[id]);
        assert.equal(view.title, DATA.title);
        assert.equal(view.source, DATA.source);
        assert.deepEqual(
          view.items.map((item) => [item.title, item.rows]),
          TOOLTIPS[id],
          `${id}: the figures the chart shows`,
        );
        const ink = await inkOf(page, chartIn(id));
        assert.ok(ink.count > ink.total * 0.02, `${id}: only ${ink.count} of ${ink.total} drawn`);
        assert.equal(await page.locator(`${chartIn(id)} table`).isVisible(), false, id);
      }
      // A reader's view of one of them: the tooltip over the national share of the donut.
      const point = await page.$eval(chartIn("kc-nguon"), (e) => {
        const { anchor, rect } = e.chart.view().items[0];
        const [x, y, w, h] = rect;
        const px = anchor[0] + (x + w / 2 - anchor[0]) * 0.2;
        const py = anchor[1] + (y + h / 2 - anchor[1]) * 0.2;
        e.scrollIntoView({ block: "center" });
        const r = e.chart.canvas.getBoundingClientRect();
        return { x: r.left + px, y: r.top + py };
      });
      await page.mouse.move(point.x, point.y);
      const tip = await page.$eval(`${chartIn("kc-nguon")} .kc-chart__tooltip`, (t) =>
        getComputedStyle(t).display === "none" ? null : t.innerText,
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

  test("the typed-in tables agree with what the package computes", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      await assertReady(page);
      // Each row of the fallbacks (a source, or the total) against the tooltips the charts show
      // for the same row: every typed figure is one the package printed for it.
      const views = await page.$$eval(CHART, (nodes) => nodes.map((n) => n.chart.view()));
      const rowName = (title) =>
        title
          .replace(/^tỷ trọng /, "")
          .replace(/^(Tổng kinh phí thực hiện|đạt kế hoạch .*)$/, "Tổng cộng");
      const printed = new Map();
      for (const item of views.flatMap((v) => v.items)) {
        const name = rowName(item.title);
        if (!printed.has(name)) printed.set(name, new Set());
        for (const [, value] of item.rows) printed.get(name).add(value);
      }
      assert.deepEqual([...printed.keys()].sort(), [
        "Khuyến công quốc gia",
        "Khuyến công địa phương",
        "Tổng cộng",
      ]);
      for (const id of FIGURES) {
        const [, ...rows] = await tableText(page, id);
        for (const [name, ...cells] of rows) {
          for (const cell of cells) {
            if (name === "Tổng cộng" && ["–", "100%"].includes(cell)) continue; // its own share
            assert.ok(
              printed.get(name).has(cell),
              `${id}: "${name}" ${cell} is not printed by the package`,
            );
          }
        }
      }
      const summary = views[0];
      // And the lead sentence in the summary's fallback is the chart's description's figures.
      const lead = await page.textContent(`${chartIn("kc-tong-quan")} .kc__lead`);
      assert.equal(lead.trim(), EXPECTED_LEAD);
      for (const figure of ["170,4 tỷ đồng", "95,2%", "46,7%", "53,3%"]) {
        assert.ok(summary.description.includes(figure), `${figure} in ${summary.description}`);
      }
    } finally {
      await context.close();
    }
  });

  test("shows the warning that the parts' plans add up to 179,1, not the published 179", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      await assertReady(page);
      const notes = await page.$$eval(".kc__notes li", (items) =>
        items.map((li) => ({
          code: li.dataset.code,
          text: li.textContent,
          figure: li.closest("figure").id,
        })),
      );
      assert.deepEqual(notes, [
        {
          code: "total_mismatch",
          text: "Lưu ý: Tổng kế hoạch theo nguồn là 179,1 tỷ đồng, khác số công bố 179 tỷ đồng.",
          figure: "kc-ke-hoach",
        },
      ]);
    } finally {
      await context.close();
    }
  });

  test("loads the package as the editor's snippet does, once, from 127.0.0.1 only", async () => {
    const { context, page, seen } = await openDemo(site.url);
    try {
      await assertReady(page);
      await page.waitForLoadState("networkidle");
      // Each figure is a pasted snippet: the wasm's preload, the script line, then the element.
      const snippets = await page.$$eval(CHART, (nodes) =>
        nodes.map((n) => {
          const script = n.previousElementSibling;
          const link = script.previousElementSibling;
          return [
            [link.localName, link.rel, link.getAttribute("href"), link.as, link.crossOrigin],
            [script.localName, script.type, script.getAttribute("src"), n.getAttribute("src")],
          ];
        }),
      );
      assert.deepEqual(
        snippets,
        FIGURES.map(() => [
          ["link", "preload", "pkg/khuyencong_charts_view_bg.wasm", "fetch", "anonymous"],
          ["script", "module", "pkg/embed.js", "data/phia-bac-2022.json"],
        ]),
      );
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
      const paths = seen.requests.map((url) => new URL(url).pathname);
      for (const needed of ["/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm", "/data/phia-bac-2022.json"]) {
        assert.ok(paths.includes(needed), `no request for ${needed} in ${paths.join(", ")}`);
      }
      // embed.js is one bundled file: no waterfall of modules behind it.
      assert.deepEqual(paths.filter((p) => p.startsWith("/pkg/") && p.endsWith(".js")), ["/pkg/embed.js"]);
      // Three script tags, one module; three preloads and three charts, one wasm download (the
      // preloads are the request the module's fetch takes: a mismatch would fetch it again).
      assert.equal(paths.filter((p) => p === "/pkg/embed.js").length, 1);
      assert.equal(paths.filter((p) => p.endsWith(".wasm")).length, 1, paths.join(", "));
      const strangers = seen.requests.filter((url) => new URL(url).hostname !== "127.0.0.1");
      assert.deepEqual(strangers, []);
    } finally {
      await context.close();
    }
  });

  test("works under the strict Content-Security-Policy without a violation", async () => {
    const { context, page, seen, response } = await openDemo(strictSite.url);
    try {
      assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
      await assertReady(page);
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

  test("shows the typed-in figures when JavaScript is off", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
    });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      for (const id of FIGURES) {
        assert.deepEqual(await tableText(page, id), FALLBACK_TABLES[id], id);
        assert.ok(await page.locator(`${chartIn(id)} table`).isVisible(), id);
        assert.equal(
          (await page.textContent(`${chartIn(id)} .kc__source`)).trim(),
          `Nguồn: ${DATA.source}`,
        );
      }
      assert.equal((await page.textContent(".kc__lead")).trim(), EXPECTED_LEAD);
      assert.equal(
        (await page.textContent(`${chartIn("kc-tong-quan")} caption`)).trim(),
        DATA.title,
      );
      assert.equal(await page.locator("canvas").count(), 0);
      assert.equal(await page.locator("[data-kc-state]").count(), 0);
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/demo-nojs-360.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  test("names the bad value's path in each chart's error box and keeps the figures", async () => {
    const { context, page, seen } = await openDemo(site.url, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      route: {
        pattern: "**/data/phia-bac-2022.json",
        handler: (route) =>
          route.fulfill({ contentType: "application/json", body: JSON.stringify(BAD_DATA) }),
      },
    });
    try {
      assert.deepEqual(
        await states(page),
        FIGURES.map((id) => `${id}:error`),
      );
      for (const id of FIGURES) {
        const alert = page.locator(`${chartIn(id)} [role="alert"]`);
        assert.equal(await alert.count(), 1);
        assert.match(await alert.textContent(), /^Không vẽ được biểu đồ\.records\[0\]\.plan/);
        assert.ok(await alert.isVisible());
        // The typed-in figures are back under it.
        assert.ok(await page.locator(`${chartIn(id)} table`).isVisible(), id);
        assert.deepEqual(await tableText(page, id), FALLBACK_TABLES[id]);
        assert.equal(await page.locator(`${chartIn(id)} canvas`).count(), 0);
      }
      assert.equal(await page.locator(".kc__notes").count(), 0, "no note about data not shown");
      // The article around them is all there.
      assert.match(
        await page.textContent("h1"),
        /Hội nghị Khuyến công các tỉnh, thành phố khu vực phía Bắc/,
      );
      assert.equal(await page.locator(".article__body > p:not(.article__author)").count(), 9);
      assert.match(await page.textContent(".article__author"), /Nguyễn Hữu/);
      assert.equal(await page.locator(".related__list li").count(), 10);
      assert.deepEqual(seen.pageErrors, []);

      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/demo-error-360.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  test("keeps the typed-in figures and says why when the wasm cannot load", async () => {
    const { context, page, seen } = await openDemo(site.url, {
      route: { pattern: "**/*.wasm", handler: (route) => route.abort() },
    });
    try {
      for (const id of FIGURES) {
        const alert = page.locator(`${chartIn(id)} [role="alert"]`);
        assert.ok(await alert.isVisible(), id);
        assert.match(await alert.textContent(), /WebAssembly/);
        assert.deepEqual(await tableText(page, id), FALLBACK_TABLES[id]);
      }
      // One attempt for the three charts.
      assert.equal(seen.requests.filter((u) => u.endsWith(".wasm")).length, 1);
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
        await assertReady(page);
        await page.evaluate(() => document.fonts.ready);
        const layout = await page.evaluate((sel) => {
          const charts = [...document.querySelectorAll(sel)].map((e) => {
            const figure = e.closest("figure").getBoundingClientRect();
            const canvas = e.querySelector("canvas").getBoundingClientRect();
            return {
              figureRight: figure.right,
              canvasLeft: canvas.left,
              canvasRight: canvas.right,
              figureLeft: figure.left,
            };
          });
          return {
            pageWidth: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
            charts,
          };
        }, CHART);
        // Nothing widens the page; each chart fits inside its figure.
        assert.ok(layout.pageWidth <= layout.viewport, JSON.stringify(layout));
        for (const c of layout.charts) {
          assert.ok(c.figureRight <= layout.viewport, JSON.stringify(layout));
          assert.ok(
            c.canvasLeft >= c.figureLeft && c.canvasRight <= c.figureRight,
            JSON.stringify(c),
          );
        }
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/demo-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
