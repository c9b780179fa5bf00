// The editor's table reader (editor.html): turns a table pasted from Excel or Google Sheets
// into data of schema version 1, and says exactly which cell is wrong when it cannot.
//
// Pure: no DOM, no browser global, no wasm. Problems come back as codes with parameters (the
// page words them in its language) and a place in the table: { row, col }, where row indexes
// the parsed rows (the header included) and col the cells of a row, -1 for the whole row.
//
// It never guesses a meaning it cannot be sure of. What reads two ways is a question, and
// nothing is built until the page passes the answer back (`answers`, by each question's key):
// - "2.400" in a column that nothing else settles: 2400 or 2.4 (notation);
// - "1,5" among "2.400", "3.420": 1,5 or 1.500 (scale: a figure a thousand times off);
// - a column whose heading is not understood, when the table needs it: the page's menu on the
//   column says what it holds (role);
// - blank cells under a filled one in a column of sources, places, years or activities: a
//   merged cell (the row belongs to the one above) or no such label (merged);
// - a plan, counterpart capital or count of projects that some rows with spending lack: the
//   blank is 0, the figure is left out, or only the rows that have it count (partial,
//   editor-table-partial.js), so that no total or ratio mixes different rows.
// What it decides by itself, it says (`readings`, shown beside the preview): a row of
// counterpart capital, a row without a figure, a published total that differs from the sum.
//
// Steps: the header (findHeader), the columns (readColumns, editor-table-columns.js), the rows
// (readBody), what the labels say (readLabels), the numbers and the questions about them
// (readFigures, askScale: editor-table-figures.js; askMerged), then the records (buildData,
// editor-table-build.js, and the figures some rows lack: editor-table-partial.js). Cells and exact sums are in editor-table-cells.js, the words of
// headings and labels in editor-table-words.js.

import { DASHES, parseTsv, readNumber } from "./editor-table-cells.js";
import {
  DIMENSIONS,
  MEASURE_FIELDS,
  isCounterpartLabel,
  isIgnoredLabel,
  isNoteLine,
  isTotalLabel,
  matchHeader,
  measureOfRow,
  normalize,
  sourceKeyOf,
  unitOfHeader,
  unitOfText,
  yearOfLabel,
} from "./editor-table-words.js";
import { readColumns } from "./editor-table-columns.js";
import { askScale, readFigures } from "./editor-table-figures.js";
import { buildData } from "./editor-table-build.js";

export {
  canonical,
  parseTsv,
  readNumber,
  sumAmounts,
  toTsv,
  NOTATIONS,
} from "./editor-table-cells.js";
export {
  AMOUNT_FIELDS,
  FIELDS,
  MEASURE_FIELDS,
  TEXT_FIELDS,
  isTotalLabel,
  matchHeader,
  normalize,
  sourceKeyOf,
  unitOfHeader,
} from "./editor-table-words.js";
export { columnKey, ROLES } from "./editor-table-columns.js";

const blank = (cells) => cells.every((c) => c.trim() === "");
const cellText = (t, row, col) => (t.rows[row]?.[col] ?? "").trim();

/**
 * Reads a pasted table. `answers` maps a question's key to its answer (see the questions
 * below); for a column, `role:<column key>` to a field or "ignore" sets its meaning whatever its
 * heading says (the page's menu on each column).
 *
 * Returns {
 *   rows,            // the cells as parsed (header included)
 *   headerRow,       // index of the header row in rows (-1 when none was found)
 *   columns,         // per header cell: { index, header, key, field?, source?, year?, rowTotal?,
 *                    //   ignored?, unknown?, empty?, unitColumn?, unit?, chosen? }
 *   unit, unitColumn,// the unit the table names, and the column (or -1) that named it
 *   questions,       // { kind: "notation" | "scale" | "role" | "merged" | "partial", key,
 *                    //   answer, … }
 *   problems,        // [{ row, col, code, ...params }], empty when the data could be built
 *   notes,           // remarks at their cell or row: [{ row, col, code, ...params }]
 *   readings,        // how figures were read, for beside the preview (also in notes)
 *   shape,           // { fields, distinct: { source, region, year, category } } of the table
 *   data,            // { records, reported?, sources? } or null (problems, open questions)
 *   recordRows,      // recordRows[i] = the row records[i] came from
 *   recordPlaces,    // recordPlaces[i] = { row, cols: { field: column } }
 *   reportedRow,     // the row `reported` came from, or -1
 *   sourceCells,     // source key → { row, col } of its first cell
 *   fieldColumn,     // field → column index
 * }
 */
export function readTable(text, { answers = {} } = {}) {
  const t = startReading(parseTsv(text), answers);
  if (t.firstRow < 0) {
    t.problems.push({ row: -1, col: -1, code: "empty_table" });
    return t.result;
  }
  if (!findHeader(t)) return t.result;
  readColumns(t);
  if (!readBody(t)) return t.result;
  readLabels(t);
  if (!hasFigures(t)) return t.result;
  readFigures(t);
  askScale(t);
  checkYears(t);
  askMerged(t);
  if (t.problems.length > 0 || t.result.questions.some((q) => q.answer === null)) return t.result;
  buildData(t);
  return t.result;
}

/** The reader's working state; `result` is what readTable returns. */
function startReading(rows, answers) {
  const result = {
    rows,
    headerRow: -1,
    columns: [],
    unit: null,
    unitColumn: -1,
    questions: [],
    problems: [],
    notes: [],
    readings: [],
    shape: { fields: [], distinct: {} },
    data: null,
    recordRows: [],
    recordPlaces: [],
    reportedRow: -1,
    sourceCells: {},
    fieldColumn: {},
  };
  return {
    rows,
    answers,
    result,
    problems: result.problems,
    notes: result.notes,
    firstRow: rows.findIndex((cells) => !blank(cells)),
    dataRows: [],
    /** Rows left out of the figures: percentages, lines of notes. */
    skipRows: new Set(),
    totalRows: [],
    /** row → column of its counterpart label. */
    counterpartRows: new Map(),
    /** row → the column of its first label. */
    labelCol: new Map(),
    /** row → the measure its label names, in a table of measures as rows. */
    measureRows: new Map(),
    /** `${row}:${col}` → { negative, digits } read from the cell. */
    values: new Map(),
    /** `${row}:${col}` → canonical amount that replaces the written one (scale answers). */
    scaled: new Map(),
    /** column → "fill" when its blank cells are merged cells. */
    merged: new Map(),
  };
}

/** Whether a row can be a header: text, and no number but a year ("2021", "2022"…). */
function headerLike(cells) {
  if (blank(cells)) return false;
  return cells.every((c) => {
    const s = c.trim();
    if (s === "" || DASHES.has(s) || yearOfLabel(s) !== null) return true;
    return readNumber(s).kind !== "number";
  });
}

/**
 * The header: among the first rows, the last one that looks like a header (text only) before
 * the first row of figures, preferring one that names a column of figures. So a title line
 * above, or a merged group heading ("Kinh phí (triệu đồng)" over "Kế hoạch | Thực hiện"), is
 * passed over, and a header of headings the reader does not know is still the header (its
 * columns are asked about), never "no header".
 */
function findHeader(t) {
  const { rows } = t;
  const candidates = [];
  for (let r = t.firstRow, seen = 0; r < rows.length && seen < 6; r++) {
    if (blank(rows[r])) continue;
    seen++;
    if (!headerLike(rows[r])) break;
    candidates.push(r);
  }
  // A bare year or source names a column only beside another ("2021 | 2022", "KCQG | KCĐP"):
  // alone, "2022" is more likely a row's label.
  const matched = (r) => {
    const all = rows[r].map((c) => matchHeader(c)).filter((m) => m.field);
    return all.filter((m) => !m.bare).length > 0 || all.length >= 2 ? all : [];
  };
  const names = (r) => matched(r).some((m) => MEASURE_FIELDS.includes(m.field));
  const knows = (r) => matched(r).length > 0;
  const headerRow =
    candidates.filter(names).at(-1) ?? candidates.filter(knows).at(-1) ?? candidates.at(-1);
  if (headerRow === undefined) {
    t.problems.push({ row: t.firstRow, col: -1, code: "no_header" });
    return false;
  }
  t.result.headerRow = headerRow;
  for (let r = t.firstRow; r < headerRow; r++) {
    if (blank(rows[r])) continue;
    t.notes.push({ row: r, col: -1, code: "skipped_row" });
    noteUnit(t, rows[r].join(" "));
    // A merged heading above the columns may name their unit: "Kinh phí (triệu đồng)".
    for (const cell of rows[r]) if (!t.unitHint) t.unitHint = unitOfHeader(cell);
  }
  return true;
}

/** A unit named in a line around the table ("ĐVT: triệu đồng") becomes the table's unit when
 * no heading names one. */
function noteUnit(t, line) {
  const unit = /(?:đvt|dvt|đơn vị|don vi|unit)\s*[:：]/i.test(line) ? unitOfText(line) : null;
  if (unit && !t.unitHint) t.unitHint = unit;
}

/** The rows under the header: data rows, lines of notes (left out, said), rows of the wrong
 * length (a problem). False when there is no data row. */
function readBody(t) {
  const { rows, result } = t;
  const width = result.columns.length;
  for (let r = result.headerRow + 1; r < rows.length; r++) {
    if (blank(rows[r])) continue;
    const filled = rows[r].map((c) => c.trim()).filter((c) => c !== "");
    if (filled.length === 1 && isNoteLine(filled[0])) {
      t.notes.push({ row: r, col: -1, code: "note_row" });
      noteUnit(t, filled[0]);
      continue;
    }
    let cells = rows[r];
    while (cells.length > width && cells[cells.length - 1].trim() === "") {
      cells = cells.slice(0, -1);
    }
    if (cells.length !== width) {
      const problem = { row: r, col: -1, code: "cell_count" };
      t.problems.push({ ...problem, count: cells.length, expected: width });
      continue;
    }
    t.dataRows.push(r);
  }
  if (t.dataRows.length === 0) {
    if (!t.problems.some((p) => p.code === "cell_count")) {
      t.problems.push({ row: result.headerRow, col: -1, code: "no_rows" });
    }
    return false;
  }
  readUnitColumn(t);
  if (!result.unit && t.unitHint) result.unit = t.unitHint;
  return true;
}

/** A column of units (ĐVT): one unit for the table, or a problem at the cell that differs. */
function readUnitColumn(t) {
  const { result } = t;
  for (const c of result.columns.filter((col) => col.unitColumn)) {
    for (const r of t.dataRows) {
      const text = cellText(t, r, c.index);
      const unit = text === "" ? null : unitOfText(text);
      if (!unit) continue;
      if (result.unit === null) {
        result.unit = unit;
        result.unitColumn = c.index;
      } else if (unit !== result.unit) {
        t.problems.push({ row: r, col: c.index, code: "unit_conflict", unit, other: result.unit });
      }
    }
  }
}

/** Columns whose cells label the rows (sources, places, years, activities, or not known). */
const labelColumns = (t) =>
  t.result.columns.filter(
    (c) => (c.field && DIMENSIONS.includes(c.field)) || c.unknown || c.empty,
  );

/**
 * What the labels say: the total row, rows of counterpart capital, rows of measures (a table
 * laid out the other way round), rows of percentages (left out); then the columns the reader
 * can tell from their cells, and the questions about those it cannot.
 */
function readLabels(t) {
  inferColumns(t);
  const labels = labelColumns(t).filter((c) => !c.ignored);
  const firstLabel = (r) => labels.find((c) => cellText(t, r, c.index) !== "");
  // "Tổng cộng" may sit in any column of text, the row numbers' (STT) included.
  const texts = t.result.columns.filter(
    (c) => !MEASURE_FIELDS.includes(c.field) && c.field !== "year",
  );
  for (const r of t.dataRows) {
    const first = firstLabel(r);
    const text = first ? cellText(t, r, first.index) : "";
    if (first) t.labelCol.set(r, first.index);
    const counterpart = labels.find((c) => isCounterpartLabel(cellText(t, r, c.index)));
    if (texts.some((c) => isTotalLabel(cellText(t, r, c.index)))) t.totalRows.push(r);
    else if (counterpart) t.counterpartRows.set(r, counterpart.index);
    else if (first && isIgnoredLabel(text)) {
      t.skipRows.add(r);
      t.notes.push({ row: r, col: -1, code: "skipped_figures", label: text });
    } else if (first && measureOfRow(text)) t.measureRows.set(r, measureOfRow(text));
  }
  // One row naming a measure is a label like any other, unless the columns are by source or
  // year: only then, or with two such rows, is the table laid out with measures as rows.
  const wide = t.result.columns.some((c) => c.field && (c.source || c.year));
  if (t.measureRows.size < 2 && !wide) t.measureRows.clear();
  for (const r of t.totalRows.slice(1)) {
    t.problems.push({ row: r, col: -1, code: "second_total", first: t.totalRows[0] });
  }
  if (t.totalRows.length > 0) {
    t.result.reportedRow = t.totalRows[0];
    t.notes.push({ row: t.totalRows[0], col: -1, code: "total_row" });
  }
  t.recordRows = t.dataRows.filter((r) => !t.totalRows.includes(r) && !t.skipRows.has(r));
  describeShape(t);
}

/** Whether most filled cells of a column are numbers. */
function numeric(t, col) {
  const cells = t.dataRows
    .map((r) => cellText(t, r, col))
    .filter((s) => s !== "" && !DASHES.has(s));
  const numbers = cells.filter((s) => readNumber(s).kind === "number" && yearOfLabel(s) === null);
  return cells.length > 0 && numbers.length * 2 >= cells.length;
}

/**
 * Columns told by their cells: an unnamed or unknown column (or one of activities) whose
 * labels are all sources is the sources, all years the years. A column still unknown is a
 * question when the table needs it (no column of figures, or no column of labels), and a
 * remark otherwise (left out; its menu can change that).
 */
function inferColumns(t) {
  const { columns, headerRow } = t.result;
  const hasMeasure = columns.some((c) => MEASURE_FIELDS.includes(c.field) && !c.rowTotal);
  const hasSource = columns.some((c) => c.field === "source");
  for (const c of columns) {
    if (c.chosen || !(c.unknown || c.empty || (c.field === "category" && !hasSource))) continue;
    const labels = t.dataRows
      .map((r) => cellText(t, r, c.index))
      .filter((s) => s !== "" && !DASHES.has(s) && !isTotalLabel(s) && !isCounterpartLabel(s));
    if (labels.length === 0) continue;
    const told = labels.every((s) => sourceKeyOf(s)) && !hasSource
      ? "source"
      : labels.every((s) => yearOfLabel(s) !== null) && c.field !== "category"
        ? "year"
        : null;
    if (told) {
      Object.assign(c, { field: told, inferred: true, unknown: false, empty: false });
      const note = { row: headerRow, col: c.index, code: "inferred_column" };
      t.notes.push({ ...note, field: told, header: c.header });
      continue;
    }
    if (c.field) continue;
    const isNumbers = numeric(t, c.index);
    const hasLabel = columns.some((o) => o !== c && o.field && DIMENSIONS.includes(o.field));
    if ((isNumbers && !hasMeasure) || (!isNumbers && !hasLabel)) {
      askRole(t, c);
    } else {
      const code = c.empty ? "unnamed_column" : "unknown_column";
      t.notes.push({ row: headerRow, col: c.index, code, header: c.header });
    }
  }
}

/** A table needs a column of figures: without one (and no question about a column that may
 * be one), a problem at the header, whose menus can say which column it is. */
function hasFigures(t) {
  const { columns, headerRow, questions } = t.result;
  if (columns.some((c) => MEASURE_FIELDS.includes(c.field)) || questions.length > 0) return true;
  t.problems.push({ row: headerRow, col: -1, code: "no_figures" });
  return false;
}

/** A question about what a column holds, answered through the column's menu. */
function askRole(t, c) {
  t.result.questions.push({
    kind: "role",
    key: `role:${c.key}`,
    col: c.index,
    row: t.result.headerRow,
    header: c.header,
    answer: null,
  });
}

/** What the table holds, for the page to pick a kind of chart before the data is built. */
function describeShape(t) {
  const { columns } = t.result;
  const fields = new Set(columns.filter((c) => c.field && !c.rowTotal).map((c) => c.field));
  if (t.counterpartRows.size > 0) fields.add("counterpart");
  for (const f of t.measureRows.values()) fields.add(f);
  const distinct = {};
  for (const dim of DIMENSIONS) {
    const values = new Set();
    for (const c of columns.filter((col) => col.field === dim)) {
      for (const r of t.recordRows) {
        if (t.counterpartRows.has(r)) continue;
        const s = cellText(t, r, c.index);
        if (s !== "" && !DASHES.has(s)) values.add(normalize(s));
      }
    }
    for (const c of columns) if (c.field && c[dim] !== undefined) values.add(String(c[dim]));
    if (values.size > 0) fields.add(dim);
    distinct[dim] = values.size;
  }
  t.result.shape = { fields: [...fields], distinct };
}

/** Years: whole numbers of four digits (the package checks the range). */
function checkYears(t) {
  for (const c of t.result.columns.filter((col) => col.field === "year")) {
    for (const r of t.recordRows) {
      const text = cellText(t, r, c.index);
      if (text === "" || DASHES.has(text)) continue;
      if (yearOfLabel(text) === null) {
        t.problems.push({ row: r, col: c.index, code: "invalid_year", text });
      }
    }
  }
}

/**
 * Blank cells in a column of labels, under a filled one, in rows with figures: a merged cell
 * pasted as blanks (the row belongs to the label above), or rows without such a label (they
 * count in the totals only). The two give different charts: a question.
 */
function askMerged(t) {
  const hasFigure = (r) => t.result.columns.some((c) => t.values.has(`${r}:${c.index}`));
  for (const c of t.result.columns) {
    if (!c.field || !DIMENSIONS.includes(c.field)) continue;
    const rows = [];
    let above = null;
    for (const r of t.recordRows) {
      if (t.counterpartRows.has(r)) continue;
      const text = cellText(t, r, c.index);
      if (text !== "" && !DASHES.has(text)) above = r;
      else if (above !== null && text === "" && hasFigure(r)) rows.push({ row: r, from: above });
    }
    if (rows.length === 0) continue;
    const key = `merged:${c.key}`;
    const answer = ["fill", "blank"].includes(t.answers[key]) ? t.answers[key] : null;
    t.result.questions.push({
      kind: "merged",
      key,
      col: c.index,
      header: c.header,
      field: c.field,
      row: rows[0].row,
      rows: rows.map((x) => x.row),
      above: cellText(t, rows[0].from, c.index),
      answer,
    });
    if (answer === "fill") t.merged.set(c.index, new Map(rows.map((x) => [x.row, x.from])));
  }
}

/**
 * Where a package error's path points in a table read by readTable(): `{ row, col }` (col -1:
 * the whole row), `{ table: true }` for the table as a whole, or null when the path is not
 * about the table (a form field, an option).
 */
export function locateInTable(table, path) {
  let m = /^records\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const place = table.recordPlaces?.[Number(m[1])];
    const row = place?.row ?? table.recordRows[Number(m[1])];
    if (row === undefined) return { table: true };
    const col = m[2] !== undefined ? (place?.cols[m[2]] ?? table.fieldColumn[m[2]]) : undefined;
    return { row, col: col ?? -1 };
  }
  if (path === "records") return { table: true };
  m = /^reported(?:\.(\w+))?/.exec(path);
  if (m) {
    if (table.reportedRow < 0) return { table: true };
    const col = m[1] !== undefined ? table.fieldColumn[m[1]] : undefined;
    return { row: table.reportedRow, col: col ?? -1 };
  }
  m = /^sources\[(\d+)\]/.exec(path);
  if (m) {
    const source = table.data?.sources?.[Number(m[1])];
    const cell = source && table.sourceCells[source.key];
    return cell ? { ...cell } : { table: true };
  }
  return null;
}
