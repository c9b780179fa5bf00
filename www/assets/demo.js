// The demo article (index.html). Its three charts are embedded exactly as an editor pastes the
// snippet: pkg/embed.js and a <khuyencong-chart> element with the figures typed inside as the
// fallback. This script only adds, under the plan-and-actual chart, what the package noticed in
// the data ("Lưu ý: Tổng kế hoạch theo nguồn là 179,1 tỷ đồng, khác số công bố 179 tỷ đồng."),
// and takes it away again if that chart fails. It imports nothing: it listens to the events the
// element fires ("khuyencong-chart:ready" with detail.chart, "khuyencong-chart:error").
//
// Text reaches the page through textContent only, and there is no inline script or style, so the
// page runs under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const WITH_NOTES = "#kc-ke-hoach khuyencong-chart";
const NOTE = { vi: "Lưu ý: ", en: "Note: " };

function showNotes(element, chart) {
  element.parentElement.querySelector(".kc__notes")?.remove();
  if (!chart) return;
  const { warnings, locale } = chart.view();
  if (warnings.length === 0) return;
  const list = document.createElement("ul");
  list.className = "kc__notes";
  for (const w of warnings) {
    const item = document.createElement("li");
    item.dataset.code = w.code;
    const label = document.createElement("strong");
    label.textContent = NOTE[locale];
    item.append(label, w.message);
    list.append(item);
  }
  element.after(list);
}

document.addEventListener("khuyencong-chart:ready", (e) => {
  if (e.target.matches(WITH_NOTES)) showNotes(e.target, e.detail.chart);
});
document.addEventListener("khuyencong-chart:error", (e) => {
  if (e.target.matches(WITH_NOTES)) showNotes(e.target, null);
});

// In case the chart was drawn before this script ran.
const drawn = document.querySelector(WITH_NOTES);
if (drawn?.chart) showNotes(drawn, drawn.chart);
