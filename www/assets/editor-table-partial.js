// Figures that some rows of a pasted table have and others lack, beside the main figure (what
// was spent, or the plan when nothing was): part of the table reader (editor-table.js,
// editor-table-build.js). Pure.
//
// Why: the package's totals are sums of the records, and its ratios divide one total by
// another: attainment = spending / plan, leverage = counterpart / spending, and the count of
// projects stands beside the spending. With the plan of one row left blank, the total plan
// counts fewer rows than the total spending: "KCQG 2.500 / 2.400, KCĐP – / 3.420" would read
// "đạt 232,8% kế hoạch". The package cannot divide over some rows and keep the headline total
// of all of them, so such data is never built:
// - when the total row publishes that figure (and no row was left out), the published figure
//   is the total, as the press computes it; a row's own figure that covers more than the
//   row's spending (the count of a whole row beside a blank source cell) is taken off the row;
// - otherwise the page asks (question "partial"): the blank cells are 0 ("zero": management
//   costs have no projects, training attracts no counterpart capital; the cells are then read
//   as 0, as if typed; never for a plan), leave that figure out of the chart ("drop"), or
//   count only the rows that have it ("rows", as a row without spending is left out); when no
//   row has it in full and no cell can be read as 0, it is left out without asking.
// Every outcome is said beside the preview (a reading).
//
// What a figure covers: a plain column covers the whole row; a column by source or year
// ("KCQG | KCĐP") its part of the row. A figure is consistent in a row when it covers the same
// parts as the main figure: "Tỉnh | KCQG | KCĐP | Số đề án" with KCĐP blank has a count of the
// whole row beside the spending of KCQG alone, so that row's count is not consistent.

import { sumAmounts } from "./editor-table-cells.js";
import { MEASURE_FIELDS } from "./editor-table-words.js";

/** The figures checked against the main one, in the order they are asked about. */
const OTHERS = ["plan", "counterpart", "projects"];

/** Whether a column of figures is by source or year. */
export const designated = (c) => c.source !== undefined || c.year !== undefined;
/** The part of a row a column by source or year covers ("source:kcqg", "year:2022"). */
export const partOf = (c) => (c.source !== undefined ? `source:${c.source}` : `year:${c.year}`);
/** Columns whose cells go into records (a row's total column does not). */
export const figureColumns = (t) =>
  t.result.columns.filter((c) => c.field && MEASURE_FIELDS.includes(c.field) && !c.rowTotal);

const hasValue = (t, row, col) => t.values.has(`${row}:${col}`);

/**
 * Settles every figure some kept rows lack (see above). `pieces` are the kept pieces of rows
 * (editor-table-build.js: { row, unit, part, record, cols }); `left` maps a unit left out to
 * its pieces, and gains those the answers leave out; `published` is the total row's figures
 * (field → { v, col, row }); `say` pushes a reading; `labelOf(unit)` names a row or column.
 * Returns { pieces, dropped, zero, open }: `dropped` the fields left out of the chart, `zero`
 * the questions answered "zero" (the caller reads their cells as 0 and builds again), `open`
 * whether a question awaits its answer (every open question is asked at once).
 */
export function settlePartial(t, pieces, { main, published, left, say, labelOf }) {
  const whole = new Set(figureColumns(t).filter(designated).map(partOf));
  let kept = pieces;
  const dropped = new Set();
  const zero = [];
  let open = false;
  for (const field of OTHERS) {
    if (field === main) continue;
    const units = unitsOf(kept);
    const cover = (u, f) => covers(u, f, whole);
    if (!units.some((u) => cover(u, field).size > 0)) continue;
    const odd = units.filter((u) => !sameSet(cover(u, main), cover(u, field)));
    if (odd.length === 0) continue;
    const named = odd.map((u) => describe(t, u, { main, field, whole, labelOf }));
    if (left.size === 0 && published[field]) {
      // The total is published: each row keeps only what is its own.
      kept = without(kept, field, new Set(odd.map((u) => u.key)));
      for (const n of named) say({ ...n, code: "partial_published", field });
      continue;
    }
    const fine = units.filter((u) => !odd.includes(u));
    const first = { row: named[0].row, col: named[0].col, field, main, units: named };
    const fills = named.map((n) => n.blank ?? n);
    if (fine.length === 0 && (field === "plan" || fills.some((c) => c.col < 0))) {
      kept = without(kept, field);
      dropped.add(field);
      say({ ...first, code: "partial_dropped", auto: true });
      continue;
    }
    const q = askPartial(t, { first, odd, fine, kept, fills });
    if (q.answer === null) open = true;
    else if (q.answer === "zero") zero.push(q);
    else if (q.answer === "drop") {
      kept = without(kept, field);
      dropped.add(field);
      say({ ...first, code: "partial_dropped", auto: false });
    } else {
      for (const u of odd) left.set(u.key, u.pieces);
      kept = kept.filter((p) => !left.has(p.unit));
      unsay(t, odd);
      say({ ...first, code: "partial_rows", amount: total(odd.flatMap((u) => u.pieces), main) });
    }
  }
  return { pieces: kept, dropped, zero, open };
}

/**
 * The question about one figure. Its key names the blank cells (or the rows), so that an
 * answer is never applied to other cells after an edit. The choices: "zero" when every blank
 * is a cell that can be read as 0 (`fills`), "drop", and "rows" when some row has the figure
 * in full.
 */
function askPartial(t, { first, odd, fine, kept, fills }) {
  const { field, main } = first;
  const known = fills.every((c) => c.col >= 0);
  // A plan of 0 is no plan (its attainment has no meaning): a 0 there is typed, not offered.
  const canZero = field !== "plan" && known;
  const names = odd.map((u, i) => (known ? `r${fills[i].row}c${fills[i].col}` : u.key));
  const key = `partial:${field}:${names.join(",")}`;
  const choices = [...(canZero ? ["zero"] : []), "drop", ...(fine.length > 0 ? ["rows"] : [])];
  const answer = choices.includes(t.answers[key]) ? t.answers[key] : null;
  const finePieces = fine.flatMap((u) => u.pieces);
  const q = {
    kind: "partial",
    key,
    ...first,
    choices,
    fills: canZero ? fills.map(({ row, col }) => ({ row, col })) : [],
    cells: first.units
      .flatMap((n) => (n.blank ? [n, n.blank] : [n]))
      .filter((c) => c.col >= 0)
      .map(({ row, col }) => ({ row, col })),
    total: { main: total(kept, main), field: total(kept, field) },
    kept: { main: total(finePieces, main), field: total(finePieces, field) },
    answer,
  };
  t.result.questions.push(q);
  return q;
}

/** A row left out has no blank part to speak of: its "blank_part" reading goes (the reading
 * that leaves it out says it all). */
function unsay(t, units) {
  const rows = new Set(units.filter((u) => u.key.startsWith("row:")).map((u) => u.pieces[0].row));
  const kept = (item) => !(item.code === "blank_part" && rows.has(item.row));
  t.result.readings = t.result.readings.filter(kept);
  t.notes.splice(0, t.notes.length, ...t.notes.filter(kept));
}

/** Pieces grouped by the unit they are kept or left out with, in order. */
function unitsOf(pieces) {
  const units = new Map();
  for (const p of pieces) {
    if (!units.has(p.unit)) units.set(p.unit, { key: p.unit, pieces: [] });
    units.get(p.unit).pieces.push(p);
  }
  return [...units.values()];
}

/** The parts of a unit `field` is given for: a row's whole ("*", or every source or year of
 * the table's columns by source or year), or the parts of its columns. */
function covers(unit, field, whole) {
  const all = unit.key.startsWith("row:") && whole.size > 0 ? [...whole] : ["*"];
  const set = new Set();
  for (const p of unit.pieces) {
    if (p.record[field] === undefined) continue;
    for (const part of p.part === "*" ? all : [p.part]) set.add(part);
  }
  return set;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

/** The sum of a field over pieces: a count, or an exact amount; null when none has it. */
function total(pieces, field) {
  const values = pieces.map((p) => p.record[field]).filter((v) => v !== undefined);
  if (values.length === 0) return null;
  return field === "projects" ? values.reduce((s, v) => s + v, 0) : sumAmounts(values);
}

/** The pieces with `field` taken off (of the units in `only`, or of all); a piece left with no
 * figure goes (a record needs one). */
function without(pieces, field, only = null) {
  for (const p of pieces) {
    if (only && !only.has(p.unit)) continue;
    delete p.record[field];
    delete p.cols[field];
  }
  return pieces.filter((p) => MEASURE_FIELDS.some((f) => p.record[f] !== undefined));
}

/**
 * What a unit lacks, for the words: { place, label, kind, row, col, value?, blank? } where kind
 * is "none" (no such figure: row, col is its blank cell), "whole" (a figure of the whole row,
 * at row, col, beside a blank part of the main figure: blank = { row, col, header }) or "part"
 * (some parts given, not those of the main figure: row, col is a blank cell).
 */
function describe(t, unit, { main, field, whole, labelOf }) {
  const [kind, n] = unit.key.split(":");
  const i = Number(n);
  const out = { place: unit.key, label: labelOf(unit.key), byColumn: kind === "col" };
  if (kind === "col") {
    // A table of measures as rows: the blank is on the row of that measure.
    const rows = field === "counterpart" ? [...t.counterpartRows.keys()] : [];
    for (const [r, f] of t.measureRows) if (f === field) rows.push(r);
    return { ...out, kind: "none", row: rows[0] ?? t.result.headerRow, col: i };
  }
  const mainSet = covers(unit, main, whole);
  const set = covers(unit, field, whole);
  const cols = figureColumns(t);
  const plain = cols.find((c) => c.field === field && !designated(c));
  const own = cols.filter((c) => c.field === field && designated(c));
  const blankOwn = own.find((c) => mainSet.has(partOf(c)) && !hasValue(t, i, c.index));
  if (set.size === 0) {
    const c = plain ?? blankOwn ?? own[0];
    return { ...out, kind: "none", row: i, col: c ? c.index : -1 };
  }
  const base = unit.pieces.find((p) => p.part === "*" && p.record[field] !== undefined);
  const blankMain = cols.find(
    (c) => c.field === main && designated(c) && !mainSet.has(partOf(c)) && !hasValue(t, i, c.index),
  );
  if (base && blankMain) {
    const blank = { row: i, col: blankMain.index, header: blankMain.header };
    const value = base.record[field];
    return { ...out, kind: "whole", row: i, col: base.cols[field], value, blank };
  }
  const c = blankOwn ?? blankMain;
  return { ...out, kind: "part", row: i, col: c ? c.index : -1 };
}
