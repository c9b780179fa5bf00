// Accessibility (issue 6) in Debian's Chromium: axe-core on every page of www/ and on each chart
// kind with its own HTML open (tooltip, menu, data table), in the light and dark themes.
// Run: node --test tests/e2e/a11y-axe.test.mjs   (needs www/pkg/ built, node_modules/playwright-core and
// node_modules/axe-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { settleCharts } from "./helpers.mjs";
import { AXE, open, openGallery, SCREENSHOTS, site, useA11yFixture } from "./a11y-helpers.mjs";

useA11yFixture();

/** Every page of www/, as a reader opens it. */
const PAGES = [
  "index.html",
  "charts.html",
  "editor.html",
  "embed-examples.html",
  "embed.html?src=data/phia-bac-2022.json&kind=sources",
];

/** Violations in pages this work does not own, waiting for a fix (none now): reported as
 * diagnostics while they last. Every other finding fails the test. */
const PENDING = [];

/** Waits until every chart of the page has drawn or failed (scrolling to each, as a reader
 * does: embed.js draws a chart when it nears the viewport). */
async function chartsSettled(page) {
  await settleCharts(page);
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-chart]")].every((e) =>
      ["ready", "error"].includes(e.dataset.kcState ?? e.dataset.state),
    ),
  );
}

/** axe-core's findings in `selector` (the document by default): violations as short lines,
 * and the targets that passed colour contrast. Frames are checked on their own pages. */
async function audit(page, selector = null, options = {}) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE });
  }
  return page.evaluate(
    async ({ selector, options }) => {
      const context = selector ? document.querySelector(selector) : document;
      const result = await window.axe.run(context, { iframes: false, ...options });
      return {
        violations: result.violations.flatMap((v) =>
          v.nodes.map((n) => ({
            rule: v.id,
            target: n.target.join(" "),
            summary: n.failureSummary,
          })),
        ),
        contrast: result.passes
          .filter((v) => v.id === "color-contrast")
          .flatMap((v) => v.nodes.map((n) => n.target.join(" "))),
      };
    },
    { selector, options },
  );
}

const describeViolations = (list) =>
  list.map((v) => `${v.rule} at ${v.target}: ${v.summary}`).join("\n");

describe("axe-core on every page of www/", () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const url of PAGES) {
      test(`${url} (${colorScheme})`, async (t) => {
        const { context, page, seen } = await open({ colorScheme });
        try {
          await page.goto(`${site.url}${url}`);
          await chartsSettled(page);
          await page.waitForLoadState("networkidle");
          const { violations } = await audit(page);
          const name = url.split("?")[0];
          const pending = violations.filter((v) =>
            PENDING.some((p) => p.page === name && p.rule === v.rule && v.target.includes(p.target)),
          );
          for (const v of pending) {
            t.diagnostic(`pending (patch for the lead): ${v.rule} at ${v.target}`);
          }
          const rest = violations.filter((v) => !pending.includes(v));
          assert.deepEqual(rest, [], describeViolations(rest));
          assert.deepEqual(seen.pageErrors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe("axe-core on each chart kind, with its tooltip, menu and table open", () => {
  for (const colorScheme of ["light", "dark"]) {
    test(`every chart of the gallery (${colorScheme})`, async () => {
      const { context, page, seen } = await openGallery({ colorScheme });
      try {
        const ids = await page.$$eval("[data-chart]", (nodes) => nodes.map((n) => n.id));
        const kinds = new Set();
        for (const id of ids) {
          const sel = `#${id}`;
          kinds.add(await page.evaluate((id) => window.khuyencongGallery.charts.get(id).view().kind, id));
          // The tooltip, shown from the keyboard: its text against its background.
          await page.focus(`${sel} canvas.kc-chart__canvas`);
          await page.keyboard.press("ArrowRight");
          const rows = await page.$eval(`${sel} .kc-chart__tooltip`, (t) =>
            getComputedStyle(t).display === "block" ? t.querySelectorAll("div").length : 0,
          );
          assert.ok(rows > 1, `${id}: the tooltip shows`);
          const tip = await audit(page, `${sel} .kc-chart__tooltip`, {
            runOnly: ["color-contrast"],
          });
          assert.deepEqual(tip.violations, [], describeViolations(tip.violations));
          assert.ok(tip.contrast.length >= rows, `${id}: ${tip.contrast.length} texts checked`);
          await page.keyboard.press("Escape");

          // The table shown and the menu open: the whole chart.
          await page.click(`${sel} .kc-chart__table-toggle`);
          await page.click(`${sel} .kc-chart__menu-button`);
          const chart = await audit(page, sel);
          assert.deepEqual(chart.violations, [], `${id}: ${describeViolations(chart.violations)}`);
          const checked = chart.contrast.join(" ");
          assert.match(checked, /menuitem/, `${id}: the menu's contrast was checked`);
          assert.match(checked, /td|th/, `${id}: the table's contrast was checked`);
          if (id === "chart-sources") {
            await page.locator(sel).screenshot({ path: `${SCREENSHOTS}/a11y-table-menu-${colorScheme}.png` });
          }
          await page.keyboard.press("Escape");
          await page.click(`${sel} .kc-chart__table-toggle`);
        }
        assert.deepEqual(
          [...kinds].sort(),
          ["categories", "leverage", "plan-actual", "regions", "sources", "summary", "trend"],
        );
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }
});
