// The grid of the pasted table: a text input per cell, the menu on each column saying what it
// holds, one tab stop with arrow keys inside. An edit in a cell writes the table text again and
// reads it anew. Its cells (state.grid.inputs) are where editor-marks.js puts the marks.

import { toTsv } from "./editor-table.js";
import { cellName, columnLetter } from "./editor-i18n.js";
import { roleMenu } from "./editor-questions.js";
import { $, GRID_ROWS, state, t } from "./editor-state.js";
import { schedule } from "./editor-cycle.js";

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
export function renderGrid() {
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

export function activateCell(input) {
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

/** Listens to the grid: edits, the columns' menus, the arrow keys, the focus. */
export function wireGrid() {
  const grid = $("grid");
  grid.addEventListener("input", onGridInput);
  grid.addEventListener("change", onGridPick);
  grid.addEventListener("keydown", onGridKey);
  grid.addEventListener("focusin", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.dataset.row !== undefined)
      activateCell(e.target);
  });
}
