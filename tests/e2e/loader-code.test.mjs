// The embed code that survives rich-text editors (src/js/embed-code.js: a picture, a link to
// chart.html, a table), end to end in Debian's Chromium, as a portal uses it: with the site
// loader's one line in the template's <head> (src/js/embed.js, built into www/pkg/), the picture
// draws as the chart's SVG export does, also when uploaded (under a policy without data: images);
// without it, the picture, link and table show and chart.html draws the chart.
// Everything runs under the strict Content-Security-Policy (helpers.mjs: it allows data: images,
// which the picture is), and no test allows a violation. The codes are written once, in
// before(), by charts mounted through /pkg/index.js, the npm entry point; articles are served on
// the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/loader-code.test.mjs   (needs www/pkg/ built and playwright-core)

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { cspViolations, repoPath, STRICT_CSP } from "./helpers.mjs";
import {
  articleHtml,
  assertInk,
  assertPictures,
  browser,
  chartItems,
  codes,
  drawn,
  open,
  PARAGRAPH,
  pathsOf,
  site,
  useLoaderFixture,
  VIEW_WASM,
} from "./loader-helpers.mjs";

useLoaderFixture();

const SCREENSHOTS = repoPath("target", "screenshots");
/** The strict policy of a portal whose images come from its own origin only. */
const SELF_IMAGES_CSP = STRICT_CSP.replace(/; img-src [^;]*/, "");

describe("the picture, link and table of toEmbedCode()", () => {
  test("the code is the picture, the link to chart.html and the table, with no script", () => {
    const { code, href } = codes.sources;
    assert.match(code, /^<p><img src="data:image\/svg\+xml,%3C!--khuyencong-charts--%3E%3Csvg font-family='/);
    assert.match(code, / width="440" height="\d+"><\/p>\n<p><a href="/);
    assert.match(href, /\/pkg\/chart\.html#khuyencong=1&kind=sources&d=[\w-]+$/);
    assert.match(code, /<table>\n {2}<caption>Kinh phí khuyến công 28 tỉnh/);
    assert.doesNotMatch(code, /<script|data-khuyencong|<iframe|style=/);
    assert.match(codes.sources.uploaded, /^<p><img src="\/__test__\/uploads\/khuyencong-phia-bac-2022\.png"/);
  });

  test("the picture in the code draws as the chart's SVG export does, in under a third of its bytes for 63 provinces", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}charts.html`);
      const charts = [
        ["sources", "/data/phia-bac-2022.json"],
        ["summary", "/data/phia-bac-2022.json"],
        ["regions", "/data/63-tinh-minh-hoa.json"],
      ];
      const compared = await page.evaluate(async (charts) => {
        const { mount } = await import("/pkg/index.js");
        const { svgDataUrl } = await import("/pkg/embed-code.js");
        const pixels = async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext("2d");
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        };
        const out = [];
        for (const [kind, src] of charts) {
          const host = document.createElement("div");
          document.body.append(host);
          const chart = await mount(host, src, { kind });
          const svg = chart.toSVG({ picture: true });
          const url = svgDataUrl(svg);
          const a = await pixels(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
          const b = await pixels(url);
          let max = 0;
          for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
          out.push({ kind, size: a.length === b.length, max, svg: svg.length, url: new Blob([url]).size });
          chart.destroy();
        }
        return out;
      }, charts);
      for (const c of compared) {
        // Antialiasing may move a channel by a few levels (one path for the hatching instead of
        // a line at a time); nothing a reader could see.
        assert.ok(c.size && c.max <= 8, JSON.stringify(c));
      }
      const regions = compared.find((c) => c.kind === "regions");
      assert.ok(regions.url < regions.svg / 3, JSON.stringify(regions));
    } finally {
      await context.close();
    }
  });

  for (const [width, height, dpr] of [
    [390, 844, 2],
    [1280, 900, 1],
  ]) {
    test(`with the loader, the chart takes the picture's box and nothing moves (${width} px; screenshots loader-${width}-*.png)`, async () => {
      const { context, page, seen, url } = await open({
        viewport: { width, height },
        deviceScaleFactor: dpr,
        articles: {
          "bai-viet.html": articleHtml(`${codes.sources.code}\n<p id="after">${PARAGRAPH.slice(3)}`),
        },
      });
      try {
        // embed-draw.js held back until the picture is measured and photographed.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route("**/pkg/embed-draw.js", async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(url("bai-viet.html"));
        await page.waitForFunction(() => document.querySelector("img").complete);
        await page.evaluate(() => document.fonts.ready);
        const before = await page.evaluate(() => ({
          img: document.querySelector("img").getBoundingClientRect().toJSON(),
          after: document.querySelector("#after").getBoundingClientRect().top,
        }));
        await assertPictures(page, 1);
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/loader-${width}-before.png`, fullPage: true });
        release();
        await drawn(page);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const swapped = await page.evaluate(() => {
          const box = document.querySelector(".kc-embed");
          const canvas = box.querySelector("canvas");
          return {
            boxes: document.querySelectorAll(".kc-embed").length,
            imgDisplay: getComputedStyle(document.querySelector("img")).display,
            box: box.getBoundingClientRect().toJSON(),
            canvas: canvas.getBoundingClientRect().toJSON(),
            after: document.querySelector("#after").getBoundingClientRect().top,
            inParagraph: box.parentElement === document.querySelector("img").parentElement,
          };
        });
        assert.equal(swapped.boxes, 1);
        assert.equal(swapped.imgDisplay, "none", "the picture is hidden");
        assert.ok(swapped.inParagraph, "the chart sits where the picture was");
        for (const key of ["top", "left", "width", "height"]) {
          assert.ok(
            Math.abs(swapped.box[key] - before.img[key]) <= 1,
            `box ${key}: ${swapped.box[key]} vs the picture's ${before.img[key]}`,
          );
        }
        // The canvas (the chart and its controls) fills the box.
        assert.ok(Math.abs(swapped.canvas.height - before.img.height) <= 1, JSON.stringify(swapped.canvas));
        assert.ok(Math.abs(swapped.after - before.after) <= 1, `the next paragraph moved: ${before.after} → ${swapped.after}`);
        // The same figures as the chart that wrote the code; the picture and the link both
        // name the handle.
        const chart = await chartItems(page);
        assert.deepEqual(chart, {
          sameForLink: true,
          kind: codes.sources.kind,
          title: codes.sources.title,
          items: codes.sources.items,
        });
        await assertInk(page);
        await page.screenshot({ path: `${SCREENSHOTS}/loader-${width}-after.png`, fullPage: true });
        assert.deepEqual(pathsOf(seen, (p) => p.endsWith(".wasm")), [VIEW_WASM]);
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.consoleErrors, []);
        assert.deepEqual(seen.pageErrors, []);
        assert.deepEqual(seen.warnings, []);
      } finally {
        await context.close();
      }
    });
  }

  test("an uploaded picture (a PNG named khuyencong-…) is swapped the same way, under a policy without data: images", async () => {
    const { context, page, seen, url } = await open({
      csp: SELF_IMAGES_CSP,
      articles: { "bai-viet.html": articleHtml(`${codes.sources.uploaded}\n<p id="after">Hết.</p>`) },
    });
    try {
      await page.goto(url("bai-viet.html"));
      await drawn(page);
      assert.deepEqual(await chartItems(page), {
        sameForLink: true,
        kind: codes.sources.kind,
        title: codes.sources.title,
        items: codes.sources.items,
      });
      await assertInk(page);
      const box = await page.$eval(".kc-embed", (b) => b.getBoundingClientRect().toJSON());
      const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(codes.sources.uploaded).map(Number);
      assert.deepEqual([box.width, Math.round(box.height)], [w, h]);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("without the loader", () => {
  test("the picture, link and table show; the link opens chart.html, which draws the chart", async () => {
    const { context, page, seen, url } = await open({
      viewport: { width: 390, height: 844 },
      articles: { "bai-viet.html": articleHtml(codes.sources.code, { loader: false }) },
    });
    try {
      await page.goto(url("bai-viet.html"));
      await page.waitForFunction(() => document.querySelector("img").complete);
      await assertPictures(page, 1);
      assert.ok(await page.locator("table").isVisible());
      assert.deepEqual(
        await page.$$eval("table tbody th", (ths) => ths.map((th) => th.textContent)),
        codes.sources.items.map((i) => i.title),
      );
      assert.equal(await page.locator(".kc-embed").count(), 0);
      assert.ok(!seen.requests.some((u) => u.includes("/pkg/")), "nothing of the package");

      // The reader follows the link: chart.html draws the chart from it alone.
      await page.click("text=Xem biểu đồ tương tác");
      await page.waitForURL(/\/pkg\/chart\.html#khuyencong=1/);
      await page.waitForSelector("#chart canvas.kc-chart__canvas");
      const shown = await page.evaluate(() => ({
        title: document.title,
        heading: document.querySelector("#page-title").textContent,
        message: document.querySelector("#message").hidden,
      }));
      assert.deepEqual(shown, { title: codes.sources.title, heading: codes.sources.title, message: true });
      // Its table ("Xem bảng số liệu") has the rows of the article's table.
      await page.click("#chart .kc-chart__table-toggle");
      const rows = await page.$$eval("#chart .kc-chart__table tbody th", (ths) => ths.map((th) => th.textContent));
      assert.deepEqual(rows, codes.sources.items.map((i) => i.title).filter((t, i, all) => all.indexOf(t) === i));
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("chart.html with a link cut short says so in Vietnamese, and shows no JSON", async () => {
    const { context, page, seen } = await open();
    try {
      const href = codes.sources.href.replace(/^http:\/\/[^/]+\//, site.url);
      for (const broken of [href.slice(0, href.length - 40), href.slice(0, href.indexOf("&d=") + 30), href.replace(/&d=.*$/, "")]) {
        await page.goto(broken);
        await page.waitForSelector("#message:not([hidden])");
        const alert = page.locator('[role="alert"]');
        assert.equal(await alert.count(), 1);
        assert.match(await alert.textContent(), /^Liên kết này không chứa đủ số liệu của biểu đồ \(có thể đã bị cắt khi sao chép\)/);
        const text = await page.evaluate(() => document.body.innerText);
        assert.doesNotMatch(text, /\{|khuyencong=|Failed|atob/, broken);
        assert.equal(await page.locator("#chart canvas").count(), 0);
        assert.deepEqual(await cspViolations(page), []);
      }
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
