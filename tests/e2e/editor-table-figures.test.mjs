// Issue 18 in the editor's table reader (www/assets/editor-table.js), in Node: the issue's
// tables with the figures the page shows, and a figure some rows lack beside the spending,
// asked about and never mixed into a ratio, checked against the package's analysis (the wasm
// instantiated from www/pkg/).
// Run: node --test tests/e2e/   (needs www/pkg/ built)

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { readTable } from "../../www/assets/editor-table.js";
import { TEXT } from "../../www/assets/editor-i18n.js";
import { chartGap } from "../../www/assets/editor-checks.js";
import { analyzed, kc, loadPackage } from "./editor-helpers.mjs";

before(loadPackage);

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
