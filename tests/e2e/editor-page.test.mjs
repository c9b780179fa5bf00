// The editor page (www/editor.html) in Debian's Chromium as a whole: the interface in English,
// the keyboard (the grid is one tab stop), every field labelled, and its screenshots at phone
// and desktop width (target/screenshots/editor-<width>*.png).
// Every page is served with the strict Content-Security-Policy, and every test ends with no
// console error, no page error and no CSP violation (editor-helpers.mjs has the fixture).
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import {
  assertClean,
  openEditor,
  previewView,
  SCREENSHOTS,
  settle,
  startEditor,
  stopEditor,
  TITLE_2022,
  TSV_2022,
  typeTable,
} from "./editor-helpers.mjs";

before(() => startEditor());
after(stopEditor);

describe("language, keyboard", () => {
  test("switching the interface to English changes the labels and messages, not the chart's language", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022, { title: null });
      assert.equal(await page.textContent('label[for="title"]'), "Tiêu đề (bắt buộc)");
      await page.check('input[name="ui-lang"][value="en"]');
      await settle(page);
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.equal(
        await page.textContent("h1"),
        "Make an industrial promotion chart for an article",
      );
      assert.equal(await page.textContent('label[for="title"]'), "Title (required)");
      assert.equal(
        await page.textContent('label[for="table-input"]'),
        "Paste a table copied from Excel or Google Sheets",
      );
      assert.equal(
        await page.textContent('#unit option[value="ty_dong"]'),
        "billion VND (tỷ đồng)",
      );
      assert.equal(await page.textContent("#copy"), "Copy the code");
      // The package's messages too.
      assert.equal(
        await page.textContent("#title-error"),
        "No title yet: give the chart a title (such as “Industrial promotion funding, … province, …”).",
      );
      assert.match(
        await page.textContent("#status"),
        /^1 error to fix\. The first: Title \(required\): /,
      );
      assert.deepEqual(
        await page.$$eval("#grid thead th .grid__pick", (els) =>
          els.map((e) => e.selectedOptions[0].textContent),
        ),
        ["Source", "Plan", "Actual"],
      );
      await page.fill("#title", TITLE_2022);
      await settle(page);
      assert.equal(await page.textContent("#status"), "The chart is up to date.");
      // The chart is the readers' (Vietnamese), whatever the editor's interface language.
      assert.equal((await previewView(page)).locale, "vi");
      await page.selectOption("#locale", "en");
      await settle(page);
      assert.equal((await previewView(page)).items[0].title, "National industrial promotion");
      assert.match(await page.inputValue("#code"), /#khuyencong=1&amp;kind=sources&amp;locale=en&amp;d=/);

      // The choice is remembered.
      await page.reload();
      await page.evaluate(() => window.khuyencongEditor.ready);
      assert.equal(await page.textContent('label[for="title"]'), "Title (required)");
      await page.check('input[name="ui-lang"][value="vi"]');
      assert.equal(await page.textContent('label[for="title"]'), "Tiêu đề (bắt buộc)");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("keyboard: the grid is one tab stop with arrow keys inside; focus is visible; every field has a label", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022);
      await page.focus("#table-example");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "cell-0-0");
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement).outlineStyle,
      );
      assert.notEqual(outline, "none", "the focused cell shows it");
      await page.keyboard.press("ArrowDown");
      assert.equal(await page.evaluate(() => document.activeElement.id), "cell-1-0");
      await page.keyboard.press("End");
      await page.keyboard.press("ArrowRight");
      assert.equal(await page.evaluate(() => document.activeElement.id), "cell-1-1");
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement.id), "cell-2-1");
      // Tab leaves the grid (the next stop is the title field), Shift+Tab comes back to the
      // cell last used.
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "title");
      await page.keyboard.press("Shift+Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "cell-2-1");

      // Every control has an accessible name.
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea, button")]
          .filter((el) => {
            if (el.type === "hidden") return false;
            const label =
              el.labels?.length > 0 ||
              el.getAttribute("aria-label") ||
              el.getAttribute("aria-labelledby");
            const text = el.tagName === "BUTTON" && el.textContent.trim() !== "";
            return !(label || text);
          })
          .map((el) => el.id || el.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(unnamed, []);
      assert.equal(await page.getAttribute("#cell-1-1", "aria-label"), "Ô B2, cột Kế hoạch");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("screenshots of the editor (target/screenshots/editor-*.png)", () => {
  for (const width of [1280, 390]) {
    test(`${width} px`, async () => {
      const { context, page, seen } = await openEditor({
        viewport: { width, height: width < 600 ? 844 : 900 },
        deviceScaleFactor: width < 600 ? 2 : 1,
        hasTouch: width < 600,
        isMobile: width < 600,
      });
      try {
        await page.click("#table-example");
        await settle(page);
        await page.evaluate(() => document.fonts.ready);
        const layout = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
        }));
        assert.ok(
          layout.page <= layout.viewport,
          `no sideways scrolling: ${JSON.stringify(layout)}`,
        );
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/editor-${width}.png`, fullPage: true });

        // With a question and an error showing.
        await page.fill(
          "#table-input",
          "Tỉnh\tNguồn\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n" +
            "Cao Bằng\tKCQG\t13.800\t2.550,5\n" +
            "Cao Bằng\tKCĐP\t4.446\t1.810\n" +
            "Đắk Lắk\tKCĐP\t–\thai nghìn\n",
        );
        await settle(page);
        assert.equal(await page.locator("#questions fieldset").count(), 1);
        assert.equal(await page.locator('#grid [aria-invalid="true"]').count(), 1);
        if (width < 600) await page.check('input[name="device"][value="desktop"]');
        await page.screenshot({
          path: `${SCREENSHOTS}/editor-${width}-problems.png`,
          fullPage: true,
        });
        await assertClean(page, seen);
      } finally {
        await context.close();
      }
    });
  }
});
