// The editor's words about a pasted table (editor-table.js): how its figures were read, the
// questions about it, the menu on its columns, and what a chart lacks (editor-checks.js), in
// Vietnamese and English. Spread into TEXT by editor-i18n.js.

import { amountText, cellName, columnLetter } from "./editor-i18n-numbers.js";
import { PARTIAL_TEXT } from "./editor-i18n-partial.js";

const amountVi = (v, unit) => amountText(v, unit, "vi");
const amountEn = (v, unit) => amountText(v, unit, "en");

/** What a figure is called in a sentence ("chưa có số liệu thực hiện"). */
const MEASURE_WORDS = {
  vi: { plan: "kế hoạch", actual: "thực hiện", counterpart: "vốn đối ứng", projects: "số đề án" },
  en: {
    plan: "plan",
    actual: "spending",
    counterpart: "counterpart capital",
    projects: "projects",
  },
};

/** What a column of labels holds, in a sentence ("thuộc nguồn nào"). */
const LABEL_WORDS = {
  vi: { source: "nguồn", region: "tỉnh, địa phương", year: "năm", category: "nội dung" },
  en: { source: "source", region: "province", year: "year", category: "activity" },
};

/** The short names of the column menu's choices. */
const ROLE_NAMES = {
  vi: {
    source: "Nguồn",
    region: "Tỉnh",
    year: "Năm",
    category: "Nội dung",
    plan: "Kế hoạch",
    actual: "Thực hiện",
    counterpart: "Vốn đối ứng",
    projects: "Số đề án",
    ignore: "Bỏ qua",
    unit: "Đơn vị tính",
    none: "— Chọn —",
  },
  en: {
    source: "Source",
    region: "Province",
    year: "Year",
    category: "Activity",
    plan: "Plan",
    actual: "Actual",
    counterpart: "Counterpart capital",
    projects: "Projects",
    ignore: "Ignore",
    unit: "Unit",
    none: "— Choose —",
  },
};
const SOURCE_SHORT = { kcqg: "KCQG", kcdp: "KCĐP" };

/** The menu's text for a column's present role: "Thực hiện (KCQG)", "Thực hiện (tổng của hàng)". */
function currentRole(lang, value, column) {
  const name = ROLE_NAMES[lang][value || "none"];
  if (column?.rowTotal) return `${name} (${lang === "vi" ? "tổng của hàng" : "row total"})`;
  if (column?.source) return `${name} (${SOURCE_SHORT[column.source] ?? column.source})`;
  if (column?.year) return `${name} (${column.year})`;
  return name;
}

/** The journalist's sentence for a chart that lacks what it shows (editor-checks.js). */
const GAPS = {
  vi: {
    no_actual:
      "Biểu đồ này cần số kinh phí đã thực hiện: bảng chưa có cột “Thực hiện” (hay “Kinh phí”, “Số tiền”) có số. Hãy thêm cột đó, hoặc chọn loại biểu đồ khác.",
    one_source: (p) =>
      p.missing.length > 0
        ? `Biểu đồ nguồn kinh phí cần số thực hiện của ít nhất hai nguồn: ${p.missing.join(", ")} chưa có số liệu thực hiện. Hãy điền số, hoặc chọn loại biểu đồ khác (như “Tóm tắt”).`
        : p.left?.length > 0
          ? `Biểu đồ nguồn kinh phí cần số thực hiện của ít nhất hai nguồn: theo câu trả lời của bạn về bảng, biểu đồ không tính ${p.left.join(", ")}. Hãy chọn cách khác ở câu hỏi đó, hoặc chọn loại biểu đồ khác (như “Tóm tắt”).`
          : "Biểu đồ nguồn kinh phí cần số thực hiện của ít nhất hai nguồn: thêm cột “Nguồn” ghi Khuyến công quốc gia, Khuyến công địa phương… (mỗi nguồn một hàng), hoặc chọn loại biểu đồ khác.",
    no_plan:
      "Biểu đồ kế hoạch và thực hiện cần số kế hoạch: thêm cột “Kế hoạch” vào bảng, hoặc chọn loại biểu đồ khác.",
    few_groups: (p) =>
      ({
        region: "Biểu đồ này cần số liệu của ít nhất hai tỉnh, địa phương: thêm cột “Tỉnh” (mỗi tỉnh một hàng), hoặc chọn loại biểu đồ khác.",
        year: "Biểu đồ này cần số liệu của ít nhất hai năm: thêm cột “Năm” (mỗi năm một hàng), hoặc chọn loại biểu đồ khác.",
        category: "Biểu đồ này cần số liệu của ít nhất hai nội dung hoạt động: thêm cột “Nội dung” (mỗi nội dung một hàng), hoặc chọn loại biểu đồ khác.",
        source: "Biểu đồ này cần số liệu của ít nhất hai nguồn: thêm cột “Nguồn” (mỗi nguồn một hàng), hoặc chọn loại biểu đồ khác.",
      })[p.by],
    no_counterpart:
      "Biểu đồ vốn đối ứng cần số vốn đối ứng: thêm cột “Vốn đối ứng”, hoặc một hàng “Vốn đối ứng” dưới các nguồn, hoặc chọn loại biểu đồ khác.",
  },
  en: {
    no_actual:
      "This chart needs the amounts spent: the table has no “Actual” (or “Funding”, “Amount”) column with figures. Add one, or choose another kind of chart.",
    one_source: (p) =>
      p.missing.length > 0
        ? `The sources chart needs the spending of two sources or more: ${p.missing.join(", ")} has no spending figure yet. Fill it in, or choose another kind of chart (such as “Summary”).`
        : p.left?.length > 0
          ? `The sources chart needs the spending of two sources or more: as you answered about the table, it leaves out ${p.left.join(", ")}. Answer that question otherwise, or choose another kind of chart (such as “Summary”).`
          : "The sources chart needs the spending of two sources or more: add a “Source” column naming national, local… promotion (one row each), or choose another kind of chart.",
    no_plan:
      "The plan and actual chart needs the plan: add a “Plan” column to the table, or choose another kind of chart.",
    few_groups: (p) =>
      ({
        region: "This chart needs the figures of two provinces or more: add a “Province” column (one row each), or choose another kind of chart.",
        year: "This chart needs the figures of two years or more: add a “Year” column (one row each), or choose another kind of chart.",
        category: "This chart needs the figures of two activities or more: add an “Activity” column (one row each), or choose another kind of chart.",
        source: "This chart needs the figures of two sources or more: add a “Source” column (one row each), or choose another kind of chart.",
      })[p.by],
    no_counterpart:
      "The counterpart capital chart needs counterpart capital: add a “Counterpart capital” column, or a “Vốn đối ứng” row under the sources, or choose another kind of chart.",
  },
};

export const TABLE_TEXT = {
  vi: {
    "note.inferred_column": (p) =>
      p.field === "source"
        ? `Cột “${p.header || columnLetter(p.col)}” ghi các nguồn kinh phí: đọc là cột Nguồn.`
        : `Cột “${p.header || columnLetter(p.col)}” ghi các năm: đọc là cột Năm.`,
    "note.note_row": "Dòng ghi chú: không dùng cho số liệu.",
    "note.skipped_figures": (p) =>
      `Hàng “${p.label}” là tỷ lệ: không dùng, biểu đồ tự tính tỷ lệ từ các số.`,
    "note.scale_read": (p) => `Theo câu trả lời của bạn: “${p.text}” là ${amountVi(p.value, p.unit)}.`,
    "note.counterpart_unused": (p) =>
      p.field === "projects"
        ? "Số đề án ở hàng vốn đối ứng: không dùng."
        : `Số ${MEASURE_WORDS.vi[p.field]} ở hàng vốn đối ứng: không dùng (vốn đối ứng lấy theo cột thực hiện).`,
    "note.row_total_differs": (p) =>
      `Ô tổng của hàng ghi ${amountVi(p.published, p.unit)}, các ô của hàng cộng lại ${amountVi(p.sum, p.unit)}: biểu đồ dùng từng ô.`,
    "note.counterpart_row": (p) =>
      p.group
        ? `Hàng ${p.row + 1} “${p.label.trim()}”: ${amountVi(p.amount, p.unit)} là vốn đối ứng của ${p.group.label}, không phải một nguồn kinh phí.`
        : `Hàng ${p.row + 1} “${p.label.trim()}”: ${amountVi(p.amount, p.unit)} là vốn đối ứng của cả bảng, không phải một nguồn kinh phí; tổng kinh phí khuyến công không gồm số này.`,
    "note.no_figure": (p) =>
      `${p.label || `Hàng ${p.row + 1}`}: chưa có số liệu ${MEASURE_WORDS.vi[p.field]} (ô ${cellName(p.row, p.col)} để trống). Biểu đồ không tính hàng này${p.projects ? `, kể cả ${p.projects} đề án của hàng` : ""}: mọi con số tổng chỉ gồm các hàng có số ${MEASURE_WORDS.vi[p.field]}.`,
    "note.blank_part": (p) =>
      `${p.label || `Hàng ${p.row + 1}`}: chưa có số liệu ${p.header} (ô ${cellName(p.row, p.col)} để trống); số của hàng chỉ gồm các ô có số.`,
    "note.no_counterpart": (p) => `Hàng ${p.row + 1} “${p.label}”: chưa có số vốn đối ứng.`,
    "note.total_differs": (p) =>
      p.field === "actual"
        ? `Hàng ${p.row + 1} (tổng) ghi ${amountVi(p.published, p.unit)} thực hiện, các hàng cộng lại ${amountVi(p.sum, p.unit)}${p.withCounterpart ? " (số ở hàng tổng gồm cả vốn đối ứng)" : ""}. Biểu đồ hiện ${amountVi(p.sum, p.unit)}, tổng của các hàng, để tỷ trọng của từng phần đều tính trên tổng này và cộng lại 100%.`
        : p.field === "projects"
          ? `Hàng ${p.row + 1} (tổng) ghi ${p.published} đề án, các hàng cộng lại ${p.sum} đề án. Biểu đồ hiện số công bố, ${p.published} đề án.`
          : `Hàng ${p.row + 1} (tổng) ghi ${MEASURE_WORDS.vi[p.field]} ${amountVi(p.published, p.unit)}, các hàng cộng lại ${amountVi(p.sum, p.unit)}. Biểu đồ hiện số công bố, ${amountVi(p.published, p.unit)}, như báo cáo${p.field === "plan" ? "; tỷ lệ đạt kế hoạch tính trên số này" : "; hệ số vốn đối ứng tính trên số này"}.`,
    "problem.no_figures":
      "Chưa rõ cột nào là số liệu: chọn ở ô đầu mỗi cột trong bảng bên dưới (Kế hoạch, Thực hiện, Vốn đối ứng hoặc Số đề án).",
    "question.scale": (q) =>
      `Ô ${cellName(q.row, q.col)} “${q.text}” ở cột “${q.header}” ${q.places > 0 ? "nhỏ hơn khoảng một nghìn lần" : "lớn hơn khoảng một nghìn lần"} các số khác trong cột (như ${q.examples.map((e) => `“${e}”`).join(", ")}). Bạn muốn ghi số nào?`,
    "question.scale.written": (q, unit) => `${amountVi(q.written, unit)}, đúng như đã ghi.`,
    "question.scale.scaled": (q, unit) =>
      `${amountVi(q.scaled, unit)}: ô ghi theo đơn vị ${q.places > 0 ? "lớn" : "nhỏ"} hơn một nghìn lần.`,
    "question.merged": (q) =>
      `Cột ${columnLetter(q.col)} “${q.header}”: ${q.rows.length > 1 ? `${q.rows.length} ô để trống` : "một ô để trống"} (hàng ${q.rows.map((r) => r + 1).join(", ")}) dưới “${q.above}”. ${q.rows.length > 1 ? "Các hàng đó" : "Hàng đó"} thuộc ${LABEL_WORDS.vi[q.field]} nào?`,
    "question.merged.fill": (q) =>
      `Thuộc ô phía trên (ô gộp trong bảng tính): hàng ${q.row + 1} là “${q.above}”.`,
    "question.merged.blank": (q) =>
      `Không thuộc ${LABEL_WORDS.vi[q.field]} nào: chỉ tính vào tổng.`,
    "question.role": (q) =>
      `Ô ${cellName(q.row, q.col)} “${q.header || "(trống)"}”: chưa rõ cột ${columnLetter(q.col)} ghi gì. Chọn ở menu trên đầu cột ${columnLetter(q.col)} trong bảng bên dưới: Nguồn, Tỉnh, Năm, Nội dung, Kế hoạch, Thực hiện, Vốn đối ứng, Số đề án, hoặc Bỏ qua.`,
    "question.role.go": (q) => `Chọn cho cột ${columnLetter(q.col)}`,
    "question.role.cell": "Chưa rõ cột này ghi gì: chọn ở menu trên đầu cột.",
    "grid.pick": (letter, header) => `Cột ${letter}${header ? ` “${header}”` : ""}: cột này ghi gì`,
    ...PARTIAL_TEXT.vi,
    "role.current": (value, column) => currentRole("vi", value, column),
    ...Object.fromEntries(Object.entries(ROLE_NAMES.vi).map(([k, v]) => [`role.${k}`, v])),
    ...Object.fromEntries(Object.entries(GAPS.vi).map(([k, v]) => [`gap.${k}`, v])),
  },
  en: {
    "note.inferred_column": (p) =>
      p.field === "source"
        ? `Column “${p.header || columnLetter(p.col)}” names sources of funds: read as the Source column.`
        : `Column “${p.header || columnLetter(p.col)}” holds years: read as the Year column.`,
    "note.note_row": "A line of notes: not used for the figures.",
    "note.skipped_figures": (p) =>
      `Row “${p.label}” is a percentage: not used, the chart computes its own from the figures.`,
    "note.scale_read": (p) => `As you answered: “${p.text}” is ${amountEn(p.value, p.unit)}.`,
    "note.counterpart_unused": (p) =>
      p.field === "projects"
        ? "Projects on the counterpart capital row: not used."
        : `The ${MEASURE_WORDS.en[p.field]} on the counterpart capital row: not used (counterpart capital is taken from the actual column).`,
    "note.row_total_differs": (p) =>
      `The row's total says ${amountEn(p.published, p.unit)}, its cells add up to ${amountEn(p.sum, p.unit)}: the chart uses the cells.`,
    "note.counterpart_row": (p) =>
      p.group
        ? `Row ${p.row + 1} “${p.label.trim()}”: ${amountEn(p.amount, p.unit)} is the counterpart capital of ${p.group.label}, not a source of funds.`
        : `Row ${p.row + 1} “${p.label.trim()}”: ${amountEn(p.amount, p.unit)} is the counterpart capital of the whole table, not a source of funds; the promotion funds' total does not include it.`,
    "note.no_figure": (p) =>
      `${p.label || `Row ${p.row + 1}`}: no ${MEASURE_WORDS.en[p.field]} figure yet (cell ${cellName(p.row, p.col)} is empty). The chart leaves this row out${p.projects ? `, its ${p.projects} projects too` : ""}: every total counts only the rows with a ${MEASURE_WORDS.en[p.field]} figure.`,
    "note.blank_part": (p) =>
      `${p.label || `Row ${p.row + 1}`}: no ${p.header} figure yet (cell ${cellName(p.row, p.col)} is empty); the row's figures are its filled cells only.`,
    "note.no_counterpart": (p) => `Row ${p.row + 1} “${p.label}”: no counterpart capital figure yet.`,
    "note.total_differs": (p) =>
      p.field === "actual"
        ? `Row ${p.row + 1} (total) says ${amountEn(p.published, p.unit)} spent, the rows add up to ${amountEn(p.sum, p.unit)}${p.withCounterpart ? " (the total row includes counterpart capital)" : ""}. The chart shows ${amountEn(p.sum, p.unit)}, the sum of the rows, so that every share is of that total and the shares add up to 100%.`
        : p.field === "projects"
          ? `Row ${p.row + 1} (total) says ${p.published} projects, the rows add up to ${p.sum}. The chart shows the published ${p.published} projects.`
          : `Row ${p.row + 1} (total) says ${MEASURE_WORDS.en[p.field]} ${amountEn(p.published, p.unit)}, the rows add up to ${amountEn(p.sum, p.unit)}. The chart shows the published ${amountEn(p.published, p.unit)}, as the report does${p.field === "plan" ? "; attainment is of that figure" : "; leverage is of that figure"}.`,
    "problem.no_figures":
      "Which column holds the figures? Choose in the menu at the top of each column below (Plan, Actual, Counterpart capital or Projects).",
    "question.scale": (q) =>
      `Cell ${cellName(q.row, q.col)} “${q.text}” in column “${q.header}” is about a thousand times ${q.places > 0 ? "smaller" : "larger"} than the column's other figures (such as ${q.examples.map((e) => `“${e}”`).join(", ")}). Which did you mean?`,
    "question.scale.written": (q, unit) => `${amountEn(q.written, unit)}, as written.`,
    "question.scale.scaled": (q, unit) =>
      `${amountEn(q.scaled, unit)}: the cell is in a unit a thousand times ${q.places > 0 ? "larger" : "smaller"}.`,
    "question.merged": (q) =>
      `Column ${columnLetter(q.col)} “${q.header}”: ${q.rows.length > 1 ? `${q.rows.length} empty cells` : "an empty cell"} (row ${q.rows.map((r) => r + 1).join(", ")}) under “${q.above}”. Which ${LABEL_WORDS.en[q.field]} ${q.rows.length > 1 ? "do those rows" : "does that row"} belong to?`,
    "question.merged.fill": (q) =>
      `The one above (a merged cell in the spreadsheet): row ${q.row + 1} is “${q.above}”.`,
    "question.merged.blank": (q) => `No ${LABEL_WORDS.en[q.field]}: they count in the total only.`,
    "question.role": (q) =>
      `Cell ${cellName(q.row, q.col)} “${q.header || "(empty)"}”: what does column ${columnLetter(q.col)} hold? Choose in the menu at the top of column ${columnLetter(q.col)} below: Source, Province, Year, Activity, Plan, Actual, Counterpart capital, Projects, or Ignore.`,
    "question.role.go": (q) => `Choose for column ${columnLetter(q.col)}`,
    "question.role.cell": "What this column holds is not clear: choose in the menu at its top.",
    "grid.pick": (letter, header) => `Column ${letter}${header ? ` “${header}”` : ""}: what it holds`,
    ...PARTIAL_TEXT.en,
    "role.current": (value, column) => currentRole("en", value, column),
    ...Object.fromEntries(Object.entries(ROLE_NAMES.en).map(([k, v]) => [`role.${k}`, v])),
    ...Object.fromEntries(Object.entries(GAPS.en).map(([k, v]) => [`gap.${k}`, v])),
  },
};
