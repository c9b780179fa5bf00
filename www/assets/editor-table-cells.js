// Cells of a table pasted from a spreadsheet: the clipboard's text split into rows and cells,
// a number cell read as text in either notation, and the little exact arithmetic the table
// reader needs on canonical amounts ("2400.5").
//
// Pure: no DOM, no browser global. Numbers stay text (or BigInt): never parseFloat, so
// "2.400,5" becomes the canonical "2400.5" digit for digit, and a sum is exact.

/** The two ways of writing numbers: decimal mark and grouping mark. */
export const NOTATIONS = {
  vi: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

/** Cells that mean "no figure". */
export const DASHES = new Set(["-", "–", "—", "−", "x"]);
const SPACES = /[ \u00a0\u2007\u202f]/g;

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
      const quoted = readQuoted(s, i);
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
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

/** A quoted cell starting at `i`: `{ value, end }`, or null when the quote does not open a
 * proper quoted cell (closed, then a separator or the end): then it is just a character, as
 * in a cell like `5" screen`. */
function readQuoted(s, i) {
  let j = i + 1;
  let value = "";
  while (j < s.length) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      j++;
      const next = s[j];
      return j >= s.length || next === "\t" || next === "\n" || next === "\r"
        ? { value, end: j }
        : null;
    }
    value += s[j];
    j++;
  }
  return null;
}

/** Rows back into text that parseTsv reads the same (quoting only where needed). */
export function toTsv(rows) {
  return rows
    .map((cells) =>
      cells.map((c) => (/[\t\n\r"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join("\t"),
    )
    .join("\n");
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
  const invalid = { kind: "invalid", text: String(text).trim() };
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
    if (!/^[1-9]\d{0,2}(?:[ \u00a0\u2007\u202f]\d{3})+(?:[.,]\d+)?$/.test(t)) return invalid;
    t = t.replace(SPACES, "");
  }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return invalid;
  const vi = readAs(t, "vi");
  const en = readAs(t, "en");
  if (vi === null && en === null) return invalid;
  return { kind: "number", negative, vi, en };
}

/** The notation a read cell proves ("vi" or "en"), or null when it reads the same in both or
 * reads two ways. */
export function provenNotation(n) {
  if (n.kind !== "number") return null;
  if (n.vi !== null && n.en === null) return "vi";
  if (n.en !== null && n.vi === null) return "en";
  return null;
}

/** Whether a read cell means two different numbers ("2.400": 2400 or 2.4). */
export const isAmbiguous = (n) =>
  n.kind === "number" && n.vi !== null && n.en !== null && n.vi !== n.en;

// ---- exact arithmetic on canonical amounts ----------------------------------------------------

/** "2400.5" → { units: 24005n, scale: 1 } (a negative sign allowed). */
function scaled(text) {
  const negative = text.startsWith("-");
  const [int, frac = ""] = (negative ? text.slice(1) : text).split(".");
  const units = BigInt(int + frac) * (negative ? -1n : 1n);
  return { units, scale: frac.length };
}

/** { units, scale } → canonical text. */
function unscaled(units, scale) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const cut = digits.length - scale;
  const text = canonical(digits.slice(0, cut), digits.slice(cut));
  return negative && text !== "0" ? `-${text}` : text;
}

/** The exact sum of canonical amounts ("79.5" + "90.9" → "170.4"); "0" for none. */
export function sumAmounts(amounts) {
  const parts = amounts.map(scaled);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  const total = parts.reduce((s, p) => s + p.units * 10n ** BigInt(scale - p.scale), 0n);
  return unscaled(total, scale);
}

/** A canonical amount times 10^places, exactly ("1.5", 3 → "1500"; "2400", -3 → "2.4"). */
export function shiftAmount(text, places) {
  const { units, scale } = scaled(text);
  return places >= 0
    ? unscaled(units * 10n ** BigInt(places), scale)
    : unscaled(units, scale - places);
}

/** Whether two canonical amounts are the same number. */
export const sameAmount = (a, b) => sumAmounts([a]) === sumAmounts([b]);

/** The size of a canonical amount as a float: only to compare orders of magnitude, never
 * for a figure that is shown. */
export const magnitude = (text) => Math.abs(Number(text));
