// The editor's output (editor.html): the embed code an editor pastes into a CMS, the JSON file
// to download, and its name.
//
// Pure: no DOM, no browser global. The snippet is text, so every value put into it goes
// through escapeHtml(), except the inline JSON, which sits in a <script type="application/json">
// (raw text, where entities are not decoded): there "</" is written "<\/" and "<!--"
// "\u003c!--", both still the same JSON, so that no text in the data can end the script early.

/** HTML-escapes text for an element's content or a double-quoted attribute value. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * The data as JSON, one record per line (readable in a CMS's HTML view and in a diff, and
 * compact): top-level members on their own lines, arrays of objects one object a line.
 * JSON.parse(formatJson(x)) deep-equals x.
 */
export function formatJson(data) {
  const lines = Object.entries(data).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((v) => v && typeof v === "object")
    ) {
      const items = value.map((v) => `    ${JSON.stringify(v)}`).join(",\n");
      return `  ${name}: [\n${items}\n  ]`;
    }
    return `  ${name}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(",\n")}\n}`;
}

/** JSON text made safe to sit inside a <script> element (see the top of this file). */
export function scriptJson(json) {
  return json.replace(/<\//g, "<\\/").replace(/<!--/g, "\\u003c!--");
}

/**
 * A file name from a title: Vietnamese letters without their marks (đ → d), lower case, words
 * joined by "-", at most 80 characters, never empty.
 * "Kinh phí khuyến công Đắk Lắk 2020" → "kinh-phi-khuyen-cong-dak-lak-2020".
 */
export function slugify(title, fallback = "khuyen-cong") {
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

// Words of the fallback table, in the chart's locale.
const WORDS = {
  vi: {
    dims: {
      source: "Nguồn kinh phí",
      region: "Địa phương",
      year: "Năm",
      category: "Nội dung hoạt động",
    },
    plan: "Kế hoạch",
    actual: "Thực hiện",
    attainment: "Đạt (% kế hoạch)",
    share: "Tỷ trọng",
    counterpart: "Vốn đối ứng",
    projects: "Số đề án",
    total: "Tổng cộng",
    item: "Mục",
    source: "Nguồn",
  },
  en: {
    dims: { source: "Source of funds", region: "Region", year: "Year", category: "Activity" },
    plan: "Plan",
    actual: "Actual",
    attainment: "Of plan",
    share: "Share",
    counterpart: "Counterpart capital",
    projects: "Projects",
    total: "Total",
    item: "Item",
    source: "Source",
  },
};

const GROUPS = { source: "bySource", region: "byRegion", year: "byYear", category: "byCategory" };

/**
 * The dimension a kind of chart shows (as the chart picks it: the chosen `by`, else the first
 * dimension of the kind's order that has figures), or null.
 */
export function dimensionOf(analysis, kind, by) {
  const has = (dim, test) => analysis[GROUPS[dim]].some(test);
  const figures = (g) => g.plan !== null || g.actual !== null;
  const orders = {
    summary: [["source"], figures],
    sources: [["source"], (g) => g.actual !== null],
    "plan-actual": [["source", "year", "region", "category"], figures],
    regions: [["region"], figures],
    leverage: [["source", "region", "year", "category"], (g) => g.counterpart !== null],
    trend: [["year"], figures],
    categories: [["category"], figures],
  };
  const [order, test] = orders[kind] ?? orders.sources;
  const choosable = ["plan-actual", "leverage", "regions", "categories"].includes(kind);
  if (by && choosable) return by;
  return order.find((dim) => has(dim, test)) ?? null;
}

/**
 * The figures as a plain HTML table (text), for readers without JavaScript and before the chart
 * loads: one row per group of the chart's dimension, then the total; the columns the data
 * has. Every text is escaped.
 */
export function fallbackTable(analysis, { title, source, kind, by } = {}) {
  const w = WORDS[analysis.locale] ?? WORDS.vi;
  const dim = dimensionOf(analysis, kind, by);
  const groups = dim ? analysis[GROUPS[dim]] : [];
  const total = analysis.total;
  const columns = [];
  if (total.plan !== null) columns.push(["plan", w.plan]);
  if (total.actual !== null) columns.push(["actual", w.actual]);
  if (total.attainment !== null) columns.push(["attainment", w.attainment]);
  if (groups.some((g) => g.share !== null)) columns.push(["share", w.share]);
  if (total.counterpart !== null) columns.push(["counterpart", w.counterpart]);
  if (total.projects !== null) columns.push(["projects", w.projects]);

  const row = (label, figure) =>
    `    <tr><th scope="row">${escapeHtml(label)}</th>${columns
      .map(([key]) => `<td>${escapeHtml(figure.text[key])}</td>`)
      .join("")}</tr>`;
  const head = [dim ? w.dims[dim] : w.item, ...columns.map(([, label]) => label)]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join("");
  const caption =
    escapeHtml(title ?? "") +
    (source ? ` <small>${escapeHtml(`${w.source}: ${source}`)}</small>` : "");
  return [
    "<table>",
    `  <caption>${caption}</caption>`,
    `  <thead><tr>${head}</tr></thead>`,
    "  <tbody>",
    ...groups.map((g) => row(g.label, g)),
    row(w.total, total),
    "  </tbody>",
    "</table>",
  ].join("\n");
}

/** The chart options that go into a snippet, in a fixed order, defaults left out. */
export function snippetOptions({
  kind,
  by,
  sort,
  locale,
  theme,
  height,
  percentDigits,
  ratioDigits,
  amountDigits,
} = {}) {
  const out = [["kind", kind || "sources"]];
  if (by) out.push(["by", by]);
  if (sort) out.push(["sort", sort]);
  if (locale && locale !== "vi") out.push(["locale", locale]);
  if (theme && theme !== "auto") out.push(["theme", theme]);
  if (height !== undefined && height !== null && String(height).trim() !== "") {
    out.push(["height", String(height).trim()]);
  }
  // In the order toEmbedCode() writes them.
  if (Number.isInteger(percentDigits)) out.push(["percent-digits", String(percentDigits)]);
  if (Number.isInteger(ratioDigits)) out.push(["ratio-digits", String(ratioDigits)]);
  if (Number.isInteger(amountDigits)) out.push(["amount-digits", String(amountDigits)]);
  return out;
}

const indent = (text, pad) =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");

/**
 * The three embed snippets:
 * - `element`: embed.js and `<khuyencong-chart kind=… …>`,
 * - `plain`: embed.js and `<div data-khuyencong data-kind=… …>` (for CMSs that strip unknown tags),
 * both with the data inline in `<script type="application/json">` and the fallback table;
 * - `iframe`: `<iframe src="{embedPage}?src={dataUrl}&kind=…" data-khuyencong-frame …>` (for
 *   CMSs that strip scripts), or null without a data URL.
 *
 * `pkgBase` is the absolute URL of the package folder (ending in "/"), `embedPage` the absolute
 * URL of embed.html, `dataUrl` the absolute URL of the uploaded JSON; `alone`, whether the chart
 * is the article's only one (the element ways then preload its kind's wasm file).
 */
export function snippets({ data, analysis, options = {}, pkgBase, embedPage, dataUrl, alone = false }) {
  const opts = snippetOptions(options);
  const attrs = (prefix) =>
    opts.map(([name, value]) => ` ${prefix}${name}="${escapeHtml(value)}"`).join("");
  // The wasm's download starts as the page is parsed, beside embed.js's (see preloadLine() in
  // src/js/chart.js): on a phone, one round trip and embed.js's download sooner. The file of
  // this chart's kind when the editor says it is the article's only chart (embed.js loads it
  // for a page of charts of one kind); otherwise the file of all kinds, which every snippet of
  // the article then preloads alike, once (a preload per kind would download each).
  const wasmFile = alone ? `khuyencong_charts_view_${options.kind || "sources"}_bg.wasm` : "khuyencong_charts_view_bg.wasm";
  const wasmUrl = new URL(wasmFile, pkgBase).href;
  const script =
    `<link rel="preload" href="${escapeHtml(wasmUrl)}" as="fetch" crossorigin>\n` +
    `<script type="module" src="${escapeHtml(new URL("embed.js", pkgBase).href)}"></script>`;
  const inner = [
    `<script type="application/json">\n${scriptJson(formatJson(data))}\n</script>`,
    fallbackTable(analysis, {
      title: data.title,
      source: data.source,
      kind: options.kind,
      by: options.by,
    }),
  ].join("\n");
  const element = `${script}\n<khuyencong-chart${attrs("")}>\n${indent(inner, "  ")}\n</khuyencong-chart>`;
  const plain = `${script}\n<div data-khuyencong${attrs("data-")}>\n${indent(inner, "  ")}\n</div>`;
  let iframe = null;
  if (dataUrl) {
    const query = [["src", dataUrl], ...opts]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join("&");
    const src = `${embedPage}?${query}`;
    iframe =
      `<iframe src="${escapeHtml(src)}" data-khuyencong-frame title="${escapeHtml(data.title ?? "")}"` +
      ` width="100%" height="480" loading="lazy" frameborder="0"></iframe>`;
  }
  return { element, plain, iframe };
}
