// No trap reaches the page (issue 7), in Debian's Chromium: WebAssembly traps (a stubbed export,
// and genuine ones from an exhausted wasm memory) and a canvas without a 2D context become that
// chart's `internal` error; the other charts and a later mount work.
// Run: node --test tests/e2e/reliability-traps.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { servePage, testPage } from "./helpers.mjs";
import {
  alertsIn,
  assertDraws,
  DAK_LAK_TITLE,
  FAILED,
  hoverItem,
  open,
  openBlank,
  PHIA_BAC_TEXT,
  useReliabilityFixture,
} from "./reliability-helpers.mjs";

useReliabilityFixture();

const INTERNAL = {
  vi: "Lỗi nội bộ của thư viện khi xử lý dữ liệu này; các biểu đồ khác không bị ảnh hưởng.",
  en: "Internal error in the library while processing this data; other charts are not affected.",
};

/**
 * Makes the next call of `Chart.prototype[method]` (the wasm-bindgen class chart.js drives)
 * throw a WebAssembly.RuntimeError, as a trap inside the module does; later calls are real.
 */
/**
 * The same simulated trap for pages that load the bundled embed.js, whose Chart class is not
 * reachable from outside: an init script wraps the module's exports as the page instantiates
 * it, so that the next call of the named export throws as a trapping wasm function does.
 */
const WASM_EXPORT_TRAPS = () => {
  let armed = null;
  window.__trapNextExport = (name) => {
    armed = name;
  };
  const wrap = (result) => {
    const real = result instanceof WebAssembly.Instance ? result : result.instance;
    const exports = {};
    for (const [name, value] of Object.entries(real.exports)) {
      exports[name] =
        typeof value !== "function"
          ? value
          : function (...args) {
              if (armed === name) {
                armed = null;
                throw new WebAssembly.RuntimeError("unreachable (test)");
              }
              return value.apply(this, args);
            };
    }
    const fake = Object.create(WebAssembly.Instance.prototype, { exports: { value: exports } });
    return result instanceof WebAssembly.Instance ? fake : { module: result.module, instance: fake };
  };
  const streaming = WebAssembly.instantiateStreaming;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...args) => streaming.apply(WebAssembly, args).then(wrap);
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(wrap);
};

const trapNext = (page, method) =>
  page.evaluate(async (method) => {
    const { Chart } = await import("/pkg/khuyencong_charts.js");
    const real = Chart.prototype[method];
    Chart.prototype[method] = function () {
      Chart.prototype[method] = real;
      throw new WebAssembly.RuntimeError("unreachable (test)");
    };
  }, method);

/**
 * Exhausts the page's WebAssembly memory for real: grows it (from JS, through the module's
 * `memory` export, which wasm-bindgen's init() returns) to 4 GiB less `headroomMiB`, so that an
 * allocation larger than that fails inside the module, which then traps (`unreachable`, Rust's
 * abort on allocation failure), as on a phone that runs out of memory. Returns the pages, or
 * null when the engine refuses to grow that far.
 */
const exhaustMemory = (page, headroomMiB) =>
  page.evaluate(async (headroomMiB) => {
    const glue = await import("/pkg/khuyencong_charts.js");
    const { memory } = await glue.default(); // already initialized: returns the exports
    const pages = () => memory.buffer.byteLength / 65536;
    try {
      memory.grow(65536 - pages() - headroomMiB * 16);
    } catch {
      return null;
    }
    return pages();
  }, headroomMiB);

/** A JSON text the module cannot take in with 16 MiB left: 8 M "đ" are 24 MiB as it copies them. */
const OVERSIZED = (n = 8_000_000) => `{"title":"${"đ".repeat(n)}","unit":"ty_dong","records":[{"plan":"1"}]}`;

describe("no trap reaches the page", () => {
  test("a RuntimeError from the wasm while mounting, updating or hovering is that chart's internal error; the charts around and a later mount work", async () => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("a", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });

      // mount: the trap in the first layout.
      await trapNext(page, "layout");
      const mounted = await page.evaluate(() => window.mountOn("b", "/data/phia-bac-2022.json", { kind: "trend" }));
      assert.deepEqual(mounted.error, {
        name: "KhuyenCongError",
        code: "internal",
        path: "",
        message: INTERNAL.vi,
        cause: "RuntimeError: unreachable (test)",
      });
      assert.deepEqual(await alertsIn(page, "#b"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.equal(await page.locator("#b canvas").count(), 0);

      // update: the trap in the wasm Chart's update; the chart keeps what it showed.
      assert.deepEqual(await page.evaluate(() => window.mountOn("c", "/data/dak-lak-2020.json", { kind: "categories", locale: "en" })), { ok: true });
      await trapNext(page, "update");
      const updated = await page.evaluate((t) => window.updateOn("c", t), PHIA_BAC_TEXT);
      assert.equal(updated.error.code, "internal");
      assert.equal(updated.error.message, INTERNAL.en);
      assert.deepEqual(await alertsIn(page, "#c"), [`${FAILED.en}${INTERNAL.en}`]);
      assert.equal(await page.evaluate(() => window.handles.c.view().title), DAK_LAK_TITLE);
      assert.deepEqual(await page.evaluate((t) => window.updateOn("c", t), PHIA_BAC_TEXT), { ok: true });
      assert.deepEqual(await alertsIn(page, "#c"), []);

      // an event: the trap in hit-testing under the mouse is shown in place, logged once, and
      // never reaches window.onerror; an update draws the chart again.
      await trapNext(page, "hit");
      await hoverItem(page, "a", 1);
      assert.deepEqual(await alertsIn(page, "#a"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.equal(seen.consoleErrors.length, 1, seen.consoleErrors.join("\n"));
      assert.deepEqual(await page.evaluate((t) => window.updateOn("a", t), PHIA_BAC_TEXT), { ok: true });
      assert.deepEqual(await alertsIn(page, "#a"), []);
      assert.match(await hoverItem(page, "a", 0), /^Khuyến công quốc gia/);

      assert.deepEqual(await page.evaluate(() => window.mountOn("d", "/data/cao-bang-2021-2025.json", { kind: "leverage" })), { ok: true });
      for (const id of ["#a", "#c", "#d"]) await assertDraws(page, id);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a canvas without a 2D context is an internal error in place; the others draw", async () => {
    const { context, page, seen } = await openBlank();
    try {
      const result = await page.evaluate(async () => {
        const real = HTMLCanvasElement.prototype.getContext;
        // As when a canvas already holds a WebGL context, or the browser is out of canvases.
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return this.closest("#x") ? null : real.call(this, type, ...rest);
        };
        try {
          return await window.mountOn("x", "/data/phia-bac-2022.json", { kind: "sources" });
        } finally {
          HTMLCanvasElement.prototype.getContext = real;
        }
      });
      assert.equal(result.error.code, "internal");
      assert.equal(result.error.name, "KhuyenCongError");
      assert.deepEqual(await alertsIn(page, "#x"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.deepEqual(await page.evaluate(() => window.mountOn("y", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      await assertDraws(page, "#y");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a genuine trap (the wasm memory exhausted) in analyze() fails that call only; later calls, charts and mounts work", async (t) => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("a", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      const pages = await exhaustMemory(page, 16);
      if (pages === null) return t.skip("the engine would not grow the wasm memory to 4 GiB");
      const trapped = await page.evaluate((text) => {
        try {
          window.kc.analyze(text);
          return null;
        } catch (e) {
          return { code: e.code, message: e.message, isKc: e instanceof window.kc.KhuyenCongError, cause: `${e.cause?.constructor.name}: ${e.cause?.message}` };
        }
      }, OVERSIZED());
      assert.deepEqual(trapped, { code: "internal", message: INTERNAL.vi, isKc: true, cause: "RuntimeError: unreachable" });
      assert.equal(await page.evaluate((t) => window.kc.analyze(t).total.text.actual, PHIA_BAC_TEXT), "170,4 tỷ đồng");
      assert.match(await hoverItem(page, "a", 0), /^Khuyến công quốc gia/);
      assert.deepEqual(await page.evaluate(() => window.updateOn("a", "/data/dak-lak-2020.json")), { ok: true });
      assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/cao-bang-2021-2025.json", { kind: "leverage" })), { ok: true });
      await assertDraws(page, "#a");
      await assertDraws(page, "#b");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a genuine trap inside a chart's own wasm object shows in that chart; the other charts and a later mount work", async (t) => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("a", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
      if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
      const trapped = await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
      assert.equal(trapped.error.code, "internal");
      assert.equal(trapped.error.cause, "RuntimeError: unreachable");
      assert.deepEqual(await alertsIn(page, "#b"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.match(await hoverItem(page, "a", 1), /^Khuyến công địa phương/);
      assert.deepEqual(await page.evaluate(() => window.mountOn("c", "/data/phia-bac-2022.json", { kind: "plan-actual" })), { ok: true });
      await assertDraws(page, "#a");
      await assertDraws(page, "#c");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test(
    "after a genuine trap inside its wasm object, the same chart recovers on update with good data",
    async (t) => {
      const { context, page } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
        if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
        await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
        const again = await page.evaluate(() => window.updateOn("b", "/data/phia-bac-2022.json"));
        assert.deepEqual(again, { ok: true });
        assert.deepEqual(await alertsIn(page, "#b"), []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "destroy() after a genuine trap inside the chart's wasm object does not throw",
    async (t) => {
      const { context, page } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
        if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
        await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
        const destroyed = await page.evaluate(() => {
          try {
            window.handles.b.destroy();
            return "ok";
          } catch (e) {
            return `${e.name}: ${e.message}`;
          }
        });
        assert.equal(destroyed, "ok");
        assert.equal(await page.$eval("#b", (e) => e.childElementCount), 0);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "after a genuine trap inside its wasm object, moving the pointer over that chart logs nothing more",
    async (t) => {
      const { context, page, seen } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
        if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
        await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
        const before = seen.consoleErrors.length;
        const box = await page.$eval("#b canvas", (c) => c.getBoundingClientRect().toJSON());
        for (let i = 0; i < 20; i++) await page.mouse.move(box.left + 20 + i * 10, box.top + 40 + i * 5);
        assert.equal(seen.consoleErrors.length - before, 0, "one console error a pointer move");
      } finally {
        await context.close();
      }
    },
  );

  test("<khuyencong-chart>: a trap while one mounts puts it in the error state over its fallback; the others draw", async () => {
    const { context, page, seen, base } = await open();
    try {
      await servePage(
        page,
        `${base}__test__/embed-trap.html`,
        testPage('<khuyencong-chart id="one" kind="sources" src="/data/phia-bac-2022.json"></khuyencong-chart>', { embed: true }),
      );
      await page.addInitScript(WASM_EXPORT_TRAPS);
      await page.goto(`${base}__test__/embed-trap.html`);
      await page.waitForSelector('#one[data-kc-state="ready"]');
      await page.evaluate(() => window.__trapNextExport("chart_layout"));
      await page.evaluate(() => {
        const add = (id, kind) => {
          const e = document.createElement("khuyencong-chart");
          e.id = id;
          e.setAttribute("kind", kind);
          e.setAttribute("src", "/data/phia-bac-2022.json");
          e.innerHTML = `<p class="fallback">Bảng số liệu ${id}</p>`;
          document.body.append(e);
        };
        add("two", "trend");
      });
      await page.waitForSelector('#two[data-kc-state="error"]');
      assert.deepEqual(await alertsIn(page, "#two"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.equal(await page.locator("#two p.fallback").isVisible(), true);
      await page.evaluate(() => {
        const e = document.createElement("khuyencong-chart");
        e.id = "three";
        e.setAttribute("kind", "summary");
        e.setAttribute("src", "/data/phia-bac-2022.json");
        document.body.append(e);
      });
      await page.waitForSelector('#three[data-kc-state="ready"]');
      await assertDraws(page, "#one");
      await assertDraws(page, "#three");
      // The failed one draws once its attributes change (a new mount).
      await page.$eval("#two", (e) => e.setAttribute("kind", "sources"));
      await page.waitForSelector('#two[data-kc-state="ready"]');
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
