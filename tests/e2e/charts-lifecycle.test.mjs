// The interactive charts' life (src/js/chart.js driving the wasm Chart), in Debian's Chromium,
// on blank pages of the site: update() and setOptions(), errors on bad data and failed fetches,
// and destroy() leaving nothing behind.
// Run: node --test tests/e2e/charts-lifecycle.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countLive } from "./helpers.mjs";
import {
  BLANK,
  inkOf,
  mountOn,
  open,
  openBlank,
  PHIA_BAC,
  pointOver,
  site,
  tooltipOf,
  useChartsFixture,
} from "./charts-helpers.mjs";

useChartsFixture();

const BAD_DATA = { title: "x", unit: "ty_dong", records: [{ source: "kcqg", plan: "1,5" }] };

describe("destroy()", () => {
  test("removes every node, listener and observer it made, and is idempotent", async () => {
    const { context, page, seen } = await open();
    try {
      await page.addInitScript(countLive);
      await page.goto(`${site.url}${BLANK}`);
      const result = await page.evaluate(async () => {
        const kc = await import("/pkg/index.js");
        await kc.ready();
        const element = document.createElement("div");
        document.body.append(element);
        const before = window.__live();
        const chart = await kc.mount(element, "/data/phia-bac-2022.json", { kind: "plan-actual" });
        const during = window.__live();
        // Use it: hover, focus, keys, legend, update, options, a resize.
        const r = chart.canvas.getBoundingClientRect();
        const [x, y, w, h] = chart.view().items[0].rect;
        chart.canvas.dispatchEvent(
          new PointerEvent("pointermove", {
            clientX: r.left + x + w / 2,
            clientY: r.top + y + h / 2,
            pointerType: "mouse",
            bubbles: true,
          }),
        );
        const tipShown = element.querySelector(".kc-chart__tooltip").style.display === "block";
        chart.canvas.focus();
        chart.canvas.dispatchEvent(
          new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }),
        );
        element.querySelector(".kc-chart__legend button").click();
        await chart.update();
        await chart.setOptions({ theme: "dark", locale: "en" });
        element.style.setProperty("width", "400px");
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        chart.destroy();
        chart.destroy();
        await chart.setOptions({ theme: "light" });
        await chart.update();
        const afterDestroy = window.__live();
        return {
          before,
          during,
          afterDestroy,
          tipShown,
          nodes: element.childNodes.length,
          canvas: chart.canvas,
        };
      });
      assert.ok(result.tipShown, "the chart was in use");
      assert.ok(
        result.during.listeners.length > result.before.listeners.length + 5,
        JSON.stringify(result.during),
      );
      assert.ok(
        result.during.listeners.includes("HTMLDocument.keydown") ||
          result.during.listeners.includes("Document.keydown"),
      );
      assert.ok(result.during.listeners.includes("MediaQueryList.change"));
      assert.equal(result.during.resizeObservers, 1);
      assert.equal(result.nodes, 0, "no node left in the element");
      assert.equal(result.canvas, null);
      assert.deepEqual(result.afterDestroy, result.before, "no listener or observer left");
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a destroy while an update is loading leaves nothing behind either", async () => {
    const { context, page, seen, base } = await openBlank();
    try {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(`${base}data/slow.json`, async (route) => {
        await held;
        await route
          .fulfill({ contentType: "application/json", body: JSON.stringify(PHIA_BAC) })
          .catch(() => {});
      });
      const result = await page.evaluate(async (text) => {
        const element = document.createElement("div");
        document.body.append(element);
        const chart = await window.kc.mount(element, text, {});
        const pending = chart.update("/data/slow.json");
        chart.destroy();
        const outcome = await Promise.race([
          pending.then(
            () => "resolved",
            (e) => `rejected ${e.code}`,
          ),
          new Promise((r) => setTimeout(() => r("pending"), 2000)),
        ]);
        return { outcome, nodes: element.childNodes.length };
      }, JSON.stringify(PHIA_BAC));
      release();
      assert.deepEqual(result, { outcome: "resolved", nodes: 0 });
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("errors", () => {
  test("bad data shows an alert naming the path; the chart next to it still draws", async () => {
    const { context, page, seen } = await openBlank();
    try {
      const good = await mountOn(page, {
        id: "good",
        data: "/data/phia-bac-2022.json",
        options: { kind: "sources" },
        style: { width: "500px" },
      });
      const bad = await mountOn(page, { id: "bad", data: BAD_DATA, options: { kind: "sources" } });
      const after = await mountOn(page, {
        id: "after",
        data: JSON.stringify(PHIA_BAC),
        options: { kind: "summary" },
        style: { width: "500px" },
      });
      assert.equal(good.selector, "#good");
      assert.equal(after.selector, "#after");
      assert.deepEqual(
        { ...bad.error, message: undefined },
        {
          name: "KhuyenCongError",
          code: "invalid_amount",
          path: "records[0].plan",
          message: undefined,
          isKc: true,
        },
      );
      const alert = page.locator('#bad [role="alert"]');
      assert.equal(await alert.count(), 1);
      assert.match(await alert.textContent(), /records\[0\]\.plan/);
      assert.ok(await alert.isVisible());
      assert.equal(await page.locator("#bad canvas").count(), 0, "no empty canvas left behind");
      for (const id of ["#good", "#after"]) {
        const ink = await inkOf(page, id);
        assert.ok(ink.count > ink.total * 0.02, `${id} draws`);
      }
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("fetch failures are clear: 404, not JSON, another origin, a bad option", async () => {
    const { context, page, seen, base } = await openBlank();
    try {
      await page.route(`${base}data/page.json`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: "<!doctype html><p>Không tìm thấy trang</p>",
        }),
      );
      // Relative to the page (/__test__/blank.html), like a link.
      const missing = await mountOn(page, { id: "missing", data: "data/khong-co.json" });
      assert.equal(missing.error.code, "fetch_failed");
      assert.equal(missing.error.path, "src");
      assert.equal(
        missing.error.message,
        `src: không tải được ${base}__test__/data/khong-co.json (HTTP 404).`,
      );
      assert.match(await page.textContent('#missing [role="alert"]'), /HTTP 404/);

      const html = await mountOn(page, { id: "html", data: "/data/page.json" });
      assert.equal(html.error.code, "fetch_failed");
      assert.match(html.error.message, /không phải dữ liệu JSON \(Content-Type: text\/html\)/);

      const requests = seen.requests.length;
      const foreign = await mountOn(page, { id: "foreign", data: "http://localhost:9/data.json" });
      assert.equal(foreign.error.code, "cross_origin");
      assert.equal(seen.requests.length, requests, "nothing was requested");

      const kind = await mountOn(page, {
        id: "kind",
        data: PHIA_BAC,
        options: { kind: "pie", locale: "en" },
      });
      assert.deepEqual([kind.error.code, kind.error.path], ["invalid_option", "options.kind"]);
      assert.match(
        await page.textContent('#kind [role="alert"]'),
        /^The chart could not be drawn\./,
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("update() and setOptions()", () => {
  test("update re-fetches a URL, keeps the chart on bad data, and recovers", async () => {
    const { context, page, seen, base } = await openBlank();
    try {
      await mountOn(page, {
        id: "c",
        data: "/data/phia-bac-2022.json",
        options: { kind: "sources" },
        style: { width: "500px" },
      });
      const fetches = () =>
        seen.requests.filter((u) => u === `${base}data/phia-bac-2022.json`).length;
      assert.equal(fetches(), 1);
      await page.evaluate(() => window.handles["#c"].update());
      assert.equal(fetches(), 2, "update() without data fetches the URL again");

      const failed = await page.evaluate(
        (bad) =>
          window.handles["#c"].update(bad).then(
            () => null,
            (e) => e.path,
          ),
        BAD_DATA,
      );
      assert.equal(failed, "records[0].plan");
      assert.match(await page.textContent('#c [role="alert"]'), /records\[0\]\.plan/);
      assert.equal(
        await page.evaluate(() => window.handles["#c"].view().items.length),
        2,
        "the old chart stays",
      );

      await page.evaluate(() => window.handles["#c"].update("/data/dak-lak-2020.json"));
      assert.equal(
        await page.locator('#c [role="alert"]').count(),
        0,
        "a good update removes the alert",
      );
      assert.equal(
        await page.evaluate(() => window.handles["#c"].view().title),
        "Vốn thực hiện đề án khuyến công tỉnh Đắk Lắk năm 2020",
      );

      await page.evaluate(() =>
        window.handles["#c"].setOptions({ kind: "categories", locale: "en" }),
      );
      const { x, y } = await pointOver(page, "#c", 0);
      await page.mouse.move(x, y);
      const tip = await tooltipOf(page, "#c");
      assert.deepEqual(tip.rows, [
        ["Actual", "2,700 million VND"],
        ["Share", "75.2%"],
        ["Projects", "7 projects"],
      ]);
      assert.equal(await page.getAttribute("#c .kc-chart", "lang"), "en");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
