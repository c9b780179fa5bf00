// Mounts every kind of chart, in the light and the dark theme and with options that change how
// it is drawn, plus one with bad data (an error box), for the strict-CSP test of
// tests/e2e/reliability-csp.test.mjs. window.khuyencongCsp = { ready, handles: Map(id → handle),
// failed: Map(id → error) } is what the test reads.

import { mount } from "../pkg/index.js";

const CHARTS = [
  ["summary", "phia-bac-2022.json", {}],
  ["sources", "phia-bac-2022.json", {}],
  ["plan-actual", "phia-bac-2022.json", {}],
  ["plan-actual", "binh-dinh-2021.json", { by: "category", sort: "value" }],
  ["regions", "63-tinh-minh-hoa.json", {}],
  ["leverage", "cao-bang-2021-2025.json", {}],
  ["leverage", "cao-bang-2021-2025.json", { by: "year", locale: "en" }],
  ["trend", "dia-phuong-cong-bo.json", {}],
  ["categories", "dak-lak-2020.json", { height: "360px" }],
  ["categories", "binh-dinh-2021.json", { locale: "en" }],
];

const section = document.getElementById("mounted");
const handles = new Map();
const failed = new Map();

async function one(id, file, options) {
  const element = document.createElement("div");
  element.id = id;
  element.className = "csp-chart";
  section.append(element);
  try {
    handles.set(id, await mount(element, `../data/${file}`, options));
  } catch (e) {
    failed.set(id, e);
  }
}

const jobs = [];
for (const theme of ["light", "dark", "auto"]) {
  CHARTS.forEach(([kind, file, options], i) => {
    jobs.push(one(`${theme}-${i}-${kind}`, file, { kind, theme, ...options }));
  });
}
jobs.push(one("bad", "khong-co.json", { kind: "sources" }));
jobs.push(
  (async () => {
    const element = document.createElement("div");
    element.id = "bad-data";
    section.append(element);
    try {
      await mount(element, { title: "T", unit: "ty_dong", records: [{ plan: "-1" }] }, {});
    } catch (e) {
      failed.set("bad-data", e);
    }
  })(),
);

window.khuyencongCsp = { handles, failed, ready: Promise.all(jobs) };
