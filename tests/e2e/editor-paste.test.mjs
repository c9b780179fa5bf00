// The editor page (www/editor.html) in Debian's Chromium, from a pasted table to a chart: a
// table pasted from a sheet, a title and a unit make the data and both previews; what is wrong
// is said next to what caused it (a cell, a row, a field, the path in pasted JSON) and fixed
// in the grid.
// Every page is served with the strict Content-Security-Policy, and every test ends with no
// console error, no page error and no CSP violation (editor-helpers.mjs has the fixture).
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  assertClean,
  DATA_2022,
  editorState,
  itemsOf,
  openEditor,
  previewView,
  settle,
  startEditor,
  stopEditor,
  TITLE_2022,
  TSV_2022,
  typeTable,
} from "./editor-helpers.mjs";

/** Pixels of a preview's canvas that differ from its background. */
const inkOf = (page, id) =>
  page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4, cssWidth: canvas.getBoundingClientRect().width };
  }, `#${id}`);

before(() => startEditor());
after(stopEditor);

describe("from a pasted table to a chart", () => {
  test("a Vietnamese table pasted from a sheet, a title and a unit make the data, the figures and both previews", async () => {
    const { context, page, seen } = await openEditor({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      assert.equal(
        await page.textContent("#status"),
        "Dán bảng số liệu hoặc chọn số liệu mẫu để bắt đầu.",
      );
      // A real paste (Ctrl+V) of what a spreadsheet puts on the clipboard.
      await page.evaluate(
        (text) => navigator.clipboard.writeText(text),
        TSV_2022.replace(/\n/g, "\r\n"),
      );
      await page.focus("#table-input");
      await page.keyboard.press("Control+V");
      await page.fill("#title", TITLE_2022);
      await page.selectOption("#unit", "ty_dong");
      await settle(page);

      const state = await editorState(page);
      assert.deepEqual(state.errors, []);
      assert.deepEqual(state.data, DATA_2022);
      // Without published totals the total is the sum: 80,9 + 98,2 and 79,5 + 90,9.
      assert.equal(state.analysis.total.text.actual, "170,4 tỷ đồng");
      assert.equal(state.analysis.total.text.plan, "179,1 tỷ đồng");
      assert.equal(state.analysis.total.text.attainment, "95,1%");
      assert.equal(await page.textContent("#status"), "Biểu đồ đã cập nhật.");

      // The grid shows what was understood of each column, in the menu that can change it.
      assert.deepEqual(
        await page.$$eval("#grid thead th .grid__pick", (els) =>
          els.map((e) => e.selectedOptions[0].textContent),
        ),
        ["Nguồn", "Kế hoạch", "Thực hiện"],
      );
      assert.equal(await page.inputValue("#cell-2-2"), "90,9");

      // The page chose the donut for a table by source; both previews draw it.
      assert.equal(await page.inputValue("#kind"), "sources");
      for (const which of ["phone", "desktop"]) {
        const view = await previewView(page, which);
        assert.equal(view.title, TITLE_2022);
        assert.deepEqual(itemsOf(view)[0], {
          title: "Khuyến công quốc gia",
          rows: [
            ["Thực hiện", "79,5 tỷ đồng"],
            ["Tỷ trọng", "46,7%"],
            ["Kế hoạch", "80,9 tỷ đồng"],
            ["Đạt kế hoạch", "98,3%"],
          ],
        });
        // The total in the donut's centre, as the description says it.
        assert.match(view.description, /170,4 tỷ đồng/);
      }
      const phone = await inkOf(page, "preview-phone");
      const desktop = await inkOf(page, "preview-desktop");
      assert.equal(phone.cssWidth, 360, "the phone preview is 360 px wide");
      assert.ok(desktop.cssWidth >= 700, `the desktop preview is ${desktop.cssWidth} px wide`);
      for (const ink of [phone, desktop])
        assert.ok(ink.count > ink.total * 0.03, JSON.stringify(ink));
      assert.match(await page.textContent("#desktop-label"), /^Máy tính \(\d+ px\)$/);

      // The headline figures chart shows the same sum.
      await page.selectOption("#kind", "summary");
      await settle(page);
      const summary = await previewView(page);
      assert.equal(summary.items[0].title, "Tổng kinh phí thực hiện");
      assert.deepEqual(summary.items[0].rows.slice(0, 3), [
        ["Thực hiện", "170,4 tỷ đồng"],
        ["Kế hoạch", "179,1 tỷ đồng"],
        ["Đạt kế hoạch", "95,1%"],
      ]);

      // A "Tổng cộng" row is the published total: 95,2% = 170,4 / 179, and the page says that
      // the parts add up to 179,1.
      await page.fill("#table-input", `${TSV_2022}Tổng cộng\t179\t170,4\n`);
      await settle(page);
      const withTotal = await editorState(page);
      assert.deepEqual(withTotal.data.reported, { plan: "179", actual: "170.4" });
      assert.equal(withTotal.data.records.length, 2);
      assert.equal(withTotal.analysis.total.text.attainment, "95,2%");
      assert.deepEqual((await previewView(page)).items[0].rows.slice(0, 3), [
        ["Thực hiện", "170,4 tỷ đồng"],
        ["Kế hoạch", "179 tỷ đồng"],
        ["Đạt kế hoạch", "95,2%"],
      ]);
      assert.deepEqual(
        await page.$$eval("#warning-list li", (lis) => lis.map((li) => li.textContent)),
        [
          "Hàng 4 (tổng) ghi kế hoạch 179 tỷ đồng, các hàng cộng lại 179,1 tỷ đồng. Biểu đồ hiện số công bố, 179 tỷ đồng, như báo cáo; tỷ lệ đạt kế hoạch tính trên số này.",
        ],
      );
      assert.match(await page.textContent('#grid tr[data-row="3"] th'), /tổng/);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a unit in the column names fills the unit field, and a different one is flagged there", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await page.click("#table-example");
      await settle(page);
      assert.equal(await page.inputValue("#unit"), "ty_dong");
      assert.equal(await page.textContent("#unit-note"), "Đơn vị lấy từ tên cột B1: tỷ đồng.");
      assert.equal(await page.inputValue("#title"), TITLE_2022);
      assert.equal((await editorState(page)).analysis.total.text.actual, "170,4 tỷ đồng");

      await page.selectOption("#unit", "trieu_dong");
      await settle(page);
      assert.equal(await page.getAttribute("#unit", "aria-invalid"), "true");
      assert.equal(
        await page.textContent("#unit-error"),
        "Tên cột B1 ghi đơn vị tỷ đồng, khác đơn vị đã chọn (triệu đồng).",
      );
      assert.equal((await editorState(page)).data, null);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});


describe("errors next to what caused them", () => {
  test("a word in a number cell, a negative amount, a short row: at the cell or row; fixed in the grid", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022.replace("\t79,5", "\tabc"));
      // A table problem, found before the package sees the data: at cell C2.
      const c2 = page.locator("#cell-1-2");
      assert.equal(await c2.getAttribute("aria-invalid"), "true");
      assert.equal(await c2.getAttribute("aria-describedby"), "cell-1-2-msg");
      assert.equal(
        await page.textContent("#cell-1-2-msg"),
        "“abc” không phải là số. Chỉ ghi số, không ghi đơn vị hay chữ.",
      );
      assert.ok(
        await page
          .locator("#cell-1-2")
          .evaluate((el) => el.closest("td").classList.contains("grid__cell--error")),
      );
      assert.equal(
        await page.locator('#grid input[aria-invalid="true"]').count(),
        1,
        "only that cell",
      );
      assert.deepEqual(
        await page.$$eval("#problem-list li", (lis) => lis.map((li) => li.textContent)),
        ["Ô C2 (Thực hiện): “abc” không phải là số. Chỉ ghi số, không ghi đơn vị hay chữ."],
      );
      assert.match(
        await page.textContent("#status"),
        /^Có 1 lỗi cần sửa\. Lỗi đầu tiên: Ô C2 \(Thực hiện\): “abc”/,
      );
      assert.equal(await page.isDisabled("#copy"), true);
      assert.equal(await page.isDisabled("#download"), true);

      // The list's entry takes the keyboard to the cell.
      await page.locator("#problem-list button").focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement.id), "cell-1-2");

      // Fixed in the grid (the pasted text follows); the chart draws.
      await c2.fill("79,5");
      await settle(page);
      assert.deepEqual((await editorState(page)).data, DATA_2022);
      assert.equal(await page.inputValue("#table-input"), TSV_2022.trimEnd());
      assert.equal(await page.locator("#grid [aria-invalid]").count(), 0);
      assert.equal(await page.isDisabled("#copy"), false);

      // A negative amount: the package's error (records[0].plan) comes back to cell B2.
      await page.locator("#cell-1-1").fill("-80,9");
      await settle(page);
      const b2 = page.locator("#cell-1-1");
      assert.equal(await b2.getAttribute("aria-invalid"), "true");
      assert.equal(
        await page.textContent("#cell-1-1-msg"),
        "Số tiền âm (-80,9): kinh phí phải từ 0 trở lên.",
      );
      // The previews keep the last good chart, marked as not up to date.
      assert.equal(await page.isVisible("#stale-note"), true);
      assert.ok(
        await page
          .locator("#device-desktop")
          .evaluate((el) => el.classList.contains("device--stale")),
      );
      assert.equal(await page.inputValue("#code"), "");
      assert.equal(await page.textContent("#code-note"), "Sửa các lỗi ở trên để có mã nhúng.");
      await b2.fill("80,9");

      // A row with a cell missing: the message under the row.
      await page.fill("#table-input", `${TSV_2022}Ngân sách tỉnh\t5\n`);
      await settle(page);
      const rowMessage = page.locator("#grid tr.grid__rowmsg--error");
      assert.equal(await rowMessage.count(), 1);
      assert.equal(await rowMessage.evaluate((tr) => tr.previousElementSibling.dataset.row), "3");
      assert.equal(
        await rowMessage.locator("td").textContent(),
        "Hàng này có 2 ô, bảng có 3 cột: có ô bị thiếu hoặc thừa.",
      );
      assert.equal(await page.getAttribute("#cell-3-0", "aria-invalid"), "true");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a missing title at the title field, a missing unit at the unit field", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022, { title: null, unit: null });
      assert.equal(await page.getAttribute("#title", "aria-invalid"), "true");
      const noTitle =
        "Chưa có tiêu đề: hãy đặt tên cho biểu đồ (ví dụ “Kinh phí khuyến công tỉnh … năm …”).";
      assert.equal(await page.textContent("#title-error"), noTitle);
      assert.match(await page.getAttribute("#title", "aria-describedby"), /\btitle-error\b/);
      assert.equal(await page.getAttribute("#title-error", "aria-live"), "polite");
      assert.match(
        await page.textContent("#status"),
        /^Có 1 lỗi cần sửa\. Lỗi đầu tiên: Tiêu đề \(bắt buộc\): Chưa có tiêu đề: hãy đặt tên cho biểu đồ/,
      );
      await page.locator("#problem-list button").click();
      assert.equal(await page.evaluate(() => document.activeElement.id), "title");

      await page.fill("#title", TITLE_2022);
      await settle(page);
      assert.equal(await page.getAttribute("#title", "aria-invalid"), null);
      assert.equal(await page.textContent("#title-error"), "");
      assert.equal(await page.getAttribute("#unit", "aria-invalid"), "true");
      assert.equal(
        await page.textContent("#unit-error"),
        "Chưa chọn đơn vị của các số tiền: đồng, nghìn đồng, triệu đồng hay tỷ đồng?",
      );

      await page.selectOption("#unit", "ty_dong");
      await settle(page);
      assert.deepEqual((await editorState(page)).errors, []);

      // A height that is no CSS height, at the height field.
      await page.fill("#height", "cao");
      await settle(page);
      assert.equal(
        await page.textContent("#height-error"),
        "“cao” không phải chiều cao (ví dụ 400 hoặc 400px).",
      );
      await page.fill("#height", "420");
      await settle(page);
      assert.equal((await previewView(page)).height, 420);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("pasted JSON: the error names its path, and a button selects that spot in the text", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await page.check('input[name="mode"][value="json"]');
      const json =
        '{\n  "title": "Thử",\n  "unit": "ty_dong",\n  "records": [\n    { "plan": "1" },\n    { "plan": "1,5" }\n  ]\n}';
      await page.fill("#json-input", json);
      await settle(page);
      // The JSON's members fill the fields.
      assert.equal(await page.inputValue("#title"), "Thử");
      assert.equal(await page.inputValue("#unit"), "ty_dong");
      const line = page.locator("#json-error .error__line");
      assert.equal(
        await line.textContent(),
        'records[1].plan: số tiền "1,5" không viết theo dạng chuẩn (dấu chấm thập phân, không phân cách hàng nghìn); hãy viết "1.5".',
      );
      assert.equal(await page.getAttribute("#json-input", "aria-invalid"), "true");
      await page.locator("#json-error button").click();
      const selected = await page.evaluate(() => {
        const area = document.getElementById("json-input");
        return [
          document.activeElement === area,
          area.value.slice(area.selectionStart, area.selectionEnd),
        ];
      });
      assert.deepEqual(selected, [true, '"1,5"']);

      // A key twice: the package's reader names line and column.
      await page.fill(
        "#json-input",
        '{"title": "T",\n "title": "U", "unit": "ty_dong", "records": [{"plan": "1"}]}',
      );
      await settle(page);
      assert.match(await line.textContent(), /^title: khóa "title" xuất hiện hai lần/);

      // Fixed: the chart draws from the JSON, with the fields' title (the headline figures:
      // a plan alone has no sources to share a donut).
      await page.selectOption("#kind", "summary");
      await page.fill("#json-input", json.replace('"1,5"', '"1.5"'));
      await page.fill("#title", "Tiêu đề sửa ở ô");
      await settle(page);
      const state = await editorState(page);
      assert.deepEqual(state.data, {
        version: 1,
        title: "Tiêu đề sửa ở ô",
        unit: "ty_dong",
        records: [{ plan: "1" }, { plan: "1.5" }],
      });
      assert.equal((await previewView(page)).title, "Tiêu đề sửa ở ô");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});
