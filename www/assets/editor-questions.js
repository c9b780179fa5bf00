// The questions the table reader asks (editor-table.js) other than the notation one, as the
// page shows them under the pasted table, and the menu on each column of the grid that says
// what the column holds. DOM only through createElement and textContent (the page's CSP).
// `ctx` = { t, unit, answer(key, value), focusMenu(col) }: the words, the unit chosen, and what
// to do with an answer.

import { ROLES } from "./editor-table.js";

/** A radio button with its label, in a question. */
function option(q, i, value, text, ctx) {
  const label = document.createElement("label");
  label.className = "question__option";
  const input = document.createElement("input");
  input.type = "radio";
  input.name = `question-${i}`;
  input.value = value;
  input.dataset.key = q.key;
  input.checked = q.answer === value;
  input.addEventListener("change", () => ctx.answer(q.key, value));
  const span = document.createElement("span");
  span.textContent = text;
  label.append(input, " ", span);
  return label;
}

function fieldset(q, legendText) {
  const box = document.createElement("fieldset");
  box.className = `question question--${q.kind}`;
  box.dataset.key = q.key;
  const legend = document.createElement("legend");
  legend.textContent = legendText;
  box.append(legend);
  return box;
}

/** "1,5" or 1.500: both readings, with the unit. */
function scaleQuestion(q, i, ctx) {
  const { t, unit } = ctx;
  const box = fieldset(q, t("question.scale", q));
  box.append(
    option(q, i, "written", t("question.scale.written", q, unit), ctx),
    option(q, i, "scaled", t("question.scale.scaled", q, unit), ctx),
  );
  return box;
}

/** Blank cells under a label: a merged cell, or rows without that label. */
function mergedQuestion(q, i, ctx) {
  const { t } = ctx;
  const box = fieldset(q, t("question.merged", q));
  box.append(
    option(q, i, "fill", t("question.merged.fill", q), ctx),
    option(q, i, "blank", t("question.merged.blank", q), ctx),
  );
  return box;
}

/** A figure some rows lack beside the main one (editor-table-partial.js): the blank cells are
 * 0, leave the figure out, or count only the rows that have it; the choices the reader offers. */
function partialQuestion(q, i, ctx) {
  const { t, unit } = ctx;
  const box = fieldset(q, t("question.partial", q, unit));
  box.append(...q.choices.map((c) => option(q, i, c, t(`question.partial.${c}`, q, unit), ctx)));
  return box;
}

/** A column not understood: the answer is in the menu on the column (the button goes there). */
function roleQuestion(q, i, ctx) {
  const { t } = ctx;
  const box = fieldset(q, t("question.role", q));
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button--quiet";
  button.textContent = t("question.role.go", q);
  button.addEventListener("click", () => ctx.focusMenu(q.col));
  box.append(button);
  return box;
}

/** The element of a question of the table reader, other than the notation question. */
export function otherQuestion(q, i, ctx) {
  if (q.kind === "scale") return scaleQuestion(q, i, ctx);
  if (q.kind === "merged") return mergedQuestion(q, i, ctx);
  if (q.kind === "partial") return partialQuestion(q, i, ctx);
  return roleQuestion(q, i, ctx);
}

/** The value of a column's menu: its field, "ignore", "unit" (a column of units), or "" for
 * a column not understood. */
export function roleValue(column) {
  if (!column) return "";
  if (column.unitColumn && !column.chosen) return "unit";
  if (column.ignored) return "ignore";
  return column.field ?? "";
}

/** The menu on a column of the grid: what it holds, as read or as chosen. */
export function roleMenu(column, letter, { t }) {
  const select = document.createElement("select");
  select.className = "grid__pick";
  select.id = `pick-${column.index}`;
  select.dataset.col = String(column.index);
  select.dataset.key = column.key;
  select.setAttribute("aria-label", t("grid.pick", letter, column.header));
  const value = roleValue(column);
  const values = [...(value === "" ? [""] : []), ...ROLES, ...(value === "unit" ? ["unit"] : [])];
  for (const v of values) {
    const item = document.createElement("option");
    item.value = v;
    item.textContent = v === value ? t("role.current", v, column) : t(`role.${v || "none"}`);
    select.append(item);
  }
  select.value = value;
  if (value === "") select.classList.add("grid__pick--open");
  return select;
}
