// Reliability under bad input, hostile input and heavy pages (issue 7), in Node against the
// built package (www/pkg) and in Debian's Chromium:
//
// 1. The bad-input corpus: every case of tests/cases/ (the hostile_* ones are the hostile
//    corpus) through the JS API gives the code and path the native harness checks; inputs too
//    big to commit (10 MB, 100 001 records, 32 MiB) and JS values JSON cannot carry are
//    generated here. In the widget, a representative set shows an error box in place, in
//    Vietnamese and in English, the chart beside it keeps working and the same widget recovers
//    on update with good data.
// 2. No trap reaches the page: WebAssembly traps (a stubbed export, and genuine ones from an
//    exhausted wasm memory) and a canvas without a 2D context become that chart's `internal`
//    error; the other charts and a later mount work.
// 3. Injection: HTML, script and CSS payloads in every text of the data are text everywhere
//    (tooltip, legend, table, description, live region, error box, embed fallback, editor,
//    SVG, CSV, the embed code: its picture's alt text, link line and table, the element way's
//    inline JSON); handlers that would fire if they were markup never do.
// 4. Strict CSP: www/reliability/csp.html renders every kind, both themes, errors and embeds
//    and is used (hover, keys, legend, resize) with no violation.
// 5. Network: `src` fetches only the URL given, once, same origin unless allowCrossOrigin, with
//    a timeout (tested with a fake clock) and clear errors on 404, wrong content, failures.
//
// Run: node --test tests/e2e/reliability.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  cspViolations,
  openPage,
  repoPath,
  servePage,
  settleCharts,
  startFixture,
  startSite,
  testPage,
  watchPage,
} from "./helpers.mjs";

const CASES = repoPath("tests", "cases");
const PHIA_BAC_TEXT = readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8");
const PHIA_BAC = JSON.parse(PHIA_BAC_TEXT);
const DAK_LAK_TEXT = readFileSync(repoPath("www", "data", "dak-lak-2020.json"), "utf8");
const DAK_LAK_TITLE = "Vốn thực hiện đề án khuyến công tỉnh Đắk Lắk năm 2020";
const BLANK = "__test__/blank.html";
const FAILED = { vi: "Không vẽ được biểu đồ.", en: "The chart could not be drawn." };
const INTERNAL = {
  vi: "Lỗi nội bộ của thư viện khi xử lý dữ liệu này; các biểu đồ khác không bị ảnh hưởng.",
  en: "Internal error in the library while processing this data; other charts are not affected.",
};

/** Every case file of tests/cases: { name, case }. */
const ALL_CASES = readdirSync(CASES)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({
    name: f.replace(/\.json$/, ""),
    case: JSON.parse(readFileSync(path.join(CASES, f), "utf8")),
  }));
const caseText = (c) => c.inputText ?? JSON.stringify(c.input);
const caseNamed = (name) => {
  const found = ALL_CASES.find((c) => c.name === name);
  assert.ok(found, `no case ${name}`);
  return found.case;
};

/**
 * The widget's representative set: inputs from the corpus whose text is a JSON object (text
 * that does not start with "{" is a URL to mount() and update()), one or more per family.
 */
const WIDGET_SET = [
  "hostile_json_comment",
  "hostile_json_unquoted_key",
  "hostile_json_infinity_literal",
  "hostile_json_bom_prefix",
  "hostile_json_raw_nul_byte",
  "hostile_type_record_null",
  "hostile_type_title_object",
  "hostile_missing_everything",
  "hostile_unknown_proto_key",
  "hostile_unknown_record_singular",
  "hostile_negative_huge_number",
  "hostile_noncanonical_fullwidth_digits",
  "hostile_noncanonical_nbsp_grouping",
  "hostile_nanlike_infinity_string",
  "hostile_nanlike_1e999_string",
  "hostile_huge_number_1e999",
  "hostile_tiny_number_1e_minus_999",
  "hostile_deep_10000_arrays_in_amount",
  "hostile_deep_10000_objects",
  "hostile_dupkey_escaped_spelling",
  "hostile_blank_label_nbsp_ideographic",
  "hostile_control_nul_region",
  "hostile_control_c1_next_line",
  "hostile_bidi_rlo_label_start",
  "hostile_combining_only_region",
  "hostile_size_501_astral_chars",
  "err_invalid_amount_decimal_comma",
  "err_too_large_records_100001",
];

let kc; // the package in Node
let fixture;
let browser;
let site;

before(async () => {
  assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg is missing: make www-pkg");
  kc = await import("../../www/pkg/index.js");
  await kc.ready(readFileSync(repoPath("www", "pkg", "khuyencong_charts_bg.wasm")));
  fixture = await startFixture({ site: {} });
  ({ browser, site } = fixture);
});

after(() => fixture?.close());

/** What analyze() throws for `text`, as plain data (null when it succeeds). */
function apiError(text, options) {
  try {
    kc.analyze(text, options);
    return null;
  } catch (e) {
    return { name: e.name, code: e.code, path: e.path, message: e.message };
  }
}

/** The fixture harness's partial match (tests/fixtures.rs): problems found, [] when it fits. */
function partialMatch(expected, actual, at = "analysis", problems = []) {
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    if (!actual || typeof actual !== "object") problems.push(`${at}: expected an object`);
    else for (const [k, v] of Object.entries(expected)) partialMatch(v, actual[k], `${at}.${k}`, problems);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      problems.push(`${at}: expected ${expected.length} items, got ${JSON.stringify(actual)}`);
    } else expected.forEach((v, i) => partialMatch(v, actual[i], `${at}[${i}]`, problems));
  } else if (expected !== actual) {
    problems.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return problems;
}

/** Runs one case through the JS API; returns the problems ([] when it passes). */
function runCase(c) {
  const text = caseText(c);
  let out;
  let err = null;
  try {
    // As the native harness does: options as JSON text (a JSON string "en" is not an object).
    out = kc.analyze(text, c.options === undefined ? undefined : JSON.stringify(c.options));
  } catch (e) {
    err = e;
  }
  if (c.error) {
    if (!err) return [`expected ${c.error.code} at ${c.error.path}, got success`];
    const problems = [];
    if (!(err instanceof kc.KhuyenCongError)) problems.push(`not a KhuyenCongError: ${err}`);
    if (err.code !== c.error.code) problems.push(`code ${err.code}, expected ${c.error.code}`);
    if (err.path !== c.error.path) problems.push(`path ${err.path}, expected ${c.error.path}`);
    for (const needle of c.error.messageContains ?? []) {
      if (!err.message.includes(needle)) problems.push(`message ${err.message} lacks ${needle}`);
    }
    // The message names the field first: "records[0].plan: …", "Dữ liệu: …" for the whole.
    const field = err.path === "" ? (c.options?.locale === "en" ? "Data" : "Dữ liệu") : err.path;
    if (!err.message.startsWith(`${field}: `) && err.code !== "invalid_option") {
      problems.push(`message does not start with its field: ${err.message}`);
    }
    return problems;
  }
  if (err) return [`expected success, got ${err.code} at ${err.path}: ${err.message}`];
  return partialMatch(c.expect, out);
}

// ---- 1. the corpus through the API ----------------------------------------------------------------

describe("the bad-input corpus through the JS API (Node, the built wasm)", () => {
  test("tests/cases holds at least 80 distinct hostile inputs", () => {
    const hostile = ALL_CASES.filter((c) => c.name.startsWith("hostile_"));
    const distinct = new Set(hostile.map((c) => `${caseText(c.case)}\u0000${JSON.stringify(c.case.options ?? null)}`));
    console.log(
      `corpus: ${ALL_CASES.length} cases (${hostile.length} hostile_*, ${distinct.size} distinct hostile inputs, ` +
        `${ALL_CASES.filter((c) => c.case.error).length} errors)`,
    );
    assert.ok(distinct.size >= 80, `only ${distinct.size} distinct hostile inputs`);
    assert.equal(distinct.size, hostile.length, "two hostile cases share an input");
  });

  test("every case of tests/cases gives the same code, path and message words as natively", () => {
    const failures = [];
    for (const { name, case: c } of ALL_CASES) {
      const problems = runCase(c);
      if (problems.length > 0) failures.push(`${name}: ${c.about}\n  - ${problems.join("\n  - ")}`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${ALL_CASES.length} cases failed`);
  });

  test("10 MB of valid data is analyzed exactly; the same with one bad amount at the end names it", () => {
    const { text, records, expected } = bigData(10 * 1024 * 1024);
    assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024);
    const started = performance.now();
    const a = kc.analyze(text);
    const ms = performance.now() - started;
    console.log(`10 MB: ${records} records, ${Buffer.byteLength(text)} bytes, analyzed in ${ms.toFixed(0)} ms`);
    assert.deepEqual(
      [a.total.plan, a.total.actual, a.total.counterpart, a.total.projects],
      [expected.plan, expected.actual, expected.counterpart, expected.projects],
    );
    assert.equal(a.byRegion.length, REGIONS.length);
    const at = text.lastIndexOf('"plan":"');
    const end = text.indexOf('"', at + 8);
    const bad = `${text.slice(0, at)}"plan":"1.234,5${text.slice(end)}`;
    assert.deepEqual(
      { ...apiError(bad), message: undefined },
      { name: "KhuyenCongError", code: "invalid_amount", path: `records[${records - 1}].plan`, message: undefined },
    );
  });

  test("100 000 records pass; 100 001 are too_large at records", () => {
    const many = (n) => `{"title":"T","unit":"ty_dong","records":[${'{"actual":1},'.repeat(n - 1)}{"actual":1}]}`;
    assert.equal(kc.analyze(many(100_000)).total.actual, "100000");
    const err = apiError(many(100_001));
    assert.deepEqual([err.code, err.path], ["too_large", "records"]);
    assert.match(err.message, /^records: quá nhiều bản ghi \(tối đa 100\.000\)\.$/);
    const en = apiError(many(100_001), { locale: "en" });
    assert.equal(en.message, "records: too many records (at most 100,000).");
  });

  test("input of exactly 32 MiB passes; one byte more is too_large for the whole input", () => {
    const json = '{"title":"T","unit":"ty_dong","records":[{"plan":"1"}]}';
    const limit = 32 * 1024 * 1024;
    const exact = json + " ".repeat(limit - json.length);
    assert.equal(kc.analyze(exact).total.plan, "1");
    const err = apiError(`${exact} `);
    assert.deepEqual([err.code, err.path, err.message], ["too_large", "", "Dữ liệu: dữ liệu quá lớn (tối đa 32 MB)."]);
  });

  test("JS values JSON cannot carry: NaN, ±Infinity, BigInt, cycles, throwing getters, deep objects", () => {
    const base = (record, extra = {}) => ({ title: "T", unit: "ty_dong", records: [record], ...extra });
    const cyclic = base({ plan: "1" });
    cyclic.records.push(cyclic);
    let deep = { plan: "1" };
    for (let i = 0; i < 100_000; i++) deep = { x: deep };
    const sparse = base({ plan: "1" });
    sparse.records = [, { plan: "1" }]; // eslint-disable-line no-sparse-arrays
    const rows = [
      [base({ plan: NaN }), "invalid_amount", "records[0].plan", '"NaN"'],
      [base({ actual: Infinity }), "invalid_amount", "records[0].actual", '"Infinity"'],
      [base({ counterpart: -Infinity }), "invalid_amount", "records[0].counterpart", '"-Infinity"'],
      [base({ plan: 10n ** 30n }), "too_large", "records[0].plan", "10^15"],
      [base({ plan: "1", year: new Date(0) }), "wrong_type", "records[0].year", "một chuỗi"],
      [cyclic, "invalid_json", "", "vòng lặp"],
      [{ toJSON() { throw new Error("boom"); } }, "invalid_json", "", "Dữ liệu:"],
      [{ get title() { throw new Error("getter"); } }, "invalid_json", "", "Dữ liệu:"],
      [new Proxy({}, { ownKeys() { throw new Error("proxy"); } }), "invalid_json", "", "Dữ liệu:"],
      [deep, "invalid_json", "", "Dữ liệu:"],
      [sparse, "wrong_type", "records[0]", "null"],
      [{ ...base({ plan: "1" }), title: Symbol("t") }, "missing_field", "title", "thiếu"],
      [{ ...base({ plan: "1" }), title: undefined }, "missing_field", "title", "thiếu"],
      [Object.create(base({ plan: "1" })), "missing_field", "title", "thiếu"],
      [{ ...base({ plan: "1" }), records: new Map([[0, { plan: "1" }]]) }, "wrong_type", "records", "đối tượng"],
      [new String(JSON.stringify(base({ plan: "1" }))), "wrong_type", "", "một chuỗi"],
      [[base({ plan: "1" })], "wrong_type", "", "một mảng"],
      [42, "wrong_type", "", "một số"],
      [undefined, "invalid_json", "", "không có nội dung"],
      [null, "invalid_json", "", "không có nội dung"],
      ["", "invalid_json", "", "không có nội dung"],
    ];
    for (const [data, code, where, words] of rows) {
      const err = apiError(data);
      assert.ok(err, `${code} ${where}: no error`);
      assert.deepEqual([err.name, err.code, err.path], ["KhuyenCongError", code, where], err.message);
      assert.ok(err.message.includes(words), `${err.message} lacks ${words}`);
    }
    // A function member is dropped by JSON, as in JSON.stringify: the rest is fine data.
    assert.equal(kc.analyze({ ...base({ plan: "1" }), onload() {} }).total.plan, "1");
    // Bad options from JS: NaN and Infinity are named, not turned into null (the default).
    for (const value of [NaN, Infinity, -Infinity]) {
      const err = apiError(base({ plan: "1" }), { percentDigits: value });
      assert.deepEqual([err.code, err.path], ["invalid_option", "options.percentDigits"]);
      assert.ok(err.message.includes(`"${value}"`), err.message);
    }
  });
});

// ---- shared browser helpers --------------------------------------------------------------------------

/** A fresh context and page on the site's origin (a blank page at BLANK), watched. */
async function open({ viewport = { width: 1000, height: 800 }, ...options } = {}) {
  const opened = await openPage(browser, { viewport, pages: { [`${site.url}${BLANK}`]: testPage() }, ...options });
  return { ...opened, base: site.url };
}

/** The blank page with the package imported as window.kc (ready). */
async function openBlank(options) {
  const opened = await open(options);
  await opened.page.goto(`${opened.base}${BLANK}`);
  await opened.page.evaluate(async () => {
    window.kc = await import("/pkg/index.js");
    await window.kc.ready();
    window.handles = {};
    /** Mounts into a new div#id; resolves to { ok } or { error: { name, code, path, message } }. */
    window.mountOn = async (id, data, options = {}, width = "600px") => {
      const element = document.createElement("div");
      element.id = id;
      element.style.setProperty("width", width);
      document.body.append(element);
      try {
        window.handles[id] = await window.kc.mount(element, data, options);
        return { ok: true };
      } catch (e) {
        return { error: { name: e.name, code: e.code, path: e.path, message: e.message, cause: String(e.cause ?? "") } };
      }
    };
    /** handle.update(data): { ok } or { error }. */
    window.updateOn = async (id, data) => {
      try {
        await window.handles[id].update(data);
        return { ok: true };
      } catch (e) {
        return { error: { name: e.name, code: e.code, path: e.path, message: e.message, cause: String(e.cause ?? "") } };
      }
    };
  });
  return opened;
}

/** The error boxes (role="alert") inside `selector`: their text. */
const alertsIn = (page, selector) =>
  page.$$eval(`${selector} [role="alert"]`, (boxes) =>
    boxes.filter((b) => b.getClientRects().length > 0).map((b) => b.textContent),
  );

/** Pixels of the chart canvas in `selector` that differ from its top left pixel. */
const inkOf = (page, selector) =>
  page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    if (!canvas || canvas.width === 0) return { count: 0, total: 0 };
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, selector);

async function assertDraws(page, selector) {
  const ink = await inkOf(page, selector);
  assert.ok(ink.total > 0 && ink.count > ink.total * 0.02, `${selector} draws (${ink.count} of ${ink.total})`);
}

/** Hovers item `i` of the chart handled as window.handles[id]; returns the tooltip's text. */
async function hoverItem(page, id, i) {
  const point = await page.evaluate(
    ({ id, i }) => {
      const handle = window.handles[id];
      const item = handle.view().items[i];
      const [x, y, w, h] = item.rect;
      let [px, py] = [x + w / 2, y + h / 2];
      if (handle.view().kind === "sources") {
        const [ax, ay] = item.anchor;
        [px, py] = [ax + (px - ax) * 0.2, ay + (py - ay) * 0.2];
      }
      handle.canvas.scrollIntoView({ block: "center" });
      const r = handle.canvas.getBoundingClientRect();
      return { x: r.left + px, y: r.top + py };
    },
    { id, i },
  );
  await page.mouse.move(point.x, point.y);
  return page.$eval(`#${id} .kc-chart__tooltip`, (t) => (getComputedStyle(t).display === "none" ? null : t.textContent));
}

const nextFrames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// ---- 1. the corpus in the widget --------------------------------------------------------------------

describe("bad input in the widget", () => {
  for (const locale of ["vi", "en"]) {
    test(`${WIDGET_SET.length} inputs of the corpus: update shows the error box in place (${locale}), the same chart recovers, the chart beside keeps working`, async () => {
      const { context, page, seen } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("good", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
        assert.deepEqual(
          await page.evaluate((locale) => window.mountOn("w", "/data/dak-lak-2020.json", { kind: "categories", locale }), locale),
          { ok: true },
        );
        for (const name of WIDGET_SET) {
          const text = caseText(caseNamed(name));
          assert.ok(text.trimStart().startsWith("{"), `${name} is JSON object text`);
          const want = apiError(text, { locale });
          assert.ok(want, `${name} is refused by analyze()`);
          const got = await page.evaluate((text) => window.updateOn("w", text), text);
          assert.deepEqual(got.error && { ...got.error, cause: undefined }, { ...want, cause: undefined }, name);
          // The box names the field, in the reader's language, where the chart is.
          const field = want.path === "" ? (locale === "en" ? "Data" : "Dữ liệu") : want.path;
          assert.ok(want.message.startsWith(`${field}: `), want.message);
          const boxes = await alertsIn(page, "#w");
          assert.equal(boxes.length, 1, `${name}: one box`);
          assert.ok(boxes[0].startsWith(FAILED[locale]), boxes[0]);
          assert.ok(boxes[0].includes(want.message), `${name}: ${boxes[0]}`);
          // The chart keeps its data meanwhile.
          assert.equal(await page.evaluate(() => window.handles.w.view().title), DAK_LAK_TITLE);
          // …and recovers with good data: the box goes, the chart draws again.
          assert.deepEqual(await page.evaluate((t) => window.updateOn("w", t), DAK_LAK_TEXT), { ok: true }, name);
          assert.deepEqual(await alertsIn(page, "#w"), [], `${name}: the box is gone`);
        }
        await assertDraws(page, "#w");
        await assertDraws(page, "#good");
        assert.match(await hoverItem(page, "good", 0), /^Khuyến công quốc gia/);
        assert.deepEqual(await alertsIn(page, "#good"), []);
        assert.deepEqual(seen.pageErrors, []);
        assert.deepEqual(seen.consoleErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("mount() with each shows the box in its element and leaves nothing else; a later mount works", async () => {
    const { context, page, seen } = await openBlank();
    try {
      for (const [i, name] of WIDGET_SET.entries()) {
        const text = caseText(caseNamed(name));
        const locale = i % 2 === 0 ? "vi" : "en";
        const want = apiError(text, { locale });
        const got = await page.evaluate(({ id, text, locale }) => window.mountOn(id, text, { kind: "sources", locale }), {
          id: `m${i}`,
          text,
          locale,
        });
        assert.deepEqual(got.error && { ...got.error, cause: undefined }, { ...want, cause: undefined }, name);
        const left = await page.$eval(`#m${i}`, (e) => ({
          boxes: [...e.querySelectorAll('[role="alert"]')].map((b) => b.textContent),
          canvases: e.querySelectorAll("canvas").length,
          children: e.childElementCount,
        }));
        assert.deepEqual(left, { boxes: [`${FAILED[locale]}${want.message}`], canvases: 0, children: 1 }, name);
      }
      assert.deepEqual(await page.evaluate(() => window.mountOn("later", "/data/phia-bac-2022.json", { kind: "trend" })), { ok: true });
      await assertDraws(page, "#later");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("<khuyencong-chart>: bad inline data shows the box over the fallback; fixing the data draws; the other element keeps drawing", async () => {
    const { context, page, seen, base } = await open();
    try {
      const good = JSON.stringify(PHIA_BAC).replace(/</g, "\\u003c");
      await servePage(
        page,
        `${base}__test__/embed.html`,
        testPage(
          `<khuyencong-chart id="e" kind="sources"><script type="application/json">${good}</script><p class="fallback">Bảng số liệu</p></khuyencong-chart>` +
            '<khuyencong-chart id="other" kind="summary" src="/data/phia-bac-2022.json"></khuyencong-chart>' +
            `<khuyencong-chart id="en" kind="sources" locale="en"><script type="application/json">${good}</script></khuyencong-chart>`,
          { embed: true },
        ),
      );
      await page.goto(`${base}__test__/embed.html`);
      const state = (id) => page.getAttribute(`#${id}`, "data-kc-state");
      await page.waitForFunction(() => ["e", "other", "en"].every((id) => document.getElementById(id).dataset.kcState === "ready"));
      for (const name of WIDGET_SET) {
        const text = caseText(caseNamed(name));
        for (const [id, locale] of [
          ["e", "vi"],
          ["en", "en"],
        ]) {
          const want = apiError(text, { locale });
          await page.$eval(`#${id} script`, (s, t) => (s.textContent = t), text);
          await page.waitForFunction(
            ({ id, message }) => {
              const e = document.getElementById(id);
              return e.dataset.kcState === "error" && e.querySelector('[role="alert"]')?.textContent.includes(message);
            },
            { id, message: want.message },
          );
          assert.equal(await state(id), "error", name);
          if (id === "e") assert.equal(await page.locator("#e p.fallback").isVisible(), true, `${name}: fallback shown`);
          await page.$eval(`#${id} script`, (s, t) => (s.textContent = t), good);
          await page.waitForFunction((id) => document.getElementById(id).dataset.kcState === "ready", id);
          assert.deepEqual(await alertsIn(page, `#${id}`), [], `${name}: recovered`);
        }
      }
      assert.equal(await page.locator("#e p.fallback").isVisible(), false);
      assert.equal(await state("other"), "ready");
      await assertDraws(page, "#other");
      await assertDraws(page, "#e");
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("10 MB of data draws in the widget; 100 001 records are refused in place; the page stays responsive", async () => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("good", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      const { text, expected } = bigData(10 * 1024 * 1024);
      const started = Date.now();
      const mounted = await page.evaluate((t) => window.mountOn("big", t, { kind: "regions" }, "900px"), text);
      const ms = Date.now() - started;
      assert.deepEqual(mounted, { ok: true });
      console.log(`10 MB in the widget: mounted (regions, ${REGIONS.length} regions) in ${ms} ms`);
      assert.equal(await page.evaluate(() => window.handles.big.view().items.length), REGIONS.length);
      const total = await page.evaluate((t) => window.kc.analyze(t).total.actual, text);
      assert.equal(total, expected.actual);
      await assertDraws(page, "#big");
      const many = `{"title":"T","unit":"ty_dong","records":[${'{"actual":1},'.repeat(100_000)}{"actual":1}]}`;
      const refused = await page.evaluate((t) => window.updateOn("big", t), many);
      assert.deepEqual([refused.error.code, refused.error.path], ["too_large", "records"]);
      assert.match((await alertsIn(page, "#big"))[0], /records: quá nhiều bản ghi \(tối đa 100\.000\)/);
      // Responsive: a frame comes, the other chart still answers the mouse.
      await nextFrames(page);
      assert.match(await hoverItem(page, "good", 1), /^Khuyến công địa phương/);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

// ---- generated big data ------------------------------------------------------------------------------

const REGIONS = JSON.parse(readFileSync(repoPath("www", "data", "63-tinh-minh-hoa.json"), "utf8"))
  .records.map((r) => r.region)
  .filter((r, i, all) => all.indexOf(r) === i);

/**
 * Valid data of at least `bytes` bytes of JSON, from a fixed pattern: every record has a source,
 * a region, a year, a category and all four measures; the exact totals come from BigInt sums
 * of the amounts in hundredths.
 */
function bigData(bytes) {
  const parts = [];
  let size = 0;
  let plan = 0n;
  let actual = 0n;
  let counterpart = 0n;
  let projects = 0;
  let i = 0;
  const head = '{"title":"Kinh phí khuyến công 63 tỉnh, thành phố (dữ liệu sinh tự động)","unit":"trieu_dong","records":[';
  size += Buffer.byteLength(head);
  while (size < bytes) {
    const p = 100n + BigInt((i * 7919) % 100000);
    const a = BigInt((i * 104729) % 100000);
    const c = BigInt((i * 1299709) % 10000);
    const record =
      `{"source":"${i % 3 === 0 ? "kcqg" : "kcdp"}","region":"${REGIONS[i % REGIONS.length]}","year":${2015 + (i % 10)},` +
      `"category":"Hoạt động số ${i % 17}","plan":"${cents(p)}","actual":"${cents(a)}","counterpart":"${cents(c)}","projects":${i % 5}}`;
    parts.push(record);
    size += Buffer.byteLength(record) + 1;
    plan += p;
    actual += a;
    counterpart += c;
    projects += i % 5;
    i++;
  }
  return {
    text: `${head}${parts.join(",")}]}`,
    records: parts.length,
    expected: { plan: cents(plan), actual: cents(actual), counterpart: cents(counterpart), projects },
  };
}

/** Hundredths as canonical decimal text: 12345n → "123.45", 1200n → "12", 5n → "0.05". */
function cents(n) {
  const s = n.toString().padStart(3, "0");
  const text = `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, "");
  return text === "" ? "0" : text;
}

// ---- 2. no trap reaches the page -----------------------------------------------------------------

/**
 * Makes the next call of `Chart.prototype[method]` (the wasm-bindgen class chart.js drives)
 * throw a WebAssembly.RuntimeError, as a trap inside the module does; later calls are real.
 */
/**
 * The same simulated trap for pages that load the bundled embed.js, whose Chart class is not
 * reachable from outside: an init script wraps the module's exports as the page instantiates
 * it, so that the next call of the named export throws as a trapping wasm function does.
 */
const WASM_EXPORT_TRAPS = () => {
  let armed = null;
  window.__trapNextExport = (name) => {
    armed = name;
  };
  const wrap = (result) => {
    const real = result instanceof WebAssembly.Instance ? result : result.instance;
    const exports = {};
    for (const [name, value] of Object.entries(real.exports)) {
      exports[name] =
        typeof value !== "function"
          ? value
          : function (...args) {
              if (armed === name) {
                armed = null;
                throw new WebAssembly.RuntimeError("unreachable (test)");
              }
              return value.apply(this, args);
            };
    }
    const fake = Object.create(WebAssembly.Instance.prototype, { exports: { value: exports } });
    return result instanceof WebAssembly.Instance ? fake : { module: result.module, instance: fake };
  };
  const streaming = WebAssembly.instantiateStreaming;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...args) => streaming.apply(WebAssembly, args).then(wrap);
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(wrap);
};

const trapNext = (page, method) =>
  page.evaluate(async (method) => {
    const { Chart } = await import("/pkg/khuyencong_charts.js");
    const real = Chart.prototype[method];
    Chart.prototype[method] = function () {
      Chart.prototype[method] = real;
      throw new WebAssembly.RuntimeError("unreachable (test)");
    };
  }, method);

/**
 * Exhausts the page's WebAssembly memory for real: grows it (from JS, through the module's
 * `memory` export, which wasm-bindgen's init() returns) to 4 GiB less `headroomMiB`, so that an
 * allocation larger than that fails inside the module, which then traps (`unreachable`, Rust's
 * abort on allocation failure), as on a phone that runs out of memory. Returns the pages, or
 * null when the engine refuses to grow that far.
 */
const exhaustMemory = (page, headroomMiB) =>
  page.evaluate(async (headroomMiB) => {
    const glue = await import("/pkg/khuyencong_charts.js");
    const { memory } = await glue.default(); // already initialized: returns the exports
    const pages = () => memory.buffer.byteLength / 65536;
    try {
      memory.grow(65536 - pages() - headroomMiB * 16);
    } catch {
      return null;
    }
    return pages();
  }, headroomMiB);

/** A JSON text the module cannot take in with 16 MiB left: 8 M "đ" are 24 MiB as it copies them. */
const OVERSIZED = (n = 8_000_000) => `{"title":"${"đ".repeat(n)}","unit":"ty_dong","records":[{"plan":"1"}]}`;

describe("no trap reaches the page", () => {
  test("a RuntimeError from the wasm while mounting, updating or hovering is that chart's internal error; the charts around and a later mount work", async () => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("a", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });

      // mount: the trap in the first layout.
      await trapNext(page, "layout");
      const mounted = await page.evaluate(() => window.mountOn("b", "/data/phia-bac-2022.json", { kind: "trend" }));
      assert.deepEqual(mounted.error, {
        name: "KhuyenCongError",
        code: "internal",
        path: "",
        message: INTERNAL.vi,
        cause: "RuntimeError: unreachable (test)",
      });
      assert.deepEqual(await alertsIn(page, "#b"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.equal(await page.locator("#b canvas").count(), 0);

      // update: the trap in the wasm Chart's update; the chart keeps what it showed.
      assert.deepEqual(await page.evaluate(() => window.mountOn("c", "/data/dak-lak-2020.json", { kind: "categories", locale: "en" })), { ok: true });
      await trapNext(page, "update");
      const updated = await page.evaluate((t) => window.updateOn("c", t), PHIA_BAC_TEXT);
      assert.equal(updated.error.code, "internal");
      assert.equal(updated.error.message, INTERNAL.en);
      assert.deepEqual(await alertsIn(page, "#c"), [`${FAILED.en}${INTERNAL.en}`]);
      assert.equal(await page.evaluate(() => window.handles.c.view().title), DAK_LAK_TITLE);
      assert.deepEqual(await page.evaluate((t) => window.updateOn("c", t), PHIA_BAC_TEXT), { ok: true });
      assert.deepEqual(await alertsIn(page, "#c"), []);

      // an event: the trap in hit-testing under the mouse is shown in place, logged once, and
      // never reaches window.onerror; an update draws the chart again.
      await trapNext(page, "hit");
      await hoverItem(page, "a", 1);
      assert.deepEqual(await alertsIn(page, "#a"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.equal(seen.consoleErrors.length, 1, seen.consoleErrors.join("\n"));
      assert.deepEqual(await page.evaluate((t) => window.updateOn("a", t), PHIA_BAC_TEXT), { ok: true });
      assert.deepEqual(await alertsIn(page, "#a"), []);
      assert.match(await hoverItem(page, "a", 0), /^Khuyến công quốc gia/);

      assert.deepEqual(await page.evaluate(() => window.mountOn("d", "/data/cao-bang-2021-2025.json", { kind: "leverage" })), { ok: true });
      for (const id of ["#a", "#c", "#d"]) await assertDraws(page, id);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a canvas without a 2D context is an internal error in place; the others draw", async () => {
    const { context, page, seen } = await openBlank();
    try {
      const result = await page.evaluate(async () => {
        const real = HTMLCanvasElement.prototype.getContext;
        // As when a canvas already holds a WebGL context, or the browser is out of canvases.
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return this.closest("#x") ? null : real.call(this, type, ...rest);
        };
        try {
          return await window.mountOn("x", "/data/phia-bac-2022.json", { kind: "sources" });
        } finally {
          HTMLCanvasElement.prototype.getContext = real;
        }
      });
      assert.equal(result.error.code, "internal");
      assert.equal(result.error.name, "KhuyenCongError");
      assert.deepEqual(await alertsIn(page, "#x"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.deepEqual(await page.evaluate(() => window.mountOn("y", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      await assertDraws(page, "#y");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a genuine trap (the wasm memory exhausted) in analyze() fails that call only; later calls, charts and mounts work", async (t) => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("a", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      const pages = await exhaustMemory(page, 16);
      if (pages === null) return t.skip("the engine would not grow the wasm memory to 4 GiB");
      const trapped = await page.evaluate((text) => {
        try {
          window.kc.analyze(text);
          return null;
        } catch (e) {
          return { code: e.code, message: e.message, isKc: e instanceof window.kc.KhuyenCongError, cause: `${e.cause?.constructor.name}: ${e.cause?.message}` };
        }
      }, OVERSIZED());
      assert.deepEqual(trapped, { code: "internal", message: INTERNAL.vi, isKc: true, cause: "RuntimeError: unreachable" });
      assert.equal(await page.evaluate((t) => window.kc.analyze(t).total.text.actual, PHIA_BAC_TEXT), "170,4 tỷ đồng");
      assert.match(await hoverItem(page, "a", 0), /^Khuyến công quốc gia/);
      assert.deepEqual(await page.evaluate(() => window.updateOn("a", "/data/dak-lak-2020.json")), { ok: true });
      assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/cao-bang-2021-2025.json", { kind: "leverage" })), { ok: true });
      await assertDraws(page, "#a");
      await assertDraws(page, "#b");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a genuine trap inside a chart's own wasm object shows in that chart; the other charts and a later mount work", async (t) => {
    const { context, page, seen } = await openBlank();
    try {
      assert.deepEqual(await page.evaluate(() => window.mountOn("a", "/data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
      if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
      const trapped = await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
      assert.equal(trapped.error.code, "internal");
      assert.equal(trapped.error.cause, "RuntimeError: unreachable");
      assert.deepEqual(await alertsIn(page, "#b"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.match(await hoverItem(page, "a", 1), /^Khuyến công địa phương/);
      assert.deepEqual(await page.evaluate(() => window.mountOn("c", "/data/phia-bac-2022.json", { kind: "plan-actual" })), { ok: true });
      await assertDraws(page, "#a");
      await assertDraws(page, "#c");
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test(
    "after a genuine trap inside its wasm object, the same chart recovers on update with good data",
    async (t) => {
      const { context, page } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
        if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
        await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
        const again = await page.evaluate(() => window.updateOn("b", "/data/phia-bac-2022.json"));
        assert.deepEqual(again, { ok: true });
        assert.deepEqual(await alertsIn(page, "#b"), []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "destroy() after a genuine trap inside the chart's wasm object does not throw",
    async (t) => {
      const { context, page } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
        if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
        await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
        const destroyed = await page.evaluate(() => {
          try {
            window.handles.b.destroy();
            return "ok";
          } catch (e) {
            return `${e.name}: ${e.message}`;
          }
        });
        assert.equal(destroyed, "ok");
        assert.equal(await page.$eval("#b", (e) => e.childElementCount), 0);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "after a genuine trap inside its wasm object, moving the pointer over that chart logs nothing more",
    async (t) => {
      const { context, page, seen } = await openBlank();
      try {
        assert.deepEqual(await page.evaluate(() => window.mountOn("b", "/data/dak-lak-2020.json", { kind: "categories" })), { ok: true });
        if ((await exhaustMemory(page, 16)) === null) return t.skip("the engine would not grow the wasm memory");
        await page.evaluate((text) => window.updateOn("b", text), OVERSIZED());
        const before = seen.consoleErrors.length;
        const box = await page.$eval("#b canvas", (c) => c.getBoundingClientRect().toJSON());
        for (let i = 0; i < 20; i++) await page.mouse.move(box.left + 20 + i * 10, box.top + 40 + i * 5);
        assert.equal(seen.consoleErrors.length - before, 0, "one console error a pointer move");
      } finally {
        await context.close();
      }
    },
  );

  test("<khuyencong-chart>: a trap while one mounts puts it in the error state over its fallback; the others draw", async () => {
    const { context, page, seen, base } = await open();
    try {
      await servePage(
        page,
        `${base}__test__/embed-trap.html`,
        testPage('<khuyencong-chart id="one" kind="sources" src="/data/phia-bac-2022.json"></khuyencong-chart>', { embed: true }),
      );
      await page.addInitScript(WASM_EXPORT_TRAPS);
      await page.goto(`${base}__test__/embed-trap.html`);
      await page.waitForSelector('#one[data-kc-state="ready"]');
      await page.evaluate(() => window.__trapNextExport("chart_layout"));
      await page.evaluate(() => {
        const add = (id, kind) => {
          const e = document.createElement("khuyencong-chart");
          e.id = id;
          e.setAttribute("kind", kind);
          e.setAttribute("src", "/data/phia-bac-2022.json");
          e.innerHTML = `<p class="fallback">Bảng số liệu ${id}</p>`;
          document.body.append(e);
        };
        add("two", "trend");
      });
      await page.waitForSelector('#two[data-kc-state="error"]');
      assert.deepEqual(await alertsIn(page, "#two"), [`${FAILED.vi}${INTERNAL.vi}`]);
      assert.equal(await page.locator("#two p.fallback").isVisible(), true);
      await page.evaluate(() => {
        const e = document.createElement("khuyencong-chart");
        e.id = "three";
        e.setAttribute("kind", "summary");
        e.setAttribute("src", "/data/phia-bac-2022.json");
        document.body.append(e);
      });
      await page.waitForSelector('#three[data-kc-state="ready"]');
      await assertDraws(page, "#one");
      await assertDraws(page, "#three");
      // The failed one draws once its attributes change (a new mount).
      await page.$eval("#two", (e) => e.setAttribute("kind", "sources"));
      await page.waitForSelector('#two[data-kc-state="ready"]');
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

// ---- 3. injection ------------------------------------------------------------------------------------

/**
 * Payloads that run code or change the page if they are ever taken for markup, a URL, CSS or a
 * template: each would push a word onto top.__pwned (set up before the page's scripts).
 */
const P = {
  img: `<img src=x onerror="top.__pwned.push('img')">`,
  script: `<script>top.__pwned.push('script')</script>`,
  endScript: `</script><script>top.__pwned.push('end-script')</script>`,
  svg: `"><svg onload="top.__pwned.push('svg')">`,
  jsUrl: `javascript:top.__pwned.push('js-url')`,
  css: `</style><style>body{display:none}</style>`,
  template: `{{constructor.constructor('top.__pwned.push(1)')()}}`,
  iframe: `<iframe srcdoc="<script>top.__pwned.push('iframe')</script>"></iframe>`,
  link: `<a href="javascript:top.__pwned.push('a')" id="kc-injected">bấm</a>`,
  entity: `&lt;img src=x onerror=top.__pwned.push('entity')&gt;`,
  attr: `' onmouseover='top.__pwned.push("attr")' x='`,
  comment: `<!-- ${"-->"}<img src=x onerror="top.__pwned.push('comment')">`,
  key: `"><img src=x onerror=top.__pwned.push('key')>`,
};

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

/** Records what would betray an injection: set up before every document's scripts. */
function pwnedRecorder() {
  window.__pwned = [];
}

/**
 * What a page holds that markup from the data would have added: elements that run or load
 * things, inline event handler attributes, javascript: links; plus the pushes and whether the
 * body is still shown.
 */
const injectionTrace = (page) =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    // The embed code's own picture: an <img> of an SVG data: URL that the package wrote (it
    // starts with the package's mark), with the attributes the code gives it (and the style
    // embed.js sets to hide it once the chart is drawn), and nothing else on it. An <img> never
    // runs an SVG's scripts; the payloads in it are checked as text by the tests that use it.
    const codePicture = (e) =>
      e.localName === "img" &&
      /^src,alt,width,height(,style)?$/.test(e.getAttributeNames().join()) &&
      /^data:image\/svg\+xml,%3C!--khuyencong-charts--%3E%3Csvg[ %]/.test(e.getAttribute("src")) &&
      (!e.hasAttribute("style") || e.getAttribute("style") === "display: none;");
    // A preload of the package's reader wasm (the old element snippet's first line; embed.js
    // adds one to <head>, which is not looked at), and nothing else on it.
    const snippetPreload = (e) =>
      e.localName === "link" &&
      e.getAttributeNames().join() === "rel,href,as,crossorigin" &&
      e.rel === "preload" &&
      e.as === "fetch" &&
      e.crossOrigin === "anonymous" &&
      new URL(e.href).pathname === "/pkg/khuyencong_charts_view_bg.wasm";
    return {
      pwned: window.__pwned,
      elements: all
        .filter((e) => ["img", "iframe", "object", "embed", "style", "link", "base", "meta"].includes(e.localName) && !e.closest("head"))
        .filter((e) => !snippetPreload(e) && !codePicture(e))
        .map((e) => e.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].filter((s) => !s.src && s.type !== "application/json").map((s) => s.outerHTML.slice(0, 80)),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      links: all.filter((e) => /^\s*javascript:/i.test(e.getAttribute("href") ?? "")).length,
      injectedId: document.getElementById("kc-injected") !== null,
      bodyShown: getComputedStyle(document.body).display !== "none",
    };
  });

async function assertNothingInjected(page, where) {
  assert.deepEqual(
    await injectionTrace(page),
    { pwned: [], elements: [], scripts: [], handlers: [], links: 0, injectedId: false, bodyShown: true },
    where,
  );
}

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

// ---- 4. strict CSP ------------------------------------------------------------------------------------

describe("strict Content-Security-Policy", () => {
  test("www/reliability/csp.html: every kind in both themes, embeds and error boxes, used with mouse, keys, legend, toggles, resizes and colour schemes: no violation", async () => {
    const strict = await startSite({ csp: true });
    const { context, page, seen } = await openPage(browser, { viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${strict.url}reliability/csp.html`);
      await page.evaluate(() => window.khuyencongCsp.ready);
      // embed.js draws an element when it comes within a screen of the viewport: the embeds sit
      // under the 32 mounted charts, so the reader scrolls to each.
      await settleCharts(page);
      const state = await page.evaluate(() => ({
        kinds: [...new Set([...window.khuyencongCsp.handles.values()].map((h) => h.view().kind))].sort(),
        mounted: window.khuyencongCsp.handles.size,
        failed: [...window.khuyencongCsp.failed].map(([id, e]) => `${id}:${e.code}`).sort(),
        embeds: [...document.querySelectorAll("khuyencong-chart, [data-khuyencong]")].map((e) => `${e.id}:${e.dataset.kcState}`),
        alerts: document.querySelectorAll('[role="alert"]').length,
      }));
      assert.deepEqual(state.kinds, ["categories", "leverage", "plan-actual", "regions", "sources", "summary", "trend"]);
      assert.equal(state.mounted, 30);
      assert.deepEqual(state.failed, ["bad-data:negative_amount", "bad:fetch_failed"]);
      assert.deepEqual(state.embeds, [
        "embed-src:ready",
        "embed-inline:ready",
        "embed-plain:ready",
        "embed-missing:error",
        "embed-bad:error",
      ]);
      assert.equal(state.alerts, 4);

      const ids = await page.evaluate(() => [...window.khuyencongCsp.handles.keys()]);
      for (const id of ids) {
        const last = await page.evaluate((id) => window.khuyencongCsp.handles.get(id).view().items.length - 1, id);
        for (const i of [0, last]) {
          const point = await page.evaluate(
            ({ id, i }) => {
              const h = window.khuyencongCsp.handles.get(id);
              const [x, y, w, hh] = h.view().items[i].rect;
              h.canvas.scrollIntoView({ block: "center" });
              const r = h.canvas.getBoundingClientRect();
              return { x: r.left + x + w / 2, y: r.top + y + hh / 2 };
            },
            { id, i },
          );
          await page.mouse.move(point.x, point.y);
        }
        await page.evaluate((id) => window.khuyencongCsp.handles.get(id).canvas.focus(), id);
        for (const key of ["ArrowRight", "End", "Home", "Escape"]) await page.keyboard.press(key);
        const legend = page.locator(`#${id} .kc-chart__legend button`);
        if ((await legend.count()) > 0) {
          await legend.first().click();
          await legend.first().press("Enter");
        }
        // Whatever the shell opens from a button (a data table, a menu): open it, close it.
        const toggles = page.locator(`#${id} button[aria-expanded]`);
        for (let t = 0; t < (await toggles.count()); t++) {
          await toggles.nth(t).click();
          await page.keyboard.press("Escape");
        }
      }
      for (const width of [420, 760, 1100]) {
        await page.setViewportSize({ width, height: 900 });
        await nextFrames(page);
      }
      for (const colorScheme of ["dark", "light"]) {
        await page.emulateMedia({ colorScheme });
        await nextFrames(page);
      }
      await page.evaluate(() => window.khuyencongCsp.handles.get("light-1-sources").setOptions({ theme: "dark", locale: "en" }));
      await nextFrames(page);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      // The one 404 is the point of two of the charts; nothing else may be logged.
      assert.deepEqual(seen.consoleErrors.filter((m) => !/Failed to load resource.*404/.test(m)), []);
    } finally {
      await context.close();
      await strict.close();
    }
  });
});

// ---- 5. network ---------------------------------------------------------------------------------------

const CONTENT_TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8" };

/**
 * A server that logs every request it gets and can misbehave on purpose: /never (never answers),
 * /reset (headers and half a body, then the connection dies), /redirect-away (302 to `away`),
 * /status/404, /status/500, /html (a CMS's 200 "not found" page), /png (an image), /as-text (JSON
 * sent as text/plain), /slow (JSON after 300 ms). /pkg/ and /data/ are www's; /blank.html a page.
 */
async function misbehavingServer({ host = "127.0.0.1", cors = false, away = null } = {}) {
  const log = [];
  const open = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const entry = { path: url.pathname, accept: req.headers.accept, cookie: req.headers.cookie ?? null, origin: req.headers.origin ?? null, closed: false };
    log.push(entry);
    req.socket.on("close", () => (entry.closed = true));
    const corsHeaders = cors ? { "Access-Control-Allow-Origin": "*" } : {};
    const send = (status, type, body) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...corsHeaders });
      res.end(body);
    };
    const json = readFileSync(repoPath("www", "data", "phia-bac-2022.json"));
    switch (url.pathname) {
      case "/never":
        open.add(res);
        return;
      case "/reset":
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": json.length });
        res.write(json.subarray(0, 40));
        setTimeout(() => res.socket.destroy(), 50);
        return;
      case "/redirect-away":
        res.writeHead(302, { Location: `${away.url}data.json` });
        return res.end();
      case "/status/404":
        return send(404, "text/plain", "Not Found");
      case "/status/500":
        return send(500, "text/html", "<h1>Lỗi máy chủ</h1>");
      case "/html":
        return send(200, "text/html; charset=utf-8", "<!doctype html><p>Không tìm thấy trang</p>");
      case "/png":
        return send(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      case "/as-text":
        return send(200, "text/plain", json);
      case "/slow":
        return void setTimeout(() => send(200, "application/json", json), 300);
      case "/data.json":
        return send(200, "application/json", json);
      case "/blank.html":
        return send(200, "text/html; charset=utf-8", '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head><body></body></html>');
      default: {
        const [, dir, ...rest] = url.pathname.split("/");
        const file = repoPath("www", dir, ...rest);
        if (!["pkg", "data"].includes(dir) || !existsSync(file)) return send(404, "text/plain", "Not Found");
        return send(200, CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", readFileSync(file));
      }
    }
  });
  await new Promise((done) => server.listen(0, host, done));
  return {
    url: `http://${host}:${server.address().port}/`,
    log,
    close: () =>
      new Promise((done) => {
        for (const res of open) res.socket?.destroy();
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

describe("network: src", () => {
  let away; // another origin (another host name, so cookies differ too), with CORS
  let awayNoCors;
  let home; // the page's origin
  before(async () => {
    away = await misbehavingServer({ host: "localhost", cors: true });
    awayNoCors = await misbehavingServer({ host: "localhost" });
    home = await misbehavingServer({ away });
  });
  after(async () => {
    await home?.close();
    await away?.close();
    await awayNoCors?.close();
  });

  /** The page on `home`, with the package loaded and mountOn/updateOn helpers. */
  async function openHome(contextOptions = {}) {
    const { context, page, seen } = await openPage(browser, { viewport: { width: 900, height: 800 }, ...contextOptions });
    await page.goto(`${home.url}blank.html`);
    await page.evaluate(async () => {
      window.kc = await import("/pkg/index.js");
      await window.kc.ready();
      window.handles = {};
      window.mountOn = async (id, data, options = {}) => {
        const element = document.createElement("div");
        element.id = id;
        document.body.append(element);
        try {
          window.handles[id] = await window.kc.mount(element, data, options);
          return { ok: true };
        } catch (e) {
          return { error: { code: e.code, path: e.path, message: e.message } };
        }
      };
    });
    return { context, page, seen };
  }
  const since = (log, n) => log.slice(n).map((e) => e.path);

  test("fetches exactly the URL given, once, asking for JSON; update() fetches it once more; nothing else is asked for", async () => {
    const { context, page, seen } = await openHome();
    try {
      const before = home.log.length;
      const pageBefore = seen.requests.length;
      assert.deepEqual(await page.evaluate(() => window.mountOn("c", "data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      assert.deepEqual(since(home.log, before), ["/data/phia-bac-2022.json"]);
      assert.deepEqual(seen.requests.slice(pageBefore), [`${home.url}data/phia-bac-2022.json`]);
      assert.equal(home.log.at(-1).accept, "application/json");
      await page.evaluate(() => window.handles.c.update());
      await page.evaluate(() => window.handles.c.setOptions({ kind: "trend" }));
      await page.mouse.move(200, 100);
      assert.deepEqual(since(home.log, before), ["/data/phia-bac-2022.json", "/data/phia-bac-2022.json"]);
      assert.deepEqual(away.log, []);
    } finally {
      await context.close();
    }
  });

  test("another origin is refused without being asked; allowCrossOrigin fetches it with CORS and without cookies", async () => {
    const { context, page } = await openHome();
    try {
      await context.addCookies([
        { name: "sid", value: "home-secret", url: home.url },
        { name: "sid", value: "away-secret", url: away.url },
      ]);
      const awayBefore = away.log.length;
      const refused = await page.evaluate((url) => window.mountOn("x", url), `${away.url}data.json`);
      assert.deepEqual(refused.error, {
        code: "cross_origin",
        path: "src",
        message: `src: ${away.url}data.json không cùng nguồn (origin) với trang; hãy đặt tệp dữ liệu cùng nguồn, hoặc dùng tùy chọn allowCrossOrigin: true.`,
      });
      assert.equal(away.log.length, awayBefore, "the other origin was not asked");
      const allowed = await page.evaluate((url) => window.mountOn("y", url, { allowCrossOrigin: true, kind: "sources" }), `${away.url}data.json`);
      assert.deepEqual(allowed, { ok: true });
      assert.deepEqual(since(away.log, awayBefore), ["/data.json"]);
      assert.equal(away.log.at(-1).cookie, null, "no cookie goes to another origin");
      assert.equal(away.log.at(-1).origin, home.url.slice(0, -1));
      // Same origin sends its own cookies (credentials: "same-origin").
      await page.evaluate(() => window.mountOn("z", "/data/dak-lak-2020.json"));
      assert.equal(home.log.at(-1).cookie, "sid=home-secret");
      // Without CORS headers the browser keeps the answer from the page: a clear network error.
      const noCors = await page.evaluate((url) => window.mountOn("w", url, { allowCrossOrigin: true }), `${awayNoCors.url}data.json`);
      assert.deepEqual([noCors.error.code, noCors.error.path], ["fetch_failed", "src"]);
      assert.equal(noCors.error.message, `src: không tải được ${awayNoCors.url}data.json (lỗi mạng hoặc máy chủ từ chối).`);
      // The element's allow-cross-origin attribute is the same opt-in.
      await page.evaluate(async (url) => {
        await import("/pkg/embed.js");
        for (const [id, allow] of [
          ["el-no", false],
          ["el-yes", true],
        ]) {
          const e = document.createElement("khuyencong-chart");
          e.id = id;
          e.setAttribute("src", url);
          if (allow) e.setAttribute("allow-cross-origin", "");
          document.body.append(e);
        }
      }, `${away.url}data.json`);
      await page.waitForFunction(() => ["el-no", "el-yes"].every((id) => ["ready", "error"].includes(document.getElementById(id).dataset.kcState)));
      assert.equal(await page.getAttribute("#el-no", "data-kc-state"), "error");
      assert.match((await alertsIn(page, "#el-no"))[0], /không cùng nguồn/);
      assert.equal(await page.getAttribute("#el-yes", "data-kc-state"), "ready");
      // The embed code of the chart mounted with allowCrossOrigin keeps the opt-in: the element
      // ways write allow-cross-origin beside its src, and draw.
      for (const way of ["element", "plain"]) {
        const pasted = await page.evaluate(async (way) => {
          const code = await window.handles.y.toEmbedCode({ way });
          const box = document.createElement("div");
          box.innerHTML = code; // embed.js is in the page already: its <script> line is inert here
          document.body.prepend(box);
          const e = box.querySelector("khuyencong-chart, [data-khuyencong]");
          while (!["ready", "error"].includes(e.dataset.kcState)) await new Promise((done) => setTimeout(done, 50));
          box.remove();
          return { allowed: e.hasAttribute(way === "plain" ? "data-allow-cross-origin" : "allow-cross-origin"), state: e.dataset.kcState };
        }, way);
        assert.deepEqual(pasted, { allowed: true, state: "ready" }, way);
      }
      // URLs that are not http(s) are other origins too: nothing is fetched.
      for (const url of ["javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd", "blob:null/x"]) {
        const r = await page.evaluate((url) => window.mountOn(`u${Math.random().toString(36).slice(2)}`, url), url);
        assert.deepEqual([r.error?.code, r.error?.path], ["cross_origin", "src"], url);
      }
    } finally {
      await context.close();
    }
  });

  test("a same-origin URL that redirects to another origin is refused, and the other origin is never asked", async () => {
    const { context, page } = await openHome();
    try {
      const awayBefore = away.log.length;
      const r = await page.evaluate(() => window.mountOn("r", "/redirect-away", { allowCrossOrigin: false }));
      assert.deepEqual(r.error, {
        code: "fetch_failed",
        path: "src",
        message: `src: không tải được ${home.url}redirect-away (lỗi mạng hoặc máy chủ từ chối).`,
      });
      assert.equal(away.log.length, awayBefore);
    } finally {
      await context.close();
    }
  });

  test("a server that never answers: fetch_failed after 15 s (a fake clock), and the request is dropped", async () => {
    const { context, page } = await openHome();
    try {
      // Fake timers, paused: only runFor() moves the page's time.
      await page.clock.install({ time: new Date("2025-01-01T08:00:00+07:00") });
      await page.clock.pauseAt(new Date("2025-01-01T08:00:01+07:00"));
      const before = home.log.length;
      await page.evaluate(() => {
        window.pending = window.mountOn("t", "/never", { locale: "en" });
        window.pending.then((r) => (window.settled = r));
      });
      await waitFor(() => home.log.length > before, "the request reached the server");
      await page.clock.runFor(14_900);
      assert.equal(await page.evaluate(() => window.settled ?? null), null, "still waiting at 14.9 s");
      await page.clock.runFor(200);
      const result = await page.evaluate(() => window.pending);
      assert.deepEqual(result.error, {
        code: "fetch_failed",
        path: "src",
        message: `src: could not load ${home.url}never within 15 seconds.`,
      });
      assert.deepEqual(await alertsIn(page, "#t"), [`${FAILED.en}${result.error.message}`]);
      const request = home.log.slice(before).find((e) => e.path === "/never");
      await waitFor(() => request.closed, "the browser dropped the connection");
    } finally {
      await context.close();
    }
  });

  for (const locale of ["vi", "en"]) {
    test(`clear messages (${locale}): 404, 500, an HTML page, an image, a dropped connection, a refused connection; JSON sent as text is read`, async () => {
      const { context, page } = await openHome();
      try {
        await page.route(`${home.url}refused.json`, (route) => route.abort("connectionrefused"));
        const url = (p) => `${home.url}${p}`;
        const vi = {
          "status/404": `src: không tải được ${url("status/404")} (HTTP 404).`,
          "status/500": `src: không tải được ${url("status/500")} (HTTP 500).`,
          html: `src: ${url("html")} không phải dữ liệu JSON (Content-Type: text/html; charset=utf-8).`,
          png: `src: ${url("png")} không phải dữ liệu JSON (Content-Type: image/png).`,
          reset: `src: không tải được ${url("reset")} (lỗi mạng hoặc máy chủ từ chối).`,
          "refused.json": `src: không tải được ${url("refused.json")} (lỗi mạng hoặc máy chủ từ chối).`,
        };
        const en = {
          "status/404": `src: could not load ${url("status/404")} (HTTP 404).`,
          "status/500": `src: could not load ${url("status/500")} (HTTP 500).`,
          html: `src: ${url("html")} is not JSON data (Content-Type: text/html; charset=utf-8).`,
          png: `src: ${url("png")} is not JSON data (Content-Type: image/png).`,
          reset: `src: could not load ${url("reset")} (network error or refused by the server).`,
          "refused.json": `src: could not load ${url("refused.json")} (network error or refused by the server).`,
        };
        for (const [p, message] of Object.entries(locale === "vi" ? vi : en)) {
          const id = `n${p.replace(/\W/g, "")}`;
          const r = await page.evaluate(({ id, p, locale }) => window.mountOn(id, `/${p}`, { locale }), { id, p, locale });
          assert.deepEqual(r.error, { code: "fetch_failed", path: "src", message }, p);
          assert.deepEqual(await alertsIn(page, `#${id}`), [`${FAILED[locale]}${message}`]);
        }
        // Lenient on the type, strict on the content: JSON served as text/plain is JSON.
        assert.deepEqual(await page.evaluate((locale) => window.mountOn("txt", "/as-text", { locale }), locale), { ok: true });
        // A slow answer within the time is not an error.
        assert.deepEqual(await page.evaluate((locale) => window.mountOn("slow", "/slow", { locale }), locale), { ok: true });
        // A chart whose URL starts failing shows it, keeps its figures, and recovers.
        assert.deepEqual(await page.evaluate((locale) => window.mountOn("live", "/data/phia-bac-2022.json", { locale }), locale), { ok: true });
        const failing = await page.evaluate(() => window.handles.live.update("/status/500").then(() => null, (e) => e.code));
        assert.equal(failing, "fetch_failed");
        assert.equal((await alertsIn(page, "#live")).length, 1);
        await page.evaluate(() => window.handles.live.update("/data/phia-bac-2022.json"));
        assert.deepEqual(await alertsIn(page, "#live"), []);
      } finally {
        await context.close();
      }
    });
  }
});

/** Polls `predicate` (in Node) until it holds, for up to 5 s. */
async function waitFor(predicate, what) {
  for (let i = 0; i < 100; i++) {
    if (predicate()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  assert.fail(`timed out waiting: ${what}`);
}

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
