// The demo article (index.html). Its three charts are in the article as an editor saves the
// embed code (a picture, a link, a table); the page's template loads pkg/embed.js, which puts
// each interactive chart in its picture's place. This script only adds, under the plan-and-
// actual chart, what the package noticed in the data ("Lưu ý: Tổng kế hoạch theo nguồn là
// 179,1 tỷ đồng, khác số công bố 179 tỷ đồng."). It imports nothing: it listens to the event
// the chart's box fires ("khuyencong-chart:ready" with detail.chart).
//
// Text reaches the page through textContent only, and there is no inline script or style, so the
// page runs under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//     img-src 'self' data:   (the charts' pictures are data: URLs)

const WITH_NOTES = "plan-actual";
const NOTE = { vi: "Lưu ý: ", en: "Note: " };

document.addEventListener("khuyencong-chart:ready", (e) => {
  const chart = e.detail.chart;
  const { kind, warnings, locale } = chart.view();
  if (kind !== WITH_NOTES || warnings.length === 0) return;
  // Under the paragraph that holds the chart.
  const block = e.target.closest("p") ?? e.target;
  block.nextElementSibling?.matches(".kc__notes") && block.nextElementSibling.remove();
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
  block.after(list);
});
