// "Sao chép mã nhúng" (issue 9), in Debian's Chromium: the copied embed code pasted into a blank
// page draws the same chart; inline data cannot end its <script>; where the clipboard is refused,
// the code shows selected in a field to copy by hand.
// Run: node --test tests/e2e/export-embed-code.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { servePage, testPage } from "./helpers.mjs";
import {
  browser,
  open,
  openGallery,
  openMounted,
  PASTED,
  PHIA_BAC,
  SCREENSHOTS,
  useExportFixture,
} from "./export-helpers.mjs";

useExportFixture();

describe("Sao chép mã nhúng (copy the embed code)", () => {
  test("from a chart mounted from a URL: copied, pasted into a blank page, the same chart", async () => {
    const { context, page, seen, base } = await openGallery({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      const sel = "#chart-leverage-regions";
      await page.evaluate(() =>
        window.khuyencongGallery.charts
          .get("chart-leverage-regions")
          .setOptions({ theme: "dark", locale: "en", sort: "input" }),
      );
      await page.focus(`${sel} .kc-chart__menu-button`);
      await page.keyboard.press("ArrowUp"); // opens on the last item: copy the embed code
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (sel) => document.querySelector(`${sel} .kc-chart__live`).textContent !== "",
        sel,
      );
      assert.equal(await page.textContent(`${sel} .kc-chart__live`), "Embed code copied.");
      assert.equal(await page.textContent(`${sel} .kc-chart__toast`), "Embed code copied.");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const code = await page.evaluate(() =>
        window.khuyencongGallery.charts.get("chart-leverage-regions").toEmbedCode(),
      );
      assert.equal(copied, code);
      // The picture, the link that carries the chart, the table: what rich-text editors keep.
      const lines = copied.split("\n");
      assert.match(lines[0], /^<p><img src="data:image\/svg\+xml,[^"]+" alt="[^"]+" width="440" height="\d+"><\/p>$/);
      assert.match(
        lines[1],
        new RegExp(`^<p><a href="${base}pkg/chart\\.html#khuyencong=1&amp;kind=leverage&amp;by=region&amp;sort=input&amp;locale=en&amp;theme=dark&amp;d=[\\w-]+">Explore the interactive chart</a> · Source: `),
      );
      assert.equal(lines[2], "<table>");
      assert.ok(!/<script|<khuyencong-chart|data-khuyencong/.test(copied), "only what editors keep");
      // The element way still names the data's URL.
      const element = await page.evaluate(() =>
        window.khuyencongGallery.charts.get("chart-leverage-regions").toEmbedCode({ way: "element" }),
      );
      const elementLines = element.split("\n");
      assert.equal(elementLines[0], `<script type="module" src="${base}pkg/embed.js"></script>`);
      assert.equal(
        elementLines[1],
        `<khuyencong-chart kind="leverage" by="region" sort="input" locale="en" theme="dark" src="${base}data/dia-phuong-cong-bo.json">`,
      );
      assert.equal(elementLines.at(-1), "</khuyencong-chart>");
      assert.ok(!element.includes('type="application/json"'), "the data stays at its URL");

      const original = await page.evaluate(() => {
        const chart = window.khuyencongGallery.charts.get("chart-leverage-regions");
        return { view: chart.view(), picture: chart.toSVG({ picture: true }) };
      });
      // The code pasted into an article whose template loads embed.js: the chart in the
      // picture's place, the same figures, and the same picture when asked for one.
      const pasted = await open({
        pasted: `<script type="module" src="/pkg/embed.js"></script><div id="box">${copied}</div>`,
      });
      try {
        const pasteSeen = pasted.seen;
        await pasted.page.goto(`${pasted.base}${PASTED}`);
        await pasted.page.waitForSelector('.kc-embed[data-kc-state="ready"]');
        const view = await pasted.page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          return chartOf(document.querySelector(".kc-embed")).view();
        });
        for (const key of ["title", "kind", "locale", "description", "legend", "table"]) {
          if (key === "legend") assert.deepEqual(view.legend.map((l) => l.label), original.view.legend.map((l) => l.label));
          else assert.deepEqual(view[key], original.view[key], key);
        }
        assert.deepEqual(
          view.items.map(({ title, rows }) => [title, rows]),
          original.view.items.map(({ title, rows }) => [title, rows]),
        );
        // embed.js's reader build writes no SVG itself: toSVG() says to wait for exportReady()
        // until the full build is loaded; then the picture is the one in the code.
        const exported = await pasted.page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          const chart = chartOf(document.querySelector(".kc-embed"));
          let early = "no error";
          try {
            chart.toSVG();
          } catch (e) {
            early = `${e.name} ${e.code}`;
          }
          await chart.exportReady();
          return { early, svg: chart.toSVG({ picture: true }) };
        });
        assert.equal(exported.early, "KhuyenCongError not_ready");
        assert.equal(exported.svg, original.picture);
        assert.deepEqual(pasteSeen.pageErrors, []);
      } finally {
        await pasted.context.close();
      }
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("inline data: the JSON inside cannot end its <script>; attributes are escaped", async () => {
    const data = {
      ...PHIA_BAC,
      title: 'Kinh phí "2022" </script><script>window.__pwned = 1</script> <!-- & \'x\'',
      subtitle: undefined,
    };
    delete data.subtitle;
    const { context, page, base } = await openMounted(data, {
      kind: "plan-actual",
      height: "420px",
      menu: "none",
    });
    try {
      // In the picture way the title is text of an attribute and of a caption, escaped, and the
      // data travels compressed in the link: nothing of it can become markup.
      const picture = await page.evaluate(() => window.chart.toEmbedCode());
      // Inside the picture (an SVG in a data: URL) the title is escaped twice: XML, then HTML.
      assert.ok(picture.includes("%3Ctitle%3EKinh phí &amp;quot;2022&amp;quot; &amp;lt;/script&amp;gt;"), picture.slice(0, 400));
      assert.ok(picture.includes("<caption>Kinh phí &quot;2022&quot; &lt;/script&gt;"));
      assert.ok(!picture.includes("<script"), "no script in the picture way");
      const code = await page.evaluate(() => window.chart.toEmbedCode({ way: "element" }));
      assert.ok(
        code.includes('<khuyencong-chart kind="plan-actual" height="420px" menu="none">'),
        code,
      );
      assert.ok(code.includes('<script type="application/json">'));
      assert.ok(!code.includes("</script><script>window"), "no early end of the script");
      assert.ok(code.includes("<\\/script><script>window.__pwned = 1<\\/script>"));
      assert.ok(code.includes("\\u003c!--"));
      // The fallback table's caption is the title, escaped.
      assert.ok(code.includes("<caption>Kinh phí &quot;2022&quot; &lt;/script&gt;"), code);

      const pasted = await open({ pasted: `<div id="box">${code}</div>` });
      try {
        await pasted.page.goto(`${pasted.base}${PASTED}`);
        await pasted.page.waitForSelector('khuyencong-chart[data-kc-state="ready"]');
        const out = await pasted.page.evaluate(() => ({
          pwned: window.__pwned,
          title: document.querySelector("khuyencong-chart").chart.view().title,
          height: document.querySelector("khuyencong-chart").chart.view().height,
          menu: document.querySelector("khuyencong-chart .kc-chart__menu-button").getClientRects()
            .length,
          fallbackHidden:
            getComputedStyle(document.querySelector("khuyencong-chart .kc-embed__fallback"))
              .display === "none",
        }));
        assert.deepEqual(out, {
          pwned: undefined,
          title: data.title,
          height: 420,
          menu: 0,
          fallbackHidden: true,
        });
        // Without JavaScript the fallback shows the figures.
        const noJs = await browser.newContext({ javaScriptEnabled: false });
        try {
          const p = await noJs.newPage();
          await servePage(p, `${base}${PASTED}`, testPage(code));
          await p.goto(`${base}${PASTED}`);
          const rows = await p
            .locator("khuyencong-chart table tr")
            .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
          assert.deepEqual(rows.at(-1), ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"]);
          assert.equal(await p.locator("khuyencong-chart caption").textContent(), data.title);
        } finally {
          await noJs.close();
        }
      } finally {
        await pasted.context.close();
      }
    } finally {
      await context.close();
    }
  });

  test("where the clipboard is refused, the code shows selected in a field to copy by hand", async () => {
    const { context, page, seen } = await openMounted("/data/phia-bac-2022.json", {
      kind: "sources",
    });
    try {
      await page.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", {
          value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
        });
        document.execCommand = () => false;
      });
      await page.focus("#c .kc-chart__menu-button");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#c .kc-chart__copy textarea");
      const field = await page.evaluate(async () => {
        const area = document.activeElement;
        return {
          focused: area.localName,
          selected: area.value.slice(area.selectionStart, area.selectionEnd) === area.value,
          value: area.value,
          label: document.querySelector(`label[for="${area.id}"]`).textContent,
          code: await window.chart.toEmbedCode(),
        };
      });
      assert.equal(field.focused, "textarea");
      assert.ok(field.selected, "all of it selected");
      assert.equal(field.value, field.code);
      assert.match(field.label, /Ctrl\+C/);
      await page.screenshot({ path: `${SCREENSHOTS}/export-copy-by-hand.png` });
      await page.keyboard.press("Escape");
      assert.equal(await page.locator("#c .kc-chart__copy").count(), 0);
      assert.equal(
        await page.evaluate(() => document.activeElement.classList.contains("kc-chart__menu-button")),
        true,
        "the focus is back on the menu button",
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
