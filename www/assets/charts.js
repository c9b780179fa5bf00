// The chart gallery (charts.html): mounts a chart into every [data-chart] element, from the
// JSON file named in its data-src with the kind (and dimension, region grouping) in data-kind
// (data-by, data-regions), and wires the theme and language switches to setOptions().
//
// Each [data-chart] element ends with data-state="ready" or "error" (the package then shows
// the error in place). window.khuyencongGallery = { charts: Map(id → handle), ready: Promise }
// is there for the end-to-end tests and for trying the API from the console.
//
// No inline script or style anywhere: the page runs under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const root = document.documentElement;
const controls = document.getElementById("controls");
const nodes = [...document.querySelectorAll("[data-chart]")];
const charts = new Map();

const NOTE = { vi: "Lưu ý: ", en: "Note: " };

const choice = (name) => controls.elements[name].value;

async function start() {
  let pkg;
  try {
    // Dynamic, so that a missing build ends in an error state instead of a silent blank page.
    pkg = await import("../pkg/index.js");
  } catch (err) {
    for (const node of nodes) {
      const box = document.createElement("p");
      box.setAttribute("role", "alert");
      box.textContent = err.message;
      node.append(box);
      node.dataset.state = "error";
    }
    return;
  }
  await Promise.all(nodes.map((node) => mountOne(pkg.mount, node)));
}

async function mountOne(mount, node) {
  const options = { kind: node.dataset.kind, theme: choice("theme"), locale: choice("locale") };
  if (node.dataset.by) options.by = node.dataset.by;
  if (node.dataset.regions) options.regions = node.dataset.regions;
  try {
    const chart = await mount(node, node.dataset.src, options);
    charts.set(node.id, chart);
    showWarnings(node, chart);
    node.dataset.state = "ready";
  } catch {
    // mount() has put an error box (role="alert") with the message in the node.
    node.dataset.state = "error";
  }
}

// What the package noticed in the data (e.g. parts that do not add up to the published
// total), under the chart, in the chart's language.
function showWarnings(node, chart) {
  node.parentElement.querySelector(".card__notes")?.remove();
  const { warnings, locale } = chart.view();
  if (warnings.length === 0) return;
  const list = document.createElement("ul");
  list.className = "card__notes";
  for (const w of warnings) {
    const item = document.createElement("li");
    item.dataset.code = w.code;
    const label = document.createElement("strong");
    label.textContent = NOTE[locale];
    item.append(label, w.message);
    list.append(item);
  }
  node.after(list);
}

// A failing setOptions shows its error in place (role="alert"); nothing more to do here.
controls.addEventListener("change", async (e) => {
  const { name, value } = e.target;
  if (name === "theme") {
    root.dataset.theme = value;
    await Promise.allSettled(
      [...charts.values()].map((chart) => chart.setOptions({ theme: value })),
    );
  } else if (name === "locale") {
    root.lang = value;
    await Promise.allSettled(
      [...charts].map(async ([id, chart]) => {
        await chart.setOptions({ locale: value });
        showWarnings(document.getElementById(id), chart);
      }),
    );
  }
});

window.khuyencongGallery = { charts, ready: start() };
