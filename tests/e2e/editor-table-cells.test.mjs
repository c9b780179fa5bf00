// The editor's table reader (www/assets/editor-table.js) in Node, without a browser: the cells
// of a pasted table (tabs, quotes), numbers in either notation read exactly, and the names of
// columns, units and sources as the press writes them.
// Run: node --test tests/e2e/   (needs www/pkg/ built)

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  canonical,
  isTotalLabel,
  matchHeader,
  normalize,
  parseTsv,
  readNumber,
  sourceKeyOf,
  toTsv,
  unitOfHeader,
} from "../../www/assets/editor-table.js";

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

