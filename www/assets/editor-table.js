// The editor's table reader (editor.html): turns a table pasted from Excel or Google Sheets
// into data of schema version 1, and says exactly which cell is wrong when it cannot.
//
// Pure: no DOM, no browser global, no wasm. Every number is handled as text, never through
// parseFloat, so "2.400,5" becomes the canonical "2400.5" digit for digit. Problems come back
// as codes with parameters (the page words them in its language) and a place in the table:
// { row, col }, where row indexes the parsed rows (the header included) and col the cells of a
// row, -1 for the whole row.
//
// Notation: a number such as "2.400" or "1,500" reads two ways (2.4 or 2400; 1.5 or 1500).
// Each amount column is read in one notation, decided by its unambiguous cells ("80,9" is
// Vietnamese, "80.9" is international); when none of its cells decides, the reader returns a
// question and builds nothing until the page passes the answer back. It never guesses.

/** Fields of a record that a column can hold. */
export const FIELDS = [
  "source",
  "region",
  "year",
  "category",
  "plan",
  "actual",
  "counterpart",
  "projects",
];
/** Fields holding amounts of money (canonical decimal strings in the data). */
export const AMOUNT_FIELDS = ["plan", "actual", "counterpart"];
/** Fields with figures: a record needs at least one, a header at least one such column. */
export const MEASURE_FIELDS = ["plan", "actual", "counterpart", "projects"];
/** Fields holding text. */
export const TEXT_FIELDS = ["source", "region", "category"];

/** The two ways of writing numbers: decimal mark and grouping mark. */
export const NOTATIONS = {
  vi: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

// Header names, without diacritics, lower case, single spaces (see normalize()).
const HEADER_NAMES = {
  source: [
    "nguon",
    "nguon kinh phi",
    "nguon von",
    "nguon ngan sach",
    "loai nguon",
    "source",
    "funding source",
    "source of funds",
    "fund",
    "funds",
  ],
  region: [
    "tinh",
    "tinh thanh pho",
    "tinh thanh",
    "tinh tp",
    "thanh pho",
    "dia phuong",
    "dia ban",
    "khu vuc",
    "vung",
    "ten tinh",
    "don vi",
    "region",
    "province",
    "provinces",
    "province city",
    "locality",
    "area",
  ],
  year: ["nam", "nam thuc hien", "year"],
  category: [
    "noi dung",
    "noi dung hoat dong",
    "noi dung ho tro",
    "hoat dong",
    "hoat dong khuyen cong",
    "linh vuc",
    "nhom hoat dong",
    "category",
    "activity",
    "activities",
  ],
  plan: [
    "ke hoach",
    "kinh phi ke hoach",
    "ke hoach kinh phi",
    "ke hoach giao",
    "du toan",
    "du toan giao",
    "kh",
    "plan",
    "planned",
    "budget",
    "plan budget",
  ],
  actual: [
    "thuc hien",
    "kinh phi thuc hien",
    "thuc hien kinh phi",
    "giai ngan",
    "da giai ngan",
    "kinh phi giai ngan",
    "th",
    "actual",
    "spent",
    "spending",
    "disbursed",
    "actual spending",
  ],
  counterpart: [
    "von doi ung",
    "doi ung",
    "kinh phi doi ung",
    "von doi ung cua doanh nghiep",
    "counterpart",
    "counterpart capital",
    "counterpart funds",
    "matching funds",
  ],
  projects: [
    "so de an",
    "de an",
    "so luong de an",
    "so chuong trinh de an",
    "projects",
    "number of projects",
    "project count",
    "no of projects",
  ],
};

// Columns that are deliberately not used: row numbers, remarks, percentages.
const IGNORED_NAMES = [
  "stt",
  "tt",
  "so tt",
  "so thu tu",
  "no",
  "#",
  "ghi chu",
  "note",
  "notes",
  "remarks",
  "ty le",
  "ty le %",
  "%",
  "ty trong",
  "dat",
  "dat %",
  "share",
  "rate",
];

// Units named in a header ("Kế hoạch (tỷ đồng)"), by the schema's unit key.
const UNIT_NAMES = [
  ["ty_dong", ["ty dong", "ty d", "ty", "billion vnd", "billion dong", "bn vnd", "ty vnd"]],
  [
    "trieu_dong",
    ["trieu dong", "trieu d", "tr d", "trd", "trieu", "million vnd", "million dong", "trieu vnd"],
  ],
  [
    "nghin_dong",
    ["nghin dong", "ngan dong", "nghin d", "ngan d", "nghin", "thousand vnd", "thousand dong"],
  ],
  ["dong", ["dong", "vnd", "d"]],
];

const KCQG_NAMES = [
  "kcqg",
  "khuyen cong quoc gia",
  "kinh phi khuyen cong quoc gia",
  "quoc gia",
  "national",
  "national industrial promotion",
  "national promotion",
];
const KCDP_NAMES = [
  "kcdp",
  "khuyen cong dia phuong",
  "kinh phi khuyen cong dia phuong",
  "dia phuong",
  "local",
  "local industrial promotion",
  "local promotion",
];

// A row whose label is one of these is the table's total line: it becomes `reported`.
const TOTAL_NAMES = [
  "tong",
  "tong cong",
  "cong",
  "tong so",
  "tong kinh phi",
  "tong cong toan vung",
  "toan vung",
  "total",
  "grand total",
  "sum",
];

const DASHES = new Set(["-", "–", "—", "−", "x"]);
const SPACES = /[ \u00a0\u2007\u202f]/g;

/**
 * Lower case, without diacritics (đ → d), punctuation turned into spaces, spaces collapsed.
 * "Kế hoạch (tỷ đồng)" → "ke hoach ty dong"; "KCĐP" → "kcdp".
 */
export function normalize(text) {
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9#%]+/g, " ")
    .trim();
}

/**
 * Splits text copied from a spreadsheet into rows of cells: tabs between cells, CR LF or LF
 * between rows, and cells with a tab, a line break or a quote in them quoted the way Excel and
 * Google Sheets quote them ("a ""b"""). A final line break ends the last row; it does not add
 * an empty one.
 */
export function parseTsv(text) {
  const s = String(text).replace(/^\ufeff/, "");
  const rows = [];
  let row = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the quote that is not doubled.
      let j = i + 1;
      let value = "";
      let closed = false;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += s[j];
        j++;
      }
      // Only a proper quoted cell (closed, then a separator or the end) is read as one;
      // otherwise the quote is just a character (a cell like "5" screen").
      if (closed && (j >= s.length || s[j] === "\t" || s[j] === "\n" || s[j] === "\r")) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Rows back into text that parseTsv reads the same (quoting only where needed). */
export function toTsv(rows) {
  return rows
    .map((cells) =>
      cells.map((c) => (/[\t\n\r"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join("\t"),
    )
    .join("\n");
}

/** The unit a header names ("Kế hoạch (tỷ đồng)" → "ty_dong"), or null. */
export function unitOfHeader(header) {
  const inParens = [...String(header).matchAll(/[([]([^)\]]*)[)\]]/g)].map((m) => normalize(m[1]));
  const whole = normalize(header);
  for (const [unit, names] of UNIT_NAMES) {
    for (const name of names) {
      if (inParens.includes(name)) return unit;
      // Outside brackets only the longer, unmistakable names count ("... tỷ đồng").
      if (name.length >= 6 && (whole === name || whole.endsWith(` ${name}`))) return unit;
    }
  }
  return null;
}

/** The header without a bracketed or trailing unit: "Kế hoạch (tỷ đồng)" → "ke hoach". */
function headerKey(header) {
  let h = normalize(String(header).replace(/[([][^)\]]*[)\]]/g, " "));
  for (const [, names] of UNIT_NAMES) {
    for (const name of names) {
      if (name.length >= 6 && h.endsWith(` ${name}`)) h = h.slice(0, -name.length - 1).trim();
    }
  }
  return h;
}

/**
 * What a header cell names: `{ field }` for a known column, `{ ignored: true }` for a column
 * deliberately left out (STT, Ghi chú, percentages), `{ unknown: true }` otherwise, and
 * `{ empty: true }` for an empty cell. Vietnamese or English, with or without diacritics,
 * any case; a unit in brackets is allowed ("Thực hiện (triệu đồng)").
 */
export function matchHeader(header) {
  if (String(header).trim() === "") return { empty: true };
  const h = headerKey(header);
  if (IGNORED_NAMES.includes(h) || IGNORED_NAMES.includes(normalize(header))) {
    return { ignored: true };
  }
  let best = null;
  for (const field of FIELDS) {
    for (const name of HEADER_NAMES[field]) {
      if (h === name) return { field };
      // "Kế hoạch năm 2022", "Vốn đối ứng thu hút": the name followed by more words. Short
      // abbreviations (KH, TH) only ever match whole.
      if (name.length >= 4 && h.startsWith(`${name} `) && (!best || name.length > best.len)) {
        best = { field, len: name.length };
      }
    }
  }
  return best ? { field: best.field } : { unknown: true };
}

/** The source key a label stands for: "kcqg", "kcdp" or null (another source). */
export function sourceKeyOf(label) {
  const full = normalize(label);
  const outside = normalize(String(label).replace(/\([^)]*\)/g, " "));
  const inside = [...String(label).matchAll(/\(([^)]*)\)/g)].map((m) => normalize(m[1]));
  const candidates = [full, outside, ...inside];
  if (candidates.some((c) => KCQG_NAMES.includes(c))) return "kcqg";
  if (candidates.some((c) => KCDP_NAMES.includes(c))) return "kcdp";
  return null;
}

/** Whether a cell's text marks the total row ("Tổng cộng", "Cộng", "Total"). */
export function isTotalLabel(text) {
  return TOTAL_NAMES.includes(normalize(text));
}

/** Digits without leading zeros ("007" → "7", "000" → "0"). */
function stripZeros(int) {
  const s = int.replace(/^0+/, "");
  return s === "" ? "0" : s;
}

/** Canonical amount text from integer digits and fraction digits: "2400" + "50" → "2400.5". */
export function canonical(int, frac = "") {
  const f = frac.replace(/0+$/, "");
  return f === "" ? stripZeros(int) : `${stripZeros(int)}.${f}`;
}

/** The canonical reading of `t` (digits, dots and commas only) in `notation`, or null. */
function readAs(t, notation) {
  const { decimal, group } = NOTATIONS[notation];
  const d = decimal === "," ? "," : "\\.";
  const g = group === "," ? "," : "\\.";
  const grouped = new RegExp(`^([1-9]\\d{0,2}(?:${g}\\d{3})+)(?:${d}(\\d+))?$`);
  const plain = new RegExp(`^(\\d+)(?:${d}(\\d+))?$`);
  const m = grouped.exec(t) ?? plain.exec(t);
  if (!m) return null;
  return canonical(m[1].split(group).join(""), m[2] ?? "");
}

/**
 * Reads one cell of a number column, as text. Returns
 * - `{ kind: "empty" }` for nothing, or a dash ("–", "-", "x": no figure),
 * - `{ kind: "invalid", text }` when it is not a number in any notation,
 * - `{ kind: "number", negative, vi, en }` with the canonical reading in each notation (null
 *   where the text is not a number in that notation). When `vi` and `en` differ and both are
 *   set, the cell alone cannot tell which is meant ("2.400": "2400" or "2.4").
 * Accepted: grouping with dots, commas or spaces (in threes), one decimal mark, a leading
 * minus or accounting brackets for a negative ("(5,2)").
 */
export function readNumber(text) {
  let t = String(text).trim();
  if (t === "" || DASHES.has(t)) return { kind: "empty" };
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  } else if (/^[-−–]/.test(t)) {
    negative = true;
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) {
    t = t.slice(1).trim();
  }
  // Spaces group thousands in some sheets ("1 234,5"); only in threes.
  if (/[ \u00a0\u2007\u202f]/.test(t)) {
    if (!/^[1-9]\d{0,2}(?:[ \u00a0\u2007\u202f]\d{3})+(?:[.,]\d+)?$/.test(t)) {
      return { kind: "invalid", text: String(text).trim() };
    }
    t = t.replace(SPACES, "");
  }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return { kind: "invalid", text: String(text).trim() };
  const vi = readAs(t, "vi");
  const en = readAs(t, "en");
  if (vi === null && en === null) return { kind: "invalid", text: String(text).trim() };
  return { kind: "number", negative, vi, en };
}

/** The notation a read cell proves ("vi" or "en"), or null when it reads the same in both or
 * reads two ways. */
function provenNotation(n) {
  if (n.kind !== "number") return null;
  if (n.vi !== null && n.en === null) return "vi";
  if (n.en !== null && n.vi === null) return "en";
  return null;
}

const isAmbiguous = (n) => n.kind === "number" && n.vi !== null && n.en !== null && n.vi !== n.en;

/** A stable name for a column across edits, for remembering the answer to its question. */
export const columnKey = (index, header) => `${index}:${normalize(header)}`;

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

/**
 * Reads a pasted table. `answers` maps a column key (columnKey()) to "vi" or "en": the
 * notation the user chose for an ambiguous column.
 *
 * Returns {
 *   rows,            // the cells as parsed (header included)
 *   headerRow,       // index of the header row in rows (-1 when none was found)
 *   columns,         // per header cell: { index, header, key, field?, ignored?, unknown?, unit? }
 *   unit,            // the unit named in the headers, or null
 *   unitColumn,      // the column that named it
 *   questions,       // ambiguous columns: { col, key, header, field, example, row, vi, en, answer }
 *   problems,        // [{ row, col, code, ...params }], empty when the data could be built
 *   notes,           // non-blocking remarks: [{ row, col, code, ...params }]
 *   data,            // { records, reported?, sources? } or null (problems, or a question unanswered)
 *   recordRows,      // recordRows[i] = the row records[i] came from
 *   reportedRow,     // the row `reported` came from, or -1
 *   sourceCells,     // source key → { row, col } of its first cell
 *   fieldColumn,     // field → column index
 * }
 */
export function readTable(text, { answers = {} } = {}) {
  const rows = parseTsv(text);
  const problems = [];
  const notes = [];
  const result = {
    rows,
    headerRow: -1,
    columns: [],
    unit: null,
    unitColumn: -1,
    questions: [],
    problems,
    notes,
    data: null,
    recordRows: [],
    reportedRow: -1,
    sourceCells: {},
    fieldColumn: {},
  };
  const blank = (cells) => cells.every((c) => c.trim() === "");
  const firstRow = rows.findIndex((cells) => !blank(cells));
  if (firstRow < 0) {
    problems.push({ row: -1, col: -1, code: "empty_table" });
    return result;
  }

  // The header: the first of the first five non-blank rows that names a figure column (a
  // title line or a merged group header above it is skipped).
  let headerRow = -1;
  for (let r = firstRow, seen = 0; r < rows.length && seen < 5; r++) {
    if (blank(rows[r])) continue;
    seen++;
    if (rows[r].some((c) => MEASURE_FIELDS.includes(matchHeader(c).field))) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) {
    problems.push({ row: firstRow, col: -1, code: "no_header" });
    return result;
  }
  result.headerRow = headerRow;
  for (let r = firstRow; r < headerRow; r++) {
    if (!blank(rows[r])) notes.push({ row: r, col: -1, code: "skipped_row" });
  }

  // Columns. An empty header cell under a merged cell takes the name from the row above.
  const header = rows[headerRow];
  const fieldColumn = result.fieldColumn;
  header.forEach((cell, index) => {
    let name = cell.trim();
    if (name === "") {
      for (let r = headerRow - 1; r >= firstRow; r--) {
        if ((rows[r][index] ?? "").trim() !== "") {
          name = rows[r][index].trim();
          break;
        }
      }
    }
    const match = matchHeader(name);
    const column = { index, header: name, key: columnKey(index, name), ...match };
    if (match.field) {
      if (fieldColumn[match.field] !== undefined) {
        problems.push({
          row: headerRow,
          col: index,
          code: "duplicate_column",
          field: match.field,
          other: fieldColumn[match.field],
        });
      } else {
        fieldColumn[match.field] = index;
      }
      if (AMOUNT_FIELDS.includes(match.field)) {
        const unit = unitOfHeader(name);
        if (unit) {
          column.unit = unit;
          if (result.unit === null) {
            result.unit = unit;
            result.unitColumn = index;
          } else if (result.unit !== unit) {
            problems.push({
              row: headerRow,
              col: index,
              code: "unit_conflict",
              unit,
              other: result.unit,
            });
          }
        }
      }
    } else if (match.unknown) {
      notes.push({ row: headerRow, col: index, code: "unknown_column", header: name });
    } else if (match.ignored) {
      notes.push({ row: headerRow, col: index, code: "ignored_column", header: name });
    }
    result.columns.push(column);
  });
  // Empty header cells after the last named one are not columns (a sheet's trailing cells).
  while (result.columns.length > 0 && result.columns[result.columns.length - 1].empty) {
    result.columns.pop();
  }
  const width = result.columns.length;

  // Data rows: every non-blank row after the header. Cells past the header's width are
  // tolerated when empty.
  const dataRows = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    if (blank(rows[r])) continue;
    let cells = rows[r];
    while (cells.length > width && cells[cells.length - 1].trim() === "") {
      cells = cells.slice(0, -1);
    }
    if (cells.length !== width) {
      problems.push({ row: r, col: -1, code: "cell_count", count: cells.length, expected: width });
      continue;
    }
    dataRows.push(r);
  }
  if (dataRows.length === 0 && !problems.some((p) => p.code === "cell_count")) {
    problems.push({ row: headerRow, col: -1, code: "no_rows" });
  }
  // A column without a name is left out; say so when it holds something.
  for (const c of result.columns) {
    if (c.empty && dataRows.some((r) => (rows[r][c.index] ?? "").trim() !== "")) {
      notes.push({ row: headerRow, col: c.index, code: "unnamed_column" });
    }
  }

  // The total row: labelled "Tổng cộng" (or similar) in a text column or an unnamed one.
  const labelColumns = result.columns.filter(
    (c) => !MEASURE_FIELDS.includes(c.field) && c.field !== "year",
  );
  const totalRows = dataRows.filter((r) =>
    labelColumns.some((c) => isTotalLabel(rows[r][c.index] ?? "")),
  );
  if (totalRows.length > 1) {
    for (const r of totalRows.slice(1)) {
      problems.push({ row: r, col: -1, code: "second_total", first: totalRows[0] });
    }
  }
  const reportedRow = totalRows.length > 0 ? totalRows[0] : -1;
  if (reportedRow >= 0) notes.push({ row: reportedRow, col: -1, code: "total_row" });
  const recordRows = dataRows.filter((r) => !totalRows.includes(r));

  // Numbers: read every cell of each figure column, then decide its notation.
  const values = new Map(); // `${row}:${col}` → canonical text (amounts) or number (projects, year)
  for (const field of MEASURE_FIELDS) {
    const col = fieldColumn[field];
    if (col === undefined) continue;
    const cells = dataRows.map((r) => ({ row: r, n: readNumber(rows[r][col]) }));
    const integer = field === "projects";
    // A count cannot have a fraction: a reading with one is no reading.
    if (integer) {
      for (const c of cells) {
        if (c.n.kind !== "number") continue;
        const vi = c.n.vi !== null && !c.n.vi.includes(".") ? c.n.vi : null;
        const en = c.n.en !== null && !c.n.en.includes(".") ? c.n.en : null;
        c.n =
          vi === null && en === null
            ? { kind: "fraction", text: rows[c.row][col].trim() }
            : { ...c.n, vi, en };
      }
    }
    let bad = false;
    for (const c of cells) {
      if (c.n.kind === "invalid") {
        problems.push({ row: c.row, col, code: "not_a_number", text: c.n.text, field });
        bad = true;
      } else if (c.n.kind === "fraction") {
        problems.push({ row: c.row, col, code: "not_an_integer", text: c.n.text, field });
        bad = true;
      }
    }
    // Notation: the cells that prove one; the majority wins, the others are flagged.
    const proof = { vi: [], en: [] };
    for (const c of cells) {
      const p = provenNotation(c.n);
      if (p) proof[p].push(c);
    }
    let notation = null;
    if (proof.vi.length > 0 || proof.en.length > 0) {
      const first = [...proof.vi, ...proof.en].sort((a, b) => a.row - b.row)[0];
      notation =
        proof.vi.length > proof.en.length
          ? "vi"
          : proof.en.length > proof.vi.length
            ? "en"
            : provenNotation(first.n);
      const other = notation === "vi" ? "en" : "vi";
      for (const c of proof[other]) {
        problems.push({
          row: c.row,
          col,
          code: "mixed_notation",
          text: rows[c.row][col].trim(),
          notation: other,
          example: rows[proof[notation][0].row][col].trim(),
          field,
        });
        bad = true;
      }
    }
    const ambiguous = cells.filter((c) => isAmbiguous(c.n));
    if (notation === null && ambiguous.length > 0) {
      const header = result.columns[col];
      const example = ambiguous[0];
      const answer = ["vi", "en"].includes(answers[header.key]) ? answers[header.key] : null;
      result.questions.push({
        col,
        key: header.key,
        header: header.header,
        field,
        row: example.row,
        example: rows[example.row][col].trim(),
        vi: example.n.vi,
        en: example.n.en,
        count: ambiguous.length,
        answer,
      });
      notation = answer;
    }
    if (bad) continue;
    for (const c of cells) {
      if (c.n.kind !== "number") continue;
      // Readable one way only, the same both ways, or read in the column's notation (none
      // yet: a question is open, and nothing is built).
      let digits;
      if (c.n.vi === null) digits = c.n.en;
      else if (c.n.en === null || c.n.vi === c.n.en) digits = c.n.vi;
      else digits = notation ? c.n[notation] : null;
      if (digits !== null) values.set(`${c.row}:${col}`, { negative: c.n.negative, digits });
    }
  }

  // Years: whole numbers of four digits (the package checks the range).
  const yearCol = fieldColumn.year;
  if (yearCol !== undefined) {
    for (const r of recordRows) {
      const t = (rows[r][yearCol] ?? "").trim();
      if (t === "" || DASHES.has(t)) continue;
      if (!/^\d{4}$/.test(t))
        problems.push({ row: r, col: yearCol, code: "invalid_year", text: t });
    }
  }

  if (problems.length > 0 || result.questions.some((q) => q.answer === null)) return result;

  // Sources: the two default ones by name, any other label declared as a source of its own.
  const sourceCol = fieldColumn.source;
  const extras = []; // { key, label }
  const used = []; // keys in order of first appearance
  const keyOfLabel = new Map(); // normalized label → key
  const takenKeys = new Set(["kcqg", "kcdp"]);
  const sourceOf = (r) => {
    const label = (rows[r][sourceCol] ?? "").trim().normalize("NFC");
    if (label === "" || DASHES.has(label)) return null;
    let key = sourceKeyOf(label);
    if (!key) {
      const norm = normalize(label);
      key = keyOfLabel.get(norm);
      if (!key) {
        key = extraKey(label, takenKeys);
        takenKeys.add(key);
        keyOfLabel.set(norm, key);
        extras.push({ key, label });
      }
    }
    if (!used.includes(key)) used.push(key);
    if (!result.sourceCells[key]) result.sourceCells[key] = { row: r, col: sourceCol };
    return key;
  };

  const figure = (r, field) => {
    const col = fieldColumn[field];
    if (col === undefined) return undefined;
    const v = values.get(`${r}:${col}`);
    if (!v) return undefined;
    if (field === "projects") return v.negative ? -Number(v.digits) : Number(v.digits);
    // A negative amount goes on as written, so the package names it (negative_amount).
    return v.negative ? `-${v.digits}` : v.digits;
  };

  const records = recordRows.map((r) => {
    const record = {};
    if (sourceCol !== undefined) {
      const key = sourceOf(r);
      if (key) record.source = key;
    }
    for (const field of ["region", "category"]) {
      const col = fieldColumn[field];
      if (col === undefined) continue;
      const t = (rows[r][col] ?? "").trim().normalize("NFC");
      if (t !== "" && !DASHES.has(t)) record[field] = t;
    }
    if (yearCol !== undefined) {
      const t = (rows[r][yearCol] ?? "").trim();
      if (/^\d{4}$/.test(t)) record.year = Number(t);
    }
    for (const field of MEASURE_FIELDS) {
      const v = figure(r, field);
      if (v !== undefined) record[field] = v;
    }
    return record;
  });

  const data = { records };
  if (reportedRow >= 0) {
    const reported = {};
    for (const field of MEASURE_FIELDS) {
      const v = figure(reportedRow, field);
      if (v !== undefined) reported[field] = v;
    }
    if (Object.keys(reported).length > 0) data.reported = reported;
  }
  if (extras.length > 0) {
    const defaults = {
      kcqg: { key: "kcqg", label: "Khuyến công quốc gia", level: "national" },
      kcdp: { key: "kcdp", label: "Khuyến công địa phương", level: "local" },
    };
    data.sources = used.map(
      (key) => defaults[key] ?? { ...extras.find((e) => e.key === key), level: "other" },
    );
  }
  result.data = data;
  result.recordRows = recordRows;
  result.reportedRow = reportedRow;
  return result;
}

/**
 * Where a package error's path points in a table read by readTable(): `{ row, col }` (col -1:
 * the whole row), `{ table: true }` for the table as a whole, or null when the path is not
 * about the table (a form field, an option).
 */
export function locateInTable(table, path) {
  let m = /^records\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const row = table.recordRows[Number(m[1])];
    if (row === undefined) return { table: true };
    const col = m[2] !== undefined ? table.fieldColumn[m[2]] : undefined;
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
