// The offer of today's provinces, beside the preview: when the data names provinces from
// before the 2025 merger, to add up their figures under today's 34 (never done by the page
// itself), and once added up, which rows went where, in the grid too. What the offer knows
// comes from the package's analysis (regionsOf); the words about names are editor-regions.js's.

import { combinedGroups, provinceNote, showsRegions, unitsOf } from "./editor-regions.js";
import { $, setText, state, t } from "./editor-state.js";
import { schedule } from "./editor-cycle.js";
import { placeOfPath } from "./editor-marks.js";
import { chartOptions } from "./editor-inputs.js";

/** What the offer of today's provinces needs: the former provinces the data names, whether
 * they are added up, the groups that adds up (with the table's rows), and today's unit of each
 * former name. The regrouped analysis is asked for only when there is something to offer. */
export function regionsOf(data, checked) {
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
export function provinceNotes(good) {
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

/** The offer beside the preview: when the data names provinces from before the 2025 merger,
 * to add up their figures under today's 34 units; once done, what was added up, and the way
 * back. Said prominently when the chart is split by province. */
export function renderRegions() {
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
export function markCombined() {
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

/** Listens to the offer's button. */
export function wireRegionsOffer() {
  $("regions-apply").addEventListener("click", toggleRegions);
}
