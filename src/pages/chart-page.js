// chart.html: the interactive chart a chart link carries (embed-code.js's chartAddress), drawn
// from the link's fragment alone. The title of the page and its heading are the chart's.
import { readAddress } from "./embed-code.js";
import { drawAddress } from "./embed-draw.js";

const TEXT = {
  vi: {
    broken:
      "Liên kết này không chứa đủ số liệu của biểu đồ (có thể đã bị cắt khi sao chép). Hãy mở lại liên kết từ bài viết.",
    failed: "Không vẽ được biểu đồ từ liên kết này: ",
  },
  en: {
    broken:
      "This link does not hold the chart's data in full (it may have been cut when copied). Open the link from the article again.",
    failed: "The chart in this link could not be drawn: ",
  },
};

const $ = (id) => document.getElementById(id);

function show(text) {
  $("message").textContent = text;
  $("message").hidden = false;
}

async function draw() {
  const address = readAddress(location.href);
  const locale = address?.attributes.find(([name]) => name === "locale")?.[1] ?? "vi";
  const t = TEXT[locale.toLowerCase().startsWith("en") ? "en" : "vi"];
  document.documentElement.lang = t === TEXT.en ? "en" : "vi";
  if (!address || (!address.data && !address.src)) {
    show(t.broken);
    return;
  }
  try {
    const chart = await drawAddress($("chart"), address);
    document.title = chart.view().title;
    $("page-title").textContent = chart.view().title;
  } catch (err) {
    // The chart's own error box says what the data lacks. Nothing drawn: it failed before the
    // chart, on the link itself: its data (`d`) does not decompress, as when the link was cut
    // short, or its `src` is refused.
    if ($("chart").childElementCount > 0) return;
    show(address.data ? t.broken : t.failed + (err?.message ?? err));
  }
}

draw();
// Another chart's address typed or pasted in the same tab.
addEventListener("hashchange", () => location.reload());
