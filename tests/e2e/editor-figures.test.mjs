// Issue 18 in the editor page (www/editor.html), in Debian's Chromium: the editor never changes
// a figure silently. Counterpart capital, blank cells, figures out of scale, totals that
// differ; a figure some rows lack beside the spending is asked about, never mixed into a
// ratio; no embed code for a chart that lacks what it shows.
// Every page is served with the strict Content-Security-Policy, and every test ends with no
// console error, no page error and no CSP violation (editor-helpers.mjs has the fixture).
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  assertClean,
  codeOffered,
  editorState,
  itemsOf,
  listTexts,
  openEditor,
  previewView,
  SEED_TSV,
  settle,
  startEditor,
  stopEditor,
  TSV_2022,
  typeTable,
} from "./editor-helpers.mjs";

before(() => startEditor());
after(stopEditor);

describe("issue 18: counterpart capital, blank cells, figures out of scale, totals", () => {
  test("“Vốn đối ứng | 8.588” pasted as a row is the counterpart capital: 5.820 triệu đồng, 41,2% / 58,8%, 1 đồng thu hút 1,48 đồng", async () => {
    const { context, page, seen } = await openEditor({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      const tsv = `${SEED_TSV}Vốn đối ứng\t8.588\t\n`;
      await page.evaluate((text) => navigator.clipboard.writeText(text), tsv.replace(/\n/g, "\r\n"));
      await page.focus("#table-input");
      await page.keyboard.press("Control+V");
      await page.fill("#title", "Kinh phí khuyến công tỉnh Hà Giang năm 2023");
      await settle(page);
      // Nothing offered before the notation is answered; one answer settles the table.
      assert.equal(await codeOffered(page), false);
      await page.check('#questions input[value="vi"]');
      await settle(page);
      const state = await editorState(page);
      assert.deepEqual(state.errors, []);
      assert.deepEqual(state.data.records, [
        { source: "kcqg", actual: "2400", projects: 9 },
        { source: "kcdp", actual: "3420", projects: 30 },
        { counterpart: "8588" },
      ]);
      assert.equal(await page.inputValue("#unit"), "trieu_dong");
      // Said beside the preview, and at the row in the grid.
      const reading =
        "Hàng 4 “Vốn đối ứng”: 8.588 triệu đồng là vốn đối ứng của cả bảng, không phải một nguồn kinh phí; tổng kinh phí khuyến công không gồm số này.";
      assert.deepEqual(await listTexts(page, "#warning-list li"), [reading]);
      assert.equal(await page.textContent("#cell-3-0-msg"), reading);
      // A table with counterpart capital is drawn as leverage at first.
      assert.equal(await page.inputValue("#kind"), "leverage");
      let view = await previewView(page);
      assert.match(view.description, /1 đồng khuyến công thu hút được 1,48 đồng vốn đối ứng/);
      assert.deepEqual(itemsOf(view)[0].rows, [
        ["Kinh phí khuyến công", "5.820 triệu đồng"],
        ["1 đồng khuyến công thu hút 1,48 đồng vốn đối ứng", ""],
      ]);
      assert.equal(await codeOffered(page), true);
      // The donut: two sources, never three.
      await page.selectOption("#kind", "sources");
      await settle(page);
      view = await previewView(page);
      assert.deepEqual(
        view.items.map((it) => [it.title, it.rows[0][1], it.rows[1][1]]),
        [
          ["Khuyến công quốc gia", "2.400 triệu đồng", "41,2%"],
          ["Khuyến công địa phương", "3.420 triệu đồng", "58,8%"],
        ],
      );
      assert.match(view.description, /^Tổng kinh phí khuyến công thực hiện là 5\.820 triệu đồng\./);
      await page.selectOption("#kind", "summary");
      await settle(page);
      assert.deepEqual((await previewView(page)).items[0].rows[0], ["Thực hiện", "5.820 triệu đồng"]);
      assert.equal(await codeOffered(page), true);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a blank amount is “chưa có số liệu”: left out with its 30 projects, and the donut offers no code", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, SEED_TSV.replace("\t3.420", "\t"), { title: "T", unit: null });
      await page.check('#questions input[value="vi"]');
      await settle(page);
      const blank =
        "Khuyến công địa phương: chưa có số liệu thực hiện (ô B3 để trống). Biểu đồ không tính hàng này, kể cả 30 đề án của hàng: mọi con số tổng chỉ gồm các hàng có số thực hiện.";
      assert.deepEqual(await listTexts(page, "#warning-list li"), [blank]);
      assert.equal(await page.textContent("#cell-2-1-msg"), blank);
      // The donut would be one source at 100%: it says what is missing, and no code.
      assert.equal(await page.inputValue("#kind"), "sources");
      const gap =
        "Biểu đồ nguồn kinh phí cần số thực hiện của ít nhất hai nguồn: Khuyến công địa phương chưa có số liệu thực hiện. Hãy điền số, hoặc chọn loại biểu đồ khác (như “Tóm tắt”).";
      assert.equal(await page.textContent("#kind-error"), gap);
      assert.deepEqual(await listTexts(page, "#problem-list li"), [`Loại biểu đồ: ${gap}`]);
      assert.equal(await codeOffered(page), false);
      assert.equal(await page.textContent("#code-note"), "Sửa các lỗi ở trên để có mã nhúng.");
      assert.equal(await page.isVisible("#stale-note"), false, "the preview is the data's");
      // The headline figures count the same rows: 2.400 triệu đồng and 9 projects, not 39.
      await page.selectOption("#kind", "summary");
      await settle(page);
      const view = await previewView(page);
      assert.deepEqual(view.items[0].rows[0], ["Thực hiện", "2.400 triệu đồng"]);
      assert.deepEqual(view.items.at(-1).rows, [["Số đề án", "9 đề án"]]);
      assert.doesNotMatch(view.description, /39/);
      assert.equal(await codeOffered(page), true);
      // The figure filled in: both sources, 39 projects.
      await page.locator("#cell-2-1").fill("3.420");
      await settle(page);
      assert.deepEqual(await listTexts(page, "#warning-list li"), []);
      assert.equal((await editorState(page)).analysis.total.text.projects, "39 đề án");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("“1,5” among “2.400” and “3.420” asks: 1,5 triệu đồng or 1.500 triệu đồng", async () => {
    const { context, page, seen } = await openEditor();
    try {
      const tsv = `${SEED_TSV}Ngân sách huyện\t1,5\t2\n`;
      await typeTable(page, tsv, { title: "T", unit: null });
      const question = page.locator("#questions fieldset.question--scale");
      assert.equal(
        await question.locator("legend").textContent(),
        "Ô B4 “1,5” ở cột “Kinh phí thực hiện (triệu đồng)” nhỏ hơn khoảng một nghìn lần các số khác trong cột (như “2.400”, “3.420”). Bạn muốn ghi số nào?",
      );
      assert.deepEqual(await question.locator("label").allTextContents(), [
        " 1,5 triệu đồng, đúng như đã ghi.",
        " 1.500 triệu đồng: ô ghi theo đơn vị lớn hơn một nghìn lần.",
      ]);
      assert.ok(
        await page.locator("#cell-3-1").evaluate((el) => el.closest("td").classList.contains("grid__cell--question")),
      );
      assert.equal((await editorState(page)).data, null);
      assert.equal(await codeOffered(page), false);
      assert.match(await page.textContent("#status"), /^Hãy trả lời câu hỏi về bảng/);

      await question.locator('input[value="scaled"]').check();
      await settle(page);
      let state = await editorState(page);
      assert.equal(state.data.records[2].actual, "1500");
      assert.equal(state.analysis.total.text.actual, "7.320 triệu đồng");
      assert.equal(
        await page.textContent("#cell-3-1-msg"),
        "Theo câu trả lời của bạn: “1,5” là 1.500 triệu đồng.",
      );
      await question.locator('input[value="written"]').check();
      await settle(page);
      state = await editorState(page);
      assert.equal(state.analysis.total.text.actual, "5.821,5 triệu đồng");
      assert.equal(await codeOffered(page), true);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a total row that differs: the chart shows the rows' sum, shares of it, and says why", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, `${SEED_TSV}Tổng cộng\t5.900\t39\n`, { title: "T", unit: null });
      await page.check('#questions input[value="vi"]');
      await settle(page);
      assert.deepEqual(await listTexts(page, "#warning-list li"), [
        "Hàng 4 (tổng) ghi 5.900 triệu đồng thực hiện, các hàng cộng lại 5.820 triệu đồng. Biểu đồ hiện 5.820 triệu đồng, tổng của các hàng, để tỷ trọng của từng phần đều tính trên tổng này và cộng lại 100%.",
      ]);
      const view = await previewView(page);
      assert.deepEqual(
        view.items.map((it) => it.rows[1][1]),
        ["41,2%", "58,8%"],
      );
      assert.match(view.description, /5\.820 triệu đồng/);
      assert.deepEqual((await editorState(page)).data.reported, { projects: 39 });
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("issue 18: a figure some rows lack beside the spending is asked about, never mixed into a ratio", () => {
  test("a blank plan asks before any code (never “đạt 232,8%”), each answer's figures are the chart's; a count of a whole row beside a blank source too", async () => {
    const { context, page, seen } = await openEditor();
    try {
      const plan =
        "Nguồn\tKế hoạch\tThực hiện\n" +
        "Khuyến công quốc gia\t2.500\t2.400\nKhuyến công địa phương\t\t3.420\n";
      await typeTable(page, plan, { title: "T", unit: "trieu_dong" });
      await page.check('#questions input[value="vi"]');
      await settle(page);
      // Asked, with the figures the chart would mix; the blank cell marked; no code.
      const question = page.locator("#questions fieldset.question--partial");
      assert.equal(
        await question.locator("legend").textContent(),
        "Khuyến công địa phương: chưa có số liệu kế hoạch (ô B3 để trống). Cộng lại, kế hoạch 2.500 triệu đồng và thực hiện 5.820 triệu đồng không gồm cùng các hàng, nên tỷ lệ đạt kế hoạch của cả bảng sẽ sai. Biểu đồ nên tính thế nào?",
      );
      assert.deepEqual(await question.locator("label").allTextContents(), [
        " Không dùng số kế hoạch: biểu đồ giữ mọi hàng (thực hiện 5.820 triệu đồng), không có kế hoạch và tỷ lệ đạt kế hoạch.",
        " Chỉ tính các hàng đủ số liệu: bỏ hàng Khuyến công địa phương; còn thực hiện 2.400 triệu đồng và kế hoạch 2.500 triệu đồng.",
      ]);
      assert.ok(
        await page.locator("#cell-2-1").evaluate((el) => el.closest("td").classList.contains("grid__cell--question")),
      );
      assert.equal((await editorState(page)).data, null);
      assert.equal(await codeOffered(page), false);
      assert.match(await page.textContent("#status"), /^Hãy trả lời câu hỏi về bảng/);

      // Only the rows with a plan: 2.400 triệu đồng, 96,0% of 2.500; said beside the preview
      // and at the cell; the donut of one source offers no code and says why.
      await question.locator('input[value="rows"]').check();
      await settle(page);
      const rows =
        "Theo câu trả lời của bạn, biểu đồ không tính hàng Khuyến công địa phương (chưa có số liệu kế hoạch), kể cả thực hiện 3.420 triệu đồng: mọi con số tổng chỉ gồm các hàng đủ số liệu.";
      assert.deepEqual(await listTexts(page, "#warning-list li"), [rows]);
      assert.equal(await page.textContent("#cell-2-1-msg"), rows);
      assert.equal(
        await page.textContent("#kind-error"),
        "Biểu đồ nguồn kinh phí cần số thực hiện của ít nhất hai nguồn: theo câu trả lời của bạn về bảng, biểu đồ không tính Khuyến công địa phương. Hãy chọn cách khác ở câu hỏi đó, hoặc chọn loại biểu đồ khác (như “Tóm tắt”).",
      );
      assert.equal(await codeOffered(page), false);
      await page.selectOption("#kind", "summary");
      await settle(page);
      let view = await previewView(page);
      assert.deepEqual(itemsOf(view).slice(0, 2), [
        {
          title: "Tổng kinh phí thực hiện",
          rows: [["Thực hiện", "2.400 triệu đồng"], ["Kế hoạch", "2.500 triệu đồng"], ["Đạt kế hoạch", "96,0%"]],
        },
        {
          title: "đạt kế hoạch (2.500 triệu đồng)",
          rows: [["Đạt kế hoạch", "96,0%"], ["Kế hoạch", "2.500 triệu đồng"], ["Thực hiện", "2.400 triệu đồng"]],
        },
      ]);
      assert.match(view.description, /^Tổng kinh phí khuyến công thực hiện là 2\.400 triệu đồng, đạt 96,0% kế hoạch \(2\.500 triệu đồng\)\./);
      assert.equal(await codeOffered(page), true);

      // No plan at all: every row's spending, 41,2% / 58,8%, and no attainment anywhere.
      await question.locator('input[value="drop"]').check();
      await settle(page);
      assert.deepEqual(await listTexts(page, "#warning-list li"), [
        "Theo câu trả lời của bạn, biểu đồ không dùng số kế hoạch, vì Khuyến công địa phương chưa có số liệu kế hoạch: biểu đồ không có kế hoạch và tỷ lệ đạt kế hoạch.",
      ]);
      view = await previewView(page);
      assert.deepEqual(itemsOf(view)[0].rows, [["Thực hiện", "5.820 triệu đồng"], ["Kế hoạch", "–"], ["Đạt kế hoạch", "–"]]);
      assert.deepEqual(view.items.slice(1).map((it) => [it.title, it.rows[1][1]]), [
        ["tỷ trọng Khuyến công quốc gia", "41,2%"],
        ["tỷ trọng Khuyến công địa phương", "58,8%"],
      ]);
      assert.equal(
        view.description,
        "Tổng kinh phí khuyến công thực hiện là 5.820 triệu đồng. Khuyến công quốc gia chiếm 41,2%, khuyến công địa phương chiếm 58,8%.",
      );
      assert.doesNotMatch(JSON.stringify(view), /232,8/);
      assert.equal(await codeOffered(page), true);

      // Sources as columns: Cao Bằng's 23 projects are of the whole row, its KCĐP cell blank.
      const wide =
        "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tSố đề án\n" +
        "Cao Bằng\t2.550,5\t\t23\nBắc Kạn\t1.200,5\t980\t12\nHà Giang\t900\t1.100,5\t8\n";
      await page.fill("#table-input", wide);
      await settle(page);
      assert.equal(
        await question.locator("legend").textContent(),
        "Cao Bằng: 23 đề án ở ô D2 là của cả hàng, kể cả phần KCĐP chưa có số (ô C2 để trống). Cộng lại, 43 đề án và thực hiện 6.731,5 triệu đồng không gồm cùng các hàng, nên số đề án đặt cạnh tổng kinh phí sẽ sai. Biểu đồ nên tính thế nào?",
      );
      for (const id of ["#cell-1-2", "#cell-1-3"]) {
        assert.ok(await page.locator(id).evaluate((el) => el.closest("td").classList.contains("grid__cell--question")), id);
      }
      assert.equal(await codeOffered(page), false);
      // The blank is 0: every row, 43 projects beside 6.731,5 triệu đồng, Cao Bằng's own.
      await question.locator('input[value="zero"]').check();
      await settle(page);
      assert.deepEqual(await listTexts(page, "#warning-list li"), [
        "Theo câu trả lời của bạn, ô C2 để trống tính là 0 (Cao Bằng không có kinh phí KCĐP).",
      ]);
      let state = await editorState(page);
      assert.deepEqual(
        [state.analysis.total.text.actual, state.analysis.total.text.projects],
        ["6.731,5 triệu đồng", "43 đề án"],
      );
      assert.deepEqual(itemsOf(await previewView(page)).at(-1).rows, [["Số đề án", "43 đề án"]]);
      // Only the full rows: Cao Bằng left out, its 2.550,5 triệu đồng with its 23 projects.
      await question.locator('input[value="rows"]').check();
      await settle(page);
      state = await editorState(page);
      assert.deepEqual(
        [state.analysis.total.text.actual, state.analysis.total.text.projects],
        ["4.181 triệu đồng", "20 đề án"],
      );
      assert.deepEqual(await listTexts(page, "#warning-list li"), [
        "Theo câu trả lời của bạn, biểu đồ không tính hàng Cao Bằng (chưa đủ số liệu), kể cả thực hiện 2.550,5 triệu đồng: mọi con số tổng chỉ gồm các hàng đủ số liệu.",
      ]);
      assert.equal(await codeOffered(page), true);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("issue 18: code only when the chart says something", () => {
  test("leverage without counterpart capital, trend without years, regions without provinces: no code, and what to add", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022);
      assert.equal(await codeOffered(page), true);
      const cases = [
        ["leverage", "Biểu đồ vốn đối ứng cần số vốn đối ứng: thêm cột “Vốn đối ứng”, hoặc một hàng “Vốn đối ứng” dưới các nguồn, hoặc chọn loại biểu đồ khác."],
        ["trend", "Biểu đồ này cần số liệu của ít nhất hai năm: thêm cột “Năm” (mỗi năm một hàng), hoặc chọn loại biểu đồ khác."],
        ["regions", "Biểu đồ này cần số liệu của ít nhất hai tỉnh, địa phương: thêm cột “Tỉnh” (mỗi tỉnh một hàng), hoặc chọn loại biểu đồ khác."],
        ["categories", "Biểu đồ này cần số liệu của ít nhất hai nội dung hoạt động: thêm cột “Nội dung” (mỗi nội dung một hàng), hoặc chọn loại biểu đồ khác."],
      ];
      for (const [kind, message] of cases) {
        await page.selectOption("#kind", kind);
        await settle(page);
        assert.equal(await page.textContent("#kind-error"), message, kind);
        assert.equal(await page.getAttribute("#kind", "aria-invalid"), "true", kind);
        assert.equal(await codeOffered(page), false, kind);
        assert.match(await page.textContent("#status"), /^Có 1 lỗi cần sửa\. Lỗi đầu tiên: Loại biểu đồ: /, kind);
      }
      // Counterpart capital added as a row: the leverage chart has its figure, and its code.
      await page.selectOption("#kind", "leverage");
      await page.fill("#table-input", `${TSV_2022}Vốn đối ứng\t0\t250,6\n`);
      await settle(page);
      assert.equal(await page.textContent("#kind-error"), "");
      assert.match((await previewView(page)).description, /1 đồng khuyến công thu hút được 1,47 đồng vốn đối ứng/);
      assert.equal(await codeOffered(page), true);
      // A plan alone: the plan-and-actual chart says what it lacks.
      await page.selectOption("#kind", "plan-actual");
      await page.fill("#table-input", "Nguồn\tThực hiện\nKCQG\t79,5\nKCĐP\t90,9\n");
      await settle(page);
      assert.equal(
        await page.textContent("#kind-error"),
        "Biểu đồ kế hoạch và thực hiện cần số kế hoạch: thêm cột “Kế hoạch” vào bảng, hoặc chọn loại biểu đồ khác.",
      );
      assert.equal(await codeOffered(page), false);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("the data and chart panels speak no developer words", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022, { title: null, unit: null });
      const panels = async () =>
        page.evaluate(() =>
          [...document.querySelectorAll(".editor__inputs .panel, .panel--preview")]
            .map((el) => el.innerText)
            .join("\n"),
        );
      const DEVELOPER = /\bJSON\b(?!, cho kỹ thuật viên)|\bCMS\b|\bscript\b|WebAssembly|Thiếu trường bắt buộc|records\[|\bplan\b|\bactual\b/;
      assert.doesNotMatch(await panels(), DEVELOPER);
      assert.match(await panels(), /Dữ liệu có cấu trúc \(JSON, cho kỹ thuật viên\)/);
      await page.locator("#cell-1-1").fill("-80,9");
      await settle(page);
      assert.doesNotMatch(await panels(), DEVELOPER);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});

