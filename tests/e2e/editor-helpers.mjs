// What the editor page's tests share (tests/e2e/editor-*.test.mjs): the fixture (the site
// under the strict CSP, and for the embed code's tests a newspaper's servers), opening the
// editor, waiting for it, typing a table, answering its questions, reading its previews, and
// the tables and figures more than one file pastes. The browser and the servers come from
// helpers.mjs's startFixture; `browser`, `site`, `newsroom` and `newsroomPlain` are set by
// startEditor() (in a file's before()) and read by the tests.
//
//   before(() => startEditor({ newsroom: true }));
//   after(stopEditor);

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { cspViolations, openPage, repoPath, startFixture } from "./helpers.mjs";

export let browser;
export let site; // www/ under the strict CSP
export let newsroom; // another origin, a newspaper's: article pages and a copy of the package folder
export let newsroomPlain; // the same files without a CSP (its article frames the site, another origin)
let newsroomRoot;
let articles = 0;
let fixture;

/** Starts the browser and the site; with `newsroom`, a newspaper's servers too (writeArticle). */
export async function startEditor({ newsroom: withNewsroom = false } = {}) {
  assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg/ is missing: make www-pkg");
  // The embed script is another helper's part of the package: wait for it to be built.
  for (let i = 0; !existsSync(repoPath("www", "pkg", "embed.js")); i++) {
    assert.ok(i < 600, "www/pkg/embed.js never appeared: make www-pkg");
    await new Promise((r) => setTimeout(r, 1000));
  }
  const sites = { site: { csp: true } };
  if (withNewsroom) {
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
    sites.newsroom = { root: newsroomRoot, csp: true };
    sites.newsroomPlain = { root: newsroomRoot };
  }
  fixture = await startFixture(sites);
  ({ browser, site, newsroom, newsroomPlain } = fixture);
}

/** Closes what startEditor started. */
export async function stopEditor() {
  await fixture?.close();
  if (newsroomRoot) await rm(newsroomRoot, { recursive: true, force: true });
}

export const SCREENSHOTS = repoPath("target", "screenshots");

export const TITLE_2022 = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";

// The seed article's figures as a sheet holds them (published-figures.md), Vietnamese notation.
export const TSV_2022 =
  "Nguồn\tKế hoạch\tThực hiện\n" +
  "Khuyến công quốc gia\t80,9\t79,5\n" +
  "Khuyến công địa phương\t98,2\t90,9\n";

export const DATA_2022 = {
  version: 1,
  title: TITLE_2022,
  unit: "ty_dong",
  records: [
    { source: "kcqg", plan: "80.9", actual: "79.5" },
    { source: "kcdp", plan: "98.2", actual: "90.9" },
  ],
};

/** A fresh context with the editor open and its package loaded. */
export async function openEditor({
  viewport = { width: 1280, height: 900 },
  query = "",
  ...options
} = {}) {
  const { context, page, seen } = await openPage(browser, { viewport, ...options });
  await page.goto(`${site.url}editor.html${query}`);
  await page.evaluate(() => window.khuyencongEditor.ready);
  return { context, page, seen };
}

/** Waits until the page has no update pending or running. */
export const settle = (page) => page.evaluate(() => window.khuyencongEditor.idle());

export const editorState = (page) => page.evaluate(() => window.khuyencongEditor.state());

/** What a chart shows: each item's title and tooltip rows. */
export const itemsOf = (view) => view.items.map(({ title, rows }) => ({ title, rows }));

export const previewView = (page, which = "desktop") =>
  page.evaluate((w) => window.khuyencongEditor.previews()[w].view(), which);

export async function typeTable(page, tsv, { title = TITLE_2022, unit = "ty_dong" } = {}) {
  await page.fill("#table-input", tsv);
  if (title !== null) await page.fill("#title", title);
  if (unit !== null) await page.selectOption("#unit", unit);
  await settle(page);
}

/** Asserts a clean run: no console error, no uncaught error, no CSP violation. */
export async function assertClean(page, seen) {
  assert.deepEqual(seen.consoleErrors, []);
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(await cspViolations(page), []);
}

/** Writes an article page holding `snippet` on the newsroom server, its template loading
 * `loader` if given; returns its path. */
export async function writeArticle(snippet, { loader } = {}) {
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

/** Opens the part of the output panel for the technical team (closed by default). */
export const openTech = (page) => page.evaluate(() => (document.getElementById("tech").open = true));

/** The picture, link and table of a picture-way code. */
export const PICTURE_CODE =
  /^<p><img src="data:image\/svg\+xml,[^"]+" alt="[^"]+" width="440" height="\d+"><\/p>\n<p><a href="([^"]+)">Xem biểu đồ tương tác<\/a>( · Nguồn: [^<]+)?<\/p>\n<table>\n/;

/** The issue's table: by source, in triệu đồng, with projects; every amount reads two ways
 * until the notation is answered. */
export const SEED_TSV =
  "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\n" +
  "Khuyến công quốc gia\t2.400\t9\n" +
  "Khuyến công địa phương\t3.420\t30\n";

export const listTexts = (page, selector) =>
  page.$$eval(selector, (els) => els.map((e) => e.textContent));

/** Whether the embed code is offered: written, and its copy button live. */
export const codeOffered = async (page) =>
  (await page.inputValue("#code")) !== "" && !(await page.isDisabled("#copy"));

// ---- the editor's modules in Node (editor-table-*.test.mjs) ---------------------------------

/** The built package, instantiated in Node by loadPackage() (in a file's before()). */
export let kc;

export async function loadPackage() {
  kc = await import("../../www/pkg/index.js");
  await kc.ready(readFileSync(repoPath("www", "pkg", "khuyencong_charts_bg.wasm")));
}

/** What the package makes of a table's data (in triệu đồng when the table names no unit). */
export const analyzed = (t) => kc.analyze({ title: "T", unit: t.unit ?? "trieu_dong", ...t.data });
