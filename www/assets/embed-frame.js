// embed.html: one chart from the query string, the iframe's full width, for CMSs that strip
// scripts from articles. The host page only needs
//   <iframe src="…/embed.html?src=data/x.json&kind=sources" data-khuyencong-frame title="…"
//           width="100%" height="480" loading="lazy" frameborder="0"></iframe>
// and, if it can run the package's embed.js, that resizes the iframe to the chart's height.
//
// Query: src, kind, by, locale, theme, sort, height, percent-digits, ratio-digits, amount-digits
// (the attributes of <khuyencong-chart>).
// src is resolved against this page and must be on its origin: the chart refuses any other
// (allow-cross-origin is not one of the parameters), so a link to this page cannot make it load
// somebody else's data.
//
// Whenever the page's height changes, it posts { type: "khuyencong-chart:height", height } to
// the host page: a number, no data. No inline script or style: the page runs under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const PARAMETERS = [
  "src",
  "kind",
  "by",
  "locale",
  "theme",
  "sort",
  "height",
  "percent-digits",
  "ratio-digits",
  "amount-digits",
];
const HEIGHT_MESSAGE = "khuyencong-chart:height";

const params = new URLSearchParams(location.search);
const root = document.documentElement;
const english = (params.get("locale") ?? "").toLowerCase().startsWith("en");
root.lang = english ? "en" : "vi";
root.dataset.theme = ["light", "dark"].includes(params.get("theme")) ? params.get("theme") : "auto";

const chart = document.createElement("khuyencong-chart");
for (const name of PARAMETERS) {
  const value = params.get(name);
  if (value !== null && value.trim() !== "") chart.setAttribute(name, value.trim());
}
chart.addEventListener("khuyencong-chart:ready", (e) => {
  document.title = e.detail.chart.view().title;
  document.getElementById("frame-title").textContent = document.title;
});
document.getElementById("frame").append(chart);

// The height of everything on the page (the chart, or its error box), to the host page; not
// while loading, so that the iframe goes from its own height straight to the chart's.
let posted = 0;
function postHeight() {
  if (chart.isConnected && !["ready", "error"].includes(chart.dataset.kcState)) return;
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === posted || window.parent === window) return;
  posted = height;
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
}
new ResizeObserver(postHeight).observe(root);
chart.addEventListener("khuyencong-chart:ready", postHeight);
chart.addEventListener("khuyencong-chart:error", postHeight);

// The wasm embed.js will load for this one chart (its kind's file, beside embed.js), fetched
// from now on beside embed.js rather than after it. An unknown kind gets no preload: embed.js
// then loads the file of all kinds, whose chart reports the kind by name.
const KINDS = ["summary", "sources", "plan-actual", "regions", "leverage", "trend", "categories"];
const kind = chart.getAttribute("kind") ?? "sources";
if (KINDS.includes(kind)) {
  const preload = document.createElement("link");
  preload.rel = "preload";
  preload.as = "fetch";
  preload.crossOrigin = "anonymous";
  preload.href = new URL(`khuyencong_charts_view_${kind}_bg.wasm`, new URL("../pkg/embed.js", import.meta.url)).href;
  document.head.append(preload);
}

try {
  // Dynamic, so that a missing package says so instead of leaving an empty frame.
  await import("../pkg/embed.js");
} catch (err) {
  const message = document.createElement("p");
  message.className = "frame__message";
  message.setAttribute("role", "alert");
  message.textContent = english
    ? `The chart could not be loaded: ${err.message}`
    : `Không tải được biểu đồ: ${err.message}`;
  chart.replaceWith(message);
  postHeight();
}
