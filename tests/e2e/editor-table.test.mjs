// The editor page's pure modules (www/assets/editor-*.js) in Node, without a browser: reading
// a pasted table (cells, headers, number notations, the total row, sources), locating errors,
// the embed snippet and the JSON it carries, and the page's words in both languages.
// The package's analyze() runs here too (the wasm instantiated from www/pkg/), so the fallback
// table is checked against the real analysis.
// Run: node --test tests/e2e/   (needs www/pkg/ built)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import {
  canonical,
  isTotalLabel,
  locateInTable,
  matchHeader,
  normalize,
  parseTsv,
  readNumber,
  readTable,
  sourceKeyOf,
  toTsv,
  unitOfHeader,
} from "../../www/assets/editor-table.js";
import { locateJson } from "../../www/assets/editor-json.js";
import {
  escapeHtml,
  fallbackTable,
  formatJson,
  scriptJson,
  slugify,
  snippets,
} from "../../www/assets/editor-snippet.js";
import { TEXT, cellName, columnLetter } from "../../www/assets/editor-i18n.js";
import { repoPath } from "./helpers.mjs";

const TSV_2022 =
  "Nguồn\tKế hoạch\tThực hiện\n" +
  "Khuyến công quốc gia\t80,9\t79,5\n" +
  "Khuyến công địa phương\t98,2\t90,9\n";

let kc;
before(async () => {
  kc = await import("../../www/pkg/index.js");
  await kc.ready(readFileSync(repoPath("www", "pkg", "khuyencong_charts_bg.wasm")));
});

describe("parseTsv", () => {
  test("tabs, CR LF, a final line break, Excel's quoted cells, a BOM", () => {
    assert.deepEqual(parseTsv("\ufeffa\tb\r\nc\td\r\n"), [
      ["a", "b"],
      ["c", "d"],
    ]);
    // A cell with a line break, a tab or quotes is quoted, quotes doubled.
    assert.deepEqual(parseTsv('x\t"line 1\nline 2"\t"a\tb"\t"say ""hi"""\n'), [
      ["x", "line 1\nline 2", "a\tb", 'say "hi"'],
    ]);
    // A quote that does not open a properly quoted cell is a character.
    assert.deepEqual(parseTsv('5" screen\t"open\n'), [['5" screen', '"open']]);
    assert.deepEqual(parseTsv('"a"b\tc'), [['"a"b', "c"]]);
    // Empty cells are kept; no trailing empty row.
    assert.deepEqual(parseTsv("a\t\t\n\tb"), [
      ["a", "", ""],
      ["", "b"],
    ]);
    assert.deepEqual(parseTsv(""), []);
  });

  test("toTsv writes what parseTsv reads back", () => {
    const rows = [
      ["Nguồn", "Kế hoạch"],
      ['a "b"', "1\t2"],
      ["x\ny", ""],
      ["", "3"],
    ];
    assert.deepEqual(parseTsv(toTsv(rows)), rows);
  });
});

describe("numbers", () => {
  // [cell, Vietnamese reading, international reading]; null: not a number that way.
  const CASES = [
    ["80,9", "80.9", null],
    ["80.9", null, "80.9"],
    ["2.400", "2400", "2.4"],
    ["1,500", "1.5", "1500"],
    ["2.400,5", "2400.5", null],
    ["2,400.5", null, "2400.5"],
    ["1.234.567", "1234567", null],
    ["1,234,567", null, "1234567"],
    ["1.234.567,89", "1234567.89", null],
    ["170,4", "170.4", null],
    ["179", "179", "179"],
    ["0,500", "0.5", null],
    ["0.500", null, "0.5"],
    ["007", "7", "7"],
    ["2.400,50", "2400.5", null],
    ["1,0", "1", null],
    ["1 234,5", "1234.5", null],
    ["1\u00a0234.5", null, "1234.5"],
    ["12,345678", "12.345678", null],
    ["1234,567", "1234.567", null],
    [" 98,2 ", "98.2", null],
  ];
  for (const [text, vi, en] of CASES) {
    test(`"${text}" reads ${vi ?? "–"} (vi) and ${en ?? "–"} (en)`, () => {
      const n = readNumber(text);
      assert.equal(n.kind, "number", JSON.stringify(n));
      assert.deepEqual([n.vi, n.en, n.negative], [vi, en, false]);
    });
  }

  test("signs, dashes, words", () => {
    assert.deepEqual(readNumber("-80,9"), { kind: "number", negative: true, vi: "80.9", en: null });
    assert.deepEqual(readNumber("−5"), { kind: "number", negative: true, vi: "5", en: "5" });
    assert.deepEqual(readNumber("(5,2)"), { kind: "number", negative: true, vi: "5.2", en: null });
    for (const empty of ["", "  ", "-", "–", "—", "x"]) {
      assert.deepEqual(readNumber(empty), { kind: "empty" }, JSON.stringify(empty));
    }
    for (const bad of [
      "abc",
      "80,9 tỷ",
      "1.23.4",
      "1,2,3.4,5",
      "1e5",
      "12 34",
      ",5",
      "5,",
      "1.2.3,4,5",
      "NaN",
    ]) {
      assert.equal(readNumber(bad).kind, "invalid", bad);
    }
  });

  test("canonical text is made by moving digits, never through a float", () => {
    assert.equal(canonical("0000", "000"), "0");
    assert.equal(canonical("123456789012345678", "12345678"), "123456789012345678.12345678");
    assert.equal(readNumber("9.007.199.254.740.993").vi, "9007199254740993"); // > 2^53
    assert.equal(readNumber("0,1").vi, "0.1");
  });

  test("what Intl.NumberFormat prints in vi-VN and en-US reads back exactly (2 000 values)", () => {
    // Intl formats a decimal string exactly: an independent writer of both notations.
    let seed = 7;
    const random = (n) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const digits = (n) => Array.from({ length: n }, () => random(10)).join("");
    for (let i = 0; i < 2000; i++) {
      const int = canonical(digits(1 + random(15)));
      const frac = random(3) === 0 ? "" : digits(1 + random(8)).replace(/0+$/, "");
      const value = frac ? `${int}.${frac}` : int;
      const options = { maximumFractionDigits: 8, useGrouping: random(4) !== 0 };
      const vi = new Intl.NumberFormat("vi-VN", options).format(value);
      const en = new Intl.NumberFormat("en-US", options).format(value);
      const nv = readNumber(vi);
      const ne = readNumber(en);
      assert.equal(nv.vi, value, `${vi} (vi) → ${nv.vi}, want ${value}`);
      assert.equal(ne.en, value, `${en} (en) → ${ne.en}, want ${value}`);
      // The other reading, when there is one, differs: such a cell is a question, never a guess.
      if (nv.en !== null && nv.en !== value) assert.notEqual(nv.en, nv.vi);
    }
  });
});

describe("headers and labels", () => {
  test("Vietnamese and English names, with or without diacritics, any case", () => {
    const expect = {
      source: ["Nguồn", "NGUỒN KINH PHÍ", "nguon", "Source", "Nguồn vốn"],
      region: ["Tỉnh", "Tỉnh/Thành phố", "tinh, thanh pho", "Địa phương", "Province", "Region"],
      year: ["Năm", "nam", "YEAR"],
      category: ["Nội dung", "Nội dung hoạt động", "noi dung hoat dong", "Activity", "Category"],
      plan: [
        "Kế hoạch",
        "KẾ HOẠCH",
        "ke hoach",
        "Kế hoạch (tỷ đồng)",
        "Kế hoạch năm 2022",
        "Plan",
        "Dự toán",
      ],
      actual: ["Thực hiện", "thuc hien", "Kinh phí thực hiện (triệu đồng)", "Actual", "Giải ngân"],
      counterpart: [
        "Vốn đối ứng",
        "von doi ung",
        "Đối ứng",
        "Counterpart capital",
        "Vốn đối ứng (tỷ đồng)",
      ],
      projects: ["Số đề án", "so de an", "Đề án", "Projects", "Number of projects"],
    };
    for (const [field, names] of Object.entries(expect)) {
      for (const name of names) assert.deepEqual(matchHeader(name), { field }, name);
    }
    for (const name of ["STT", "TT", "Ghi chú", "Tỷ lệ (%)"]) {
      assert.deepEqual(matchHeader(name), { ignored: true }, name);
    }
    for (const name of ["Foo", "Kinh phí", "Người ký"]) {
      assert.deepEqual(matchHeader(name), { unknown: true }, name);
    }
    assert.deepEqual(matchHeader("  "), { empty: true });
  });

  test("units named in headers", () => {
    assert.equal(unitOfHeader("Kế hoạch (tỷ đồng)"), "ty_dong");
    assert.equal(unitOfHeader("Thực hiện (Triệu đồng)"), "trieu_dong");
    assert.equal(unitOfHeader("Thực hiện (tr.đ)"), "trieu_dong");
    assert.equal(unitOfHeader("Kinh phí thực hiện triệu đồng"), "trieu_dong");
    assert.equal(unitOfHeader("Actual (million VND)"), "trieu_dong");
    assert.equal(unitOfHeader("Kế hoạch (nghìn đồng)"), "nghin_dong");
    assert.equal(unitOfHeader("Kế hoạch (đồng)"), "dong");
    assert.equal(unitOfHeader("Kế hoạch"), null);
  });

  test("the two default sources by name, others not", () => {
    for (const s of [
      "Khuyến công quốc gia",
      "KCQG",
      "quốc gia",
      "khuyen cong quoc gia",
      "National",
      "Khuyến công quốc gia (KCQG)",
    ]) {
      assert.equal(sourceKeyOf(s), "kcqg", s);
    }
    for (const s of [
      "Khuyến công địa phương",
      "KCĐP",
      "kcdp",
      "Địa phương",
      "Local",
      "KCĐP (ngân sách tỉnh)",
    ]) {
      assert.equal(sourceKeyOf(s), "kcdp", s);
    }
    for (const s of ["Ngân sách huyện", "Doanh nghiệp", "Trung ương hỗ trợ"]) {
      assert.equal(sourceKeyOf(s), null, s);
    }
    assert.equal(normalize("KCĐP"), "kcdp");
    assert.ok(isTotalLabel("Tổng cộng") && isTotalLabel("CỘNG") && isTotalLabel("Total"));
    assert.ok(!isTotalLabel("Cộng hòa") && !isTotalLabel("Hà Giang"));
  });
});

describe("readTable", () => {
  test("the 2022 northern provinces, Vietnamese notation", () => {
    const t = readTable(TSV_2022);
    assert.deepEqual(t.problems, []);
    assert.deepEqual(t.questions, []);
    assert.deepEqual(t.data, {
      records: [
        { source: "kcqg", plan: "80.9", actual: "79.5" },
        { source: "kcdp", plan: "98.2", actual: "90.9" },
      ],
    });
    assert.deepEqual(t.recordRows, [1, 2]);
    const a = kc.analyze({ title: "T", unit: "ty_dong", ...t.data });
    assert.equal(a.total.text.actual, "170,4 tỷ đồng");
    assert.equal(a.total.text.plan, "179,1 tỷ đồng");
  });

  test("a total row becomes the published totals", () => {
    const t = readTable(`${TSV_2022}Tổng cộng\t179\t170,4\n`);
    assert.deepEqual(t.problems, []);
    assert.equal(t.reportedRow, 3);
    assert.deepEqual(t.data.reported, { plan: "179", actual: "170.4" });
    assert.equal(t.data.records.length, 2);
    const a = kc.analyze({ title: "T", unit: "ty_dong", ...t.data });
    assert.equal(a.total.text.attainment, "95,2%");
    assert.equal(a.warnings[0].code, "total_mismatch");
    assert.deepEqual(
      t.notes.map((n) => [n.row, n.code]),
      [[3, "total_row"]],
    );
  });

  test("an ambiguous column asks; each answer gives its own amounts", () => {
    const text = "Tỉnh\tKế hoạch\tThực hiện\nHà Giang\t2.400\t80\nCao Bằng\t1.500\t90\n";
    const t = readTable(text);
    assert.equal(t.data, null, "nothing is built before the answer");
    assert.equal(t.questions.length, 1);
    const q = t.questions[0];
    assert.deepEqual(
      {
        col: q.col,
        example: q.example,
        vi: q.vi,
        en: q.en,
        answer: q.answer,
        row: q.row,
        count: q.count,
      },
      { col: 1, example: "2.400", vi: "2400", en: "2.4", answer: null, row: 1, count: 2 },
    );
    const vi = readTable(text, { answers: { [q.key]: "vi" } });
    assert.deepEqual(
      vi.data.records.map((r) => r.plan),
      ["2400", "1500"],
    );
    assert.equal(vi.questions[0].answer, "vi", "the question stays, answered");
    const en = readTable(text, { answers: { [q.key]: "en" } });
    assert.deepEqual(
      en.data.records.map((r) => r.plan),
      ["2.4", "1.5"],
    );

    const commas = readTable("Tỉnh\tKế hoạch\nA\t1,500\nB\t2,400\n");
    const k = commas.questions[0].key;
    assert.deepEqual(
      readTable("Tỉnh\tKế hoạch\nA\t1,500\nB\t2,400\n", {
        answers: { [k]: "vi" },
      }).data.records.map((r) => r.plan),
      ["1.5", "2.4"],
    );
    assert.deepEqual(
      readTable("Tỉnh\tKế hoạch\nA\t1,500\nB\t2,400\n", {
        answers: { [k]: "en" },
      }).data.records.map((r) => r.plan),
      ["1500", "2400"],
    );
  });

  test("one unambiguous cell decides its column's notation; a contradiction is flagged", () => {
    const t = readTable("Tỉnh\tKế hoạch\nA\t2.400\nB\t80,9\n");
    assert.deepEqual(t.questions, []);
    assert.deepEqual(
      t.data.records.map((r) => r.plan),
      ["2400", "80.9"],
    );
    const en = readTable("Tỉnh\tKế hoạch\nA\t2.400\nB\t80.95\n");
    assert.deepEqual(
      en.data.records.map((r) => r.plan),
      ["2.4", "80.95"],
    );
    // Each column on its own: a Vietnamese column does not decide another one.
    const two = readTable("Tỉnh\tKế hoạch\tThực hiện\nA\t80,9\t2.400\n");
    assert.equal(two.questions.length, 1);
    assert.equal(two.questions[0].col, 2);

    const mixed = readTable("Tỉnh\tKế hoạch\nA\t80,9\nB\t79,5\nC\t98.2\n");
    assert.equal(mixed.data, null);
    assert.deepEqual(
      mixed.problems.map((p) => [p.code, p.row, p.col, p.text, p.notation]),
      [["mixed_notation", 3, 1, "98.2", "en"]],
    );
  });

  test("each table problem names its cell or row", () => {
    const t = readTable(
      "Nguồn\tKế hoạch\tThực hiện\tSố đề án\tNăm\n" +
        "KCQG\t80,9\tabc\t7\t2022\n" +
        "KCĐP\t98,2\n" +
        "KCĐP\t1\t2\t2,5\t22\n",
    );
    assert.equal(t.data, null);
    assert.deepEqual(
      t.problems.map((p) => [p.code, p.row, p.col]),
      [
        ["cell_count", 2, -1],
        ["not_a_number", 1, 2],
        ["not_an_integer", 3, 3],
        ["invalid_year", 3, 4],
      ],
    );
    assert.equal(t.problems[0].count, 2);
    assert.equal(t.problems[0].expected, 5);
    assert.equal(cellName(1, 2), "C2");
    assert.equal(columnLetter(27), "AB");
  });

  test("headers: a title line above, merged group header, unit, duplicates, unknown columns", () => {
    const t = readTable(
      "Bảng 1. Kinh phí khuyến công\t\t\t\n" +
        "STT\tTỉnh\tKinh phí (triệu đồng)\t\n" +
        "\t\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\tGhi chú\tXếp hạng\n" +
        "1\tCao Bằng\t13.800\t2.550\t\t\n" +
        "2\tĐắk Lắk\t\t2.000,5\tx\t1\n",
    );
    assert.deepEqual(t.problems, []);
    assert.equal(t.headerRow, 2);
    assert.equal(t.unit, "trieu_dong");
    // The region's name comes from the merged cell above. The actual column is settled by
    // "2.000,5"; the plan column has only "13.800", which reads two ways: a question.
    assert.equal(t.columns[1].field, "region");
    assert.equal(t.questions.length, 1);
    assert.equal(t.questions[0].col, 2);
    const answered = readTable(
      "Bảng 1. Kinh phí khuyến công\t\t\t\n" +
        "STT\tTỉnh\tKinh phí (triệu đồng)\t\n" +
        "\t\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\tGhi chú\tXếp hạng\n" +
        "1\tCao Bằng\t13.800\t2.550\t\t\n" +
        "2\tĐắk Lắk\t\t2.000,5\tx\t1\n",
      { answers: { [t.questions[0].key]: "vi" } },
    );
    assert.deepEqual(answered.data.records, [
      { region: "Cao Bằng", plan: "13800", actual: "2550" },
      { region: "Đắk Lắk", actual: "2000.5" },
    ]);
    assert.deepEqual(
      answered.notes.map((n) => [n.code, n.row, n.col]),
      [
        ["skipped_row", 0, -1],
        ["skipped_row", 1, -1],
        ["ignored_column", 2, 0],
        ["ignored_column", 2, 4],
        ["unknown_column", 2, 5],
      ],
    );

    const dup = readTable(
      "Kế hoạch\tKH\tThực hiện (tỷ đồng)\tThực hiện (triệu đồng)\n1\t2\t3\t4\n",
    );
    assert.deepEqual(
      dup.problems.map((p) => [p.code, p.col]),
      [
        ["duplicate_column", 1],
        ["duplicate_column", 3],
        ["unit_conflict", 3],
      ],
    );
    assert.deepEqual(
      readTable("Tỉnh\tNăm\nA\t2022\n").problems.map((p) => p.code),
      ["no_header"],
    );
    assert.deepEqual(
      readTable("Kế hoạch\n").problems.map((p) => p.code),
      ["no_rows"],
    );
    assert.deepEqual(
      readTable(" \n\n").problems.map((p) => p.code),
      ["empty_table"],
    );
  });

  test("other sources are declared; years, regions, categories, projects are kept", () => {
    const t = readTable(
      "Năm\tTỉnh\tNội dung\tNguồn\tThực hiện\tVốn đối ứng\tSố đề án\n" +
        "2021\tBình Định\tMáy móc thiết bị\tKCĐP\t2440\t\t19\n" +
        "2021\tBình Định\tĐào tạo nghề\tNgân sách huyện\t100\t50,5\t2\n" +
        "2021\tBình Định\tTư vấn\tngân sách huyện\t–\t10\t1\n" +
        "2022\tBình Định\tChi quản lý\t\t141\t\t\n",
    );
    assert.deepEqual(t.problems, []);
    assert.deepEqual(t.data, {
      records: [
        {
          source: "kcdp",
          region: "Bình Định",
          category: "Máy móc thiết bị",
          year: 2021,
          actual: "2440",
          projects: 19,
        },
        {
          source: "ngan-sach-huyen",
          region: "Bình Định",
          category: "Đào tạo nghề",
          year: 2021,
          actual: "100",
          counterpart: "50.5",
          projects: 2,
        },
        {
          source: "ngan-sach-huyen",
          region: "Bình Định",
          category: "Tư vấn",
          year: 2021,
          counterpart: "10",
          projects: 1,
        },
        { region: "Bình Định", category: "Chi quản lý", year: 2022, actual: "141" },
      ],
      sources: [
        { key: "kcdp", label: "Khuyến công địa phương", level: "local" },
        { key: "ngan-sach-huyen", label: "Ngân sách huyện", level: "other" },
      ],
    });
    // The package accepts it, and its groups follow the table.
    const a = kc.analyze({ title: "T", unit: "trieu_dong", ...t.data });
    assert.deepEqual(
      a.bySource.map((g) => g.label),
      ["Khuyến công địa phương", "Ngân sách huyện"],
    );
    assert.equal(a.total.text.actual, "2.681 triệu đồng");
  });

  test("a package error's path leads back to the cell, the row or the total", () => {
    const t = readTable(
      "Nguồn\tKế hoạch\tThực hiện\nKhuyến công quốc gia\t-80,9\t79,5\nNgân sách tỉnh\t1\t2\nTổng\t3\t4\n",
    );
    let err;
    try {
      kc.analyze({ title: "T", unit: "ty_dong", ...t.data });
    } catch (e) {
      err = e;
    }
    assert.deepEqual([err.code, err.path], ["negative_amount", "records[0].plan"]);
    assert.deepEqual(locateInTable(t, err.path), { row: 1, col: 1 });
    assert.deepEqual(locateInTable(t, "records[1]"), { row: 2, col: -1 });
    assert.deepEqual(locateInTable(t, "records[1].source"), { row: 2, col: 0 });
    assert.deepEqual(locateInTable(t, "reported.actual"), { row: 3, col: 2 });
    assert.deepEqual(locateInTable(t, "sources[1].label"), { row: 2, col: 0 });
    assert.deepEqual(locateInTable(t, "records"), { table: true });
    assert.equal(locateInTable(t, "title"), null);
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

describe("the snippet", () => {
  const DATA = {
    version: 1,
    title: 'Kinh phí "khuyến công" <b>2022</b> & </script><script>alert(1)</script>',
    source: "Sở Công Thương <i>tỉnh</i>",
    unit: "ty_dong",
    records: [
      { source: "kcqg", plan: "80.9", actual: "79.5" },
      { source: "kcdp", plan: "98.2", actual: "90.9" },
    ],
    reported: { plan: "179", actual: "170.4" },
  };

  test("escapeHtml, scriptJson, formatJson, slugify", () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    const json = scriptJson(formatJson({ t: "</script><!-- x -->" }));
    assert.ok(!json.includes("</") && !json.includes("<!--"), json);
    assert.deepEqual(JSON.parse(json), { t: "</script><!-- x -->" });
    assert.deepEqual(JSON.parse(formatJson(DATA)), DATA);
    assert.match(formatJson(DATA), /\n {4}\{"source":"kcqg","plan":"80.9","actual":"79.5"\},\n/);
    assert.equal(
      slugify("Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022"),
      "kinh-phi-khuyen-cong-28-tinh-thanh-pho-phia-bac-nam-2022",
    );
    assert.equal(slugify("Đắk Lắk: ĐỒNG – Ưu tiên!"), "dak-lak-dong-uu-tien");
    assert.equal(slugify("   "), "khuyen-cong");
    assert.ok(slugify("a".repeat(200)).length <= 80);
  });

  test("the fallback table has the published figures, as the demo page prints them", () => {
    const data = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
    const html = fallbackTable(kc.analyze(data), { title: data.title, kind: "sources" });
    const cells = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]),
    );
    assert.deepEqual(cells, [
      ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt (% kế hoạch)", "Tỷ trọng"],
      ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"],
      ["Khuyến công địa phương", "98,2 tỷ đồng", "90,9 tỷ đồng", "92,6%", "53,3%"],
      ["Tổng cộng", "179 tỷ đồng", "170,4 tỷ đồng", "95,2%", "–"],
    ]);
    const en = fallbackTable(kc.analyze(data, { locale: "en" }), { title: "T", kind: "sources" });
    assert.match(en, /<th scope="row">Total<\/th><td>179 billion VND<\/td>/);
    // By activity for the categories kind, with projects.
    const dakLak = JSON.parse(readFileSync(repoPath("www", "data", "dak-lak-2020.json"), "utf8"));
    const cat = fallbackTable(kc.analyze(dakLak), { title: dakLak.title, kind: "categories" });
    assert.match(
      cat,
      /<th scope="col">Nội dung hoạt động<\/th><th scope="col">Thực hiện<\/th><th scope="col">Tỷ trọng<\/th><th scope="col">Số đề án<\/th>/,
    );
    assert.match(
      cat,
      /<th scope="row">Máy móc thiết bị tiên tiến<\/th><td>2.700 triệu đồng<\/td><td>75,2%<\/td><td>7 đề án<\/td>/,
    );
  });

  test("three forms; every value escaped; the inline JSON is the data", () => {
    const analysis = kc.analyze(DATA);
    const out = snippets({
      data: DATA,
      analysis,
      options: {
        kind: "plan-actual",
        by: "source",
        sort: "input",
        locale: "vi",
        theme: "dark",
        height: "420",
      },
      pkgBase: "https://soct.example.vn/static/kc/",
      embedPage: "https://soct.example.vn/kc/embed.html",
      // As the page passes it: an absolute URL's href (the space already %20).
      dataUrl: new URL("https://soct.example.vn/data/kc 2022.json").href,
    });
    assert.ok(
      out.element.startsWith(
        '<link rel="preload" href="https://soct.example.vn/static/kc/khuyencong_charts_view_bg.wasm" as="fetch" crossorigin>\n' +
          '<script type="module" src="https://soct.example.vn/static/kc/embed.js"></script>\n<khuyencong-chart kind="plan-actual" by="source" sort="input" theme="dark" height="420">\n',
      ),
    );
    assert.ok(out.element.endsWith("</khuyencong-chart>"));
    // The article's only chart: the preload names its kind's file, in both element ways; no
    // kind given is the default kind, sources.
    for (const [kind, file] of [["trend", "trend"], [undefined, "sources"]]) {
      const alone = snippets({ data: DATA, analysis, options: { kind }, pkgBase: "https://soct.example.vn/static/kc/", alone: true });
      for (const html of [alone.element, alone.plain]) {
        assert.ok(
          html.startsWith(`<link rel="preload" href="https://soct.example.vn/static/kc/khuyencong_charts_view_${file}_bg.wasm" as="fetch" crossorigin>\n`),
          html.split("\n")[0],
        );
      }
    }
    assert.ok(
      out.plain.includes(
        '<div data-khuyencong data-kind="plan-actual" data-by="source" data-sort="input" data-theme="dark" data-height="420">',
      ),
    );
    for (const html of [out.element, out.plain]) {
      // The one <script> of data, closed only by its own end tag.
      const inline = /<script type="application\/json">\n([\s\S]*?)\n\s*<\/script>/.exec(html)[1];
      assert.deepEqual(JSON.parse(inline), DATA);
      assert.equal(html.split("</script>").length, 3, "two script end tags: embed.js and the data");
      // Text outside the script is escaped.
      assert.ok(
        html.includes(
          "<caption>Kinh phí &quot;khuyến công&quot; &lt;b&gt;2022&lt;/b&gt; &amp; &lt;/script&gt;",
        ),
      );
      assert.ok(html.includes("<small>Nguồn: Sở Công Thương &lt;i&gt;tỉnh&lt;/i&gt;</small>"));
    }
    assert.equal(
      out.iframe,
      '<iframe src="https://soct.example.vn/kc/embed.html?src=https%3A%2F%2Fsoct.example.vn%2Fdata%2Fkc%25202022.json&amp;kind=plan-actual&amp;by=source&amp;sort=input&amp;theme=dark&amp;height=420"' +
        ' data-khuyencong-frame title="Kinh phí &quot;khuyến công&quot; &lt;b&gt;2022&lt;/b&gt; &amp; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' +
        ' width="100%" height="480" loading="lazy" frameborder="0"></iframe>',
    );
    // Defaults are left out; no data URL, no iframe.
    const plain = snippets({
      data: DATA,
      analysis,
      options: { kind: "sources", locale: "vi", theme: "auto" },
      pkgBase: "https://x.vn/pkg/",
    });
    assert.ok(plain.element.includes('<khuyencong-chart kind="sources">'));
    assert.equal(plain.iframe, null);
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
