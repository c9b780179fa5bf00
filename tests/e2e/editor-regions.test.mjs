// Issue 20 in the editor page (www/editor.html), in Debian's Chromium: the offer of today's 34
// provinces (since the 2025 merger) in one click, never automatic; the notes about province
// names; screenshots (target/screenshots/editor-regions-*.png).
// Every page is served with the strict Content-Security-Policy, and every test ends with no
// console error, no page error and no CSP violation (editor-helpers.mjs has the fixture).
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { repoPath, watchPage } from "./helpers.mjs";
import {
  assertClean,
  editorState,
  listTexts,
  openEditor,
  openTech,
  PICTURE_CODE,
  previewView,
  SCREENSHOTS,
  settle,
  startEditor,
  stopEditor,
  typeTable,
} from "./editor-helpers.mjs";

/** 2021–2026 figures as a sheet of the time writes them: former and current names, several
 * spellings (rows 2–12 of the grid). Hà Giang went into Tuyên Quang, Bình Dương into Thành phố
 * Hồ Chí Minh; "Hà Giang" is still written in 2026 (row 12). One cell per column with a
 * decimal comma settles the notation. */
const MERGER_TSV =
  "Tỉnh\tNăm\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n" +
  "tỉnh Ha Giang\t2021\t1.170,5\t1.080,5\n" +
  "Tuyên Quang\t2021\t1.020\t940\n" +
  "TP.HCM\t2021\t2.530\t2.340,75\n" +
  "Bình Dương\t2021\t1.600\t1.480,25\n" +
  "Hà Giang\t2022\t1.230\t1.140\n" +
  "Tuyên Quang\t2022\t1.080\t1.000\n" +
  "TP. Hồ Chí Minh\t2022\t2.680\t2.480\n" +
  "Binh Duong\t2022\t1.700\t1.570\n" +
  "Tuyên Quang\t2026\t2.500\t2.310\n" +
  "Thành phố Hồ Chí Minh\t2026\t4.700\t4.400,5\n" +
  "Hà Giang\t2026\t300\t250\n";

const MERGER_TITLE = "Kinh phí khuyến công một số tỉnh, 2021–2026";

const OFFER_VI =
  "Bảng có tên tỉnh trước sáp nhập năm 2025 (Hà Giang, Bình Dương). Cộng số liệu theo 34 tỉnh, thành phố hiện nay?";

const MERGED_NOTE = "Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay";

/** Words a journalist should not read: the package's, the programmer's. */
const DEVELOPER_WORDS =
  /\bJSON\b(?!, cho kỹ thuật viên)|\bregions\b|\boption\b|records\[|\bplan\b|\bactual\b|possible_province|former_province/;

const offerState = (page) =>
  page.evaluate(() => {
    const box = document.getElementById("regions");
    const list = [...document.querySelectorAll("#regions-list li")].map((li) => li.textContent);
    return {
      shown: !box.hidden,
      prominent: box.classList.contains("offer--prominent"),
      text: document.getElementById("regions-text").textContent,
      more: document.getElementById("regions-more").hidden
        ? null
        : document.getElementById("regions-more").textContent,
      list: document.getElementById("regions-combined").hidden ? [] : list,
      button: document.getElementById("regions-apply").textContent,
    };
  });

const titlesOf = async (page, which = "desktop") =>
  [...new Set((await previewView(page, which)).items.map((it) => it.title))].sort();

const pictureHref = async (page) => {
  const [, href] = PICTURE_CODE.exec(await page.inputValue("#code")) ?? [];
  return href ?? "";
};

const panelsText = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".editor__inputs .panel, .panel--preview")]
      .map((el) => el.innerText)
      .join("\n"),
  );

before(() => startEditor());
after(stopEditor);

describe("issue 20: the editor offers today's 34 provinces in one click", () => {
  test("a 2021–2026 table with former names: the offer names them; one click adds them up under today's units, exactly, says which rows, and travels in the code; undo gives the names back", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, MERGER_TSV, { title: MERGER_TITLE, unit: null });
      let state = await editorState(page);
      assert.deepEqual(state.errors, []);
      assert.deepEqual(state.questions.filter((q) => q.answer === null), []);
      assert.equal(state.data.unit, "trieu_dong", "the unit from the column names");
      assert.equal(await page.inputValue("#kind"), "regions");

      // Never automatic: the chart shows the provinces as written (spellings recognized).
      assert.equal(state.regions.choice, null);
      assert.deepEqual(state.regions.former, ["Hà Giang", "Bình Dương"]);
      assert.equal(state.options.regions, undefined);
      assert.deepEqual(await titlesOf(page), ["Bình Dương", "Hà Giang", "Thành phố Hồ Chí Minh", "Tuyên Quang"]);
      assert.doesNotMatch(await pictureHref(page), /regions=/);
      const names = state.analysis;
      assert.equal(names.total.actual, "18992");
      assert.equal(names.total.plan, "20510.5");
      const byName = Object.fromEntries(names.byRegion.map((g) => [g.key, g.actual]));
      assert.deepEqual(byName, {
        "Hà Giang": "2470.5",
        "Tuyên Quang": "4250",
        "Thành phố Hồ Chí Minh": "9221.25",
        "Bình Dương": "3050.25",
      });

      // The offer, beside the preview, prominent: the chart is split by province.
      let offer = await offerState(page);
      assert.deepEqual(offer, {
        shown: true,
        prominent: true,
        text: OFFER_VI,
        more: "Biểu đồ đang chia theo tên tỉnh như đã ghi: Hà Giang vẫn đứng riêng, dù từ năm 2025 đã thuộc Tuyên Quang.",
        list: [],
        button: "Cộng theo tỉnh hiện nay",
      });
      // The 2026 row still written "Hà Giang" is a note at its cell, in plain words.
      const former =
        "“Hà Giang” là tên trước sáp nhập: từ ngày 1/7/2025 Hà Giang thuộc Tuyên Quang, nhưng hàng năm 2026 vẫn ghi tên cũ.";
      const warnings = await listTexts(page, "#warning-list li");
      assert.deepEqual(warnings, [
        `Ô A12 (Tỉnh): ${former} Bấm “Cộng theo tỉnh hiện nay” để cộng vào Tuyên Quang, hoặc sửa lại tên.`,
      ]);
      assert.equal(await page.getAttribute("#warning-list li", "data-code"), "former_province");
      assert.ok(
        await page.$eval("#cell-11-0", (input) => input.closest("td").classList.contains("grid__cell--note")),
        "the cell is marked",
      );
      assert.doesNotMatch(await panelsText(page), DEVELOPER_WORDS);

      // One click.
      await page.getByRole("button", { name: "Cộng theo tỉnh hiện nay" }).click();
      await settle(page);
      state = await editorState(page);
      assert.deepEqual(state.errors, []);
      assert.equal(state.regions.choice, "2025");
      assert.equal(state.options.regions, "2025");
      for (const which of ["desktop", "phone"]) {
        assert.deepEqual(await titlesOf(page, which), ["Thành phố Hồ Chí Minh", "Tuyên Quang"], which);
        const view = await previewView(page, which);
        assert.ok(
          `${view.notes ?? ""} ${view.description}`.includes(MERGED_NOTE),
          `${which}: the chart says so: ${view.description}`,
        );
      }
      // Exactly: the totals are the ungrouped ones, to the last digit, and each unit the sum
      // of its former provinces.
      const merged = state.analysis;
      assert.equal(merged.total.actual, names.total.actual);
      assert.equal(merged.total.plan, names.total.plan);
      assert.equal(merged.total.text.actual, names.total.text.actual);
      assert.deepEqual(
        Object.fromEntries(merged.byRegion.map((g) => [g.key, g.actual])),
        { "Tuyên Quang": "6720.5", "Thành phố Hồ Chí Minh": "12271.5" },
      );
      assert.equal(merged.regions.mode, "2025");

      // What was added up, with the rows of the table.
      offer = await offerState(page);
      assert.deepEqual(offer, {
        shown: true,
        prominent: false,
        text: "Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay (34 tỉnh, thành phố). Tổng số không đổi; biểu đồ ghi rõ điều này dưới dòng nguồn.",
        more: null,
        list: [
          "Tuyên Quang: tỉnh Ha Giang (hàng 2), Tuyên Quang (hàng 3, 7, 10), Hà Giang (hàng 6, 12)",
          "Thành phố Hồ Chí Minh: TP.HCM (hàng 4), Bình Dương (hàng 5), TP. Hồ Chí Minh (hàng 8), Binh Duong (hàng 9), Thành phố Hồ Chí Minh (hàng 11)",
        ],
        button: "Giữ tên tỉnh như trong bảng",
      });
      assert.equal(await page.textContent("#regions-list-title"), "Các hàng đã cộng:");
      // …marked in the grid: every row added up, and where a former name went.
      assert.deepEqual(
        await page.$$eval("#grid tbody tr.grid__row--combined", (trs) => trs.map((tr) => Number(tr.dataset.row) + 1)),
        [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      );
      const cellLines = (id) =>
        page.$eval(id, (input) =>
          [...input.closest("td").querySelectorAll(".grid__msgline")].map((l) => l.textContent),
        );
      assert.deepEqual(await cellLines("#cell-1-0"), ["Cộng vào Tuyên Quang"]);
      assert.deepEqual(await cellLines("#cell-4-0"), ["Cộng vào Thành phố Hồ Chí Minh"]);
      assert.deepEqual(await cellLines("#cell-2-0"), [], "Tuyên Quang is today's name");
      assert.equal(
        await page.getAttribute("#cell-1-0", "aria-describedby"),
        "cell-1-0-msg",
        "a screen reader hears it at the cell",
      );
      assert.deepEqual(await listTexts(page, "#warning-list li"), [
        `Ô A12 (Tỉnh): ${former} Số liệu đã cộng vào Tuyên Quang.`,
      ]);

      // The embed code carries it: the link's fragment…
      const href = await pictureHref(page);
      assert.match(href, /#khuyencong=1&amp;kind=regions&amp;regions=2025&amp;d=/);
      // …which chart.html reads: the reader's chart has today's units.
      const reader = await context.newPage();
      const readerSeen = await watchPage(reader);
      // chart.html names no icon: the browser's request for /favicon.ico is not the page's.
      await reader.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
      await reader.goto(href.replace(/&amp;/g, "&"));
      await reader.waitForSelector("#chart canvas.kc-chart__canvas");
      await reader.click("#chart .kc-chart__table-toggle");
      assert.deepEqual(
        await reader.$$eval("#chart .kc-chart__table tbody th", (ths) => ths.map((th) => th.textContent)),
        ["Tuyên Quang", "Thành phố Hồ Chí Minh"], // the table's rows in the data's order

      );
      await assertClean(reader, readerSeen);
      await reader.close();
      // …and the elements' attributes.
      await openTech(page);
      await page.check('input[name="form"][value="element"]');
      await settle(page);
      assert.match((await page.inputValue("#code")).split("\n")[1], /^<khuyencong-chart kind="regions" regions="2025">$/);
      await page.check('input[name="form"][value="plain"]');
      await settle(page);
      assert.match((await page.inputValue("#code")).split("\n")[1], /^<div data-khuyencong data-kind="regions" data-regions="2025">$/);
      await page.check('input[name="form"][value="picture"]');
      await settle(page);

      // The choice survives edits of the table: a figure changed in the grid…
      await page.locator("#cell-2-3").fill("1.940");
      await settle(page);
      state = await editorState(page);
      assert.equal(state.regions.choice, "2025");
      assert.equal(state.analysis.total.actual, "19992");
      assert.equal(state.analysis.byRegion.find((g) => g.key === "Tuyên Quang").actual, "7720.5");
      assert.deepEqual(await titlesOf(page), ["Thành phố Hồ Chí Minh", "Tuyên Quang"]);
      assert.match(await pictureHref(page), /regions=2025/);
      // …and a name corrected: the former province's row goes out of the list.
      await page.locator("#cell-11-0").fill("Tuyên Quang");
      await settle(page);
      assert.deepEqual((await offerState(page)).list, [
        "Tuyên Quang: tỉnh Ha Giang (hàng 2), Tuyên Quang (hàng 3, 7, 10, 12), Hà Giang (hàng 6)",
        "Thành phố Hồ Chí Minh: TP.HCM (hàng 4), Bình Dương (hàng 5), TP. Hồ Chí Minh (hàng 8), Binh Duong (hàng 9), Thành phố Hồ Chí Minh (hàng 11)",
      ]);
      assert.deepEqual(await listTexts(page, "#warning-list li"), [], "no name of the past in 2026 now");
      assert.doesNotMatch(await panelsText(page), DEVELOPER_WORDS);

      // In English, the page's words (not the chart's).
      await page.check('input[name="ui-lang"][value="en"]');
      await settle(page);
      offer = await offerState(page);
      assert.equal(
        offer.text,
        "The figures of provinces before the merger are added up under today's provinces (34 provinces and cities). The totals do not change; the chart says so under its source line.",
      );
      assert.equal(offer.list[0], "Tuyên Quang: tỉnh Ha Giang (row 2), Tuyên Quang (rows 3, 7, 10, 12), Hà Giang (row 6)");
      assert.equal(offer.button, "Keep the provinces as in the table");
      assert.equal(await page.textContent("#regions-title"), "Provinces since the 2025 merger");
      await page.check('input[name="ui-lang"][value="vi"]');
      await settle(page);

      // Undo: the names as written, and the code without the option.
      await page.getByRole("button", { name: "Giữ tên tỉnh như trong bảng" }).click();
      await settle(page);
      state = await editorState(page);
      assert.equal(state.regions.choice, null);
      assert.equal(state.options.regions, undefined);
      assert.deepEqual(await titlesOf(page), ["Bình Dương", "Hà Giang", "Thành phố Hồ Chí Minh", "Tuyên Quang"]);
      assert.equal(state.analysis.total.actual, "19992");
      assert.doesNotMatch(await pictureHref(page), /regions=/);
      assert.doesNotMatch((await previewView(page)).description, new RegExp(MERGED_NOTE));
      offer = await offerState(page);
      assert.equal(offer.text, OFFER_VI);
      assert.equal(offer.button, "Cộng theo tỉnh hiện nay");
      assert.equal(await page.locator("#grid .grid__row--combined").count(), 0);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a misspelled province: the note names the cell and the province meant, in plain words; no offer without a former name", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(
        page,
        "Tỉnh\tThực hiện (tỷ đồng)\nCao Bằng\t1,8\nHa Gaing\t2,5\nTây Nguyên\t3,1\n",
        { title: "Kinh phí khuyến công năm 2024", unit: null },
      );
      const state = await editorState(page);
      assert.deepEqual(state.errors, []);
      assert.deepEqual(state.regions.former, []);
      assert.equal((await offerState(page)).shown, false, "Cao Bằng is a province of today");
      const note =
        "Có phải “Ha Gaing” là Hà Giang? Tên này không khớp tỉnh, thành phố nào, nên số liệu vẫn đứng riêng theo tên đã ghi. Nếu đúng là Hà Giang, hãy sửa lại ô này.";
      // "Tây Nguyên" is a region, not a misspelled "Thái Nguyên": no note.
      assert.deepEqual(await listTexts(page, "#warning-list li"), [`Ô A3 (Tỉnh): ${note}`]);
      assert.equal(await page.getAttribute("#warning-list li", "data-code"), "possible_province");
      assert.deepEqual(
        await page.$eval("#cell-2-0", (input) => {
          const td = input.closest("td");
          return [td.classList.contains("grid__cell--note"), td.querySelector(".grid__msg").textContent];
        }),
        [true, note],
      );
      assert.doesNotMatch(await panelsText(page), DEVELOPER_WORDS);
      await page.check('input[name="ui-lang"][value="en"]');
      await settle(page);
      assert.deepEqual(await listTexts(page, "#warning-list li"), [
        "Cell A3 (Tỉnh): Is “Ha Gaing” meant to be Hà Giang? The name matches no province or city, so its figures stay on their own under the name as written. If it is Hà Giang, correct this cell.",
      ]);
      // Corrected in the grid: the note goes.
      await page.locator("#cell-2-0").fill("Hà Giang");
      await settle(page);
      assert.deepEqual(await listTexts(page, "#warning-list li"), []);
      // Hà Giang is a former province: the offer comes (the chart shows provinces).
      assert.equal((await offerState(page)).prominent, true);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("the illustrative 2021–2026 sample (data as written, not a table): the offer, then the names added up, counted", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await page.selectOption("#sample", "xu-huong-2021-2026-minh-hoa.json");
      await page.click("#sample-load");
      await settle(page);
      const before = await editorState(page);
      assert.equal(before.mode, "json");
      assert.equal(before.regions.choice, null, "never automatic, a sample neither");
      let offer = await offerState(page);
      assert.ok(offer.text.startsWith("Số liệu có tên tỉnh trước sáp nhập năm 2025 (Hà Giang, "), offer.text);
      assert.ok(offer.prominent);
      await page.click("#regions-apply");
      await settle(page);
      const after = await editorState(page);
      assert.equal(after.analysis.total.actual, before.analysis.total.actual);
      assert.equal(after.analysis.total.plan, before.analysis.total.plan);
      assert.ok(after.analysis.byRegion.length < before.analysis.byRegion.length);
      offer = await offerState(page);
      assert.equal(offer.button, "Giữ tên tỉnh như đã ghi");
      assert.equal(await page.textContent("#regions-list-title"), "Các tên đã cộng:");
      const tq = offer.list.find((line) => line.startsWith("Tuyên Quang: "));
      assert.match(tq, /^Tuyên Quang: Hà Giang \(\d+ mục số liệu\), Tuyên Quang \(\d+ mục số liệu\), tỉnh Hà Giang \(2 mục số liệu\)/);
      assert.match(await pictureHref(page), /regions=2025/);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("screenshots of today's provinces (target/screenshots/editor-regions-*.png)", () => {
  for (const width of [390, 1280]) {
    test(`${width} px: the offer, then the figures added up`, async () => {
      const { context, page, seen } = await openEditor({
        viewport: { width, height: width < 600 ? 844 : 900 },
        deviceScaleFactor: width < 600 ? 2 : 1,
        hasTouch: width < 600,
        isMobile: width < 600,
      });
      try {
        await mkdir(SCREENSHOTS, { recursive: true });
        await typeTable(page, MERGER_TSV, { title: MERGER_TITLE, unit: null });
        for (const name of ["offer", "applied"]) {
          if (name === "applied") {
            await page.click("#regions-apply");
            await settle(page);
          }
          await page.evaluate(() => document.fonts.ready);
          const layout = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
          }));
          assert.ok(layout.page <= layout.viewport, `${name}: no sideways scrolling: ${JSON.stringify(layout)}`);
          assert.equal(await page.isVisible("#regions-apply"), true);
          // axe-core on the offer and the grid it marks (run through the DevTools protocol,
          // which the page's policy does not govern).
          const axe = readFileSync(repoPath("node_modules", "axe-core", "axe.min.js"), "utf8");
          if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axe);
          const violations = await page.evaluate(async () => {
            const found = [];
            for (const id of ["regions", "grid-wrap", "warnings"]) {
              const result = await window.axe.run(document.getElementById(id));
              for (const v of result.violations) found.push(`${id}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`);
            }
            return found;
          });
          assert.deepEqual(violations, [], name);
          await page.screenshot({ path: `${SCREENSHOTS}/editor-regions-${name}-${width}.png`, fullPage: true });
        }
        await assertClean(page, seen);
      } finally {
        await context.close();
      }
    });
  }
});
