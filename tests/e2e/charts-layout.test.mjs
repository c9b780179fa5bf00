// The interactive charts (src/js/chart.js driving the wasm Chart) laid out, in Debian's
// Chromium, on blank pages of the site: device pixels, container widths, a chart mounted hidden,
// scrollbars, options.height, and the light, dark and "auto" themes.
// Run: node --test tests/e2e/charts-layout.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inkOf, mountOn, openBlank, PHIA_BAC, useChartsFixture } from "./charts-helpers.mjs";

useChartsFixture();

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
