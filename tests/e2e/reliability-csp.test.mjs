// Strict CSP (issue 7), in Debian's Chromium: www/reliability/csp.html renders every kind, both
// themes, errors and embeds and is used (hover, keys, legend, resize) with no violation.
// Run: node --test tests/e2e/reliability-csp.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cspViolations, openPage, settleCharts, startSite } from "./helpers.mjs";
import { browser, nextFrames, useReliabilityFixture } from "./reliability-helpers.mjs";

useReliabilityFixture();

describe("strict Content-Security-Policy", () => {
  test("www/reliability/csp.html: every kind in both themes, embeds and error boxes, used with mouse, keys, legend, toggles, resizes and colour schemes: no violation", async () => {
    const strict = await startSite({ csp: true });
    const { context, page, seen } = await openPage(browser, { viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${strict.url}reliability/csp.html`);
      await page.evaluate(() => window.khuyencongCsp.ready);
      // embed.js draws an element when it comes within a screen of the viewport: the embeds sit
      // under the 32 mounted charts, so the reader scrolls to each.
      await settleCharts(page);
      const state = await page.evaluate(() => ({
        kinds: [...new Set([...window.khuyencongCsp.handles.values()].map((h) => h.view().kind))].sort(),
        mounted: window.khuyencongCsp.handles.size,
        failed: [...window.khuyencongCsp.failed].map(([id, e]) => `${id}:${e.code}`).sort(),
        embeds: [...document.querySelectorAll("khuyencong-chart, [data-khuyencong]")].map((e) => `${e.id}:${e.dataset.kcState}`),
        alerts: document.querySelectorAll('[role="alert"]').length,
      }));
      assert.deepEqual(state.kinds, ["categories", "leverage", "plan-actual", "regions", "sources", "summary", "trend"]);
      assert.equal(state.mounted, 30);
      assert.deepEqual(state.failed, ["bad-data:negative_amount", "bad:fetch_failed"]);
      assert.deepEqual(state.embeds, [
        "embed-src:ready",
        "embed-inline:ready",
        "embed-plain:ready",
        "embed-missing:error",
        "embed-bad:error",
      ]);
      assert.equal(state.alerts, 4);

      const ids = await page.evaluate(() => [...window.khuyencongCsp.handles.keys()]);
      for (const id of ids) {
        const last = await page.evaluate((id) => window.khuyencongCsp.handles.get(id).view().items.length - 1, id);
        for (const i of [0, last]) {
          const point = await page.evaluate(
            ({ id, i }) => {
              const h = window.khuyencongCsp.handles.get(id);
              const [x, y, w, hh] = h.view().items[i].rect;
              h.canvas.scrollIntoView({ block: "center" });
              const r = h.canvas.getBoundingClientRect();
              return { x: r.left + x + w / 2, y: r.top + y + hh / 2 };
            },
            { id, i },
          );
          await page.mouse.move(point.x, point.y);
        }
        await page.evaluate((id) => window.khuyencongCsp.handles.get(id).canvas.focus(), id);
        for (const key of ["ArrowRight", "End", "Home", "Escape"]) await page.keyboard.press(key);
        const legend = page.locator(`#${id} .kc-chart__legend button`);
        if ((await legend.count()) > 0) {
          await legend.first().click();
          await legend.first().press("Enter");
        }
        // Whatever the shell opens from a button (a data table, a menu): open it, close it.
        const toggles = page.locator(`#${id} button[aria-expanded]`);
        for (let t = 0; t < (await toggles.count()); t++) {
          await toggles.nth(t).click();
          await page.keyboard.press("Escape");
        }
      }
      for (const width of [420, 760, 1100]) {
        await page.setViewportSize({ width, height: 900 });
        await nextFrames(page);
      }
      for (const colorScheme of ["dark", "light"]) {
        await page.emulateMedia({ colorScheme });
        await nextFrames(page);
      }
      await page.evaluate(() => window.khuyencongCsp.handles.get("light-1-sources").setOptions({ theme: "dark", locale: "en" }));
      await nextFrames(page);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      // The one 404 is the point of two of the charts; nothing else may be logged.
      assert.deepEqual(seen.consoleErrors.filter((m) => !/Failed to load resource.*404/.test(m)), []);
    } finally {
      await context.close();
      await strict.close();
    }
  });
});
