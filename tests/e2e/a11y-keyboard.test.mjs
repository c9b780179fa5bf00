// Accessibility (issue 6) in Debian's Chromium: a keyboard-only walkthrough of a chart, the focus
// always showing.
// Run: node --test tests/e2e/a11y-keyboard.test.mjs   (needs www/pkg/ built, node_modules/playwright-core and
// node_modules/axe-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openGallery, SCREENSHOTS, useA11yFixture } from "./a11y-helpers.mjs";

useA11yFixture();

/** Where the focus is, and whether it shows. */
function focusState(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return {
      tag: a.localName,
      cls: a.className,
      text: a.textContent.trim(),
      chart: a.closest("[data-chart]")?.id ?? null,
      outline: a.style.outline,
      expanded: a.getAttribute("aria-expanded"),
      pressed: a.getAttribute("aria-pressed"),
      role: a.getAttribute("role"),
    };
  });
}

describe("keyboard only", () => {
  test("Tab in, arrows, legend toggle, table toggle, menu, table, Tab out; focus always shows", async () => {
    const { context, page, seen } = await openGallery();
    try {
      const sel = "#chart-sources";
      const view = () =>
        page.evaluate(() => window.khuyencongGallery.charts.get("chart-sources").view());
      const live = () => page.textContent(`${sel} .kc-chart__live`);
      await page.focus("#chart-summary ~ .card__data a");

      await page.keyboard.press("Tab");
      let f = await focusState(page);
      assert.deepEqual([f.tag, f.chart], ["canvas", "chart-sources"], "Tab enters the chart");
      assert.match(f.outline, /solid/);
      const { items } = await view();
      await page.keyboard.press("ArrowRight");
      assert.equal(await live(), items[0].speech, "each point is announced");
      await page.keyboard.press("ArrowRight");
      assert.equal(await live(), items[1].speech);
      assert.match(items[1].speech, /^Khuyến công địa phương: Thực hiện 90,9 tỷ đồng; Tỷ trọng 53,3 phần trăm/);

      await page.keyboard.press("Tab");
      f = await focusState(page);
      assert.deepEqual([f.tag, f.text, f.pressed], ["button", "Khuyến công quốc gia", "true"]);
      assert.match(f.outline, /solid/);
      await page.keyboard.press("Space");
      assert.equal((await focusState(page)).pressed, "false", "Space hides the series");
      assert.equal((await view()).items.length, 1);
      await page.keyboard.press("Enter");
      assert.equal((await focusState(page)).pressed, "true", "Enter shows it again");
      assert.equal((await view()).items.length, 2);

      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      f = await focusState(page);
      assert.deepEqual(
        [f.cls, f.text, f.expanded],
        ["kc-chart__table-toggle", "Xem bảng số liệu", "false"],
      );
      assert.match(f.outline, /solid/);
      assert.equal(await page.locator(`${sel} table`).count(), 0, "closed: no table");
      await page.keyboard.press("Enter");
      assert.equal((await focusState(page)).expanded, "true");
      const table = page.locator(`${sel} .kc-chart__table table`);
      assert.ok(await table.isVisible(), "the table shows");
      await page.screenshot({ path: `${SCREENSHOTS}/a11y-table-shown.png` });

      await page.keyboard.press("Tab");
      f = await focusState(page);
      assert.deepEqual([f.cls, f.expanded], ["kc-chart__menu-button", "false"]);
      assert.match(f.outline, /solid/);
      await page.keyboard.press("Enter");
      f = await focusState(page);
      assert.deepEqual([f.role, f.text], ["menuitem", "Tải ảnh PNG"]);
      assert.match(f.outline, /solid/);
      await page.keyboard.press("Escape");
      assert.equal((await focusState(page)).cls, "kc-chart__menu-button");

      await page.keyboard.press("Tab");
      f = await focusState(page);
      assert.deepEqual([f.cls, f.role], ["kc-chart__table", "region"], "the table scrolls by keys");
      assert.match(f.outline, /solid/);

      await page.keyboard.press("Tab");
      f = await focusState(page);
      assert.equal(f.chart, null, "Tab leaves the chart");
      assert.equal(
        await page.evaluate(() =>
          document.activeElement.matches("#chart-sources ~ .card__data a"),
        ),
        true,
      );

      // Back, and the table closed again.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      assert.equal((await focusState(page)).cls, "kc-chart__table-toggle");
      await page.keyboard.press("Space");
      assert.equal((await focusState(page)).expanded, "false");
      assert.equal(await page.locator(`${sel} table`).count(), 0);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
