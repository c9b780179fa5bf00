// The embed code's whole journey through the real editors (tests/e2e/cms/editors.mjs): written
// by the editor page (www/editor.html) as a journalist gets it, pasted into TinyMCE, CKEditor 5
// and CKEditor 4 in their default configurations, saved, reopened and saved again, then
// published on a "newspaper" server (another origin, the strict CSP) whose template loads
// embed.js, and on one whose template does not. Also through allowList, a WordPress-like
// filter that removes data: pictures, and the uploaded-picture way such sites need.
// Screenshots: target/screenshots/cms-*.png (390 px, DPR 2).
// Run: node --test tests/e2e/cms/roundtrip.test.mjs   (needs www/pkg/ built and node_modules)

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { cspViolations, launchChromium, openPage, repoPath, startSite } from "../helpers.mjs";
import { EDITORS, allowList, roundTrip, startEditorServer } from "./editors.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
const TITLE = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";
// The seed article's figures as a sheet holds them, with the published total row (as in
// tests/e2e/editor-helpers.mjs, TSV_2022).
const TSV =
  "Nguồn\tKế hoạch\tThực hiện\n" +
  "Khuyến công quốc gia\t80,9\t79,5\n" +
  "Khuyến công địa phương\t98,2\t90,9\n" +
  "Tổng cộng\t179\t170,4\n";
const FIGURES = ["79,5 tỷ đồng", "90,9 tỷ đồng", "170,4 tỷ đồng"];
/** A phone: the screenshots, and every article page (the layouts compared must match). */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
/** The package folder on the newspaper's server, as its template names it. */
const PKG = "/static/khuyencong-charts/";
/** A layout may differ by rounding, not more. */
const PX = 1;

let browser;
let editors; // the editors' pages and node_modules (startEditorServer)
let newsroom; // the newspaper: articles, /static/khuyencong-charts/, /uploads/, under STRICT_CSP
let newsroomRoot;
let parser; // a blank page that parses saved HTML as a browser would
/** What one visit to the editor page gave: both codes, the uploaded picture, the previews. */
let journalist;

before(async () => {
  assert.ok(existsSync(repoPath("www", "pkg", "embed.js")), "www/pkg/ is missing: make www-pkg");
  newsroomRoot = await mkdtemp(path.join(tmpdir(), "kc-cms-"));
  await mkdir(path.join(newsroomRoot, "static"));
  await mkdir(path.join(newsroomRoot, "uploads"));
  await symlink(repoPath("www", "pkg"), path.join(newsroomRoot, PKG.slice(1, -1)), "dir");
  await copyFile(repoPath("www", "assets", "favicon.svg"), path.join(newsroomRoot, "favicon.svg"));
  // The template's stylesheet: what any news site has, pictures never wider than the column.
  await writeFile(
    path.join(newsroomRoot, "article.css"),
    "body { margin: 0; font: 17px/1.55 Georgia, serif; color: #222; background: #fff; }\n" +
      "article { max-width: 680px; margin: 0 auto; padding: 8px 16px 24px; }\n" +
      "h1 { font-size: 24px; line-height: 1.25; }\n" +
      "img { max-width: 100%; height: auto; }\n" +
      "figure { margin: 0; }\n" +
      "table { border-collapse: collapse; width: 100%; font-size: 14px; }\n" +
      "caption { text-align: left; font-weight: bold; padding-bottom: 4px; }\n" +
      "th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; }\n",
  );
  newsroom = await startSite({ root: newsroomRoot, csp: true });
  editors = await startEditorServer();
  browser = await launchChromium();
  parser = await browser.newPage();
  journalist = await writeCodes();
});

after(async () => {
  await browser?.close();
  await editors?.close();
  await newsroom?.close();
  if (newsroomRoot) await rm(newsroomRoot, { recursive: true, force: true });
});

/**
 * The editor page, as a journalist uses it: the table pasted, title and unit, the package's
 * address on the newspaper's server (set once by its technician); the inline code; then
 * WordPress chosen, the picture downloaded and "uploaded" to /uploads/, its address given, and
 * the code for the uploaded picture.
 */
async function writeCodes() {
  const site = await startSite({ csp: true });
  const { context, page, seen } = await openPage(browser, { acceptDownloads: true });
  try {
    await page.goto(`${site.url}editor.html`);
    await page.evaluate(() => window.khuyencongEditor.ready);
    const settle = () => page.evaluate(() => window.khuyencongEditor.idle());
    await page.fill("#table-input", TSV);
    await page.fill("#title", TITLE);
    await page.selectOption("#unit", "ty_dong");
    await page.click("#tech summary");
    await page.fill("#pkg", `${newsroom.url}${PKG.slice(1)}`);
    await settle();
    const inline = await page.inputValue("#code");
    const previews = await page.evaluate(() => {
      const { phone, desktop } = window.khuyencongEditor.previews();
      return { phone: phone.view(), desktop: desktop.view() };
    });

    await page.selectOption("#cms", "wordpress");
    await settle();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#picture-download"),
    ]);
    const fileName = download.suggestedFilename();
    await download.saveAs(path.join(newsroomRoot, "uploads", fileName));
    const pictureUrl = `${newsroom.url}uploads/${fileName}`;
    await page.fill("#pictureUrl", pictureUrl);
    await settle();
    const file = await page.inputValue("#code");
    return {
      inline,
      file,
      fileName,
      pictureUrl,
      previews,
      picked: await page.isChecked('input[name="picture"][value="file"]'),
      seen: { ...seen, csp: await cspViolations(page) },
    };
  } finally {
    await context.close();
    await site.close();
  }
}

// ---- reading saved HTML ---------------------------------------------------------------------

/** The pictures, links, tables and text of `html` as Chromium parses it. */
const parse = (html) =>
  parser.evaluate((h) => {
    const { body } = new DOMParser().parseFromString(h, "text/html");
    return {
      imgs: [...body.querySelectorAll("img")].map((img) => ({
        src: img.getAttribute("src"),
        alt: img.getAttribute("alt"),
      })),
      links: [...body.querySelectorAll("a")].map((a) => a.getAttribute("href")),
      tables: [...body.querySelectorAll("table")].map((t) =>
        [...t.rows].map((row) => [...row.cells].map((c) => c.textContent.trim())),
      ),
    };
  }, html);

/** The SVG a data: URL holds, whichever way it is encoded (TinyMCE saves it as base64). */
function svgOf(src) {
  const match = /^data:image\/svg\+xml(;base64)?,(.*)$/s.exec(src ?? "");
  if (!match) return null;
  return match[1] ? Buffer.from(match[2], "base64").toString("utf8") : decodeURIComponent(match[2]);
}

/** The only <img>'s src of a code (the picture), as written. */
const pictureSrc = async (html) => (await parse(html)).imgs[0]?.src;

/** Asserts that `saved` keeps the chart's link and the table with the figures. */
function assertLinkAndTable(saved, what) {
  assert.equal(saved.links.length, 1, `${what}: one link`);
  assert.match(saved.links[0], /#khuyencong=1&/, `${what}: the chart's link`);
  assert.equal(saved.tables.length, 1, `${what}: one table`);
  const cells = saved.tables[0].flat();
  for (const figure of FIGURES) {
    assert.ok(cells.includes(figure), `${what}: ${figure} in the table`);
  }
}

// ---- the newspaper ------------------------------------------------------------------------

/** Publishes `body` as an article (the template loading embed.js or not); returns its URL. */
async function publish(name, body, { loader }) {
  await writeFile(
    path.join(newsroomRoot, `${name}.html`),
    '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      "<title>Hội nghị khuyến công khu vực phía Bắc</title>\n" +
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml">\n' +
      '<link rel="stylesheet" href="/article.css">\n' +
      (loader ? `<script type="module" src="${PKG}embed.js"></script>\n` : "") +
      "</head>\n<body>\n<article>\n<h1>Hội nghị khuyến công khu vực phía Bắc</h1>\n" +
      "<p>Sáng nay, các tỉnh, thành phố phía Bắc tổng kết công tác khuyến công năm 2022.</p>\n" +
      `${body}\n<p>Hết bài.</p>\n</article>\n</body>\n</html>\n`,
  );
  return `${newsroom.url}${name}.html`;
}

/**
 * Opens an article on a phone, waits for its chart (with the loader) or its picture (without),
 * and measures it: the picture's and the chart box's places in the page, and the top of the
 * link's paragraph (what follows the picture).
 *
 * With the loader, an uploaded picture arrives only after the chart's code, as on a slow
 * connection: one without width and height (CKEditor 4 writes them as a style attribute, which
 * the filter drops) has no size until then, and the chart must still take its box.
 */
async function read(url, { loader }) {
  const { context, page, seen } = await openPage(browser, PHONE);
  if (loader) {
    const drawer = page
      .waitForEvent("requestfinished", {
        predicate: (request) => request.url().endsWith("/embed-draw.js"),
        timeout: 15_000,
      })
      .catch(() => {}); // an article without an uploaded picture never waits for it
    await page.route("**/uploads/*", async (route) => {
      await drawer;
      // Time for embed-draw.js to run and find the picture.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
  }
  await page.goto(url);
  if (loader) {
    // Attached, not visible: a chart drawn in an empty box must fail on its size, not time out.
    await page.waitForSelector('.kc-embed[data-kc-state="ready"]', {
      state: "attached",
      timeout: 15_000,
    });
    await page.waitForFunction(() =>
      [...document.images].every((img) => !img.getAttribute("src") || img.complete),
    );
  } else {
    // allowList leaves an <img> without src, which never loads.
    await page.waitForFunction(() =>
      [...document.images].every((img) => !img.getAttribute("src") || img.naturalWidth > 0),
    );
  }
  await page.evaluate(() => document.fonts.ready);
  const layout = await page.evaluate(() => {
    const place = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
    };
    const img = document.querySelector("article img");
    const link = document.querySelector('article a[href*="khuyencong="]');
    const box = document.querySelector(".kc-embed");
    // The chart's canvas has drawn something: pixels that differ from its top left one.
    let ink = 0;
    const canvas = box?.querySelector("canvas");
    if (canvas) {
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
      }
      ink /= data.length / 4;
    }
    return {
      picture: img && {
        src: img.getAttribute("src"),
        shown: getComputedStyle(img).display !== "none",
        decoded: img.naturalWidth > 0,
        place: place(img),
      },
      box: box && { place: place(box), ink },
      // Where the emptied picture's paragraph was (or before the link's, with no picture).
      boxInPicturePlace:
        Boolean(box) && box.nextElementSibling === (img?.closest("p") ?? link.closest("p")),
      linkVisible: link.checkVisibility(),
      tableVisible: document.querySelector("article table")?.checkVisibility() ?? false,
      after: place(link.closest("p")).y,
      column: place(link.closest("p")).width,
    };
  });
  return { context, page, seen, layout };
}

/** The chart's view in an article with the loader: chartOf(the picture, else the link; an
 * <img> that allowList left without src is no picture). */
const chartView = (page) =>
  page.evaluate(async (src) => {
    const { chartOf } = await import(src);
    const target =
      document.querySelector("article img[src]") ?? document.querySelector("article a");
    return chartOf(target)?.view() ?? null;
  }, `${PKG}embed.js`);

/** What a chart shows: its kind, and each item's title and tooltip rows. */
const shown = (view) => ({
  kind: view.kind,
  items: view.items.map(({ title, rows }) => ({ title, rows })),
});

/**
 * Nothing a reader should not see, nothing the page refused or threw. `expected` lists the CSP
 * violations the saved HTML itself causes (CKEditor 4's style attributes): those, as console
 * errors too, and no other.
 */
async function assertClean(page, seen, expected = []) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!/[{}]|khuyencong=|<[a-z]/i.test(text), `code or JSON in the article's text: ${text}`);
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(await cspViolations(page), expected);
  assert.equal(seen.consoleErrors.length, expected.length, seen.consoleErrors.join("\n"));
  for (const message of seen.consoleErrors) {
    assert.match(message, /^Applying inline style violates/);
  }
}

/** The CSP violations an article's own HTML causes: one per style attribute. */
const styleViolations = (html) =>
  (html.match(/<[^>]* style="/g) ?? []).map(() => "style-src-attr blocked inline");

/**
 * Publishes `body` twice, with and without the loader, checks both as a reader gets them and
 * screenshots them (cms-<name>-loader.png, cms-<name>-plain.png). With a picture, the chart
 * must take its exact box; without one (allowList removed it), it is drawn before the link's
 * paragraph. Returns the chart's view.
 */
async function assertPublished(name, body, { picture }) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const expected = styleViolations(body);

  const plain = await read(await publish(`${name}-plain`, body, { loader: false }), {
    loader: false,
  });
  try {
    const { layout } = plain;
    if (picture) {
      assert.ok(layout.picture?.shown && layout.picture.decoded, `${name}: the picture shows`);
    } else {
      assert.equal(layout.picture?.src ?? null, null, `${name}: no picture`);
    }
    assert.equal(layout.box, null);
    assert.ok(layout.linkVisible && layout.tableVisible, `${name}: the link and the table show`);
    await assertClean(plain.page, plain.seen, expected);
    await plain.page.screenshot({ path: `${SCREENSHOTS}/cms-${name}-plain.png`, fullPage: true });
  } finally {
    await plain.context.close();
  }

  const live = await read(await publish(`${name}-loader`, body, { loader: true }), {
    loader: true,
  });
  try {
    const { layout } = live;
    const view = await chartView(live.page);
    assert.ok(view, `${name}: chartOf finds the chart`);
    assert.ok(layout.linkVisible && layout.tableVisible, `${name}: the link and the table stay`);
    assert.ok(layout.box.ink > 0.02, `${name}: the chart drew ${layout.box.ink} of its canvas`);
    if (picture) {
      // The chart in the picture's box: same place and size, and nothing after it moved.
      assert.equal(layout.picture.shown, false, `${name}: the picture gave way`);
      const was = plain.layout.picture.place;
      const is = layout.box.place;
      for (const key of ["x", "y", "width", "height"]) {
        assert.ok(
          Math.abs(is[key] - was[key]) <= PX,
          `${name}: the box's ${key} ${is[key]}, the picture's ${was[key]}`,
        );
      }
      assert.ok(
        Math.abs(layout.after - plain.layout.after) <= PX,
        `${name}: the link's paragraph moved from ${plain.layout.after} to ${layout.after}`,
      );
    } else {
      assert.ok(layout.boxInPicturePlace, `${name}: the chart is where the emptied picture was`);
      // The remnant (an <img> without an address, which shows its alt text) gives way too.
      if (layout.picture) assert.equal(layout.picture.shown, false, `${name}: the remnant is hidden`);
      assert.ok(
        Math.abs(layout.box.place.width - layout.column) <= PX,
        `${name}: the chart is ${layout.box.place.width} px wide, the column ${layout.column}`,
      );
    }
    await assertClean(live.page, live.seen, expected);
    await live.page.screenshot({ path: `${SCREENSHOTS}/cms-${name}-loader.png`, fullPage: true });
    return view;
  } finally {
    await live.context.close();
  }
}

// ---- the tests ------------------------------------------------------------------------------

describe("the embed code through the real editors, published", () => {
  test("one visit to the editor page writes the inline code and the uploaded picture's", async () => {
    const { inline, file, fileName, pictureUrl, previews, picked, seen } = journalist;
    const code = await parse(inline);
    assert.equal(code.imgs.length, 1);
    assert.ok(svgOf(code.imgs[0].src)?.includes("<svg"), "an SVG data: picture");
    assertLinkAndTable(code, "the inline code");
    // The link opens chart.html in the package folder on the newspaper's server.
    assert.ok(
      code.links[0].startsWith(`${newsroom.url}${PKG.slice(1)}chart.html#`),
      code.links[0],
    );

    // WordPress: the picture as a file whose name the loader recognises.
    assert.ok(picked, "WordPress switches to the uploaded picture");
    assert.match(fileName, /^khuyencong-.+\.png$/);
    const uploaded = await parse(file);
    assert.deepEqual(uploaded.imgs.map((img) => img.src), [pictureUrl]);
    assert.equal(uploaded.imgs[0].alt, code.imgs[0].alt);
    assert.deepEqual(uploaded.links, code.links);
    // The same box as the inline picture's, so that the chart's swap moves nothing either.
    const size = (html) => /width="(\d+)" height="(\d+)"/.exec(html)?.slice(1);
    assert.equal(size(file)[0], "440");
    assert.deepEqual(size(file), size(inline));

    // Both previews show the same figures, those of the table.
    assert.deepEqual(shown(previews.phone), shown(previews.desktop));
    assert.equal(previews.phone.kind, "sources");
    assert.deepEqual(seen.consoleErrors, []);
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.csp, []);
  });

  /** Each editor's second save of the inline code, for the allowList test. */
  const saves = {};

  for (const editor of EDITORS) {
    test(`${editor}: saved twice unchanged; the article draws the chart in the picture's box`, async () => {
      const { first, second } = await roundTrip(browser, editors, editor, journalist.inline);
      assert.equal(second, first, "the second save changes nothing");
      saves[editor] = second;
      const saved = await parse(second);
      assert.equal(saved.imgs.length, 1, "one picture");
      assert.equal(
        svgOf(saved.imgs[0].src),
        svgOf(await pictureSrc(journalist.inline)),
        "the chart's picture, whatever its encoding",
      );
      assertLinkAndTable(saved, editor);

      const view = await assertPublished(editor, second, { picture: true });
      assert.deepEqual(shown(view), shown(journalist.previews.phone));
      assert.equal(view.title, TITLE);
    });
  }

  test("allowList removes the data: picture, keeps the link and table; the chart takes the remnant's place", async () => {
    // As pasted, and as each editor saved it.
    for (const [what, html] of [["the code", journalist.inline], ...Object.entries(saves)]) {
      const kept = await parse(allowList(html));
      assert.deepEqual(
        kept.imgs.map((img) => img.src),
        [null],
        `${what}: the picture lost its src`,
      );
      assertLinkAndTable(kept, what);
    }
    // Published as the filter left it: an <img> without src, that shows its alt text.
    const view = await assertPublished("allowlist", allowList(journalist.inline), {
      picture: false,
    });
    assert.deepEqual(shown(view), shown(journalist.previews.phone));
  });

  test("the uploaded picture survives allowList alone; the chart takes its box", async () => {
    const kept = allowList(journalist.file);
    const saved = await parse(kept);
    assert.deepEqual(saved.imgs.map((img) => img.src), [journalist.pictureUrl]);
    assertLinkAndTable(saved, "allowList");
    const view = await assertPublished("allowlist-file", kept, { picture: true });
    assert.deepEqual(shown(view), shown(journalist.previews.phone));
  });

  for (const editor of EDITORS) {
    test(`${editor}, every save filtered: the uploaded picture survives; the chart takes its box`, async () => {
      const { first, second } = await roundTrip(browser, editors, editor, journalist.file, {
        stored: allowList,
      });
      // What the site stores of the second save (the filter runs on every save): what it
      // stored of the first.
      const stored = allowList(second);
      assert.equal(stored, allowList(first));
      const saved = await parse(stored);
      assert.deepEqual(saved.imgs.map((img) => img.src), [journalist.pictureUrl]);
      assertLinkAndTable(saved, editor);
      const view = await assertPublished(`allowlist-${editor}`, stored, { picture: true });
      assert.deepEqual(shown(view), shown(journalist.previews.phone));
    });
  }
});
