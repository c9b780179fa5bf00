// The records of a pasted table, once every question about it is answered: part of the table
// reader (editor-table.js). Pure.
//
// The rules, each said to the user as a "reading" beside the preview:
// - A row of counterpart capital ("Vốn đối ứng") is never a source: its amount is the
//   counterpart capital of its group (the source, place or year its row names, "… của KCĐP",
//   or, written as a part of the row above, that row's), and on its own that of the total
//   (a record without a source: it counts in the totals only).
// - A row without the table's main figure (what was spent, or the plan when nothing was) is
//   left out of the chart altogether, its other figures (projects, plan) too: every total
//   then counts the same rows, and the ratios (share, attainment, leverage) divide figures of
//   the same rows.
// - A row with the main figure but without another one (a blank plan, counterpart or count,
//   or a count of the whole row beside a blank source cell) is settled in
//   editor-table-partial.js: the published total, or the journalist's answer.
// - The total row's figures are the published totals, except a published actual that differs
//   from the sum of the rows: the chart shows the sum, so that the shares are of the total
//   they add up to (100%). A published plan, counterpart or count of projects that differs
//   stays what the chart shows (95,2% = 170,4 / 179, as the press computes it), unless rows
//   were left out: the published figure then counts rows the chart does not, and the sum is
//   shown. The same holds for a row of counterpart capital of the whole table (or of a row
//   left out): it is left out with them, or the leverage would divide it by part of the
//   spending.

import { DASHES, sameAmount, sumAmounts } from "./editor-table-cells.js";
import {
  DIMENSIONS,
  MEASURE_FIELDS,
  isPartOf,
  normalize,
  sourceKeyOf,
  sourceOfCounterpart,
  stripPartOf,
  yearOfLabel,
} from "./editor-table-words.js";
import { designated, figureColumns, partOf, settlePartial } from "./editor-table-partial.js";

const DEFAULT_SOURCES = {
  kcqg: { key: "kcqg", label: "Khuyến công quốc gia", level: "national" },
  kcdp: { key: "kcdp", label: "Khuyến công địa phương", level: "local" },
};

const cellText = (t, row, col) => (t.rows[row]?.[col] ?? "").trim();

/** Builds `t.result.data` and the readings; see the rules above. Leaves `data` null while a
 * question about a figure some rows lack is open. `zeroed`: the questions whose blank cells
 * are read as 0, answered so (they are asked again with the rest, and said). */
export function buildData(t, zeroed = []) {
  const mark = { readings: t.result.readings.length, notes: t.notes.length };
  mark.questions = t.result.questions.length;
  const sources = sourceRegistry(t);
  let pieces = [];
  for (const r of t.recordRows) {
    if (!t.counterpartRows.has(r)) pieces.push(...piecesOfRow(t, r, sources));
  }
  const main = ["actual", "plan", "counterpart", "projects"].find((f) =>
    pieces.some((p) => p.record[f] !== undefined),
  );
  // Units (rows, or columns of a table of measures as rows) left out → their pieces.
  const left = new Map();
  pieces = keepRowsWithFigure(t, pieces, main, left);
  checkRowTotals(t);
  const published = publishedTotals(t);
  // In a table of measures as rows, a counterpart row is one more measure of each column.
  const cpRows = counterpartRowsOf(t, sources);
  const byColumn = t.measureRows.size > 0;
  const columnCp = byColumn ? cpRows.flatMap((c) => c.pieces) : [];
  const settled = settlePartial(t, [...pieces, ...columnCp.filter((p) => !left.has(p.unit))], {
    main,
    published,
    left,
    say: (item) => reading(t, item),
    labelOf: (unit) => labelOf(t, unit),
  });
  if (settled.zero.length > 0 && zeroed.length < 8) {
    // The blank cells are 0, as if typed: build again from the cells, saying nothing twice.
    t.result.readings.length = mark.readings;
    t.notes.length = mark.notes;
    t.result.questions.length = mark.questions;
    const digits = { negative: false, digits: "0" };
    for (const { row, col } of settled.zero.flatMap((q) => q.fills)) {
      t.values.set(`${row}:${col}`, digits);
    }
    buildData(t, [...zeroed, ...settled.zero]);
    return;
  }
  for (const q of zeroed) {
    t.result.questions.push(q);
    const { row, col, field, fills, units } = q;
    reading(t, { row, col, code: "partial_zero", field, fills, units });
  }
  if (settled.open || settled.zero.length > 0) return;
  pieces = settled.pieces;
  if (!byColumn) pieces.push(...counterpartPieces(t, cpRows, left));
  else if (!settled.dropped.has("counterpart")) sayCounterpartRows(t, cpRows, pieces);
  pieces.sort((a, b) => a.row - b.row || a.order - b.order);
  const data = { records: pieces.map((p) => p.record) };
  const reported = reportedOf(t, data.records, published, left.size > 0);
  if (reported) data.reported = reported;
  const declared = sources.declared();
  if (declared) data.sources = declared;
  Object.assign(t.result, {
    data,
    recordRows: pieces.map((p) => p.row),
    recordPlaces: pieces.map((p) => ({ row: p.row, cols: p.cols })),
  });
}

/** Says how a figure was read: beside the preview, and at its cell in the grid. */
function reading(t, item) {
  t.result.readings.push(item);
  t.notes.push({ ...item, preview: true });
}

/** Sources by label: the two default ones by name, any other declared as a source of its own
 * (with an ASCII key), in order of first appearance. */
function sourceRegistry(t) {
  const extras = [];
  const used = [];
  const keyOfLabel = new Map();
  const taken = new Set(["kcqg", "kcdp"]);
  const use = (key, row, col) => {
    if (!used.includes(key)) used.push(key);
    t.result.sourceCells[key] ??= { row, col };
    return key;
  };
  return {
    use,
    key(text, row, col) {
      const label = stripPartOf(text).trim().normalize("NFC");
      let key = sourceKeyOf(label) ?? keyOfLabel.get(normalize(label));
      if (!key) {
        key = extraKey(label, taken);
        taken.add(key);
        keyOfLabel.set(normalize(label), key);
        extras.push({ key, label, level: "other" });
      }
      return use(key, row, col);
    },
    declared: () =>
      extras.length === 0
        ? null
        : used.map((key) => DEFAULT_SOURCES[key] ?? extras.find((e) => e.key === key)),
  };
}

/** Label → key for a source that is not one of the two default ones: ASCII, unique. */
function extraKey(label, taken) {
  const base =
    normalize(label)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "nguon";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** The labels of a row (source, place, year, activity), a merged cell taking the label above
 * it when the user said so; `skip` is a column not to read (the row's own label in a table of
 * measures as rows, or a counterpart label). Returns { dims, cols }. */
function dimsOf(t, r, sources, skip = -1) {
  const dims = {};
  const cols = {};
  for (const c of t.result.columns) {
    if (!DIMENSIONS.includes(c.field) || c.index === skip) continue;
    let row = r;
    if (cellText(t, r, c.index) === "" && t.merged.get(c.index)?.has(r)) {
      row = t.merged.get(c.index).get(r);
    }
    const text = cellText(t, row, c.index).normalize("NFC");
    if (text === "" || DASHES.has(text)) continue;
    if (c.field === "source") dims.source = sources.key(text, row, c.index);
    else if (c.field === "year") dims.year = yearOfLabel(text);
    else dims[c.field] = text;
    cols[c.field] = c.index;
  }
  return { dims, cols };
}

/** A column's own source or year ("KCQG", "2022" as headings). */
function designation(t, c, sources) {
  if (c.source !== undefined) return { source: sources.use(c.source, t.result.headerRow, c.index) };
  if (c.year !== undefined) return { year: c.year };
  return {};
}

/** The figure of a cell as the data holds it (an answer about its scale applied), or
 * undefined for none. A negative amount goes on as written, so the package names it. */
function figureOf(t, r, c, field) {
  const key = `${r}:${c.index}`;
  const v = t.values.get(key);
  if (!v) return undefined;
  const digits = t.scaled.get(key) ?? v.digits;
  if (field === "projects") return v.negative ? -Number(digits) : Number(digits);
  return v.negative ? `-${digits}` : digits;
}

/** The records of a row: one, or one per column by source or year (or per column of a table
 * of measures as rows). Each piece knows the unit it is kept or left out with, and the part
 * of it its figures cover: "*" the whole unit, else the source or year of its column. */
function piecesOfRow(t, r, sources) {
  const rowField = t.measureRows.get(r);
  const { dims, cols } = dimsOf(t, r, sources, rowField ? t.labelCol.get(r) : -1);
  const base = { row: r, unit: `row:${r}`, part: "*", record: { ...dims }, cols: { ...cols } };
  base.order = -1;
  const out = [];
  for (const c of figureColumns(t)) {
    const field = rowField ?? c.field;
    const v = figureOf(t, r, c, field);
    if (v === undefined) continue;
    if (!designated(c) && !rowField) {
      base.record[field] = v;
      base.cols[field] = c.index;
      continue;
    }
    out.push({
      row: r,
      unit: rowField ? `col:${c.index}` : `row:${r}`,
      part: rowField ? "*" : partOf(c),
      record: { ...dims, ...designation(t, c, sources), [field]: v },
      cols: { ...cols, [field]: c.index },
      order: c.index,
    });
  }
  const hasFigure = MEASURE_FIELDS.some((f) => base.record[f] !== undefined);
  if (!rowField && (hasFigure || out.length === 0)) out.unshift(base);
  return out;
}

/** What a row or column is called in a message: its labels as written ("Khuyến công địa
 * phương", "Bình Định, Tư vấn"; the year only when it is the only one), or null. */
function labelOf(t, unit) {
  const [kind, n] = unit.split(":");
  const i = Number(n);
  if (kind === "col") return t.result.columns[i].header;
  const cols = t.result.columns.filter((c) => DIMENSIONS.includes(c.field) || c.unknown || c.empty);
  const labels = cols
    .map((c) => ({ year: c.field === "year", text: cellText(t, i, c.index) }))
    .filter((l) => l.text !== "" && !DASHES.has(l.text));
  const named = labels.some((l) => !l.year) ? labels.filter((l) => !l.year) : labels;
  return named.length > 0 ? named.map((l) => l.text).join(", ") : null;
}

/** Leaves out the rows (or, as rows, columns) without the main figure, saying so, and adds
 * their units to `left` (unit → pieces); notes a blank among the columns by source or year of
 * a row that is kept. */
function keepRowsWithFigure(t, pieces, main, left) {
  if (!main) return pieces;
  const units = new Map();
  for (const p of pieces) {
    if (!units.has(p.unit)) units.set(p.unit, []);
    units.get(p.unit).push(p);
  }
  const kept = [];
  const mainCols = figureColumns(t).filter((c) => c.field === main);
  for (const [unit, list] of units) {
    if (list.some((p) => p.record[main] !== undefined)) {
      kept.push(...list);
      if (unit.startsWith("row:")) noteBlankColumns(t, Number(unit.slice(4)), mainCols);
      continue;
    }
    left.set(unit, list);
    const projects = list.reduce((s, p) => s + (p.record.projects ?? 0), 0);
    const [kind, n] = unit.split(":");
    const row = kind === "row" ? Number(n) : t.result.headerRow;
    const col = kind === "col" ? Number(n) : (mainCols[0]?.index ?? -1);
    reading(t, { row, col, code: "no_figure", label: labelOf(t, unit), field: main, projects });
  }
  return kept;
}

function noteBlankColumns(t, r, mainCols) {
  if (t.measureRows.has(r)) return;
  for (const c of mainCols.filter(designated)) {
    if (t.values.has(`${r}:${c.index}`)) continue;
    const label = labelOf(t, `row:${r}`);
    reading(t, { row: r, col: c.index, code: "blank_part", label, header: c.header });
  }
}

/** In a table by source or year, each row's "Tổng" beside the sum of its parts. */
function checkRowTotals(t) {
  if (t.measureRows.size > 0) return;
  for (const c of t.result.columns.filter((col) => col.rowTotal)) {
    const parts = figureColumns(t).filter((p) => p.field === c.field && designated(p));
    for (const r of t.recordRows) {
      const v = figureOf(t, r, c, c.field);
      const values = parts.map((p) => figureOf(t, r, p, c.field)).filter((x) => x !== undefined);
      if (v === undefined || values.length === 0 || c.field === "projects") continue;
      const sum = sumAmounts(values);
      if (!sameAmount(sum, v)) {
        t.notes.push({ row: r, col: c.index, code: "row_total_differs", published: v, sum });
      }
    }
  }
}

/**
 * Rows of counterpart capital: the group each belongs to (see the rules above), and its amount
 * from the columns of amounts (spending first, else the plan). Returns one entry per row:
 * { row, col, label, dims, group, pieces }, its pieces kept with the row (`cp:<row>`) or, in a
 * table of measures as rows, with each column (`col:<column>`), as the other measures are.
 */
function counterpartRowsOf(t, sources) {
  const rows = [...t.counterpartRows.keys()].sort((a, b) => a - b);
  const others = t.recordRows.filter((r) => !t.counterpartRows.has(r));
  const loose = rows.filter((r) => {
    const col = t.counterpartRows.get(r);
    const own = dimsOf(t, r, sources, col).dims;
    const label = cellText(t, r, col);
    const placed = isPartOf(t.rows[r][col]) || sourceOfCounterpart(label);
    return Object.keys(own).length === 0 && !placed;
  });
  // One such row after (or before) every other row is the table's own: the total's. In a
  // table of measures as rows, it is like them: one figure per column.
  const alone =
    loose.length === 1 && (others.every((o) => o < loose[0]) || others.every((o) => o > loose[0]));
  const byColumn = t.measureRows.size > 0;
  return rows.map((r) => {
    const col = t.counterpartRows.get(r);
    const isTotals = byColumn || (alone && loose[0] === r);
    const { dims, cols, group } = counterpartGroup(t, r, sources, isTotals);
    const pieces = counterpartAmounts(t, r).map(({ c, v }) => ({
      row: r,
      unit: byColumn ? `col:${c.index}` : `cp:${r}`,
      part: "*",
      record: { ...dims, ...designation(t, c, sources), counterpart: v },
      cols: { ...cols, counterpart: c.index },
      order: c.index,
    }));
    return { row: r, col, label: cellText(t, r, col), dims, group, pieces };
  });
}

/** Whether a left-out piece belongs to the group of a counterpart row (every label of the
 * group is the piece's; the total's group has none, so any piece does). */
const inGroup = (dims, left) =>
  [...left.values()].some((list) =>
    list.some((p) => Object.entries(dims).every(([k, v]) => p.record[k] === v)),
  );

/** The pieces of the counterpart rows (not by column), said; a row whose group lost rows to
 * the rules above is left out too (`left`: unit → its pieces left out), and said. */
function counterpartPieces(t, cpRows, left) {
  const pieces = [];
  for (const { row, col, label, dims, group, pieces: own } of cpRows) {
    if (own.length === 0) {
      reading(t, { row, col, code: "no_counterpart", label });
      continue;
    }
    const amount = sumAmounts(own.map((p) => p.record.counterpart));
    if (inGroup(dims, left)) {
      reading(t, { row, col, code: "counterpart_left", label, amount, group });
      continue;
    }
    pieces.push(...own);
    reading(t, { row, col, code: "counterpart_row", label, amount, group });
  }
  return pieces;
}

/** In a table of measures as rows, the counterpart rows' pieces went with their columns:
 * each row says the amount the chart kept of it. */
function sayCounterpartRows(t, cpRows, pieces) {
  for (const { row, col, label, group, pieces: own } of cpRows) {
    const kept = own.filter((p) => pieces.includes(p));
    if (own.length === 0) reading(t, { row, col, code: "no_counterpart", label });
    else if (kept.length === 0) {
      const amount = sumAmounts(own.map((p) => p.record.counterpart));
      reading(t, { row, col, code: "counterpart_left", label, amount, group });
    } else {
      const amount = sumAmounts(kept.map((p) => p.record.counterpart));
      reading(t, { row, col, code: "counterpart_row", label, amount, group });
    }
  }
}

/** The group of a counterpart row: { dims, cols, group } where group is null for the total's,
 * else { label } of what it belongs to. */
function counterpartGroup(t, r, sources, isTotals) {
  const labelCol = t.counterpartRows.get(r);
  const label = cellText(t, r, labelCol);
  const own = dimsOf(t, r, sources, labelCol);
  const named = sourceOfCounterpart(label);
  if (named) {
    const dims = { ...own.dims, source: sources.use(named, r, labelCol) };
    return { ...own, dims, group: { label: DEFAULT_SOURCES[named].label } };
  }
  const ownLabel = Object.values(own.cols).map((c) => cellText(t, r, c)).join(", ");
  if (ownLabel) return { ...own, group: { label: ownLabel } };
  const above = isTotals
    ? undefined
    : t.recordRows.filter((o) => o < r && !t.counterpartRows.has(o)).at(-1);
  if (above === undefined) return { dims: {}, cols: {}, group: null };
  const inherited = dimsOf(t, above, sources);
  // Written in the column of activities, it is not an activity of its own.
  const labelField = t.result.columns[labelCol].field;
  if (labelField === "category") {
    delete inherited.dims.category;
    delete inherited.cols.category;
  }
  return { ...inherited, group: { label: labelOf(t, `row:${above}`) ?? "", row: above } };
}

/** The amounts of a counterpart row: from the columns of spending, else of the plan, else of
 * counterpart capital; what is left aside (a plan beside the spending, a count of projects)
 * is said. */
function counterpartAmounts(t, r) {
  const all = figureColumns(t)
    .filter((c) => c.field !== "projects")
    .map((c) => ({ c, v: figureOf(t, r, c, "counterpart") }))
    .filter((x) => x.v !== undefined);
  const field = ["actual", "plan", "counterpart"].find((f) => all.some((x) => x.c.field === f));
  const chosen = all.filter((x) => x.c.field === field);
  for (const x of all.filter((a) => a.c.field !== field)) {
    t.notes.push({ row: r, col: x.c.index, code: "counterpart_unused", field: x.c.field });
  }
  for (const c of figureColumns(t).filter((col) => col.field === "projects")) {
    if (cellText(t, r, c.index) !== "") {
      t.notes.push({ row: r, col: c.index, code: "counterpart_unused", field: "projects" });
    }
  }
  return chosen;
}

/** The total row's figure of each measure: its row-total column, its plain column, or the sum
 * of its columns by source or year; in a table of measures as rows, each row's total. */
function publishedOf(t, r) {
  const published = {};
  const cols = t.result.columns.filter((c) => c.field && MEASURE_FIELDS.includes(c.field));
  const put = (field, c) => {
    const v = figureOf(t, r, c, field);
    if (v !== undefined && published[field] === undefined) published[field] = { v, col: c.index };
  };
  for (const field of MEASURE_FIELDS) {
    const total = cols.find((c) => c.rowTotal && c.field === field);
    const plain = cols.find((c) => c.field === field && !c.rowTotal && !designated(c));
    if (total) put(field, total);
    else if (plain) put(field, plain);
    else {
      const parts = cols.filter((c) => c.field === field && designated(c));
      const values = parts.map((c) => figureOf(t, r, c, field));
      if (parts.length > 0 && values.every((v) => v !== undefined)) {
        const v = field === "projects" ? values.reduce((s, x) => s + x, 0) : sumAmounts(values);
        published[field] = { v, col: parts[0].index };
      }
    }
  }
  return published;
}

/** The published totals: field → { v, col, row } from the total row, or in a table of
 * measures as rows from its "Tổng" column. */
function publishedTotals(t) {
  const published = {};
  const r = t.result.reportedRow;
  if (r >= 0) {
    for (const [field, x] of Object.entries(publishedOf(t, r))) published[field] = { ...x, row: r };
  }
  const totalCol = t.result.columns.find((c) => c.rowTotal);
  const counterpartRows = [...t.counterpartRows.keys()].map((row) => [row, "counterpart"]);
  const measureRows = [...t.measureRows, ...counterpartRows];
  for (const [row, field] of t.measureRows.size > 0 && totalCol ? measureRows : []) {
    const v = figureOf(t, row, totalCol, field);
    if (v !== undefined && published[field] === undefined) {
      published[field] = { v, col: totalCol.index, row };
    }
  }
  return published;
}

/** The published totals, compared with the sums of the records (see the rules above);
 * `leftOut`: whether rows were left out, so that the published figures count more rows. */
function reportedOf(t, records, published, leftOut) {
  const reported = {};
  for (const [field, { v, col, row }] of Object.entries(published)) {
    reported[field] = v;
    const values = records.map((x) => x[field]).filter((x) => x !== undefined);
    if (values.length === 0) {
      if (leftOut) {
        delete reported[field];
        reading(t, { row, col, code: "total_left", field, published: String(v), sum: null });
      }
      continue;
    }
    const sum = field === "projects" ? values.reduce((s, x) => s + x, 0) : sumAmounts(values);
    const same = field === "projects" ? sum === v : sameAmount(sum, v);
    if (same) continue;
    const item = { row, col, code: "total_differs", field, published: String(v), sum: String(sum) };
    if (field !== "actual" && leftOut) {
      delete reported[field];
      reading(t, { ...item, code: "total_left" });
      continue;
    }
    if (field === "actual") {
      delete reported.actual;
      const counterpart = records.map((x) => x.counterpart).filter((x) => x !== undefined);
      item.withCounterpart =
        counterpart.length > 0 && sameAmount(sumAmounts([sum, ...counterpart]), v);
    }
    reading(t, { ...item, shown: field === "actual" ? "sum" : "published" });
  }
  return Object.keys(reported).length > 0 ? reported : null;
}
