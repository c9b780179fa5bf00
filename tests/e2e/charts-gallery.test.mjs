// The interactive charts (src/js/chart.js driving the wasm Chart) on the gallery page
// www/charts.html, in Debian's Chromium: every kind on the published data with the exact figures
// in its tooltip, the page used under the strict Content-Security-Policy, and screenshots
// (target/screenshots/charts-*.png).
// Run: node --test tests/e2e/charts-gallery.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { cspViolations, repoPath } from "./helpers.mjs";
import { inkOf, openGallery, pointOver, tooltipOf, useChartsFixture } from "./charts-helpers.mjs";

useChartsFixture();

const SCREENSHOTS = repoPath("target", "screenshots");

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
