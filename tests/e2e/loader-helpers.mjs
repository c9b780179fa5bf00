// Shared pieces of the site loader's tests (loader-*.test.mjs): the browser, the site (strict
// CSP, gzip), a CDN and a portal on other origins, and the embed codes of CHARTS written by their
// charts (useLoaderFixture() registers the file's before() and after() that set them); an
// article page as a portal's template has it, and what the tests read from it.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { openPage, repoPath, startFixture, STRICT_CSP, testPage } from "./helpers.mjs";

export let fixture;
export let browser;
/** www/ under the strict policy, gzip-compressed as a production server sends it. */
export let site;
/** www/ again on another port, with Access-Control-Allow-Origin: * (a CDN). */
export let cdn;
/** A third origin: the portal of the cross-origin case, a real server of files written to
 * portalDir (Chromium lets a page fetch from another loopback port only when the page itself
 * came from one: an article fulfilled by page.route would be refused for that instead). */
export let portal;
export let portalDir;
/** name → { code, uploaded, href, kind, title, items: [{ title, rows }], png } */
export let codes;

/** Registers the before() that starts the browser and the servers (`fixture`, `browser`,
 * `site`, `cdn`, `portal`, `portalDir`) and writes the codes (`codes`), and the after() that
 * closes them and removes portalDir. Call it at the top of a test file. */
export function useLoaderFixture() {
  before(async () => {
    assert.ok(
      existsSync(repoPath("www", "pkg", "embed.js")),
      "www/pkg/embed.js is missing: make www-pkg",
    );
    portalDir = await mkdtemp(path.join(tmpdir(), "khuyencong-portal-"));
    await mkdir(path.join(portalDir, "__test__"));
    await writeFile(path.join(portalDir, "__test__", "article.css"), ARTICLE_CSS);
    await writeFile(path.join(portalDir, "favicon.ico"), "");
    fixture = await startFixture({
      site: { gzip: true, csp: true },
      cdn: { headers: { "Access-Control-Allow-Origin": "*" } },
      portal: { root: portalDir },
    });
    ({ browser, site, cdn, portal } = fixture);
    codes = await writeCodes();
  });
  after(async () => {
    await fixture?.close();
    if (portalDir) await rm(portalDir, { recursive: true, force: true });
  });
}

/** A news site's article column: pictures scale down to it, as CMS themes do. */
export const ARTICLE_CSS = `
body { margin: 0; font: 17px/1.6 Georgia, "Noto Serif", serif; color: #222; }
article { max-width: 680px; margin: 0 auto; padding: 8px 16px 40px; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 14px; margin: 12px 0; }
th, td { border: 1px solid #ccc; padding: 2px 6px; }
`;
/** Body text, long enough that several of them push a chart screens down. */
export const PARAGRAPH =
  "<p>Năm 2022, chương trình khuyến công quốc gia và địa phương tiếp tục hỗ trợ các cơ sở công " +
  "nghiệp nông thôn đầu tư máy móc thiết bị, đào tạo nghề, xây dựng mô hình trình diễn kỹ thuật " +
  "và phát triển sản phẩm công nghiệp nông thôn tiêu biểu ở 28 tỉnh, thành phố phía Bắc.</p>";
export const VIEW_WASM = "/pkg/khuyencong_charts_view_bg.wasm";

/** The charts whose codes the articles hold: data file and options, as mount() takes them. */
export const CHARTS = {
  sources: { src: "/data/phia-bac-2022.json", options: { kind: "sources" } },
  regions: { src: "/data/dia-phuong-cong-bo.json", options: { kind: "regions" } },
  plan: { src: "/data/phia-bac-2022.json", options: { kind: "plan-actual" } },
};
/** The address an uploaded copy of the sources chart's picture has (the name keeps the mark). */
export const UPLOADED = "/__test__/uploads/khuyencong-phia-bac-2022.png";

/**
 * The embed code of each of CHARTS, as its chart's "Sao chép mã nhúng" writes it: charts mounted
 * by the npm entry point on a page of the site, under the strict policy.
 */
export async function writeCodes() {
  const writer = `${site.url}__test__/writer.html`;
  const { context, page } = await openPage(browser, {
    viewport: { width: 1000, height: 800 },
    csp: true,
    pages: { [writer]: testPage() },
  });
  try {
    await page.goto(writer);
    const written = await page.evaluate(
      async ({ charts, uploaded }) => {
        const { mount } = await import("/pkg/index.js");
        const out = {};
        for (const [name, { src, options }] of Object.entries(charts)) {
          const holder = document.createElement("div");
          document.body.append(holder);
          const chart = await mount(holder, src, options);
          const view = chart.view();
          const code = await chart.toEmbedCode();
          const entry = {
            code,
            href: /<a href="([^"]+)"/.exec(code)[1].replaceAll("&amp;", "&"),
            kind: view.kind,
            title: view.title,
            items: view.items.map((i) => ({ title: i.title, rows: i.rows })),
          };
          if (name === "sources") {
            // The picture as a PNG file the newsroom uploads, and the code that points at it.
            entry.uploaded = await chart.toEmbedCode({ picture: uploaded });
            const bytes = new Uint8Array(await (await chart.toPNG({ picture: true })).arrayBuffer());
            let binary = "";
            for (const b of bytes) binary += String.fromCharCode(b);
            entry.png = btoa(binary);
          }
          chart.destroy();
          holder.remove();
          out[name] = entry;
        }
        return out;
      },
      { charts: CHARTS, uploaded: UPLOADED },
    );
    for (const entry of Object.values(written)) {
      if (entry.png) entry.png = Buffer.from(entry.png, "base64");
    }
    return written;
  } finally {
    await context.close();
  }
}

/** An article page: the portal's template (its stylesheet, the loader in <head> unless
 * `loader` is false, or the <script> lines of `head`), a heading, a lead and `body`. */
export function articleHtml(body, { loader = true, head = "" } = {}) {
  return (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Khuyến công phía Bắc 2022</title>" +
    '<link rel="stylesheet" href="/__test__/article.css">' +
    (loader ? '<script type="module" src="/pkg/embed.js"></script>' : "") +
    head +
    "</head><body><article>" +
    "<h1>Kinh phí khuyến công phía Bắc năm 2022</h1>" +
    '<p class="lead">Tổng kinh phí khuyến công thực hiện năm 2022 đạt 170,4 tỷ đồng.</p>' +
    body +
    "</article></body></html>"
  );
}

/**
 * A fresh context and page, watched, with `articles` ({ "name.html": html }) served at
 * `${origin}__test__/name.html` (origin: the site's unless given) under `csp`, and the
 * article stylesheet and the uploaded picture beside them (none of it with `route: false`).
 */
export async function open({
  viewport = { width: 1000, height: 900 },
  articles = {},
  csp = STRICT_CSP,
  origin = site.url,
  route = true,
  ...contextOptions
} = {}) {
  const url = (name) => `${origin}__test__/${name}`;
  const opened = { ...(await openPage(browser, { viewport, ...contextOptions })), url };
  if (!route) return opened;
  await opened.page.route(`${origin}__test__/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === "/__test__/article.css") {
      return route.fulfill({ contentType: "text/css; charset=utf-8", body: ARTICLE_CSS });
    }
    if (pathname === UPLOADED) {
      return route.fulfill({ contentType: "image/png", body: codes.sources.png });
    }
    const html = articles[pathname.slice("/__test__/".length)];
    if (html === undefined) return route.fulfill({ status: 404, body: "Not Found" });
    return route.fulfill({
      contentType: "text/html; charset=utf-8",
      headers: { "Content-Security-Policy": csp },
      body: html,
    });
  });
  return opened;
}

/** Waits until the picture charts of the page, `count` of them, are drawn. */
export const drawn = (page, count = 1) =>
  page.waitForFunction(
    (n) => document.querySelectorAll('.kc-embed[data-kc-state="ready"]').length >= n,
    count,
  );

/** The items of the chart drawn for the picture at `index` (chartOf, the loader's export). */
export const chartItems = (page, index = 0, loader = "/pkg/embed.js") =>
  page.evaluate(
    async ({ index, loader }) => {
      const { chartOf } = await import(loader);
      const img = document.querySelectorAll("img")[index];
      const chart = chartOf(img);
      if (!chart) return null;
      const link = img.closest("p").nextElementSibling.querySelector("a");
      const v = chart.view();
      return {
        sameForLink: chartOf(link) === chart,
        kind: v.kind,
        title: v.title,
        items: v.items.map((i) => ({ title: i.title, rows: i.rows })),
      };
    },
    { index, loader },
  );

/** Pixels of the canvas in the picture box `index` that differ from its top left pixel. */
export async function assertInk(page, index = 0) {
  const ink = await page.evaluate((i) => {
    const canvas = document.querySelectorAll(".kc-embed")[i].querySelector("canvas.kc-chart__canvas");
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p] !== data[0] || data[p + 1] !== data[1] || data[p + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, index);
  assert.ok(ink.count > ink.total * 0.02, `only ${ink.count} of ${ink.total} pixels drawn`);
}

/** The pictures are shown: visible, decoded. */
export async function assertPictures(page, count) {
  const pictures = await page.$$eval("img", (imgs) =>
    imgs.map((img) => ({
      shown: getComputedStyle(img).display !== "none" && img.getBoundingClientRect().height > 100,
      decoded: img.complete && img.naturalWidth > 0,
    })),
  );
  assert.deepEqual(pictures, Array(count).fill({ shown: true, decoded: true }));
}

export const pathsOf = (seen, test) =>
  seen.requests.filter((u) => test(new URL(u).pathname)).map((u) => new URL(u).pathname);
