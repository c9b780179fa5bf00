// The questions under the pasted table (#questions): the notation one built here, the others
// by editor-questions.js. Rebuilt only when what they say changes, so that a radio button
// keeps the focus; an answer is remembered in state.answers and reads the table again.

import { columnLetter, plainNumber, unitWords } from "./editor-i18n.js";
import { otherQuestion } from "./editor-questions.js";
import { $, state, t } from "./editor-state.js";
import { schedule } from "./editor-cycle.js";

export function renderQuestions() {
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
