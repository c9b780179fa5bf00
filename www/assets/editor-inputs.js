// Reading the inputs: the data from the pasted table or the JSON text merged with the fields
// (build), the chart options from the form (chartOptions), and what the page fills in by itself
// and must not undo once the journalist chose: the unit named in a column's header, the
// JSON's title, subtitle, source and unit, the kind that suits a new table. Which input is read
// (setMode) lives here too.

import { readTable } from "./editor-table.js";
import { cellName, unitWords } from "./editor-i18n.js";
import { $, DIGIT_FIELDS, META_FIELDS, at, fieldValue, setText, state, t } from "./editor-state.js";
import { placeOfTable, stripPath } from "./editor-marks.js";
import { SCHEMA } from "../pkg/rust-constants.js";

/** Kinds whose dimension can be chosen with `by`. */
const CHOOSABLE = ["plan-actual", "regions", "leverage", "categories"];
/** Errors of the JSON text itself (before its meaning is read). */
const TEXT_ERRORS = ["invalid_json", "duplicate_key", "too_deep"];

/** The chart options from the form (undefined clears an option in setOptions). */
export function chartOptions() {
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

/** Builds the data from the table or the JSON and the fields. Returns { data, errors, pending }. */
export function build() {
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
  // The data's members in the schema's order (the JSON the journalist downloads reads as documented).
  for (const key of SCHEMA.top) if (key in merged) data[key] = merged[key];
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
export function setUnit(value) {
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

export function setKind(kind) {
  $("kind").value = kind;
  syncKindHelp();
}

export function syncKindHelp() {
  const kind = $("kind").value;
  const help = $("kind-help");
  help.dataset.i18n = `kindhelp.${kind}`;
  help.textContent = t(`kindhelp.${kind}`);
  $("by").disabled = !CHOOSABLE.includes(kind);
}

export function setMode(mode) {
  state.mode = mode === "json" ? "json" : "table";
  for (const input of document.querySelectorAll('input[name="mode"]'))
    input.checked = input.value === state.mode;
  $("mode-table").hidden = state.mode !== "table";
  $("mode-json").hidden = state.mode !== "json";
  if (state.mode === "json") state.jsonMeta = {}; // copy the JSON's fields in again
}
