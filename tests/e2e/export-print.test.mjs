// A chart printed (issue 9), in Debian's Chromium: the layout at the printed width in the light
// theme, and the demo article printed to PDF, its pages turned into images with pdftoppm and
// checked.
// Run: node --test tests/e2e/export-print.test.mjs   (needs www/pkg/ built,
// node_modules/playwright-core, and pdftoppm from poppler-utils for the pages of the PDF)

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { settleCharts } from "./helpers.mjs";
import { open, SCREENSHOTS, site, useExportFixture } from "./export-helpers.mjs";

useExportFixture();

const PDFTOPPM = "/usr/bin/pdftoppm";

/** Opens the demo article and has each of its pictures become its chart (embed.js draws a chart
 * as it nears the viewport); `window.__chartOf` is embed.js's chartOf, for PRINT_STATE. */
async function openArticle(page) {
  await page.goto(`${site.url}index.html`);
  await settleCharts(page);
  await page.evaluate(async () => {
    window.__chartOf = (await import("/pkg/embed.js")).chartOf;
  });
}

/** Per chart of the page: what print needs checked (read in the page). */
const PRINT_STATE = `() => [...document.querySelectorAll(".kc-chart")].map((wrapper) => {
  const canvas = wrapper.querySelector("canvas.kc-chart__canvas");
  const style = getComputedStyle(canvas);
  const handle = window.__chartOf(wrapper.closest(".kc-embed"));
  const pixel = [...canvas.getContext("2d").getImageData(0, 0, 1, 1).data.slice(0, 3)];
  return {
    wrapper: parseFloat(getComputedStyle(wrapper).width),
    cssWidth: parseFloat(style.width),
    cssHeight: parseFloat(style.height),
    width: canvas.width,
    height: canvas.height,
    viewHeight: handle ? handle.view().height : null,
    tools: getComputedStyle(wrapper.querySelector(".kc-chart__tools")).display,
    pixel,
  };
})`;

describe("print", () => {
  test("print media: light theme, no controls, laid out at the width, not stretched", async () => {
    const { context, page, seen } = await open({ colorScheme: "dark" });
    try {
      await openArticle(page);
      const state = () => page.evaluate(`(${PRINT_STATE})()`);
      const screen = await state();
      for (const c of screen) {
        assert.deepEqual(c.pixel, [0x15, 0x19, 0x1e], "dark on screen");
        assert.equal(c.tools, "flex");
      }
      await page.emulateMedia({ media: "print" });
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".kc-chart__tools")].every(
          (t) => getComputedStyle(t).display === "none",
        ),
      );
      const printed = await state();
      for (const [i, c] of printed.entries()) {
        assert.deepEqual(c.pixel, [255, 255, 255], "light in print");
        assert.equal(c.tools, "none", "no buttons in print");
        assert.ok(Math.abs(c.cssWidth - c.wrapper) < 0.01, "as wide as its box");
        assert.equal(c.width, Math.round(c.wrapper * 2), "at least 2 px per CSS px");
        // In proportion: the pixels' shape is the box's (no stretching), and the band of
        // controls is gone from the height.
        assert.ok(Math.abs(c.width / c.height - c.cssWidth / c.cssHeight) < 0.01, JSON.stringify(c));
        assert.ok(c.viewHeight < screen[i].viewHeight, "no band of controls");
      }
      await page.emulateMedia({ media: "screen" });
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".kc-chart__tools")].every(
          (t) => getComputedStyle(t).display === "flex",
        ),
      );
      const back = await state();
      assert.deepEqual(
        back.map((c) => [c.pixel, c.tools, c.viewHeight]),
        screen.map((c) => [c.pixel, c.tools, c.viewHeight]),
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the demo article printed to PDF (A4): charts at the printed width, light; pages checked", async (t) => {
    const { context, page, seen } = await open({ colorScheme: "dark" });
    const dir = await mkdtemp(path.join(tmpdir(), "kc-print-"));
    try {
      await openArticle(page);
      const screen = await page.evaluate(`(${PRINT_STATE})()`);
      // Recorded while Chromium lays the page out for print: this query was made after the
      // charts', so its listener runs after theirs.
      await page.evaluate(`(() => {
        window.__printed = [];
        matchMedia("print").addEventListener("change", (e) => {
          if (e.matches) window.__printed.push((${PRINT_STATE})());
        });
      })()`);
      const pdf = path.join(dir, "article.pdf");
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      const [printed] = await page.evaluate(() => window.__printed);
      assert.ok(printed, "the print query changed during page.pdf()");
      assert.equal(printed.length, 3);
      for (const [i, c] of printed.entries()) {
        // Each chart keeps its picture's width (440 px, narrower than the printed column), drawn
        // again at the print's resolution, without its controls.
        assert.ok(c.viewHeight < screen[i].viewHeight, "no band of controls");
        assert.equal(c.width, Math.round(c.wrapper * 2), "laid out again at that width");
        // As wide as its box, or a little narrower where the layout at the printed width is
        // taller than the height the page was paginated with (it keeps that height).
        assert.ok(c.cssWidth <= c.wrapper + 0.01 && c.cssWidth > c.wrapper * 0.85, JSON.stringify(c));
        assert.ok(Math.abs(c.width / c.height - c.cssWidth / c.cssHeight) < 0.01, "not stretched");
        assert.deepEqual(c.pixel, [255, 255, 255], "light theme");
        assert.equal(c.tools, "none");
      }
      // Afterwards the screen is as it was.
      const after = await page.evaluate(`(${PRINT_STATE})()`);
      assert.deepEqual(
        after.map((c) => [c.pixel, c.width, c.viewHeight]),
        screen.map((c) => [c.pixel, c.width, c.viewHeight]),
      );
      assert.deepEqual(seen.pageErrors, []);

      if (!existsSync(PDFTOPPM)) {
        t.diagnostic(`${PDFTOPPM} missing (apt-get install -y poppler-utils): pages not checked`);
        return;
      }
      // Nothing cut off: the article's last line (its author) is in the PDF's text.
      const text = execFileSync(path.join(path.dirname(PDFTOPPM), "pdftotext"), [pdf, "-"], {
        encoding: "utf8",
      });
      assert.match(text, /Chiều ngày 27 tháng 7 năm 2023/);
      assert.match(text.trim(), /Nguyễn Hữu$/, "the article's last line is printed");
      assert.doesNotMatch(text, /Tin khác|Tải xuống|Xem bảng số liệu/, "no sidebar, no buttons");
      execFileSync(PDFTOPPM, ["-r", "72", "-png", pdf, path.join(dir, "page")]);
      const pages = (await readdir(dir)).filter((f) => f.endsWith(".png")).sort();
      assert.ok(pages.length >= 3 && pages.length <= 6, `${pages.length} pages`);
      for (const [i, name] of pages.entries()) {
        await writeFile(
          path.join(SCREENSHOTS, `print-page-${i + 1}.png`),
          await readFile(path.join(dir, name)),
        );
      }
      // Each page, read back: no navigation bar, no header band, no dark chart background; the
      // charts' light-theme marks are there.
      const analysis = await page.evaluate(async (images) => {
        const out = [];
        for (const b64 of images) {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement("canvas");
          c.width = img.naturalWidth;
          c.height = img.naturalHeight;
          const ctx = c.getContext("2d");
          ctx.drawImage(img, 0, 0);
          const { data } = ctx.getImageData(0, 0, c.width, c.height);
          const near = (i, [r, g, b]) =>
            Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24;
          // Rows of the page that are mostly one colour (in more than 40% of their pixels): a
          // filled band (a bar of navigation, a header) is many such rows; a rule, two or three.
          const band = (rgb) => {
            let rows = 0;
            for (let y = 0; y < c.height; y++) {
              let n = 0;
              for (let x = 0; x < c.width; x++) if (near((y * c.width + x) * 4, rgb)) n++;
              if (n > c.width * 0.4) rows++;
            }
            return rows;
          };
          let national = 0;
          for (let i = 0; i < data.length; i += 4) if (near(i, [0x0a, 0x5c, 0xad])) national++;
          out.push({
            nav: band([0x08, 0x38, 0x66]), // .site-nav, dark blue
            header: band([0x0b, 0x4a, 0x8b]), // .site-header's blue band
            dark: band([0x15, 0x19, 0x1e]), // a chart in the dark theme
            national,
          });
        }
        return out;
      }, await Promise.all(pages.map(async (f) => (await readFile(path.join(dir, f))).toString("base64"))));
      for (const [i, p] of analysis.entries()) {
        assert.ok(p.nav < 4, `page ${i + 1}: no navigation bar (${p.nav} rows)`);
        assert.ok(p.header < 4, `page ${i + 1}: no coloured header band (${p.header} rows)`);
        assert.ok(p.dark < 4, `page ${i + 1}: no dark chart (${p.dark} rows)`);
      }
      assert.ok(
        analysis.filter((p) => p.national > 50).length >= 2,
        "the charts' national blue is printed",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
      await context.close();
    }
  });
});
