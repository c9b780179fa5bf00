// The editor page (www/editor.html) in Debian's Chromium, as a newsroom editor uses it: paste a
// table, answer the notation question, fix what is flagged, copy the embed code, paste it
// into an article page on another server, download the JSON. Every page here is served with
// the strict Content-Security-Policy, and every test ends with no console error, no page error
// and no CSP violation.
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { LAYOUTS } from "./editor-layouts.mjs";
import { STRICT_CSP, cspViolations, launchChromium, repoPath, watchPage } from "./helpers.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
const TITLE_2022 = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";
// The seed article's figures as a sheet holds them (published-figures.md), Vietnamese notation.
const TSV_2022 =
  "Nguồn\tKế hoạch\tThực hiện\n" +
  "Khuyến công quốc gia\t80,9\t79,5\n" +
  "Khuyến công địa phương\t98,2\t90,9\n";
const DATA_2022 = {
  version: 1,
  title: TITLE_2022,
  unit: "ty_dong",
  records: [
    { source: "kcqg", plan: "80.9", actual: "79.5" },
    { source: "kcdp", plan: "98.2", actual: "90.9" },
  ],
};
const SAMPLES = [
  ["phia-bac-2022.json", "sources"],
  ["cao-bang-2021-2025.json", "leverage"],
  ["dak-lak-2020.json", "categories"],
  ["binh-dinh-2021.json", "categories"],
  ["dia-phuong-cong-bo.json", "trend"],
  ["63-tinh-minh-hoa.json", "regions"],
  ["xu-huong-2021-2026-minh-hoa.json", "regions"],
];
const readData = (file) => JSON.parse(readFileSync(repoPath("www", "data", file), "utf8"));

let browser;
let site; // www/ under the strict CSP
let newsroom; // another origin, a newspaper's: article pages and a copy of the package folder
let newsroomPlain; // the same files without a CSP (its article frames the site, another origin)
let newsroomRoot;
let articles = 0;

before(async () => {
  assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg/ is missing: make www-pkg");
  // The embed script is another helper's part of the package: wait for it to be built.
  for (let i = 0; !existsSync(repoPath("www", "pkg", "embed.js")); i++) {
    assert.ok(i < 600, "www/pkg/embed.js never appeared: make www-pkg");
    await new Promise((r) => setTimeout(r, 1000));
  }
  site = await serve({ root: repoPath("www"), headers: { "Content-Security-Policy": STRICT_CSP } });
  newsroomRoot = await mkdtemp(path.join(tmpdir(), "kc-newsroom-"));
  await mkdir(path.join(newsroomRoot, "static"));
  // "the folder can be copied anywhere": here it sits under /static/khuyencong-charts/.
  await symlink(
    repoPath("www", "pkg"),
    path.join(newsroomRoot, "static", "khuyencong-charts"),
    "dir",
  );
  // The articles name an icon (else the browser asks for /favicon.ico, a 404 in the console).
  await copyFile(repoPath("www", "assets", "favicon.svg"), path.join(newsroomRoot, "favicon.svg"));
  newsroom = await serve({
    root: newsroomRoot,
    headers: { "Content-Security-Policy": STRICT_CSP },
  });
  newsroomPlain = await serve({ root: newsroomRoot });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await newsroom?.close();
  await newsroomPlain?.close();
  if (newsroomRoot) await rm(newsroomRoot, { recursive: true, force: true });
});

/** A fresh context with the editor open and its package loaded. */
async function openEditor({
  viewport = { width: 1280, height: 900 },
  query = "",
  ...options
} = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const seen = await watchPage(page);
  await page.goto(`${site.url}editor.html${query}`);
  await page.evaluate(() => window.khuyencongEditor.ready);
  return { context, page, seen };
}

/** Waits until the page has no update pending or running. */
const settle = (page) => page.evaluate(() => window.khuyencongEditor.idle());
const editorState = (page) => page.evaluate(() => window.khuyencongEditor.state());

/** What a chart shows: each item's title and tooltip rows. */
const itemsOf = (view) => view.items.map(({ title, rows }) => ({ title, rows }));
const previewView = (page, which = "desktop") =>
  page.evaluate((w) => window.khuyencongEditor.previews()[w].view(), which);

async function typeTable(page, tsv, { title = TITLE_2022, unit = "ty_dong" } = {}) {
  await page.fill("#table-input", tsv);
  if (title !== null) await page.fill("#title", title);
  if (unit !== null) await page.selectOption("#unit", unit);
  await settle(page);
}

/** Asserts a clean run: no console error, no uncaught error, no CSP violation. */
async function assertClean(page, seen) {
  assert.deepEqual(seen.consoleErrors, []);
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(await cspViolations(page), []);
}

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

/** Writes an article page holding `snippet` on the newsroom server, its template loading
 * `loader` if given; returns its path. */
async function writeArticle(snippet, { loader } = {}) {
  const name = `article-${++articles}.html`;
  await writeFile(
    path.join(newsroomRoot, name),
    '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      '<title>Bài viết</title>\n<link rel="icon" href="/favicon.svg" type="image/svg+xml">\n' +
      (loader ? `<script type="module" src="${loader}"></script>\n` : "") +
      "</head>\n<body>\n<article>\n<h1>Hội nghị khuyến công khu vực phía Bắc</h1>\n" +
      "<p>Năm 2022, kinh phí khuyến công của 28 tỉnh, thành phố phía Bắc…</p>\n" +
      `${snippet}\n<p>Hết bài.</p>\n</article>\n</body>\n</html>\n`,
  );
  return name;
}

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

/** Opens the part of the output panel for the technical team (closed by default). */
const openTech = (page) => page.evaluate(() => (document.getElementById("tech").open = true));

/** The picture, link and table of a picture-way code. */
const PICTURE_CODE =
  /^<p><img src="data:image\/svg\+xml,[^"]+" alt="[^"]+" width="440" height="\d+"><\/p>\n<p><a href="([^"]+)">Xem biểu đồ tương tác<\/a>( · Nguồn: [^<]+)?<\/p>\n<table>\n/;

describe("the embed code", () => {
  test("copied with one click (as HTML and text), pasted into an article on another server whose template loads the library, it draws the same chart", async () => {
    const { context, page, seen } = await openEditor({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      await typeTable(page, `${TSV_2022}Tổng cộng\t179\t170,4\n`);
      await page.selectOption("#kind", "plan-actual");
      await page.selectOption("#theme", "light");
      await openTech(page);
      const lib = `${newsroom.url}static/khuyencong-charts/`;
      await page.fill("#pkg", lib);
      await settle(page);
      const preview = itemsOf(await previewView(page));
      assert.equal(preview.length, 6);
      assert.equal(await page.inputValue("#loader-line"), `<script type="module" src="${lib}embed.js"></script>`);

      await page.click("#copy");
      await settle(page);
      assert.equal(await page.textContent("#output-status"), "Đã sao chép mã nhúng. Dán vào bài viết.");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const code = await page.inputValue("#code");
      assert.equal(copied, code);
      // Also as HTML, for an editor's rich view: the same markup.
      const html = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return item.types.includes("text/html") ? (await item.getType("text/html")).text() : null;
      });
      assert.ok(html?.includes('<a href="'), "the copied HTML");
      const [, href] = PICTURE_CODE.exec(code) ?? [];
      assert.ok(href, code.slice(0, 300));
      assert.ok(
        href.startsWith(`${lib}chart.html#khuyencong=1&amp;kind=plan-actual&amp;theme=light&amp;d=`),
        href,
      );
      assert.ok(!/<script|<khuyencong-chart|data-khuyencong|<iframe/.test(code), "only what editors keep");

      // The article, on the newspaper's server under the strict policy; its template has the
      // one line the technical team adds.
      const article = await context.newPage();
      const articleSeen = await watchPage(article);
      await article.goto(`${newsroom.url}${await writeArticle(code, { loader: `${lib}embed.js` })}`);
      await article.waitForSelector('.kc-embed[data-kc-state="ready"]');
      const embedded = await article.evaluate(async (src) => {
        const { chartOf } = await import(src);
        return chartOf(document.querySelector('img[src*="khuyencong"]')).view();
      }, `${lib}embed.js`);
      assert.deepEqual(itemsOf(embedded), preview);
      assert.equal(embedded.title, TITLE_2022);
      assert.equal(embedded.kind, "plan-actual");
      // The article's table stays; the picture gave way to the chart.
      assert.equal(await article.locator("article table").isVisible(), true);
      assert.equal(await article.locator('img[src*="khuyencong"]').isVisible(), false);
      const wasmOf = (seenBy) => seenBy.requests.filter((u) => u.endsWith(".wasm")).map((u) => u.split("/").pop());
      assert.deepEqual(wasmOf(articleSeen), ["khuyencong_charts_view_bg.wasm"]);
      await assertClean(article, articleSeen);

      // The plain element, for a CMS that keeps scripts and data-*: it draws the same.
      await page.check('input[name="form"][value="plain"]');
      await settle(page);
      const plain = await page.inputValue("#code");
      assert.match(
        plain,
        /^<script type="module" src="[^"]+embed\.js"><\/script>\n<div data-khuyencong data-kind="plan-actual" data-theme="light">\n/,
      );
      const plainPage = await context.newPage();
      const plainSeen = await watchPage(plainPage);
      await plainPage.goto(`${newsroom.url}${await writeArticle(plain)}`);
      await plainPage.waitForSelector('[data-khuyencong][data-kc-state="ready"]');
      const plainView = await plainPage.evaluate(async () => {
        const { chartOf } = await import(document.querySelector('script[type="module"]').src);
        return chartOf(document.querySelector("[data-khuyencong]")).view();
      });
      assert.deepEqual(itemsOf(plainView), preview);
      await assertClean(plainPage, plainSeen);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("decimal places chosen in the form show in both previews and travel in every form of the code", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022);
      await page.selectOption("#kind", "plan-actual");
      await settle(page);
      // 79,5 of 80,9 tỷ đồng: the defaults, then 0 digits for amounts and 2 for percentages.
      const actualRow = async (which) =>
        (await previewView(page, which)).items[1].rows;
      assert.deepEqual(await actualRow("desktop"), [
        ["Thực hiện", "79,5 tỷ đồng"],
        ["Đạt kế hoạch", "98,3%"],
      ]);
      await page.selectOption("#amountDigits", "0");
      await page.selectOption("#percentDigits", "2");
      await settle(page);
      for (const which of ["desktop", "phone"]) {
        assert.deepEqual(await actualRow(which), [
          ["Thực hiện", "80 tỷ đồng"],
          ["Đạt kế hoạch", "98,27%"],
        ]);
      }
      const [, href] = PICTURE_CODE.exec(await page.inputValue("#code")) ?? [];
      assert.match(href, /#khuyencong=1&amp;kind=plan-actual&amp;percent-digits=2&amp;amount-digits=0&amp;d=/);
      // The table of the code is in the same digits.
      assert.match(await page.inputValue("#code"), /<td>80 tỷ đồng<\/td><td>98,27%<\/td>/);
      await openTech(page);
      await page.check('input[name="form"][value="element"]');
      await settle(page);
      assert.match(
        (await page.inputValue("#code")).split("\n")[1],
        /^<khuyencong-chart kind="plan-actual" percent-digits="2" amount-digits="0">$/,
      );
      await page.check('input[name="form"][value="plain"]');
      await settle(page);
      assert.match(
        (await page.inputValue("#code")).split("\n")[1],
        /^<div data-khuyencong data-kind="plan-actual" data-percent-digits="2" data-amount-digits="0">$/,
      );
      // Back to the default: the attribute goes.
      await page.selectOption("#percentDigits", "");
      await settle(page);
      await page.check('input[name="form"][value="element"]');
      await settle(page);
      assert.match(
        (await page.inputValue("#code")).split("\n")[1],
        /^<khuyencong-chart kind="plan-actual" amount-digits="0">$/,
      );
      assert.deepEqual((await actualRow("desktop"))[1], ["Đạt kế hoạch", "98,3%"]);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("without JavaScript the pasted code shows the picture, the link and the figures", async () => {
    const { context, page } = await openEditor();
    let noJs;
    try {
      await typeTable(page, `${TSV_2022}Tổng cộng\t179\t170,4\n`);
      await openTech(page);
      await page.fill("#pkg", `${newsroom.url}static/khuyencong-charts/`);
      await settle(page);
      const name = await writeArticle(await page.inputValue("#code"), {
        loader: `${newsroom.url}static/khuyencong-charts/embed.js`,
      });
      noJs = await browser.newContext({ javaScriptEnabled: false });
      const article = await noJs.newPage();
      await article.goto(`${newsroom.url}${name}`);
      const picture = article.locator('img[src*="khuyencong"]');
      assert.ok(await picture.isVisible());
      await article.waitForFunction(() => document.querySelector("img").naturalWidth > 0);
      assert.match(await picture.getAttribute("alt"), /170,4 tỷ đồng/);
      const table = article.locator("article table");
      assert.equal(await table.isVisible(), true);
      assert.deepEqual(
        await table
          .locator("tr")
          .evaluateAll((rows) => rows.map((row) => Array.from(row.cells, (c) => c.textContent))),
        [
          ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt kế hoạch", "Tỷ trọng"],
          ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"],
          ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%", "53,3%"],
          ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"],
        ],
      );
      assert.equal(await table.locator("caption").textContent(), TITLE_2022);
      assert.equal(await article.locator("a").textContent(), "Xem biểu đồ tương tác");
      const text = await article.evaluate(() => document.body.innerText);
      assert.ok(!/[{}]|khuyencong=|<\w/.test(text), "code or JSON in the article's text");
    } finally {
      await noJs?.close();
      await context.close();
    }
  });

  test("which editor the site uses: WordPress and SharePoint take the picture as an uploaded file", async () => {
    const { context, page, seen } = await openEditor({ acceptDownloads: true });
    try {
      await typeTable(page, TSV_2022);
      const inline = await page.inputValue("#code");
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(inline);
      for (const cms of ["tinymce", "ckeditor4", "ckeditor5", "unknown"]) {
        await page.selectOption("#cms", cms);
        await settle(page);
        assert.equal(await page.isChecked('input[name="picture"][value="inline"]'), true, cms);
        assert.ok((await page.textContent("#cms-help")).length > 40, cms);
      }
      await page.selectOption("#cms", "wordpress");
      await settle(page);
      assert.match(await page.textContent("#cms-help"), /Thư viện \(Media\)/);
      assert.equal(await page.isChecked('input[name="picture"][value="file"]'), true);
      assert.equal(await page.isVisible("#pictureUrl"), true);
      // No code until the picture's address is there.
      assert.equal(await page.inputValue("#code"), "");
      assert.equal(await page.textContent("#pictureUrl-error"), "Hãy dán địa chỉ của ảnh sau khi đã tải ảnh lên trang web.");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#picture-download")]);
      const file = download.suggestedFilename();
      assert.equal(file, "khuyencong-kinh-phi-khuyen-cong-28-tinh-thanh-pho-phia-bac-nam-2022.png");
      const png = readFileSync(await download.path());
      assert.equal(png.subarray(1, 4).toString(), "PNG");
      // Twice the picture's box, as the inline picture's.
      assert.equal(png.readUInt32BE(16), 2 * Number(width));
      assert.equal(png.readUInt32BE(20), 2 * Number(height));
      // A renamed file would not be recognised as the chart's picture: said, no code.
      await page.fill("#pictureUrl", "https://soct.example.vn/wp-content/uploads/2026/12/anh-1.png");
      await settle(page);
      assert.match(await page.textContent("#pictureUrl-error"), /khuyencong/);
      assert.equal(await page.inputValue("#code"), "");
      const uploaded = `https://soct.example.vn/wp-content/uploads/2026/12/${file}`;
      await page.fill("#pictureUrl", uploaded);
      await settle(page);
      const code = await page.inputValue("#code");
      assert.ok(code.startsWith(`<p><img src="${uploaded}" alt="`), code.slice(0, 200));
      assert.match(code, new RegExp(`width="${width}" height="${height}"`));
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("a journalist reads no developer word in the embed code's panel", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022);
      for (const lang of ["vi", "en"]) {
        await page.check(`input[name="ui-lang"][value="${lang}"]`);
        await settle(page);
        const text = await page.evaluate(() => {
          const panel = document.querySelector(".panel--output").cloneNode(true);
          panel.querySelector("#tech").remove();
          panel.querySelector("#code").remove();
          return panel.innerText;
        });
        assert.doesNotMatch(text, /script|iframe|WebAssembly|JSON|\bCMS\b|embed\.js|pkg\/|<|\bHTML\b/i, `${lang}: ${text}`);
      }
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("the iframe form needs the JSON's address; with the sample's, the frame draws the same chart at its own height", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022);
      await openTech(page);
      await page.check('input[name="form"][value="iframe"]');
      await settle(page);
      // Table data has no address yet: the page asks for one.
      assert.equal(await page.isVisible("#dataUrl"), true);
      assert.equal(
        await page.textContent("#dataUrl-error"),
        "Hãy nhập địa chỉ tệp JSON đã đưa lên máy chủ: khung iframe cần số liệu ở một địa chỉ.",
      );
      assert.equal(await page.inputValue("#code"), "");
      assert.equal(await page.isDisabled("#copy"), true);

      // The sample: its file is already on the server.
      await page.selectOption("#sample", "phia-bac-2022.json");
      await page.click("#sample-load");
      await settle(page);
      const dataUrl = `${site.url}data/phia-bac-2022.json`;
      assert.equal(await page.inputValue("#dataUrl"), dataUrl);
      const code = await page.inputValue("#code");
      const phoneHeight = Math.ceil((await previewView(page, "phone")).height);
      assert.equal(
        code,
        `<iframe src="${site.url}pkg/embed.html?src=${encodeURIComponent(dataUrl)}&amp;kind=sources"` +
          ` data-khuyencong-frame title="${TITLE_2022}" width="100%" height="${phoneHeight}" loading="lazy" frameborder="0"></iframe>`,
      );
      const preview = itemsOf(await previewView(page));

      const article = await context.newPage();
      await article.goto(`${newsroomPlain.url}${await writeArticle(code)}`);
      const frame = article.frameLocator("iframe[data-khuyencong-frame]");
      await frame.locator('khuyencong-chart[data-kc-state="ready"]').waitFor();
      const framed = await frame.locator("khuyencong-chart").evaluate((el) => el.chart.view());
      assert.deepEqual(itemsOf(framed), preview);

      // Data edited after loading the sample is no longer the file at that address.
      await page.fill("#title", "Tiêu đề khác");
      await settle(page);
      assert.equal(
        await page.textContent("#dataUrl-error"),
        "Số liệu đã khác tệp mẫu: hãy tải JSON về, đưa lên máy chủ và dán địa chỉ mới vào đây.",
      );
      assert.equal(await page.inputValue("#code"), "");
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("copying without clipboard access selects the whole code instead", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await page.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", {
          configurable: true,
          value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
        });
      });
      await typeTable(page, TSV_2022);
      await page.click("#copy");
      await settle(page);
      const selection = await page.evaluate(() => {
        const area = document.getElementById("code");
        return {
          focused: document.activeElement === area,
          start: area.selectionStart,
          end: area.selectionEnd,
          length: area.value.length,
        };
      });
      assert.ok(selection.length > 500, `${selection.length} characters`);
      assert.deepEqual(selection, {
        focused: true,
        start: 0,
        end: selection.length,
        length: selection.length,
      });
      assert.ok(
        [
          "Đã chọn toàn bộ mã: nhấn Ctrl+C (hoặc ⌘+C) để sao chép.",
          "Đã sao chép mã nhúng. Dán vào bài viết.",
        ].includes(await page.textContent("#output-status")),
      );
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("the downloaded data is the data, named after the title", async () => {
    const { context, page, seen } = await openEditor({ acceptDownloads: true });
    try {
      await typeTable(page, `${TSV_2022}Tổng cộng\t179\t170,4\n`);
      await page.fill("#source", "Cục Công Thương địa phương");
      await settle(page);
      const built = (await editorState(page)).data;
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("#download"),
      ]);
      assert.equal(
        download.suggestedFilename(),
        "kinh-phi-khuyen-cong-28-tinh-thanh-pho-phia-bac-nam-2022.json",
      );
      const text = readFileSync(await download.path(), "utf8");
      assert.deepEqual(JSON.parse(text), built);
      assert.deepEqual(built, {
        ...DATA_2022,
        source: "Cục Công Thương địa phương",
        reported: { plan: "179", actual: "170.4" },
      });
      assert.equal(
        await page.textContent("#output-status"),
        "Đã tải về tệp kinh-phi-khuyen-cong-28-tinh-thanh-pho-phia-bac-nam-2022.json.",
      );
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});

describe("sample data", () => {
  test("every sample file loads into the JSON box, with the kind that suits it, and draws", async () => {
    const { context, page, seen } = await openEditor();
    try {
      for (const [file, kind] of SAMPLES) {
        await page.selectOption("#sample", file);
        await page.click("#sample-load");
        await settle(page);
        const state = await editorState(page);
        assert.equal(state.mode, "json", file);
        assert.deepEqual(state.errors, [], file);
        assert.deepEqual(state.data, readData(file), file);
        assert.equal(await page.inputValue("#kind"), kind, file);
        const view = await previewView(page);
        assert.equal(view.title, readData(file).title, file);
        assert.equal(view.kind, kind, file);
        assert.ok(view.items.length > 0, file);
      }
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });
});

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

// ---- issue 18: the editor never changes a figure silently -------------------------------------

/** The issue's table: by source, in triệu đồng, with projects; every amount reads two ways
 * until the notation is answered. */
const SEED_TSV =
  "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\n" +
  "Khuyến công quốc gia\t2.400\t9\n" +
  "Khuyến công địa phương\t3.420\t30\n";

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

const listTexts = (page, selector) =>
  page.$$eval(selector, (els) => els.map((e) => e.textContent));
const pickTexts = (page) =>
  page.$$eval("#grid .grid__pick", (els) => els.map((e) => e.selectedOptions[0].textContent));
/** Whether the embed code is offered: written, and its copy button live. */
const codeOffered = async (page) =>
  (await page.inputValue("#code")) !== "" && !(await page.isDisabled("#copy"));

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

// ---- issue 20: today's 34 provinces in one click ------------------------------------------------

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
