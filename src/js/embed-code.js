// The embed code: what a newsroom pastes into an article, written in one place for the chart
// handle's toEmbedCode(), the editor page and the site loader that reads it back.
//
// The default code is made only of what rich-text editors keep (TinyMCE, CKEditor 4 and 5, and
// allow-list filters like WordPress's; tests/e2e/cms/): a picture of the chart, a link that
// identifies it, and the figures as a table:
//
//   <p><img src="data:image/svg+xml,…" alt="…the figures in words…" width="440" height="372"></p>
//   <p><a href="https://…/khuyencong-charts/chart.html#khuyencong=1&kind=sources&d=…">Xem biểu đồ
//     tương tác</a> · Nguồn: …</p>
//   <table>…</table>
//
// Every reader sees the picture, the link and the table; on a site whose template loads
// embed.js, the interactive chart takes the picture's place. The link's fragment carries the
// chart: its kind and options as the element's attribute names, and its data, either inline
// (`d`: the JSON text, deflate-raw, base64url) or as the address of a JSON file (`src`). The
// fragment never reaches a server, so the data is not in any log, and the link still opens
// chart.html, the package's page that draws the chart from the link alone.
//
// Pure: no DOM. Every text put into the code goes through escapeHtml(); the inline JSON of the
// element ways sits in a <script type="application/json">, where "</" is written "<\/" and
// "<!--" "\u003c!--" so that no text of the data can end the script early.

/**
 * The chart's options as the embed writes them: attribute name (the custom element's; `data-`
 * before it on a plain element; a parameter of the link and of embed.html), then option name,
 * in the order a snippet writes them.
 */
export const ATTRIBUTES = [
  ["kind", "kind"],
  ["by", "by"],
  ["sort", "sort"],
  ["locale", "locale"],
  ["theme", "theme"],
  ["height", "height"],
  ["menu", "menu"],
  ["percent-digits", "percentDigits"],
  ["ratio-digits", "ratioDigits"],
  ["amount-digits", "amountDigits"],
  ["regions", "regions"],
];

/** The link's marker: the fragment's first parameter, whose value is the link format's version. */
export const LINK_MARK = "khuyencong";
const LINK_VERSION = "1";
/** The package's page that draws a chart from its link (chart.html). */
const CHART_PAGE = "chart.html";
/** The package's page that draws a chart in an iframe from its query (embed.html). */
const FRAME_PAGE = "embed.html";
/** A word in every picture's address: the SVG's comment, the name of the file the editor page
 * downloads for a CMS to upload. The site loader takes an <img> for the chart's picture by it. */
export const PICTURE_MARK = "khuyencong";
/** The width (CSS px) the picture is laid out at: on a phone (PHONE_WIDTH) its text keeps 80%
 * of its size, and on a desktop it is a column's width, unscaled. */
export const PICTURE_WIDTH = 440;
/** The phone the picture is made tall enough for: scaled down to this width, its box holds the
 * interactive chart as it draws there, so that the site loader's swap moves nothing. */
export const PHONE_WIDTH = 360;

/** The attribute the site loader keeps on a chart's element, or the box it draws a picture's
 * chart in: "loading", "ready" or "error". */
export const STATE = "data-kc-state";

const WORDS = {
  vi: { open: "Xem biểu đồ tương tác", source: "Nguồn: " },
  en: { open: "Explore the interactive chart", source: "Source: " },
};

/** HTML-escapes text for an element's content or a double-quoted attribute value. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON text that cannot end the <script> it sits in (see the top of this file). */
function scriptJson(json) {
  return json.replace(/<\//g, "<\\/").replace(/<!--/g, "\\u003c!--");
}

/**
 * The data as JSON, readable in a CMS's HTML view and in a diff, and compact: top-level
 * members on their own lines, arrays of objects one object a line. `data` is an object or its
 * JSON text; JSON.parse(formatJson(x)) deep-equals x.
 */
export function formatJson(data) {
  const value = typeof data === "string" ? JSON.parse(data) : data;
  const lines = Object.entries(value).map(([key, member]) => {
    const name = JSON.stringify(key);
    const rows = Array.isArray(member) && member.every((v) => v && typeof v === "object");
    if (rows && member.length > 0) {
      return `  ${name}: [\n${member.map((v) => `    ${JSON.stringify(v)}`).join(",\n")}\n  ]`;
    }
    return `  ${name}: ${JSON.stringify(member)}`;
  });
  return `{\n${lines.join(",\n")}\n}`;
}

/**
 * A file name from a title: letters without their marks (đ → d), lower case, words joined by
 * "-", at most 80 characters, never empty: "Kinh phí Đắk Lắk 2020" → "kinh-phi-dak-lak-2020".
 */
export function slugify(title, fallback = "bieu-do") {
  const slug = String(title ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || fallback;
}

/**
 * The attributes a snippet writes for `options` (chart options, as mount() takes them), as
 * [name, value] pairs in ATTRIBUTES' order: defaults (vi, theme auto, menu auto, regions
 * names) and empty values left out; `kind` always there (the chart's, "sources" when none is
 * given).
 */
export function attributesOf(options = {}) {
  const out = [];
  for (const [name, key] of ATTRIBUTES) {
    let value = options[key];
    if (key === "kind") value = value || "sources";
    if (value === undefined || value === null) continue;
    value = String(value).trim();
    const isDefault =
      (key === "locale" && value === "vi") ||
      (key === "theme" && value === "auto") ||
      (key === "menu" && value === "auto") ||
      (key === "regions" && value === "names");
    if (value !== "" && !isDefault) out.push([name, value]);
  }
  return out;
}

/**
 * The options that attribute values give (`get(name)`: the trimmed value, or undefined), as
 * mount() takes them: absent ones are there as undefined, so that setOptions() resets them.
 */
export function optionsOf(get) {
  const options = { allowCrossOrigin: undefined };
  for (const [name, key] of ATTRIBUTES) options[key] = get(name);
  // height="360" means pixels, as on <img> and <iframe>.
  if (options.height !== undefined && /^\d+(\.\d+)?$/.test(options.height)) {
    options.height = Number(options.height);
  }
  // percent-digits="2" is the number 2; anything else goes on as written, for the validator to
  // refuse by name.
  for (const key of ["percentDigits", "ratioDigits", "amountDigits"]) {
    if (options[key] !== undefined && /^\d{1,2}$/.test(options[key])) options[key] = Number(options[key]);
  }
  return options;
}

// ---- the link ---------------------------------------------------------------------------------

/**
 * The address of chart.html (in the package folder `pkgBase`, an absolute URL ending in "/")
 * that draws this chart: `attributes` ([name, value] pairs), and either `json` (the data's JSON
 * text, carried compressed in the fragment) or `src` (the absolute URL of a JSON file).
 */
export async function chartAddress(pkgBase, { attributes, json, src }) {
  const params = new URLSearchParams([[LINK_MARK, LINK_VERSION], ...attributes]);
  if (src) params.set("src", src);
  else params.set("d", base64url(await deflate(JSON.stringify(JSON.parse(json)))));
  return `${new URL(CHART_PAGE, pkgBase).href}#${params}`;
}

/**
 * What a chart link says, or null when `href` is not one (of this format's version):
 * `{ attributes: [[name, value]], data: string | null (compressed, see inflateData), src: string
 * | null (absolute, resolved against the link) }`. `base` resolves a relative href.
 */
export function readAddress(href, base) {
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const params = new URLSearchParams(url.hash.slice(1));
  if (params.get(LINK_MARK) !== LINK_VERSION) return null;
  const attributes = [];
  for (const [name] of ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") attributes.push([name, value.trim()]);
  }
  const d = params.get("d");
  let src = null;
  if (!d && params.get("src")) {
    try {
      src = new URL(params.get("src"), url).href;
    } catch {
      src = null;
    }
  }
  return { attributes, data: d, src };
}

/** The JSON text of a link's `d` parameter. Rejects when it is not what chartAddress wrote. */
export async function inflateData(d) {
  const binary = atob(d.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64url(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// ---- the picture --------------------------------------------------------------------------

/**
 * An SVG document as a data: URL, as short as it can be in an article's HTML: compacted (see
 * compactSvg), single quotes for attributes, and percent-encoded only where a URL or the HTML
 * attribute needs it; letters beyond ASCII stay as they are (the browser encodes them when it
 * reads the URL), as Vietnamese text percent-encoded would be three times as long.
 */
export function svgDataUrl(svg) {
  let text = `<!--${PICTURE_MARK}-charts-->${compactSvg(svg)}`;
  if (!text.includes("'")) text = text.replace(/"/g, "'");
  return `data:image/svg+xml,${text.replace(/[%#<>"{}|\\^`\n\r\t]/g, (c) => encodeURIComponent(c))}`;
}

/**
 * plotters' SVG without what a picture does not need: the line breaks around each text (SVG
 * drops them), `opacity="1"` (the default), float noise in numbers ("13.000000000000002"), the
 * <desc> (the <img>'s alt says it), lines of one stroke written one by one (one path), and the
 * font list repeated on every text when all share one (said once, on the <svg>, which they
 * inherit it from). It draws the same.
 */
function compactSvg(svg) {
  let out = svg
    .replace(/>\s*\n\s*/g, ">")
    .replace(/\s*\n\s*</g, "<")
    .replace(/<desc>[^<]*<\/desc>/, "")
    .replace(/ opacity="1"/g, "")
    .replace(/="(-?\d+\.\d{2})\d{3,}"/g, '="$1"')
    // Hatching is a run of short lines of one stroke: one path of them (63 hatched bars are
    // ~1,800 lines).
    .replace(
      /<polyline fill="none"([^>]*?) points="[^"]*"\/>(?:<polyline fill="none"\1 points="[^"]*"\/>)*/g,
      (run, attributes) => {
        const d = [...run.matchAll(/points="([^"]*)"/g)]
          .map(([, points]) =>
            points
              .trim()
              .split(/\s+/)
              .map((point, i) => (i ? "L" : "M") + point)
              .join(""),
          )
          .join("");
        return `<path fill="none"${attributes} d="${d}"/>`;
      },
    );
  const families = new Set([...out.matchAll(/ font-family="([^"]*)"/g)].map((m) => m[1]));
  if (families.size === 1) {
    const [family] = families;
    out = out
      .replaceAll(` font-family="${family}"`, "")
      .replace(/^<svg\b/, `<svg font-family="${family}"`);
  }
  return out.trim();
}

/**
 * The picture as an <img>: `src` (a data: URL, or the address of the file the newsroom
 * uploaded), `alt` (the figures in words), `width` and `height` (CSS px, the box it takes).
 */
function pictureHtml({ src, alt, width, height }) {
  // The address as a double-quoted attribute: only & and " need escaping there, and the
  // picture's single quotes are many.
  const address = String(src).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return (
    `<img src="${address}" alt="${escapeHtml(alt)}"` +
    ` width="${Math.round(width)}" height="${Math.round(height)}">`
  );
}

// ---- the figures ------------------------------------------------------------------------------

/** The figures as an HTML table: `table` is a chart view's ({ head, rows }, the total last). */
function tableHtml(title, { head, rows }) {
  const line = ([first, ...rest]) =>
    `<tr><th scope="row">${escapeHtml(first)}</th>${rest
      .map((c) => `<td>${escapeHtml(c)}</td>`)
      .join("")}</tr>`;
  const out = [
    "<table>",
    `  <caption>${escapeHtml(title)}</caption>`,
    `  <thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    "  <tbody>",
    ...rows.slice(0, -1).map((r) => `    ${line(r)}`),
    "  </tbody>",
  ];
  if (rows.length > 0) out.push(`  <tfoot>${line(rows.at(-1))}</tfoot>`);
  out.push("</table>");
  return out.join("\n");
}

// ---- the codes --------------------------------------------------------------------------------

/**
 * Every way of embedding one chart, as HTML text:
 * - `picture` (the default): the picture, the link and the table (see the top of this file);
 * - `element`: embed.js and `<khuyencong-chart>` with the data inline (or `src`) and the table;
 * - `plain`: the same as a `<div data-khuyencong>`, for editors that drop unknown elements;
 * - `iframe`: embed.html in an <iframe>, or null without `dataUrl` (a page of its own cannot
 *   read the article's inline data).
 *
 * `view` is the chart's view() (title, description, source, table); `json` its data's JSON
 * text; `attributes` its options (attributesOf); `pkgBase` the package folder's absolute URL,
 * ending in "/"; `picture` `{ src, width, height }` (see pictureHtml); `dataUrl` the absolute URL
 * of the data as a file, if there is one; `allowCrossOrigin` whether the element ways' `src` may
 * be on another origin (the element's allow-cross-origin); `frameHeight` the iframe's height
 * (CSS px).
 */
export async function embedCodes({ view, json, attributes, pkgBase, picture, dataUrl, allowCrossOrigin, frameHeight }) {
  const words = WORDS[view.locale] ?? WORDS.vi;
  const table = tableHtml(view.title, view.table);
  // The link carries the data itself, as the picture does: it draws the chart of the day the
  // code was written, wherever the article is copied to.
  const address = await chartAddress(pkgBase, { attributes, json });
  const source = view.source ? ` · ${escapeHtml(words.source + view.source)}` : "";
  const pictureCode = [
    `<p>${pictureHtml({ ...picture, alt: view.description })}</p>`,
    `<p><a href="${escapeHtml(address)}">${escapeHtml(words.open)}</a>${source}</p>`,
    table,
  ].join("\n");

  const script = `<script type="module" src="${escapeHtml(new URL("embed.js", pkgBase).href)}"></script>`;
  const inner = dataUrl
    ? [table]
    : [`<script type="application/json">\n${scriptJson(formatJson(json))}\n</script>`, table];
  // allow-cross-origin is written bare (a null value), and only with a src.
  const attrs = (prefix) =>
    [
      ...attributes,
      ...(dataUrl ? [["src", dataUrl]] : []),
      ...(dataUrl && allowCrossOrigin ? [["allow-cross-origin", null]] : []),
    ]
      .map(([name, value]) => (value === null ? ` ${prefix}${name}` : ` ${prefix}${name}="${escapeHtml(value)}"`))
      .join("");
  const body = indent(inner.join("\n"), "  ");
  const element = `${script}\n<khuyencong-chart${attrs("")}>\n${body}\n</khuyencong-chart>`;
  const plain = `${script}\n<div data-khuyencong${attrs("data-")}>\n${body}\n</div>`;

  let iframe = null;
  if (dataUrl) {
    const query = new URLSearchParams([["src", dataUrl], ...attributes]);
    const src = `${new URL(FRAME_PAGE, pkgBase).href}?${query}`;
    iframe =
      `<iframe src="${escapeHtml(src)}" data-khuyencong-frame title="${escapeHtml(view.title)}"` +
      ` width="100%" height="${Math.ceil(frameHeight)}" loading="lazy" frameborder="0"></iframe>`;
  }
  return { picture: pictureCode, element, plain, iframe, address };
}

function indent(text, pad) {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}
