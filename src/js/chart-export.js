// The chart as a file: a PNG image, an SVG document, the CSV of its figures, and the embed code
// that shows its picture in an article. Each file is laid out again for it (the light theme,
// the chart's CSS width, or the embed code's picture size) and the on-screen layout put back. In the reader's build (embed-draw.js), SVG
// and CSV come from a copy of the chart in the full build (chart-loading.js). `host` is the
// handle's (chart.js), `render` the chart's Render (chart-render.js).
import { toJson } from "./json-text.js";
import { KhuyenCongError } from "./core.js";
import { ExportChart, OWN_EXPORTS } from "./chart-loading.js";
import { wasm } from "./chart-errors.js";
import { PHONE_BAND } from "./chart-render.js";
import { TEXT, describe } from "./chart-text.js";
import {
  PHONE_WIDTH,
  PICTURE_WIDTH,
  attributesOf,
  embedCodes,
  escapeHtml,
  svgDataUrl,
} from "./embed-code.js";

/** Exports are drawn at twice the CSS size. */
const EXPORT_SCALE = 2;
/** Width (CSS px) of an export of a chart that was never laid out (mounted hidden). */
const EXPORT_WIDTH = 640;

/** A Blob of type image/png at twice the CSS size (see ChartHandle.toPNG). */
export async function png(host, render, picture) {
  const canvas = document.createElement("canvas");
  const { width, height } = exportLayout(host, render, canvas, picture);
  try {
    canvas.width = Math.round(width * EXPORT_SCALE);
    canvas.height = Math.round(height * EXPORT_SCALE);
    host.call((c) => c.paint(canvas, EXPORT_SCALE, -1));
  } finally {
    render.restore();
  }
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new KhuyenCongError(TEXT[host.locale].exportFailed, "internal");
  return blob;
}

/** The SVG document, its <title> and <desc> the chart's (see ChartHandle.toSVG). */
export function svg(host, render, picture) {
  const text = exported(host, render, (c) => c.toSVG(), true, picture);
  const view = host.view;
  const about = `<title>${escapeXml(view.title)}</title><desc>${escapeXml(describe(view))}</desc>`;
  return text.replace(/^<svg\b[^>]*>/, (open) => `${open}\n${about}`);
}

export function csv(host, render) {
  return exported(host, render, (c) => c.toCSV(), false);
}

/**
 * The HTML of the embed code `way` (see ChartHandle.toEmbedCode) for the chart whose picture is
 * `svg`, mounted from `sourceUrl` (null: from data given inline).
 */
export async function embedCode(host, svg, sourceUrl, { way = "picture", base, picture, dataUrl } = {}) {
  const { view, options } = host;
  const [, width, height] = /<svg\b[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"/.exec(svg) ?? [];
  const codes = await embedCodes({
    view,
    json: host.json,
    attributes: attributesOf({ ...options, kind: view.kind, locale: host.locale }),
    pkgBase: new URL(base ?? "./", import.meta.url).href,
    picture: { src: picture ?? svgDataUrl(svg), width: Number(width), height: Number(height) },
    dataUrl: dataUrl ?? sourceUrl ?? undefined,
    allowCrossOrigin: options.allowCrossOrigin === true,
    frameHeight: view.height,
  });
  const code = codes[way];
  if (typeof code !== "string") {
    throw new KhuyenCongError(`way: ${way}`, "invalid_option", "way");
  }
  return code;
}

/**
 * `fn` on a wasm chart that has the exports, laid out for export if `laidOut` (the light
 * theme, the on-screen width): this chart's own object (its layout put back after), or, in
 * the reader's build, a copy in the full build with the same data, options and hidden
 * series, freed after.
 */
function exported(host, render, fn, laidOut, picture) {
  if (OWN_EXPORTS) {
    if (!laidOut) return host.call(fn);
    try {
      exportLayout(host, render, document.createElement("canvas"), picture);
      return host.call(fn);
    } finally {
      render.restore();
    }
  }
  const locale = host.locale;
  if (!ExportChart) throw new KhuyenCongError(TEXT[locale].exportNotReady, "not_ready");
  const copy = wasm(() => new ExportChart(host.json, toJson(host.options, locale)), locale);
  try {
    if (laidOut) {
      const canvas = document.createElement("canvas");
      const layout = (width, requested) =>
        wasm(() => copy.layout(canvas, width, requested, false), locale);
      // The series the reader hid (the copy's legend is in the same order).
      const hidden = (host.view?.legend ?? []).flatMap((entry, i) => (entry.hidden ? [i] : []));
      if (hidden.length) {
        layout(EXPORT_WIDTH, 0);
        for (const i of hidden) copy.toggleSeries(i);
      }
      const { width, requested } = exportSize(render, picture, layout);
      layout(width, requested);
    }
    return wasm(() => fn(copy), locale);
  } finally {
    copy.free();
  }
}

/** Lays the chart out for an export, at its CSS width in the light theme without the zoom,
 * measuring text with `canvas`. Returns the size in CSS px. */
function exportLayout(host, render, canvas, picture) {
  const layout = (width, requested) => host.call((c) => c.layout(canvas, width, requested, false));
  const { width, requested } = exportSize(render, picture, layout);
  return { width, height: layout(width, requested) };
}

/**
 * The width and requested height (0: the kind's natural height) an export is laid out at:
 * the chart's own; or, for the embed code's picture (`picture`), PICTURE_WIDTH and a height
 * that, with the picture scaled down to a phone (PHONE_WIDTH), still holds the chart as it
 * draws there with its controls: the site loader then draws the interactive chart in the
 * picture's box without growing it. `layout(width, requested)` lays out and returns the
 * height.
 */
function exportSize(render, picture, layout) {
  if (!picture) {
    const { width, requested } = render.onScreen();
    return { width: width > 0 ? width : EXPORT_WIDTH, requested };
  }
  const own = layout(PICTURE_WIDTH, 0);
  const phone = layout(PHONE_WIDTH, 0) + PHONE_BAND;
  return { width: PICTURE_WIDTH, requested: Math.ceil(Math.max(own, (phone * PICTURE_WIDTH) / PHONE_WIDTH)) };
}

function escapeXml(text) {
  return escapeHtml(text).replace(/&#39;/g, "&apos;");
}
