// The words of a pasted table: column headings, row labels and units as the press writes them
// ("Kinh phí thực hiện (triệu đồng)", "KCĐP", "Vốn đối ứng của doanh nghiệp", "ĐVT: tr.đ"),
// matched without diacritics or case. Pure: no DOM.

import { SCHEMA } from "../pkg/rust-constants.js";

/** Fields of a record that a column can hold. */
export const FIELDS = SCHEMA.record;
/** Fields holding amounts of money (canonical decimal strings in the data). */
export const AMOUNT_FIELDS = ["plan", "actual", "counterpart"];
/** Fields with figures: a record needs at least one, a header at least one such column. */
export const MEASURE_FIELDS = SCHEMA.figures;
/** Fields holding text. */
export const TEXT_FIELDS = ["source", "region", "category"];
/** Fields that group records: the dimensions. */
export const DIMENSIONS = ["source", "region", "year", "category"];

// Header names, without diacritics, lower case, single spaces (see normalize()). A name
// followed by more words also matches ("Kế hoạch năm 2022"), the longest name winning; names
// under four letters (KH, TH) only match whole.
const HEADER_NAMES = {
  source: [
    "nguon",
    "nguon kinh phi",
    "nguon von",
    "nguon ngan sach",
    "nguon ho tro",
    "loai nguon",
    "loai kinh phi",
    "cap ngan sach",
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
    "huyen",
    "quan huyen",
    "huyen thi xa thanh pho",
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
    "noi dung chi",
    "hoat dong",
    "hoat dong khuyen cong",
    "linh vuc",
    "nhom hoat dong",
    "hang muc",
    "nhiem vu",
    "chi tieu",
    "ten de an",
    "category",
    "activity",
    "activities",
  ],
  plan: [
    "ke hoach",
    "kinh phi ke hoach",
    "ke hoach kinh phi",
    "ke hoach giao",
    "ke hoach von",
    "du toan",
    "du toan giao",
    "du kien",
    "kinh phi du kien",
    "kinh phi duoc giao",
    "kinh phi phan bo",
    "kinh phi bo tri",
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
    "kinh phi da thuc hien",
    "da thuc hien",
    "giai ngan",
    "da giai ngan",
    "kinh phi giai ngan",
    "quyet toan",
    "kinh phi quyet toan",
    "kinh phi",
    "kinh phi ho tro",
    "kinh phi khuyen cong",
    "muc ho tro",
    "so tien",
    "so tien ho tro",
    "thanh tien",
    "gia tri",
    "ngan sach ho tro",
    "von khuyen cong",
    "th",
    "actual",
    "spent",
    "spending",
    "disbursed",
    "actual spending",
    "amount",
    "funding",
  ],
  // Any heading with "đối ứng" in it is counterpart capital too (see fieldOfKey).
  counterpart: ["counterpart", "counterpart capital", "counterpart funds", "matching funds"],
  projects: [
    "so de an",
    "de an",
    "so luong de an",
    "so chuong trinh de an",
    "so de an chuong trinh",
    "so da",
    "projects",
    "number of projects",
    "project count",
    "no of projects",
  ],
};

// Names that measure rows may carry in a table laid out the other way round (measures as rows,
// sources as columns): only whole, unmistakable names.
const MEASURE_ROW_NAMES = {
  plan: ["ke hoach", "kinh phi ke hoach", "ke hoach giao", "du toan", "plan"],
  actual: ["thuc hien", "kinh phi thuc hien", "da thuc hien", "giai ngan", "actual"],
  projects: ["so de an", "so luong de an", "de an", "projects", "number of projects"],
};

// Columns that are deliberately not used: row numbers, remarks, percentages, rankings.
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
  "dat",
  "dat %",
  "so sanh",
  "share",
  "rate",
];
const PERCENT_WORDS = /(^|\s)(ty le|ty trong|%)(\s|$)/;

// Columns that name the unit of the figures beside them.
const UNIT_COLUMN_NAMES = ["dvt", "don vi tinh", "unit"];

// Units, by the schema's unit key.
const UNIT_NAMES = [
  ["ty_dong", ["ty dong", "ty d", "ty", "billion vnd", "billion dong", "bn vnd", "ty vnd"]],
  [
    "trieu_dong",
    [
      "trieu dong",
      "trieu d",
      "tr d",
      "trd",
      "tr",
      "trieu",
      "million vnd",
      "million dong",
      "trieu vnd",
    ],
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
  "nguon khuyen cong quoc gia",
  "quoc gia",
  "national",
  "national industrial promotion",
  "national promotion",
];
const KCDP_NAMES = [
  "kcdp",
  "khuyen cong dia phuong",
  "kinh phi khuyen cong dia phuong",
  "nguon khuyen cong dia phuong",
  "dia phuong",
  "local",
  "local industrial promotion",
  "local promotion",
];
// In a heading "Địa phương" is a column of places, "Quốc gia" is ambiguous: there only the
// names that cannot be anything but a source count.
const SOURCE_HEADINGS = [
  ["kcqg", KCQG_NAMES.filter((n) => !["quoc gia", "national"].includes(n))],
  ["kcdp", KCDP_NAMES.filter((n) => !["dia phuong", "local"].includes(n))],
];

// A row (or column) labelled with one of these is the table's total line.
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

// Words before a label that make it a part of the row above: "Trong đó: KCQG", "- Vốn đối ứng".
const PART_OF = /^\s*(?:[-–+•*·]|trong đó\s*:?|trong do\s*:?|in which\s*:?|of which\s*:?)\s*/i;
const INDENTED = /^(?:\s{2,}|\t)/;

// A notes line under or over the table: "Ghi chú: …", "Nguồn: …", "* …", "ĐVT: triệu đồng".
const NOTE_LINE =
  /^\s*(?:\(\*+\)|\*+|(?:ghi chú|ghi chu|chú thích|chu thich|lưu ý|luu y|nguồn|nguon|đơn vị tính|don vi tinh|đvt|dvt|đơn vị|don vi|note|notes|source|unit)\s*[:：])/i;

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

/** The unit a normalized name stands for, or null. */
function unitOfName(name) {
  for (const [unit, names] of UNIT_NAMES) if (names.includes(name)) return unit;
  return null;
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

/** The unit a cell or a line names: "triệu đồng", "Tr.đ", "ĐVT: tỷ đồng", "(Đơn vị: đồng)". */
export function unitOfText(text) {
  const s = String(text).replace(/^[\s(]+|[\s)]+$/g, "");
  const m = /(?:đơn vị tính|don vi tinh|đvt|dvt|đơn vị|don vi|unit)\s*[:：]\s*(.+)$/i.exec(s);
  return unitOfName(normalize(m ? m[1] : s));
}

/** Whether a line of the table is a note ("Ghi chú: …", "* Số liệu ước", "Nguồn: …"). */
export const isNoteLine = (text) => NOTE_LINE.test(String(text));

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

/** The field a header key names, by whole name or by a name followed by more words. */
function fieldOfKey(h) {
  if (/(^|\s)doi ung(\s|$)/.test(h) || /^(counterpart|matching)\b/.test(h)) return "counterpart";
  let best = null;
  for (const field of FIELDS) {
    for (const name of HEADER_NAMES[field]) {
      if (h === name) return field;
      if (name.length >= 4 && h.startsWith(`${name} `) && (!best || name.length > best.len)) {
        best = { field, len: name.length };
      }
    }
  }
  return best ? best.field : null;
}

/** A year a header names on its own or after a measure ("2022", "Năm 2022", "KH 2023"). */
function takeYear(h) {
  const m = /(?:^|\s)(?:nam\s)?((?:19|20)\d\d)$/.exec(h);
  return m ? { year: Number(m[1]), rest: h.slice(0, m.index).trim() } : null;
}

/** A source a header names on its own or with a measure ("KCQG", "Thực hiện KCĐP"). */
function takeSource(h) {
  const key = h.replace(/^trong do\s+/, "");
  for (const [source, names] of SOURCE_HEADINGS) {
    for (const name of names) {
      if (key === name) return { source, rest: "" };
      if (key.endsWith(` ${name}`)) return { source, rest: key.slice(0, -name.length - 1) };
      if (key.startsWith(`${name} `)) return { source, rest: key.slice(name.length + 1) };
    }
  }
  return null;
}

/** A header naming the total of a row ("Tổng", "Tổng cộng", "Tổng kinh phí"): the rest. */
function takeTotal(h) {
  const m = /^(?:tong cong|tong so|tong|cong|total)(?:\s|$)/.exec(h);
  return m ? h.slice(m[0].length).trim() : null;
}

/**
 * What a header cell names: `{ field }` for a known column, with `year` or `source` when the
 * heading also names one ("Kế hoạch 2023", "KCQG": a column of a table laid out by year or by
 * source; a bare year or source is actual spending), `total: true` for a total ("Tổng cộng",
 * "Tổng kinh phí": actual spending, or the row's total beside columns by source or year);
 * `{ unitColumn: true }` for a column of units (ĐVT); `{ ignored: true }` for a column
 * deliberately left out (STT, Ghi chú, percentages); `{ unknown: true }` otherwise; and
 * `{ empty: true }` for an empty cell. Vietnamese or English, with or without diacritics, any
 * case; a unit in brackets is allowed ("Thực hiện (triệu đồng)").
 */
export function matchHeader(header) {
  if (String(header).trim() === "") return { empty: true };
  const h = headerKey(header);
  const whole = normalize(header);
  if (IGNORED_NAMES.includes(h) || IGNORED_NAMES.includes(whole) || PERCENT_WORDS.test(whole)) {
    return { ignored: true };
  }
  if (UNIT_COLUMN_NAMES.includes(h)) return { unitColumn: true };
  const total = takeTotal(h);
  if (total !== null) {
    const field = total === "" ? "actual" : fieldOfKey(total);
    if (field && field !== "source") return { field, total: true };
  }
  const year = takeYear(h);
  if (year) {
    const field = year.rest === "" ? "actual" : fieldOfKey(year.rest);
    if (field && AMOUNT_FIELDS.concat("projects").includes(field)) {
      return { field, year: year.year, ...(year.rest === "" && { bare: true }) };
    }
  }
  const source = takeSource(h);
  if (source) {
    const field = source.rest === "" ? "actual" : fieldOfKey(source.rest);
    if (field && MEASURE_FIELDS.includes(field)) {
      return { field, source: source.source, ...(source.rest === "" && { bare: true }) };
    }
  }
  const field = fieldOfKey(h);
  return field ? { field } : { unknown: true };
}

/** The field a row label names in a table of measures as rows ("Kế hoạch", "Số đề án"), or
 * null. Counterpart rows are found by isCounterpartLabel(). */
export function measureOfRow(label) {
  const h = headerKey(label);
  for (const [field, names] of Object.entries(MEASURE_ROW_NAMES)) {
    if (names.includes(h)) return field;
  }
  return null;
}

/** A label without the words that make it part of the row above ("Trong đó: KCQG"). */
export const stripPartOf = (label) => String(label).replace(PART_OF, "");

/** Whether a label is written as a part of the row above (indented, "- …", "Trong đó: …"). */
export const isPartOf = (label) => PART_OF.test(String(label)) || INDENTED.test(String(label));

/** The source key a label stands for: "kcqg", "kcdp" or null (another source). */
export function sourceKeyOf(label) {
  const text = stripPartOf(label);
  const full = normalize(text);
  const outside = normalize(text.replace(/\([^)]*\)/g, " "));
  const inside = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => normalize(m[1]));
  const candidates = [full, outside, ...inside];
  if (candidates.some((c) => KCQG_NAMES.includes(c))) return "kcqg";
  if (candidates.some((c) => KCDP_NAMES.includes(c))) return "kcdp";
  return null;
}

/** Whether a cell's text marks the total row ("Tổng cộng", "Cộng", "Total"). */
export function isTotalLabel(text) {
  return TOTAL_NAMES.includes(normalize(text));
}

/** Whether a label names counterpart capital ("Vốn đối ứng", "vốn DN đối ứng", "Đối ứng của
 * doanh nghiệp", "Counterpart capital"). */
export function isCounterpartLabel(text) {
  const h = normalize(text);
  return /(^|\s)doi ung(\s|$)/.test(h) || /^(counterpart|matching)( |$)/.test(h);
}

/** The source named after "của" in a counterpart label ("Vốn đối ứng của KCĐP"), or null. */
export function sourceOfCounterpart(text) {
  const m = /\bcua\s+(.+)$/.exec(normalize(text));
  return m ? sourceKeyOf(m[1]) : null;
}

/** A year written in a label ("2022", "Năm 2022"), or null. */
export function yearOfLabel(text) {
  const m = /^(?:nam\s)?((?:19|20)\d\d)$/.exec(normalize(text));
  return m ? Number(m[1]) : null;
}

/** Whether a header names a percentage or another column left out (for labels of rows too:
 * "Tỷ lệ đạt (%)" as a row of a table laid out the other way round). */
export const isIgnoredLabel = (text) => matchHeader(text).ignored === true;
