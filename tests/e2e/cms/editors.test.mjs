// The CMS harness itself (tests/e2e/cms/editors.mjs): the three editors really start from
// node_modules in Chromium and save what only they save, the round trip's second save is a new
// editor's, and allowList keeps what it promises and nothing else.
// Run: node --test tests/e2e/cms/editors.test.mjs   (needs node_modules: npm ci)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { launchChromium, repoPath } from "../helpers.mjs";
import { ALLOWED, EDITORS, allowList, openEditor, roundTrip, startEditorServer } from "./editors.mjs";

const PINNED = JSON.parse(readFileSync(repoPath("package.json"), "utf8")).devDependencies;

describe("editors in their default configuration", () => {
  let browser;
  let server;

  before(async () => {
    server = await startEditorServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // The same paste, saved as each real editor saves it: a page whose editor did not load
  // throws, and one that half-loaded would give the HTML back as it came.
  const PASTE = "<b>đậm</b><div>phí</div>";
  const SAVED = {
    // <b> → <strong>, loose text in a paragraph, <div> kept, named entities for Latin-1.
    tinymce: "<p><strong>đậm</strong></p>\n<div>ph&iacute;</div>",
    // Only what its plugins model: the <div> becomes a paragraph; UTF-8 as it came.
    ckeditor5: "<p><strong>đậm</strong></p><p>phí</p>",
    // The Advanced Content Filter of the standard preset has no <div>; its own line breaks.
    ckeditor4: "<p><strong>đậm</strong></p>\n\n<p>ph&iacute;</p>\n",
  };
  const VERSION = {
    tinymce: `TinyMCE ${PINNED.tinymce}`,
    ckeditor5: `CKEditor 5 ${PINNED["@ckeditor/ckeditor5-build-classic"]}`,
    ckeditor4: `CKEditor ${PINNED.ckeditor4} (Standard)`,
  };

  for (const editor of EDITORS) {
    test(`${editor} starts from node_modules, offline, and saves as only it does`, async () => {
      const { version, blocked, close } = await openEditor(browser, server, editor, PASTE);
      await close();
      assert.equal(version, VERSION[editor]);
      // CKEditor 4 asks its CDN whether 4.22.1 is still secure; the answer changes nothing.
      const expected = editor === "ckeditor4" ? /^https:\/\/cke4\.ckeditor\.com\// : /^$/;
      for (const url of blocked) assert.match(url, expected);

      const { first, second } = await roundTrip(browser, server, editor, PASTE);
      assert.equal(first, SAVED[editor]);
      assert.equal(second, SAVED[editor]);
    });
  }

  test("the second save is what a new editor makes of the first", async () => {
    // CKEditor 5's classic build has no <pre>: the first save keeps the line break inside a
    // paragraph, which the reopened editor reads as a space.
    const { first, second } = await roundTrip(browser, server, "ckeditor5", "<pre>  x\n  y</pre>");
    assert.equal(first, "<p>&nbsp; x\n &nbsp;y</p>");
    assert.equal(second, "<p>&nbsp; x &nbsp;y</p>");
  });

  test("the article is reopened from what `stored` keeps of the first save", async () => {
    // CKEditor 4 drops a picture without src (img[alt,!src]), allowList having taken the
    // data: URL, and leaves an empty paragraph.
    const html = '<p>a</p><p><img src="data:image/png;base64,iVBORw0KGgo=" alt="x"></p>';
    const { first, second } = await roundTrip(browser, server, "ckeditor4", html, {
      stored: allowList,
    });
    assert.match(first, /<img alt="x" src="data:image\/png;base64,iVBORw0KGgo=" \/>/);
    assert.equal(second, "<p>a</p>\n\n<p>&nbsp;</p>\n");
  });

  test("CKEditor 4's Source button saves what its setData saves", async () => {
    const html =
      '<figure><img src="https://news.example.vn/a.png" alt="Ảnh" width="640" height="400">' +
      "<figcaption>Chú thích</figcaption></figure><table><caption>C</caption><tbody><tr>" +
      '<th scope="row">A</th><td>2.400</td></tr></tbody></table>';
    const saves = [];
    for (const paste of ["paste", "pasteInSourceMode"]) {
      const { page, close } = await openEditor(browser, server, "ckeditor4");
      try {
        await page.evaluate(([how, h]) => window.harness[how](h), [paste, html]);
        saves.push(await page.evaluate(() => window.harness.save()));
      } finally {
        await close();
      }
    }
    assert.match(saves[0], /style="height:400px; width:640px"/);
    assert.equal(saves[1], saves[0]);
  });

  test("allowList leaves only allowed elements and web URLs, as Chromium parses it", async () => {
    // Random soup of tags, attributes and the pieces that fool filters; what comes out must
    // parse, in a browser, to allowed elements with allowed attributes and http(s) URLs only.
    // prettier-ignore
    const NOISE = [
      "<script>", "</script>", "<style>", "</style>", "<template>", "</template>", "<iframe>",
      "</iframe>", "<noscript>", "</noscript>", "<textarea>", "</textarea>", "<xmp>", "<title>",
      "<svg>", "<math>", "<!--", "-->", "--!>", "<!", "<?", "<![CDATA[", "]]>", "</", "<", ">",
      "/>", '"', "'", "=", " ", "&", "</p>", "</a>", "</br>", "text", "phí",
    ];
    const OPEN = ["<a", "<A", "<img", "<IMG", "<p", "<td", "<th", "<table", "<script", "<div"];
    const NAMES = ["href", "src", "SRC", "alt", "onerror", "style", "scope", "width", "=x"];
    // prettier-ignore
    const VALUES = [
      "https://a.vn/?a=1&b=2", "javascript:alert(1)", "&#106;avascript:x", "&#104;ttps://a.vn",
      "jhttps://a.vn", "data:image/svg+xml,x", " https://a.vn", "//a.vn", "x>y", "",
      'https://a.vn/" onerror="alert(1)', "x' onerror='alert(1)",
    ];
    const QUOTES = ['"', "'", ""];
    let seed = 2463534242; // xorshift32: the same soup on every run
    const pick = (list) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return list[(seed >>> 0) % list.length];
    };
    const tag = () => {
      let s = pick(OPEN);
      for (let n = pick([0, 1, 2, 3]); n > 0; n--) {
        const q = pick(QUOTES);
        s += `${pick([" ", "/", "\n", "  "])}${pick(NAMES)}=${q}${pick(VALUES)}${q}`;
      }
      return s + pick([">", "/>", " >", ""]);
    };
    const outputs = Array.from({ length: 2000 }, () =>
      allowList(Array.from({ length: 12 }, () => (pick([0, 1]) ? tag() : pick(NOISE))).join("")),
    );
    const page = await browser.newPage();
    try {
      // The browser's own parser reads what allowList wrote: only allowed elements and
      // attributes, and absolute http(s) addresses.
      const bad = await page.evaluate(({ htmls, ALLOWED }) => {
        const found = [];
        for (const html of htmls) {
          const { body } = new DOMParser().parseFromString(html, "text/html");
          for (const el of body.querySelectorAll("*")) {
            const known = Object.hasOwn(ALLOWED, el.localName);
            if (!known) found.push(`${el.localName} in ${html}`);
            for (const { name, value } of el.attributes) {
              if (!known || !ALLOWED[el.localName].includes(name)) {
                found.push(`${el.localName}[${name}] in ${html}`);
              }
              if ((name === "href" || name === "src") && !/^https?:\/\//i.test(value)) {
                found.push(`${name}=${value} in ${html}`);
              }
            }
          }
        }
        return found;
      }, { htmls: outputs, ALLOWED: Object.fromEntries(ALLOWED) });
      assert.deepEqual(bad, []);
    } finally {
      await page.close();
    }
  });
});

describe("allowList", () => {
  test("removes script, style, template, iframe and noscript with their content", () => {
    assert.equal(
      allowList(
        '<p>a<script>document.write("</p>")</script>b<style>p{}</style>c</p>' +
          "<template><p>x<template>y</template>z</p></template>" +
          '<iframe src="https://a.vn">no frames</iframe><noscript><img src="https://a.vn/i.png">' +
          "</noscript><SCRIPT type=module>x</SCRIPT >d<script>never closed",
      ),
      "<p>abc</p>d",
    );
  });

  test("keeps href and src only when they are absolute http(s) URLs", () => {
    assert.equal(
      allowList(
        '<img src="data:image/svg+xml,%3Csvg%3E" alt="a">' +
          '<a href="javascript:alert(1)">1</a><a href="&#106;avascript:alert(1)">2</a>' +
          '<a href="JaVaScRiPt:alert(1)">3</a><a href="/static/chart.html">4</a>' +
          '<a href="//cdn.vn/x">5</a><a href="https&colon;//a.vn/">6</a>' +
          '<a href=" HTTPS://A.VN/x?a=1&amp;b=2#d=eJx&k=1 ">7</a>' +
          "<img src='http://a.vn/\"q.png'>",
      ),
      '<img alt="a"><a>1</a><a>2</a><a>3</a><a>4</a><a>5</a><a href="https&colon;//a.vn/">6</a>' +
        '<a href="HTTPS://A.VN/x?a=1&amp;b=2#d=eJx&k=1">7</a><img src="http://a.vn/&quot;q.png">',
    );
  });

  test("unwraps every other element and keeps its text", () => {
    assert.equal(
      allowList(
        '<khuyencong-chart kind="sources"><div data-khuyencong>Kinh <span>phí</span></div>' +
          "<constructor>2.400</constructor><textarea><b>&amp;</b></textarea></khuyencong-chart>",
      ),
      "Kinh phí2.400&lt;b&gt;&amp;&lt;/b&gt;",
    );
  });

  test("drops every attribute but the allowed ones, the first of a repeated one counts", () => {
    assert.equal(
      allowList(
        '<figure class="khuyencong" id="k"><img src="https://a.vn/c.svg" src="javascript:x" ' +
          'alt="Biểu đồ: 5.820 triệu đồng, 41,2%" alt="2" width=640 height="400" ' +
          'style="max-width:100%" data-kind="sources" onerror="alert(1)" title="t">' +
          '<figcaption lang="vi">Tiêu đề</figcaption></figure><table summary="s"><caption>C' +
          '</caption><thead><tr><th scope="col" abbr="a" colspan="2">A</th></tr></thead>' +
          '<tbody><tr><td rowspan="1" headers="h">2.400</td></tr></tbody><tfoot></tfoot></table>' +
          "<p>x<br/>y <strong>z</strong> <em>w</em></p>",
      ),
      '<figure><img src="https://a.vn/c.svg" alt="Biểu đồ: 5.820 triệu đồng, 41,2%" width="640" ' +
        'height="400"><figcaption>Tiêu đề</figcaption></figure><table><caption>C</caption>' +
        '<thead><tr><th scope="col" colspan="2">A</th></tr></thead><tbody><tr>' +
        '<td rowspan="1">2.400</td></tr></tbody><tfoot></tfoot></table>' +
        "<p>x<br>y <strong>z</strong> <em>w</em></p>",
    );
  });

  test("drops comments and doctype, escapes a stray <, drops a tag cut off at the end", () => {
    assert.equal(
      allowList('<!DOCTYPE html><!-- c --><!--> a < b <3 </> </3 x> c</br><p title="x'),
      " a &lt; b &lt;3   c<br>",
    );
  });
});
