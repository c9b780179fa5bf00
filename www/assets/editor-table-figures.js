// The figures of a pasted table: every cell of a column of figures read as a number, the
// column's notation decided by its cells or asked ("2.400": 2400 or 2.4?), and a figure about
// a thousand times off its column's others asked about ("1,5" among "2.400", "3.420"). Part of
// the table reader (editor-table.js); pure.

import {
  isAmbiguous,
  magnitude,
  provenNotation,
  readNumber,
  shiftAmount,
} from "./editor-table-cells.js";
import { AMOUNT_FIELDS, MEASURE_FIELDS, normalize } from "./editor-table-words.js";

/** The field a cell's figure is of: its row's measure in a table of measures as rows, else its
 * column's. */
export const fieldOfCell = (t, row, column) => t.measureRows.get(row) ?? column.field;

/**
 * Reads every cell of each column of figures, then decides the column's notation: the cells
 * that prove one (the majority wins, the others are problems), else a question.
 */
export function readFigures(t) {
  for (const column of t.result.columns) {
    if (!column.field || !MEASURE_FIELDS.includes(column.field)) continue;
    const col = column.index;
    const cells = t.dataRows
      .filter((r) => !(t.counterpartRows.has(r) && fieldOfCell(t, r, column) === "projects"))
      .map((r) => ({ row: r, n: wholeIfCount(t, r, column, readNumber(t.rows[r][col])) }));
    let bad = false;
    for (const c of cells) {
      if (c.n.kind === "invalid" || c.n.kind === "fraction") {
        const code = c.n.kind === "invalid" ? "not_a_number" : "not_an_integer";
        const field = fieldOfCell(t, c.row, column);
        t.problems.push({ row: c.row, col, code, text: c.n.text, field });
        bad = true;
      }
    }
    const { notation, contradicted } = notationOf(t, column, cells);
    if (contradicted || bad) continue;
    for (const c of cells) {
      if (c.n.kind !== "number") continue;
      // Readable one way only, the same both ways, or read in the column's notation (none yet:
      // a question is open, and nothing is built).
      let digits;
      if (c.n.vi === null) digits = c.n.en;
      else if (c.n.en === null || c.n.vi === c.n.en) digits = c.n.vi;
      else digits = notation ? c.n[notation] : null;
      if (digits !== null) t.values.set(`${c.row}:${col}`, { negative: c.n.negative, digits });
    }
  }
}

/** A count cannot have a fraction: a reading with one is no reading. */
function wholeIfCount(t, row, column, n) {
  if (n.kind !== "number" || fieldOfCell(t, row, column) !== "projects") return n;
  const vi = n.vi !== null && !n.vi.includes(".") ? n.vi : null;
  const en = n.en !== null && !n.en.includes(".") ? n.en : null;
  return vi === null && en === null
    ? { kind: "fraction", text: t.rows[row][column.index].trim() }
    : { ...n, vi, en };
}

/** The notation of a column: { notation, contradicted }; a question when nothing decides. */
function notationOf(t, column, cells) {
  const col = column.index;
  const proof = { vi: [], en: [] };
  for (const c of cells) {
    const p = provenNotation(c.n);
    if (p) proof[p].push(c);
  }
  if (proof.vi.length > 0 || proof.en.length > 0) {
    const first = [...proof.vi, ...proof.en].sort((a, b) => a.row - b.row)[0];
    const notation =
      proof.vi.length > proof.en.length
        ? "vi"
        : proof.en.length > proof.vi.length
          ? "en"
          : provenNotation(first.n);
    const other = notation === "vi" ? "en" : "vi";
    for (const c of proof[other]) {
      t.problems.push({
        row: c.row,
        col,
        code: "mixed_notation",
        text: t.rows[c.row][col].trim(),
        notation: other,
        example: t.rows[proof[notation][0].row][col].trim(),
        field: fieldOfCell(t, c.row, column),
      });
    }
    return { notation, contradicted: proof[other].length > 0 };
  }
  const ambiguous = cells.filter((c) => isAmbiguous(c.n));
  if (ambiguous.length === 0) return { notation: null, contradicted: false };
  const example = ambiguous[0];
  const answer = ["vi", "en"].includes(t.answers[column.key]) ? t.answers[column.key] : null;
  t.result.questions.push({
    kind: "notation",
    col,
    key: column.key,
    header: column.header,
    field: column.field,
    row: example.row,
    example: t.rows[example.row][col].trim(),
    vi: example.n.vi,
    en: example.n.en,
    count: ambiguous.length,
    answer,
  });
  return { notation: answer, contradicted: false };
}

/** The middle of the others: `sorted` holds every size of the group in order, `size` is the
 * one left out. Index arithmetic, not a sort per cell: a column of thousands of rows stays
 * linear after its one sort. */
function medianOfOthers(sorted, size) {
  let at = 0;
  for (let hi = sorted.length; at < hi; ) {
    const mid = (at + hi) >> 1;
    if (sorted[mid] < size) at = mid + 1;
    else hi = mid;
  }
  const n = sorted.length - 1;
  const nth = (i) => sorted[i < at ? i : i + 1];
  const mid = Math.floor(n / 2);
  return n % 2 ? nth(mid) : (nth(mid - 1) + nth(mid)) / 2;
}

/**
 * A figure about a thousand times smaller or larger than the others of its column ("1,5"
 * among "2.400", "3.420": written in tỷ among triệu?) asks which was meant, with both
 * readings. Only with two other figures to compare with, and only when the other reading
 * falls among them: a column of genuinely small and large items is left alone.
 */
export function askScale(t) {
  const groups = new Map();
  for (const column of t.result.columns) {
    if (!column.field || !MEASURE_FIELDS.includes(column.field)) continue;
    for (const r of t.recordRows) {
      const field = fieldOfCell(t, r, column);
      const v = t.values.get(`${r}:${column.index}`);
      if (!AMOUNT_FIELDS.includes(field) || t.counterpartRows.has(r) || !v || v.negative) continue;
      const size = magnitude(v.digits);
      if (size === 0) continue;
      const group = t.measureRows.has(r) ? `row:${r}` : `col:${column.index}:${field}`;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push({ row: r, column, digits: v.digits, size });
    }
  }
  for (const cells of groups.values()) {
    if (cells.length < 3) continue;
    const sorted = cells.map((c) => c.size).sort((a, b) => a - b);
    for (const cell of cells) {
      const m = medianOfOthers(sorted, cell.size);
      const off = Math.log10(cell.size / m);
      const places = off <= -2.5 ? 3 : off >= 2.5 ? -3 : 0;
      if (places === 0 || Math.abs(Math.log10((cell.size * 10 ** places) / m)) > 1) continue;
      askScaleOf(t, cell, places, cells.filter((c) => c !== cell));
    }
  }
}

function askScaleOf(t, cell, places, others) {
  const { row, column, digits } = cell;
  const text = t.rows[row][column.index].trim();
  const key = `scale:${row}:${column.index}:${normalize(text)}`;
  const answer = ["written", "scaled"].includes(t.answers[key]) ? t.answers[key] : null;
  const scaled = shiftAmount(digits, places);
  t.result.questions.push({
    kind: "scale",
    key,
    row,
    col: column.index,
    header: column.header,
    field: fieldOfCell(t, row, column),
    text,
    written: digits,
    scaled,
    places,
    examples: others.slice(0, 2).map((c) => t.rows[c.row][c.column.index].trim()),
    answer,
  });
  if (answer === "scaled") t.scaled.set(`${row}:${column.index}`, scaled);
  if (answer) {
    const value = answer === "scaled" ? scaled : digits;
    t.notes.push({ row, col: column.index, code: "scale_read", text, value });
  }
}

