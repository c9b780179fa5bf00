// Injection in the editor (issue 7), in Debian's Chromium: a pasted table and fields carrying
// HTML, script and CSS payloads stay text in the problems, the previews and the embed code, and
// in the code pasted into an article, with and without JavaScript; handlers that would fire if
// they were markup never do.
// Run: node --test tests/e2e/reliability-injection-editor.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { openPage, repoPath, startSite, watchPage } from "./helpers.mjs";
import {
  assertNothingInjected,
  browser,
  P,
  pwnedRecorder,
  site,
  useReliabilityFixture,
} from "./reliability-helpers.mjs";

useReliabilityFixture();

describe("injection: the editor", () => {
  test("a pasted table and fields with payloads: problems, previews and the code keep them text; the code in an article, with and without JavaScript, too", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kc-inject-"));
    await symlink(repoPath("www", "pkg"), path.join(root, "pkg"), "dir");
    const newsroom = await startSite({ root });
    const { context, page, seen } = await openPage(browser, { init: pwnedRecorder });
    let noJs;
    try {
      await page.goto(`${site.url}editor.html`);
      await page.evaluate(() => window.khuyencongEditor.ready);
      const idle = () => page.evaluate(() => window.khuyencongEditor.idle());
      const table = (actual) =>
        `Nguồn\tTỉnh\tNội dung\tKế hoạch\tThực hiện\n` +
        `${P.img}\t${P.script}\t${P.css}\t10,5\t9\n` +
        `Khuyến công quốc gia\t${P.svg}\t${P.template}\t4\t${actual}\n` +
        `${P.comment}\t${P.iframe}\t${P.entity}\t2\t1\n`;
      // A payload where a number belongs: the problem quotes it, as text.
      await page.fill("#table-input", table(P.img));
      await page.fill("#title", `Tiêu đề ${P.img}`);
      await page.fill("#subtitle", P.css);
      await page.fill("#source", P.jsUrl);
      await page.selectOption("#unit", "ty_dong");
      await idle();
      const problems = await page.evaluate(() => window.khuyencongEditor.state().errors.map((e) => e.message));
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.ok(problems[0].includes(P.img), problems[0]);
      assert.ok((await page.textContent("#problems")).includes(P.img));
      await assertNothingInjected(page, "editor with a problem");

      await page.fill("#table-input", table("3,5"));
      // The package's address is in the technicians' section, closed at first.
      await page.evaluate(() => (document.getElementById("tech").open = true));
      await page.fill("#pkg", `${newsroom.url}pkg/`);
      await page.selectOption("#kind", "regions");
      await idle();
      const view = await page.evaluate(() => window.khuyencongEditor.previews().desktop.view());
      assert.equal(view.title, `Tiêu đề ${P.img}`);
      assert.deepEqual(view.items.map((i) => i.title).sort(), [P.script, P.svg, P.iframe].sort());
      await assertNothingInjected(page, "editor previews");
      // The code is the picture way now (picture, link, table: no script); the element way, with
      // the data inline in a <script>, is the technicians' choice.
      const snippet = await page.inputValue("#code");
      assert.ok(snippet.includes("&lt;img src=x onerror="), "the table and the alt text escape the payloads");
      assert.ok(!snippet.includes("<script"), "the picture way has no script");
      assert.ok(snippet.includes(`href="${newsroom.url}pkg/chart.html#khuyencong=1&amp;`), "the link opens the newsroom's chart.html");
      await page.check('input[name="form"][value="element"]');
      await idle();
      const elementCode = await page.inputValue("#code");
      assert.ok(elementCode.includes("<khuyencong-chart"), elementCode.slice(0, 200));
      assert.ok(elementCode.includes("&lt;img src=x onerror="), "the fallback table escapes the payloads");
      assert.ok(!elementCode.includes("</script><script>"), "no text can end the inline JSON early");
      assert.equal(elementCode.match(/<\/script>/g).length, 2, "embed.js's line and the inline JSON");
      await page.check('input[name="form"][value="picture"]');
      await idle();
      assert.equal(await page.inputValue("#code"), snippet);
      assert.deepEqual(seen.pageErrors, []);

      // The code in an article page whose template loads the site loader (no CSP: a handler
      // would run).
      await writeFile(
        path.join(root, "article.html"),
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title>` +
          `<script type="module" src="/pkg/embed.js"></script></head>` +
          `<body><article><h1>Bài viết</h1>\n${snippet}\n<p>Hết.</p></article></body></html>`,
      );
      const article = await context.newPage();
      const articleSeen = await watchPage(article);
      await article.goto(`${newsroom.url}article.html`);
      await article.waitForSelector('.kc-embed[data-kc-state="ready"]');
      const embedded = await article.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        return chartOf(document.querySelector(".kc-embed")).view();
      });
      assert.deepEqual(embedded.items.map((i) => i.title), view.items.map((i) => i.title));
      await article.hover(".kc-embed canvas");
      await assertNothingInjected(article, "article");
      assert.deepEqual(articleSeen.pageErrors, []);

      // Without JavaScript the picture, its alt text, the link's line and the table show the
      // very characters.
      noJs = await browser.newContext({ javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(`${newsroom.url}article.html`);
      const cells = await plain.$$eval("article table th[scope=row]", (th) => th.map((c) => c.textContent));
      assert.deepEqual(cells.slice(0, 3).sort(), [P.script, P.svg, P.iframe].sort());
      assert.ok((await plain.textContent("article table caption")).includes(`Tiêu đề ${P.img}`));
      const alt = await plain.getAttribute("article img", "alt");
      assert.equal(alt, embedded.description);
      assert.ok(alt.includes(P.img), `the largest source's label in the alt text: ${alt}`);
      assert.ok((await plain.textContent("article a")).length > 0);
      assert.ok((await plain.$eval("article a", (a) => a.parentElement.textContent)).endsWith(`Nguồn: ${P.jsUrl}`));
      assert.equal(await plain.locator("article img").count(), 1, "the picture only");
      assert.equal(await plain.locator("article iframe, article style, article script, article link").count(), 0);
      assert.match(await plain.getAttribute("article img", "src"), /^data:image\/svg\+xml,%3C!--khuyencong-charts--%3E%3Csvg/);
    } finally {
      await noJs?.close();
      await context.close();
      await newsroom.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
