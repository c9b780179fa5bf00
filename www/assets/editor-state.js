// What the editor's parts share: the page's one `state`, `$` for an element by id, `t` for
// the words in the interface's language, setText, the form's field names, and `at`, the places
// an error or note can belong to. It imports no part of the page, so every part can import it.
// One object rather than a store per part: the update cycle (editor.js) reads what every part
// keeps, and window.khuyencongEditor.state() reports it.

import { TEXT } from "./editor-i18n.js";

export const $ = (id) => document.getElementById(id);

export const META_FIELDS = ["title", "subtitle", "source", "unit"];
export const DIGIT_FIELDS = ["amountDigits", "percentDigits", "ratioDigits"];
export const OPTION_FIELDS = ["kind", "by", "sort", "locale", "theme", "height", ...DIGIT_FIELDS];
/** The grid shows the first rows of a long table only (and every row with a problem). */
export const GRID_ROWS = 300;

export const state = {
  lang: "vi",
  mode: "table",
  pkg: null,
  /** Column key → "vi" | "en": the answers to the notation questions. */
  answers: {},
  /** Whether the unit field holds a unit taken from a column name (and may follow it). */
  unitAuto: false,
  /** Whether the kind was picked by the page (not by the user). */
  kindAuto: true,
  /** The journalist's answer to the offer of today's provinces: "2025" (former provinces added
   * up under today's 34) or null (names as written). Never set by the page itself; kept
   * through edits of the data. */
  regions: null,
  /** The notes about province names (possible_province, former_province), at their place. */
  provinceNotes: [],
  /** What the offer of today's provinces shows (regionsOf), kept while the preview is stale;
   * regionFresh: whether it is of the data as it is now. */
  regionInfo: null,
  regionFresh: false,
  /** The fields the current table's columns hold, to notice a new table. */
  tableShape: "",
  /** The last readTable() result (table mode). */
  table: null,
  /** The title, subtitle, source, unit last copied from the JSON text into the fields. */
  jsonMeta: {},
  /** The sample the data came from: { file, url, data }. */
  sample: null,
  /** Whether the JSON address field holds the sample's address (set by the page). */
  dataUrlAuto: true,
  /** The current outcome: { data, options, analysis, warnings } when valid, else null. */
  good: null,
  /** The last data and options shown in the previews. */
  shown: null,
  errors: [],
  notes: [],
  questions: [],
  /** How the table's figures were read (editor-table.js readings), said beside the preview. */
  readings: [],
  /** Whether the preview is current but the chart lacks what it shows (no code offered). */
  gap: false,
  /** Rendered grid: its shape, and the cell inputs by "row:col". */
  grid: { shape: "", inputs: new Map(), active: null },
};

export function t(key, ...args) {
  const v = TEXT[state.lang][key] ?? TEXT.vi[key];
  return typeof v === "function" ? v(...args) : v;
}

export const fieldValue = (id) => $(id).value.trim();

/** A place in the page an error or note belongs to. */
export const at = {
  field: (id) => ({ kind: "field", id }),
  cell: (row, col) => ({ kind: "cell", row, col }),
  row: (row) => ({ kind: "row", row }),
  table: () => ({ kind: "table" }),
  json: (path, message) => ({ kind: "json", path, message }),
};

/** Sets text only when it changes (a live region re-announces every change). */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}
