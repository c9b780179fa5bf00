// Where errors and notes go, and how they are shown: the place each belongs to (a field, a
// cell or row of the grid, the JSON text, the table as a whole), in words for the list of
// problems; the marks at that place (cleared and drawn again on every update); the list of
// problems whose buttons focus the place; the readings and warnings beside the preview.

import { locateInTable } from "./editor-table.js";
import { locateJson, offsetOf } from "./editor-json.js";
import { cellName } from "./editor-i18n.js";
import { plainMessage } from "./editor-errors.js";
import { $, META_FIELDS, OPTION_FIELDS, at, setText, state, t } from "./editor-state.js";
import { activateCell } from "./editor-grid.js";

export function placeOfTable(p) {
  if (p.row < 0) return at.table();
  if (p.col < 0) return at.row(p.row);
  return at.cell(p.row, p.col);
}

/** The message of a package error without its leading path (the place shows where it is). */
export function stripPath(e) {
  const prefix = `${e.path}: `;
  if (!e.path || !e.message.startsWith(prefix)) return e.message;
  const rest = e.message.slice(prefix.length);
  // Now the start of a sentence: "thiếu trường bắt buộc." → "Thiếu trường bắt buộc."
  return rest.charAt(0).toLocaleUpperCase(state.lang) + rest.slice(1);
}

/** Where a KhuyenCongError's path points: a field, a table cell or row, or the JSON text. */
export function placeOfPath(path, message) {
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
export function placeName(where) {
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

export function messageOf(item) {
  if (item.message) return item.message;
  // The unit chosen, for the figures a remark quotes ("8.588 triệu đồng"); a problem about
  // units keeps its own.
  const p = { unit: $("unit").value, ...item.problem };
  return t(`${item.note ? "note" : "problem"}.${p.code}`, p);
}
/** A package error at its place, in the journalist's words outside the JSON box (which keeps
 * the package's own sentence, with its path). */
export function errorAt(e) {
  const where = placeOfPath(e.path, e.message);
  const plain = where.kind === "json" ? null : plainMessage(e, state.lang);
  return { where, message: plain ?? stripPath(e) };
}

export function clearMarks() {
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
export function mark(item, level) {
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
export function markQuestion(q) {
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

export function renderProblemList() {
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
export function renderWarnings() {
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
