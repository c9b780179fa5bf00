// The interactive charts (src/js/chart.js driving the wasm Chart) used without a mouse, in
// Debian's Chromium: one tab stop, arrows, Home and End, legend buttons by click and keys, and
// touch.
// Run: node --test tests/e2e/charts-input.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inkOf, openGallery, PHIA_BAC, pointOver, tooltipOf, useChartsFixture } from "./charts-helpers.mjs";

useChartsFixture();

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
