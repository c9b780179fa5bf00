// The editor's words about a figure some rows of a pasted table lack beside the main one
// (editor-table-partial.js): the question, its choices, and what the chart then shows; and
// the published totals and counterpart rows that count rows the chart left out
// (editor-table-build.js). Vietnamese and English; spread into TABLE_TEXT.

import { amountText, cellName, columnLetter } from "./editor-i18n-numbers.js";

/** How many rows a sentence names before "and N more". */
const NAMED = 4;

const WORDS = {
  vi: {
    // "chưa có …"
    lacks: { plan: "số liệu kế hoạch", counterpart: "số liệu vốn đối ứng", projects: "số đề án" },
    // "không dùng …"
    use: { plan: "số kế hoạch", counterpart: "số vốn đối ứng", projects: "số đề án" },
    // "không có …"
    without: {
      plan: "kế hoạch và tỷ lệ đạt kế hoạch",
      counterpart: "vốn đối ứng",
      projects: "số đề án",
    },
    // "… không có vốn đối ứng" (a blank read as 0)
    none: { counterpart: "vốn đối ứng", projects: "đề án" },
    // "tổng … lấy theo hàng tổng"
    total: { plan: "kế hoạch", counterpart: "vốn đối ứng", projects: "số đề án" },
    figure: { plan: "kế hoạch", actual: "thực hiện", counterpart: "vốn đối ứng" },
    wrong: {
      plan: "tỷ lệ đạt kế hoạch của cả bảng sẽ sai",
      counterpart: "số đồng vốn đối ứng thu hút trên 1 đồng khuyến công của cả bảng sẽ sai",
      projects: "số đề án đặt cạnh tổng kinh phí sẽ sai",
    },
  },
  en: {
    lacks: {
      plan: "plan figure",
      counterpart: "counterpart capital figure",
      projects: "project count",
    },
    use: {
      plan: "the plan",
      counterpart: "the counterpart capital",
      projects: "the project count",
    },
    without: {
      plan: "no plan and no attainment",
      counterpart: "no counterpart capital",
      projects: "no project count",
    },
    none: { counterpart: "counterpart capital", projects: "projects" },
    total: { plan: "plan", counterpart: "counterpart capital", projects: "project count" },
    figure: { plan: "plan", actual: "spending", counterpart: "counterpart capital" },
    wrong: {
      plan: "the whole table's attainment would be wrong",
      counterpart:
        "the whole table's leverage (counterpart capital per đồng of support) would be wrong",
      projects: "the project count beside the total spending would be wrong",
    },
  },
};

/** "kế hoạch 2.500 triệu đồng", "23 đề án" (en: "plan 2,500 million VND", "23 projects"). */
function figure(lang, field, v, unit) {
  if (field === "projects") return lang === "vi" ? `${v} đề án` : `${v} projects`;
  return `${WORDS[lang].figure[field]} ${amountText(v, unit, lang)}`;
}

/** A heading without its unit: "KCĐP (triệu đồng)" → "KCĐP". */
const bare = (header) => String(header).replace(/\s*\([^)]*\)\s*$/, "");

/** What a row (or, in a table of measures as rows, a column) is called. */
function nameOf(lang, n) {
  if (n.label) return n.label;
  if (n.byColumn) return `${lang === "vi" ? "Cột" : "Column"} ${columnLetter(n.col)}`;
  return `${lang === "vi" ? "Hàng" : "Row"} ${n.row + 1}`;
}

/** "hàng Khuyến công địa phương, hàng Chi quản lý và 3 hàng khác". */
function places(lang, units) {
  const vi = lang === "vi";
  const kind = (n) => (vi ? (n.byColumn ? "cột" : "hàng") : n.byColumn ? "column" : "row");
  const one = (n) => (n.label ? `${kind(n)} ${n.label}` : nameOf(lang, n).toLowerCase());
  const shown = units.slice(0, NAMED).map(one);
  const rest = units.length - shown.length;
  if (rest > 0) shown.push(vi ? `${rest} hàng khác` : `${rest} more`);
  const and = vi ? " và " : " and ";
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")}${and}${shown.at(-1)}` : shown[0];
}

/** What one row lacks, as a sentence (or its start, `end` after it). */
function lackOf(lang, n, field, unit, end = ".") {
  const w = WORDS[lang];
  const vi = lang === "vi";
  const name = nameOf(lang, n);
  const cell = cellName(n.row, n.col);
  const at = n.col < 0 ? "" : vi ? ` (ô ${cell} để trống)` : ` (cell ${cell} is empty)`;
  if (n.kind === "whole") {
    const blank = cellName(n.blank.row, n.blank.col);
    const head = bare(n.blank.header);
    return vi
      ? `${name}: ${figure(lang, field, n.value, unit)} ở ô ${cell} là của cả hàng, kể cả phần ${head} chưa có số (ô ${blank} để trống)${end}`
      : `${name}: the figure in cell ${cell} (${figure(lang, field, n.value, unit)}) is the whole row's, ${head} included, which has no figure (cell ${blank} is empty)${end}`;
  }
  if (n.kind === "part") {
    return vi
      ? `${name}: chưa đủ ${w.lacks[field]}${at}${end}`
      : `${name}: an incomplete ${w.lacks[field]}${at}${end}`;
  }
  return vi
    ? `${name}: chưa có ${w.lacks[field]}${at}${end}`
    : `${name}: no ${w.lacks[field]} yet${at}${end}`;
}

/** The rows a question is about: a sentence each, the first few. */
function lacks(lang, q, unit) {
  const shown = q.units.slice(0, NAMED).map((n) => lackOf(lang, n, q.field, unit));
  const rest = q.units.length - shown.length;
  if (rest > 0) shown.push(lang === "vi" ? `Và ${rest} hàng khác.` : `And ${rest} more rows.`);
  return shown.join(" ");
}

/** What the rows lack, short: "chưa có số liệu kế hoạch", or "chưa đủ số liệu" when a row
 * has the figure for another part than its spending. */
function lackShort(lang, p) {
  const all = p.units.every((n) => n.kind === "none");
  if (lang === "vi") return all ? `chưa có ${WORDS.vi.lacks[p.field]}` : "chưa đủ số liệu";
  return all ? `no ${WORDS.en.lacks[p.field]}` : "incomplete figures";
}

/** Why a figure was left out: "Khuyến công địa phương chưa có số liệu kế hoạch". */
function reason(lang, p) {
  const who = p.units.length === 1 ? nameOf(lang, p.units[0]) : places(lang, p.units);
  return lang === "vi" ? `${who} ${lackShort(lang, p)}` : `${who}: ${lackShort(lang, p)}`;
}

/** "hàng" or "cột": what the units of a table are (columns in a table of measures as rows). */
const rowsWord = (lang, p) =>
  p.units[0]?.byColumn ? (lang === "vi" ? "cột" : "columns") : lang === "vi" ? "hàng" : "rows";

/** What a blank read as 0 means: "KCĐP không có vốn đối ứng", "Cao Bằng không có kinh phí
 * KCĐP"; several rows are "those rows". */
function zeroWhat(lang, p) {
  const vi = lang === "vi";
  const whole = p.units.some((n) => n.kind === "whole");
  const n = p.units[0];
  const one = p.units.length === 1;
  const who = one ? nameOf(lang, n) : vi ? "các hàng đó" : "those rows";
  if (!whole) return `${who} ${vi ? "không có" : "had no"} ${WORDS[lang].none[p.field]}`;
  const part = one ? bare(n.blank.header) : null;
  if (vi) return `${who} không có kinh phí ${part ?? "ở ô trống"}`;
  return `${who} had no ${part ? `${part} funds` : "funds in the empty cells"}`;
}

const cellsOf = (fills) => fills.map((c) => cellName(c.row, c.col)).join(", ");

function textOf(lang) {
  const vi = lang === "vi";
  const w = WORDS[lang];
  const amount = (v, unit) => amountText(v, unit, lang);
  return {
    "question.partial": (q, unit) =>
      vi
        ? `${lacks(lang, q, unit)} Cộng lại, ${figure(lang, q.field, q.total.field, unit)} và ${figure(lang, q.main, q.total.main, unit)} không gồm cùng các ${rowsWord(lang, q)}, nên ${w.wrong[q.field]}. Biểu đồ nên tính thế nào?`
        : `${lacks(lang, q, unit)} Added up, the ${figure(lang, q.field, q.total.field, unit)} and the ${figure(lang, q.main, q.total.main, unit)} do not cover the same ${rowsWord(lang, q)}, so ${w.wrong[q.field]}. How should the chart count?`,
    "question.partial.zero": (q, unit) =>
      vi
        ? `Ô trống là 0 (${zeroWhat(lang, q)}): biểu đồ giữ mọi ${rowsWord(lang, q)}, ${figure(lang, q.main, q.total.main, unit)} và ${figure(lang, q.field, q.total.field, unit)}.`
        : `The empty cells are 0 (${zeroWhat(lang, q)}): the chart keeps all ${rowsWord(lang, q)}, ${figure(lang, q.main, q.total.main, unit)} and ${figure(lang, q.field, q.total.field, unit)}.`,
    "question.partial.drop": (q, unit) =>
      vi
        ? `Không dùng ${w.use[q.field]}: biểu đồ giữ mọi ${rowsWord(lang, q)} (${figure(lang, q.main, q.total.main, unit)}), không có ${w.without[q.field]}.`
        : `Leave out ${w.use[q.field]}: the chart keeps all ${rowsWord(lang, q)} (${figure(lang, q.main, q.total.main, unit)}), with ${w.without[q.field]}.`,
    "question.partial.rows": (q, unit) =>
      vi
        ? `Chỉ tính các ${rowsWord(lang, q)} đủ số liệu: bỏ ${places(lang, q.units)}; còn ${figure(lang, q.main, q.kept.main, unit)} và ${figure(lang, q.field, q.kept.field, unit)}.`
        : `Count only the ${rowsWord(lang, q)} with every figure: leave out ${places(lang, q.units)}; that leaves ${figure(lang, q.main, q.kept.main, unit)} and ${figure(lang, q.field, q.kept.field, unit)}.`,
    "note.partial_zero": (p) =>
      vi
        ? `Theo câu trả lời của bạn, ${p.fills.length > 1 ? "các ô" : "ô"} ${cellsOf(p.fills)} để trống tính là 0 (${zeroWhat(lang, p)}).`
        : `As you answered, the empty ${p.fills.length > 1 ? "cells" : "cell"} ${cellsOf(p.fills)} ${p.fills.length > 1 ? "count" : "counts"} as 0 (${zeroWhat(lang, p)}).`,
    "note.partial_dropped": (p) =>
      vi
        ? `${p.auto ? "Biểu đồ" : "Theo câu trả lời của bạn, biểu đồ"} không dùng ${w.use[p.field]}, vì ${reason(lang, p)}: biểu đồ không có ${w.without[p.field]}.`
        : `${p.auto ? "The chart" : "As you answered, the chart"} leaves out ${w.use[p.field]}, because ${reason(lang, p)}: it shows ${w.without[p.field]}.`,
    "note.partial_rows": (p) =>
      vi
        ? `Theo câu trả lời của bạn, biểu đồ không tính ${places(lang, p.units)} (${lackShort(lang, p)}), kể cả ${figure(lang, p.main, p.amount, p.unit)}: mọi con số tổng chỉ gồm các ${rowsWord(lang, p)} đủ số liệu.`
        : `As you answered, the chart leaves out ${places(lang, p.units)} (${lackShort(lang, p)}), ${figure(lang, p.main, p.amount, p.unit)} included: every total counts only the ${rowsWord(lang, p)} with every figure.`,
    "note.partial_published": (p) =>
      vi
        ? `${lackOf(lang, p, p.field, p.unit, "")}${p.kind === "none" ? "" : ": biểu đồ không gắn số này với hàng"}; tổng ${w.total[p.field]} lấy theo hàng tổng.`
        : `${lackOf(lang, p, p.field, p.unit, "")}${p.kind === "none" ? "" : ": the chart does not give this figure to the row"}; the total ${w.total[p.field]} is the total row's.`,
    "note.total_left": (p) => {
      const published = figure(lang, p.field, p.published, p.unit);
      if (p.sum === null) {
        return vi
          ? `Hàng ${p.row + 1} (tổng) ghi ${published}, gồm cả các hàng biểu đồ không tính: biểu đồ không dùng số này.`
          : `Row ${p.row + 1} (total) says ${published}, the rows the chart leaves out included: the chart does not use it.`;
      }
      const sum = figure(lang, p.field, p.sum, p.unit);
      return vi
        ? `Hàng ${p.row + 1} (tổng) ghi ${published}, các hàng được tính cộng lại ${sum}. Số ở hàng tổng gồm cả các hàng biểu đồ không tính, nên biểu đồ hiện ${sum}.`
        : `Row ${p.row + 1} (total) says ${published}, the rows counted add up to ${sum}. The total row includes the rows the chart leaves out, so the chart shows ${sum}.`;
    },
    "note.counterpart_left": (p) =>
      vi
        ? `Hàng ${p.row + 1} “${p.label.trim()}”: ${amount(p.amount, p.unit)} là vốn đối ứng của ${p.group ? p.group.label : "cả bảng"}, gồm cả hàng biểu đồ không tính: biểu đồ không dùng số này, vì chia cho kinh phí của một phần các hàng sẽ sai.`
        : `Row ${p.row + 1} “${p.label.trim()}”: ${amount(p.amount, p.unit)} is the counterpart capital of ${p.group ? p.group.label : "the whole table"}, a row the chart leaves out included: the chart does not use it, as dividing it by part of the spending would be wrong.`,
  };
}

export const PARTIAL_TEXT = { vi: textOf("vi"), en: textOf("en") };
