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

/** Writes an article page holding `snippet` on the newsroom server; returns its path. */
async function writeArticle(snippet) {
  const name = `article-${++articles}.html`;
  await writeFile(
    path.join(newsroomRoot, name),
    '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      '<title>Bài viết</title>\n<link rel="icon" href="/favicon.svg" type="image/svg+xml">\n' +
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

      // The grid shows what was understood of each column.
      assert.deepEqual(
        await page.$$eval("#grid thead th .grid__role", (els) => els.map((e) => e.textContent)),
        ["→ Nguồn kinh phí", "→ Kế hoạch", "→ Thực hiện"],
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
        ["Tổng kế hoạch theo nguồn là 179,1 tỷ đồng, khác số công bố 179 tỷ đồng."],
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
      assert.match(await page.textContent("#status"), /^Hãy cho biết cách viết số/);
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
        'Số tiền "-80.9" là số âm; số liệu kinh phí phải lớn hơn hoặc bằng 0.',
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
      assert.equal(await page.textContent("#title-error"), "Thiếu trường bắt buộc.");
      assert.match(await page.getAttribute("#title", "aria-describedby"), /\btitle-error\b/);
      assert.equal(await page.getAttribute("#title-error", "aria-live"), "polite");
      assert.match(
        await page.textContent("#status"),
        /^Có 1 lỗi cần sửa\. Lỗi đầu tiên: Tiêu đề \(bắt buộc\): Thiếu trường bắt buộc\.$/,
      );
      await page.locator("#problem-list button").click();
      assert.equal(await page.evaluate(() => document.activeElement.id), "title");

      await page.fill("#title", TITLE_2022);
      await settle(page);
      assert.equal(await page.getAttribute("#title", "aria-invalid"), null);
      assert.equal(await page.textContent("#title-error"), "");
      assert.equal(await page.getAttribute("#unit", "aria-invalid"), "true");
      assert.equal(await page.textContent("#unit-error"), "Thiếu trường bắt buộc.");

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

      // Fixed: the chart draws from the JSON, with the fields' title.
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

describe("the embed code", () => {
  test("copied with one click, pasted into an article on another server, it draws the same chart", async () => {
    const { context, page, seen } = await openEditor({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      await typeTable(page, `${TSV_2022}Tổng cộng\t179\t170,4\n`);
      await page.selectOption("#kind", "plan-actual");
      await page.selectOption("#theme", "light");
      await page.fill("#pkg", `${newsroom.url}static/khuyencong-charts/`);
      await settle(page);
      const preview = itemsOf(await previewView(page));
      assert.equal(preview.length, 6);

      await page.click("#copy");
      await settle(page);
      assert.equal(
        await page.textContent("#output-status"),
        "Đã sao chép mã nhúng. Dán vào chế độ HTML của trình soạn thảo bài viết.",
      );
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.inputValue("#code"));
      assert.ok(
        copied.startsWith(
          `<link rel="preload" href="${newsroom.url}static/khuyencong-charts/khuyencong_charts_view_bg.wasm" as="fetch" crossorigin>\n` +
            `<script type="module" src="${newsroom.url}static/khuyencong-charts/embed.js"></script>\n` +
            '<khuyencong-chart kind="plan-actual" theme="light">\n',
        ),
        copied,
      );

      // The article, on the newspaper's server, under the strict policy.
      const article = await context.newPage();
      const articleSeen = await watchPage(article);
      await article.goto(`${newsroom.url}${await writeArticle(copied)}`);
      await article.waitForSelector('khuyencong-chart[data-kc-state="ready"]');
      const embedded = await article.evaluate(() =>
        document.querySelector("khuyencong-chart").chart.view(),
      );
      assert.deepEqual(itemsOf(embedded), preview);
      assert.equal(embedded.title, TITLE_2022);
      assert.equal(embedded.kind, "plan-actual");
      // The fallback table is there, hidden now that the chart is drawn.
      assert.equal(await article.locator("khuyencong-chart table").isVisible(), false);
      // By default the file of all kinds, which other charts' snippets in the article share.
      const wasmOf = (seenBy) => seenBy.requests.filter((u) => u.endsWith(".wasm")).map((u) => u.split("/").pop());
      assert.deepEqual(wasmOf(articleSeen), ["khuyencong_charts_view_bg.wasm"]);
      await assertClean(article, articleSeen);

      // The plain element, for CMSs that strip unknown tags, as the article's only chart: the
      // preload names the kind's own, smaller file.
      assert.equal(await page.isChecked("#alone"), false);
      await page.check('input[name="form"][value="plain"]');
      await page.check("#alone");
      const plain = await page.inputValue("#code");
      assert.match(
        plain,
        /^<link rel="preload" href="[^"]+khuyencong_charts_view_plan-actual_bg\.wasm" as="fetch" crossorigin>\n<script type="module" src="[^"]+embed\.js"><\/script>\n<div data-khuyencong data-kind="plan-actual" data-theme="light">\n/,
      );
      const plainPage = await context.newPage();
      const plainSeen = await watchPage(plainPage);
      await plainPage.goto(`${newsroom.url}${await writeArticle(plain)}`);
      await plainPage.waitForSelector('[data-khuyencong][data-kc-state="ready"]');
      // The handle is the embed module's (chartOf); the canvas shows the same items.
      const plainView = await plainPage.evaluate(async () => {
        const { chartOf } = await import(document.querySelector('script[type="module"]').src);
        return chartOf(document.querySelector("[data-khuyencong]")).view();
      });
      assert.deepEqual(itemsOf(plainView), preview);
      assert.deepEqual(wasmOf(plainSeen), ["khuyencong_charts_view_plan-actual_bg.wasm"]);
      await assertClean(plainPage, plainSeen);
      // An iframe is a page of its own: the choice does not apply there.
      await page.check('input[name="form"][value="iframe"]');
      assert.equal(await page.isVisible("#alone"), false);
      await page.check('input[name="form"][value="element"]');
      assert.equal(await page.isVisible("#alone"), true);
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
      const element = await page.inputValue("#code");
      assert.match(
        element.split("\n")[2],
        /^<khuyencong-chart kind="plan-actual" percent-digits="2" amount-digits="0">$/,
      );
      await page.check('input[name="form"][value="plain"]');
      assert.match(
        (await page.inputValue("#code")).split("\n")[2],
        /^<div data-khuyencong data-kind="plan-actual" data-percent-digits="2" data-amount-digits="0">$/,
      );
      // Back to the default: the attribute goes.
      await page.selectOption("#percentDigits", "");
      await settle(page);
      await page.check('input[name="form"][value="element"]');
      assert.match(
        (await page.inputValue("#code")).split("\n")[2],
        /^<khuyencong-chart kind="plan-actual" amount-digits="0">$/,
      );
      assert.deepEqual((await actualRow("desktop"))[1], ["Đạt kế hoạch", "98,3%"]);
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("without JavaScript the pasted snippet shows the figures as a table", async () => {
    const { context, page } = await openEditor();
    let noJs;
    try {
      await typeTable(page, `${TSV_2022}Tổng cộng\t179\t170,4\n`);
      await page.fill("#pkg", `${newsroom.url}static/khuyencong-charts/`);
      await settle(page);
      const name = await writeArticle(await page.inputValue("#code"));
      noJs = await browser.newContext({ javaScriptEnabled: false });
      const article = await noJs.newPage();
      await article.goto(`${newsroom.url}${name}`);
      const table = article.locator("khuyencong-chart table");
      assert.equal(await table.isVisible(), true);
      assert.deepEqual(
        await table
          .locator("tr")
          .evaluateAll((rows) => rows.map((row) => Array.from(row.cells, (c) => c.textContent))),
        [
          ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt (% kế hoạch)", "Tỷ trọng"],
          ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"],
          ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%", "53,3%"],
          ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"],
        ],
      );
      assert.equal(await table.locator("caption").textContent(), TITLE_2022);
    } finally {
      await noJs?.close();
      await context.close();
    }
  });

  test("the iframe form needs the JSON's address; with the sample's, the frame draws the same chart", async () => {
    const { context, page, seen } = await openEditor();
    try {
      await typeTable(page, TSV_2022);
      await page.check('input[name="form"][value="iframe"]');
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
      assert.equal(
        code,
        `<iframe src="${site.url}embed.html?src=${encodeURIComponent(dataUrl)}&amp;kind=sources"` +
          ` data-khuyencong-frame title="${TITLE_2022}" width="100%" height="480" loading="lazy" frameborder="0"></iframe>`,
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
          "Đã sao chép mã nhúng. Dán vào chế độ HTML của trình soạn thảo bài viết.",
        ].includes(await page.textContent("#output-status")),
      );
      await assertClean(page, seen);
    } finally {
      await context.close();
    }
  });

  test("the downloaded JSON is the data, named after the title", async () => {
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
      assert.equal(await page.textContent("#title-error"), "A required field is missing.");
      assert.match(
        await page.textContent("#status"),
        /^1 error to fix\. The first: Title \(required\): /,
      );
      assert.deepEqual(
        await page.$$eval("#grid thead th .grid__role", (els) => els.map((e) => e.textContent)),
        ["→ Source of funds", "→ Plan", "→ Actual"],
      );
      await page.fill("#title", TITLE_2022);
      await settle(page);
      assert.equal(await page.textContent("#status"), "The chart is up to date.");
      // The chart is the readers' (Vietnamese), whatever the editor's interface language.
      assert.equal((await previewView(page)).locale, "vi");
      await page.selectOption("#locale", "en");
      await settle(page);
      assert.equal((await previewView(page)).items[0].title, "National industrial promotion");
      assert.match(await page.inputValue("#code"), /<khuyencong-chart kind="sources" locale="en">/);

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
