// The editor page (editor.html): a pasted table, JSON or sample data → data of schema v1 →
// a live preview at phone and desktop width → the embed code and the JSON file.
//
// Everything the user typed reaches the page through textContent, value and setAttribute
// only (never innerHTML), and every style through classes or the CSSOM, so the page runs
// under  default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
// img-src 'self' data: (the picture of the embed code is a data: URL).
//
// The pure parts are in editor-table.js (reading the table, and the questions about it),
// editor-checks.js (whether the chart has what it shows), editor-errors.js (the package's
// errors in the journalist's words), editor-json.js (finding a path in JSON text),
// ../pkg/embed-code.js (the embed code), editor-regions.js (the provinces since the 2025
// merger) and editor-i18n.js (the words); editor-questions.js builds the questions' elements
// and the columns' menus. This file wires them to the page.
// window.khuyencongEditor is there for the end-to-end tests.

import { locateInTable, readTable, toTsv } from "./editor-table.js";
import { locateJson, offsetOf } from "./editor-json.js";
import { PICTURE_MARK, formatJson, slugify } from "../pkg/embed-code.js";
import { TEXT, cellName, columnLetter, plainNumber, unitWords } from "./editor-i18n.js";
import { chartGap } from "./editor-checks.js";
import { plainMessage } from "./editor-errors.js";
import { otherQuestion, roleMenu } from "./editor-questions.js";
import { combinedGroups, provinceNote, showsRegions, unitsOf } from "./editor-regions.js";

const $ = (id) => document.getElementById(id);

/** Published data in www/data/, with the kind that suits each. */
const SAMPLES = [
  {
    file: "phia-bac-2022.json",
    kind: "sources",
    vi: "28 tỉnh, thành phố phía Bắc, năm 2022",
    en: "28 northern provinces, 2022",
  },
  {
    file: "cao-bang-2021-2025.json",
    kind: "leverage",
    vi: "Cao Bằng 2021–2025: vốn đối ứng",
    en: "Cao Bằng 2021–2025: counterpart capital",
  },
  {
    file: "dak-lak-2020.json",
    kind: "categories",
    vi: "Đắk Lắk 2020: theo nội dung hoạt động",
    en: "Đắk Lắk 2020: by activity",
  },
  {
    file: "binh-dinh-2021.json",
    kind: "categories",
    vi: "Bình Định 2021: theo nội dung hoạt động",
    en: "Bình Định 2021: by activity",
  },
  {
    file: "dia-phuong-cong-bo.json",
    kind: "trend",
    vi: "Một số địa phương, theo năm",
    en: "Several provinces, by year",
  },
  {
    file: "63-tinh-minh-hoa.json",
    kind: "regions",
    vi: "63 tỉnh, thành phố (số liệu minh họa)",
    en: "63 provinces (illustrative figures)",
  },
  {
    // Names before and after the 2025 merger, in several spellings: the offer of today's
    // provinces shows on it.
    file: "xu-huong-2021-2026-minh-hoa.json",
    kind: "regions",
    vi: "Trước và sau sáp nhập tỉnh (số liệu minh họa)",
    en: "Across the 2025 merger (illustrative figures)",
  },
];

/** The seed article's figures as a sheet would hold them. */
const EXAMPLE = {
  title: {
    vi: "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022",
    en: "Industrial promotion funding, 28 northern provinces, 2022",
  },
  table:
    "Nguồn\tKế hoạch (tỷ đồng)\tThực hiện (tỷ đồng)\n" +
    "Khuyến công quốc gia\t80,9\t79,5\n" +
    "Khuyến công địa phương\t98,2\t90,9\n" +
    "Tổng cộng\t179\t170,4\n",
};

const META_FIELDS = ["title", "subtitle", "source", "unit"];
const DIGIT_FIELDS = ["amountDigits", "percentDigits", "ratioDigits"];
const OPTION_FIELDS = ["kind", "by", "sort", "locale", "theme", "height", ...DIGIT_FIELDS];
/** Kinds whose dimension can be chosen with `by`. */
const CHOOSABLE = ["plan-actual", "regions", "leverage", "categories"];
/** Top-level members of the data, in the order the schema lists them. */
const KEY_ORDER = [
  "version",
  "title",
  "subtitle",
  "source",
  "notes",
  "description",
  "unit",
  "sources",
  "records",
  "reported",
];
/** Errors of the JSON text itself (before its meaning is read). */
const TEXT_ERRORS = ["invalid_json", "duplicate_key", "too_deep"];
const GRID_ROWS = 300;
const DEBOUNCE_MS = 250;
const LANG_KEY = "khuyencong-editor-lang";

const state = {
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

// ---- words -----------------------------------------------------------------------------------

function t(key, ...args) {
  const v = TEXT[state.lang][key] ?? TEXT.vi[key];
  return typeof v === "function" ? v(...args) : v;
}

function applyLang(lang) {
  state.lang = lang === "en" ? "en" : "vi";
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const v = TEXT[state.lang][el.dataset.i18n];
    if (typeof v === "string") el.textContent = v;
  }
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = TEXT[state.lang][el.dataset.i18nPlaceholder];
  }
  document.title = `${t("page.title")} – khuyencong-charts`;
  for (const option of $("sample").options) {
    const sample = SAMPLES.find((s) => s.file === option.value);
    if (sample) option.textContent = sample[state.lang];
  }
  for (const input of document.querySelectorAll('input[name="ui-lang"]')) {
    input.checked = input.value === state.lang;
  }
  try {
    localStorage.setItem(LANG_KEY, state.lang);
  } catch {
    // Storage may be off; the switch still works for this visit.
  }
  state.grid.shape = ""; // labels are in the language: build the grid again
  setText($("cms-help"), t(`cms.${$("cms").value}.help`));
}

// ---- reading the inputs ------------------------------------------------------------------------

const fieldValue = (id) => $(id).value.trim();

/** The chart options from the form (undefined clears an option in setOptions). */
function chartOptions() {
  const kind = $("kind").value;
  const height = fieldValue("height");
  return {
    kind,
    by: CHOOSABLE.includes(kind) && $("by").value ? $("by").value : undefined,
    sort: $("sort").value || undefined,
    locale: $("locale").value,
    theme: $("theme").value,
    height: height === "" ? undefined : /^\d+(\.\d+)?$/.test(height) ? Number(height) : height,
    ...Object.fromEntries(
      DIGIT_FIELDS.map((id) => [id, $(id).value === "" ? undefined : Number($(id).value)]),
    ),
    // Travels in the embed code (regions="2025") like the other options.
    regions: state.regions ?? undefined,
  };
}

/** A place in the page an error or note belongs to. */
const at = {
  field: (id) => ({ kind: "field", id }),
  cell: (row, col) => ({ kind: "cell", row, col }),
  row: (row) => ({ kind: "row", row }),
  table: () => ({ kind: "table" }),
  json: (path, message) => ({ kind: "json", path, message }),
};

/** Builds the data from the table or the JSON and the fields. Returns { data, errors, pending }. */
function build() {
  state.readings = [];
  const errors = [];
  const notes = [];
  const meta = {};
  for (const f of META_FIELDS) {
    const v = $(f).value.trim().normalize("NFC");
    if (v !== "") meta[f] = v;
  }
  if (state.mode !== "table" || $("table-input").value.trim() === "") setText($("unit-note"), "");

  let body = null; // the data without the fields' members
  let pending = false;
  let unitNote = "";
  if (state.mode === "table") {
    const text = $("table-input").value;
    if (text.trim() === "") return { data: null, errors, notes, empty: true };
    const table = readTable(text, { answers: state.answers });
    state.table = table;
    state.questions = table.questions;
    state.readings = table.readings;
    pending = table.questions.some((q) => q.answer === null);
    for (const p of table.problems) errors.push({ where: placeOfTable(p), problem: p });
    for (const n of table.notes) notes.push({ where: placeOfTable(n), problem: n, note: true });
    unitNote = syncUnitFromTable(table, meta, errors);
    autoKind(table);
    body = table.data;
  } else {
    state.table = null;
    state.questions = [];
    state.readings = [];
    const text = $("json-input").value;
    if (text.trim() === "") return { data: null, errors, notes, empty: true };
    const parsed = readJson(text, errors);
    if (!parsed) return { data: null, errors, notes };
    syncMetaFromJson(parsed, meta);
    body = parsed;
  }

  setText($("unit-note"), unitNote);
  const height = fieldValue("height");
  if (height !== "" && !/^\d+(\.\d+)?$/.test(height) && !CSS.supports("height", height)) {
    errors.push({ where: at.field("height"), message: t("height.invalid", height) });
  }
  if (!body || pending) return { data: null, errors, notes, pending };

  // The fields win over the body's members; members keep the schema's order.
  const merged = { ...body, version: body.version ?? 1 };
  for (const f of META_FIELDS) {
    if (meta[f] !== undefined) merged[f] = meta[f];
    else delete merged[f];
  }
  const data = {};
  for (const key of KEY_ORDER) if (key in merged) data[key] = merged[key];
  for (const key of Object.keys(merged)) if (!(key in data)) data[key] = merged[key];
  return { data, errors, notes };
}

/** JSON text → object, or null with the error at the JSON. The package's reader judges the
 * text (duplicate keys, line and column); JSON.parse only gives the object to merge with. */
function readJson(text, errors) {
  try {
    state.pkg.analyze(text, { locale: state.lang });
  } catch (e) {
    if (TEXT_ERRORS.includes(e.code) || (e.code === "too_large" && e.path === "")) {
      errors.push({ where: at.json(e.path, e.message), message: stripPath(e) });
      return null;
    }
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    errors.push({ where: at.json("", e.message), message: e.message });
    return null;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    // The package says what it expected (wrong_type at the top).
    try {
      state.pkg.analyze(text, { locale: state.lang });
    } catch (e) {
      errors.push({ where: at.json(e.path, e.message), message: stripPath(e) });
    }
    return null;
  }
  return parsed;
}

/** Copies the JSON's title, subtitle, source and unit into the fields when the JSON has them
 * and they changed there since the last time (so that an edit in a field is not undone by the
 * JSON, and a field the JSON lacks keeps what was typed). */
function syncMetaFromJson(parsed, meta) {
  for (const f of META_FIELDS) {
    const raw = parsed[f];
    if (raw === undefined || raw === null || typeof raw === "object") continue;
    const value = String(raw);
    if (state.jsonMeta[f] === value) continue;
    state.jsonMeta[f] = value;
    if (f === "unit") setUnit(value);
    else $(f).value = value;
    const v = $(f).value.trim().normalize("NFC");
    if (v !== "") meta[f] = v;
    else delete meta[f];
  }
}

/** Sets the unit field; a value that is no unit gets an option of its own, so that the
 * package's error about it lands on the field. */
function setUnit(value) {
  const select = $("unit");
  select.querySelector("option[data-custom]")?.remove();
  if (value !== "" && ![...select.options].some((o) => o.value === value)) {
    const option = document.createElement("option");
    option.value = value;
    option.dataset.custom = "";
    option.textContent = `“${value}”`;
    select.append(option);
  }
  select.value = value;
}

/** A unit named in a column's header fills an empty unit field, and must agree with a chosen
 * one. Returns the note for the unit field ("" for none). */
function syncUnitFromTable(table, meta, errors) {
  if (!table.unit) return "";
  const cell = cellName(table.headerRow, table.unitColumn);
  if (meta.unit === undefined || (state.unitAuto && meta.unit !== table.unit)) {
    setUnit(table.unit);
    meta.unit = table.unit;
    state.unitAuto = true;
  }
  if (meta.unit === table.unit) {
    return state.unitAuto ? t("unit.fromHeader", unitWords(table.unit, state.lang), cell) : "";
  }
  errors.push({
    where: at.field("unit"),
    message: t(
      "unit.conflict",
      unitWords(table.unit, state.lang),
      cell,
      unitWords(meta.unit, state.lang),
    ),
  });
  return "";
}

/** For a new table, picks the kind that suits its columns (until the user picks one). */
function autoKind(table) {
  // What the table holds, its columns by source or year and its rows of counterpart capital
  // included (editor-table.js shape).
  const { fields, distinct: counts } = table.shape;
  const shape = [...fields].sort().join(",");
  if (shape === state.tableShape) return;
  state.tableShape = shape;
  if (!state.kindAuto || fields.length === 0) return;
  const distinct = (field) => counts[field] ?? 0;
  // The charts of regions, years, activities and sources draw what was spent (actual).
  const actual = fields.includes("actual");
  let kind = "summary";
  if (actual && distinct("region") > 1) kind = "regions";
  else if (actual && distinct("year") > 1) kind = "trend";
  else if (actual && distinct("category") > 1) kind = "categories";
  else if (fields.includes("counterpart")) kind = "leverage";
  else if (actual && fields.includes("source")) kind = "sources";
  else if (fields.includes("plan")) kind = "plan-actual";
  setKind(kind);
}

function setKind(kind) {
  $("kind").value = kind;
  syncKindHelp();
}

function syncKindHelp() {
  const kind = $("kind").value;
  const help = $("kind-help");
  help.dataset.i18n = `kindhelp.${kind}`;
  help.textContent = t(`kindhelp.${kind}`);
  $("by").disabled = !CHOOSABLE.includes(kind);
}

// ---- where errors go ----------------------------------------------------------------------------

function placeOfTable(p) {
  if (p.row < 0) return at.table();
  if (p.col < 0) return at.row(p.row);
  return at.cell(p.row, p.col);
}

/** The message of a package error without its leading path (the place shows where it is). */
function stripPath(e) {
  const prefix = `${e.path}: `;
  if (!e.path || !e.message.startsWith(prefix)) return e.message;
  const rest = e.message.slice(prefix.length);
  // Now the start of a sentence: "thiếu trường bắt buộc." → "Thiếu trường bắt buộc."
  return rest.charAt(0).toLocaleUpperCase(state.lang) + rest.slice(1);
}

/** Where a KhuyenCongError's path points: a field, a table cell or row, or the JSON text. */
function placeOfPath(path, message) {
  if (META_FIELDS.includes(path)) return at.field(path);
  if (path.startsWith("options.")) {
    const option = path.slice("options.".length);
    if (OPTION_FIELDS.includes(option)) return at.field(option);
  }
  if (state.mode === "table" && state.table) {
    const place = locateInTable(state.table, path);
    if (place?.table) return at.table();
    if (place) return place.col >= 0 ? at.cell(place.row, place.col) : at.row(place.row);
    return at.table();
  }
  return at.json(path, message);
}

/** The words naming a place, for the list of problems. */
function placeName(where) {
  switch (where.kind) {
    case "field":
      return (
        document
          .querySelector(`label[for="${where.id}"]`)
          ?.textContent.replace(/\s+/g, " ")
          .trim() ?? where.id
      );
    case "cell": {
      const header = state.table?.columns[where.col]?.header;
      return t("where.cell", cellName(where.row, where.col), header);
    }
    case "row":
      return t("where.row", where.row);
    case "json":
      return t("where.json");
    default:
      return t("where.table");
  }
}

function messageOf(item) {
  if (item.message) return item.message;
  // The unit chosen, for the figures a remark quotes ("8.588 triệu đồng"); a problem about
  // units keeps its own.
  const p = { unit: $("unit").value, ...item.problem };
  return t(`${item.note ? "note" : "problem"}.${p.code}`, p);
}

// ---- the update cycle ---------------------------------------------------------------------------

let timer = 0;
let running = null;
let again = false;
/** Other work idle() waits for: a sample being fetched, a copy to the clipboard. */
const tasks = new Set();

/** Runs `fn` as a task idle() waits for. */
function track(fn) {
  return (...args) => {
    const task = Promise.resolve(fn(...args)).finally(() => tasks.delete(task));
    tasks.add(task);
    return task;
  };
}

/** Runs update() after `delay` ms of quiet; a call during a run runs it once more after. */
function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = 0;
    run();
  }, delay);
}

function run() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await update();
      } while (again);
    } catch (e) {
      console.error(e);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Resolves once no update is waiting or running. */
async function idle() {
  for (;;) {
    if (running) await running;
    else if (tasks.size > 0) await Promise.allSettled([...tasks]);
    else if (timer) await new Promise((r) => setTimeout(r, 20));
    else return;
  }
}

async function update() {
  if (!state.pkg) return;
  const { data, errors, notes, pending, empty } = build();
  let good = null;
  state.provinceNotes = [];
  let regionInfo = null;
  if (data && errors.length === 0) {
    const options = chartOptions();
    const regions = options.regions ? { regions: options.regions } : {};
    try {
      // In the interface's language, for the messages next to the inputs…
      const checked = state.pkg.analyze(data, { locale: state.lang, ...regions });
      // …and in the chart's, for the fallback table of the snippet.
      const analysis = state.pkg.analyze(data, { locale: options.locale, ...regions });
      good = { data, options, analysis, warnings: checked.warnings };
      good.regions = regionsOf(data, checked);
      regionInfo = good.regions;
      state.provinceNotes = provinceNotes(good);
      notes.push(...state.provinceNotes);
    } catch (e) {
      if (!e || e.name !== "KhuyenCongError") throw e;
      errors.push(errorAt(e));
    }
  }
  if (good) {
    try {
      await showPreview(good.data, good.options);
    } catch (e) {
      if (!e || e.name !== "KhuyenCongError") throw e;
      errors.push(errorAt(e));
      good = null;
    }
  }
  // A chart without what it shows is drawn (its own words say so) but offers no code.
  const gap =
    good &&
    chartGap(good.options.kind, good.options.by, good.analysis, {
      missing: missingSources(),
      left: leftByAnswer(),
    });
  if (gap) {
    errors.push({ where: at.field("kind"), message: t(`gap.${gap.code}`, gap) });
    good = null;
  }
  state.gap = Boolean(gap);
  // The offer stays while the preview is stale (its answer can still be changed), not once
  // the data is gone.
  if (regionInfo) state.regionInfo = regionInfo;
  else if (empty) state.regionInfo = null;
  state.regionFresh = Boolean(regionInfo);
  state.good = good;
  state.errors = errors;
  state.notes = notes;
  render({ pending, empty });
}

/** What the offer of today's provinces needs: the former provinces the data names, whether
 * they are added up, the groups that adds up (with the table's rows), and today's unit of each
 * former name. The regrouped analysis is asked for only when there is something to offer. */
function regionsOf(data, checked) {
  const applied = checked.regions.mode === "2025";
  const former = checked.regions.former;
  if (former.length === 0 && !applied) {
    return { former, applied, groups: [], units: new Map(), today: null };
  }
  const today = applied
    ? checked
    : state.pkg.analyze(data, { locale: state.lang, regions: "2025" });
  const table = state.mode === "table" ? state.table : null;
  const groups = combinedGroups(today.regions, {
    records: data.records,
    recordRows: table?.recordRows ?? null,
  });
  return { former, applied, groups, units: unitsOf(today.regions), today: today.regions };
}

/** The package's warnings about province names as notes at their cell, in plain words. */
function provinceNotes(good) {
  const table = state.mode === "table";
  const out = [];
  for (const w of good.warnings) {
    const p = provinceNote(w, {
      data: good.data,
      today: good.regions.today,
      applied: good.regions.applied,
    });
    if (!p) continue;
    out.push({
      where: placeOfPath(w.path, w.message),
      message: t(`province.${p.code}`, { ...p, table }),
      note: true,
      code: w.code,
      path: w.path,
    });
  }
  return out;
}

/** A package error at its place, in the journalist's words outside the JSON box (which keeps
 * the package's own sentence, with its path). */
function errorAt(e) {
  const where = placeOfPath(e.path, e.message);
  const plain = where.kind === "json" ? null : plainMessage(e, state.lang);
  return { where, message: plain ?? stripPath(e) };
}

/** The sources the table has no figure for (the reader left their rows out). */
const missingSources = () =>
  state.readings.filter((r) => r.code === "no_figure" && r.label).map((r) => r.label.trim());

/** The rows an answer about a figure some rows lack left out (editor-table-partial.js). */
const leftByAnswer = () =>
  state.readings
    .filter((r) => r.code === "partial_rows")
    .flatMap((r) => r.units.map((u) => u.label?.trim()).filter(Boolean));

/** Draws the data in both previews: mounted once, then setOptions / update. */
async function showPreview(data, options) {
  const dataJson = JSON.stringify(data);
  const optionsJson = JSON.stringify(options);
  for (const id of ["preview-phone", "preview-desktop"]) {
    const screen = $(id);
    const shown = state.shown?.[id];
    if (!shown) {
      screen.replaceChildren();
      const handle = await state.pkg.mount(screen, data, options).catch((e) => {
        screen.replaceChildren(); // the package's own error box: the editor shows it at the input
        throw e;
      });
      state.shown = { ...state.shown, [id]: { handle, dataJson, optionsJson } };
      continue;
    }
    if (shown.optionsJson !== optionsJson) {
      await shown.handle.setOptions(options);
      shown.optionsJson = optionsJson;
    }
    if (shown.dataJson !== dataJson) {
      await shown.handle.update(data);
      shown.dataJson = dataJson;
    }
  }
}

/** The desktop frame's caption names its width (it follows the window). */
function labelDesktop() {
  const screen = $("preview-desktop");
  const width = screen.offsetWidth;
  const scaled = screen.style.getPropertyValue("transform") !== "";
  setText(
    $("desktop-label"),
    width > 0
      ? t(scaled ? "preview.desktopScaled" : "preview.desktopWidth", width)
      : t("preview.desktop"),
  );
}

/** On a narrow screen the desktop preview keeps a desktop width and is shown scaled down to
 * fit (the chart's pointer and keyboard handling work through the transform). */
function fitDesktop() {
  const box = $("device-desktop").querySelector(".device__scroll");
  const screen = $("preview-desktop");
  const natural = screen.offsetWidth;
  const room = box.clientWidth;
  if (natural > room + 0.5 && room > 0) {
    const scale = room / natural;
    screen.style.setProperty("transform", `scale(${scale})`);
    screen.style.setProperty("transform-origin", "0 0");
    box.style.setProperty("height", `${screen.offsetHeight * scale}px`);
  } else {
    screen.style.removeProperty("transform");
    screen.style.removeProperty("transform-origin");
    box.style.removeProperty("height");
  }
  labelDesktop();
}

// ---- showing the outcome ------------------------------------------------------------------------

function render({ pending = false, empty = false } = {}) {
  clearMarks();
  renderQuestions();
  if (state.mode === "table") renderGrid();
  for (const q of state.mode === "table" ? state.questions : []) markQuestion(q);
  for (const item of state.notes) mark(item, "note");
  for (const item of state.errors) mark(item, "error");
  if (state.mode === "table") markCombined();
  renderProblemList();
  renderRegions();
  renderWarnings();

  const errors = state.errors.length;
  let status;
  let detail = "";
  if (errors > 0) {
    status = t("status.errors", errors);
    // Said to screen readers with the count; on screen it is the first line of the list below.
    detail = ` ${t("status.first")} ${placeName(state.errors[0].where)}: ${messageOf(state.errors[0])}`;
  } else if (pending) status = t("status.question");
  else if (state.good && !empty) status = t("status.ok");
  else status = t("status.start");
  setStatus(status, detail);

  const stale = !state.good && Boolean(state.shown) && !state.gap;
  for (const id of ["device-phone", "device-desktop"])
    $(id).classList.toggle("device--stale", stale);
  $("stale-note").hidden = !stale;
  labelDesktop();
  renderOutput();
}

/** The status line: visible text, and more for screen readers only (changed only when it
 * changes, so that the live region does not repeat itself). */
function setStatus(text, hidden) {
  const box = $("status");
  if (box.textContent === text + hidden) return;
  const more = document.createElement("span");
  more.className = "visually-hidden";
  more.textContent = hidden;
  box.replaceChildren(text, ...(hidden ? [more] : []));
}

/** Sets text only when it changes (a live region re-announces every change). */
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function clearMarks() {
  for (const el of document.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of document.querySelectorAll(".field--invalid"))
    el.classList.remove("field--invalid");
  for (const id of [...META_FIELDS, ...OPTION_FIELDS]) setText($(`${id}-error`), "");
  $("table-error").replaceChildren();
  $("json-error").replaceChildren();
  for (const input of state.grid.inputs.values()) {
    const td = input.closest("td");
    td.classList.remove("grid__cell--error", "grid__cell--note", "grid__cell--question");
    td.querySelector(".grid__msg").replaceChildren();
    input.removeAttribute("aria-describedby");
  }
  for (const el of document.querySelectorAll("#grid tr.grid__rowmsg")) el.remove();
  for (const el of document.querySelectorAll("#grid .grid__row--error"))
    el.classList.remove("grid__row--error");
  for (const el of document.querySelectorAll(
    "#grid th.grid__col--error, #grid th.grid__col--note",
  )) {
    el.classList.remove("grid__col--error", "grid__col--note");
  }
  for (const el of document.querySelectorAll("#grid .grid__row--combined"))
    el.classList.remove("grid__row--combined");
  for (const el of document.querySelectorAll("#grid .grid__cell--combined"))
    el.classList.remove("grid__cell--combined");
}

/** Puts an error or a note next to its input. */
function mark(item, level) {
  const message = messageOf(item);
  const { where } = item;
  if (where.kind === "field") {
    if (level !== "error") return;
    const input = $(where.id);
    input.setAttribute("aria-invalid", "true");
    input.closest(".field")?.classList.add("field--invalid");
    const box = $(`${where.id}-error`);
    setText(box, box.textContent ? `${box.textContent} ${message}` : message);
  } else if (where.kind === "cell") {
    const input = state.grid.inputs.get(`${where.row}:${where.col}`);
    if (!input) return markTable(item, level);
    const td = input.closest("td");
    td.classList.add(level === "error" ? "grid__cell--error" : "grid__cell--note");
    const msg = td.querySelector(".grid__msg");
    const line = document.createElement("span");
    line.className = `grid__msgline grid__msgline--${level}`;
    line.textContent = message;
    msg.append(line);
    input.setAttribute("aria-describedby", msg.id);
    if (level === "error") input.setAttribute("aria-invalid", "true");
  } else if (where.kind === "row") {
    const tr = document.querySelector(`#grid tr[data-row="${where.row}"]`);
    if (!tr) return markTable(item, level);
    if (level === "error") tr.classList.add("grid__row--error");
    const msgRow = document.createElement("tr");
    msgRow.className = `grid__rowmsg grid__rowmsg--${level}`;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = level === "error" ? "!" : "i";
    th.setAttribute("aria-hidden", "true");
    const td = document.createElement("td");
    td.colSpan = tr.cells.length - 1;
    td.id = `row-${where.row}-msg-${level}`;
    td.textContent = message;
    msgRow.append(th, td);
    tr.after(msgRow);
    // The row's cells are described by the message.
    for (const input of tr.querySelectorAll("input")) {
      input.setAttribute("aria-describedby", td.id);
      if (level === "error") input.setAttribute("aria-invalid", "true");
    }
  } else if (where.kind === "json") {
    if (level !== "error") return;
    renderJsonError(item, message);
  } else {
    markTable(item, level);
  }
}

/** Shows which cells a question is about, until it is answered; a column not understood says
 * so at its heading, under the menu that answers it. */
function markQuestion(q) {
  if (q.answer !== null) return;
  // A question about blank cells in several columns names them (`cells`).
  const cells = q.cells ?? (q.rows ?? [q.row]).map((row) => ({ row, col: q.col }));
  for (const { row, col } of cells) {
    const td = state.grid.inputs.get(`${row}:${col}`)?.closest("td");
    td?.classList.add("grid__cell--question");
    if (td && q.kind === "role") {
      const line = document.createElement("span");
      line.className = "grid__msgline grid__msgline--question";
      line.textContent = t("question.role.cell");
      td.querySelector(".grid__msg").append(line);
    }
  }
}

function markTable(item, level) {
  const p = document.createElement("p");
  p.className = level === "error" ? "error__line" : "note__line";
  p.textContent = messageOf(item);
  $("table-error").append(p);
  if (level === "error") $("table-input").setAttribute("aria-invalid", "true");
}

function renderJsonError(item, message) {
  const text = $("json-input").value;
  const box = $("json-error");
  const p = document.createElement("p");
  p.className = "error__line";
  // The package's own sentence, which starts with the path (where in the JSON).
  p.textContent = item.where.message ?? message;
  box.append(p);
  $("json-input").setAttribute("aria-invalid", "true");
  // Where: the line and column the reader named, else the value at the path.
  let span = null;
  const lc = /(?:dòng|line) (\d+), (?:cột|column) (\d+)/.exec(item.where.message ?? "");
  if (lc) {
    const start = offsetOf(text, Number(lc[1]), Number(lc[2]));
    span = {
      start,
      end: Math.min(start + 1, text.length),
      line: Number(lc[1]),
      column: Number(lc[2]),
    };
  } else if (item.where.path) {
    span = locateJson(text, item.where.path);
  }
  if (!span) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button--quiet";
  button.textContent = t("json.goto", span.line, span.column);
  button.addEventListener("click", () => selectInJson(span));
  box.append(button);
}

function selectInJson({ start, end, line }) {
  const area = $("json-input");
  area.focus();
  area.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/** Focuses the input a problem is about. */
function focusPlace(where) {
  if (where.kind === "field") return $(where.id).focus();
  if (where.kind === "cell" || where.kind === "row") {
    const input = state.grid.inputs.get(`${where.row}:${where.kind === "cell" ? where.col : 0}`);
    if (input) {
      activateCell(input);
      input.focus();
      input.scrollIntoView({ block: "center", inline: "nearest" });
      return;
    }
  }
  if (where.kind === "json") {
    const span = locateJson($("json-input").value, where.path ?? "");
    return selectInJson(span);
  }
  $(state.mode === "json" ? "json-input" : "table-input").focus();
}

function renderProblemList() {
  const list = $("problem-list");
  list.replaceChildren(
    ...state.errors.map((item) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = placeName(item.where);
      button.addEventListener("click", () => focusPlace(item.where));
      li.append(button, `: ${messageOf(item)}`);
      return li;
    }),
  );
  $("problems").hidden = state.errors.length === 0;
}

/** Beside the preview: how the table's figures were read (a row of counterpart capital, a row
 * without a figure, a published total), then the package's warnings (those about totals are
 * the table's readings already, in its words). */
function renderWarnings() {
  const readings = state.mode === "table" ? state.readings : [];
  // Province names: the page's sentence, with the cell it is about.
  const notes = state.good ? state.provinceNotes : [];
  const said = new Set(notes.map((n) => `${n.code} ${n.path}`));
  const warnings = (state.good?.warnings ?? []).filter(
    (w) =>
      !(state.mode === "table" && w.code === "total_mismatch") && !said.has(`${w.code} ${w.path}`),
  );
  const item = (code, text) => {
    const li = document.createElement("li");
    li.dataset.code = code;
    li.textContent = text;
    return li;
  };
  const named = (n) =>
    n.where.kind === "cell" || n.where.kind === "row"
      ? `${placeName(n.where)}: ${n.message}`
      : n.message;
  $("warning-list").replaceChildren(
    ...readings.map((r) => item(r.code, messageOf({ problem: r, note: true }))),
    ...notes.map((n) => item(n.code, named(n))),
    ...warnings.map((w) => item(w.code, plainMessage(w, state.lang) ?? stripPath(w))),
  );
  $("warnings").hidden = readings.length + notes.length + warnings.length === 0;
}

// ---- today's provinces ----------------------------------------------------------------------------

/** The offer beside the preview: when the data names provinces from before the 2025 merger,
 * to add up their figures under today's 34 units; once done, what was added up, and the way
 * back. Said prominently when the chart is split by province. */
function renderRegions() {
  const box = $("regions");
  const info = state.regionInfo;
  const applied = state.regions === "2025";
  const show = Boolean(info) && (info.former.length > 0 || applied);
  box.hidden = !show;
  if (!show) return;
  const table = state.mode === "table";
  const { kind, by } = chartOptions();
  const prominent = !applied && info.former.length > 0 && showsRegions(kind, by);
  box.classList.toggle("offer--prominent", prominent);
  box.classList.toggle("offer--applied", applied);
  setText(
    $("regions-text"),
    applied
      ? t(info.former.length > 0 ? "regions.applied" : "regions.appliedNone")
      : t("regions.offer", { names: info.former, table }),
  );
  const first = info.former.find((name) => info.units.has(name));
  const more = $("regions-more");
  more.hidden = !(prominent && first);
  setText(more, more.hidden ? "" : t("regions.prominent", { name: first, unit: info.units.get(first) }));

  const groups = applied ? info.groups : [];
  $("regions-combined").hidden = groups.length === 0;
  setText($("regions-list-title"), t(table ? "regions.list.table" : "regions.list.data"));
  const shape = JSON.stringify([state.lang, table, groups]);
  const list = $("regions-list");
  if (list.dataset.shape !== shape) {
    list.dataset.shape = shape;
    list.replaceChildren(
      ...groups.map((g) => {
        const li = document.createElement("li");
        const key = document.createElement("strong");
        key.textContent = g.key;
        const parts = g.from.map((f) =>
          table && f.rows.length > 0
            ? t("regions.part.rows", { text: f.text, rows: f.rows })
            : t("regions.part.records", { text: f.text, records: f.records }),
        );
        li.append(key, `: ${parts.join(", ")}`);
        return li;
      }),
    );
  }
  const button = $("regions-apply");
  setText(button, applied ? t(table ? "regions.undo.table" : "regions.undo.data") : t("regions.apply"));
  button.classList.toggle("button--primary", !applied);
}

/** In the grid, once added up: the rows of each combined group, and at a former province's
 * cell the unit it went into. */
function markCombined() {
  const info = state.regionInfo;
  const col = state.table?.fieldColumn?.region;
  if (!state.regionFresh || !info?.applied || col === undefined) return;
  // The grid shows the first rows only (GRID_ROWS).
  const shown = new Map(
    [...document.querySelectorAll("#grid tbody tr[data-row]")].map((tr) => [Number(tr.dataset.row), tr]),
  );
  for (const g of info.groups) {
    for (const f of g.from) {
      for (const row of f.rows) {
        const tr = shown.get(row);
        if (!tr) continue;
        tr.classList.add("grid__row--combined");
        const input = state.grid.inputs.get(`${row}:${col}`);
        if (!input) continue;
        const td = input.closest("td");
        td.classList.add("grid__cell--combined");
        if (!f.moved || state.table.rows[row]?.[col]?.trim() === "") continue;
        const msg = td.querySelector(".grid__msg");
        const line = document.createElement("span");
        line.className = "grid__msgline grid__msgline--combined";
        line.textContent = t("regions.cell", { unit: g.key });
        msg.append(line);
        input.setAttribute("aria-describedby", msg.id);
      }
    }
  }
}

/** The journalist's answer to the offer: add up under today's provinces, or not. */
function toggleRegions() {
  state.regions = state.regions === "2025" ? null : "2025";
  schedule(0);
}

// ---- the notation questions ---------------------------------------------------------------------

function renderQuestions() {
  const box = $("questions");
  const questions = state.mode === "table" ? state.questions : [];
  const shape = JSON.stringify([
    state.lang,
    $("unit").value,
    // The figures a question quotes change with the cells (its key names only the blanks).
    questions.map((q) => [q.key, q.example ?? q.text ?? q.header, q.total, q.kept]),
  ]);
  if (box.dataset.shape !== shape) {
    box.dataset.shape = shape;
    const ctx = {
      t,
      unit: $("unit").value,
      answer: (key, value) => {
        state.answers[key] = value;
        schedule(0);
      },
      focusMenu: (col) => $(`pick-${col}`)?.focus(),
    };
    box.replaceChildren(
      ...questions.map((q, i) => (q.kind === "notation" ? questionElement(q, i) : otherQuestion(q, i, ctx))),
    );
  }
  for (const q of questions) {
    for (const input of box.querySelectorAll(`input[data-key="${CSS.escape(q.key)}"]`)) {
      input.checked = input.value === q.answer;
    }
  }
}

function questionElement(q, i) {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "question";
  fieldset.dataset.key = q.key;
  const legend = document.createElement("legend");
  legend.textContent = t("question.legend", columnLetter(q.col), q.header, q.example);
  fieldset.append(legend);
  const unit = $("unit").value;
  const reading = (canonical) =>
    unit && ["dong", "nghin_dong", "trieu_dong", "ty_dong"].includes(unit)
      ? `${plainNumber(canonical, state.lang)} ${unitWords(unit, state.lang)}`
      : plainNumber(canonical, state.lang);
  for (const notation of ["vi", "en"]) {
    const label = document.createElement("label");
    label.className = "question__option";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = `notation-${i}`;
    input.value = notation;
    input.dataset.key = q.key;
    input.addEventListener("change", () => {
      // A table is written one way: the answer also settles the other columns still asked
      // about (their questions stay, answered, to be changed one by one).
      for (const other of state.questions) {
        if (other.kind === "notation" && other.answer === null) state.answers[other.key] = notation;
      }
      state.answers[q.key] = notation;
      schedule(0);
    });
    const span = document.createElement("span");
    span.textContent = t(`question.${notation}`, q.example, reading(q[notation]));
    label.append(input, " ", span);
    fieldset.append(label);
  }
  const count = t("question.count", q.count);
  if (count) {
    const p = document.createElement("p");
    p.className = "help";
    p.textContent = count;
    fieldset.append(p);
  }
  return fieldset;
}

// ---- the grid of the pasted table ---------------------------------------------------------------

/** A row of the grid: its number (and what the row is: the header, the total, above the
 * header), then an input per cell. */
function gridRow(table, cells, row, width, sizes) {
  const tr = document.createElement("tr");
  tr.dataset.row = String(row);
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = String(row + 1);
  let tag = null;
  if (row === table.headerRow) tag = "grid.header";
  else if (row === table.reportedRow) tag = "grid.total";
  else if (row < table.headerRow) tag = "grid.ignored";
  if (tag) {
    const small = document.createElement("span");
    small.className = "grid__tag";
    small.textContent = t(tag);
    th.append(" ", small);
    tr.classList.add(
      row === table.headerRow
        ? "grid__row--header"
        : row === table.reportedRow
          ? "grid__row--total"
          : "grid__row--skipped",
    );
  }
  tr.append(th);
  for (let col = 0; col < width; col++) {
    const td = document.createElement("td");
    if (col >= cells.length) {
      td.className = "grid__cell--missing";
      tr.append(td);
      continue;
    }
    const input = document.createElement("input");
    input.type = "text";
    input.value = cells[col];
    input.spellcheck = false;
    input.autocomplete = "off";
    input.size = sizes[col];
    // A letter of Vietnamese text is about 0.85 of the width of "0" (1ch).
    input.style.setProperty("min-width", `${(sizes[col] * 0.85).toFixed(1)}ch`);
    input.dataset.row = String(row);
    input.dataset.col = String(col);
    input.id = `cell-${row}-${col}`;
    input.tabIndex = -1;
    const header = row === table.headerRow ? "" : (table.columns[col]?.header ?? "");
    input.setAttribute("aria-label", t("grid.cell", cellName(row, col), header));
    const msg = document.createElement("span");
    msg.className = "grid__msg";
    msg.id = `cell-${row}-${col}-msg`;
    td.append(input, msg);
    tr.append(td);
    state.grid.inputs.set(`${row}:${col}`, input);
  }
  return tr;
}

/** The grid's column headings: the letter, and the menu saying what the column holds (out
 * of the tab order: the grid is one tab stop; ArrowUp from the first row reaches it, as does
 * a question's button). */
function renderGridHead(table, width) {
  const head = document.createElement("tr");
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = t("grid.corner");
  head.append(corner);
  for (let col = 0; col < width; col++) {
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.col = String(col);
    const letter = document.createElement("span");
    letter.className = "grid__letter";
    letter.textContent = columnLetter(col);
    th.append(letter);
    const column = table.columns[col];
    if (column) {
      const menu = roleMenu(column, columnLetter(col), { t });
      menu.tabIndex = -1;
      th.append(menu);
    }
    head.append(th);
  }
  $("grid").tHead.replaceChildren(head);
}

/** Shows the parsed table as a grid of inputs (rebuilt when its shape changes, otherwise only
 * its values are refreshed, so that a focused cell keeps the focus). */
function renderGrid() {
  const table = state.table;
  const wrap = $("grid-wrap");
  if (!table || table.rows.length === 0) {
    wrap.hidden = true;
    state.grid = { shape: "", inputs: new Map(), active: null };
    $("grid").tHead.replaceChildren();
    $("grid").tBodies[0].replaceChildren();
    return;
  }
  wrap.hidden = false;
  const problemRows = new Set(table.problems.map((p) => p.row));
  const shown = table.rows
    .map((cells, row) => ({ cells, row }))
    .filter(({ row }) => row < GRID_ROWS || problemRows.has(row));
  const width = Math.max(table.columns.length, ...shown.map(({ cells }) => cells.length));
  const roles = table.columns.map((c) => [c.key, c.field, c.ignored, c.unitColumn, c.source, c.year, c.rowTotal]);
  const shape = JSON.stringify([
    shown.map(({ cells, row }) => [row, cells.length]),
    width,
    table.headerRow,
    table.reportedRow,
    roles,
    state.lang,
  ]);
  if (state.grid.shape === shape) {
    for (const [key, input] of state.grid.inputs) {
      const [row, col] = key.split(":").map(Number);
      const value = table.rows[row]?.[col] ?? "";
      if (input !== document.activeElement && input.value !== value) input.value = value;
    }
    return;
  }
  const active = state.grid.active;
  state.grid = { shape, inputs: new Map(), active: null };

  renderGridHead(table, width);

  // Each column as wide as its longest text (within reason).
  const sizes = Array.from({ length: width }, (_, col) =>
    Math.min(32, Math.max(6, ...shown.map(({ cells }) => [...(cells[col] ?? "")].length + 2))),
  );
  const rows = shown.map(({ cells, row }) => gridRow(table, cells, row, width, sizes));
  $("grid").tBodies[0].replaceChildren(...rows);
  // One tab stop for the whole grid (arrow keys move inside it).
  const first =
    (active && state.grid.inputs.get(active)) ?? state.grid.inputs.values().next().value;
  if (first) activateCell(first);
}

function activateCell(input) {
  const previous = state.grid.active && state.grid.inputs.get(state.grid.active);
  if (previous) previous.tabIndex = -1;
  input.tabIndex = 0;
  state.grid.active = `${input.dataset.row}:${input.dataset.col}`;
}

function onGridInput(e) {
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || !state.table) return;
  const row = Number(input.dataset.row);
  const col = Number(input.dataset.col);
  state.table.rows[row][col] = input.value;
  $("table-input").value = toTsv(state.table.rows);
  schedule();
}

/** The menu on a column: what it holds, remembered as an answer about that column. */
function onGridPick(e) {
  const select = e.target;
  if (!(select instanceof HTMLSelectElement) || !select.classList.contains("grid__pick")) return;
  state.answers[`role:${select.dataset.key}`] = select.value;
  schedule(0);
}

function onGridKey(e) {
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || input.dataset.row === undefined) return;
  const row = Number(input.dataset.row);
  const col = Number(input.dataset.col);
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd =
    input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
  let target = null;
  const rows = [...state.grid.inputs.keys()].map((k) => Number(k.split(":")[0]));
  const rowList = [...new Set(rows)].sort((a, b) => a - b);
  const r = rowList.indexOf(row);
  if (e.key === "ArrowUp" && r === 0 && $(`pick-${col}`)) {
    e.preventDefault();
    $(`pick-${col}`).focus();
    return;
  }
  if (e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey)) target = [rowList[r - 1], col];
  else if (e.key === "ArrowDown" || e.key === "Enter") target = [rowList[r + 1], col];
  else if (e.key === "ArrowLeft" && atStart) target = [row, col - 1];
  else if (e.key === "ArrowRight" && atEnd) target = [row, col + 1];
  else return;
  const next = target[0] !== undefined && state.grid.inputs.get(`${target[0]}:${target[1]}`);
  e.preventDefault();
  if (!next) return;
  activateCell(next);
  next.focus();
  next.select();
}

// ---- the output -------------------------------------------------------------------------------

/** An absolute http(s) URL from a field, or null. */
function urlOf(value) {
  try {
    const url = new URL(value, location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** Same members, same values, whatever the order. */
function sameData(a, b) {
  const stable = (v) =>
    Array.isArray(v)
      ? `[${v.map(stable).join(",")}]`
      : v && typeof v === "object"
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
            .join(",")}}`
        : JSON.stringify(v);
  return stable(a) === stable(b);
}

/** What each CMS keeps of the code, and so which picture suits it (tests/e2e/cms/). */
const CMS_PICTURE = {
  unknown: "inline",
  tinymce: "inline",
  ckeditor4: "inline",
  ckeditor5: "inline",
  wordpress: "file",
  sharepoint: "file",
};

/** The code last written: { key, code }. */
let written = null;
let writing = 0;

/** The output panel: the fields' checks now, the code once written (it is async: the picture
 * and the compressed link). */
function renderOutput() {
  const form = document.querySelector('input[name="form"]:checked').value;
  const picture = document.querySelector('input[name="picture"]:checked').value;
  $("picture-mode").hidden = form !== "picture";
  $("picture-file").hidden = form !== "picture" || picture !== "file";
  $("field-dataUrl").hidden = form !== "iframe";
  $("picture-download").disabled = !state.good;
  $("download").disabled = !state.good;
  const problems = {};

  const pkgUrl = urlOf(fieldValue("pkg"));
  if (!pkgUrl) problems.pkg = t(fieldValue("pkg") ? "url.invalid" : "pkg.missing", fieldValue("pkg"));
  const base = pkgUrl ? (pkgUrl.href.endsWith("/") ? pkgUrl.href : `${pkgUrl.href}/`) : null;
  $("loader-line").value = base
    ? `<script type="module" src="${new URL("embed.js", base).href}"></script>`
    : "";
  let dataUrl = null;
  if (form === "iframe") {
    const raw = fieldValue("dataUrl");
    dataUrl = raw === "" ? null : urlOf(raw);
    if (raw === "") problems.dataUrl = t("dataUrl.missing");
    else if (!dataUrl) problems.dataUrl = t("url.invalid", raw);
    else if (pkgUrl && dataUrl.origin !== pkgUrl.origin) problems.dataUrl = t("url.otherOrigin");
    else if (
      state.good &&
      state.sample &&
      dataUrl.href === state.sample.url &&
      !sameData(state.good.data, state.sample.data)
    ) {
      problems.dataUrl = t("dataUrl.changed");
    }
  }
  let pictureUrl = null;
  if (form === "picture" && picture === "file") {
    const raw = fieldValue("pictureUrl");
    pictureUrl = raw === "" ? null : urlOf(raw);
    if (raw === "") problems.pictureUrl = t("pictureUrl.missing");
    else if (!pictureUrl) problems.pictureUrl = t("url.invalid", raw);
    else if (!pictureUrl.href.includes(PICTURE_MARK)) problems.pictureUrl = t("pictureUrl.name");
  }
  for (const id of ["pkg", "dataUrl", "pictureUrl"]) {
    const message = problems[id] ?? "";
    setText($(`${id}-error`), message);
    $(id).toggleAttribute("aria-invalid", Boolean(message));
    $(id).closest(".field").classList.toggle("field--invalid", Boolean(message));
  }
  // The technician's section opens by itself when it holds what stops the code.
  if (problems.pkg) $("tech").open = true;

  const handle = state.shown?.["preview-phone"]?.handle;
  const blocked = Object.keys(problems).length > 0;
  const request =
    state.good && handle && !blocked
      ? { form, picture, base, dataUrl: dataUrl?.href, pictureUrl: pictureUrl?.href }
      : null;
  const note = !state.good ? t("output.none") : (Object.values(problems)[0] ?? null);
  $("code-note").hidden = !note;
  setText($("code-note"), note ?? "");
  if (!request) {
    written = null;
    writing++;
    showCode("");
    return;
  }
  const shown = state.shown["preview-phone"];
  const key = JSON.stringify([request, shown.dataJson, shown.optionsJson]);
  if (written?.key === key) {
    showCode(written.code);
    return;
  }
  const job = ++writing;
  track(async () => {
    // The phone preview's chart writes it (the handle's toEmbedCode, as its menu does).
    const code = await handle.toEmbedCode({
      way: form,
      base: request.base,
      picture: request.pictureUrl,
      dataUrl: request.dataUrl,
    });
    if (job !== writing) return;
    written = { key, code };
    showCode(code);
  })();
}

function showCode(code) {
  if ($("code").value !== code) $("code").value = code;
  $("copy").disabled = code === "";
}

/** Copies the code as HTML and as text: pasted into an article's rich view it is the picture,
 * link and table; into a source view or a text field, the code itself. */
async function copyCode() {
  const area = $("code");
  const text = area.value;
  if (!text) return;
  try {
    if (typeof ClipboardItem === "function" && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([text], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    setText($("output-status"), t("copy.done"));
  } catch {
    // No clipboard access (permissions, an old browser): select the code for Ctrl+C.
    area.focus();
    area.setSelectionRange(0, text.length);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    setText($("output-status"), t(copied ? "copy.done" : "copy.selected"));
  }
}

/** The picture as a PNG file named for the chart, for a CMS to upload like any photo. */
async function downloadPicture() {
  const handle = state.shown?.["preview-phone"]?.handle;
  if (!state.good || !handle) return;
  const name = `${PICTURE_MARK}-${slugify(state.good.data.title, "bieu-do")}.png`;
  saveFile(await handle.toPNG({ picture: true }), name);
  setText($("output-status"), t("download.done", name));
}

function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The advice for the CMS chosen, and the picture that suits it. */
function syncCms() {
  const cms = $("cms").value;
  setText($("cms-help"), t(`cms.${cms}.help`));
  const picture = CMS_PICTURE[cms] ?? "inline";
  for (const input of document.querySelectorAll('input[name="picture"]'))
    input.checked = input.value === picture;
}

function downloadJson() {
  if (!state.good) return;
  const { data } = state.good;
  const name = `${slugify(data.title, "khuyen-cong")}.json`;
  saveFile(new Blob([`${formatJson(data)}\n`], { type: "application/json" }), name);
  setText($("output-status"), t("download.done", name));
}

// ---- modes and samples --------------------------------------------------------------------------

function setMode(mode) {
  state.mode = mode === "json" ? "json" : "table";
  for (const input of document.querySelectorAll('input[name="mode"]'))
    input.checked = input.value === state.mode;
  $("mode-table").hidden = state.mode !== "table";
  $("mode-json").hidden = state.mode !== "json";
  if (state.mode === "json") state.jsonMeta = {}; // copy the JSON's fields in again
}

async function loadSample() {
  const sample = SAMPLES.find((s) => s.file === $("sample").value);
  if (!sample) return;
  const url = new URL(`data/${sample.file}`, location.href).href;
  let text;
  try {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    text = await response.text();
  } catch {
    setText($("status"), t("sample.failed", sample[state.lang]));
    return;
  }
  $("json-input").value = text;
  setMode("json");
  state.sample = { file: sample.file, url, data: JSON.parse(text) };
  // The sample's fields, all of them: none is left over from earlier data.
  for (const f of META_FIELDS) {
    const value = typeof state.sample.data[f] === "string" ? state.sample.data[f] : "";
    if (f === "unit") setUnit(value);
    else $(f).value = value;
    state.jsonMeta[f] = value;
  }
  state.unitAuto = false;
  if (state.dataUrlAuto) $("dataUrl").value = url;
  setKind(sample.kind);
  state.kindAuto = false;
  $("by").value = "";
  $("sort").value = "";
  await run();
  setText($("output-status"), t("sample.loaded", state.sample.data.title));
}

function fillExample() {
  $("table-input").value = EXAMPLE.table;
  setMode("table");
  if (fieldValue("title") === "") $("title").value = EXAMPLE.title[state.lang];
  schedule(0);
}

// ---- start ------------------------------------------------------------------------------------

function wire() {
  const onLang = (e) => {
    applyLang(e.target.value);
    syncKindHelp();
    schedule(0);
  };
  for (const input of document.querySelectorAll('input[name="ui-lang"]'))
    input.addEventListener("change", onLang);
  for (const input of document.querySelectorAll('input[name="mode"]')) {
    input.addEventListener("change", (e) => {
      setMode(e.target.value);
      schedule(0);
    });
  }
  $("table-input").addEventListener("input", () => schedule());
  $("json-input").addEventListener("input", () => {
    schedule();
  });
  for (const id of ["title", "subtitle", "source", "height"])
    $(id).addEventListener("input", () => schedule());
  $("unit").addEventListener("change", () => {
    state.unitAuto = false;
    schedule(0);
  });
  $("kind").addEventListener("change", () => {
    state.kindAuto = false;
    syncKindHelp();
    schedule(0);
  });
  for (const id of ["by", "sort", "locale", "theme", ...DIGIT_FIELDS])
    $(id).addEventListener("change", () => schedule(0));
  for (const id of ["pkg", "pictureUrl"]) $(id).addEventListener("input", () => renderOutput());
  $("dataUrl").addEventListener("input", () => {
    state.dataUrlAuto = false;
    renderOutput();
  });
  for (const input of document.querySelectorAll('input[name="form"], input[name="picture"]')) {
    input.addEventListener("change", () => renderOutput());
  }
  $("cms").addEventListener("change", () => {
    syncCms();
    renderOutput();
  });
  $("picture-download").addEventListener("click", track(downloadPicture));
  for (const input of document.querySelectorAll('input[name="device"]')) {
    input.addEventListener("change", (e) => {
      $("previews").dataset.device = e.target.value;
    });
  }
  $("sample-load").addEventListener("click", track(loadSample));
  $("table-example").addEventListener("click", fillExample);
  $("regions-apply").addEventListener("click", toggleRegions);
  $("copy").addEventListener("click", track(copyCode));
  $("download").addEventListener("click", downloadJson);
  const grid = $("grid");
  grid.addEventListener("input", onGridInput);
  grid.addEventListener("change", onGridPick);
  grid.addEventListener("keydown", onGridKey);
  grid.addEventListener("focusin", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.dataset.row !== undefined)
      activateCell(e.target);
  });
}

async function start() {
  const asked = new URLSearchParams(location.search).get("lang");
  let saved = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    saved = null;
  }
  for (const sample of SAMPLES) {
    const option = document.createElement("option");
    option.value = sample.file;
    $("sample").append(option);
  }
  applyLang(asked ?? saved ?? "vi");
  // The library this page is served from: on the newspaper's site, the site's own copy.
  $("pkg").value = new URL("../pkg/", import.meta.url).href;
  syncCms();
  syncKindHelp();
  const fit = new ResizeObserver(() => fitDesktop());
  fit.observe($("preview-desktop"));
  fit.observe($("device-desktop").querySelector(".device__scroll"));
  fitDesktop();
  wire();
  setText($("status"), t("status.loading"));
  try {
    // Dynamic, so that a missing build is said on the page instead of a silent blank one.
    state.pkg = await import("../pkg/index.js");
    await state.pkg.ready();
  } catch (e) {
    console.error(e);
    setText($("status"), t("status.loadFailed"));
    return;
  }
  await run();
}

window.khuyencongEditor = {
  ready: start(),
  idle,
  /** What the page holds now (for tests and the console). */
  state: () => ({
    mode: state.mode,
    lang: state.lang,
    data: state.good?.data ?? null,
    options: state.good?.options ?? null,
    analysis: state.good?.analysis ?? null,
    errors: state.errors.map((e) => ({ where: e.where, message: messageOf(e) })),
    notes: state.notes.map((e) => ({ where: e.where, message: messageOf(e) })),
    questions: state.questions,
    readings: state.readings,
    /** Whether the chart drawn lacks what it shows (no code is offered). */
    gap: state.gap,
    /** The offer of today's provinces: the journalist's choice ("2025" or null), the former
     * provinces the data names, and what adding up combines (with the table's rows). */
    regions: {
      choice: state.regions,
      former: state.regionInfo?.former ?? [],
      combined: (state.regionInfo?.groups ?? []).map((g) => ({
        key: g.key,
        from: g.from.map(({ text, name, records, first, rows, moved }) => ({
          text,
          name,
          records,
          first,
          rows,
          moved,
        })),
      })),
    },
  }),
  /** The preview charts' handles: { phone, desktop } (null before the first chart). */
  previews: () => ({
    phone: state.shown?.["preview-phone"]?.handle ?? null,
    desktop: state.shown?.["preview-desktop"]?.handle ?? null,
  }),
};
