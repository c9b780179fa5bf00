// The "Tải xuống / chia sẻ" menu of a chart (issue 9), in Debian's Chromium: driven by the
// keyboard and downloading, under the strict CSP, through embed.js (which fetches the full build
// for an SVG, a CSV or an error's sentence), and menu="none".
// Run: node --test tests/e2e/export-menu.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { cspViolations } from "./helpers.mjs";
import {
  open,
  openGallery,
  openMounted,
  PASTED,
  PHIA_BAC,
  SCREENSHOTS,
  useExportFixture,
} from "./export-helpers.mjs";

useExportFixture();

const SLUG = "kinh-phi-khuyen-cong-28-tinh-thanh-pho-phia-bac-nam-2022";
/** The menu's entries, in order, in each language. */
const MENU = {
  vi: ["Tải ảnh PNG", "Tải SVG", "Tải dữ liệu CSV", "Sao chép mã nhúng"],
  en: ["Download PNG image", "Download SVG", "Download CSV data", "Copy embed code"],
};

/** The menu of the chart in `sel`: button state, focused item, item texts and roles. */
function menuState(page, sel) {
  return page.evaluate((sel) => {
    const button = document.querySelector(`${sel} .kc-chart__menu-button`);
    const menu = document.querySelector(`${sel} .kc-chart__menu`);
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    return {
      expanded: button.getAttribute("aria-expanded"),
      haspopup: button.getAttribute("aria-haspopup"),
      controls: button.getAttribute("aria-controls") === menu.id,
      label: button.textContent,
      open: getComputedStyle(menu).display !== "none",
      role: menu.getAttribute("role"),
      items: items.map((i) => i.textContent),
      focused: items.indexOf(document.activeElement),
      onButton: document.activeElement === button,
      tabbable: items.filter((i) => i.tabIndex >= 0).length,
    };
  }, sel);
}

describe("the download / share menu", () => {
  test("a keyboard walkthrough: open, move, close, choose; downloads named from the title", async () => {
    const { context, page, seen } = await openGallery();
    try {
      const sel = "#chart-sources";
      // Tab in: the canvas, its two legend buttons, the table toggle, then the menu button.
      await page.focus("#chart-summary ~ .card__data a");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.localName), "canvas");
      for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
      let s = await menuState(page, sel);
      assert.ok(s.onButton, "Tab reaches the menu button");
      assert.deepEqual(
        [s.label, s.haspopup, s.expanded, s.controls, s.role, s.open],
        ["Tải xuống / chia sẻ", "menu", "false", true, "menu", false],
      );
      assert.deepEqual(s.items, MENU.vi);
      assert.equal(s.tabbable, 0, "items are not in the tab order (roving focus)");
      assert.match(
        await page.evaluate(() => document.activeElement.style.outline),
        /solid/,
        "focus shows",
      );

      await page.keyboard.press("Enter");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.expanded, s.focused], [true, "true", 0], "Enter opens");
      await page.keyboard.press("ArrowDown");
      assert.equal((await menuState(page, sel)).focused, 1);
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      assert.equal((await menuState(page, sel)).focused, 3, "ArrowUp wraps to the last");
      await page.keyboard.press("ArrowDown");
      assert.equal((await menuState(page, sel)).focused, 0, "ArrowDown wraps to the first");
      await page.keyboard.press("End");
      assert.equal((await menuState(page, sel)).focused, 3);
      await page.keyboard.press("Home");
      assert.equal((await menuState(page, sel)).focused, 0);
      await page.keyboard.press("s"); // the first item starting with "s": Sao chép mã nhúng
      assert.equal((await menuState(page, sel)).focused, 3);
      await page.keyboard.press("Escape");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.expanded, s.onButton], [false, "false", true], "Escape");

      await page.keyboard.press("ArrowDown");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.focused], [true, 0], "ArrowDown opens on the first");
      await page.keyboard.press("Escape");
      await page.keyboard.press("ArrowUp");
      assert.equal((await menuState(page, sel)).focused, 3, "ArrowUp opens on the last");
      await page.keyboard.press("Escape");
      await page.keyboard.press(" ");
      assert.equal((await menuState(page, sel)).focused, 0, "Space opens");
      await page.keyboard.press("Tab");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.expanded], [false, "false"], "Tab closes and moves on");
      assert.equal(
        await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement), sel),
        false,
        "the focus left the chart",
      );

      // Downloads: each entry, chosen with the keyboard.
      const downloads = {};
      for (const [index, ext] of [
        [0, "png"],
        [1, "svg"],
        [2, "csv"],
      ]) {
        await page.focus(`${sel} .kc-chart__menu-button`);
        await page.keyboard.press("Enter");
        for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.keyboard.press("Enter"),
        ]);
        downloads[ext] = {
          name: download.suggestedFilename(),
          bytes: await readFile(await download.path()),
        };
        s = await menuState(page, sel);
        assert.deepEqual([s.open, s.onButton], [false, true], "closed, focus on its button");
      }
      assert.equal(downloads.png.name, `${SLUG}-sources.png`);
      assert.equal(downloads.svg.name, `${SLUG}-sources.svg`);
      assert.equal(downloads.csv.name, `${SLUG}-sources.csv`);
      assert.deepEqual(
        [...downloads.png.bytes.subarray(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        "a PNG file",
      );
      const [cssWidth, csv, svg] = await page.evaluate(() => {
        const chart = window.khuyencongGallery.charts.get("chart-sources");
        return [parseFloat(getComputedStyle(chart.canvas).width), chart.toCSV(), chart.toSVG()];
      });
      assert.equal(downloads.png.bytes.readUInt32BE(16), Math.round(cssWidth * 2), "PNG width");
      assert.equal(downloads.csv.bytes.toString("utf8"), csv, "the file is toCSV()");
      assert.deepEqual([...downloads.csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "BOM");
      assert.equal(
        downloads.svg.bytes.toString("utf8"),
        `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`,
      );
      // Said to screen readers.
      assert.equal(
        await page.textContent(`${sel} .kc-chart__live`),
        `Đã tạo tệp ${SLUG}-sources.csv.`,
      );

      // In English, the same menu in English.
      await page.check('input[name="locale"][value="en"]');
      s = await menuState(page, sel);
      assert.equal(s.label, "Download / share");
      assert.deepEqual(s.items, MENU.en);

      // A click opens it too, and a click elsewhere closes it.
      await page.click(`${sel} .kc-chart__menu-button`);
      assert.equal((await menuState(page, sel)).open, true);
      await page.screenshot({ path: `${SCREENSHOTS}/export-menu-open.png` });
      await page.mouse.click(5, 5);
      assert.equal((await menuState(page, sel)).open, false);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("under the strict Content-Security-Policy: menu, downloads, copy by hand, table, print", async () => {
    const { context, page, seen } = await openGallery({ csp: true });
    try {
      const sel = "#chart-plan-actual";
      await page.click(`${sel} .kc-chart__table-toggle`);
      for (const index of [0, 1, 2]) {
        await page.focus(`${sel} .kc-chart__menu-button`);
        await page.keyboard.press("Enter");
        for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
        await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      }
      await page.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", { value: undefined });
        document.execCommand = () => false;
      });
      await page.focus(`${sel} .kc-chart__menu-button`);
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.waitForSelector(`${sel} .kc-chart__copy textarea`);
      await page.emulateMedia({ media: "print" });
      await page.waitForFunction(
        (sel) => getComputedStyle(document.querySelector(`${sel} .kc-chart__tools`)).display === "none",
        sel,
      );
      await page.emulateMedia({ media: "screen" });
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("embed.js: an SVG or CSV comes from the full build, fetched at the first one only, under the strict CSP, hidden series kept", async () => {
    const snippet =
      '<script type="module" src="/pkg/embed.js"></script>' +
      '<khuyencong-chart id="e" kind="plan-actual" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
      '<div id="m"></div>'; // both the page's width: laid out alike
    const { context, page, seen, base } = await open({ csp: true, pasted: snippet });
    try {
      await page.goto(`${base}${PASTED}`);
      await page.waitForSelector('khuyencong-chart[data-kc-state="ready"]');
      await page.waitForLoadState("networkidle");
      const fetched = () => seen.requests.map((u) => new URL(u).pathname).filter((p) => /\.(js|wasm)$/.test(p));
      const reader = ["/pkg/embed-draw.js", "/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"];
      assert.deepEqual(fetched().sort(), reader, "a reader who does not export");
      // The reader hides the first series (plan), then downloads the SVG and the CSV.
      await page.click("#e .kc-chart__legend button");
      const downloads = {};
      for (const [index, ext] of [
        [1, "svg"],
        [2, "csv"],
      ]) {
        await page.focus("#e .kc-chart__menu-button");
        await page.keyboard.press("Enter");
        for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
        const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
        downloads[ext] = { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString("utf8") };
      }
      assert.equal(downloads.svg.name, `${SLUG}-plan-actual.svg`);
      // The full build came once, for the first file.
      const full = ["/pkg/core.js", "/pkg/embed-export.js", "/pkg/khuyencong_charts.js", "/pkg/khuyencong_charts_bg.wasm"];
      assert.deepEqual(fetched().sort(), [...reader, ...full].sort());
      // The same chart from the npm entry point (its own build has the exports), the same series
      // hidden: the same files.
      const npm = await page.evaluate(async () => {
        const kc = await import("/pkg/index.js");
        const chart = await kc.mount(document.querySelector("#m"), "/data/phia-bac-2022.json", { kind: "plan-actual" });
        const shown = chart.toSVG();
        document.querySelector("#m .kc-chart__legend button").click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return { shown, svg: chart.toSVG(), csv: chart.toCSV(), hidden: chart.view().legend.map((l) => l.hidden) };
      });
      assert.deepEqual(npm.hidden, [true, false]);
      assert.notEqual(npm.svg, npm.shown, "hiding a series changes the SVG");
      assert.equal(downloads.svg.text, `<?xml version="1.0" encoding="UTF-8"?>\n${npm.svg}`);
      assert.equal(downloads.csv.text, npm.csv);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("embed.js: an error's sentence comes from the full build, fetched only when a chart fails; offline, a general one names the field and the code", async () => {
    // The reader's build has no error sentences: a chart that fails asks the full build.
    const bad = JSON.stringify({ title: "T", unit: "trieu_dong", records: [{ plan: "1,5" }] });
    const snippet =
      '<script type="module" src="/pkg/embed.js"></script>' +
      '<khuyencong-chart id="g" kind="plan-actual" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
      '<khuyencong-chart id="b" kind="plan-actual" src="/__test__/bad.json"></khuyencong-chart>';
    const sentence =
      'records[0].plan: số tiền "1,5" không viết theo dạng chuẩn (dấu chấm thập phân, không phân cách hàng nghìn); hãy viết "1.5".';
    for (const offline of [false, true]) {
      const { context, page, seen, base } = await open({ csp: true, pasted: snippet });
      try {
        await context.route(`${base}__test__/bad.json`, (route) =>
          route.fulfill({ contentType: "application/json", body: bad }),
        );
        // Offline: the full build's wasm cannot be fetched.
        if (offline) await context.route(`${base}pkg/khuyencong_charts_bg.wasm`, (route) => route.abort());
        await page.goto(`${base}${PASTED}`);
        await page.waitForSelector('#g[data-kc-state="ready"]');
        await page.waitForSelector('#b[data-kc-state="error"]');
        const expected = offline ? "records[0].plan: giá trị không hợp lệ (mã lỗi: invalid_amount)." : sentence;
        assert.deepEqual(
          await page.$$eval('#b [role="alert"] p', (ps) => ps.map((p) => p.textContent)),
          ["Không vẽ được biểu đồ.", expected],
        );
        const fetched = seen.requests.map((u) => new URL(u).pathname).filter((p) => /\.(js|wasm)$/.test(p));
        const full = ["/pkg/core.js", "/pkg/embed-export.js", "/pkg/khuyencong_charts.js", "/pkg/khuyencong_charts_bg.wasm"];
        const reader = ["/pkg/embed-draw.js", "/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"];
        assert.deepEqual(fetched.sort(), [...reader, ...full].sort());
        // An option the chart refuses, through the element's handle: the same way, in English.
        const refused = await page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          try {
            await chartOf(document.querySelector("#g")).setOptions({ kind: "pie", locale: "en" });
            return null;
          } catch (e) {
            return { code: e.code, path: e.path, message: e.message, brief: "brief" in e };
          }
        });
        assert.deepEqual(
          { ...refused, message: undefined },
          { code: "invalid_option", path: "options.kind", message: undefined, brief: false },
        );
        if (offline) assert.equal(refused.message, "options.kind: not a valid value (error code: invalid_option).");
        else assert.match(refused.message, /^options\.kind: .*"pie".*"plan-actual"/);
        // The chart that drew keeps drawing; nothing escaped into the page.
        assert.equal(await page.getAttribute("#g", "data-kc-state"), "ready");
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await context.close();
      }
    }
  });

  test('menu: "none" hides it (option and attribute); other values are refused', async () => {
    const { context, page, seen } = await openMounted(PHIA_BAC, { kind: "sources", menu: "none" });
    try {
      const visible = (sel) =>
        page.evaluate((sel) => {
          const node = document.querySelector(sel);
          return Boolean(node && node.offsetParent !== null && node.getClientRects().length);
        }, sel);
      assert.equal(await visible("#c .kc-chart__menu-button"), false);
      assert.equal(await visible("#c .kc-chart__table-toggle"), true, "the table toggle stays");
      await page.evaluate(() => window.chart.setOptions({ menu: "auto" }));
      assert.equal(await visible("#c .kc-chart__menu-button"), true);
      const refused = await page.evaluate(() =>
        window.chart.setOptions({ menu: "hidden" }).catch((e) => [e.code, e.path, e.message]),
      );
      assert.deepEqual(refused, [
        "invalid_option",
        "options.menu",
        'options.menu: cần "auto" hoặc "none", không phải "hidden".',
      ]);

      // The element: menu="none", and back.
      await page.evaluate(async () => {
        await import("/pkg/embed.js");
        const element = document.createElement("khuyencong-chart");
        element.id = "e";
        element.setAttribute("kind", "plan-actual");
        element.setAttribute("src", "/data/phia-bac-2022.json");
        element.setAttribute("menu", "none");
        document.body.append(element);
      });
      await page.waitForSelector('#e[data-kc-state="ready"]');
      assert.equal(await visible("#e .kc-chart__menu-button"), false);
      assert.equal(await visible("#e .kc-chart__table-toggle"), true);
      await page.evaluate(() => document.querySelector("#e").removeAttribute("menu"));
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector("#e .kc-chart__menu-button")).display !== "none" &&
          document.querySelector("#e .kc-chart__menu-button").getClientRects().length > 0,
      );
      // A plain element takes data-menu.
      await page.evaluate(() => {
        const element = document.createElement("div");
        element.id = "p";
        element.dataset.khuyencong = "";
        element.dataset.src = "/data/phia-bac-2022.json";
        element.dataset.menu = "none";
        document.body.append(element);
      });
      await page.waitForSelector('#p[data-kc-state="ready"]');
      assert.equal(await visible("#p .kc-chart__menu-button"), false);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
