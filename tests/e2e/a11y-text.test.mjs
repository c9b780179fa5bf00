// Accessibility (issue 6) in Debian's Chromium: what a screen reader gets: the accessible
// description against the real figures, the data table's structure, and the widget's own words
// in Vietnamese and English.
// Run: node --test tests/e2e/a11y-text.test.mjs   (needs www/pkg/ built, node_modules/playwright-core and
// node_modules/axe-core)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Decimal from "decimal.js";
import { BLANK, open, openGallery, PHIA_BAC, site, useA11yFixture } from "./a11y-helpers.mjs";

useA11yFixture();

describe("the data table", () => {
  test("caption, th scope col and row, the total in tfoot: the view's figures", async () => {
    const { context, page } = await openGallery();
    try {
      for (const id of ["chart-sources", "chart-regions", "chart-trend"]) {
        await page.click(`#${id} .kc-chart__table-toggle`);
        const got = await page.evaluate((id) => {
          const box = document.querySelector(`#${id} .kc-chart__table`);
          const table = box.querySelector("table");
          const cells = (tr) => [...tr.cells].map((c) => c.textContent);
          return {
            view: window.khuyencongGallery.charts.get(id).view(),
            caption: table.caption.textContent,
            labelledBy: document.getElementById(box.getAttribute("aria-labelledby")) === table.caption,
            controls:
              document.querySelector(`#${id} .kc-chart__table-toggle`).getAttribute("aria-controls") ===
              box.id,
            head: [...table.tHead.rows].map(cells),
            headScopes: [...table.tHead.querySelectorAll("th")].map((th) => th.scope),
            body: [...table.tBodies[0].rows].map(cells),
            rowHeads: [...table.tBodies[0].rows].map((r) => [r.cells[0].localName, r.cells[0].scope]),
            foot: [...table.tFoot.rows].map(cells),
            footHead: [table.tFoot.rows[0].cells[0].localName, table.tFoot.rows[0].cells[0].scope],
            tds: table.querySelectorAll("td").length,
          };
        }, id);
        const { table, title } = got.view;
        assert.equal(got.caption, title);
        assert.ok(got.labelledBy && got.controls);
        assert.deepEqual(got.head, [table.head]);
        assert.ok(got.headScopes.every((s) => s === "col"));
        assert.deepEqual(got.body, table.rows.slice(0, -1));
        assert.ok(got.rowHeads.every(([tag, scope]) => tag === "th" && scope === "row"));
        assert.deepEqual(got.foot, [table.rows.at(-1)]);
        assert.deepEqual(got.footHead, ["th", "row"]);
        assert.equal(got.foot[0][0], "Tổng cộng");
        if (id === "chart-regions") assert.equal(got.body.length, 63, "every province");
        if (id === "chart-sources") {
          assert.deepEqual(got.body[0], [
            "Khuyến công quốc gia",
            "80,9 tỷ đồng",
            "79,5 tỷ đồng",
            "98,3%",
            "46,7%",
          ]);
        }
      }
    } finally {
      await context.close();
    }
  });
});

describe("the accessible description", () => {
  /** Mounts `data` on a blank page; returns the chart's name, description and view. */
  async function described(data, options) {
    const { context, page } = await open();
    try {
      await page.goto(`${site.url}${BLANK}`);
      return await page.evaluate(
        async ({ data, options }) => {
          const kc = await import("/pkg/index.js");
          const element = document.createElement("div");
          document.querySelector("main").append(element);
          const chart = await kc.mount(element, data, options);
          const canvas = chart.canvas;
          return {
            name: canvas.getAttribute("aria-label"),
            group: canvas.parentElement.getAttribute("aria-label"),
            description: document.getElementById(canvas.getAttribute("aria-describedby"))
              .textContent,
            view: chart.view(),
          };
        },
        { data, options },
      );
    } finally {
      await context.close();
    }
  }

  // The figures, computed here from the file (decimal.js, Intl.NumberFormat as the oracle).
  const records = Object.fromEntries(PHIA_BAC.records.map((r) => [r.source, r]));
  const actual = new Decimal(PHIA_BAC.reported.actual);
  const plan = new Decimal(PHIA_BAC.reported.plan);
  // Percentages for the eye with exactly percentDigits (1) fraction digits ("58,0%"); for the
  // ear without trailing zeros ("58 phần trăm").
  const pct = (d, locale) =>
    `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(d.toDecimalPlaces(1).toNumber())}%`;
  const said = (d, locale, words) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(d.toDecimalPlaces(1).toNumber())} ${words}`;
  const amount = (d, locale) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(d.toNumber());
  const share = (key) => new Decimal(records[key].actual).div(actual).times(100);

  test("Vietnamese: the press's sentence with the real figures, then source, notes, keys", async () => {
    const got = await described(PHIA_BAC, { kind: "sources" });
    const sentence = (p) =>
      `Tổng kinh phí khuyến công thực hiện là ${amount(actual, "vi-VN")} tỷ đồng, ` +
      `đạt ${p(actual.div(plan).times(100))} kế hoạch (${amount(plan, "vi-VN")} tỷ đồng). ` +
      `Khuyến công quốc gia chiếm ${p(share("kcqg"))}, ` +
      `khuyến công địa phương chiếm ${p(share("kcdp"))}.`;
    const figures = sentence((d) => pct(d, "vi-VN"));
    assert.equal(
      figures,
      "Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, đạt 95,2% kế hoạch (179 tỷ đồng). Khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%.",
    );
    assert.equal(got.view.description, figures);
    // What a screen reader reads: the same sentence, per cent in words.
    const spoken = sentence((d) => said(d, "vi-VN", "phần trăm"));
    assert.equal(spoken, figures.replaceAll("%", " phần trăm"));
    assert.equal(got.view.spokenDescription, spoken);
    assert.equal(
      got.description,
      `${spoken} Nguồn: ${PHIA_BAC.source}. Ghi chú: ${PHIA_BAC.notes} ` +
        "Dùng các phím mũi tên để đi qua từng số liệu, Home và End để về số liệu đầu và cuối.",
    );
    assert.equal(got.name, PHIA_BAC.title, "the accessible name is the title");
    assert.equal(got.group, PHIA_BAC.title);
  });

  test("English: the same figures in English", async () => {
    const got = await described(PHIA_BAC, { kind: "sources", locale: "en" });
    assert.equal(
      got.description,
      `Industrial promotion spending totalled ${amount(actual, "en")} billion VND, ` +
        `${said(actual.div(plan).times(100), "en", "percent")} of the plan (${amount(plan, "en")} billion VND). ` +
        `Shares: Khuyến công quốc gia ${said(share("kcqg"), "en", "percent")}, ` +
        `khuyến công địa phương ${said(share("kcdp"), "en", "percent")}. ` +
        `Source: ${PHIA_BAC.source}. Notes: ${PHIA_BAC.notes} ` +
        "Use the arrow keys to go through the figures one by one, Home and End for the first and last.",
    );
  });

  test("numbers a screen reader speaks carry no grouping separator; the eye still sees it", async () => {
    // The seed in millions of dong: 170.400 triệu đồng on screen, 170400 spoken (a voice
    // reads the grouping dot as a pause: "170 … 400"). Every text a screen reader speaks is
    // checked: the accessible description and each point's announcement, in vi and en.
    const times1000 = (o, keys) =>
      Object.fromEntries(
        Object.entries(o).map(([k, v]) => [k, keys.includes(k) ? new Decimal(v).times(1000).toString() : v]),
      );
    const money = ["plan", "actual", "counterpart"];
    const millions = {
      ...PHIA_BAC,
      unit: "trieu_dong",
      reported: times1000(PHIA_BAC.reported, money),
      records: PHIA_BAC.records.map((r) => times1000(r, money)),
    };
    const grouped = { vi: /\d\.\d{3}/, en: /\d,\d{3}/ };
    for (const [locale, tag] of [["vi", "vi-VN"], ["en", "en"]]) {
      const total = new Intl.NumberFormat(tag).format(actual.times(1000).toNumber());
      const spokenTotal = new Intl.NumberFormat(tag, { useGrouping: false }).format(actual.times(1000).toNumber());
      assert.match(total, grouped[locale]);
      for (const kind of ["sources", "plan-actual", "summary"]) {
        const got = await described(millions, { kind, locale });
        assert.ok(got.view.description.includes(total), `${locale} ${kind}: the eye sees ${total}`);
        assert.ok(got.description.includes(spokenTotal), `${locale} ${kind}: ${got.description}`);
        assert.doesNotMatch(got.description, grouped[locale], got.description);
        assert.doesNotMatch(got.description, /\d%/, "per cent in words");
        assert.ok(got.view.items.length > 0);
        for (const item of got.view.items) {
          assert.doesNotMatch(item.speech, grouped[locale], item.speech);
          assert.doesNotMatch(item.speech, /\d%|–/, item.speech);
        }
        // The tooltip rows (what the eye reads) keep the press's format.
        assert.ok(got.view.items.some((i) => i.rows.some(([, v]) => grouped[locale].test(v))), kind);
      }
    }
  });

  test("an author-written description comes first; without source or notes, none is added", async () => {
    const { source, notes, ...rest } = PHIA_BAC;
    const got = await described(
      { ...rest, description: "Biểu đồ kinh phí khuyến công năm 2022" },
      { kind: "summary" },
    );
    assert.ok(source && notes);
    assert.equal(
      got.description,
      "Biểu đồ kinh phí khuyến công năm 2022. Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, " +
        "đạt 95,2 phần trăm kế hoạch (179 tỷ đồng). Khuyến công quốc gia chiếm 46,7 phần trăm, " +
        "khuyến công địa phương chiếm 53,3 phần trăm. " +
        "Dùng các phím mũi tên để đi qua từng số liệu, Home và End để về số liệu đầu và cuối.",
    );
  });
});

describe("the widget's own words", () => {
  test("in Vietnamese and in English", async () => {
    const { context, page } = await open();
    try {
      await page.goto(`${site.url}${BLANK}`);
      const words = await page.evaluate(async (data) => {
        const kc = await import("/pkg/index.js");
        const read = async (options) => {
          const element = document.createElement("div");
          document.querySelector("main").append(element);
          const chart = await kc.mount(element, data, { kind: "sources", ...options });
          const q = (s) => element.querySelector(s);
          const out = {
            lang: q(".kc-chart").lang,
            table: q(".kc-chart__table-toggle").textContent,
            menu: q(".kc-chart__menu-button").textContent,
            items: [...element.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent),
            legend: q(".kc-chart__legend").getAttribute("aria-label"),
          };
          const bad = document.createElement("div");
          document.querySelector("main").append(bad);
          await kc.mount(bad, { ...data, records: [{ source: "kcqg", plan: "1,5" }] }, options).catch(() => {});
          out.error = bad.querySelector('[role="alert"] p').textContent;
          chart.destroy();
          return out;
        };
        return { vi: await read({}), en: await read({ locale: "en" }) };
      }, PHIA_BAC);
      assert.deepEqual(words.vi, {
        lang: "vi",
        table: "Xem bảng số liệu",
        menu: "Tải xuống / chia sẻ",
        items: ["Tải ảnh PNG", "Tải SVG", "Tải dữ liệu CSV", "Sao chép mã nhúng"],
        legend: "Chú giải: bấm để ẩn hoặc hiện từng chuỗi số liệu",
        error: "Không vẽ được biểu đồ.",
      });
      assert.deepEqual(words.en, {
        lang: "en",
        table: "Show data table",
        menu: "Download / share",
        items: ["Download PNG image", "Download SVG", "Download CSV data", "Copy embed code"],
        legend: "Legend: press to hide or show each series",
        error: "The chart could not be drawn.",
      });
    } finally {
      await context.close();
    }
  });
});
