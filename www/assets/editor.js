// The editor page (editor.html): a pasted table, JSON or sample data → data of schema v1 →
// a live preview at phone and desktop width → the embed code and the JSON file.
//
// Everything the user typed reaches the page through textContent, value and setAttribute
// only (never innerHTML), and every style through classes or the CSSOM, so the page runs
// under  default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
// img-src 'self' data: (the picture of the embed code is a data: URL).
//
// This file holds the update cycle (update: inputs → data → previews → what is shown), the
// language switch and the start; window.khuyencongEditor is there for the end-to-end tests.
// The page's parts, each owning its part of the page:
//   editor-state.js          the shared state, $, t, setText, the field names (imports no part)
//   editor-cycle.js          schedule / run / idle / track: when the update runs (imports no part)
//   editor-inputs.js         reading the table or JSON and the fields: build(), chartOptions()
//   editor-marks.js          where errors and notes go and how they show; the list of problems,
//                            the readings and warnings beside the preview
//   editor-grid.js           the grid of the pasted table
//   editor-questions-box.js  the questions under the table
//   editor-regions-offer.js  the offer of today's provinces
//   editor-preview.js        the phone and desktop previews
//   editor-output.js         the embed code, copy, downloads, the CMS's picture
//   editor-samples.js        the published samples and the example table
// The pure parts: editor-table.js (reading the table, and the questions about it),
// editor-checks.js (whether the chart has what it shows), editor-errors.js (the package's
// errors in the journalist's words), editor-json.js (finding a path in JSON text),
// ../pkg/embed-code.js (the embed code), editor-regions.js (the provinces since the 2025
// merger) and editor-i18n.js (the words); editor-questions.js builds the questions' elements
// and the columns' menus.

import { TEXT } from "./editor-i18n.js";
import { chartGap } from "./editor-checks.js";
import { $, DIGIT_FIELDS, at, setText, state, t } from "./editor-state.js";
import { idle, run, schedule, setUpdate } from "./editor-cycle.js";
import { build, chartOptions, setMode, syncKindHelp } from "./editor-inputs.js";
import {
  clearMarks,
  errorAt,
  mark,
  markQuestion,
  messageOf,
  placeName,
  renderProblemList,
  renderWarnings,
} from "./editor-marks.js";
import { renderGrid, wireGrid } from "./editor-grid.js";
import { renderQuestions } from "./editor-questions-box.js";
import {
  markCombined,
  provinceNotes,
  regionsOf,
  renderRegions,
  wireRegionsOffer,
} from "./editor-regions-offer.js";
import { markStale, showPreview, watchPreviews, wirePreviews } from "./editor-preview.js";
import { initOutput, labelCms, renderOutput, wireOutput } from "./editor-output.js";
import { labelSamples, listSamples, wireSamples } from "./editor-samples.js";

const LANG_KEY = "khuyencong-editor-lang";

// ---- words -----------------------------------------------------------------------------------

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
  labelSamples();
  for (const input of document.querySelectorAll('input[name="ui-lang"]')) {
    input.checked = input.value === state.lang;
  }
  try {
    localStorage.setItem(LANG_KEY, state.lang);
  } catch {
    // Storage may be off; the switch still works for this visit.
  }
  state.grid.shape = ""; // labels are in the language: build the grid again
  labelCms();
}

// ---- the update cycle ---------------------------------------------------------------------------

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

/** The sources the table has no figure for (the reader left their rows out). */
const missingSources = () =>
  state.readings.filter((r) => r.code === "no_figure" && r.label).map((r) => r.label.trim());

/** The rows an answer about a figure some rows lack left out (editor-table-partial.js). */
const leftByAnswer = () =>
  state.readings
    .filter((r) => r.code === "partial_rows")
    .flatMap((r) => r.units.map((u) => u.label?.trim()).filter(Boolean));
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

  markStale();
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
  wireOutput();
  wirePreviews();
  wireSamples();
  wireRegionsOffer();
  wireGrid();
}

async function start() {
  const asked = new URLSearchParams(location.search).get("lang");
  let saved = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    saved = null;
  }
  listSamples();
  applyLang(asked ?? saved ?? "vi");
  initOutput();
  syncKindHelp();
  watchPreviews();
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

setUpdate(update);

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
