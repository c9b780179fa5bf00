// The editor page's output (www/editor.html) in Debian's Chromium: the embed code copied with
// one click and pasted into an article on another server, in every form (picture, div,
// iframe), with and without JavaScript, for each CMS; the downloaded JSON; every sample file.
// Every page is served with the strict Content-Security-Policy, and every test ends with no
// console error, no page error and no CSP violation (editor-helpers.mjs has the fixture).
// Run: node --test tests/e2e/   (needs www/pkg/ built, with embed.js)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { repoPath, watchPage } from "./helpers.mjs";
import {
  assertClean,
  browser,
  DATA_2022,
  editorState,
  itemsOf,
  newsroom,
  newsroomPlain,
  openEditor,
  openTech,
  PICTURE_CODE,
  previewView,
  settle,
  site,
  startEditor,
  stopEditor,
  TITLE_2022,
  TSV_2022,
  typeTable,
  writeArticle,
} from "./editor-helpers.mjs";

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

before(() => startEditor({ newsroom: true }));
after(stopEditor);

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

