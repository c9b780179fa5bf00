// The iframe way of embedding (www/embed.html), for CMSs that strip scripts, in Debian's
// Chromium: the frame fitted to its chart with and without the host's embed.js and under the
// strict CSP, the chart filling the frame's height in a host that runs no script, the digit
// parameters, and data from another origin refused inside the frame.
// Test pages are served on the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/embed-frame.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cspViolations } from "./helpers.mjs";
import { open, PHIA_BAC_TITLE, settle, useEmbedFixture } from "./embed-helpers.mjs";

useEmbedFixture();

describe("iframe (embed.html)", () => {
  const FRAME_SRC =
    "/embed.html?src=data/phia-bac-2022.json&kind=plan-actual&locale=vi&theme=light";

  /** The chart inside the iframe `selector`, once drawn: its view and the frame's height. */
  async function frameChart(page, selector) {
    const frame = await (await page.$(selector)).contentFrame();
    await frame.waitForFunction(
      () => document.querySelector("khuyencong-chart")?.dataset.kcState === "ready",
    );
    return frame;
  }

  // The height inside the iframe's border (it has the browser's default 2 px one here).
  const frameHeight = (page, selector) => page.$eval(selector, (f) => f.clientHeight);

  // The chart in a frame fills the frame's height (embed-frame.js gives it height="100vh"), so
  // a host that runs no script shows it whole; a host that runs embed.js still sets the frame to
  // the height the page posts, which is then the frame's own, or an error box's.
  for (const csp of [false, true]) {
    test(`renders one chart full width that fills the iframe; the host's embed.js fits the iframe to what it posts${csp ? " (strict CSP)" : ""}`, async () => {
      const { context, page, seen, url } = await open({
        csp,
        // Every height the frames post, with the iframe that posted it.
        init: () => {
          window.__heights = [];
          addEventListener("message", (e) => {
            if (e.data?.type === "khuyencong-chart:height") {
              window.__heights.push([e.source.frameElement?.id, e.data.height]);
            }
          });
        },
        pages: {
          "frames.html":
            `<div id="box"><iframe id="marked" src="${FRAME_SRC}" data-khuyencong-frame title="Kế hoạch và thực hiện" width="100%" height="480" loading="lazy"></iframe>` +
            `<iframe id="unmarked" src="${FRAME_SRC}" title="Không đánh dấu" width="100%" height="480"></iframe>` +
            '<iframe id="missing" src="/embed.html?src=data/khong-co.json&amp;kind=sources" data-khuyencong-frame title="Thiếu số liệu" width="100%" height="480"></iframe></div>',
        },
      });
      try {
        await page.goto(url("frames.html"));
        const frame = await frameChart(page, "#marked");
        await frameChart(page, "#unmarked");
        const inside = () =>
          frame.evaluate(() => {
            const c = document.querySelector("khuyencong-chart");
            return {
              height: c.chart.view().height,
              kind: c.chart.view().kind,
              canvas: c.querySelector("canvas").getBoundingClientRect().width,
              page: document.documentElement.getBoundingClientRect().height,
              width: innerWidth,
              viewport: innerHeight,
              title: document.title,
            };
          });
        let view = await inside();
        assert.equal(view.kind, "plan-actual");
        assert.equal(view.canvas, view.width, "full width");
        assert.equal(view.viewport, 480);
        assert.ok(Math.abs(view.height - 480) <= 1, `the chart fills the frame: ${view.height}`);
        assert.ok(Math.abs(view.page - view.height) <= 1, "the page is the chart");
        assert.equal(view.title, PHIA_BAC_TITLE);
        // What it posts is the frame's own height: the host sets it, nothing moves.
        await page.waitForFunction(() => window.__heights.some(([id]) => id === "marked"));
        await page.waitForTimeout(200);
        const posted = await page.evaluate(() =>
          window.__heights.filter(([id]) => id === "marked"),
        );
        assert.deepEqual(posted, [["marked", 480]]);
        assert.equal(await frameHeight(page, "#marked"), 480);
        assert.equal(await frameHeight(page, "#unmarked"), 480, "an unmarked iframe is left alone");

        // A frame whose chart fails posts its error box's height, and the host fits the frame.
        const missing = await (await page.$("#missing")).contentFrame();
        await missing.waitForFunction(
          () => document.querySelector("khuyencong-chart")?.dataset.kcState === "error",
        );
        await page.waitForFunction(() => window.__heights.some(([id]) => id === "missing"));
        const [[, errorHeight]] = await page.evaluate(() =>
          window.__heights.filter(([id]) => id === "missing").slice(-1),
        );
        assert.ok(errorHeight > 20 && errorHeight < 480, `${errorHeight}`);
        await page.waitForFunction(
          (h) => document.querySelector("#missing").clientHeight === h,
          errorHeight,
        );
        assert.match(await missing.textContent('[role="alert"]'), /HTTP 404/);

        // Narrower: the chart is laid out again at the new width, and still fills the frame.
        await page.$eval("#box", (b) => b.style.setProperty("width", "360px"));
        await frame.waitForFunction(() => {
          const canvas = document.querySelector("khuyencong-chart canvas");
          return innerWidth < 400 && canvas.getBoundingClientRect().width === innerWidth;
        });
        await page.waitForTimeout(200);
        view = await inside();
        assert.equal(view.canvas, view.width);
        assert.ok(Math.abs(view.height - view.viewport) <= 1, `${view.height} vs ${view.viewport}`);
        assert.equal(await frameHeight(page, "#marked"), view.viewport);

        // A message that is not from the frame changes nothing.
        await page.evaluate(() =>
          window.postMessage({ type: "khuyencong-chart:height", height: 50 }, "*"),
        );
        await page.waitForTimeout(100);
        assert.equal(await frameHeight(page, "#marked"), view.viewport);

        if (csp) {
          assert.deepEqual(await cspViolations(page), []);
          assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
        }
        // The browser's report of the missing file, and nothing else.
        for (const text of seen.consoleErrors) assert.match(text, /404/);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("with the host's embed.js, opening the frame's table and resizing does not grow the chart", async () => {
    const { context, page, url } = await open({
      pages: {
        "table.html": `<div id="box" style="width: 360px"><iframe id="f" src="${FRAME_SRC}" data-khuyencong-frame title="Biểu đồ" width="100%" height="480"></iframe></div>`,
      },
    });
    try {
      await page.goto(url("table.html"));
      const frame = await frameChart(page, "#f");
      const chartHeight = () => frame.evaluate(() => document.querySelector("khuyencong-chart canvas").getBoundingClientRect().height);
      const first = await chartHeight();
      await frame.click(".kc-chart__table-toggle");
      for (const width of ["340px", "360px", "330px"]) {
        await page.$eval("#box", (b, w) => b.style.setProperty("width", w), width);
        await page.waitForTimeout(400);
      }
      assert.ok(Math.abs((await chartHeight()) - first) <= 1, `${first} → ${await chartHeight()}`);
    } finally {
      await context.close();
    }
  });

  test("the package's own embed.html (next to embed.js) draws under the strict CSP and is fitted", async () => {
    const { context, page, seen, url } = await open({
      csp: true,
      pages: {
        "pkg-frame.html": `<iframe id="f" src="/pkg/embed.html?src=/data/phia-bac-2022.json&kind=plan-actual&amount-digits=0" data-khuyencong-frame title="Biểu đồ" width="100%" height="480"></iframe>`,
      },
    });
    try {
      await page.goto(url("pkg-frame.html"));
      const frame = await frameChart(page, "#f");
      const view = await frame.evaluate(() =>
        document.querySelector("khuyencong-chart").chart.view(),
      );
      assert.equal(view.title, PHIA_BAC_TITLE);
      assert.deepEqual(view.items[1].rows[0], ["Thực hiện", "80 tỷ đồng"]);
      await page.waitForFunction(
        (h) => document.querySelector("#f").clientHeight === h,
        Math.ceil(view.height),
      );
      // Everything the frame loaded came from the package folder.
      const loaded = await frame.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
      );
      // Once each: embed.js is preloaded beside embed-frame.js (the page's modulepreload), and
      // the one reader wasm beside embed-draw.js (the preload embed.js adds as the chart nears),
      // and those are the requests the imports and the fetch take.
      for (const file of ["embed-frame.css", "embed-frame.js", "embed.js", "embed-draw.js", "khuyencong_charts_view_bg.wasm"]) {
        assert.equal(loaded.filter((p) => p === `/pkg/${file}`).length, 1, `${file}: ${loaded.join(", ")}`);
      }
      const early = await frame.evaluate(() =>
        [...document.head.querySelectorAll("link[rel=modulepreload], link[rel=preload]")].map((l) =>
          new URL(l.href).pathname,
        ),
      );
      assert.deepEqual(early, ["/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"]);
      assert.equal(loaded.filter((p) => p.endsWith(".wasm")).length, 1, loaded.join(", "));
      assert.deepEqual(loaded.filter((p) => p.startsWith("/assets/")), []);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // Before, the frame kept its height of 480 and the chart its own height inside it (a blank
  // band under it, or a cut chart); now the chart fills the frame's height attribute.
  test("in a host that runs no script, the chart fills the frame's height: no blank band, nothing cut", async () => {
    const { context, page, url } = await open({
      script: false,
      pages: {
        "noscript.html": `<div id="box" style="width: 360px"><iframe id="f" src="${FRAME_SRC}" data-khuyencong-frame title="Biểu đồ" width="100%" height="600"></iframe></div>`,
      },
    });
    try {
      await page.goto(url("noscript.html"));
      const frame = await frameChart(page, "#f");
      await page.waitForTimeout(300);
      const inside = await frame.evaluate(() => {
        const canvas = document.querySelector("khuyencong-chart canvas.kc-chart__canvas");
        const tools = [...document.querySelectorAll("khuyencong-chart button")].map((b) => b.getBoundingClientRect().bottom);
        return {
          width: innerWidth,
          viewport: innerHeight,
          canvas: canvas.getBoundingClientRect().toJSON(),
          controls: Math.max(...tools),
          scroll: document.documentElement.scrollHeight,
        };
      });
      assert.ok(inside.width <= 360, `${inside.width}`);
      assert.equal(inside.viewport, 600);
      assert.ok(Math.abs(inside.canvas.top) <= 1 && Math.abs(inside.canvas.height - 600) <= 1, JSON.stringify(inside.canvas));
      assert.ok(inside.controls <= inside.viewport, `the controls are in view: ${inside.controls}`);
      assert.ok(inside.scroll <= inside.viewport + 1, `nothing below the frame: ${inside.scroll}`);
      assert.equal(await frameHeight(page, "#f"), 600, "the frame is as the host wrote it");
    } finally {
      await context.close();
    }
  });

  test("takes the digit parameters as the element takes its attributes", async () => {
    const { context, page, url } = await open({
      pages: {
        "digits.html": `<iframe id="f" src="${FRAME_SRC}&amount-digits=0&percent-digits=2" data-khuyencong-frame title="Biểu đồ" width="100%" height="480"></iframe>`,
      },
    });
    try {
      await page.goto(url("digits.html"));
      const frame = await frameChart(page, "#f");
      const rows = await frame.evaluate(
        () => document.querySelector("khuyencong-chart").chart.view().items[1].rows,
      );
      assert.deepEqual(rows, [
        ["Thực hiện", "80 tỷ đồng"],
        ["Đạt kế hoạch", "98,27%"],
      ]);
    } finally {
      await context.close();
    }
  });

  test("refuses data from another origin, and says so inside the frame", async () => {
    const { context, page, seen, base } = await open();
    try {
      await page.goto(
        `${base}embed.html?src=${encodeURIComponent("http://localhost:9/x.json")}&kind=sources`,
      );
      await settle(page);
      assert.equal(await page.getAttribute("khuyencong-chart", "data-kc-state"), "error");
      assert.match(await page.textContent('[role="alert"]'), /không cùng nguồn \(origin\)/);
      assert.ok(!seen.requests.some((u) => u.startsWith("http://localhost:9")), "nothing asked");
      // Nor does a link to it add the permission.
      await page.goto(
        `${base}embed.html?src=${encodeURIComponent("http://localhost:9/x.json")}&allow-cross-origin=1`,
      );
      await settle(page);
      assert.equal(await page.getAttribute("khuyencong-chart", "allow-cross-origin"), null);
      assert.match(await page.textContent('[role="alert"]'), /không cùng nguồn/);
    } finally {
      await context.close();
    }
  });
});
