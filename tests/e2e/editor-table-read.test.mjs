// The editor's table reader (www/assets/editor-table.js) in Node, without a browser: a whole
// table read (the total row, the questions and their answers, problems at their cell, headers,
// years, regions, categories), a package error's path led back to its cell, and thirty-odd
// layouts as the press lays them out (editor-layouts.mjs), checked against the package's
// analysis (the wasm instantiated from www/pkg/).
// Run: node --test tests/e2e/   (needs www/pkg/ built)

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { locateInTable, readTable } from "../../www/assets/editor-table.js";
import { cellName, columnLetter, TEXT } from "../../www/assets/editor-i18n.js";
import { LAYOUTS } from "./editor-layouts.mjs";
import { analyzed, kc, loadPackage, TSV_2022 } from "./editor-helpers.mjs";

before(loadPackage);

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
