// The published samples (www/data/) and the example table: the sample menu, loading a sample
// into the JSON box with the kind that suits it, filling in the example table.

import { $, META_FIELDS, fieldValue, setText, state, t } from "./editor-state.js";
import { run, schedule, track } from "./editor-cycle.js";
import { setKind, setMode, setUnit } from "./editor-inputs.js";

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

/** The sample menu's options (named in the interface's language by labelSamples). */
export function listSamples() {
  for (const sample of SAMPLES) {
    const option = document.createElement("option");
    option.value = sample.file;
    $("sample").append(option);
  }
}

/** Names the samples in the interface's language. */
export function labelSamples() {
  for (const option of $("sample").options) {
    const sample = SAMPLES.find((s) => s.file === option.value);
    if (sample) option.textContent = sample[state.lang];
  }
}

/** Listens to the sample's button and the example's. */
export function wireSamples() {
  $("sample-load").addEventListener("click", track(loadSample));
  $("table-example").addEventListener("click", fillExample);
}
