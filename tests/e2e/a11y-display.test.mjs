// Accessibility (issue 6) in Debian's Chromium: text that follows the page's font size, forced
// colors, and no motion.
// Run: node --test tests/e2e/a11y-display.test.mjs   (needs www/pkg/ built, node_modules/playwright-core and
// node_modules/axe-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BLANK, open, openGallery, PHIA_BAC, SCREENSHOTS, site, useA11yFixture } from "./a11y-helpers.mjs";

useA11yFixture();

describe("text follows the page's font size", () => {
  test("a 20 px page draws the 16 px chart 1.25 times larger, and follows a change live", async () => {
    const { context, page, seen } = await open();
    try {
      await page.goto(`${site.url}${BLANK}`);
      const state = await page.evaluate(async (data) => {
        const kc = await import("/pkg/index.js");
        const mountIn = async (font, width) => {
          const element = document.createElement("div");
          element.style.setProperty("font-size", `${font}px`);
          element.style.setProperty("width", `${width}px`);
          document.querySelector("main").append(element);
          return kc.mount(element, data, { kind: "plan-actual" });
        };
        window.charts = {
          big: await mountIn(20, 640),
          base: await mountIn(16, 512),
          small: await mountIn(12, 512),
        };
        const { big, base, small } = window.charts;
        const fontOf = (chart, cls) =>
          parseFloat(getComputedStyle(chart.element.querySelector(cls)).fontSize);
        return {
          big: big.view(),
          base: base.view(),
          small: small.view(),
          bigCanvas: parseFloat(getComputedStyle(big.canvas).width),
          bigPixels: big.canvas.width,
          tools: [fontOf(big, ".kc-chart__table-toggle"), fontOf(base, ".kc-chart__menu-button")],
          tip: [fontOf(big, ".kc-chart__tooltip"), fontOf(base, ".kc-chart__tooltip")],
        };
      }, PHIA_BAC);
      const scaled = (a, b, k, tolerance = 0.01) => a.every((v, i) => Math.abs(v - b[i] * k) < tolerance);
      assert.equal(state.bigCanvas, 640, "as wide as its box");
      assert.equal(state.bigPixels, 640, "crisp: CSS width × device pixels");
      // The same layout (at 512 px), drawn 1.25 times larger.
      state.big.items.forEach((item, i) => {
        const base = state.base.items[i];
        assert.ok(scaled(item.rect, base.rect, 1.25), `${item.rect} / ${base.rect}`);
        assert.ok(scaled(item.anchor, base.anchor, 1.25));
      });
      state.big.legend.forEach((e, i) => assert.ok(scaled(e.rect, state.base.legend[i].rect, 1.25)));
      assert.deepEqual(state.tools, [16.25, 13]);
      assert.deepEqual(state.tip, [16.25, 13]);
      // Never smaller than designed.
      assert.deepEqual(state.small.items, state.base.items);

      // The reader makes the text larger, the width stays: the chart follows.
      await page.evaluate(() => window.charts.big.element.style.setProperty("font-size", "24px"));
      await page.waitForFunction(
        () =>
          parseFloat(
            getComputedStyle(window.charts.big.element.querySelector(".kc-chart__table-toggle"))
              .fontSize,
          ) === 19.5,
      );
      const zoomed = await page.evaluate(() => window.charts.big.view());
      const layout = await page.evaluate(async (data) => {
        const kc = await import("/pkg/index.js");
        const element = document.createElement("div");
        element.style.setProperty("width", `${640 / 1.5}px`);
        document.querySelector("main").append(element);
        return (await kc.mount(element, data, { kind: "plan-actual" })).view();
      }, PHIA_BAC);
      zoomed.items.forEach((item, i) =>
        // (the reference box is 426.67 px, which layout rounds to 1/64 px)
        assert.ok(
          scaled(item.rect, layout.items[i].rect, 1.5, 0.05),
          `${item.rect} / ${layout.items[i].rect}`,
        ),
      );

      // The pointer still finds each bar where it is drawn (CSS px), its tooltip as large.
      const [x, y, w, h] = zoomed.items[3].rect;
      const point = await page.evaluate(
        ({ x, y, w, h }) => {
          const c = window.charts.big.canvas;
          c.scrollIntoView({ block: "center" });
          const r = c.getBoundingClientRect();
          return { x: r.left + x + w / 2, y: r.top + y + h / 2 };
        },
        { x, y, w, h },
      );
      await page.mouse.move(point.x, point.y);
      const tip = await page.evaluate(() => {
        const t = window.charts.big.element.querySelector(".kc-chart__tooltip");
        return [getComputedStyle(t).display, t.firstChild?.textContent, getComputedStyle(t).fontSize];
      });
      assert.deepEqual(tip, ["block", zoomed.items[3].title, "19.5px"]);
      await page.screenshot({ path: `${SCREENSHOTS}/a11y-font-24px.png` });
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("forced colors and motion", () => {
  test("forced-colors: the tooltip, menu, table and focus ring take the system's colours", async () => {
    const { context, page, seen } = await openGallery();
    try {
      const sel = "#chart-plan-actual";
      await page.emulateMedia({ forcedColors: "active" });
      await page.waitForFunction(
        (sel) =>
          document.querySelector(`${sel} .kc-chart__tooltip`).style.backgroundColor === "canvas",
        sel,
      );
      await page.click(`${sel} .kc-chart__table-toggle`);
      await page.focus(`${sel} .kc-chart__menu-button`);
      await page.keyboard.press("Enter");
      const styles = await page.evaluate((sel) => {
        const q = (s) => document.querySelector(`${sel} ${s}`).style;
        return {
          tooltip: [q(".kc-chart__tooltip").backgroundColor, q(".kc-chart__tooltip").color],
          menu: [q(".kc-chart__menu").backgroundColor, q(".kc-chart__menu").color],
          item: [q('[role="menuitem"]').backgroundColor, q('[role="menuitem"]').color],
          ring: q('[role="menuitem"]').outlineColor,
          cell: [q(".kc-chart__table td").color, q(".kc-chart__table td").backgroundColor],
          button: q(".kc-chart__table-toggle").color,
        };
      }, sel);
      assert.deepEqual(styles, {
        tooltip: ["canvas", "canvastext"],
        menu: ["canvas", "canvastext"],
        item: ["highlight", "highlighttext"],
        ring: "highlight",
        cell: ["canvastext", "canvas"],
        button: "buttontext",
      });
      await page.locator(sel).screenshot({ path: `${SCREENSHOTS}/a11y-forced-colors.png` });
      await page.keyboard.press("Escape");
      await page.emulateMedia({ forcedColors: "none" });
      await page.waitForFunction(
        (sel) =>
          document.querySelector(`${sel} .kc-chart__tooltip`).style.backgroundColor !== "canvas",
        sel,
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("prefers-reduced-motion, and always: nothing in the widget animates", async () => {
    const { context, page } = await openGallery({ reducedMotion: "reduce" });
    try {
      const sel = "#chart-sources";
      await page.focus(`${sel} canvas.kc-chart__canvas`);
      await page.keyboard.press("ArrowRight");
      await page.click(`${sel} .kc-chart__table-toggle`);
      await page.click(`${sel} .kc-chart__menu-button`);
      const motion = await page.evaluate((sel) => {
        const nodes = [...document.querySelector(sel).querySelectorAll("*")];
        return {
          animations: document.getAnimations().length,
          moving: nodes
            .map((n) => getComputedStyle(n))
            .filter(
              (s) =>
                s.animationName !== "none" ||
                s.transitionDuration.split(",").some((d) => parseFloat(d) > 0),
            ).length,
          nodes: nodes.length,
        };
      }, sel);
      assert.equal(motion.animations, 0);
      assert.equal(motion.moving, 0, `of ${motion.nodes} nodes`);
    } finally {
      await context.close();
    }
  });
});
