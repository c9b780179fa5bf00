// Bad input (issue 7), in Node against the built package (www/pkg) and in Debian's Chromium:
// every case of tests/cases/ (the hostile_* ones are the hostile corpus) through the JS API
// gives the code and path the native harness checks; inputs too big to commit (10 MB, 100 001
// records, 32 MiB) and JS values JSON cannot carry are generated here. In the widget, a
// representative set shows an error box in place, in Vietnamese and in English, the chart beside
// it keeps working and the same widget recovers on update with good data.
// Run: node --test tests/e2e/reliability-input.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { repoPath, servePage, testPage } from "./helpers.mjs";
import {
  alertsIn,
  assertDraws,
  DAK_LAK_TITLE,
  FAILED,
  hoverItem,
  kc,
  nextFrames,
  open,
  openBlank,
  PHIA_BAC_TEXT,
  useReliabilityFixture,
} from "./reliability-helpers.mjs";

useReliabilityFixture();

const CASES = repoPath("tests", "cases");

const PHIA_BAC = JSON.parse(PHIA_BAC_TEXT);
const DAK_LAK_TEXT = readFileSync(repoPath("www", "data", "dak-lak-2020.json"), "utf8");

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
