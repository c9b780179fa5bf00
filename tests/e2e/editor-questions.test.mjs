// The questions the editor page (www/editor.html) asks about a pasted table, in Debian's
// Chromium: the notation question, headings as the press writes them and the menu on each
// column, thirty-odd layouts answered as a journalist answers (tests/e2e/editor-layouts.mjs),
// and screenshots of each question (target/screenshots/editor-question-*.png).
// Every page is served with the strict Content-Security-Policy, and every test ends with no
// console error, no page error and no CSP violation (editor-helpers.mjs has the fixture).
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { LAYOUTS } from "./editor-layouts.mjs";
import {
  assertClean,
  codeOffered,
  editorState,
  listTexts,
  openEditor,
  previewView,
  SCREENSHOTS,
  SEED_TSV,
  settle,
  site,
  startEditor,
  stopEditor,
  typeTable,
} from "./editor-helpers.mjs";

/** Answers the page's questions as a journalist does: a radio button under the table, or the
 * menu on a column ("role:<column key>"). */
async function answer(page, answers) {
  for (const [key, value] of Object.entries(answers)) {
    if (key.startsWith("role:")) {
      await page.selectOption(`select.grid__pick[data-key="${key.slice(5)}"]`, value);
    } else {
      await page.check(`#questions input[data-key="${key}"][value="${value}"]`);
    }
    await settle(page);
  }
}

const pickTexts = (page) =>
  page.$$eval("#grid .grid__pick", (els) => els.map((e) => e.selectedOptions[0].textContent));

before(() => startEditor());
after(stopEditor);

describe("the notation question", () => {
  test('a column of "2.400" and "1.500" makes the page ask, and each answer gives its amounts', async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, "Tỉnh\tKế hoạch\nHà Giang\t2.400\nCao Bằng\t1.500\n", {
        unit: "trieu_dong",
      });
      const question = page.locator("#questions fieldset.question");
      assert.equal(await question.count(), 1);
      assert.equal(
        await question.locator("legend").textContent(),
        "Cột B “Kế hoạch”: số “2.400” đọc được hai cách. Bảng của bạn viết số theo kiểu nào?",
      );
      const options = question.locator("label");
      assert.deepEqual(await options.allTextContents(), [
        " Kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân. “2.400” là 2400 triệu đồng.",
        " Kiểu quốc tế: dấu chấm thập phân, dấu phẩy ngăn cách hàng nghìn. “2.400” là 2,4 triệu đồng.",
      ]);
      // Nothing is built, drawn or offered before the answer.
      assert.equal((await editorState(page)).data, null);
      assert.match(await page.textContent("#status"), /^Hãy trả lời câu hỏi về bảng/);
      assert.equal(await page.isDisabled("#copy"), true);
      assert.equal(await page.locator("#preview-desktop canvas").count(), 0);

      // Answered with the keyboard: the Vietnamese reading.
      await question.locator('input[value="vi"]').focus();
      await page.keyboard.press("Space");
      await settle(page);
      let state = await editorState(page);
      assert.deepEqual(state.data.records, [
        { region: "Hà Giang", plan: "2400" },
        { region: "Cao Bằng", plan: "1500" },
      ]);
      assert.equal(state.analysis.total.text.plan, "3.900 triệu đồng");
      assert.equal(
        await question.locator('input[value="vi"]').isChecked(),
        true,
        "the question stays, answered",
      );

      // Changing one's mind: the international reading.
      await question.locator('input[value="en"]').check();
      await settle(page);
      state = await editorState(page);
      assert.deepEqual(
        state.data.records.map((r) => r.plan),
        ["2.4", "1.5"],
      );
      assert.equal(state.analysis.total.text.plan, "3,9 triệu đồng");
      assert.equal((await previewView(page)).items.length > 0, true);

      // Commas read the other way round.
      await page.fill("#table-input", "Tỉnh\tThực hiện\nHà Giang\t1,500\nCao Bằng\t2,400\n");
      await settle(page);
      const commas = page.locator("#questions fieldset.question");
      assert.match(
        await commas.locator("label").first().textContent(),
        /“1,500” là 1,5 triệu đồng\.$/,
      );
      await commas.locator('input[value="vi"]').check();
      await settle(page);
      assert.deepEqual(
        (await editorState(page)).data.records.map((r) => r.actual),
        ["1.5", "2.4"],
      );
      await commas.locator('input[value="en"]').check();
      await settle(page);
      assert.deepEqual(
        (await editorState(page)).data.records.map((r) => r.actual),
        ["1500", "2400"],
      );

      // One unambiguous cell settles its column: no question.
      await page.fill("#table-input", "Tỉnh\tThực hiện\nHà Giang\t2.400\nCao Bằng\t80,5\n");
      await settle(page);
      assert.equal(await page.locator("#questions fieldset").count(), 0);
      assert.deepEqual(
        (await editorState(page)).data.records.map((r) => r.actual),
        ["2400", "80.5"],
      );
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("issue 18: headings as the press writes them, and the menu on a column", () => {
  test("“Kinh phí”, “Số tiền”, “Kinh phí hỗ trợ”, “Tổng kinh phí”, “Giá trị”, “Kinh phí (triệu đồng)”, “Kinh phí thực hiện” are what was spent", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await page.fill("#title", "T");
      for (const heading of [
        "Kinh phí",
        "Số tiền",
        "Kinh phí hỗ trợ",
        "Tổng kinh phí",
        "Giá trị",
        "Kinh phí (triệu đồng)",
        "Kinh phí thực hiện",
        "kinh phi ho tro (trieu dong)",
      ]) {
        await page.fill("#table-input", `Nguồn\t${heading}\nKCQG\t79,5\nKCĐP\t90,9\n`);
        await page.selectOption("#unit", "trieu_dong");
        await settle(page);
        assert.deepEqual(await pickTexts(page), ["Nguồn", "Thực hiện"], heading);
        const state = await editorState(page);
        assert.deepEqual(state.errors, [], heading);
        assert.deepEqual(
          state.data.records,
          [
            { source: "kcqg", actual: "79.5" },
            { source: "kcdp", actual: "90.9" },
          ],
          heading,
        );
      }
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a heading not understood names its cell and is answered in the menu on its column", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(
        page,
        "Cơ sở\tTiền\nHTX Mây tre Phú Vinh\t450,5\nCông ty Gốm Bát Tràng\t1.200\n",
        { title: "Hỗ trợ máy móc thiết bị năm 2023", unit: "trieu_dong" },
      );
      assert.deepEqual(await listTexts(page, "#questions legend"), [
        "Ô A1 “Cơ sở”: chưa rõ cột A ghi gì. Chọn ở menu trên đầu cột A trong bảng bên dưới: Nguồn, Tỉnh, Năm, Nội dung, Kế hoạch, Thực hiện, Vốn đối ứng, Số đề án, hoặc Bỏ qua.",
        "Ô B1 “Tiền”: chưa rõ cột B ghi gì. Chọn ở menu trên đầu cột B trong bảng bên dưới: Nguồn, Tỉnh, Năm, Nội dung, Kế hoạch, Thực hiện, Vốn đối ứng, Số đề án, hoặc Bỏ qua.",
      ]);
      // Never "row 1 must be the headings": row 1 is the header, its columns are asked about.
      assert.doesNotMatch(await page.textContent("#editor"), /phải là tên cột/);
      assert.match(await page.textContent('#grid tr[data-row="0"] th'), /tên cột/);
      assert.deepEqual(await pickTexts(page), ["— Chọn —", "— Chọn —"]);
      assert.equal(await page.textContent("#cell-0-1-msg"), "Chưa rõ cột này ghi gì: chọn ở menu trên đầu cột.");
      assert.deepEqual(
        await page.$$eval("#pick-1 option", (os) => os.map((o) => o.textContent)),
        ["— Chọn —", "Nguồn", "Tỉnh", "Năm", "Nội dung", "Kế hoạch", "Thực hiện", "Vốn đối ứng", "Số đề án", "Bỏ qua"],
      );
      assert.equal(await codeOffered(page), false);
      // The question's button takes the keyboard to the menu; so does ArrowUp from the first
      // row of the grid (the menus stay out of the tab order: the grid is one tab stop).
      await page.locator("#questions button", { hasText: "Chọn cho cột B" }).click();
      assert.equal(await page.evaluate(() => document.activeElement.id), "pick-1");
      assert.equal(await page.getAttribute("#pick-1", "tabindex"), "-1");
      await page.focus("#cell-0-0");
      await page.keyboard.press("ArrowUp");
      assert.equal(await page.evaluate(() => document.activeElement.id), "pick-0");
      await page.selectOption("#pick-1", "actual");
      await settle(page);
      await page.selectOption("#pick-0", "category");
      await settle(page);
      const state = await editorState(page);
      assert.deepEqual(state.data.records, [
        { category: "HTX Mây tre Phú Vinh", actual: "450.5" },
        { category: "Công ty Gốm Bát Tràng", actual: "1200" },
      ]);
      assert.deepEqual(await pickTexts(page), ["Nội dung", "Thực hiện"]);
      assert.equal(await page.inputValue("#kind"), "categories");
      assert.equal(await codeOffered(page), true);
      // A column read wrongly is corrected the same way: left out.
      await page.selectOption("#pick-0", "ignore");
      await settle(page);
      assert.deepEqual((await editorState(page)).questions.map((q) => q.kind), []);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a table by source as columns: one answer about the notation settles every column", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(
        page,
        "Năm\tKCQG\tKCĐP\tTổng\n2022\t2.400\t3.420\t5.820\n2023\t2.500\t3.000\t5.500\n",
        { title: "T", unit: "trieu_dong" },
      );
      assert.deepEqual(await pickTexts(page), [
        "Năm",
        "Thực hiện (KCQG)",
        "Thực hiện (KCĐP)",
        "Thực hiện (tổng của hàng)",
      ]);
      assert.equal(await page.locator("#questions fieldset").count(), 3);
      await page.locator('#questions input[value="vi"]').first().check();
      await settle(page);
      assert.deepEqual(
        await page.$$eval('#questions input[value="vi"]', (els) => els.map((e) => e.checked)),
        [true, true, true],
      );
      const state = await editorState(page);
      assert.deepEqual(state.data.records, [
        { year: 2022, source: "kcqg", actual: "2400" },
        { year: 2022, source: "kcdp", actual: "3420" },
        { year: 2023, source: "kcqg", actual: "2500" },
        { year: 2023, source: "kcdp", actual: "3000" },
      ]);
      // Each row's “Tổng” is the sum of its parts: nothing to remark.
      assert.equal(await page.locator("#grid .grid__msgline--note").count(), 0);
      assert.equal(await page.inputValue("#kind"), "trend");
      assert.equal(state.analysis.total.text.actual, "11.320 triệu đồng");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("blank cells under a province ask whether they are merged cells", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(
        page,
        "Tỉnh\tNguồn\tThực hiện (triệu đồng)\nCao Bằng\tKCQG\t2.550,5\n\tKCĐP\t1.810\nBắc Kạn\tKCĐP\t2.980\n",
        { title: "T", unit: null },
      );
      const question = page.locator("#questions fieldset.question--merged");
      assert.equal(
        await question.locator("legend").textContent(),
        "Cột A “Tỉnh”: một ô để trống (hàng 3) dưới “Cao Bằng”. Hàng đó thuộc tỉnh, địa phương nào?",
      );
      assert.equal((await editorState(page)).data, null);
      await question.locator('input[value="fill"]').check();
      await settle(page);
      assert.deepEqual((await editorState(page)).data.records[1], {
        region: "Cao Bằng",
        source: "kcdp",
        actual: "1810",
      });
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("issue 18: thirty-odd tables pasted into the page, read right or asked about", () => {
  test(`${LAYOUTS.length} layouts, each answered as a journalist answers`, async () => {
    const { context, page, seen } = await openEditor();
    try {
      for (const layout of LAYOUTS) {
        await page.goto(`${site.url}editor.html`);
        await page.evaluate(() => window.khuyencongEditor.ready);
        // The headline figures: every table that has figures can draw them.
        await page.selectOption("#kind", "summary");
        await page.fill("#title", "T");
        if (!layout.unit) await page.selectOption("#unit", "trieu_dong");
        await page.fill("#table-input", layout.tsv);
        await settle(page);
        await answer(page, layout.answers ?? {});
        const state = await editorState(page);
        const open = state.questions.filter((q) => q.answer === null).map((q) => [q.kind, q.key]);
        assert.deepEqual(open, layout.asks ?? [], layout.name);
        if (layout.problems) {
          for (const [, row, col] of layout.problems) {
            assert.equal(await page.getAttribute(`#cell-${row}-${col}`, "aria-invalid"), "true", layout.name);
          }
        }
        if (!layout.data) {
          assert.equal(state.data, null, layout.name);
          assert.equal(await codeOffered(page), false, layout.name);
          const shown = layout.asks ? "#questions fieldset" : "#problem-list li";
          assert.ok((await page.locator(shown).count()) > 0, layout.name);
          continue;
        }
        assert.deepEqual(state.errors, [], layout.name);
        const { records, reported, sources } = state.data;
        assert.deepEqual(
          { records, ...(reported && { reported }), ...(sources && { sources }) },
          layout.data,
          layout.name,
        );
        assert.equal(state.data.unit, layout.unit ?? "trieu_dong", layout.name);
        assert.equal(await page.locator("#warning-list li").count(), (layout.readings ?? []).length, layout.name);
        if (layout.figures?.actual) {
          assert.equal(state.analysis.total.text.actual, layout.figures.actual, layout.name);
        }
      }
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("screenshots of the questions (target/screenshots/editor-question-*.png)", () => {
  const SHOTS = [
    ["counterpart", `${SEED_TSV}Vốn đối ứng\t8.588\t\n`, { vi: true }],
    ["blank", SEED_TSV.replace("\t3.420", "\t"), { vi: true }],
    ["scale", `${SEED_TSV}Ngân sách huyện\t1,5\t2\n`, {}],
    ["columns", "Cơ sở\tTiền\nHTX Mây tre Phú Vinh\t450,5\nCông ty Gốm Bát Tràng\t1.200\n", {}],
    ["merged", "Tỉnh\tNguồn\tThực hiện (triệu đồng)\nCao Bằng\tKCQG\t2.550,5\n\tKCĐP\t1.810\nBắc Kạn\tKCĐP\t2.980\n", {}],
    ["total", `${SEED_TSV}Tổng cộng\t5.900\t39\n`, { vi: true }],
    ["partial", "Nguồn\tKế hoạch\tThực hiện\nKhuyến công quốc gia\t2.500\t2.400\nKhuyến công địa phương\t\t3.420\n", { vi: true }],
    ["partial-columns", "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tSố đề án\nCao Bằng\t2.550,5\t\t23\nBắc Kạn\t1.200,5\t980\t12\nHà Giang\t900\t1.100,5\t8\n", {}],
  ];
  for (const width of [390, 1280]) {
    test(`${width} px`, async () => {
      const { context, page, seen } = await openEditor({
        viewport: { width, height: width < 600 ? 844 : 900 },
        deviceScaleFactor: width < 600 ? 2 : 1,
        hasTouch: width < 600,
        isMobile: width < 600,
      });
      try {
        await mkdir(SCREENSHOTS, { recursive: true });
        for (const [name, tsv, { vi }] of SHOTS) {
          await page.goto(`${site.url}editor.html`);
          await page.evaluate(() => window.khuyencongEditor.ready);
          await typeTable(page, tsv, { title: "Kinh phí khuyến công năm 2023", unit: "trieu_dong" });
          if (vi) {
            await page.check('#questions input[value="vi"]');
            await settle(page);
          }
          await page.evaluate(() => document.fonts.ready);
          const layout = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
          }));
          assert.ok(layout.page <= layout.viewport, `${name}: no sideways scrolling: ${JSON.stringify(layout)}`);
          await page.screenshot({ path: `${SCREENSHOTS}/editor-question-${name}-${width}.png`, fullPage: true });
        }
        await assertClean(page, seen);
      } finally {
        await context.close();
      }
    });
  }
});

