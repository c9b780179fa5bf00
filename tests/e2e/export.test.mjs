// A chart leaving the page (issue 9), in Debian's Chromium: the handle's toPNG(), toSVG() and
// toCSV() checked for content, the "Tải xuống / chia sẻ" menu driven by the keyboard and
// downloading, the copied embed code pasted into a blank page, menu="none", and print (the
// layout at the printed width in the light theme, and the demo article printed to PDF, its
// pages turned into images with pdftoppm and checked).
// Run: node --test tests/e2e/   (needs www/pkg/ built, node_modules/playwright-core, and
// pdftoppm from poppler-utils for the pages of the PDF)

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import Decimal from "decimal.js";
import {
  cspViolations,
  gotoGallery,
  openPage,
  repoPath,
  servePage,
  settleCharts,
  startFixture,
  testPage,
} from "./helpers.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
const BLANK = "__test__/blank.html";
const PASTED = "__test__/pasted.html";
const PDFTOPPM = "/usr/bin/pdftoppm";

const PHIA_BAC = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
const SLUG = "kinh-phi-khuyen-cong-28-tinh-thanh-pho-phia-bac-nam-2022";
/** The menu's entries, in order, in each language. */
const MENU = {
  vi: ["Tải ảnh PNG", "Tải SVG", "Tải dữ liệu CSV", "Sao chép mã nhúng"],
  en: ["Download PNG image", "Download SVG", "Download CSV data", "Copy embed code"],
};

let fixture;
let browser;
let site;
let strictSite;

before(async () => {
  assert.ok(
    existsSync(repoPath("www", "pkg", "chart.js")),
    "www/pkg/chart.js is missing: make www-pkg",
  );
  fixture = await startFixture({ site: {}, strictSite: { csp: true } });
  ({ browser, site, strictSite } = fixture);
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(() => fixture?.close());

/**
 * A fresh context and page, watched, with a blank page at BLANK and `pasted` (an HTML body) at
 * PASTED on the site's origin (under the strict policy when `csp`).
 */
async function open({ csp = false, pasted = "", ...options } = {}) {
  const base = (csp ? strictSite : site).url;
  const pages = { [`${base}${BLANK}`]: testPage(), [`${base}${PASTED}`]: testPage(pasted) };
  return { ...(await openPage(browser, { csp, pages, ...options })), base };
}

async function openGallery(options = {}) {
  const opened = await open(options);
  return gotoGallery(opened, opened.base);
}

/** The blank page with the package imported as window.kc and a chart of `data` mounted in a
 * #c of `width` px as window.chart. */
async function openMounted(data, options, { width = 640, ...openOptions } = {}) {
  const opened = await open(openOptions);
  await opened.page.goto(`${opened.base}${BLANK}`);
  await opened.page.evaluate(
    async ({ data, options, width }) => {
      window.kc = await import("/pkg/index.js");
      const element = document.createElement("div");
      element.id = "c";
      element.style.setProperty("width", `${width}px`);
      document.body.append(element);
      window.chart = await window.kc.mount(element, data, options);
    },
    { data, options, width },
  );
  return opened;
}

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

// ---- a small RFC 4180 reader ---------------------------------------------------------------

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

// ---- toPNG -----------------------------------------------------------------------------------

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

// ---- toSVG -----------------------------------------------------------------------------------

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

// ---- toCSV -----------------------------------------------------------------------------------

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

// ---- the menu --------------------------------------------------------------------------------

/** The menu of the chart in `sel`: button state, focused item, item texts and roles. */
function menuState(page, sel) {
  return page.evaluate((sel) => {
    const button = document.querySelector(`${sel} .kc-chart__menu-button`);
    const menu = document.querySelector(`${sel} .kc-chart__menu`);
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    return {
      expanded: button.getAttribute("aria-expanded"),
      haspopup: button.getAttribute("aria-haspopup"),
      controls: button.getAttribute("aria-controls") === menu.id,
      label: button.textContent,
      open: getComputedStyle(menu).display !== "none",
      role: menu.getAttribute("role"),
      items: items.map((i) => i.textContent),
      focused: items.indexOf(document.activeElement),
      onButton: document.activeElement === button,
      tabbable: items.filter((i) => i.tabIndex >= 0).length,
    };
  }, sel);
}

describe("the download / share menu", () => {
  test("a keyboard walkthrough: open, move, close, choose; downloads named from the title", async () => {
    const { context, page, seen } = await openGallery();
    try {
      const sel = "#chart-sources";
      // Tab in: the canvas, its two legend buttons, the table toggle, then the menu button.
      await page.focus("#chart-summary ~ .card__data a");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.localName), "canvas");
      for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
      let s = await menuState(page, sel);
      assert.ok(s.onButton, "Tab reaches the menu button");
      assert.deepEqual(
        [s.label, s.haspopup, s.expanded, s.controls, s.role, s.open],
        ["Tải xuống / chia sẻ", "menu", "false", true, "menu", false],
      );
      assert.deepEqual(s.items, MENU.vi);
      assert.equal(s.tabbable, 0, "items are not in the tab order (roving focus)");
      assert.match(
        await page.evaluate(() => document.activeElement.style.outline),
        /solid/,
        "focus shows",
      );

      await page.keyboard.press("Enter");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.expanded, s.focused], [true, "true", 0], "Enter opens");
      await page.keyboard.press("ArrowDown");
      assert.equal((await menuState(page, sel)).focused, 1);
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      assert.equal((await menuState(page, sel)).focused, 3, "ArrowUp wraps to the last");
      await page.keyboard.press("ArrowDown");
      assert.equal((await menuState(page, sel)).focused, 0, "ArrowDown wraps to the first");
      await page.keyboard.press("End");
      assert.equal((await menuState(page, sel)).focused, 3);
      await page.keyboard.press("Home");
      assert.equal((await menuState(page, sel)).focused, 0);
      await page.keyboard.press("s"); // the first item starting with "s": Sao chép mã nhúng
      assert.equal((await menuState(page, sel)).focused, 3);
      await page.keyboard.press("Escape");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.expanded, s.onButton], [false, "false", true], "Escape");

      await page.keyboard.press("ArrowDown");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.focused], [true, 0], "ArrowDown opens on the first");
      await page.keyboard.press("Escape");
      await page.keyboard.press("ArrowUp");
      assert.equal((await menuState(page, sel)).focused, 3, "ArrowUp opens on the last");
      await page.keyboard.press("Escape");
      await page.keyboard.press(" ");
      assert.equal((await menuState(page, sel)).focused, 0, "Space opens");
      await page.keyboard.press("Tab");
      s = await menuState(page, sel);
      assert.deepEqual([s.open, s.expanded], [false, "false"], "Tab closes and moves on");
      assert.equal(
        await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement), sel),
        false,
        "the focus left the chart",
      );

      // Downloads: each entry, chosen with the keyboard.
      const downloads = {};
      for (const [index, ext] of [
        [0, "png"],
        [1, "svg"],
        [2, "csv"],
      ]) {
        await page.focus(`${sel} .kc-chart__menu-button`);
        await page.keyboard.press("Enter");
        for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.keyboard.press("Enter"),
        ]);
        downloads[ext] = {
          name: download.suggestedFilename(),
          bytes: await readFile(await download.path()),
        };
        s = await menuState(page, sel);
        assert.deepEqual([s.open, s.onButton], [false, true], "closed, focus on its button");
      }
      assert.equal(downloads.png.name, `${SLUG}-sources.png`);
      assert.equal(downloads.svg.name, `${SLUG}-sources.svg`);
      assert.equal(downloads.csv.name, `${SLUG}-sources.csv`);
      assert.deepEqual(
        [...downloads.png.bytes.subarray(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        "a PNG file",
      );
      const [cssWidth, csv, svg] = await page.evaluate(() => {
        const chart = window.khuyencongGallery.charts.get("chart-sources");
        return [parseFloat(getComputedStyle(chart.canvas).width), chart.toCSV(), chart.toSVG()];
      });
      assert.equal(downloads.png.bytes.readUInt32BE(16), Math.round(cssWidth * 2), "PNG width");
      assert.equal(downloads.csv.bytes.toString("utf8"), csv, "the file is toCSV()");
      assert.deepEqual([...downloads.csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "BOM");
      assert.equal(
        downloads.svg.bytes.toString("utf8"),
        `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`,
      );
      // Said to screen readers.
      assert.equal(
        await page.textContent(`${sel} .kc-chart__live`),
        `Đã tạo tệp ${SLUG}-sources.csv.`,
      );

      // In English, the same menu in English.
      await page.check('input[name="locale"][value="en"]');
      s = await menuState(page, sel);
      assert.equal(s.label, "Download / share");
      assert.deepEqual(s.items, MENU.en);

      // A click opens it too, and a click elsewhere closes it.
      await page.click(`${sel} .kc-chart__menu-button`);
      assert.equal((await menuState(page, sel)).open, true);
      await page.screenshot({ path: `${SCREENSHOTS}/export-menu-open.png` });
      await page.mouse.click(5, 5);
      assert.equal((await menuState(page, sel)).open, false);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("under the strict Content-Security-Policy: menu, downloads, copy by hand, table, print", async () => {
    const { context, page, seen } = await openGallery({ csp: true });
    try {
      const sel = "#chart-plan-actual";
      await page.click(`${sel} .kc-chart__table-toggle`);
      for (const index of [0, 1, 2]) {
        await page.focus(`${sel} .kc-chart__menu-button`);
        await page.keyboard.press("Enter");
        for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
        await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      }
      await page.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", { value: undefined });
        document.execCommand = () => false;
      });
      await page.focus(`${sel} .kc-chart__menu-button`);
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.waitForSelector(`${sel} .kc-chart__copy textarea`);
      await page.emulateMedia({ media: "print" });
      await page.waitForFunction(
        (sel) => getComputedStyle(document.querySelector(`${sel} .kc-chart__tools`)).display === "none",
        sel,
      );
      await page.emulateMedia({ media: "screen" });
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("embed.js: an SVG or CSV comes from the full build, fetched at the first one only, under the strict CSP, hidden series kept", async () => {
    const snippet =
      '<script type="module" src="/pkg/embed.js"></script>' +
      '<khuyencong-chart id="e" kind="plan-actual" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
      '<div id="m"></div>'; // both the page's width: laid out alike
    const { context, page, seen, base } = await open({ csp: true, pasted: snippet });
    try {
      await page.goto(`${base}${PASTED}`);
      await page.waitForSelector('khuyencong-chart[data-kc-state="ready"]');
      await page.waitForLoadState("networkidle");
      const fetched = () => seen.requests.map((u) => new URL(u).pathname).filter((p) => /\.(js|wasm)$/.test(p));
      const reader = ["/pkg/embed-draw.js", "/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"];
      assert.deepEqual(fetched().sort(), reader, "a reader who does not export");
      // The reader hides the first series (plan), then downloads the SVG and the CSV.
      await page.click("#e .kc-chart__legend button");
      const downloads = {};
      for (const [index, ext] of [
        [1, "svg"],
        [2, "csv"],
      ]) {
        await page.focus("#e .kc-chart__menu-button");
        await page.keyboard.press("Enter");
        for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
        const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
        downloads[ext] = { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString("utf8") };
      }
      assert.equal(downloads.svg.name, `${SLUG}-plan-actual.svg`);
      // The full build came once, for the first file.
      const full = ["/pkg/core.js", "/pkg/embed-export.js", "/pkg/khuyencong_charts.js", "/pkg/khuyencong_charts_bg.wasm"];
      assert.deepEqual(fetched().sort(), [...reader, ...full].sort());
      // The same chart from the npm entry point (its own build has the exports), the same series
      // hidden: the same files.
      const npm = await page.evaluate(async () => {
        const kc = await import("/pkg/index.js");
        const chart = await kc.mount(document.querySelector("#m"), "/data/phia-bac-2022.json", { kind: "plan-actual" });
        const shown = chart.toSVG();
        document.querySelector("#m .kc-chart__legend button").click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return { shown, svg: chart.toSVG(), csv: chart.toCSV(), hidden: chart.view().legend.map((l) => l.hidden) };
      });
      assert.deepEqual(npm.hidden, [true, false]);
      assert.notEqual(npm.svg, npm.shown, "hiding a series changes the SVG");
      assert.equal(downloads.svg.text, `<?xml version="1.0" encoding="UTF-8"?>\n${npm.svg}`);
      assert.equal(downloads.csv.text, npm.csv);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("embed.js: an error's sentence comes from the full build, fetched only when a chart fails; offline, a general one names the field and the code", async () => {
    // The reader's build has no error sentences: a chart that fails asks the full build.
    const bad = JSON.stringify({ title: "T", unit: "trieu_dong", records: [{ plan: "1,5" }] });
    const snippet =
      '<script type="module" src="/pkg/embed.js"></script>' +
      '<khuyencong-chart id="g" kind="plan-actual" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
      '<khuyencong-chart id="b" kind="plan-actual" src="/__test__/bad.json"></khuyencong-chart>';
    const sentence =
      'records[0].plan: số tiền "1,5" không viết theo dạng chuẩn (dấu chấm thập phân, không phân cách hàng nghìn); hãy viết "1.5".';
    for (const offline of [false, true]) {
      const { context, page, seen, base } = await open({ csp: true, pasted: snippet });
      try {
        await context.route(`${base}__test__/bad.json`, (route) =>
          route.fulfill({ contentType: "application/json", body: bad }),
        );
        // Offline: the full build's wasm cannot be fetched.
        if (offline) await context.route(`${base}pkg/khuyencong_charts_bg.wasm`, (route) => route.abort());
        await page.goto(`${base}${PASTED}`);
        await page.waitForSelector('#g[data-kc-state="ready"]');
        await page.waitForSelector('#b[data-kc-state="error"]');
        const expected = offline ? "records[0].plan: giá trị không hợp lệ (mã lỗi: invalid_amount)." : sentence;
        assert.deepEqual(
          await page.$$eval('#b [role="alert"] p', (ps) => ps.map((p) => p.textContent)),
          ["Không vẽ được biểu đồ.", expected],
        );
        const fetched = seen.requests.map((u) => new URL(u).pathname).filter((p) => /\.(js|wasm)$/.test(p));
        const full = ["/pkg/core.js", "/pkg/embed-export.js", "/pkg/khuyencong_charts.js", "/pkg/khuyencong_charts_bg.wasm"];
        const reader = ["/pkg/embed-draw.js", "/pkg/embed.js", "/pkg/khuyencong_charts_view_bg.wasm"];
        assert.deepEqual(fetched.sort(), [...reader, ...full].sort());
        // An option the chart refuses, through the element's handle: the same way, in English.
        const refused = await page.evaluate(async () => {
          const { chartOf } = await import("/pkg/embed.js");
          try {
            await chartOf(document.querySelector("#g")).setOptions({ kind: "pie", locale: "en" });
            return null;
          } catch (e) {
            return { code: e.code, path: e.path, message: e.message, brief: "brief" in e };
          }
        });
        assert.deepEqual(
          { ...refused, message: undefined },
          { code: "invalid_option", path: "options.kind", message: undefined, brief: false },
        );
        if (offline) assert.equal(refused.message, "options.kind: not a valid value (error code: invalid_option).");
        else assert.match(refused.message, /^options\.kind: .*"pie".*"plan-actual"/);
        // The chart that drew keeps drawing; nothing escaped into the page.
        assert.equal(await page.getAttribute("#g", "data-kc-state"), "ready");
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await context.close();
      }
    }
  });

  test('menu: "none" hides it (option and attribute); other values are refused', async () => {
    const { context, page, seen } = await openMounted(PHIA_BAC, { kind: "sources", menu: "none" });
    try {
      const visible = (sel) =>
        page.evaluate((sel) => {
          const node = document.querySelector(sel);
          return Boolean(node && node.offsetParent !== null && node.getClientRects().length);
        }, sel);
      assert.equal(await visible("#c .kc-chart__menu-button"), false);
      assert.equal(await visible("#c .kc-chart__table-toggle"), true, "the table toggle stays");
      await page.evaluate(() => window.chart.setOptions({ menu: "auto" }));
      assert.equal(await visible("#c .kc-chart__menu-button"), true);
      const refused = await page.evaluate(() =>
        window.chart.setOptions({ menu: "hidden" }).catch((e) => [e.code, e.path, e.message]),
      );
      assert.deepEqual(refused, [
        "invalid_option",
        "options.menu",
        'options.menu: cần "auto" hoặc "none", không phải "hidden".',
      ]);

      // The element: menu="none", and back.
      await page.evaluate(async () => {
        await import("/pkg/embed.js");
        const element = document.createElement("khuyencong-chart");
        element.id = "e";
        element.setAttribute("kind", "plan-actual");
        element.setAttribute("src", "/data/phia-bac-2022.json");
        element.setAttribute("menu", "none");
        document.body.append(element);
      });
      await page.waitForSelector('#e[data-kc-state="ready"]');
      assert.equal(await visible("#e .kc-chart__menu-button"), false);
      assert.equal(await visible("#e .kc-chart__table-toggle"), true);
      await page.evaluate(() => document.querySelector("#e").removeAttribute("menu"));
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector("#e .kc-chart__menu-button")).display !== "none" &&
          document.querySelector("#e .kc-chart__menu-button").getClientRects().length > 0,
      );
      // A plain element takes data-menu.
      await page.evaluate(() => {
        const element = document.createElement("div");
        element.id = "p";
        element.dataset.khuyencong = "";
        element.dataset.src = "/data/phia-bac-2022.json";
        element.dataset.menu = "none";
        document.body.append(element);
      });
      await page.waitForSelector('#p[data-kc-state="ready"]');
      assert.equal(await visible("#p .kc-chart__menu-button"), false);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

// ---- the embed code ------------------------------------------------------------------------

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

// ---- print -----------------------------------------------------------------------------------

/** Opens the demo article and has each of its pictures become its chart (embed.js draws a chart
 * as it nears the viewport); `window.__chartOf` is embed.js's chartOf, for PRINT_STATE. */
async function openArticle(page) {
  await page.goto(`${site.url}index.html`);
  await settleCharts(page);
  await page.evaluate(async () => {
    window.__chartOf = (await import("/pkg/embed.js")).chartOf;
  });
}

/** Per chart of the page: what print needs checked (read in the page). */
const PRINT_STATE = `() => [...document.querySelectorAll(".kc-chart")].map((wrapper) => {
  const canvas = wrapper.querySelector("canvas.kc-chart__canvas");
  const style = getComputedStyle(canvas);
  const handle = window.__chartOf(wrapper.closest(".kc-embed"));
  const pixel = [...canvas.getContext("2d").getImageData(0, 0, 1, 1).data.slice(0, 3)];
  return {
    wrapper: parseFloat(getComputedStyle(wrapper).width),
    cssWidth: parseFloat(style.width),
    cssHeight: parseFloat(style.height),
    width: canvas.width,
    height: canvas.height,
    viewHeight: handle ? handle.view().height : null,
    tools: getComputedStyle(wrapper.querySelector(".kc-chart__tools")).display,
    pixel,
  };
})`;

describe("print", () => {
  test("print media: light theme, no controls, laid out at the width, not stretched", async () => {
    const { context, page, seen } = await open({ colorScheme: "dark" });
    try {
      await openArticle(page);
      const state = () => page.evaluate(`(${PRINT_STATE})()`);
      const screen = await state();
      for (const c of screen) {
        assert.deepEqual(c.pixel, [0x15, 0x19, 0x1e], "dark on screen");
        assert.equal(c.tools, "flex");
      }
      await page.emulateMedia({ media: "print" });
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".kc-chart__tools")].every(
          (t) => getComputedStyle(t).display === "none",
        ),
      );
      const printed = await state();
      for (const [i, c] of printed.entries()) {
        assert.deepEqual(c.pixel, [255, 255, 255], "light in print");
        assert.equal(c.tools, "none", "no buttons in print");
        assert.ok(Math.abs(c.cssWidth - c.wrapper) < 0.01, "as wide as its box");
        assert.equal(c.width, Math.round(c.wrapper * 2), "at least 2 px per CSS px");
        // In proportion: the pixels' shape is the box's (no stretching), and the band of
        // controls is gone from the height.
        assert.ok(Math.abs(c.width / c.height - c.cssWidth / c.cssHeight) < 0.01, JSON.stringify(c));
        assert.ok(c.viewHeight < screen[i].viewHeight, "no band of controls");
      }
      await page.emulateMedia({ media: "screen" });
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".kc-chart__tools")].every(
          (t) => getComputedStyle(t).display === "flex",
        ),
      );
      const back = await state();
      assert.deepEqual(
        back.map((c) => [c.pixel, c.tools, c.viewHeight]),
        screen.map((c) => [c.pixel, c.tools, c.viewHeight]),
      );
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the demo article printed to PDF (A4): charts at the printed width, light; pages checked", async (t) => {
    const { context, page, seen } = await open({ colorScheme: "dark" });
    const dir = await mkdtemp(path.join(tmpdir(), "kc-print-"));
    try {
      await openArticle(page);
      const screen = await page.evaluate(`(${PRINT_STATE})()`);
      // Recorded while Chromium lays the page out for print: this query was made after the
      // charts', so its listener runs after theirs.
      await page.evaluate(`(() => {
        window.__printed = [];
        matchMedia("print").addEventListener("change", (e) => {
          if (e.matches) window.__printed.push((${PRINT_STATE})());
        });
      })()`);
      const pdf = path.join(dir, "article.pdf");
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      const [printed] = await page.evaluate(() => window.__printed);
      assert.ok(printed, "the print query changed during page.pdf()");
      assert.equal(printed.length, 3);
      for (const [i, c] of printed.entries()) {
        // Each chart keeps its picture's width (440 px, narrower than the printed column), drawn
        // again at the print's resolution, without its controls.
        assert.ok(c.viewHeight < screen[i].viewHeight, "no band of controls");
        assert.equal(c.width, Math.round(c.wrapper * 2), "laid out again at that width");
        // As wide as its box, or a little narrower where the layout at the printed width is
        // taller than the height the page was paginated with (it keeps that height).
        assert.ok(c.cssWidth <= c.wrapper + 0.01 && c.cssWidth > c.wrapper * 0.85, JSON.stringify(c));
        assert.ok(Math.abs(c.width / c.height - c.cssWidth / c.cssHeight) < 0.01, "not stretched");
        assert.deepEqual(c.pixel, [255, 255, 255], "light theme");
        assert.equal(c.tools, "none");
      }
      // Afterwards the screen is as it was.
      const after = await page.evaluate(`(${PRINT_STATE})()`);
      assert.deepEqual(
        after.map((c) => [c.pixel, c.width, c.viewHeight]),
        screen.map((c) => [c.pixel, c.width, c.viewHeight]),
      );
      assert.deepEqual(seen.pageErrors, []);

      if (!existsSync(PDFTOPPM)) {
        t.diagnostic(`${PDFTOPPM} missing (apt-get install -y poppler-utils): pages not checked`);
        return;
      }
      // Nothing cut off: the article's last line (its author) is in the PDF's text.
      const text = execFileSync(path.join(path.dirname(PDFTOPPM), "pdftotext"), [pdf, "-"], {
        encoding: "utf8",
      });
      assert.match(text, /Chiều ngày 27 tháng 7 năm 2023/);
      assert.match(text.trim(), /Nguyễn Hữu$/, "the article's last line is printed");
      assert.doesNotMatch(text, /Tin khác|Tải xuống|Xem bảng số liệu/, "no sidebar, no buttons");
      execFileSync(PDFTOPPM, ["-r", "72", "-png", pdf, path.join(dir, "page")]);
      const pages = (await readdir(dir)).filter((f) => f.endsWith(".png")).sort();
      assert.ok(pages.length >= 3 && pages.length <= 6, `${pages.length} pages`);
      for (const [i, name] of pages.entries()) {
        await writeFile(
          path.join(SCREENSHOTS, `print-page-${i + 1}.png`),
          await readFile(path.join(dir, name)),
        );
      }
      // Each page, read back: no navigation bar, no header band, no dark chart background; the
      // charts' light-theme marks are there.
      const analysis = await page.evaluate(async (images) => {
        const out = [];
        for (const b64 of images) {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement("canvas");
          c.width = img.naturalWidth;
          c.height = img.naturalHeight;
          const ctx = c.getContext("2d");
          ctx.drawImage(img, 0, 0);
          const { data } = ctx.getImageData(0, 0, c.width, c.height);
          const near = (i, [r, g, b]) =>
            Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24;
          // Rows of the page that are mostly one colour (in more than 40% of their pixels): a
          // filled band (a bar of navigation, a header) is many such rows; a rule, two or three.
          const band = (rgb) => {
            let rows = 0;
            for (let y = 0; y < c.height; y++) {
              let n = 0;
              for (let x = 0; x < c.width; x++) if (near((y * c.width + x) * 4, rgb)) n++;
              if (n > c.width * 0.4) rows++;
            }
            return rows;
          };
          let national = 0;
          for (let i = 0; i < data.length; i += 4) if (near(i, [0x0a, 0x5c, 0xad])) national++;
          out.push({
            nav: band([0x08, 0x38, 0x66]), // .site-nav, dark blue
            header: band([0x0b, 0x4a, 0x8b]), // .site-header's blue band
            dark: band([0x15, 0x19, 0x1e]), // a chart in the dark theme
            national,
          });
        }
        return out;
      }, await Promise.all(pages.map(async (f) => (await readFile(path.join(dir, f))).toString("base64"))));
      for (const [i, p] of analysis.entries()) {
        assert.ok(p.nav < 4, `page ${i + 1}: no navigation bar (${p.nav} rows)`);
        assert.ok(p.header < 4, `page ${i + 1}: no coloured header band (${p.header} rows)`);
        assert.ok(p.dark < 4, `page ${i + 1}: no dark chart (${p.dark} rows)`);
      }
      assert.ok(
        analysis.filter((p) => p.national > 50).length >= 2,
        "the charts' national blue is printed",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
      await context.close();
    }
  });
});
