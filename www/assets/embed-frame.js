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
// In a frame the chart fills the frame's height, which the embed code sets from the chart's own
// (the editor page writes it): a host page that runs no script, and so never resizes the frame,
// shows no blank band under the chart nor a cut one.
// The frame's height as it first is, in px: not 100vh, which a host that fits the frame to the
// page (embed.js, AMP) would grow with the data table opened under the chart, again and again.
if (window.parent !== window && !chart.hasAttribute("height") && innerHeight > 0) {
  chart.setAttribute("height", String(innerHeight));
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
  // AMP pages resize an <amp-iframe resizable> on this message.
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}
new ResizeObserver(postHeight).observe(root);
chart.addEventListener("khuyencong-chart:ready", postHeight);
chart.addEventListener("khuyencong-chart:error", postHeight);

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
