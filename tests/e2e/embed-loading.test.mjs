// How the embed snippet (src/js/embed.js and embed-draw.js, built into www/pkg/) loads, in
// Debian's Chromium: every chart of a page from one wasm instance and one wasm file, downloaded
// once whatever the kinds, also when embed.js runs while the page is parsed or a chart comes
// later; and the fallback content an editor writes inside the element, which readers see with
// JavaScript off, while the chart loads, and again when the data or the wasm cannot load.
// The loader is lazy: a chart loads when it comes within a screen of the viewport. Pages whose
// charts do not all fit in that are scrolled through (settleCharts) or given a tall viewport.
// Test pages are served on the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/embed-loading.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cspViolations, repoPath, settleCharts } from "./helpers.mjs";
import { assertDraws, FALLBACK_TABLE, open, settle, useEmbedFixture, viewOf } from "./embed-helpers.mjs";

useEmbedFixture();

describe("<khuyencong-chart>", () => {
  test("20 charts on one page draw from one wasm instance", async () => {
    const kinds = ["summary", "sources", "plan-actual", "trend"];
    const body = Array.from({ length: 20 }, (_, i) => {
      const kind = kinds[i % kinds.length];
      return i % 2 === 0
        ? `<khuyencong-chart id="c${i}" kind="${kind}" src="/data/phia-bac-2022.json"></khuyencong-chart>`
        : `<div id="c${i}" data-khuyencong data-kind="${kind}" data-src="/data/dia-phuong-cong-bo.json"></div>`;
    }).join("\n");
    const { context, page, seen, url } = await open({
      viewport: { width: 1280, height: 900 },
      pages: { "twenty.html": body },
    });
    try {
      await page.goto(url("twenty.html"));
      // A reader scrolling down the page: each chart loads as it comes near.
      await settleCharts(page);
      await settle(page);
      const states = await page.$$eval("[id^=c]", (nodes) => nodes.map((n) => n.dataset.kcState));
      assert.deepEqual(states, Array(20).fill("ready"));
      for (let i = 0; i < 20; i++) await assertDraws(page, `#c${i}`);
      const kindsDrawn = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        return [...document.querySelectorAll("[id^=c]")].map((n) => chartOf(n).view().kind);
      });
      assert.deepEqual(
        kindsDrawn,
        Array.from({ length: 20 }, (_, i) => kinds[i % kinds.length]),
      );
      const wasm = seen.requests.filter((u) => u.endsWith(".wasm"));
      assert.deepEqual(wasm, [`${new URL(url("x")).origin}/pkg/khuyencong_charts_view_bg.wasm`]);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // The per-kind wasm files are gone on purpose (one reader wasm for every kind): whatever the
  // page holds, it downloads khuyencong_charts_view_bg.wasm once and nothing else.
  test("one wasm file, khuyencong_charts_view_bg.wasm, downloaded once whatever the kinds; an old snippet's preload line changes nothing", async () => {
    const chart = (kind, id = "c") =>
      `<khuyencong-chart id="${id}" ${kind ? `kind="${kind}" ` : ""}src="/data/phia-bac-2022.json"></khuyencong-chart>`;
    const preload = (file) => `<link rel="preload" href="/pkg/${file}" as="fetch" crossorigin>`;
    const kinds = ["summary", "sources", "plan-actual", "regions", "leverage", "trend", "categories"];
    const cases = [
      // [page body, the kinds drawn, a removed file an old snippet preloads (a 404) or null]
      ...kinds.map((kind) => [chart(kind), [kind], null]),
      // No kind: the default, sources; a plain element of the same kind.
      [chart(null), ["sources"], null],
      [
        `${chart("trend", "a")}<div id="b" data-khuyencong data-kind="trend" data-src="/data/phia-bac-2022.json"></div>`,
        ["trend", "trend"],
        null,
      ],
      [`${chart("summary", "a")}${chart("leverage", "b")}`, ["summary", "leverage"], null],
      // The preload line the old snippets carried: the same request, taken by the loader.
      [`${preload("khuyencong_charts_view_bg.wasm")}${chart("categories")}`, ["categories"], null],
      // An old snippet's preload of a kind's own file, which no longer exists: a 404 beside it,
      // and the chart draws all the same.
      [
        `${preload("khuyencong_charts_view_plan-actual_bg.wasm")}${chart("plan-actual")}`,
        ["plan-actual"],
        "khuyencong_charts_view_plan-actual_bg.wasm",
      ],
    ];
    for (const [body, kinds, gone] of cases) {
      const { context, page, seen, url } = await open({ csp: true, pages: { "p.html": body } });
      try {
        await page.goto(url("p.html"));
        await settle(page);
        const drawn = await page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          return [...document.querySelectorAll("khuyencong-chart, [data-khuyencong]")].map((n) => chartOf(n)?.view().kind);
        });
        assert.deepEqual(drawn, kinds, body);
        for (const id of kinds.length > 1 ? ["#a", "#b"] : ["#c"]) await assertDraws(page, id);
        const wasm = seen.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
        const expected = ["/pkg/khuyencong_charts_view_bg.wasm", ...(gone ? [`/pkg/${gone}`] : [])];
        assert.deepEqual(wasm.sort(), expected.sort(), body);
        assert.ok(!seen.requests.some((u) => u.endsWith("/embed-export.js")), "no full build");
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.pageErrors, []);
        for (const text of seen.consoleErrors) assert.match(text, /404/, body);
      } finally {
        await context.close();
      }
    }
  });

  test("an async embed.js that runs while the page is parsed draws every chart, not only those parsed yet, from the one wasm file", async () => {
    // The parser waits for a slow classic script between the two charts; the async module runs
    // meanwhile, with only the first chart in the document.
    const { context, page, seen, url, base } = await open({
      script: false,
      pages: {
        "async.html":
          '<script type="module" async src="/pkg/embed.js"></script>' +
          '<khuyencong-chart id="a" kind="regions" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
          '<script src="/__test__/slow.js"></script>' +
          '<khuyencong-chart id="b" kind="sources" src="/data/phia-bac-2022.json"></khuyencong-chart>',
      },
    });
    try {
      let ranEarly = false;
      await page.route(`${base}__test__/slow.js`, async (route) => {
        // Until embed.js has run (or 3 s): then the parser goes on to the second chart.
        for (let i = 0; i < 60 && !ranEarly; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          ranEarly = seen.requests.some((u) => u.endsWith("/pkg/embed.js")) &&
            (await page.evaluate(() => Boolean(customElements.get("khuyencong-chart"))).catch(() => false));
        }
        await route.fulfill({ contentType: "text/javascript", body: "window.__slow = document.readyState;" });
      });
      await page.goto(url("async.html"));
      await settle(page);
      assert.ok(ranEarly, "embed.js ran before the second chart was parsed");
      assert.deepEqual(await page.$$eval("khuyencong-chart", (ns) => ns.map((n) => n.dataset.kcState)), ["ready", "ready"]);
      const wasm = seen.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
      assert.deepEqual(wasm, ["/pkg/khuyencong_charts_view_bg.wasm"]);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // Before, a page's wasm could hold one kind only and another kind needed the full build; now
  // the one reader wasm draws every kind: adding or switching kinds downloads nothing more.
  test("a chart added later, or switched to other kinds with setOptions or its attribute, draws from the same wasm file", async () => {
    const { context, page, seen, url } = await open({
      csp: true,
      pages: {
        "later.html": `<khuyencong-chart id="a" kind="plan-actual" src="/data/phia-bac-2022.json"></khuyencong-chart>`,
      },
    });
    try {
      await page.goto(url("later.html"));
      await settle(page);
      const wasm = () => seen.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
      assert.deepEqual(wasm(), ["/pkg/khuyencong_charts_view_bg.wasm"]);
      const before = await viewOf(page, "#a");
      // Another kind, added by a script.
      await page.evaluate(() => {
        const el = document.createElement("khuyencong-chart");
        el.id = "b";
        el.setAttribute("kind", "sources");
        el.setAttribute("src", "/data/phia-bac-2022.json");
        document.body.append(el);
      });
      await settle(page, "#b");
      assert.equal(await page.$eval("#b", (n) => n.dataset.kcState), "ready");
      assert.equal((await viewOf(page, "#b")).kind, "sources");
      await assertDraws(page, "#b");
      // The first chart switched by its handle, then by its attribute, then back: each draws, and
      // hover and the table still answer.
      const kinds = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        const el = document.querySelector("#a");
        const out = [];
        await chartOf(el).setOptions({ kind: "summary" });
        out.push(chartOf(el).view().kind);
        el.setAttribute("kind", "trend");
        await new Promise((resolve) => el.addEventListener("khuyencong-chart:ready", resolve, { once: true }));
        out.push(chartOf(el).view().kind);
        el.setAttribute("kind", "plan-actual");
        await new Promise((resolve) => el.addEventListener("khuyencong-chart:ready", resolve, { once: true }));
        out.push(chartOf(el).view().kind);
        return out;
      });
      assert.deepEqual(kinds, ["summary", "trend", "plan-actual"]);
      const after = await viewOf(page, "#a");
      assert.deepEqual(after.items.map((i) => i.rows), before.items.map((i) => i.rows));
      assert.deepEqual(after.table, before.table);
      await assertDraws(page, "#a");
      assert.deepEqual(wasm(), ["/pkg/khuyencong_charts_view_bg.wasm"], "nothing more for other kinds");
      // A bad option is still refused by name, in Vietnamese, and the chart keeps drawing: the
      // sentence comes from the full build, loaded for it (a reader of working charts never
      // downloads it).
      const refused = await page.evaluate(async () => {
        const { chartOf } = await import("/pkg/embed.js");
        try {
          await chartOf(document.querySelector("#b")).setOptions({ kind: "pie" });
          return null;
        } catch (e) {
          return [e.code, e.path, e.message];
        }
      });
      assert.equal(refused[0], "invalid_option");
      assert.equal(refused[1], "options.kind");
      assert.match(refused[2], /^options\.kind: tùy chọn có giá trị "pie" không hợp lệ/);
      assert.equal(await page.$eval("#a", (n) => n.dataset.kcState), "ready");
      assert.deepEqual(wasm().sort(), ["/pkg/khuyencong_charts_bg.wasm", "/pkg/khuyencong_charts_view_bg.wasm"]);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await cspViolations(page), []);
    } finally {
      await context.close();
    }
  });
});

describe("fallback content", () => {
  const PAGE =
    `<khuyencong-chart id="c" kind="sources" src="/data/phia-bac-2022.json">${FALLBACK_TABLE}</khuyencong-chart>` +
    `<div id="p" data-khuyencong data-kind="summary" data-src="/data/phia-bac-2022.json"><p class="sentence">Năm 2022 thực hiện 170,4 tỷ đồng, đạt 95,2% kế hoạch.</p></div>`;

  test("is what readers see with JavaScript off", async () => {
    const { context, page, url } = await open({
      javaScriptEnabled: false,
      pages: { "nojs.html": PAGE },
    });
    try {
      await page.goto(url("nojs.html"));
      assert.ok(await page.locator("#c table.fallback").isVisible());
      assert.deepEqual(
        await page.$$eval("#c table.fallback tr", (rows) =>
          rows.map((r) => [...r.cells].map((c) => c.textContent)),
        ),
        [
          ["Khuyến công quốc gia", "79,5 tỷ đồng"],
          ["Khuyến công địa phương", "90,9 tỷ đồng"],
        ],
      );
      assert.equal(
        await page.locator("#p .sentence").textContent(),
        "Năm 2022 thực hiện 170,4 tỷ đồng, đạt 95,2% kế hoạch.",
      );
      assert.ok(await page.locator("#p .sentence").isVisible());
      assert.equal(await page.locator("canvas").count(), 0);
    } finally {
      await context.close();
    }
  });

  test("shows until the chart has drawn; with none, a loading text does", async () => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const { context, page, url, base } = await open({
      pages: {
        "slow.html":
          PAGE +
          '<khuyencong-chart id="empty" kind="summary" src="/data/slow.json"></khuyencong-chart>' +
          '<khuyencong-chart id="empty-en" locale="en" src="/data/slow.json">  \n  </khuyencong-chart>',
      },
    });
    try {
      await page.route(`${base}data/slow.json`, async (route) => {
        await held;
        await route
          .fulfill({ path: repoPath("www", "data", "phia-bac-2022.json") })
          .catch(() => {});
      });
      await page.goto(url("slow.html"));
      await page.waitForFunction(
        () => document.querySelector("#empty").dataset.kcState === "loading",
      );
      assert.equal(await page.locator("#empty").textContent(), "Đang tải biểu đồ…");
      assert.ok(await page.locator("#empty .kc-embed__loading").isVisible());
      assert.ok(
        (await page.$eval("#empty", (e) => e.getBoundingClientRect().height)) > 20,
        "not an empty box",
      );
      assert.equal(
        await page.locator("#empty-en .kc-embed__loading").textContent(),
        "Loading the chart…",
      );
      await settle(page, "#c, #p");
      release();
      await settle(page);
      assert.equal(await page.locator("#empty .kc-embed__loading").isVisible(), false);
      await assertDraws(page, "#empty");
    } finally {
      release();
      await context.close();
    }
  });

  test("comes back under an error box when the data is missing (404); the others still draw", async () => {
    const { context, page, seen, url } = await open({
      pages: {
        "missing.html":
          PAGE +
          `<khuyencong-chart id="missing" kind="sources" src="/data/khong-co.json">${FALLBACK_TABLE}</khuyencong-chart>` +
          '<khuyencong-chart id="bare" src="/data/khong-co.json"></khuyencong-chart>' +
          '<khuyencong-chart id="nodata" kind="sources"><p>Không có dữ liệu.</p></khuyencong-chart>' +
          '<khuyencong-chart id="notobject"><script type="application/json">["x"]</script></khuyencong-chart>',
      },
    });
    try {
      await page.goto(url("missing.html"));
      await settle(page);
      const state = (id) => page.getAttribute(id, "data-kc-state");
      assert.equal(await state("#missing"), "error");
      const alert = page.locator('#missing [role="alert"]');
      assert.match(await alert.textContent(), /HTTP 404/);
      assert.ok(await alert.isVisible());
      assert.ok(await page.locator("#missing table.fallback").isVisible());
      // The box above the fallback.
      assert.ok(
        await page.$eval("#missing", (e) => {
          const box = e.querySelector('[role="alert"]');
          const table = e.querySelector("table");
          return box.getBoundingClientRect().bottom <= table.getBoundingClientRect().top;
        }),
      );
      // No fallback: the box alone, never an empty one, and no loading text left.
      assert.match(await page.textContent('#bare [role="alert"]'), /HTTP 404/);
      assert.equal(await page.locator("#bare .kc-embed__loading").isVisible(), false);
      // Neither src nor inline data; inline data that is not an object (not fetched as a URL).
      assert.match(
        await page.textContent('#nodata [role="alert"]'),
        /^Không vẽ được biểu đồ\.src: chưa có dữ liệu/,
      );
      assert.ok(await page.locator("#nodata p").last().isVisible());
      assert.match(
        await page.textContent('#notobject [role="alert"]'),
        /phải là một đối tượng JSON/,
      );
      assert.ok(!seen.requests.some((u) => u.includes('["x"]') || u.includes("%5B")));
      // The others draw.
      assert.equal(await state("#c"), "ready");
      assert.equal(await state("#p"), "ready");
      await assertDraws(page, "#c");
      await assertDraws(page, "#p");
      assert.deepEqual(seen.pageErrors, []);
      // The only console errors are the browser's own reports of the 404s.
      for (const text of seen.consoleErrors) assert.match(text, /404/);
    } finally {
      await context.close();
    }
  });

  test("comes back when the wasm cannot load, which is tried once for all charts", async () => {
    const { context, page, seen, url } = await open({ pages: { "nowasm.html": PAGE } });
    try {
      await page.route("**/*.wasm", (route) => route.abort());
      await page.goto(url("nowasm.html"));
      await settle(page);
      for (const id of ["#c", "#p"]) {
        assert.equal(await page.getAttribute(id, "data-kc-state"), "error");
        assert.match(await page.textContent(`${id} [role="alert"]`), /WebAssembly/);
      }
      assert.ok(await page.locator("#c table.fallback").isVisible());
      assert.ok(await page.locator("#p .sentence").isVisible());
      assert.equal(seen.requests.filter((u) => u.endsWith(".wasm")).length, 1);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
