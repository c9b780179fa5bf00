// The columns of a pasted table: what each heading names, what the user chose for it in the
// column's menu, and the layout they make together. A table by source or by year ("KCQG |
// KCĐP", "2021 | 2022 | 2023") has several columns of one measure, one per source or year,
// and its "Tổng" column is each row's total; two columns of one measure otherwise are a
// problem. Part of the table reader (editor-table.js); pure.

import {
  AMOUNT_FIELDS,
  FIELDS,
  MEASURE_FIELDS,
  matchHeader,
  normalize,
  unitOfHeader,
} from "./editor-table-words.js";

/** What the menu on a column offers: the fields, and "ignore" (leave the column out). */
export const ROLES = [...FIELDS, "ignore"];

/** A stable name for a column across edits, for remembering the answers about it. */
export const columnKey = (index, header) => `${index}:${normalize(header)}`;

/** Reads the header row into `t.result.columns`, with the layout, the units and the notes. */
export function readColumns(t) {
  const { result } = t;
  const header = t.rows[result.headerRow];
  const columns = header.map((_, index) => columnOf(t, index, nameOf(t, index)));
  // Empty header cells after the last named one are not columns (a sheet's trailing cells).
  while (columns.length > 0 && columns[columns.length - 1].empty) columns.pop();
  result.columns.push(...columns);
  resolveLayout(t);
  readUnits(t);
  for (const c of columns) {
    if (c.ignored && !c.chosen) {
      const note = { row: result.headerRow, col: c.index, code: "ignored_column" };
      t.notes.push({ ...note, header: c.header });
    }
    if (c.field && !c.rowTotal && result.fieldColumn[c.field] === undefined) {
      result.fieldColumn[c.field] = c.index;
    }
  }
}

/** A header cell's name; an empty one under a merged cell takes the name above it. */
function nameOf(t, index) {
  const name = (t.rows[t.result.headerRow][index] ?? "").trim();
  if (name !== "") return name;
  for (let r = t.result.headerRow - 1; r >= t.firstRow; r--) {
    const above = (t.rows[r][index] ?? "").trim();
    if (above !== "") return above;
  }
  return "";
}

/** A column from its heading, or from the user's choice in its menu. */
function columnOf(t, index, name) {
  const match = matchHeader(name);
  const column = { index, header: name, key: columnKey(index, name), ...match };
  const chosen = t.answers[`role:${column.key}`];
  if (!ROLES.includes(chosen)) return column;
  const kept = MEASURE_FIELDS.includes(chosen)
    ? { source: match.source, year: match.year, bare: match.bare }
    : {};
  const role = chosen === "ignore" ? { ignored: true } : { field: chosen, ...kept };
  return { index, header: name, key: column.key, chosen: true, ...role };
}

const designatorOf = (c) =>
  c.source !== undefined ? `source:${c.source}` : c.year !== undefined ? `year:${c.year}` : null;

/**
 * Columns of one measure: several by source or by year make a table laid out that way (a
 * "Tổng" or unmarked column of that measure beside them is each row's total); otherwise the
 * source or year a single heading names is kept only when it is all the heading says ("2022",
 * "KCQG") or when every column of figures names the same one ("Kế hoạch 2022 | Thực hiện
 * 2022"), and a second column of one measure is a problem.
 */
function resolveLayout(t) {
  const { columns } = t.result;
  const figures = columns.filter((c) => c.field && MEASURE_FIELDS.includes(c.field));
  const shared = new Set(figures.map(designatorOf));
  for (const field of MEASURE_FIELDS) {
    const cols = figures.filter((c) => c.field === field);
    const marked = cols.filter((c) => designatorOf(c) && !c.total);
    const wide = marked.length >= 2 && new Set(marked.map(designatorOf)).size === marked.length;
    for (const c of cols) {
      if (wide && !marked.includes(c)) c.rowTotal = true;
      else if (!wide && designatorOf(c) && !c.bare && !(shared.size === 1 && figures.length > 1)) {
        delete c.source;
        delete c.year;
      }
    }
    const used = cols.filter((c) => !c.rowTotal);
    for (const [i, c] of used.entries()) {
      const first = used.find((o) => designatorOf(o) === designatorOf(c));
      if (i > 0 && (first !== c || (!wide && used.length > 1))) {
        const other = (first !== c ? first : used[0]).index;
        const problem = { row: t.result.headerRow, col: c.index, code: "duplicate_column" };
        t.problems.push({ ...problem, field, other });
      }
    }
  }
}

/** Units named in the headings of columns of amounts: one for the table, or a problem. */
function readUnits(t) {
  const { result } = t;
  for (const column of result.columns) {
    if (!AMOUNT_FIELDS.includes(column.field)) continue;
    const unit = unitOfHeader(column.header);
    if (!unit) continue;
    column.unit = unit;
    if (result.unit === null) {
      result.unit = unit;
      result.unitColumn = column.index;
    } else if (result.unit !== unit) {
      t.problems.push({
        row: result.headerRow,
        col: column.index,
        code: "unit_conflict",
        unit,
        other: result.unit,
      });
    }
  }
}
