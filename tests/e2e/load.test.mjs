// Load and lifetime (issue 7), in Debian's Chromium against www/pkg: 50 charts on one page;
// 1 000 update() cycles and 1 000 mount/destroy cycles with the WebAssembly memory, the
// wasm-bindgen externref table, the JS heap, DOM nodes, event listeners and observers measured
// before and after (the numbers are printed and written to target/reliability/load.json); a
// storm of 100 resizes that must end in one correct layout.
//
// How the wasm memory is read: wasm-bindgen's init() (khuyencong_charts.js's default export)
// returns the instance's exports once it has loaded, so in the page
//   (await import("/pkg/khuyencong_charts.js")).default()
// gives `memory` (a WebAssembly.Memory) and `__wbindgen_externrefs` (the table of JS values
// held by Rust) without any hook in the package. The JS heap, DOM nodes and listener counts come
// from the DevTools protocol (Performance.getMetrics after HeapProfiler.collectGarbage); live
// listeners and observers from counting add/remove in the page.
//
// Run: node --test tests/e2e/load.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { countLive, openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

const BLANK = "__test__/blank.html";
const DATA = ["phia-bac-2022", "dak-lak-2020", "cao-bang-2021-2025", "binh-dinh-2021", "dia-phuong-cong-bo", "63-tinh-minh-hoa"];
const KINDS = [
  ["summary", "phia-bac-2022"],
  ["sources", "phia-bac-2022"],
  ["plan-actual", "phia-bac-2022"],
  ["regions", "63-tinh-minh-hoa"],
  ["leverage", "cao-bang-2021-2025"],
  ["trend", "dia-phuong-cong-bo"],
  ["categories", "dak-lak-2020"],
  ["categories", "binh-dinh-2021"],
];
const CYCLES = Number(process.env.KC_CYCLES ?? 1000);
const report = {};

let fixture;
let browser;
let site;

before(async () => {
  assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg is missing: make www-pkg");
  fixture = await startFixture({ site: {} });
  ({ browser, site } = fixture);
});

after(async () => {
  await fixture?.close();
  await mkdir(repoPath("target", "reliability"), { recursive: true });
  await writeFile(repoPath("target", "reliability", "load.json"), `${JSON.stringify(report, null, 2)}\n`);
});

async function openBlank(contextOptions = {}) {
  const { context, page, seen } = await openPage(browser, {
    viewport: { width: 1200, height: 900 },
    init: countLive,
    pages: { [`${site.url}${BLANK}`]: testPage() },
    ...contextOptions,
  });
  await page.goto(`${site.url}${BLANK}`);
  await page.evaluate(async (names) => {
    window.kc = await import("/pkg/index.js");
    await window.kc.ready();
    window.wasmExports = await (await import("/pkg/khuyencong_charts.js")).default();
    window.texts = {};
    for (const name of names) window.texts[name] = await (await fetch(`/data/${name}.json`)).text();
  }, DATA);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  return { context, page, seen, cdp };
}

/** Everything measured, after a garbage collection. */
async function measure(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  const inPage = await page.evaluate(() => ({
    wasmBytes: window.wasmExports.memory.buffer.byteLength,
    externrefs: window.wasmExports.__wbindgen_externrefs.length,
    live: window.__live(),
    elements: document.getElementsByTagName("*").length,
  }));
  return {
    wasmMiB: +(inPage.wasmBytes / 2 ** 20).toFixed(2),
    externrefTable: inPage.externrefs,
    jsHeapMiB: +(m.JSHeapUsedSize / 2 ** 20).toFixed(2),
    domNodes: m.Nodes,
    elements: inPage.elements,
    jsEventListeners: m.JSEventListeners,
    liveListeners: inPage.live.count,
    resizeObservers: inPage.live.resizeObservers,
    mutationObservers: inPage.live.mutationObservers,
    byType: inPage.live.byType,
  };
}

const show = (name, rows) => {
  report[name] = rows;
  const keys = Object.keys(rows[0][1]).filter((k) => k !== "byType");
  const lines = [`${name}:`, `  ${"".padEnd(22)}${keys.map((k) => k.padStart(17)).join("")}`];
  for (const [label, r] of rows) lines.push(`  ${label.padEnd(22)}${keys.map((k) => String(r[k]).padStart(17)).join("")}`);
  console.log(lines.join("\n"));
};

/** Pixels of the canvas in `selector` that differ from its top left pixel. */
const inkOf = (page, selector) =>
  page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, selector);

const frames = (page, n = 2) =>
  page.evaluate(
    (n) =>
      new Promise((done) => {
        const step = (k) => (k === 0 ? done() : requestAnimationFrame(() => step(k - 1)));
        step(n);
      }),
    n,
  );

describe("load", () => {
  test("50 charts on one page: every one draws, from one wasm instance", async () => {
    const { context, page, seen, cdp } = await openBlank();
    try {
      const before = await measure(page, cdp);
      const started = Date.now();
      const result = await page.evaluate(async (kinds) => {
        const jobs = [];
        for (let i = 0; i < 50; i++) {
          const [kind, name] = kinds[i % kinds.length];
          const element = document.createElement("div");
          element.id = `c${i}`;
          element.style.setProperty("width", `${320 + (i % 5) * 150}px`);
          document.body.append(element);
          jobs.push(
            window.kc.mount(element, i % 2 ? window.texts[name] : `/data/${name}.json`, { kind, theme: i % 3 ? "light" : "dark" }).then(
              (h) => h.view().kind,
              (e) => `error ${e.code}: ${e.message}`,
            ),
          );
        }
        return Promise.all(jobs);
      }, KINDS);
      const ms = Date.now() - started;
      assert.deepEqual(result.filter((k) => k.startsWith("error")), []);
      await frames(page);
      for (let i = 0; i < 50; i++) {
        const ink = await inkOf(page, `#c${i}`);
        assert.ok(ink.count > ink.total * 0.01, `#c${i} draws`);
      }
      const wasm = seen.requests.filter((u) => u.endsWith(".wasm"));
      assert.equal(wasm.length, 1, "one wasm download");
      const afterAll = await measure(page, cdp);
      show("50 charts", [
        ["before", before],
        [`after (${ms} ms)`, afterAll],
      ]);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test(`${CYCLES} update() cycles leave wasm memory, heap, DOM and listeners bounded`, async () => {
    const { context, page, seen, cdp } = await openBlank();
    try {
      await page.evaluate(async () => {
        const element = document.createElement("div");
        element.id = "u";
        element.style.setProperty("width", "800px");
        document.body.append(element);
        window.handle = await window.kc.mount(element, window.texts["phia-bac-2022"], { kind: "plan-actual" });
        window.cycle = async (n, from) => {
          const names = Object.keys(window.texts);
          for (let i = from; i < from + n; i++) {
            // Data and kind change; every tenth update is bad data (error box, then recovery).
            if (i % 10 === 9) await window.handle.update('{"title":"T","unit":"ty_dong","records":[{"plan":"1,5"}]}').catch(() => {});
            else await window.handle.update(window.texts[names[i % names.length]]);
            if (i % 25 === 0) await window.handle.setOptions({ kind: ["plan-actual", "categories", "trend", "sources"][(i / 25) % 4] });
          }
        };
      });
      const rows = [["mounted", await measure(page, cdp)]];
      await page.evaluate(() => window.cycle(100, 0));
      const warm = await measure(page, cdp);
      rows.push(["after 100 (warm)", warm]);
      const started = Date.now();
      await page.evaluate((n) => window.cycle(n, 100), CYCLES);
      const ms = Date.now() - started;
      const end = await measure(page, cdp);
      rows.push([`after ${CYCLES + 100} (${ms} ms)`, end]);
      await page.evaluate((n) => window.cycle(n, 100 + n), CYCLES);
      const end2 = await measure(page, cdp);
      rows.push([`after ${2 * CYCLES + 100}`, end2]);
      await page.evaluate((n) => window.cycle(n, 100 + 2 * n), CYCLES);
      const end3 = await measure(page, cdp);
      rows.push([`after ${3 * CYCLES + 100}`, end3]);
      show(`${CYCLES} update cycles`, rows);
      // Bounded: the third thousand grows nothing the second did not already need, and the second
      // at most one 64 KiB page (the allocator's fragmentation can take one late: seen once, then
      // flat to 6 100 cycles). A leak of even 64 bytes a cycle would add a page a thousand.
      assert.ok(end3.wasmMiB <= end2.wasmMiB, `wasm memory ${end2.wasmMiB} → ${end3.wasmMiB} MiB`);
      assert.ok(end2.wasmMiB <= end.wasmMiB + 0.0625, `wasm memory ${end.wasmMiB} → ${end2.wasmMiB} MiB`);
      assert.ok(end.wasmMiB - warm.wasmMiB <= 1, `wasm memory ${warm.wasmMiB} → ${end.wasmMiB} MiB`);
      assert.ok(end3.externrefTable <= warm.externrefTable + 8, "externref table");
      assert.ok(end3.jsHeapMiB - warm.jsHeapMiB < 5, `JS heap ${warm.jsHeapMiB} → ${end3.jsHeapMiB} MiB`);
      for (const k of ["liveListeners", "resizeObservers", "mutationObservers", "elements", "jsEventListeners"]) {
        assert.equal(end3[k], warm[k], k);
      }
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test(`${CYCLES} mount/destroy cycles leave wasm memory, heap, DOM and listeners where they were`, async () => {
    const { context, page, seen, cdp } = await openBlank();
    try {
      await page.evaluate((kinds) => {
        const host = document.createElement("div");
        host.id = "host";
        host.style.setProperty("width", "700px");
        document.body.append(host);
        window.cycle = async (n, from) => {
          for (let i = from; i < from + n; i++) {
            const [kind, name] = kinds[i % kinds.length];
            const element = document.createElement("div");
            host.append(element);
            // Half from text, half fetched; every tenth fails (an error box, nothing kept).
            const data = i % 10 === 9 ? '{"title":"T"}' : i % 2 ? window.texts[name] : `/data/${name}.json`;
            const handle = await window.kc.mount(element, data, { kind }).catch(() => null);
            if (handle) {
              handle.canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: 10, clientY: 10, bubbles: true }));
              handle.destroy();
            }
            element.remove();
          }
        };
      }, KINDS);
      const rows = [["page ready", await measure(page, cdp)]];
      await page.evaluate(() => window.cycle(100, 0));
      const warm = await measure(page, cdp);
      rows.push(["after 100 (warm)", warm]);
      const started = Date.now();
      await page.evaluate((n) => window.cycle(n, 100), CYCLES);
      const ms = Date.now() - started;
      const end = await measure(page, cdp);
      rows.push([`after ${CYCLES + 100} (${ms} ms)`, end]);
      await page.evaluate((n) => window.cycle(n, 100 + n), CYCLES);
      const end2 = await measure(page, cdp);
      rows.push([`after ${2 * CYCLES + 100}`, end2]);
      show(`${CYCLES} mount/destroy cycles`, rows);
      assert.ok(end2.wasmMiB <= end.wasmMiB, `wasm memory ${end.wasmMiB} → ${end2.wasmMiB} MiB`);
      assert.ok(end.wasmMiB - warm.wasmMiB <= 1, `wasm memory ${warm.wasmMiB} → ${end.wasmMiB} MiB`);
      assert.ok(end2.externrefTable <= warm.externrefTable + 8, "externref table");
      assert.ok(end2.jsHeapMiB - warm.jsHeapMiB < 5, `JS heap ${warm.jsHeapMiB} → ${end2.jsHeapMiB} MiB`);
      // Everything a chart adds is gone with it: back to the page's own numbers.
      for (const k of ["liveListeners", "resizeObservers", "mutationObservers", "elements", "jsEventListeners"]) {
        assert.equal(end2[k], rows[0][1][k], k);
      }
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a storm of 100 resizes ends in one correct layout: canvas = final width × devicePixelRatio", async () => {
    const { context, page, seen } = await openBlank({ deviceScaleFactor: 2 });
    try {
      const result = await page.evaluate(async () => {
        const { Chart } = await import("/pkg/khuyencong_charts.js");
        const element = document.createElement("div");
        element.id = "s";
        element.style.setProperty("width", "640px");
        document.body.append(element);
        const handle = await window.kc.mount(element, window.texts["phia-bac-2022"], { kind: "plan-actual" });
        window.stormHandle = handle;
        let layouts = 0;
        const real = Chart.prototype.layout;
        Chart.prototype.layout = function (...args) {
          layouts++;
          return real.apply(this, args);
        };
        // 100 widths: some in one task, some a frame apart, some a few ms apart (a drag).
        let seed = 7;
        const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
        const widths = Array.from({ length: 100 }, () => Math.round(300 + next() * 700) + (next() < 0.3 ? 0.5 : 0));
        let framesSeen = 0;
        let counting = true;
        const count = () => {
          if (!counting) return;
          framesSeen++;
          requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        for (const [i, w] of widths.entries()) {
          element.style.setProperty("width", `${w}px`);
          if (i % 10 === 0) await new Promise((r) => requestAnimationFrame(r));
          else if (i % 3 === 0) await new Promise((r) => setTimeout(r, 2));
        }
        const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        for (let i = 0; i < 5; i++) await settle();
        counting = false;
        const stormLayouts = layouts;
        for (let i = 0; i < 10; i++) await settle();
        const canvas = handle.canvas;
        const overlay = element.querySelector("canvas.kc-chart__overlay");
        const view = handle.view();
        Chart.prototype.layout = real;
        return {
          finalWidth: widths.at(-1),
          dpr: devicePixelRatio,
          cssWidth: parseFloat(getComputedStyle(canvas).width),
          pixelWidth: canvas.width,
          cssHeight: parseFloat(getComputedStyle(canvas).height),
          pixelHeight: canvas.height,
          overlay: [overlay.width, overlay.height],
          viewHeight: view.height,
          layouts: stormLayouts,
          layoutsAfter: layouts - stormLayouts,
          frames: framesSeen,
        };
      });
      report["resize storm"] = result;
      console.log(`resize storm: ${JSON.stringify(result)}`);
      assert.equal(result.dpr, 2);
      assert.equal(result.cssWidth, result.finalWidth);
      assert.equal(result.pixelWidth, Math.round(result.finalWidth * 2));
      // The outline's overlay covers only the outline, on the canvas's pixel grid: never more.
      assert.ok(result.overlay[0] <= result.pixelWidth && result.overlay[1] <= result.pixelHeight, `overlay ${result.overlay}`);
      assert.equal(result.pixelHeight, Math.round(result.cssHeight * 2));
      // Coalesced: at most one layout a frame during the storm, none once it is over.
      assert.ok(result.layouts <= result.frames + 1, `${result.layouts} layouts in ${result.frames} frames`);
      assert.equal(result.layoutsAfter, 0, "stable once the storm is over");
      // One correct layout: the same as a chart mounted fresh at the final width.
      const fresh = await page.evaluate(async (w) => {
        const element = document.createElement("div");
        element.style.setProperty("width", `${w}px`);
        document.body.append(element);
        const h = await window.kc.mount(element, window.texts["phia-bac-2022"], { kind: "plan-actual" });
        const out = {
          rects: h.view().items.map((i) => i.rect),
          height: h.view().height,
          cssHeight: parseFloat(getComputedStyle(h.canvas).height),
          pixels: [h.canvas.width, h.canvas.height],
        };
        h.destroy();
        element.remove();
        return out;
      }, result.finalWidth);
      const stormed = await page.evaluate(() => ({
        rects: window.stormHandle.view().items.map((i) => i.rect),
        height: window.stormHandle.view().height,
      }));
      assert.deepEqual(stormed, { rects: fresh.rects, height: fresh.height });
      assert.equal(result.cssHeight, fresh.cssHeight);
      assert.deepEqual([result.pixelWidth, result.pixelHeight], fresh.pixels);
      assert.ok(result.cssHeight >= result.viewHeight - 0.5);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("input over 32 MiB is refused in place; the wasm memory it took is measured", async () => {
    const { context, page, seen, cdp } = await openBlank();
    try {
      const before = await measure(page, cdp);
      const result = await page.evaluate(async () => {
        const element = document.createElement("div");
        document.body.append(element);
        const json = '{"title":"T","unit":"ty_dong","records":[{"plan":"1"}]}';
        const text = json + " ".repeat(33 * 2 ** 20 - json.length);
        try {
          await window.kc.mount(element, text, { kind: "sources" });
          return "mounted";
        } catch (e) {
          return `${e.code} ${e.path}: ${e.message}`;
        }
      });
      const afterRefusal = await measure(page, cdp);
      show("33 MiB input", [
        ["before", before],
        ["after the refusal", afterRefusal],
      ]);
      assert.equal(result, "too_large : Dữ liệu: dữ liệu quá lớn (tối đa 32 MB).");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test(
    "input over 32 MiB is refused before it is copied into the wasm memory",
    async () => {
      const { context, page, cdp } = await openBlank();
      try {
        const before = await measure(page, cdp);
        await page.evaluate(async () => {
          const json = '{"title":"T","unit":"ty_dong","records":[{"plan":"1"}]}';
          const text = json + " ".repeat(100 * 2 ** 20 - json.length);
          await window.kc.mount(document.body.appendChild(document.createElement("div")), text).catch(() => {});
        });
        const afterRefusal = await measure(page, cdp);
        assert.ok(afterRefusal.wasmMiB - before.wasmMiB < 1, `the wasm memory grew ${before.wasmMiB} → ${afterRefusal.wasmMiB} MiB for a refused input`);
      } finally {
        await context.close();
      }
    },
  );
});
