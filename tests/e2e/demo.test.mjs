// The demo article page (www/) with the built package (www/pkg/) in Debian's Chromium, as a
// reader sees it: with and without JavaScript, under a strict CSP, with bad data, on a phone.
// Run: node --test tests/e2e/   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { STRICT_CSP, cspViolations, launchChromium, repoPath, watchPage } from "./helpers.mjs";

const DATA = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
const SCREENSHOTS = repoPath("target", "screenshots");

// The published figures (shared/data/published-figures.md), as the table must print them:
// header row, one row per source, total row. The static fallback in index.html must match too.
const EXPECTED_TABLE = [
  ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt (% kế hoạch)", "Tỷ trọng"],
  ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"],
  ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%", "53,3%"],
  // The package gives the total no share of itself: its share text is the "–" of a missing figure.
  ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"],
];
const EXPECTED_LEAD =
  "Tổng kinh phí khuyến công thực hiện năm 2022 là 170,4 tỷ đồng, đạt 95,2% kế hoạch; " +
  "khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%.";
const BAD_DATA = { title: "x", unit: "ty_dong", records: [{ source: "kcqg", plan: "1,5" }] };

const FIGURE = "figure.kc";
const DONE = `${FIGURE}[data-state="ready"], ${FIGURE}[data-state="error"]`;

let browser;
let site; // plain server
let strictSite; // same files, every response carrying STRICT_CSP

before(async () => {
  assert.ok(
    existsSync(repoPath("www", "pkg", "index.js")),
    "www/pkg/index.js is missing: build the package first (make)",
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

/** Opens the demo in a fresh page and waits until the figure has finished, either way. */
async function openDemo(
  baseUrl,
  { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, route } = {},
) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const seen = await watchPage(page);
  if (route) await page.route(route.pattern, route.handler);
  const response = await page.goto(baseUrl);
  await page.waitForSelector(DONE);
  return { context, page, seen, response };
}

const tableText = (page) =>
  page.$$eval(`${FIGURE} table tr`, (rows) =>
    rows.map((row) => Array.from(row.cells, (cell) => cell.textContent.trim())),
  );

const figureState = (page) => page.getAttribute(FIGURE, "data-state");

/** Asserts the figure finished without error, showing the error box's text if it did not. */
async function assertReady(page) {
  const state = await figureState(page);
  if (state !== "ready") {
    const alert = await page.textContent(`${FIGURE} [role="alert"]`).catch(() => "(no alert)");
    assert.fail(`figure is ${state}, not ready: ${alert}`);
  }
}

describe("demo page with the built package", () => {
  test("renders the table computed by the package with the published texts", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      await assertReady(page);
      // Every typed-in fallback element has been replaced by the package's output.
      assert.equal(await page.locator(`${FIGURE} [data-fallback]`).count(), 0);
      assert.deepEqual(await tableText(page), EXPECTED_TABLE);
      assert.equal((await page.textContent(`${FIGURE} caption`)).trim(), DATA.title);

      const scopes = await page.$$eval(`${FIGURE} th`, (ths) => ths.map((th) => th.scope));
      assert.deepEqual(scopes, ["col", "col", "col", "col", "col", "row", "row", "row"]);
      assert.equal(await page.locator(`${FIGURE} tfoot th`).textContent(), "Tổng cộng");

      assert.equal(
        (await page.textContent(`${FIGURE} .kc__source`)).trim(),
        `Nguồn: ${DATA.source}`,
      );
    } finally {
      await context.close();
    }
  });

  test("shows the warning that the parts' plans add up to 179,1, not the published 179", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      await assertReady(page);
      const notes = await page.$$eval(`${FIGURE} .kc__notes li`, (items) =>
        items.map((li) => ({ code: li.dataset.code, text: li.textContent })),
      );
      assert.equal(notes.length, 1, JSON.stringify(notes));
      assert.equal(notes[0].code, "total_mismatch");
      assert.match(notes[0].text, /179,1 tỷ đồng/);
      assert.match(notes[0].text, /179 tỷ đồng/);
    } finally {
      await context.close();
    }
  });

  test("writes the lead sentence from the figures", async () => {
    const { context, page } = await openDemo(site.url);
    try {
      await assertReady(page);
      assert.equal((await page.textContent(`${FIGURE} .kc__lead`)).trim(), EXPECTED_LEAD);
    } finally {
      await context.close();
    }
  });

  test("logs no error and asks no host but 127.0.0.1", async () => {
    const { context, page, seen } = await openDemo(site.url);
    try {
      await assertReady(page);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
      const paths = seen.requests.map((url) => new URL(url).pathname);
      // The watch saw the page's real traffic (so an empty list of strangers means something).
      for (const needed of ["/assets/demo.js", "/pkg/index.js", "/data/phia-bac-2022.json"]) {
        assert.ok(paths.includes(needed), `no request for ${needed} in ${paths.join(", ")}`);
      }
      assert.ok(
        paths.some((p) => p.endsWith(".wasm")),
        `no .wasm request in ${paths.join(", ")}`,
      );
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
      assert.deepEqual(await tableText(page), EXPECTED_TABLE);
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
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      assert.equal(await figureState(page), "static");
      assert.deepEqual(await tableText(page), EXPECTED_TABLE);
      assert.equal((await page.textContent(`${FIGURE} caption`)).trim(), DATA.title);
      assert.equal((await page.textContent(`${FIGURE} .kc__lead`)).trim(), EXPECTED_LEAD);
      assert.equal(
        (await page.textContent(`${FIGURE} .kc__source`)).trim(),
        `Nguồn: ${DATA.source}`,
      );
    } finally {
      await context.close();
    }
  });

  test("names the bad value's path in an error box and keeps the article", async () => {
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
      assert.equal(await figureState(page), "error");
      const alert = page.locator(`${FIGURE} [role="alert"]`);
      assert.equal(await alert.count(), 1);
      assert.match(await alert.textContent(), /records\[0\]\.plan/);
      assert.ok(await alert.isVisible());
      // The article around it is all there, and so are the typed-in figures.
      assert.match(
        await page.textContent("h1"),
        /Hội nghị Khuyến công các tỉnh, thành phố khu vực phía Bắc/,
      );
      assert.equal(await page.locator(".article__body > p:not(.article__author)").count(), 9);
      assert.match(await page.textContent(".article__author"), /Nguyễn Hữu/);
      assert.equal(await page.locator(".related__list li").count(), 10);
      assert.deepEqual(await tableText(page), EXPECTED_TABLE);
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
      assert.equal(await figureState(page), "error");
      const alert = page.locator(`${FIGURE} [role="alert"]`);
      assert.ok(await alert.isVisible());
      assert.match(await alert.textContent(), /WebAssembly/);
      assert.deepEqual(await tableText(page), EXPECTED_TABLE);
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
          const scroll = document.querySelector(`${sel} .kc__scroll`);
          const figure = document.querySelector(sel).getBoundingClientRect();
          return {
            pageWidth: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
            figureRight: figure.right,
            tableFits: scroll.scrollWidth <= scroll.clientWidth,
            scrolls: ["auto", "scroll"].includes(getComputedStyle(scroll).overflowX),
          };
        }, FIGURE);
        // Nothing widens the page; the table fits its figure or scrolls inside it.
        assert.ok(layout.pageWidth <= layout.viewport, JSON.stringify(layout));
        assert.ok(layout.figureRight <= layout.viewport, JSON.stringify(layout));
        assert.ok(layout.tableFits || layout.scrolls, JSON.stringify(layout));
        if (width >= 1280) assert.ok(layout.tableFits, JSON.stringify(layout));

        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/demo-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
