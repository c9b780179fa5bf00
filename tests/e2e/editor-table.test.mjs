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
import { TEXT, amountText, cellName, columnLetter } from "../../www/assets/editor-i18n.js";
import { chartGap } from "../../www/assets/editor-checks.js";
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
import { LAYOUTS } from "./editor-layouts.mjs";
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
        "Plan",
        "Dự toán",
      ],
      // As the press heads the column of spending, with or without a unit or diacritics.
      actual: [
        "Thực hiện",
        "thuc hien",
        "Kinh phí thực hiện (triệu đồng)",
        "Actual",
        "Giải ngân",
        "Kinh phí",
        "Số tiền",
        "Kinh phí hỗ trợ",
        "Giá trị",
        "Kinh phí (triệu đồng)",
        "Kinh phí thực hiện",
        "kinh phi ho tro (trieu dong)",
        "SO TIEN",
        "Giá trị (tỷ đồng)",
      ],
      counterpart: [
        "Vốn đối ứng",
        "von doi ung",
        "Đối ứng",
        "Counterpart capital",
        "Vốn đối ứng (tỷ đồng)",
        "vốn đối ứng của doanh nghiệp",
        "vốn DN đối ứng",
        "Vốn đối ứng (triệu đồng)",
        "Kinh phí đối ứng của cơ sở",
      ],
      projects: ["Số đề án", "so de an", "Đề án", "Projects", "Number of projects"],
    };
    for (const [field, names] of Object.entries(expect)) {
      for (const name of names) assert.deepEqual(matchHeader(name), { field }, name);
    }
    for (const name of ["STT", "TT", "Ghi chú", "Tỷ lệ (%)", "Tỷ lệ đạt (%)", "Tỷ trọng %"]) {
      assert.deepEqual(matchHeader(name), { ignored: true }, name);
    }
    // A total, a year or a source in the heading: the column of a table laid out by row total,
    // by year or by source (kept only where the layout needs it, see readTable).
    assert.deepEqual(matchHeader("Tổng kinh phí"), { field: "actual", total: true });
    assert.deepEqual(matchHeader("Tổng cộng"), { field: "actual", total: true });
    assert.deepEqual(matchHeader("Kế hoạch năm 2022"), { field: "plan", year: 2022 });
    assert.deepEqual(matchHeader("2023"), { field: "actual", year: 2023, bare: true });
    assert.deepEqual(matchHeader("KCĐP"), { field: "actual", source: "kcdp", bare: true });
    assert.deepEqual(matchHeader("Thực hiện KCQG"), { field: "actual", source: "kcqg" });
    assert.deepEqual(matchHeader("ĐVT"), { unitColumn: true });
    for (const name of ["Foo", "Người ký", "Tiền mặt"]) {
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
    // The published plan (179) differs from the rows' 179,1: the chart shows the published
    // one, as the report does, and says so.
    assert.deepEqual(t.readings, [
      { row: 3, col: 1, code: "total_differs", field: "plan", published: "179", sum: "179.1", shown: "published" },
    ]);
    assert.deepEqual(
      t.notes.map((n) => [n.row, n.code]),
      [
        [3, "total_row"],
        [3, "total_differs"],
      ],
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
    const text =
      "Bảng 1. Kinh phí khuyến công\t\t\t\n" +
      "STT\tTỉnh\tKinh phí (triệu đồng)\t\n" +
      "\t\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\tGhi chú\tXếp hạng\n" +
      "1\tCao Bằng\t13.800\t2.550\t\t\n" +
      "2\tĐắk Lắk\t\t2.000,5\tx\t1\n";
    // Đắk Lắk has spending but no plan: the total plan would be Cao Bằng's alone beside the
    // spending of both, so the page asks (editor-table-partial.js) before building anything.
    const notation = { [t.questions[0].key]: "vi" };
    const asked = readTable(text, { answers: notation });
    assert.equal(asked.data, null);
    assert.deepEqual(
      asked.questions.filter((q) => q.answer === null).map((q) => [q.key, q.choices]),
      [["partial:plan:r4c2", ["drop", "rows"]]],
    );
    const answered = readTable(text, { answers: { ...notation, "partial:plan:r4c2": "rows" } });
    assert.deepEqual(answered.data.records, [{ region: "Cao Bằng", plan: "13800", actual: "2550" }]);
    assert.deepEqual(
      answered.notes.map((n) => [n.code, n.row, n.col]),
      [
        ["skipped_row", 0, -1],
        ["skipped_row", 1, -1],
        ["ignored_column", 2, 0],
        ["ignored_column", 2, 4],
        ["unknown_column", 2, 5],
        ["partial_rows", 4, 2],
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
    // A header without a column of figures: said at the header, whose menus can name one.
    assert.deepEqual(
      readTable("Tỉnh\tNăm\nA\t2022\n").problems.map((p) => [p.code, p.row]),
      [["no_figures", 0]],
    );
    // Figures without a header: then, and only then, "no header".
    assert.deepEqual(
      readTable("KCQG\t2.400\nKCĐP\t3.420\n").problems.map((p) => [p.code, p.row]),
      [["no_header", 0]],
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
    const text =
      "Năm\tTỉnh\tNội dung\tNguồn\tThực hiện\tVốn đối ứng\tSố đề án\n" +
      "2021\tBình Định\tMáy móc thiết bị\tKCĐP\t2440\t\t19\n" +
      "2021\tBình Định\tĐào tạo nghề\tNgân sách huyện\t100\t50,5\t2\n" +
      "2021\tBình Định\tTư vấn\tngân sách huyện\t–\t10\t1\n" +
      "2022\tBình Định\tChi quản lý\t\t141\t\t\n";
    // The blank source under "ngân sách huyện": a merged cell, or no source? Asked.
    const asked = readTable(text);
    assert.equal(asked.data, null);
    assert.deepEqual(
      asked.questions.map((q) => [q.kind, q.key, q.col, q.rows, q.above]),
      [["merged", "merged:3:nguon", 3, [4], "ngân sách huyện"]],
    );
    // Then counterpart capital blank beside "Máy móc thiết bị" and "Chi quản lý", and no count
    // of projects for "Chi quản lý": asked, and answered as a journalist would (none: 0).
    const merged = readTable(text, { answers: { "merged:3:nguon": "blank" } });
    assert.equal(merged.data, null);
    assert.deepEqual(
      merged.questions.filter((q) => q.answer === null).map((q) => [q.key, q.choices]),
      [
        ["partial:counterpart:r1c5,r4c5", ["zero", "drop", "rows"]],
        ["partial:projects:r4c6", ["zero", "drop", "rows"]],
      ],
    );
    const answers = {
      "merged:3:nguon": "blank",
      "partial:counterpart:r1c5,r4c5": "zero",
      "partial:projects:r4c6": "zero",
    };
    const t = readTable(text, { answers });
    assert.deepEqual(t.problems, []);
    assert.deepEqual(t.data, {
      records: [
        {
          source: "kcdp",
          region: "Bình Định",
          category: "Máy móc thiết bị",
          year: 2021,
          actual: "2440",
          counterpart: "0",
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
          region: "Bình Định",
          category: "Chi quản lý",
          year: 2022,
          actual: "141",
          counterpart: "0",
          projects: 0,
        },
      ],
      sources: [
        { key: "kcdp", label: "Khuyến công địa phương", level: "local" },
        { key: "ngan-sach-huyen", label: "Ngân sách huyện", level: "other" },
      ],
    });
    // "Tư vấn" has no spending ("–"): left out, its counterpart capital and project too, so
    // that the leverage and the count are of the same rows as the spending. Said.
    assert.deepEqual(t.readings[0], {
      row: 3,
      col: 4,
      code: "no_figure",
      label: "Bình Định, Tư vấn, ngân sách huyện",
      field: "actual",
      projects: 1,
    });
    // The answers, said at the first blank cell of each.
    assert.deepEqual(
      t.readings.slice(1).map((r) => [r.code, r.row, r.col, TEXT.vi[`note.${r.code}`](r)]),
      [
        ["partial_zero", 1, 5, "Theo câu trả lời của bạn, các ô F2, F5 để trống tính là 0 (các hàng đó không có vốn đối ứng)."],
        ["partial_zero", 4, 6, "Theo câu trả lời của bạn, ô G5 để trống tính là 0 (Bình Định, Chi quản lý không có đề án)."],
      ],
    );
    // The package accepts it, and its groups follow the table.
    const a = kc.analyze({ title: "T", unit: "trieu_dong", ...t.data });
    assert.deepEqual(
      a.bySource.map((g) => g.label),
      ["Khuyến công địa phương", "Ngân sách huyện"],
    );
    assert.equal(a.total.text.actual, "2.681 triệu đồng");
    assert.equal(a.total.text.projects, "21 đề án");
    // Answered the other way, the blank cell is the source above.
    const filled = readTable(text, { answers: { ...answers, "merged:3:nguon": "fill" } });
    assert.equal(filled.data.records[2].source, "ngan-sach-huyen");
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

/** What the package makes of a table's data (in triệu đồng when the table names no unit). */
const analyzed = (t) => kc.analyze({ title: "T", unit: t.unit ?? "trieu_dong", ...t.data });

describe("tables as the press lays them out: read right, or asked about, never silently wrong", () => {
  assert.ok(LAYOUTS.length >= 30, `${LAYOUTS.length} layouts`);
  for (const layout of LAYOUTS) {
    test(layout.name, () => {
      const t = readTable(layout.tsv, { answers: layout.answers ?? {} });
      const open = t.questions.filter((q) => q.answer === null).map((q) => [q.kind, q.key]);
      const problems = t.problems.map((p) => [p.code, p.row, p.col]);
      assert.deepEqual(open, layout.asks ?? []);
      assert.deepEqual(problems, layout.problems ?? []);
      // Every answer is to a question the page asks (the page test answers by clicking).
      const asked = new Set(t.questions.map((q) => q.key));
      for (const key of Object.keys(layout.answers ?? {})) {
        if (!key.startsWith("role:")) assert.ok(asked.has(key), `no question ${key}`);
      }
      if (!layout.data) {
        assert.equal(t.data, null, "nothing is built before the answer");
        return;
      }
      assert.deepEqual(t.data, layout.data);
      assert.equal(t.unit, layout.unit);
      assert.deepEqual(
        t.readings.map((r) => r.code),
        layout.readings ?? [],
      );
      const a = analyzed(t);
      const f = layout.figures ?? {};
      if (f.actual) assert.equal(a.total.text.actual, f.actual);
      if (f.attainment) assert.equal(a.total.text.attainment, f.attainment);
      if (f.leverage) assert.equal(a.total.text.leverage, f.leverage);
      if (f.projects) assert.equal(a.total.text.projects, f.projects);
      if (f.shares) assert.deepEqual(a.bySource.map((g) => g.text.share), f.shares);
      if (f.sourceLeverage) assert.deepEqual(a.bySource.map((g) => g.text.leverage), f.sourceLeverage);
    });
  }
});

describe("the issue's tables (issue 18), with the figures the page shows", () => {
  const SEED =
    "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\n" +
    "KCQG\t2.400\t9\nKCĐP\t3.420\t30\n";
  const answers = { "1:kinh phi thuc hien trieu dong": "vi" };
  const words = (item, unit = "trieu_dong") => TEXT.vi[`note.${item.code}`]({ ...item, unit });

  test("“Vốn đối ứng | 8.588” is counterpart capital, never a third source", () => {
    for (const label of ["Vốn đối ứng", "vốn đối ứng của doanh nghiệp", "vốn DN đối ứng", "Vốn đối ứng (triệu đồng)", "von doi ung"]) {
      const t = readTable(`${SEED}${label}\t8.588\t\n`, { answers });
      assert.deepEqual(t.data.records.at(-1), { counterpart: "8588" }, label);
      assert.equal(t.data.sources, undefined, label);
      const a = analyzed(t);
      assert.equal(a.total.text.actual, "5.820 triệu đồng");
      assert.deepEqual(a.bySource.map((g) => g.text.share), ["41,2%", "58,8%"]);
      assert.equal(a.total.text.leverage, "1,48");
      assert.deepEqual(t.readings, [
        { row: 3, col: 0, code: "counterpart_row", label, amount: "8588", group: null },
      ]);
      assert.equal(
        words(t.readings[0]),
        `Hàng 4 “${label}”: 8.588 triệu đồng là vốn đối ứng của cả bảng, không phải một nguồn kinh phí; tổng kinh phí khuyến công không gồm số này.`,
      );
    }
    // Under a source, written as a part of it: that source's.
    const grouped = readTable(`${SEED.replace("KCĐP\t3.420\t30\n", "  Vốn đối ứng\t6.000\t\nKCĐP\t3.420\t30\n")}`, { answers: { ...answers } });
    assert.deepEqual(grouped.data.records[1], { source: "kcqg", counterpart: "6000" });
    assert.equal(
      words(grouped.readings[0]),
      "Hàng 3 “Vốn đối ứng”: 6.000 triệu đồng là vốn đối ứng của KCQG, không phải một nguồn kinh phí.",
    );
  });

  test("a blank amount is no figure: the row is left out, its 30 projects too, and said", () => {
    const t = readTable(SEED.replace("3.420", ""), { answers });
    assert.deepEqual(t.data.records, [{ source: "kcqg", actual: "2400", projects: 9 }]);
    const a = analyzed(t);
    assert.equal(a.total.text.actual, "2.400 triệu đồng");
    assert.equal(a.total.text.projects, "9 đề án", "not 39: the 30 of the row without a figure");
    assert.equal(
      words(t.readings[0]),
      "KCĐP: chưa có số liệu thực hiện (ô B3 để trống). Biểu đồ không tính hàng này, kể cả 30 đề án của hàng: mọi con số tổng chỉ gồm các hàng có số thực hiện.",
    );
    // The donut of sources has one source left: no code, and the message names it.
    assert.deepEqual(chartGap("sources", undefined, a, { missing: ["KCĐP"] }), {
      code: "one_source",
      missing: ["KCĐP"],
    });
    assert.equal(chartGap("summary", undefined, a), null);
  });

  test("“1,5” among “2.400”, “3.420” asks, showing both readings", () => {
    const text = `${SEED}Ngân sách huyện\t1,5\t1\n`;
    const t = readTable(text);
    const q = t.questions.find((x) => x.kind === "scale");
    assert.deepEqual(
      { row: q.row, col: q.col, text: q.text, written: q.written, scaled: q.scaled, examples: q.examples },
      { row: 3, col: 1, text: "1,5", written: "1.5", scaled: "1500", examples: ["2.400", "3.420"] },
    );
    assert.equal(t.data, null);
    assert.equal(TEXT.vi["question.scale.written"](q, "trieu_dong"), "1,5 triệu đồng, đúng như đã ghi.");
    assert.match(TEXT.vi["question.scale.scaled"](q, "trieu_dong"), /^1\.500 triệu đồng: /);
    const written = readTable(text, { answers: { [q.key]: "written" } });
    assert.equal(analyzed(written).total.text.actual, "5.821,5 triệu đồng");
    const scaled = readTable(text, { answers: { [q.key]: "scaled" } });
    assert.equal(analyzed(scaled).total.text.actual, "7.320 triệu đồng");
    // A column of genuinely small and large items is left alone (Đắk Lắk 2020, triệu đồng).
    const dakLak = readTable("Nội dung\tKinh phí\nMáy móc\t2.700,0\nTập huấn\t380\nChi quản lý\t80\nTuyên truyền\t120\n");
    assert.deepEqual(dakLak.questions, []);
  });

  test("a total row that differs: the sum is shown, shares of it add up to 100%, and said", () => {
    const t = readTable(`${SEED}Tổng cộng\t5.900\t40\n`, { answers });
    assert.equal(t.data.reported?.actual, undefined, "the chart's total is the rows' sum");
    assert.equal(t.data.reported.projects, 40, "a published count stays");
    const a = analyzed(t);
    assert.equal(a.total.text.actual, "5.820 triệu đồng");
    assert.deepEqual(a.bySource.map((g) => g.text.share), ["41,2%", "58,8%"]);
    assert.deepEqual(
      t.readings.map((r) => words(r)),
      [
        "Hàng 4 (tổng) ghi 5.900 triệu đồng thực hiện, các hàng cộng lại 5.820 triệu đồng. Biểu đồ hiện 5.820 triệu đồng, tổng của các hàng, để tỷ trọng của từng phần đều tính trên tổng này và cộng lại 100%.",
        "Hàng 4 (tổng) ghi 40 đề án, các hàng cộng lại 39 đề án. Biểu đồ hiện số công bố, 40 đề án.",
      ],
    );
  });
});

describe("a figure some rows lack beside the spending (issue 18): asked, never mixed into a ratio", () => {
  // The brief's table: the plan of Khuyến công địa phương left blank. Summed as it is, the
  // total plan is KCQG's alone beside the spending of both: "đạt 232,8% kế hoạch".
  const PLAN =
    "Nguồn\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n" +
    "Khuyến công quốc gia\t2.500\t2.400\nKhuyến công địa phương\t\t3.420\n";
  const notation = { "1:ke hoach trieu dong": "vi", "2:thuc hien trieu dong": "vi" };
  // As the page words a reading: the unit chosen, then the reading's own members.
  const say = (item, lang = "vi") => TEXT[lang][`note.${item.code}`]({ unit: "trieu_dong", ...item });
  const ask = (q, choice, lang = "vi") =>
    TEXT[lang][choice ? `question.partial.${choice}` : "question.partial"](q, "trieu_dong");

  test("a blank plan: the question quotes the figures, offers no 0, and nothing is built before the answer", () => {
    // What the package would say of the data as it used to be built: the nonsense asked about.
    const mixed = kc.analyze({
      title: "T",
      unit: "trieu_dong",
      records: [
        { source: "kcqg", plan: "2500", actual: "2400" },
        { source: "kcdp", actual: "3420" },
      ],
    });
    assert.equal(mixed.total.text.attainment, "232,8%");
    const t = readTable(PLAN, { answers: notation });
    assert.equal(t.data, null);
    const [q] = t.questions.filter((x) => x.answer === null);
    assert.deepEqual(
      { kind: q.kind, key: q.key, choices: q.choices, cells: q.cells, total: q.total, kept: q.kept },
      {
        kind: "partial",
        key: "partial:plan:r2c1",
        choices: ["drop", "rows"],
        cells: [{ row: 2, col: 1 }],
        total: { main: "5820", field: "2500" },
        kept: { main: "2400", field: "2500" },
      },
    );
    assert.equal(
      ask(q),
      "Khuyến công địa phương: chưa có số liệu kế hoạch (ô B3 để trống). Cộng lại, kế hoạch 2.500 triệu đồng và thực hiện 5.820 triệu đồng không gồm cùng các hàng, nên tỷ lệ đạt kế hoạch của cả bảng sẽ sai. Biểu đồ nên tính thế nào?",
    );
    assert.equal(
      ask(q, "drop"),
      "Không dùng số kế hoạch: biểu đồ giữ mọi hàng (thực hiện 5.820 triệu đồng), không có kế hoạch và tỷ lệ đạt kế hoạch.",
    );
    assert.equal(
      ask(q, "rows"),
      "Chỉ tính các hàng đủ số liệu: bỏ hàng Khuyến công địa phương; còn thực hiện 2.400 triệu đồng và kế hoạch 2.500 triệu đồng.",
    );
    assert.equal(
      ask(q, null, "en"),
      "Khuyến công địa phương: no plan figure yet (cell B3 is empty). Added up, the plan 2,500 million VND and the spending 5,820 million VND do not cover the same rows, so the whole table's attainment would be wrong. How should the chart count?",
    );
    // A plan of 0 is no plan: "zero" is not a choice, and such an answer is no answer.
    assert.equal(readTable(PLAN, { answers: { ...notation, [q.key]: "zero" } }).data, null);
  });

  test("a blank plan answered: no plan at all, or only the rows with a plan; said, with the figures", () => {
    const drop = readTable(PLAN, { answers: { ...notation, "partial:plan:r2c1": "drop" } });
    assert.deepEqual(drop.data.records, [
      { source: "kcqg", actual: "2400" },
      { source: "kcdp", actual: "3420" },
    ]);
    assert.deepEqual(drop.readings.map((r) => say(r)), [
      "Theo câu trả lời của bạn, biểu đồ không dùng số kế hoạch, vì Khuyến công địa phương chưa có số liệu kế hoạch: biểu đồ không có kế hoạch và tỷ lệ đạt kế hoạch.",
    ]);
    let a = analyzed(drop);
    assert.deepEqual(
      [a.total.text.actual, a.total.text.plan, a.total.text.attainment, ...a.bySource.map((g) => g.text.share)],
      ["5.820 triệu đồng", "–", "–", "41,2%", "58,8%"],
    );

    const rows = readTable(PLAN, { answers: { ...notation, "partial:plan:r2c1": "rows" } });
    assert.deepEqual(rows.data.records, [{ source: "kcqg", plan: "2500", actual: "2400" }]);
    assert.deepEqual(rows.readings.map((r) => [r.row, r.col, say(r)]), [
      [
        2,
        1,
        "Theo câu trả lời của bạn, biểu đồ không tính hàng Khuyến công địa phương (chưa có số liệu kế hoạch), kể cả thực hiện 3.420 triệu đồng: mọi con số tổng chỉ gồm các hàng đủ số liệu.",
      ],
    ]);
    a = analyzed(rows);
    assert.deepEqual(
      [a.total.text.actual, a.total.text.plan, a.total.text.attainment],
      ["2.400 triệu đồng", "2.500 triệu đồng", "96,0%"],
    );
    // One source left: the donut offers no code, and says why in the answer's words.
    const gap = chartGap("sources", undefined, a, { left: ["Khuyến công địa phương"] });
    assert.equal(
      TEXT.vi[`gap.${gap.code}`](gap),
      "Biểu đồ nguồn kinh phí cần số thực hiện của ít nhất hai nguồn: theo câu trả lời của bạn về bảng, biểu đồ không tính Khuyến công địa phương. Hãy chọn cách khác ở câu hỏi đó, hoặc chọn loại biểu đồ khác (như “Tóm tắt”).",
    );
    // An edit that blanks another cell is another question: the answer stays with its cells.
    const moved = readTable(PLAN.replace("\t2.500\t2.400", "\t\t2.400").replace("\t\t3.420", "\t3.500\t3.420"), {
      answers: { ...notation, "partial:plan:r2c1": "rows" },
    });
    assert.equal(moved.data, null);
    assert.deepEqual(moved.questions.filter((x) => x.answer === null).map((x) => x.key), ["partial:plan:r1c1"]);
  });

  test("a published total plan is the total: no question, attainment of it, and each blank said", () => {
    const t = readTable(`${PLAN}Tổng cộng\t6.000\t5.820\n`, { answers: notation });
    assert.deepEqual(t.questions.filter((x) => x.answer === null), []);
    assert.deepEqual(t.data.reported, { plan: "6000", actual: "5820" });
    assert.deepEqual(t.readings.map((r) => say(r)), [
      "Khuyến công địa phương: chưa có số liệu kế hoạch (ô B3 để trống); tổng kế hoạch lấy theo hàng tổng.",
      "Hàng 4 (tổng) ghi kế hoạch 6.000 triệu đồng, các hàng cộng lại 2.500 triệu đồng. Biểu đồ hiện số công bố, 6.000 triệu đồng, như báo cáo; tỷ lệ đạt kế hoạch tính trên số này.",
    ]);
    const a = analyzed(t);
    assert.deepEqual(
      [a.total.text.plan, a.total.text.attainment, ...a.bySource.map((g) => g.text.attainment)],
      ["6.000 triệu đồng", "97,0%", "96,0%", "–"],
    );
  });

  test("a blank counterpart capital: 0, none in the chart, or only the rows with it; the leverage of each", () => {
    const text =
      "Nguồn\tThực hiện (triệu đồng)\tVốn đối ứng (triệu đồng)\n" +
      "Khuyến công quốc gia\t2.400\t6.000\nKhuyến công địa phương\t3.420\t\n";
    const answers = { "1:thuc hien trieu dong": "vi", "2:von doi ung trieu dong": "vi" };
    const t = readTable(text, { answers });
    const [q] = t.questions.filter((x) => x.answer === null);
    assert.deepEqual([q.key, q.choices], ["partial:counterpart:r2c2", ["zero", "drop", "rows"]]);
    assert.deepEqual([ask(q), ask(q, "zero"), ask(q, "drop"), ask(q, "rows")], [
      "Khuyến công địa phương: chưa có số liệu vốn đối ứng (ô C3 để trống). Cộng lại, vốn đối ứng 6.000 triệu đồng và thực hiện 5.820 triệu đồng không gồm cùng các hàng, nên số đồng vốn đối ứng thu hút trên 1 đồng khuyến công của cả bảng sẽ sai. Biểu đồ nên tính thế nào?",
      "Ô trống là 0 (Khuyến công địa phương không có vốn đối ứng): biểu đồ giữ mọi hàng, thực hiện 5.820 triệu đồng và vốn đối ứng 6.000 triệu đồng.",
      "Không dùng số vốn đối ứng: biểu đồ giữ mọi hàng (thực hiện 5.820 triệu đồng), không có vốn đối ứng.",
      "Chỉ tính các hàng đủ số liệu: bỏ hàng Khuyến công địa phương; còn thực hiện 2.400 triệu đồng và vốn đối ứng 6.000 triệu đồng.",
    ]);
    const answered = (choice) => readTable(text, { answers: { ...answers, [q.key]: choice } });
    const figures = (x) => {
      const a = analyzed(x);
      return [a.total.text.actual, a.total.text.counterpart, a.total.text.leverage];
    };
    const zero = answered("zero");
    assert.deepEqual(zero.data.records[1], { source: "kcdp", actual: "3420", counterpart: "0" });
    assert.deepEqual(figures(zero), ["5.820 triệu đồng", "6.000 triệu đồng", "1,03"]);
    assert.deepEqual(zero.readings.map((r) => say(r)), [
      "Theo câu trả lời của bạn, ô C3 để trống tính là 0 (Khuyến công địa phương không có vốn đối ứng).",
    ]);
    // The question stays, answered, so that the answer can be changed.
    assert.deepEqual(
      zero.questions.filter((x) => x.kind === "partial").map((x) => [x.key, x.answer]),
      [[q.key, "zero"]],
    );
    assert.deepEqual(figures(answered("drop")), ["5.820 triệu đồng", "–", "–"]);
    const rows = answered("rows");
    assert.deepEqual(figures(rows), ["2.400 triệu đồng", "6.000 triệu đồng", "2,5"]);
    assert.deepEqual(rows.readings.map((r) => say(r)), [
      "Theo câu trả lời của bạn, biểu đồ không tính hàng Khuyến công địa phương (chưa có số liệu vốn đối ứng), kể cả thực hiện 3.420 triệu đồng: mọi con số tổng chỉ gồm các hàng đủ số liệu.",
    ]);
  });

  test("sources as columns: a row's count covers the whole row, so a blank source cell asks about it", () => {
    const text =
      "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tSố đề án\n" +
      "Cao Bằng\t2.550,5\t\t23\nBắc Kạn\t1.200,5\t980\t12\nHà Giang\t900\t1.100,5\t8\n";
    const t = readTable(text);
    const [q] = t.questions;
    assert.deepEqual([q.key, q.choices, q.cells], [
      "partial:projects:r1c2",
      ["zero", "drop", "rows"],
      [{ row: 1, col: 3 }, { row: 1, col: 2 }],
    ]);
    assert.deepEqual([ask(q), ask(q, "zero"), ask(q, "drop"), ask(q, "rows")], [
      "Cao Bằng: 23 đề án ở ô D2 là của cả hàng, kể cả phần KCĐP chưa có số (ô C2 để trống). Cộng lại, 43 đề án và thực hiện 6.731,5 triệu đồng không gồm cùng các hàng, nên số đề án đặt cạnh tổng kinh phí sẽ sai. Biểu đồ nên tính thế nào?",
      "Ô trống là 0 (Cao Bằng không có kinh phí KCĐP): biểu đồ giữ mọi hàng, thực hiện 6.731,5 triệu đồng và 43 đề án.",
      "Không dùng số đề án: biểu đồ giữ mọi hàng (thực hiện 6.731,5 triệu đồng), không có số đề án.",
      "Chỉ tính các hàng đủ số liệu: bỏ hàng Cao Bằng; còn thực hiện 4.181 triệu đồng và 20 đề án.",
    ]);
    const answered = (choice) => readTable(text, { answers: { [q.key]: choice } });
    const drop = answered("drop");
    assert.deepEqual(drop.readings.map((r) => say(r)), [
      "Cao Bằng: chưa có số liệu KCĐP (triệu đồng) (ô C2 để trống); số của hàng chỉ gồm các ô có số.",
      "Theo câu trả lời của bạn, biểu đồ không dùng số đề án, vì Cao Bằng chưa đủ số liệu: biểu đồ không có số đề án.",
    ]);
    assert.deepEqual(
      [analyzed(drop).total.text.actual, analyzed(drop).total.text.projects],
      ["6.731,5 triệu đồng", "–"],
    );
    // Left out, the row's blank is not said again: the reading that leaves it out says it all.
    const rows = answered("rows");
    assert.deepEqual(rows.readings.map((r) => say(r)), [
      "Theo câu trả lời của bạn, biểu đồ không tính hàng Cao Bằng (chưa đủ số liệu), kể cả thực hiện 2.550,5 triệu đồng: mọi con số tổng chỉ gồm các hàng đủ số liệu.",
    ]);
    const zero = answered("zero");
    assert.deepEqual(zero.readings.map((r) => say(r)), [
      "Theo câu trả lời của bạn, ô C2 để trống tính là 0 (Cao Bằng không có kinh phí KCĐP).",
    ]);
    const a = analyzed(zero);
    assert.deepEqual(
      [a.total.text.actual, a.total.text.projects, a.byRegion[0].text.actual, a.byRegion[0].text.projects],
      ["6.731,5 triệu đồng", "43 đề án", "2.550,5 triệu đồng", "23 đề án"],
    );
    // With a total row, its count is the total; the row's own count goes, and that is said.
    const published = readTable(`${text}Tổng cộng\t4.651\t2.080,5\t43\n`);
    assert.deepEqual(published.questions, []);
    assert.deepEqual(published.data.reported, { actual: "6731.5", projects: 43 });
    assert.equal(
      say(published.readings[1]),
      "Cao Bằng: 23 đề án ở ô D2 là của cả hàng, kể cả phần KCĐP chưa có số (ô C2 để trống): biểu đồ không gắn số này với hàng; tổng số đề án lấy theo hàng tổng.",
    );
    const p = analyzed(published);
    assert.deepEqual([p.total.text.projects, p.byRegion[0].text.projects], ["43 đề án", "–"]);
    // A plan of the whole row likewise, its amount in the unit chosen.
    const planned = readTable(
      "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tKế hoạch (triệu đồng)\n" +
        "Cao Bằng\t2.550,5\t\t4.000,5\nBắc Kạn\t1.200,5\t980\t2.500\nTổng cộng\t3.751\t980\t6.500,5\n",
    );
    assert.equal(
      say(planned.readings[1]),
      "Cao Bằng: kế hoạch 4.000,5 triệu đồng ở ô D2 là của cả hàng, kể cả phần KCĐP chưa có số (ô C2 để trống): biểu đồ không gắn số này với hàng; tổng kế hoạch lấy theo hàng tổng.",
    );
    const pa = analyzed(planned);
    assert.deepEqual([pa.total.text.attainment, pa.byRegion[0].text.plan], ["72,8%", "–"]);
  });

  test("a row left out: the total row's other figures and the table's counterpart capital go with it", () => {
    const t = readTable(
      "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\n" +
        "KCQG\t2.400,5\t9\nKCĐP\t\t30\nVốn đối ứng\t8.588\t\nTổng cộng\t5.820,5\t39\n",
    );
    assert.deepEqual(t.data, { records: [{ source: "kcqg", actual: "2400.5", projects: 9 }] });
    assert.deepEqual(t.readings.map((r) => say(r)).slice(1), [
      "Hàng 4 “Vốn đối ứng”: 8.588 triệu đồng là vốn đối ứng của cả bảng, gồm cả hàng biểu đồ không tính: biểu đồ không dùng số này, vì chia cho kinh phí của một phần các hàng sẽ sai.",
      "Hàng 5 (tổng) ghi 5.820,5 triệu đồng thực hiện, các hàng cộng lại 2.400,5 triệu đồng. Biểu đồ hiện 2.400,5 triệu đồng, tổng của các hàng, để tỷ trọng của từng phần đều tính trên tổng này và cộng lại 100%.",
      "Hàng 5 (tổng) ghi 39 đề án, các hàng được tính cộng lại 9 đề án. Số ở hàng tổng gồm cả các hàng biểu đồ không tính, nên biểu đồ hiện 9 đề án.",
    ]);
    const a = analyzed(t);
    assert.deepEqual(
      [a.total.text.actual, a.total.text.projects, a.total.text.leverage],
      ["2.400,5 triệu đồng", "9 đề án", "–"],
    );
  });

  test("measures as rows: a source's blank plan asks about its column", () => {
    const t = readTable("Chỉ tiêu\tKCQG\tKCĐP\nKế hoạch\t80,9\t\nThực hiện\t79,5\t90,9\n");
    const [q] = t.questions;
    assert.deepEqual([q.key, q.choices], ["partial:plan:r1c2", ["drop", "rows"]]);
    assert.equal(
      ask(q, "rows"),
      "Chỉ tính các cột đủ số liệu: bỏ cột KCĐP; còn thực hiện 79,5 triệu đồng và kế hoạch 80,9 triệu đồng.",
    );
    const rows = readTable("Chỉ tiêu\tKCQG\tKCĐP\nKế hoạch\t80,9\t\nThực hiện\t79,5\t90,9\n", {
      answers: { [q.key]: "rows" },
    });
    assert.deepEqual(rows.data.records, [
      { source: "kcqg", plan: "80.9" },
      { source: "kcqg", actual: "79.5" },
    ]);
    assert.equal(analyzed(rows).total.text.attainment, "98,3%");
  });
});

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
