// What the journalist reads on the editor page, in Node: the package's errors in plain words
// (editor-errors.js), the span a path names in JSON text (editor-json.js), the page's words in
// both languages (editor-i18n.js against editor.html), and what the offer of today's provinces
// says and which rows it names (editor-regions.js, against the package's analysis).
// Run: node --test tests/e2e/   (needs www/pkg/ built)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import { locateInTable, readTable } from "../../www/assets/editor-table.js";
import { locateJson } from "../../www/assets/editor-json.js";
import { amountText, TEXT } from "../../www/assets/editor-i18n.js";
import { plainMessage } from "../../www/assets/editor-errors.js";
import {
  combinedGroups,
  provinceNote,
  recordOf,
  rowSpans,
  showsRegions,
  suggestionOf,
  unitsOf,
} from "../../www/assets/editor-regions.js";
import { repoPath } from "./helpers.mjs";
import { kc, loadPackage } from "./editor-helpers.mjs";

before(loadPackage);

describe("what the journalist reads", () => {
  test("the package's developer sentences become plain ones, by code and path", () => {
    const e = (code, path, message = "") => ({ code, path, message });
    assert.equal(
      plainMessage(e("missing_field", "title"), "vi"),
      "Chưa có tiêu đề: hãy đặt tên cho biểu đồ (ví dụ “Kinh phí khuyến công tỉnh … năm …”).",
    );
    assert.match(plainMessage(e("missing_field", "unit"), "vi"), /^Chưa chọn đơn vị/);
    assert.equal(
      plainMessage(e("negative_amount", "records[0].plan", 'records[0].plan: số tiền "-80.9" là số âm'), "vi"),
      "Số tiền âm (-80,9): kinh phí phải từ 0 trở lên.",
    );
    assert.equal(plainMessage(e("invalid_value", "records[2].year"), "vi"), "Năm phải từ 1900 đến 2100.");
    assert.equal(plainMessage(e("wrong_type", "records"), "vi"), null, "the package's own, in the JSON box");
    for (const lang of ["vi", "en"]) {
      for (const code of ["missing_field", "empty", "invalid_text", "too_large", "negative_amount", "unknown_unit", "overflow", "no_measure", "invalid_amount"]) {
        const text = plainMessage(e(code, "records[0].actual", '"-1"'), lang);
        assert.doesNotMatch(text, /records|actual|JSON|trường|field/i, `${code} ${lang}: ${text}`);
      }
    }
  });

  test("no developer word in the data and chart panels' texts (the technical places aside)", () => {
    // The embed code's panel, its technical section and the JSON box are for the technical team.
    const technical = /^(output\.|tech\.|cms\.|copy\.|download\.|json\.|field\.(pkg|loader|dataUrl|pictureUrl|cms)|pkg\.|dataUrl\.|pictureUrl\.|url\.|data\.mode\.json|where\.json)/;
    const DEVELOPER = /JSON|CMS|\bscript\b|WebAssembly|Thiếu trường bắt buộc|records\[|iframe|embed\.js|pkg\//i;
    const sample = { row: 1, col: 1, code: "x", field: "actual", label: "KCQG", header: "Tiền", text: "1,5", written: "1.5", scaled: "1500", places: 3, examples: ["2.400"], rows: [2], above: "A", amount: "1", published: "2", sum: "1", projects: 1, missing: [], by: "region", unit: "trieu_dong", value: "1",
      main: "actual", units: [{ label: "KCĐP", kind: "none", row: 2, col: 1 }], fills: [{ row: 2, col: 1 }],
      total: { main: "5820", field: "2500" }, kept: { main: "2400", field: "2500" } };
    for (const [key, value] of Object.entries(TEXT.vi)) {
      if (technical.test(key)) continue;
      const text = typeof value === "function" ? String(value(sample, "trieu_dong")) : value;
      assert.doesNotMatch(text, DEVELOPER, `${key}: ${text}`);
    }
    assert.equal(amountText("5820", "trieu_dong", "vi"), "5.820 triệu đồng");
    assert.equal(amountText("2400.5", "trieu_dong", "en"), "2,400.5 million VND");
  });
});

describe("locateJson", () => {
  test("the span of the value a path names, or of its nearest ancestor", () => {
    const text =
      '{\n  "title": "T",\n  "records": [\n    { "plan": "1" },\n    { "plan": "1,5", "x": [1, 2] }\n  ]\n}\n';
    const at = (path) => {
      const s = locateJson(text, path);
      return [text.slice(s.start, s.end), s.line, s.column];
    };
    assert.deepEqual(at("records[1].plan"), ['"1,5"', 5, 15]);
    assert.deepEqual(at("records[1].x[1]"), ["2", 5, 31]);
    assert.deepEqual(at("records[1].actual"), ['{ "plan": "1,5", "x": [1, 2] }', 5, 5]);
    assert.deepEqual(at("title"), ['"T"', 2, 12]);
    assert.equal(at("")[0], text.trim());
    // Escapes in keys and strings, and text that is not JSON, do not throw.
    assert.deepEqual(locateJson('{"a\\"b": {"c": "\\u0041"}}', 'a"b.c').start, 15);
    assert.ok(locateJson('{"a": [1, {"b": ', "a[1].b").start >= 0);
  });
});

describe("the page's words", () => {
  const html = readFileSync(repoPath("www", "editor.html"), "utf8");
  const decode = (s) =>
    s
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim();

  test("both languages have the same keys", () => {
    assert.deepEqual(Object.keys(TEXT.en).sort(), Object.keys(TEXT.vi).sort());
    for (const [key, v] of Object.entries(TEXT.vi)) {
      assert.equal(typeof TEXT.en[key], typeof v, key);
    }
  });

  test("every text the page marks exists, and the page's Vietnamese is the dictionary's", () => {
    const marked = [...html.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)];
    assert.ok(marked.length > 60, `${marked.length} texts`);
    for (const [, , key, inner] of marked) {
      assert.equal(typeof TEXT.vi[key], "string", key);
      assert.equal(decode(inner), TEXT.vi[key].replace(/\s+/g, " "), key);
    }
    for (const [, key] of html.matchAll(/data-i18n-placeholder="([^"]+)"/g)) {
      assert.equal(typeof TEXT.en[key], "string", key);
    }
  });
});

describe("today's provinces (issue 20): what the offer says and which rows it names", () => {
  // Rows 2–8 of the grid; "Hà Giang" written three ways, Bình Dương under Thành phố Hồ Chí Minh.
  const TSV =
    "Tỉnh\tNăm\tThực hiện (tỷ đồng)\n" +
    "tỉnh Ha Giang\t2024\t2,4\n" +
    "Tuyên Quang\t2024\t2,1\n" +
    "Hà Giang\t2025\t1,5\n" +
    "TP.HCM\t2024\t5\n" +
    "Bình Dương\t2024\t0,25\n" +
    "Tuyên Quang\t2026\t4,3\n" +
    "HA GIANG\t2026\t0,05\n";

  const read = () => {
    const table = readTable(TSV);
    assert.deepEqual(table.problems, []);
    return { table, data: { title: "T", unit: "ty_dong", ...table.data } };
  };

  test("the groups added up across the merger, with the rows each name was written in", () => {
    const { table, data } = read();
    const names = kc.analyze(data);
    assert.deepEqual(names.regions.former, ["Hà Giang", "Bình Dương"]);
    // By name, nothing was added up across the merger: no group to list.
    assert.deepEqual(combinedGroups(names.regions, table), []);
    const today = kc.analyze(data, { regions: "2025" });
    const groups = combinedGroups(today.regions, { records: data.records, recordRows: table.recordRows });
    assert.deepEqual(
      groups.map((g) => [g.key, g.from.map((f) => [f.text, f.rows, f.moved])]),
      [
        ["Tuyên Quang", [["tỉnh Ha Giang", [1], true], ["Tuyên Quang", [2, 6], false], ["Hà Giang", [3], true], ["HA GIANG", [7], true]]],
        ["Thành phố Hồ Chí Minh", [["TP.HCM", [4], false], ["Bình Dương", [5], true]]],
      ],
    );
    // Exact: the units' sums, and the totals as without regrouping.
    assert.deepEqual(today.byRegion.map((g) => [g.key, g.actual]), [["Tuyên Quang", "10.35"], ["Thành phố Hồ Chí Minh", "5.25"]]);
    assert.equal(today.total.actual, names.total.actual);
    assert.deepEqual([...unitsOf(today.regions)], [["Hà Giang", "Tuyên Quang"], ["Bình Dương", "Thành phố Hồ Chí Minh"]]);
    // Without a table (data as written), no rows: the page counts entries instead.
    assert.deepEqual(combinedGroups(today.regions, { records: data.records }).at(0).from.at(0).rows, []);
    assert.equal(rowSpans([1, 2, 3, 6, 8, 9]), "2–4, 7, 9–10");
    assert.equal(rowSpans([]), "");
  });

  test("the warnings about names become the page's sentences, at their cell", () => {
    const { table, data } = read();
    const today = kc.analyze({ ...data, records: [...data.records, { region: "Quảng Nihn", actual: "1" }] });
    const regrouped = kc.analyze(data, { regions: "2025" }).regions;
    const byCode = Object.fromEntries(today.warnings.map((w) => [w.code, w]));
    assert.deepEqual(Object.keys(byCode).sort(), ["former_province", "possible_province"]);
    // One former_province per province, at its first record of 2026.
    assert.equal(byCode.former_province.path, "records[6].region");
    assert.deepEqual(locateInTable(table, byCode.former_province.path), { row: 7, col: 0 });
    assert.equal(recordOf(byCode.former_province.path), 6);
    const former = provinceNote(byCode.former_province, { data, today: regrouped, applied: false });
    assert.deepEqual(former, {
      code: "former_province",
      written: "HA GIANG",
      name: "Hà Giang",
      unit: "Tuyên Quang",
      year: 2026,
      applied: false,
    });
    assert.equal(
      TEXT.vi["province.former_province"]({ ...former, table: true }),
      "“HA GIANG” là tên trước sáp nhập: từ ngày 1/7/2025 Hà Giang thuộc Tuyên Quang, nhưng hàng năm 2026 vẫn ghi tên cũ. Bấm “Cộng theo tỉnh hiện nay” để cộng vào Tuyên Quang, hoặc sửa lại tên.",
    );
    assert.equal(
      TEXT.en["province.former_province"]({ ...former, applied: true, table: true }),
      "“HA GIANG” is a name from before the merger: since 1 July 2025 Hà Giang has been part of Tuyên Quang, but a row of 2026 still uses the old name. Its figures are added to Tuyên Quang.",
    );
    const possible = provinceNote(byCode.possible_province, { data, today: regrouped, applied: false });
    assert.deepEqual(possible, { code: "possible_province", written: "Quảng Nihn", suggestion: "Quảng Ninh" });
    assert.deepEqual(suggestionOf('"Ha Gaing" matches no province or city; did you mean "Hà Giang"? …'), {
      written: "Ha Gaing",
      suggestion: "Hà Giang",
    });
    assert.equal(suggestionOf("no quotes"), null);
    // A warning the page has no sentence for keeps the package's.
    assert.equal(provinceNote({ code: "total_mismatch", path: "reported.plan", message: "…" }, { data, today: regrouped }), null);
    // Without the regrouped analysis (nothing to offer), the package's sentence stays.
    assert.equal(provinceNote(byCode.former_province, { data, today: null }), null);
  });

  test("the offer in both languages, prominent where the chart is split by province, in plain words", () => {
    assert.equal(
      TEXT.vi["regions.offer"]({ names: ["Hà Giang", "Bình Dương"], table: true }),
      "Bảng có tên tỉnh trước sáp nhập năm 2025 (Hà Giang, Bình Dương). Cộng số liệu theo 34 tỉnh, thành phố hiện nay?",
    );
    assert.equal(
      TEXT.en["regions.offer"]({ names: ["Hà Giang"], table: false }),
      "The data names provinces from before the 2025 merger (Hà Giang). Add up the figures under today's 34 provinces and cities?",
    );
    const many = ["A", "B", "C", "D", "E", "F", "G", "H"];
    assert.match(TEXT.vi["regions.offer"]({ names: many, table: true }), /\(A, B, C, D, E, F và 2 tỉnh khác\)/);
    assert.match(TEXT.en["regions.offer"]({ names: many, table: true }), /\(A, B, C, D, E, F and 2 more\)/);
    assert.equal(TEXT.vi["regions.part.rows"]({ text: "Hà Giang", rows: [2, 3, 4, 11] }), "Hà Giang (hàng 3–5, 12)");
    assert.equal(TEXT.en["regions.part.rows"]({ text: "Hà Giang", rows: [2] }), "Hà Giang (row 3)");
    assert.equal(TEXT.vi["regions.part.records"]({ text: "Hà Giang", records: 6 }), "Hà Giang (6 mục số liệu)");
    assert.equal(TEXT.vi["regions.apply"], "Cộng theo tỉnh hiện nay");
    assert.equal(TEXT.vi["regions.undo.table"], "Giữ tên tỉnh như trong bảng");
    assert.ok(showsRegions("regions", undefined) && showsRegions("regions", "region") && showsRegions("leverage", "region"));
    assert.ok(!showsRegions("regions", "year") && !showsRegions("trend", undefined) && !showsRegions("sources", "region"));
    // Never the package's or the programmer's words.
    const sample = { names: ["Hà Giang"], table: true, name: "Hà Giang", unit: "Tuyên Quang", text: "x", rows: [1], records: 2, written: "x", suggestion: "y", year: 2026 };
    for (const lang of ["vi", "en"]) {
      for (const [key, value] of Object.entries(TEXT[lang])) {
        if (!/^(regions|province)\./.test(key)) continue;
        const text = typeof value === "function" ? value(sample) : value;
        assert.doesNotMatch(text, /JSON|\bregions\b|\boption|records|former_province|possible_province|undefined/i, `${lang} ${key}: ${text}`);
      }
    }
  });
});
