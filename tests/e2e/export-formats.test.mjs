// A chart leaving the page (issue 9), in Debian's Chromium: the handle's toPNG(), toSVG() and
// toCSV() checked for content (and the small RFC 4180 reader that checks the CSV).
// Run: node --test tests/e2e/export-formats.test.mjs   (needs www/pkg/ built and node_modules/playwright-core)

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Decimal from "decimal.js";
import { openGallery, openMounted, PHIA_BAC, useExportFixture } from "./export-helpers.mjs";

useExportFixture();

/** In the page: the PNG of `expr` (an expression giving a handle) decoded, with the counts the
 * tests need. */
function decodePng(page, expr) {
  return page.evaluate(async (expr) => {
    const handle = new Function(`return (${expr})`)();
    const blob = await handle.toPNG();
    const bitmap = await createImageBitmap(blob);
    const canvas = document.createElement("canvas");
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const bg = [data[0], data[1], data[2], data[3]];
    let ink = 0;
    let transparent = 0;
    const rows = new Array(bitmap.height).fill(0);
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) transparent++;
      if (data[i] !== bg[0] || data[i + 1] !== bg[1] || data[i + 2] !== bg[2]) {
        ink++;
        rows[Math.floor(i / 4 / bitmap.width)]++;
      }
    }
    // Colours present, as "#rrggbb" → pixel count (only exact, saturated marks matter).
    const has = (hex) => {
      const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
      }
      return n;
    };
    const svg = new DOMParser().parseFromString(handle.toSVG(), "image/svg+xml").documentElement;
    return {
      type: blob.type,
      width: bitmap.width,
      height: bitmap.height,
      cssWidth: parseFloat(getComputedStyle(handle.canvas.parentElement).width),
      svgWidth: Number(svg.getAttribute("width")),
      svgHeight: Number(svg.getAttribute("height")),
      bg,
      ink,
      transparent,
      rows,
      national: has("#0a5cad"),
      darkBackground: has("#15191e"),
    };
  }, expr);
}

/** Rows of RFC 4180 CSV text: fields separated by commas, quoted when they hold a comma, a
 * quote (doubled) or a line break; records end with CRLF. */
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
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      assert.ok(c !== '"' && c !== "\n" && c !== "\r", `stray ${JSON.stringify(c)} at ${i}`);
      field += c;
    }
  }
  assert.equal(quoted, false, "an unterminated quoted field");
  assert.equal(field, "", "the last record ends with CRLF");
  assert.equal(row.length, 0);
  return rows;
}

test("the CSV reader of these tests reads quotes, commas and line breaks in fields", () => {
  assert.deepEqual(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n,\r\n'), [
    ["a", "b,c", 'd "e"', "f\r\ng"],
    ["", ""],
  ]);
});

describe("toPNG()", () => {
  let opened;
  before(async () => {
    // A dark page: the export is light all the same.
    opened = await openGallery({ colorScheme: "dark" });
  });
  after(async () => opened?.context.close());

  for (const id of ["chart-summary", "chart-sources", "chart-plan-actual", "chart-regions"]) {
    test(`${id}: 2× the CSS width, solid light background, title, legend and source inked`, async () => {
      const { page, seen } = opened;
      const png = await decodePng(page, `window.khuyencongGallery.charts.get(${JSON.stringify(id)})`);
      assert.equal(png.type, "image/png");
      assert.equal(png.width, Math.round(png.cssWidth * 2), "twice the chart's CSS width");
      // The same layout as the SVG export at the same width (light, no controls).
      assert.equal(png.svgWidth, Math.ceil(png.cssWidth));
      assert.ok(Math.abs(png.height - png.svgHeight * 2) <= 2, "twice the layout's height");
      assert.deepEqual(png.bg, [255, 255, 255, 255], "white, opaque, on a dark page");
      assert.equal(png.transparent, 0, "no transparent pixel");
      assert.equal(png.darkBackground, 0, "nothing of the dark theme");
      const total = png.width * png.height;
      assert.ok(png.ink > total * 0.02, `only ${png.ink} of ${total} pixels drawn`);
      // The title's first line: 16 to 39 CSS px from the top, i.e. rows 32 to 78.
      const title = png.rows.slice(32, 78).reduce((a, b) => a + b, 0);
      assert.ok(title > png.width * 2, `title band: ${title} inked pixels`);
      // The source line ("Nguồn: …") sits in the last 60 CSS px.
      const foot = png.rows.slice(-120).reduce((a, b) => a + b, 0);
      assert.ok(foot > png.width, `source line band: ${foot} inked pixels`);
      if (id !== "chart-summary") assert.ok(png.national > 100, "the national series' blue");
      assert.deepEqual(seen.pageErrors, []);
    });
  }

  test("the chart on screen is unchanged by an export (same view, same pixels)", async () => {
    const { page } = opened;
    const state = () =>
      page.evaluate(() => {
        const chart = window.khuyencongGallery.charts.get("chart-plan-actual");
        const c = chart.canvas;
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let sum = 0;
        for (let i = 0; i < data.length; i += 97) sum = (sum * 31 + data[i]) % 1_000_000_007;
        return { view: chart.view(), sum, hit: chart.view().items.length };
      });
    const before = await state();
    await page.evaluate(async () => {
      const chart = window.khuyencongGallery.charts.get("chart-plan-actual");
      await chart.toPNG();
      chart.toSVG();
    });
    assert.deepEqual(await state(), before);
    // And the pointer still finds the bars (hit-testing reads the restored layout).
    const [x, y, w, h] = before.view.items[3].rect;
    const point = await page.evaluate(
      ({ x, y, w, h }) => {
        const chart = window.khuyencongGallery.charts.get("chart-plan-actual");
        chart.canvas.scrollIntoView({ block: "center" });
        const r = chart.canvas.getBoundingClientRect();
        return { x: r.left + x + w / 2, y: r.top + y + h / 2 };
      },
      { x, y, w, h },
    );
    await page.mouse.move(point.x, point.y);
    assert.equal(
      await page.$eval("#chart-plan-actual .kc-chart__tooltip", (t) => t.firstChild.textContent),
      "Khuyến công địa phương",
    );
    await page.mouse.move(0, 0);
  });
});

describe("toSVG()", () => {
  let opened;
  before(async () => {
    opened = await openGallery({ colorScheme: "dark" });
  });
  after(async () => opened?.context.close());

  // Kinds whose drawing carries exact figures as text.
  const FIGURES = {
    "chart-summary": ["170,4 tỷ đồng", "95,2%", "46,7%", "53,3%"],
    "chart-sources": ["170,4 tỷ đồng", "46,7%", "53,3%"],
    "chart-plan-actual": ["98,3%", "92,6%", "95,2%", "Khuyến công địa phương", "tỷ đồng"],
    "chart-categories-dak-lak": ["75,2%", "Máy móc thiết bị tiên tiến"],
  };

  for (const [id, figures] of Object.entries(FIGURES)) {
    test(`${id}: parses, text stays text with its diacritics, title and figures inside`, async () => {
      const { page } = opened;
      const svg = await page.evaluate(async (id) => {
        const chart = window.khuyencongGallery.charts.get(id);
        const text = chart.toSVG();
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const root = doc.documentElement;
        // Shown by the browser as an image: it decodes at its own size.
        const img = new Image();
        const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
        img.src = url;
        await img.decode();
        URL.revokeObjectURL(url);
        const texts = [...doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text")];
        return {
          errors: doc.getElementsByTagName("parsererror").length,
          name: root.localName,
          ns: root.namespaceURI,
          width: Number(root.getAttribute("width")),
          cssWidth: parseFloat(getComputedStyle(chart.canvas.parentElement).width),
          title: doc.querySelector("title")?.textContent,
          desc: doc.querySelector("desc")?.textContent,
          background: root.querySelector("rect")?.getAttribute("fill"),
          texts: texts.map((t) => t.textContent.trim()),
          images: doc.getElementsByTagName("image").length,
          natural: [img.naturalWidth, img.naturalHeight],
          height: Number(root.getAttribute("height")),
          viewTitle: chart.view().title,
          described: document.getElementById(chart.canvas.getAttribute("aria-describedby"))
            .textContent,
        };
      }, id);
      assert.equal(svg.errors, 0, "well-formed XML");
      assert.equal(svg.name, "svg");
      assert.equal(svg.ns, "http://www.w3.org/2000/svg");
      assert.equal(svg.width, Math.ceil(svg.cssWidth), "at the chart's CSS width");
      assert.deepEqual(svg.natural, [svg.width, svg.height], "the browser shows it at its size");
      assert.equal(svg.images, 0, "no embedded bitmap: drawn, not a screenshot");
      assert.equal(svg.background, "#FFFFFF", "light, on a dark page");
      assert.equal(svg.title, svg.viewTitle);
      assert.ok(svg.desc.length > 20 && svg.described.startsWith(svg.desc), svg.desc);
      // The title, drawn as text (its lines together, in order), marks intact (NFC).
      const drawn = svg.texts.join(" ");
      assert.ok(drawn.startsWith(svg.viewTitle.split(" ").slice(0, 4).join(" ")), drawn);
      for (const word of svg.viewTitle.split(" ")) assert.ok(drawn.includes(word), word);
      assert.equal(drawn, drawn.normalize("NFC"));
      for (const figure of figures) {
        assert.ok(svg.texts.some((t) => t.includes(figure)), `${figure} in ${drawn}`);
      }
    });
  }

  test("a title with markup characters is escaped in <title> and in the text", async () => {
    const data = { ...PHIA_BAC, title: 'Kinh phí <b>"khuyến công"</b> & vốn đối ứng' };
    const { context, page } = await openMounted(data, { kind: "summary" });
    try {
      const out = await page.evaluate(() => {
        const doc = new DOMParser().parseFromString(window.chart.toSVG(), "image/svg+xml");
        return {
          errors: doc.getElementsByTagName("parsererror").length,
          title: doc.querySelector("title").textContent,
          bold: doc.getElementsByTagName("b").length,
        };
      });
      assert.deepEqual(out, { errors: 0, title: data.title, bold: 0 });
    } finally {
      await context.close();
    }
  });
});

describe("toCSV()", () => {
  /** The CSV of a chart of `src` with `options`, parsed; the BOM checked and taken off. */
  async function csvOf(src, options) {
    const { context, page } = await openMounted(src, options);
    try {
      const text = await page.evaluate(() => window.chart.toCSV());
      assert.equal(text.charCodeAt(0), 0xfeff, "UTF-8 with a byte-order mark (Excel)");
      const [head, ...rows] = parseCsv(text.slice(1));
      for (const row of rows) assert.equal(row.length, head.length, row.join("|"));
      return { head, rows, total: rows.at(-1), parts: rows.slice(0, -1) };
    } finally {
      await context.close();
    }
  }

  const column = (head, name) => {
    const i = head.indexOf(name);
    assert.ok(i >= 0, `${name} in ${head.join(" | ")}`);
    return i;
  };
  const sum = (rows, i) => rows.reduce((s, r) => s.plus(new Decimal(r[i] || 0)), new Decimal(0));

  test("sources (phía Bắc 2022): the parts add up to the total; the published plan differs", async () => {
    const { head, parts, total } = await csvOf("/data/phia-bac-2022.json", { kind: "sources" });
    assert.equal(head[0], "Nguồn kinh phí");
    const actual = column(head, "Thực hiện (ty_dong)");
    const plan = column(head, "Kế hoạch (ty_dong)");
    const share = column(head, "Tỷ trọng (%)");
    assert.deepEqual(
      parts.map((r) => [r[0], r[actual], r[plan], r[share]]),
      [
        ["Khuyến công quốc gia", "79.5", "80.9", "46.7"],
        ["Khuyến công địa phương", "90.9", "98.2", "53.3"],
      ],
    );
    assert.equal(total[0], "Tổng cộng");
    assert.equal(sum(parts, actual).toString(), total[actual], "79.5 + 90.9 = 170.4");
    assert.equal(sum(parts, share).toString(), "100");
    // The published plan (179) is the total; the sources' plans add up to 179.1 (rounding in
    // the report: the chart's total_mismatch warning).
    assert.equal(total[plan], "179");
    assert.equal(sum(parts, plan).toString(), "179.1");
    // The formatted columns say the same figures the press's way.
    assert.equal(total[column(head, "Thực hiện (hiển thị)")], "170,4 tỷ đồng");
    assert.equal(parts[0][column(head, "Tỷ trọng (hiển thị)")], "46,7%");
  });

  // Files without published totals: the total is the sum of the records, so of the parts.
  for (const [file, options] of [
    ["63-tinh-minh-hoa.json", { kind: "regions" }],
    ["dak-lak-2020.json", { kind: "categories" }],
    ["dia-phuong-cong-bo.json", { kind: "trend" }],
  ]) {
    test(`${file} (${options.kind}): every figure column adds up to its total`, async () => {
      const { head, parts, total } = await csvOf(`/data/${file}`, options);
      assert.ok(parts.length > 0);
      const checked = [];
      for (const [i, name] of head.entries()) {
        if (!/^(Kế hoạch|Thực hiện|Vốn đối ứng) \(trieu_dong\)$|^Số đề án$/.test(name)) continue;
        if (total[i] === "" || parts.some((r) => r[i] === "")) continue;
        assert.equal(sum(parts, i).toString(), total[i], `${name}: ${parts.length} rows`);
        checked.push(name);
      }
      assert.ok(checked.includes("Thực hiện (trieu_dong)"), checked.join(", "));
    });
  }

  test("a text that looks like a formula stays text; quotes and commas are quoted", async () => {
    const data = {
      title: "x",
      unit: "ty_dong",
      sources: [
        { key: "a", label: '=HYPERLINK("http://x")', level: "national" },
        { key: "b", label: "Địa phương, huyện", level: "local" },
      ],
      records: [
        { source: "a", actual: "1.5" },
        { source: "b", actual: "2" },
      ],
    };
    const { context, page } = await openMounted(data, { kind: "sources" });
    try {
      const text = await page.evaluate(() => window.chart.toCSV());
      const [, a, b, total] = parseCsv(text.slice(1));
      assert.equal(a[0], `'=HYPERLINK("http://x")`);
      assert.equal(b[0], "Địa phương, huyện");
      assert.equal(total[2], "3.5");
    } finally {
      await context.close();
    }
  });
});
