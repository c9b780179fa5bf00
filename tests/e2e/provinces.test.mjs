// Vietnam's 34 provinces since 1 July 2025 in the browser (src/regions, through the built
// package in www/pkg/): `analyze` and `mount()` with `regions: "2025"`, the embed attribute
// regions="2025" and the code a chart writes for it, the chart's note in both languages, and
// screenshots of the 34-unit regions chart at a phone's and a desktop's width (looked at: see
// target/screenshots/provinces-*.png).
// Run: node --test tests/e2e/provinces.test.mjs   (needs www/pkg/ built from this crate)

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { cspViolations, openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
const TREND = "/data/xu-huong-2021-2026-minh-hoa.json";
const NOTE_VI = "Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay.";
const NOTE_EN = "Figures of provinces before the 2025 merger are added up under today's provinces.";
/** The trend sample's current units, largest first, once former provinces are added up. */
const MERGED = ["Thành phố Hồ Chí Minh", "Tuyên Quang", "Lào Cai", "Thái Nguyên"];

let fixture;
let browser;
let site;

before(async () => {
  assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg is missing: make www-pkg");
  fixture = await startFixture({ site: { csp: true } });
  ({ browser, site } = fixture);
});

after(() => fixture?.close());

/** A page on the site's origin under the strict policy, with `body`, and embed.js if asked. */
async function open({ body = "", embed = false, viewport = { width: 1000, height: 900 } } = {}) {
  const url = `${site.url}__test__/page.html`;
  const opened = await openPage(browser, { viewport, csp: true, pages: { [url]: testPage(body, { embed }) } });
  await opened.page.goto(url);
  return opened;
}

async function clean(page, seen) {
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  assert.deepEqual(await cspViolations(page), []);
}

describe("analyze with regions", () => {
  test("former provinces add up, to the digit, under today's; the analysis says what it combined", async () => {
    const { context, page, seen } = await open();
    try {
      const got = await page.evaluate(async (url) => {
        const kc = await import("/pkg/index.js");
        await kc.ready();
        const data = await (await fetch(url)).json();
        const names = kc.analyze(data);
        const merged = kc.analyze(data, { regions: "2025" });
        const written = kc.analyze(data, { regions: "as-written" });
        let error = null;
        try {
          kc.analyze(data, { regions: "2024" });
        } catch (e) {
          error = { name: e.name, code: e.code, path: e.path };
        }
        const total = (a) => [a.total.plan, a.total.actual];
        return {
          totals: [total(names), total(merged), total(written)],
          names: names.byRegion.map((g) => g.key),
          merged: merged.byRegion.map((g) => [g.key, g.actual]),
          writtenCount: written.byRegion.length,
          former: merged.regions.former,
          mode: merged.regions.mode,
          hcm: merged.regions.combined.find((c) => c.key === "Thành phố Hồ Chí Minh"),
          sum: merged.byRegion.reduce((s, g) => s + Math.round(Number(g.actual)), 0),
          error,
        };
      }, TREND);
      assert.deepEqual(got.totals[0], got.totals[1]);
      assert.deepEqual(got.totals[0], got.totals[2]);
      assert.equal(got.sum, Number(got.totals[1][1]), "the groups add up to the total");
      assert.equal(got.names.length, 9);
      assert.ok(got.names.includes("Hà Giang") && got.names.includes("Bà Rịa – Vũng Tàu"));
      assert.ok(got.writtenCount > 9, "as written, every spelling is a region of its own");
      assert.deepEqual(
        got.merged.map(([k]) => k).sort(),
        [...MERGED].sort(),
      );
      assert.equal(got.mode, "2025");
      assert.deepEqual(got.former, ["Hà Giang", "Yên Bái", "Bắc Kạn", "Bình Dương", "Bà Rịa – Vũng Tàu"]);
      const texts = got.hcm.from.map((f) => f.text);
      for (const t of ["TP.HCM", "Bình Dương", "BR-VT", "Thành phố Hồ Chí Minh"]) {
        assert.ok(texts.includes(t), `${t} in ${texts}`);
      }
      assert.deepEqual(got.error, { name: "KhuyenCongError", code: "invalid_option", path: "options.regions" });
      await clean(page, seen);
    } finally {
      await context.close();
    }
  });
});

describe("charts by today's provinces", () => {
  test("mount(): regions 2025 draws the current units with the note, in vi and en; names mode without", async () => {
    const { context, page, seen } = await open({ body: '<div id="host"></div>' });
    try {
      const got = await page.evaluate(async (url) => {
        const kc = await import("/pkg/index.js");
        const host = document.getElementById("host");
        host.style.width = "640px"; // CSSOM: the strict policy refuses style attributes
        const chart = await kc.mount(host, url, { kind: "regions", regions: "2025" });
        // One item per bar segment (a source): the regions, in order, once each.
        const view = () => {
          const v = chart.view();
          return { items: [...new Set(v.items.map((it) => it.title))], description: v.description };
        };
        const vi = view();
        await chart.setOptions({ locale: "en" });
        const en = view();
        await chart.setOptions({ regions: "names", locale: "vi" });
        const names = view();
        await chart.setOptions({ kind: "trend", regions: "2025" });
        const trend = view();
        const csv = chart.toCSV();
        chart.destroy();
        return { vi, en, names, trend, csv };
      }, TREND);
      assert.deepEqual(got.vi.items, MERGED);
      assert.ok(got.vi.description.endsWith(NOTE_VI), got.vi.description);
      assert.ok(got.en.description.endsWith(NOTE_EN), got.en.description);
      assert.equal(got.names.items.length, 9);
      assert.ok(!got.names.description.includes(NOTE_VI));
      assert.deepEqual(got.trend.items.length > 0, true);
      assert.ok(got.trend.description.endsWith(NOTE_VI));
      assert.ok(got.csv.includes("2026"));
      await clean(page, seen);
    } finally {
      await context.close();
    }
  });

  test('<khuyencong-chart regions="2025">: the attribute regroups, changing it draws again, and the chart\'s code keeps it', async () => {
    const { context, page, seen } = await open({
      embed: true,
      body: `<khuyencong-chart id="c" kind="regions" regions="2025" src="${TREND}"></khuyencong-chart>`,
    });
    try {
      await page.waitForFunction(() => document.querySelector("#c").dataset.kcState === "ready");
      const titles = () =>
        page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          return [...new Set(chartOf(document.querySelector("#c")).view().items.map((it) => it.title))];
        });
      assert.deepEqual(await titles(), MERGED);
      const code = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        return chartOf(document.querySelector("#c")).toEmbedCode();
      });
      // The link to chart.html carries the option as the attribute's name (& written &amp;).
      assert.match(code, /(#|&amp;|&)regions=2025(&|")/);
      await page.evaluate(() => document.querySelector("#c").setAttribute("regions", "names"));
      await page.waitForFunction(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        return new Set(chartOf(document.querySelector("#c")).view().items.map((it) => it.title)).size === 9;
      });
      await clean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("across the merger: the sample by region without and with regrouping, and its trend, as screenshots", async () => {
    const { context, page, seen } = await open({
      viewport: { width: 700, height: 900 },
      body: '<div id="names"></div><div id="merged"></div><div id="trend"></div>',
    });
    try {
      const got = await page.evaluate(async (url) => {
        const kc = await import("/pkg/index.js");
        const mount = (id, options) =>
          kc.mount(document.getElementById(id), url, { theme: "light", ...options });
        const names = await mount("names", { kind: "regions" });
        const merged = await mount("merged", { kind: "regions", regions: "2025" });
        const trend = await mount("trend", { kind: "trend", regions: "2025" });
        const rows = (c) => c.view().table.rows.map((r) => r.join(" | "));
        return { names: rows(names), merged: rows(merged), trend: rows(trend) };
      }, TREND);
      // The two tables end with the same total, to the digit.
      assert.equal(got.names.at(-1), got.merged.at(-1));
      assert.equal(got.names.length - got.merged.length, 5, "five former provinces fewer");
      await mkdir(SCREENSHOTS, { recursive: true });
      for (const id of ["names", "merged", "trend"]) {
        await page.locator(`#${id}`).screenshot({ path: `${SCREENSHOTS}/provinces-merger-${id}.png` });
      }
      await clean(page, seen);
    } finally {
      await context.close();
    }
  });

  for (const width of [360, 1280]) {
    test(`the 34-unit regions chart at ${width} px: every unit, whole names in the tooltips, a screenshot`, async () => {
      const { context, page, seen } = await open({
        viewport: { width, height: 900 },
        body: '<div id="host"></div>',
      });
      try {
        const got = await page.evaluate(async () => {
          const kc = await import("/pkg/index.js");
          const chart = await kc.mount(document.getElementById("host"), "/data/34-tinh-minh-hoa.json", {
            kind: "regions",
            theme: "light",
          });
          const v = chart.view();
          return {
            titles: [...new Set(v.items.map((it) => it.title))],
            height: v.height,
            canvas: chart.canvas.getBoundingClientRect().width,
            table: v.table.rows.length,
          };
        });
        assert.equal(got.titles.length, 34);
        assert.ok(got.titles.includes("Thành phố Hồ Chí Minh") && got.titles.includes("Huế"));
        assert.ok(got.canvas <= width, `canvas ${got.canvas} px in a ${width} px viewport`);
        assert.ok(got.height > 34 * 14 && got.height < 34 * 60, `height ${got.height}`);
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.locator("#host").screenshot({ path: `${SCREENSHOTS}/provinces-34-${width}.png` });
        await clean(page, seen);
      } finally {
        await context.close();
      }
    });
  }
});
