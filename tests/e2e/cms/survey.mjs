// Which HTML shapes survive a CMS? Runs candidate embed codes through the three editors of
// editors.mjs (pasted into the source view, saved, reopened, saved again) and through allowList
// (a WordPress-like server-side filter), and prints each second save with what it lost,
// gained or changed, then a summary table. Also checks that CKEditor 4's real Source button
// saves what its setData saves, and screenshots each editor with one candidate loaded
// (target/screenshots/cms-<editor>.png).
//
//   node tests/e2e/cms/survey.mjs            # every candidate
//   node tests/e2e/cms/survey.mjs 3 7        # candidates whose number is given
//
// Long URLs (data: pictures, the 3,000-character link) are printed as their first 60
// characters; the checks compare them whole.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { launchChromium } from "../helpers.mjs";
import { EDITORS, allowList, openEditor, roundTrip, startEditorServer } from "./editors.mjs";

const SCREENSHOTS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "target",
  "screenshots",
);

// ---- the pieces of an embed code --------------------------------------------------------------

const ROWS = [
  ["Khuyến công quốc gia", 2400, "41,2%"],
  ["Khuyến công địa phương", 3420, "58,8%"],
];
const TITLE = "Kinh phí khuyến công năm 2022";
const ALT =
  "Biểu đồ cột: kinh phí khuyến công năm 2022 là 5.820 triệu đồng, trong đó khuyến công quốc " +
  "gia 2.400 triệu đồng (41,2%), khuyến công địa phương 3.420 triệu đồng (58,8%).";

/** A bar chart as the library might draw it: rects, Vietnamese labels, ~15 KB. */
function chartSvg() {
  // prettier-ignore
  const provinces = [
    "Hà Nội", "Hải Phòng", "Quảng Ninh", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình",
    "Nam Định", "Ninh Bình", "Hà Nam", "Vĩnh Phúc", "Phú Thọ", "Thái Nguyên", "Bắc Giang",
    "Lạng Sơn", "Cao Bằng", "Hà Giang", "Tuyên Quang", "Yên Bái", "Lào Cai", "Điện Biên",
    "Lai Châu", "Sơn La", "Hòa Bình", "Bắc Kạn", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
  ];
  const parts = [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400" width="640" height="400" ' +
      'font-family="Noto Sans, Arial, sans-serif">',
    `<title>${TITLE}</title>`,
    '<rect width="640" height="400" fill="#ffffff"/>',
    `<text x="16" y="24" font-size="16" font-weight="bold" fill="#1a1a1a">${TITLE}</text>`,
    '<text x="16" y="42" font-size="11" fill="#555555">Đơn vị: triệu đồng · Nguồn: Bộ Công Thương</text>',
  ];
  for (let round = 0; parts.join("").length < 15000; round++) {
    provinces.forEach((name, i) => {
      const y = 56 + i * 12;
      const value = ((i * 37 + round * 11) % 90) + 10;
      const w = (value * 4.2).toFixed(1);
      parts.push(
        `<rect x="150" y="${y}" width="${w}" height="9" fill="#2b6cb0" data-round="${round}"/>`,
        `<text x="144" y="${y + 8}" font-size="9" text-anchor="end" fill="#333">${name}</text>`,
        `<text x="${(150 + Number(w) + 4).toFixed(1)}" y="${y + 8}" font-size="9">` +
          `${(value * 23.4).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}</text>`,
      );
    });
  }
  parts.push("</svg>");
  return parts.join("\n");
}

const SVG = chartSvg();
const PERCENT = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
const BASE64 = `data:image/svg+xml;base64,${Buffer.from(SVG).toString("base64")}`;
const TINY = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="red"/></svg>')}`;

/** The chart's data as a link carries it: deflated JSON, base64url. */
const D = deflateSync(JSON.stringify({ kind: "sources", rows: ROWS, title: TITLE })).toString(
  "base64url",
);
/** ~3,000 characters of base64url (a pseudo-random payload, deflate cannot shrink it). */
const LONG_D = Buffer.from(
  Array.from({ length: 2250 }, (_, i) => (i * 2654435761) >>> 24),
).toString("base64url");
const CHART_PAGE = "https://news.example.vn/static/khuyencong-charts/chart.html";
const HREF = `${CHART_PAGE}#khuyencong=1&kind=sources&d=${D}`;
const HREF_QUERY = `${CHART_PAGE}?khuyencong=1&kind=sources&d=${D}`;
const HREF_LONG = `${CHART_PAGE}#khuyencong=1&kind=sources&d=${LONG_D}`;
/** Raw characters a URL should have percent-encoded: does an editor encode them? */
const HREF_RAW = `${CHART_PAGE}#khuyencong=1&kind=sources&t=Kinh phí|2022&d=${D}`;
/** Filled in with the editor server's origin: TinyMCE's relative_urls rewrites such links. */
const SAME_ORIGIN = "{origin}/static/khuyencong-charts/chart.html";

const esc = (s) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
const img = (src, extra = "") =>
  `<img src="${esc(src)}" alt="${esc(ALT)}" width="640" height="400"${extra}>`;
const link = (href, text = "Xem biểu đồ tương tác", extra = "") =>
  `<a href="${esc(href)}"${extra}>${text}</a>`;
const SOURCE = "Nguồn: Bộ Công Thương";
const table = (extra = "") =>
  [
    `<table${extra}>`,
    `<caption>${TITLE} (triệu đồng)</caption>`,
    '<thead><tr><th scope="col">Nguồn</th><th scope="col">Kinh phí</th>' +
      '<th scope="col">Tỷ trọng</th></tr></thead>',
    "<tbody>",
    ...ROWS.map(
      ([name, amount, share]) =>
        `<tr><th scope="row">${name}</th><td>${amount.toLocaleString("vi-VN")}</td>` +
        `<td>${share}</td></tr>`,
    ),
    "</tbody>",
    '<tfoot><tr><th scope="row">Tổng</th><td>5.820</td><td>100%</td></tr></tfoot>',
    "</table>",
  ].join("\n");
/** A journalist's paste: the embed code between two paragraphs of the article. */
const article = (...pieces) =>
  [
    "<p>Năm 2022, kinh phí khuyến công cả nước đạt 5.820 triệu đồng, tăng 12% so với năm trước.</p>",
    ...pieces,
    "<p>Theo Bộ Công Thương, năm 2023 kinh phí dự kiến tăng thêm khoảng 8%.</p>",
  ].join("\n");

const EXTRA = ' data-kind="sources" class="khuyencong" id="kc-1" title="Biểu đồ"';
const IMG_STYLE = ' style="max-width:100%;height:auto"';

const CANDIDATES = [
  {
    name: "figure(img, figcaption) + table + p(a · source), percent-encoded SVG",
    html: article(
      `<figure>${img(PERCENT)}<figcaption>${TITLE}</figcaption></figure>`,
      table(),
      `<p>${link(HREF)} · ${SOURCE}</p>`,
    ),
  },
  {
    name: "the same, base64 SVG",
    html: article(
      `<figure>${img(BASE64)}<figcaption>${TITLE}</figcaption></figure>`,
      table(),
      `<p>${link(HREF)} · ${SOURCE}</p>`,
    ),
  },
  {
    name: "p(img) + table + p(a), percent-encoded SVG",
    html: article(`<p>${img(PERCENT)}</p>`, table(), `<p>${link(HREF)}</p>`),
  },
  {
    name: "p(img) + table + p(a), base64 SVG",
    html: article(`<p>${img(BASE64)}</p>`, table(), `<p>${link(HREF)}</p>`),
  },
  {
    name: "p(a(img)) + table, percent-encoded SVG",
    html: article(`<p>${link(HREF, img(PERCENT))}</p>`, table()),
  },
  {
    name: "p(a(img)) + table, base64 SVG",
    html: article(`<p>${link(HREF, img(BASE64))}</p>`, table()),
  },
  {
    name: "figure.khuyencong(a(img), figcaption) + table, percent-encoded SVG",
    html: article(
      `<figure class="khuyencong">${link(HREF, img(PERCENT))}<figcaption>${TITLE}</figcaption></figure>`,
      table(),
    ),
  },
  {
    name: "CKEditor 5's own shapes: figure.image(img, figcaption) + figure.table(table)",
    html: article(
      `<figure class="image">${img(PERCENT)}<figcaption>${TITLE}</figcaption></figure>`,
      `<figure class="table">${table()}</figure>`,
      `<p>${link(HREF)} · ${SOURCE}</p>`,
    ),
  },
  {
    name: "CKEditor 5's linked picture: figure.image(a(img), figcaption) + table",
    html: article(
      `<figure class="image">${link(HREF, img(PERCENT))}<figcaption>${TITLE}</figcaption></figure>`,
      table(),
    ),
  },
  {
    name: "data-*, class, id, title on figure/img/a/table; style on img (shape 1)",
    html: article(
      `<figure${EXTRA}>${img(PERCENT, EXTRA + IMG_STYLE)}<figcaption>${TITLE}</figcaption></figure>`,
      table(EXTRA),
      `<p>${link(HREF, "Xem biểu đồ tương tác", EXTRA)} · ${SOURCE}</p>`,
    ),
  },
  {
    name: "data-*, class, id, title on a/img; style on img (shape 3, a(img) in p)",
    html: article(`<p>${link(HREF, img(PERCENT, EXTRA + IMG_STYLE), EXTRA)}</p>`, table()),
  },
  {
    name: "link: marker in the query string",
    html: article(`<p>${link(HREF_QUERY)} · ${SOURCE}</p>`),
  },
  {
    name: "link: ~3,000-character hash",
    html: article(`<p>${link(HREF_LONG)} · ${SOURCE}</p>`),
  },
  {
    name: "link: raw space, Vietnamese and | in the hash",
    html: article(`<p>${link(HREF_RAW)}</p>`),
  },
  {
    name: "link and picture on the editor's own origin (CMS = news site)",
    html: article(
      `<p>${link(`${SAME_ORIGIN}#khuyencong=1&kind=sources&d=${D}`)}</p>`,
      `<p><img src="{origin}/static/khuyencong-charts/chart.png" alt="${TITLE}" width="640" height="400"></p>`,
    ),
  },
  {
    name: "tiny percent-encoded SVG, external https picture",
    html: article(
      `<p>${img(TINY)}</p>`,
      `<p>${img("https://news.example.vn/static/khuyencong-charts/chart-2022.svg")}</p>`,
    ),
  },
  {
    name: "table alone, pretty-printed (indentation, newlines in cells)",
    html: article(
      [
        "<table>",
        `  <caption>\n    ${TITLE}\n  </caption>`,
        "  <tbody>",
        "    <tr>",
        '      <th scope="row">Khuyến công quốc gia</th>',
        "      <td> 2.400 </td>",
        "      <td>41,2&nbsp;%</td>",
        "    </tr>",
        "  </tbody>",
        "</table>",
      ].join("\n"),
    ),
  },
  {
    name: "noscript(img)",
    html: article(`<noscript>${img(PERCENT)}</noscript>`),
  },
  {
    name: "script type=module",
    html: article(
      '<script type="module" src="https://news.example.vn/static/khuyencong-charts/embed.js"></script>',
    ),
  },
  {
    name: "<khuyencong-chart> with a table inside",
    html: article(
      `<khuyencong-chart kind="sources" src="/data/khuyen-cong-2022.json">\n${table()}\n</khuyencong-chart>`,
    ),
  },
  {
    name: "div[data-khuyencong] with a table inside",
    html: article(
      `<div data-khuyencong data-kind="sources" data-src="/data/khuyen-cong-2022.json">\n${table()}\n</div>`,
    ),
  },
  {
    name: "iframe",
    html: article(
      '<iframe src="https://news.example.vn/static/khuyencong-charts/embed.html?src=/data/x.json&kind=sources" ' +
        `data-khuyencong-frame title="${TITLE}" width="100%" height="480" loading="lazy" frameborder="0"></iframe>`,
    ),
  },
];

// ---- reading the results ------------------------------------------------------------------------

/**
 * Runs in a page: what `html` holds as a browser parses it. `items`: "tag" and "tag[attr]"
 * (class and style with their value: an editor adding class="image" is worth seeing); `values`:
 * the values of the attributes the embed code relies on; `text` without ASCII whitespace (the
 * editors reformat freely between tags); `nbsp`: how many no-break spaces the text has.
 */
function parsed(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const items = [];
  const values = {};
  for (const el of doc.body.querySelectorAll("*")) {
    items.push(el.localName);
    for (const { name, value } of el.attributes) {
      const key = `${el.localName}[${name}]`;
      items.push(name === "class" || name === "style" ? `${el.localName}[${name}=${value}]` : key);
      if (/^(img\[(src|alt|width|height)\]|a\[href\])$/.test(key)) (values[key] ??= []).push(value);
    }
  }
  const text = doc.body.textContent;
  return {
    items,
    values,
    text: text.replace(/[\t\n\f\r ]+/g, ""),
    nbsp: text.split("\u00a0").length - 1,
  };
}

/** What `output` lost, gained and changed against `input`, as short phrases. */
async function differences(page, input, output) {
  const before = await page.evaluate(parsed, input);
  const after = await page.evaluate(parsed, output);
  const lost = [...new Set(before.items)].filter((k) => !after.items.includes(k));
  const gained = [...new Set(after.items)].filter((k) => !before.items.includes(k));
  const changed = [];
  for (const [key, now] of Object.entries(after.values)) {
    const was = before.values[key] ?? [];
    now.forEach((value, i) => {
      if (was.includes(value)) return;
      const old = was[i] ?? was[0];
      if (old === undefined) {
        changed.push(`${key} new: ${short(value, 40)}`);
      } else if (sameImage(old, value)) {
        changed.push(`${key} re-encoded: ${short(value, 40)} (same SVG)`);
      } else {
        changed.push(`${key}: ${change(old, value)}`);
      }
    });
  }
  if (before.text !== after.text) changed.push(`text: ${change(before.text, after.text)}`);
  if (after.nbsp !== before.nbsp) {
    changed.push(`${after.nbsp - before.nbsp} no-break space(s) added`);
  }
  return { lost, gained, changed };
}

/** Whether two data: URLs carry the same bytes (one percent-encoded, one base64, say). */
function sameImage(a, b) {
  const bytes = (url) => {
    const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
    if (!m) return null;
    try {
      return m[2] ? Buffer.from(m[3], "base64") : Buffer.from(decodeURIComponent(m[3]));
    } catch {
      return null; // a malformed percent-encoding
    }
  };
  const [x, y] = [bytes(a), bytes(b)];
  return x !== null && y !== null && x.equals(y);
}

/** Where two strings differ: "…common[was → now]…". */
function change(was, now) {
  let p = 0;
  while (p < was.length && p < now.length && was[p] === now[p]) p++;
  let q = 0;
  while (q < was.length - p && q < now.length - p && was.at(-1 - q) === now.at(-1 - q)) q++;
  const mid = (s) => JSON.stringify(short(s.slice(p, s.length - q), 40));
  return `…${was.slice(Math.max(0, p - 20), p)}[${mid(was)} → ${mid(now)}]…`;
}

const short = (s, n = 60) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
/** Long attribute values (data: URLs, the long link) shortened for printing. */
const printable = (html) =>
  html.replace(/(src|href)="([^"]{120,})"/g, (_, attr, value) => `${attr}="${short(value)}"`);

const summaryOf = ({ lost, gained, changed }) =>
  [
    lost.length ? `−${lost.join(" −")}` : "",
    gained.length ? `+${gained.join(" +")}` : "",
    changed.length ? `~${changed.join(" ~")}` : "",
  ]
    .filter(Boolean)
    .join(" ") || "unchanged";

/**
 * Runs in a page: the parts of an embed code in `html`, for the summary table (every <img>,
 * every <a>, joined with "|"). `extras`: the elements an embed code has beyond pictures, links,
 * tables and paragraphs (script, custom element, div, iframe, noscript); `attributes`: class,
 * id, title, style and data-* anywhere, with their values.
 */
function parts(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const all = (selector, value) => {
    const found = [...doc.body.querySelectorAll(selector)].map(value);
    return found.length && found.some((v) => v !== null) ? found.join("|") : null;
  };
  const BASIC =
    /^(p|br|strong|em|b|i|a|img|figure|figcaption|table|caption|thead|tbody|tfoot|tr|th|td)$/;
  const extras = [...doc.body.querySelectorAll("*")].filter((el) => !BASIC.test(el.localName));
  const attributes = [...doc.body.querySelectorAll("*")].flatMap((el) =>
    [...el.attributes]
      .filter((a) => /^(class|id|title|style|data-.*)$/.test(a.name))
      .map((a) => `${el.localName}[${a.name}=${a.value}]`),
  );
  return {
    src: all("img", (img) => img.getAttribute("src")),
    alt: all("img", (img) => img.getAttribute("alt")),
    size: all("img", (img) =>
      img.hasAttribute("width")
        ? `${img.getAttribute("width")}x${img.getAttribute("height")}`
        : null,
    ),
    figure: all("figure img", () => "figure"),
    figcaption: all("figure figcaption", (c) => c.textContent.trim()),
    href: all("a", (a) => a.getAttribute("href")),
    "a>img": all("a img", () => "a>img"),
    caption: all("caption", (c) => c.textContent.trim()),
    thead: all("thead", () => "thead"),
    tfoot: all("tfoot", () => "tfoot"),
    scope: all("th[scope]", (th) => th.getAttribute("scope")),
    cells: all("td", (td) => td.textContent),
    extras: extras.length ? extras.map((el) => el.localName).join("|") : null,
    attributes: attributes.length ? attributes.sort().join("|") : null,
  };
}

const COLUMNS = [
  "src",
  "alt",
  "size",
  "figure",
  "figcaption",
  "href",
  "a>img",
  "caption",
  "thead",
  "tfoot",
  "scope",
  "cells",
  "extras",
  "attributes",
];

/** One row of the summary: ✓ kept as pasted, ✗ gone, ~ changed, · not in the paste. */
async function partsRow(input, output) {
  const was = await reader.evaluate(parts, input);
  const now = await reader.evaluate(parts, output);
  return COLUMNS.map((key) => {
    if (was[key] === null) return "·";
    if (now[key] === null) return "✗";
    if (key === "extras" || key === "attributes") {
      // Which of the pasted ones are still there, whatever else the editor added.
      const kept = was[key].split("|").filter((item) => now[key].split("|").includes(item));
      return kept.length === 0 ? "✗" : kept.length < was[key].split("|").length ? "~" : "✓";
    }
    if (now[key] === was[key]) return "✓";
    const same = (a, b) => a === b || sameImage(a, b);
    const pictures = (v) => v.split("|");
    if (key === "src" && pictures(was.src).every((v, i) => same(v, pictures(now.src)[i] ?? ""))) {
      return "≈";
    }
    return "~";
  });
}

// ---- the survey ---------------------------------------------------------------------------------

const only = process.argv.slice(2).map(Number);
const browser = await launchChromium();
const server = await startEditorServer();
const reader = await browser.newPage(); // a blank page whose DOMParser reads the results
const origin = server.url.replace(/\/$/, "");
const summary = [];
console.log(
  `The picture: an SVG of ${Buffer.byteLength(SVG)} bytes; as a data: URL ${PERCENT.length} ` +
    `characters percent-encoded, ${BASE64.length} in base64. The link's d= is ${D.length} ` +
    `characters, the long one's ${LONG_D.length}.`,
);
try {
  for (const [index, candidate] of CANDIDATES.entries()) {
    const number = index + 1;
    if (only.length && !only.includes(number)) continue;
    const html = candidate.html.replaceAll("{origin}", origin);
    console.log(`\n=== ${number}. ${candidate.name}`);
    console.log(`--- pasted\n${printable(html)}`);
    const filtered = allowList(html);
    console.log(`--- allowList(pasted): ${summaryOf(await differences(reader, html, filtered))}`);
    console.log(printable(filtered));
    summary.push([`${number}`, "allowList", ...(await partsRow(html, filtered))]);
    const results = await Promise.all(
      EDITORS.map(async (editor) => {
        const started = performance.now();
        const { first, second } = await roundTrip(browser, server, editor, html);
        const ms = performance.now() - started;
        // A CMS that filters on save: the article reopens from what allowList kept of the first
        // save (roundTrip's `stored` option, without pasting again).
        const stored = allowList(first);
        const filteredSecond = allowList(stored === first ? second : await reopen(editor, stored));
        return { editor, ms, first, second, filteredSecond };
      }),
    );
    for (const { editor, ms, first, second, filteredSecond } of results) {
      const diff = summaryOf(await differences(reader, html, second));
      const stable = first === second ? "second save = first" : "SECOND SAVE DIFFERS FROM FIRST";
      console.log(
        `--- ${editor}, second save (${stable}; round trip ${Math.round(ms)} ms): ${diff}`,
      );
      console.log(printable(second));
      if (first !== second) console.log(`    first save was:\n${printable(first)}`);
      const filteredDiff = summaryOf(await differences(reader, html, filteredSecond));
      console.log(`    with allowList on each save: ${filteredDiff}`);
      if (filteredSecond !== allowList(second)) console.log(printable(filteredSecond));
      summary.push(["", editor, ...(await partsRow(html, second))]);
      summary.push(["", `${editor}+allowList`, ...(await partsRow(html, filteredSecond))]);
    }
    // CKEditor 4's Source button against its setData, for this candidate.
    const viaSource = await firstSaveInSourceMode(html);
    const viaSetData = results.find((r) => r.editor === "ckeditor4").first;
    const same = viaSource === viaSetData;
    console.log(
      `--- ckeditor4 Source button: ${same ? "same first save as setData" : `DIFFERS:\n${printable(viaSource)}`}`,
    );
  }

  console.log(
    "\n=== Summary: the parts of each paste in the second save: ✓ kept as pasted, ✗ gone, " +
      "~ changed (or partly gone), ≈ same pictures re-encoded, · not in the paste; +allowList = " +
      "filtered on each save (the article reopened from the filtered save).",
  );
  const header = ["#", "through", ...COLUMNS];
  const widths = header.map((h, i) => Math.max(h.length, ...summary.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => cell.padEnd(widths[i])).join(" ");
  console.log(line(header));
  for (const row of summary) console.log(line(row));

  await screenshots(CANDIDATES[0].html);
} finally {
  await server.close();
  await browser.close();
}

/** What `editor` saves when it opens `stored` and the article is saved without edits. */
async function reopen(editor, stored) {
  const { page, close } = await openEditor(browser, server, editor, stored);
  try {
    return await page.evaluate(() => window.harness.save());
  } finally {
    await close();
  }
}

async function firstSaveInSourceMode(html) {
  const { page, close } = await openEditor(browser, server, "ckeditor4");
  try {
    await page.evaluate((h) => window.harness.pasteInSourceMode(h), html);
    return await page.evaluate(() => window.harness.save());
  } finally {
    await close();
  }
}

/** Each editor after the paste, for a person to look at: toolbar, picture, table. */
async function screenshots(html) {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const editor of EDITORS) {
    const { page, blocked, close } = await openEditor(browser, server, editor);
    try {
      await page.evaluate((h) => window.harness.paste(h), html);
      await page.waitForTimeout(500); // pictures decoded, layout settled
      const file = path.join(SCREENSHOTS, `cms-${editor}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const off = blocked.join(", ") || "none";
      console.log(`\n${editor}: ${file}; requests off 127.0.0.1 (aborted): ${off}`);
    } finally {
      await close();
    }
  }
}
