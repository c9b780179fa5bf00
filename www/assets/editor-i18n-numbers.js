// Numbers, units and cell names as the editor's messages write them (editor-i18n.js and
// editor-i18n-table.js). Exact: amounts are canonical decimal text, regrouped as text.

export const UNITS = {
  vi: { dong: "đồng", nghin_dong: "nghìn đồng", trieu_dong: "triệu đồng", ty_dong: "tỷ đồng" },
  en: {
    dong: "VND",
    nghin_dong: "thousand VND",
    trieu_dong: "million VND",
    ty_dong: "billion VND",
  },
};

/** A column's letter, as in a spreadsheet: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index) {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** A cell's name: "C3" (row is the 0-based index of the parsed row). */
export const cellName = (row, col) => `${columnLetter(col)}${row + 1}`;

/** A canonical amount written for a reader of `lang`, without grouping: "2.4" → "2,4" (vi). */
export const plainNumber = (canonical, lang) =>
  lang === "vi" ? canonical.replace(".", ",") : canonical;

/** A canonical amount with grouping, for a reader of `lang`: "1500" → "1.500", "2.5" → "2,5". */
export function groupedNumber(canonical, lang) {
  const text = String(canonical);
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".");
  const [group, decimal] = lang === "vi" ? [".", ","] : [",", "."];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${frac ? decimal + frac : ""}`;
}

/** An amount with its unit in words ("1.500 triệu đồng"), or the number alone without one. */
export const amountText = (canonical, unit, lang) =>
  UNITS[lang][unit] ? `${groupedNumber(canonical, lang)} ${UNITS[lang][unit]}` : groupedNumber(canonical, lang);

/** A unit's words in `lang`. */
export const unitWords = (unit, lang) => UNITS[lang][unit] ?? unit;
