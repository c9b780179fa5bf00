// The chart of the embed code that survives rich-text editors (a picture, a link, a table),
// drawn by embed-draw.js when embed.js finds one near the viewport: the interactive chart takes
// the picture's box, and the picture stays if anything fails (a reader never sees an error in
// its place). drawAddress() also serves chart.html, the page the link opens.
import { mount } from "./chart.js";
import { el } from "./chart-style.js";
import { STATE, inflateData, optionsOf } from "./embed-code.js";

/** A chart's picture, its link and the box it is drawn in → { chart } (null until drawn). */
const embeds = new WeakMap();

/** The chart drawn for the picture, link or box `element`, or null. */
export function pictureChartOf(element) {
  return embeds.get(element)?.chart ?? null;
}

/**
 * Draws the chart of a chart link (`address`: embed-code.js's readAddress) in the box of its
 * picture `img` (or, without one, before the link's paragraph) and hides the picture once the
 * chart is drawn. If anything fails (the data, the wasm, a host without CORS) the picture stays
 * and the reader sees nothing else: the reason goes to the console.
 */
export async function drawPicture(link, img, address) {
  if (embeds.has(link)) return;
  const picture = { chart: null };
  embeds.set(link, picture);
  if (img) embeds.set(img, picture);
  // A picture without width and height (CKEditor 4 writes them as a style attribute, which
  // allow-lists and strict CSPs drop) has no size until its file has come: measured sooner, the
  // chart would get an empty box (tests/e2e/cms/roundtrip.test.mjs).
  if (img && !img.complete) await img.decode().catch(() => {});
  // A picture a filter emptied (its data: address removed) or that did not load is no box to
  // keep: the chart goes where it is, at the column's width, and the remnant is hidden with it.
  const shown = img !== null && img.naturalWidth > 0;
  // Over the picture while it draws: absolutely positioned without offsets, a box sits where it
  // would be in the flow (the picture's place), and takes no room. Inline-block, as the picture
  // is, so that the line around it keeps its height when the two swap.
  const box = el("div", {
    display: shown ? "inline-block" : "block",
    position: shown ? "absolute" : "static",
    visibility: "hidden",
    "max-width": "100%",
    "vertical-align": "baseline",
    "text-align": "left",
  });
  box.className = "kc-embed kc-embed--picture";
  box.setAttribute(STATE, "loading");
  embeds.set(box, picture);
  // The chart takes the picture's box: the picture is made tall enough for the chart's text on
  // a phone (chart-export.js, the picture's size), so the swap moves nothing on the page.
  let height;
  if (shown) {
    const rect = img.getBoundingClientRect();
    // As wide as the picture, and like it no wider than its column (a phone turned, print).
    box.style.setProperty("width", `${rect.width}px`);
    if (rect.height > 0) height = rect.height;
    img.before(box);
  } else {
    ((img ?? link).closest("p, figure, div, li") ?? img ?? link).before(box);
  }
  try {
    picture.chart = await drawAddress(box, address, height);
    if (!box.isConnected) throw new Error("removed");
  } catch (err) {
    picture.chart?.destroy();
    picture.chart = null;
    box.remove();
    for (const node of [link, img, box]) if (node) embeds.delete(node);
    console.warn("khuyencong-charts: the chart stays a picture:", err?.message ?? err);
    return;
  }
  // One change, one frame: the chart where the picture was, the same height.
  img?.style.setProperty("display", "none");
  box.style.setProperty("position", "static");
  box.style.setProperty("visibility", "visible");
  box.setAttribute(STATE, "ready");
  box.dispatchEvent(
    new CustomEvent("khuyencong-chart:ready", { bubbles: true, detail: { chart: picture.chart } }),
  );
}

/**
 * Mounts the chart of a chart link (`address`: embed-code.js's readAddress) in `container`, as
 * tall as `height` (CSS px) unless the link says otherwise. Resolves to the handle; rejects as
 * mount() does, or when the link's data is not what chartAddress wrote.
 */
export async function drawAddress(container, address, height) {
  const options = optionsOf((name) => address.attributes.find(([n]) => n === name)?.[1]);
  options.height ??= height;
  let data;
  if (address.data) {
    data = await inflateData(address.data);
  } else {
    data = sourceOf(address.src);
    options.allowCrossOrigin = new URL(data).origin !== location.origin;
  }
  return mount(container, data, options);
}

/**
 * A link's data file: on the article's origin, or on the package's (where this module comes
 * from, the host the webmaster chose); a link that points anywhere else is not followed.
 */
function sourceOf(src) {
  const url = new URL(src);
  const own = new URL(import.meta.url).origin;
  if (url.origin !== location.origin && url.origin !== own) {
    throw new Error(`${src}: not on this page's origin nor the package's`);
  }
  return url.href;
}
