// The examples page newsroom editors copy embed codes from (www/embed-examples.html), in
// Debian's Chromium: each code shown, pasted into a blank page, draws the same chart.
// The loader is lazy: a chart loads when it comes within a screen of the viewport. Pages whose
// charts do not all fit in that are scrolled through (settleCharts) or given a tall viewport.
// Test pages are served on the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/embed-examples.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import {
  cspViolations,
  repoPath,
  servePage,
  settleCharts,
  STRICT_CSP,
  testPage,
  watchPage,
} from "./helpers.mjs";
import { assertDraws, open, useEmbedFixture } from "./embed-helpers.mjs";

useEmbedFixture();

const SCREENSHOTS = repoPath("target", "screenshots");

describe("embed-examples.html", () => {
  /** Waits for the picture way's code (written by a chart as the page loads), then scrolls
   * through the page until every chart has drawn. */
  async function settleExamples(page) {
    await page.waitForSelector('[data-example="ex-picture"] img', { state: "attached" });
    await settleCharts(page);
  }

  for (const width of [360, 1280]) {
    test(`every way draws under the strict CSP (screenshot embed-examples-${width}.png)`, async () => {
      const { context, page, seen, base } = await open({
        csp: true,
        viewport: { width, height: width < 600 ? 740 : 900 },
        deviceScaleFactor: width < 600 ? 2 : 1,
      });
      try {
        const response = await page.goto(`${base}embed-examples.html`);
        assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
        await settleExamples(page);
        const states = await page.$$eval("khuyencong-chart, [data-khuyencong], .kc-embed", (nodes) =>
          nodes.map((n) => n.dataset.kcState),
        );
        assert.deepEqual(states, ["ready", "ready", "ready", "ready"]);
        for (const example of ["ex-picture", "ex-src", "ex-inline", "ex-plain"]) {
          await assertDraws(page, `[data-example="${example}"] > *`);
        }
        // The picture way: the chart in the picture's place, the link and the table under it.
        assert.equal(
          await page.$eval('[data-example="ex-picture"] img', (img) => getComputedStyle(img).display),
          "none",
        );
        assert.ok(await page.locator('[data-example="ex-picture"] table').isVisible());
        assert.equal(
          await page.locator('[data-example="ex-picture"] a').textContent(),
          "Xem biểu đồ tương tác",
        );
        // The iframe is loading="lazy", as the copied code has it: on a phone it is far enough
        // down the page that it loads only as the reader scrolls towards it.
        const iframe = await page.$('[data-example="ex-frame"] iframe');
        await iframe.scrollIntoViewIfNeeded();
        const frame = await iframe.contentFrame();
        await frame.waitForFunction(
          () => document.querySelector("khuyencong-chart")?.dataset.kcState === "ready",
        );
        const height = await frame.evaluate(
          () => document.querySelector("khuyencong-chart").chart.view().height,
        );
        await page.waitForFunction(
          (h) =>
            document.querySelector("[data-khuyencong-frame]").getBoundingClientRect().height === h,
          Math.ceil(height),
        );
        await page.evaluate(() => document.fonts.ready);
        const layout = await page.evaluate(() => ({
          pageWidth: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
        }));
        assert.ok(layout.pageWidth <= layout.viewport, JSON.stringify(layout));
        // Time for a late violation or error to show. (Not "networkidle": on this page, whose
        // lazy iframe navigates late, Playwright at times never reports it, nothing pending.)
        await page.waitForLoadState("load");
        await page.waitForTimeout(500);
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
        assert.deepEqual(seen.consoleErrors, []);
        assert.deepEqual(seen.pageErrors, []);
        await page.evaluate(() => scrollTo(0, 0));
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({
          path: `${SCREENSHOTS}/embed-examples-${width}.png`,
          fullPage: true,
        });
      } finally {
        await context.close();
      }
    });
  }

  test("each code shown, pasted into a blank page, draws the same chart", async () => {
    const { context, page, base } = await open({ csp: true });
    try {
      await page.goto(`${base}embed-examples.html`);
      await settleExamples(page);
      const shown = await page.$$eval("pre[data-code]", (pres) =>
        pres.map((pre) => ({ id: pre.dataset.code, code: pre.textContent })),
      );
      assert.deepEqual(
        shown.map((s) => s.id),
        ["ex-picture", "ex-template", "ex-src", "ex-inline", "ex-plain", "ex-frame"],
      );
      const expected = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        const charts = [
          ["ex-picture", document.querySelector('[data-example="ex-picture"] img')],
          ...[
            ...document.querySelectorAll(
              "[data-example] > khuyencong-chart, [data-example] > [data-khuyencong]",
            ),
          ].map((n) => [n.parentElement.dataset.example, n]),
        ];
        return Object.fromEntries(
          charts.map(([id, n]) => {
            const v = chartOf(n).view();
            return [id, { kind: v.kind, title: v.title, items: v.items.map((i) => i.rows) }];
          }),
        );
      });
      const template = shown.find((s) => s.id === "ex-template").code;
      // The one line of the portal's template; the element ways start with it too. (The old
      // codes began with a <link rel="preload"> of the wasm: the loader preloads it now.)
      assert.equal(template, '<script type="module" src="/pkg/embed.js"></script>');
      for (const { id, code } of shown) {
        if (id === "ex-template") continue;
        // What an editor copies: text, with the script line for the element ways.
        if (id === "ex-frame") {
          assert.match(
            code,
            /^<iframe src="\/embed\.html\?src=data\/cao-bang-2021-2025\.json&amp;kind=leverage" data-khuyencong-frame title="[^"]+" width="100%" height="480" loading="lazy" frameborder="0"><\/iframe>$/,
          );
          continue;
        }
        let body;
        let head = "";
        if (id === "ex-picture") {
          // Only what rich-text editors keep, and the template line in the page's <head>.
          assert.match(code, /^<p><img src="data:image\/svg\+xml,[^"]+" alt="[^"]+" width="440" height="\d+"><\/p>\n<p><a href="http:\/\/127\.0\.0\.1:\d+\/pkg\/chart\.html#khuyencong=1&amp;kind=regions&amp;d=[\w-]+">Xem biểu đồ tương tác<\/a>/);
          assert.doesNotMatch(code, /<script|data-khuyencong|style=/);
          head = template;
          body = code;
        } else {
          assert.ok(code.startsWith(`${template}\n<`), code);
          body = code;
        }
        // A blank page of the site (strict CSP too), another path depth: root-relative addresses.
        const pasted = await context.newPage();
        const pastedSeen = await watchPage(pasted);
        const article = testPage(`<p>Bài viết.</p>${body}`, { head, title: "Bài viết" });
        await servePage(pasted, `${base}tin-tuc/2023/bai-viet.html`, article, { csp: true });
        await pasted.goto(`${base}tin-tuc/2023/bai-viet.html`);
        await settleCharts(pasted);
        const got = await pasted.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          const v = chartOf(document.querySelector("khuyencong-chart, [data-khuyencong], img")).view();
          return { kind: v.kind, title: v.title, items: v.items.map((i) => i.rows) };
        });
        assert.deepEqual(got, expected[id], id);
        // The wasm downloads once: the reader's file of every kind.
        const wasmRequests = pastedSeen.requests.filter((u) => u.endsWith(".wasm"));
        assert.deepEqual(wasmRequests, [`${base}pkg/khuyencong_charts_view_bg.wasm`], id);
        // Console errors: a CSP violation is one.
        assert.deepEqual(pastedSeen.consoleErrors, [], id);
        await pasted.close();
      }
    } finally {
      await context.close();
    }
  });
});
