// Injection (issue 7), in Debian's Chromium: HTML, script and CSS payloads in every text of the
// data are text everywhere (tooltip, legend, table, description, live region, error box, embed
// fallback, editor, SVG, CSV, the embed code: its picture's alt text, link line and table, the
// element way's inline JSON); handlers that would fire if they were markup never do.
// Run: node --test tests/e2e/reliability-injection.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { servePage, testPage } from "./helpers.mjs";
import {
  alertsIn,
  assertNothingInjected,
  BLANK,
  hoverItem,
  nextFrames,
  open,
  P,
  pwnedRecorder,
  site,
  useReliabilityFixture,
} from "./reliability-helpers.mjs";

useReliabilityFixture();

/** Data with a payload in every text a chart shows. */
const HOSTILE = {
  title: `Kinh phí ${P.img}`,
  subtitle: `${P.css} ${P.template}`,
  source: `Sở Công Thương ${P.svg}`,
  notes: `${P.script}\n${P.endScript}`,
  description: `${P.iframe} ${P.link}`,
  unit: "trieu_dong",
  sources: [
    { key: "kcqg", label: P.img, level: "national" },
    { key: "kcdp", label: P.svg, level: "local" },
    { key: P.key, label: P.comment, level: "other" },
  ],
  records: [
    { source: "kcqg", region: P.script, year: 2021, category: P.link, plan: "120", actual: "110", counterpart: "300", projects: 3 },
    { source: "kcdp", region: P.iframe, year: 2021, category: P.jsUrl, plan: "80", actual: "95", counterpart: "40", projects: 2 },
    { source: P.key, region: P.entity, year: 2022, category: P.css, plan: "60", actual: "45", counterpart: "12", projects: 1 },
    { source: "kcqg", region: P.attr, year: 2022, category: P.template, plan: "70", actual: "66", counterpart: "20", projects: 4 },
  ],
};
const KIND_OPTIONS = [
  { kind: "summary" },
  { kind: "sources" },
  { kind: "plan-actual" },
  { kind: "plan-actual", by: "region" },
  { kind: "regions" },
  { kind: "leverage", by: "category" },
  { kind: "trend" },
  { kind: "categories", locale: "en" },
];

describe("injection: payloads in the data are shown as text everywhere", () => {
  test("every kind: tooltip, live region, legend, description, labels and table show the payloads as text; nothing fires", async () => {
    const { context, page, seen } = await open({ viewport: { width: 1100, height: 900 }, init: pwnedRecorder });
    try {
      await page.goto(`${site.url}${BLANK}`);
      await page.evaluate(async () => {
        window.kc = await import("/pkg/index.js");
        window.handles = {};
      });
      const shown = new Set();
      let toggles = 0;
      let tables = 0;
      for (const [n, options] of KIND_OPTIONS.entries()) {
        const id = `k${n}`;
        const result = await page.evaluate(
          async ({ id, data, options }) => {
            const element = document.createElement("div");
            element.id = id;
            element.style.setProperty("width", "900px");
            document.body.append(element);
            try {
              window.handles[id] = await window.kc.mount(element, data, options);
              return "ok";
            } catch (e) {
              return `${e.code} ${e.path}: ${e.message}`;
            }
          },
          { id, data: HOSTILE, options },
        );
        assert.equal(result, "ok", `${options.kind}: ${result}`);
        const view = await page.evaluate((id) => window.handles[id].view(), id);
        // Every item through the keyboard: its tooltip and its announcement are its texts.
        await page.evaluate((id) => window.handles[id].canvas.focus(), id);
        for (const [i, item] of view.items.entries()) {
          await page.keyboard.press(i === 0 ? "Home" : "ArrowRight");
          const { tip, live } = await page.evaluate((id) => {
            const wrapper = document.querySelector(`#${id} .kc-chart`);
            return {
              tip: wrapper.querySelector(".kc-chart__tooltip").textContent,
              live: wrapper.querySelector(".kc-chart__live").textContent,
            };
          }, id);
          assert.equal(tip, item.title + item.rows.flat().join(""), `${options.kind} item ${i} tooltip`);
          assert.equal(live, item.speech, `${options.kind} item ${i} announced`);
          shown.add(tip);
          shown.add(live);
          // The mouse over it too (an attribute payload would need a mouseover to fire).
          await hoverItem(page, id, i);
        }
        // Whatever the shell opens from a button (its data table, its menu): open it.
        toggles += await page.evaluate((id) => {
          const buttons = document.querySelectorAll(`#${id} button[aria-expanded="false"]`);
          for (const b of buttons) b.click();
          return buttons.length;
        }, id);
        const dom = await page.evaluate((id) => {
          const wrapper = document.querySelector(`#${id} .kc-chart`);
          return {
            legend: [...wrapper.querySelectorAll(".kc-chart__legend button")].map((b) => b.textContent),
            label: wrapper.getAttribute("aria-label"),
            description: document.getElementById(wrapper.querySelector("canvas").getAttribute("aria-describedby")).textContent,
            text: document.getElementById(id).textContent,
            tables: [...document.querySelectorAll(`#${id} table`)].map((t) =>
              [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)),
            ),
          };
        }, id);
        assert.deepEqual(dom.legend, view.legend.map((l) => l.label), `${options.kind} legend`);
        assert.equal(dom.label, HOSTILE.title);
        assert.ok(dom.description.startsWith(view.spokenDescription), `${options.kind} description`);
        tables += dom.tables.length;
        for (const table of dom.tables) {
          // The data table, when the shell has one, holds the view's table as text.
          const cells = table.flat();
          for (const row of view.table.rows) for (const cell of row) assert.ok(cells.includes(cell), `table cell ${cell}`);
          shown.add(cells.join("\n"));
        }
        await page.keyboard.press("Escape");
        shown.add(dom.text);
        for (const l of dom.legend) shown.add(l);
        shown.add(dom.label);
        shown.add(dom.description);
        await assertNothingInjected(page, options.kind);
      }
      // A shell with toggles (a data table) showed its tables, and they were checked.
      if (toggles > 0) assert.ok(tables >= KIND_OPTIONS.length, `${tables} data tables`);
      // Each payload appeared, as the very characters, somewhere a reader sees or hears it.
      const everything = [...shown].join("\n");
      for (const [name, payload] of Object.entries(P)) {
        if (name === "key") continue; // a key is not shown
        assert.ok(everything.includes(payload), `payload ${name} is shown as text`);
      }
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("error boxes quote payloads from field names, keys, amounts, options and src as text", async () => {
    const { context, page, seen } = await open({ init: pwnedRecorder });
    try {
      await page.goto(`${site.url}${BLANK}`);
      await page.evaluate(async () => {
        window.kc = await import("/pkg/index.js");
      });
      const short = {
        img: `<img src=x onerror=top.__pwned.push(1)>`,
        svg: `<svg onload=top.__pwned.push(2)>`,
        script: `<script>top.__pwned.push(3)</script>`,
      };
      const cases = [
        [{ title: "T", unit: "ty_dong", records: [{ plan: "1", [short.img]: 1 }] }, {}, short.img],
        [{ title: "T", unit: "ty_dong", records: [{ plan: "1", source: short.svg }] }, {}, short.svg],
        [{ title: "T", unit: "ty_dong", records: [{ plan: short.script }] }, {}, short.script],
        [{ title: "T", unit: "ty_dong", records: [{ plan: "1" }] }, { kind: short.img }, short.img],
        [{ title: "T", unit: "ty_dong", records: [{ plan: "1" }] }, { theme: P.css }, P.css],
        [{ title: short.svg, unit: short.img, records: [{ plan: "1" }] }, {}, short.img],
        [`/data/${encodeURIComponent(short.img)}.json`, {}, "%3Cimg"],
        [`javascript:top.__pwned.push('src')`, {}, "javascript:top.__pwned.push('src')"],
      ];
      for (const [i, [data, options, payload]] of cases.entries()) {
        const text = await page.evaluate(
          async ({ id, data, options }) => {
            const element = document.createElement("div");
            element.id = id;
            document.body.append(element);
            try {
              await window.kc.mount(element, data, options);
              return null;
            } catch (e) {
              return element.querySelector('[role="alert"]').textContent;
            }
          },
          { id: `e${i}`, data, options },
        );
        // Quoted values are clipped to 40 characters ("…" after).
        assert.ok(text?.includes(payload.slice(0, 40)), `case ${i}: ${text}`);
      }
      await assertNothingInjected(page, "error boxes");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("<khuyencong-chart>: payloads in attributes and in the inline JSON stay text; the fallback is untouched", async () => {
    const { context, page, seen, base } = await open({ init: pwnedRecorder });
    try {
      // The inline JSON as the editor writes it: "</" as "<\/", "<!--" as "\u003c!--".
      const inline = JSON.stringify(HOSTILE).replace(/<\//g, "<\\/").replace(/<!--/g, "\\u003c!--");
      const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      await servePage(
        page,
        `${base}__test__/embed-inject.html`,
        testPage(
          `<khuyencong-chart id="inline" kind="sources"><script type="application/json">${inline}</script><p class="fallback">Bảng</p></khuyencong-chart>` +
            `<khuyencong-chart id="kind" kind="${attr(P.svg)}" src="/data/phia-bac-2022.json"></khuyencong-chart>` +
            `<khuyencong-chart id="height" height="${attr(P.css)}" src="/data/phia-bac-2022.json"></khuyencong-chart>` +
            `<khuyencong-chart id="src" src="${attr(P.jsUrl)}"></khuyencong-chart>` +
            `<div id="plain" data-khuyencong data-kind="${attr(P.img)}" data-src="/data/phia-bac-2022.json"></div>`,
          { embed: true },
        ),
      );
      await page.goto(`${base}__test__/embed-inject.html`);
      await page.waitForFunction(() =>
        ["inline", "kind", "height", "src", "plain"].every((id) => ["ready", "error"].includes(document.getElementById(id).dataset.kcState)),
      );
      assert.equal(await page.getAttribute("#inline", "data-kc-state"), "ready");
      const view = await page.$eval("#inline", (e) => e.chart.view());
      assert.equal(view.title, HOSTILE.title);
      assert.deepEqual(view.legend.map((l) => l.label), [P.img, P.svg, P.comment]);
      for (const [id, payload] of [
        ["kind", P.svg],
        ["height", P.css],
        ["src", P.jsUrl],
        ["plain", P.img],
      ]) {
        assert.equal(await page.getAttribute(`#${id}`, "data-kc-state"), "error", id);
        const [box] = await alertsIn(page, `#${id}`);
        assert.ok(box.includes(payload.slice(0, 40)), `${id}: ${box}`);
      }
      await page.hover("#inline canvas");
      await assertNothingInjected(page, "embed");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("exports: SVG and CSV (and the embed code, when the shell has one) carry the payloads as text; the SVG opened as a document runs nothing", async () => {
    const { context, page, seen } = await open({ init: pwnedRecorder });
    try {
      await page.goto(`${site.url}${BLANK}`);
      const formula = {
        ...HOSTILE,
        records: [
          ...HOSTILE.records,
          { region: `=HYPERLINK("http://x.invalid","bấm")`, actual: "1" },
          { region: "@SUM(1+1)", actual: "1" },
          { region: "+1+1", actual: "1" },
          { region: "-1+1", actual: "1" },
        ],
      };
      const out = await page.evaluate(async (data) => {
        const kc = await import("/pkg/index.js");
        const element = document.createElement("div");
        element.style.setProperty("width", "800px");
        document.body.append(element);
        const handle = await kc.mount(element, data, { kind: "regions" });
        const glue = await import("/pkg/khuyencong_charts.js");
        // The wasm's own exports (what any shell's download menu serializes).
        const chart = new glue.Chart(JSON.stringify(data), JSON.stringify({ kind: "regions" }));
        chart.layout(document.createElement("canvas"), 800, 0, false);
        const result = {
          svg: chart.toSVG(),
          csv: chart.toCSV(),
          shell: {
            svg: typeof handle.toSVG === "function" ? await handle.toSVG() : null,
            csv: typeof handle.toCSV === "function" ? await handle.toCSV() : null,
            // toEmbedCode() is async now, and its default is the picture way (picture, link,
            // table); the element way (embed.js and <khuyencong-chart>, the data inline) is
            // asked for by name.
            embed: typeof handle.toEmbedCode === "function" ? await handle.toEmbedCode() : null,
            element: typeof handle.toEmbedCode === "function" ? await handle.toEmbedCode({ way: "element" }) : null,
            view: handle.view(),
          },
        };
        chart.free();
        return result;
      }, formula);
      const texts = (value) => (typeof value === "string" ? value : null);
      for (const [name, svg] of [
        ["wasm", out.svg],
        ["shell", texts(out.shell.svg)],
      ]) {
        if (svg === null) continue;
        // Parsed as SVG: only drawing elements, no handler attributes, the payloads as text.
        const parsed = await page.evaluate((svg) => {
          const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
          const all = [...doc.querySelectorAll("*")];
          return {
            error: doc.querySelector("parsererror")?.textContent ?? null,
            tags: [...new Set(all.map((e) => e.localName))].sort(),
            handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
            hrefs: all.flatMap((e) => [...e.attributes].filter((a) => /href$/i.test(a.name)).map((a) => a.value)),
            text: doc.documentElement.textContent,
          };
        }, svg);
        assert.equal(parsed.error, null, `${name} SVG parses`);
        for (const tag of parsed.tags) {
          assert.ok(
            ["svg", "g", "rect", "path", "polygon", "polyline", "line", "circle", "text", "tspan", "title", "desc", "defs", "pattern", "clipPath", "style"].includes(tag),
            `${name} SVG has <${tag}>`,
          );
        }
        assert.deepEqual(parsed.handlers, [], `${name} SVG handlers`);
        assert.deepEqual(parsed.hrefs.filter((h) => /javascript:/i.test(h)), []);
        assert.ok(parsed.text.includes("Kinh phí <img"), `${name} SVG shows the title's payload as text`);
        // Opened as a document of its own (where an SVG's scripts would run).
        await page.evaluate(async (svg) => {
          const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
          const frame = document.createElement("iframe");
          frame.src = url;
          document.body.append(frame);
          await new Promise((done) => frame.addEventListener("load", done, { once: true }));
          await new Promise((done) => setTimeout(done, 100));
          frame.remove();
        }, svg);
        assert.deepEqual(await page.evaluate(() => window.__pwned), [], `${name} SVG as a document`);
      }
      for (const [name, csv] of [
        ["wasm", out.csv],
        ["shell", texts(out.shell.csv)],
      ]) {
        if (csv === null) continue;
        const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
        const firsts = rows.map((r) => r[0]);
        for (const region of [P.script, P.iframe, P.entity, P.attr]) assert.ok(firsts.includes(region), `${name} CSV: ${region}`);
        // Spreadsheet formulas are defused with an apostrophe; the text stays whole.
        for (const region of [`=HYPERLINK("http://x.invalid","bấm")`, "@SUM(1+1)", "+1+1", "-1+1"]) {
          assert.ok(firsts.includes(`'${region}`), `${name} CSV defuses ${region}: ${firsts.join(" | ")}`);
        }
      }
      if (out.shell.embed) {
        // The shell's embed code (the picture way), pasted into an article whose template loads
        // the site loader: the payloads stay text in the code, in the picture's alt text, the
        // table and the link's line, and in the interactive chart drawn in the picture's box.
        const { view } = out.shell;
        const code = out.shell.embed;
        assert.ok(code.includes("&lt;img src=x onerror="), "the code escapes the payloads");
        assert.ok(!code.includes("<script"), "the picture way has no script");
        const embedPage = `${site.url}__test__/pasted.html`;
        await servePage(page, embedPage, testPage(code, { embed: true }));
        await page.goto(embedPage);
        await page.waitForSelector('.kc-embed[data-kc-state="ready"]');
        await nextFrames(page);
        const pasted = await page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          const img = document.querySelector("img");
          return {
            alt: img.alt,
            shown: getComputedStyle(img).display,
            caption: document.querySelector("table caption").textContent,
            rows: [...document.querySelectorAll("table th[scope=row]")].map((th) => th.textContent),
            line: document.querySelector("a").parentElement.textContent,
            href: document.querySelector("a").href,
            title: chartOf(img)?.view().title ?? null,
          };
        });
        // The alt text is the chart's description: the data's own description and a source's
        // label, as the very characters.
        assert.equal(pasted.alt, view.description);
        for (const payload of [P.iframe, P.link, P.svg]) assert.ok(pasted.alt.includes(payload), `alt: ${pasted.alt}`);
        assert.equal(pasted.shown, "none", "the chart took the picture's place");
        assert.equal(pasted.caption, formula.title);
        for (const region of [P.script, P.iframe, P.entity, P.attr]) assert.ok(pasted.rows.includes(region), `table row ${region}`);
        assert.ok(pasted.line.endsWith(`Nguồn: ${formula.source}`), pasted.line);
        assert.ok(pasted.href.startsWith(`${site.url}pkg/chart.html#khuyencong=1&`), pasted.href);
        assert.equal(pasted.title, formula.title);
        await page.hover(".kc-embed canvas");
        await assertNothingInjected(page, "pasted embed code");

        // The element way: no text of the data ends the inline JSON's <script> early, and the
        // chart drawn from it has the payloads as text.
        const element = out.shell.element;
        assert.equal(element.match(/<\/script>/g).length, 2, "embed.js's line and the inline JSON");
        assert.ok(!element.includes("</script><script>"), "no text can end the inline JSON early");
        const elementPage = `${site.url}__test__/pasted-element.html`;
        await servePage(page, elementPage, testPage(element));
        await page.goto(elementPage);
        await page.waitForSelector('khuyencong-chart[data-kc-state="ready"]');
        await nextFrames(page);
        const drawn = await page.evaluate(() => ({
          title: document.querySelector("khuyencong-chart").chart.view().title,
          scripts: document.scripts.length,
        }));
        assert.deepEqual(drawn, { title: formula.title, scripts: 2 });
        await assertNothingInjected(page, "pasted element code");
      }
      await assertNothingInjected(page, "exports");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

/** RFC 4180 CSV → rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
