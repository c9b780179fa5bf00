// The site loader (src/js/embed.js, built into www/pkg/) and the embed code that survives
// rich-text editors (src/js/embed-code.js: a picture, a link to chart.html, a table), end to end
// in Debian's Chromium, as a portal uses them: the webmaster's one line in the template's <head>,
// and in an article the code a chart's toEmbedCode() wrote. Everything runs under the strict
// Content-Security-Policy (helpers.mjs: it allows data: images, which the picture is), and no
// test allows a violation; the "uploaded picture" case runs under it without data: images, as a
// portal that refuses them and uploads the PNG does.
//
// The codes are written once, in before(), by charts mounted through /pkg/index.js, the npm entry
// point; articles are served on the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/loader.test.mjs   (needs www/pkg/ built and playwright-core)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { STRICT_CSP, cspViolations, openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

const SCREENSHOTS = repoPath("target", "screenshots");
/** The strict policy of a portal whose images come from its own origin only. */
const SELF_IMAGES_CSP = STRICT_CSP.replace(/; img-src [^;]*/, "");
/** Issue #17's budget for the loader alone: 0.05 × Chart.js 4's chart.umd.min.js, gzipped. */
const LOADER_MAX_GZIP = 3555;
/** A news site's article column: pictures scale down to it, as CMS themes do. */
const ARTICLE_CSS = `
body { margin: 0; font: 17px/1.6 Georgia, "Noto Serif", serif; color: #222; }
article { max-width: 680px; margin: 0 auto; padding: 8px 16px 40px; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 14px; margin: 12px 0; }
th, td { border: 1px solid #ccc; padding: 2px 6px; }
`;
/** Body text, long enough that several of them push a chart screens down. */
const PARAGRAPH =
  "<p>Năm 2022, chương trình khuyến công quốc gia và địa phương tiếp tục hỗ trợ các cơ sở công " +
  "nghiệp nông thôn đầu tư máy móc thiết bị, đào tạo nghề, xây dựng mô hình trình diễn kỹ thuật " +
  "và phát triển sản phẩm công nghiệp nông thôn tiêu biểu ở 28 tỉnh, thành phố phía Bắc.</p>";
const VIEW_WASM = "/pkg/khuyencong_charts_view_bg.wasm";

/** The charts whose codes the articles hold: data file and options, as mount() takes them. */
const CHARTS = {
  sources: { src: "/data/phia-bac-2022.json", options: { kind: "sources" } },
  regions: { src: "/data/dia-phuong-cong-bo.json", options: { kind: "regions" } },
  plan: { src: "/data/phia-bac-2022.json", options: { kind: "plan-actual" } },
};
/** The address an uploaded copy of the sources chart's picture has (the name keeps the mark). */
const UPLOADED = "/__test__/uploads/khuyencong-phia-bac-2022.png";

let fixture;
let browser;
/** www/ under the strict policy, gzip-compressed as a production server sends it. */
let site;
/** www/ again on another port, with Access-Control-Allow-Origin: * (a CDN). */
let cdn;
/** A third origin: the portal of the cross-origin case, a real server of files written to
 * portalDir (Chromium lets a page fetch from another loopback port only when the page itself
 * came from one: an article fulfilled by page.route would be refused for that instead). */
let portal;
let portalDir;
/** name → { code, uploaded, href, kind, title, items: [{ title, rows }], png } */
let codes;

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

/**
 * The embed code of each of CHARTS, as its chart's "Sao chép mã nhúng" writes it: charts mounted
 * by the npm entry point on a page of the site, under the strict policy.
 */
async function writeCodes() {
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
function articleHtml(body, { loader = true, head = "" } = {}) {
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
async function open({
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
const drawn = (page, count = 1) =>
  page.waitForFunction(
    (n) => document.querySelectorAll('.kc-embed[data-kc-state="ready"]').length >= n,
    count,
  );

/** The items of the chart drawn for the picture at `index` (chartOf, the loader's export). */
const chartItems = (page, index = 0, loader = "/pkg/embed.js") =>
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
async function assertInk(page, index = 0) {
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

/** What a reader sees of the page in text, and what must never be part of it. */
async function assertNothingShown(page) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /\{/, "no JSON");
  assert.doesNotMatch(text, /khuyencong=/, "no link address");
  assert.doesNotMatch(text, /Không vẽ được/, "no error text");
  assert.equal(await page.locator('[role="alert"]').count(), 0, "no error box");
  assert.equal(await page.locator(".kc-embed").count(), 0, "no chart box left");
}

/** The pictures are shown: visible, decoded. */
async function assertPictures(page, count) {
  const pictures = await page.$$eval("img", (imgs) =>
    imgs.map((img) => ({
      shown: getComputedStyle(img).display !== "none" && img.getBoundingClientRect().height > 100,
      decoded: img.complete && img.naturalWidth > 0,
    })),
  );
  assert.deepEqual(pictures, Array(count).fill({ shown: true, decoded: true }));
}

const pathsOf = (seen, test) =>
  seen.requests.filter((u) => test(new URL(u).pathname)).map((u) => new URL(u).pathname);

/** The loader's warnings ("the chart stays a picture: …"). */
const staysPicture = (seen) =>
  seen.warnings.filter((w) => w.startsWith("khuyencong-charts: the chart stays a picture"));

/** Waits (up to 10 s) for `count` of the loader's warnings, then for the network to be idle. */
async function loaderWarnings(page, seen, count) {
  for (let i = 0; i < 200 && staysPicture(seen).length < count; i++) await page.waitForTimeout(50);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

describe("the picture, link and table of toEmbedCode()", () => {
  test("the code is the picture, the link to chart.html and the table, with no script", () => {
    const { code, href } = codes.sources;
    assert.match(code, /^<p><img src="data:image\/svg\+xml,%3C!--khuyencong-charts--%3E%3Csvg font-family='/);
    assert.match(code, / width="440" height="\d+"><\/p>\n<p><a href="/);
    assert.match(href, /\/pkg\/chart\.html#khuyencong=1&kind=sources&d=[\w-]+$/);
    assert.match(code, /<table>\n {2}<caption>Kinh phí khuyến công 28 tỉnh/);
    assert.doesNotMatch(code, /<script|data-khuyencong|<iframe|style=/);
    assert.match(codes.sources.uploaded, /^<p><img src="\/__test__\/uploads\/khuyencong-phia-bac-2022\.png"/);
  });

  test("the picture in the code draws as the chart's SVG export does, in under a third of its bytes for 63 provinces", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}charts.html`);
      const charts = [
        ["sources", "/data/phia-bac-2022.json"],
        ["summary", "/data/phia-bac-2022.json"],
        ["regions", "/data/63-tinh-minh-hoa.json"],
      ];
      const compared = await page.evaluate(async (charts) => {
        const { mount } = await import("/pkg/index.js");
        const { svgDataUrl } = await import("/pkg/embed-code.js");
        const pixels = async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext("2d");
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        };
        const out = [];
        for (const [kind, src] of charts) {
          const host = document.createElement("div");
          document.body.append(host);
          const chart = await mount(host, src, { kind });
          const svg = chart.toSVG({ picture: true });
          const url = svgDataUrl(svg);
          const a = await pixels(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
          const b = await pixels(url);
          let max = 0;
          for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
          out.push({ kind, size: a.length === b.length, max, svg: svg.length, url: new Blob([url]).size });
          chart.destroy();
        }
        return out;
      }, charts);
      for (const c of compared) {
        // Antialiasing may move a channel by a few levels (one path for the hatching instead of
        // a line at a time); nothing a reader could see.
        assert.ok(c.size && c.max <= 8, JSON.stringify(c));
      }
      const regions = compared.find((c) => c.kind === "regions");
      assert.ok(regions.url < regions.svg / 3, JSON.stringify(regions));
    } finally {
      await context.close();
    }
  });

  for (const [width, height, dpr] of [
    [390, 844, 2],
    [1280, 900, 1],
  ]) {
    test(`with the loader, the chart takes the picture's box and nothing moves (${width} px; screenshots loader-${width}-*.png)`, async () => {
      const { context, page, seen, url } = await open({
        viewport: { width, height },
        deviceScaleFactor: dpr,
        articles: {
          "bai-viet.html": articleHtml(`${codes.sources.code}\n<p id="after">${PARAGRAPH.slice(3)}`),
        },
      });
      try {
        // embed-draw.js held back until the picture is measured and photographed.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route("**/pkg/embed-draw.js", async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(url("bai-viet.html"));
        await page.waitForFunction(() => document.querySelector("img").complete);
        await page.evaluate(() => document.fonts.ready);
        const before = await page.evaluate(() => ({
          img: document.querySelector("img").getBoundingClientRect().toJSON(),
          after: document.querySelector("#after").getBoundingClientRect().top,
        }));
        await assertPictures(page, 1);
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/loader-${width}-before.png`, fullPage: true });
        release();
        await drawn(page);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const swapped = await page.evaluate(() => {
          const box = document.querySelector(".kc-embed");
          const canvas = box.querySelector("canvas");
          return {
            boxes: document.querySelectorAll(".kc-embed").length,
            imgDisplay: getComputedStyle(document.querySelector("img")).display,
            box: box.getBoundingClientRect().toJSON(),
            canvas: canvas.getBoundingClientRect().toJSON(),
            after: document.querySelector("#after").getBoundingClientRect().top,
            inParagraph: box.parentElement === document.querySelector("img").parentElement,
          };
        });
        assert.equal(swapped.boxes, 1);
        assert.equal(swapped.imgDisplay, "none", "the picture is hidden");
        assert.ok(swapped.inParagraph, "the chart sits where the picture was");
        for (const key of ["top", "left", "width", "height"]) {
          assert.ok(
            Math.abs(swapped.box[key] - before.img[key]) <= 1,
            `box ${key}: ${swapped.box[key]} vs the picture's ${before.img[key]}`,
          );
        }
        // The canvas (the chart and its controls) fills the box.
        assert.ok(Math.abs(swapped.canvas.height - before.img.height) <= 1, JSON.stringify(swapped.canvas));
        assert.ok(Math.abs(swapped.after - before.after) <= 1, `the next paragraph moved: ${before.after} → ${swapped.after}`);
        // The same figures as the chart that wrote the code; the picture and the link both
        // name the handle.
        const chart = await chartItems(page);
        assert.deepEqual(chart, {
          sameForLink: true,
          kind: codes.sources.kind,
          title: codes.sources.title,
          items: codes.sources.items,
        });
        await assertInk(page);
        await page.screenshot({ path: `${SCREENSHOTS}/loader-${width}-after.png`, fullPage: true });
        assert.deepEqual(pathsOf(seen, (p) => p.endsWith(".wasm")), [VIEW_WASM]);
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.consoleErrors, []);
        assert.deepEqual(seen.pageErrors, []);
        assert.deepEqual(seen.warnings, []);
      } finally {
        await context.close();
      }
    });
  }

  test("an uploaded picture (a PNG named khuyencong-…) is swapped the same way, under a policy without data: images", async () => {
    const { context, page, seen, url } = await open({
      csp: SELF_IMAGES_CSP,
      articles: { "bai-viet.html": articleHtml(`${codes.sources.uploaded}\n<p id="after">Hết.</p>`) },
    });
    try {
      await page.goto(url("bai-viet.html"));
      await drawn(page);
      assert.deepEqual(await chartItems(page), {
        sameForLink: true,
        kind: codes.sources.kind,
        title: codes.sources.title,
        items: codes.sources.items,
      });
      await assertInk(page);
      const box = await page.$eval(".kc-embed", (b) => b.getBoundingClientRect().toJSON());
      const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(codes.sources.uploaded).map(Number);
      assert.deepEqual([box.width, Math.round(box.height)], [w, h]);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("the loader is lazy", () => {
  test("a chart screens down: the loader alone until the reader comes within a screen of it", async (t) => {
    const viewport = { width: 390, height: 844 };
    const lazySeen = [];
    const { context, page, seen, url } = await open({
      viewport,
      deviceScaleFactor: 2,
      articles: {
        "dai.html": articleHtml(`${PARAGRAPH.repeat(40)}\n${codes.sources.code}\n<p>Hết.</p>`),
      },
    });
    try {
      // What each response actually carried over the network (gzip, as the site sends it).
      page.on("requestfinished", (request) =>
        lazySeen.push(request.sizes().then((s) => [new URL(request.url()).pathname, s.responseBodySize])),
      );
      await page.goto(url("dai.html"));
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      const top = await page.$eval("img", (img) => img.getBoundingClientRect().top);
      assert.ok(top >= 3 * viewport.height, `the picture is ${top} px down`);
      const fetched = pathsOf(seen, (p) => !p.startsWith("/__test__/"));
      assert.deepEqual(fetched, ["/pkg/embed.js"], "the loader alone");
      const sizes = await Promise.all(lazySeen);
      const transferred = sizes
        .filter(([p]) => !p.startsWith("/__test__/"))
        .reduce((sum, [, bytes]) => sum + bytes, 0);
      const gzip = gzipSync(readFileSync(repoPath("www", "pkg", "embed.js")), { level: 9 }).length;
      t.diagnostic(`embed.js: ${gzip} B gzipped; transferred to a reader who never nears the chart: ${transferred} B`);
      assert.ok(gzip <= LOADER_MAX_GZIP, `embed.js is ${gzip} B gzipped`);
      assert.ok(
        transferred > 0 && transferred <= LOADER_MAX_GZIP,
        `a reader who never nears the chart received ${transferred} B`,
      );
      assert.equal(await page.locator(".kc-embed").count(), 0);

      // Scrolled to within a screen of it (its top half a screen under the viewport): it loads
      // and draws before the reader gets there.
      await page.evaluate(() => {
        const img = document.querySelector("img");
        scrollBy(0, img.getBoundingClientRect().top - 1.5 * innerHeight);
      });
      await drawn(page);
      const below = await page.$eval(".kc-embed", (b) => b.getBoundingClientRect().top - innerHeight);
      assert.ok(below > 0, "drawn while still under the viewport");
      await page.$eval(".kc-embed", (b) => b.scrollIntoView());
      assert.deepEqual((await chartItems(page)).items, codes.sources.items);
      await assertInk(page);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(pathsOf(seen, (p) => p.endsWith("/embed-draw.js")), ["/pkg/embed-draw.js"]);
      assert.deepEqual(pathsOf(seen, (p) => p.endsWith(".wasm")), [VIEW_WASM]);
      assert.deepEqual(pathsOf(seen, (p) => p.endsWith("/embed.js")), ["/pkg/embed.js"]);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("two charts of two kinds in view: one wasm file, downloaded once", async () => {
    const { context, page, seen, url } = await open({
      viewport: { width: 1280, height: 1400 },
      articles: {
        "hai.html": articleHtml(`${codes.sources.code}\n${PARAGRAPH}\n${codes.regions.code}\n<p>Hết.</p>`),
      },
    });
    try {
      await page.goto(url("hai.html"));
      await drawn(page, 2);
      assert.equal(await page.locator(".kc-embed").count(), 2);
      const charts = [await chartItems(page, 0), await chartItems(page, 1)];
      assert.deepEqual(
        charts.map((c) => c.kind),
        ["sources", "regions"],
      );
      assert.deepEqual(charts[1].items, codes.regions.items);
      await assertInk(page, 0);
      await assertInk(page, 1);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(pathsOf(seen, (p) => p.endsWith(".wasm")), [VIEW_WASM]);
      assert.deepEqual(pathsOf(seen, (p) => p.endsWith("/embed-draw.js")), ["/pkg/embed-draw.js"]);
      assert.deepEqual(pathsOf(seen, (p) => p.endsWith("/embed-export.js")), [], "no full build");
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("a chart that cannot be drawn stays a picture", () => {
  /** The sources code with its link's address replaced by `href` (as an editor's HTML has it). */
  const withHref = (href) =>
    codes.sources.code.replace(/<a href="[^"]+">/, `<a href="${href.replaceAll("&", "&amp;")}">`);

  /** Opens `body` as an article; waits for `warnings` warnings of the loader, and quiet. */
  async function failing(body, { warnings, route } = {}) {
    // Tall enough for every chart to be near at once.
    const viewport = { width: 1000, height: 3000 };
    const opened = await open({ viewport, articles: { "hong.html": articleHtml(body) } });
    const { page, url, seen } = opened;
    if (route) await route(page);
    await page.goto(url("hong.html"));
    await loaderWarnings(page, seen, warnings);
    return opened;
  }

  test("a link cut short, a corrupt one, or one whose src is on a foreign origin", async () => {
    const { href } = codes.sources;
    const cut = href.slice(0, href.length - 40);
    const corrupt = href.replace(/d=([\w-]{20})/, "d=$1!!*~");
    const foreign = href.replace(/&d=.*$/, `&src=${encodeURIComponent(`${cdn.url}data/phia-bac-2022.json`)}`);
    const { context, page, seen } = await failing(
      [cut, corrupt, foreign].map((h) => `${withHref(h)}\n<p>${"Đoạn văn. ".repeat(5)}</p>`).join("\n"),
      { warnings: 3 },
    );
    try {
      await assertPictures(page, 3);
      await assertNothingShown(page);
      assert.ok(!seen.requests.some((u) => u.startsWith(cdn.url)), "the foreign file is not asked for");
      // The reason, for the page's developers: a warning for each, never an error.
      assert.equal(staysPicture(seen).length, 3, seen.warnings.join("\n"));
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(await cspViolations(page), []);
      // The links and tables are the editor's, unchanged.
      assert.equal(await page.locator("table").count(), 3);
      assert.deepEqual(
        await page.$$eval("a", (as) => as.map((a) => a.textContent)),
        Array(3).fill("Xem biểu đồ tương tác"),
      );
    } finally {
      await context.close();
    }
  });

  test("a link whose src is on the page's origin draws (the control for the foreign one)", async () => {
    const own = codes.sources.href.replace(/&d=.*$/, "&src=%2Fdata%2Fphia-bac-2022.json");
    const { context, page, seen, url } = await open({
      articles: { "src.html": articleHtml(withHref(own)) },
    });
    try {
      await page.goto(url("src.html"));
      await drawn(page);
      assert.deepEqual((await chartItems(page)).items, codes.sources.items);
      assert.deepEqual(pathsOf(seen, (p) => p.startsWith("/data/")), ["/data/phia-bac-2022.json"]);
      assert.deepEqual(await cspViolations(page), []);
    } finally {
      await context.close();
    }
  });

  test("the wasm refused (a host blocking it)", async () => {
    const { context, page, seen } = await failing(`${codes.sources.code}\n${codes.plan.code}`, {
      warnings: 2,
      route: (page) => page.route("**/*.wasm", (route) => route.abort("blockedbyclient")),
    });
    try {
      await assertPictures(page, 2);
      await assertNothingShown(page);
      assert.ok(staysPicture(seen).length === 2, seen.warnings.join("\n"));
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await cspViolations(page), []);
    } finally {
      await context.close();
    }
  });

  test("bad data inside a valid link (a negative plan)", async () => {
    // A link as chartAddress writes it, of data the validator refuses.
    const data = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
    data.records[0].plan = "-5";
    const { context, page, seen, url } = await open({
      articles: { "hong.html": articleHtml("") },
    });
    try {
      await page.goto(url("hong.html"));
      const href = await page.evaluate(async (json) => {
        const { chartAddress } = await import("/pkg/embed-code.js");
        return chartAddress(new URL("/pkg/", location.href).href, { attributes: [["kind", "sources"]], json });
      }, JSON.stringify(data));
      // The article, with the code around that link (added as a CMS's lazy loader would).
      await page.evaluate((html) => {
        const t = document.createElement("template");
        t.innerHTML = html;
        document.querySelector("article").append(t.content);
      }, withHref(href));
      await loaderWarnings(page, seen, 1);
      await assertPictures(page, 1);
      await assertNothingShown(page);
      assert.equal(staysPicture(seen).length, 1, seen.warnings.join("\n"));
      assert.match(seen.warnings.join("\n"), /plan/);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(await cspViolations(page), []);
    } finally {
      await context.close();
    }
  });
});

describe("the package on another origin (a CDN)", () => {
  for (const cors of [true, false]) {
    test(cors ? "with Access-Control-Allow-Origin: the chart draws" : "without CORS: the picture, link and table stay, and no error shows", async () => {
      const host = cors ? cdn : site;
      const hostOrigin = new URL(host.url).origin;
      const csp =
        `default-src 'self' ${hostOrigin}; script-src 'self' ${hostOrigin} 'wasm-unsafe-eval'; ` +
        "style-src 'self'; img-src 'self' data:";
      // The policy in a <meta>: the portal's server is a plain file server.
      const name = `cdn-${cors ? "cors" : "none"}.html`;
      await writeFile(
        path.join(portalDir, "__test__", name),
        articleHtml(codes.sources.code, {
          loader: false,
          head: `<script type="module" src="${hostOrigin}/pkg/embed.js"></script>`,
        }).replace(
          '<meta charset="utf-8">',
          `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">`,
        ),
      );
      const { context, page, seen, url } = await open({ origin: portal.url, route: false });
      try {
        await page.goto(url(name));
        if (cors) {
          await drawn(page);
          assert.deepEqual(
            await chartItems(page, 0, `${hostOrigin}/pkg/embed.js`),
            { sameForLink: true, kind: codes.sources.kind, title: codes.sources.title, items: codes.sources.items },
          );
          await assertInk(page);
          // Everything came from the CDN, the wasm once.
          const wasm = seen.requests.filter((u) => u.endsWith(".wasm"));
          assert.deepEqual(wasm, [`${hostOrigin}${VIEW_WASM}`]);
          assert.deepEqual(seen.consoleErrors, [], seen.requests.join("\n"));
        } else {
          await page.waitForLoadState("networkidle");
          await page.waitForTimeout(300);
          await assertPictures(page, 1);
          await assertNothingShown(page);
          assert.equal(await page.locator("table").count(), 1);
          assert.ok(await page.locator("a").isVisible());
          // The browser's own report of the blocked script, in the console only: for want of
          // the header (not anything else that blocks a cross-origin script).
          const errors = seen.consoleErrors.join("\n");
          assert.match(errors, /No 'Access-Control-Allow-Origin' header is present/);
          assert.doesNotMatch(errors, /address space|Content Security Policy/);
          assert.ok(!seen.requests.some((u) => u.endsWith(".wasm")));
        }
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }
});

test("the loader included twice, and a second copy at another URL: each chart draws once", async () => {
  const { context, page, seen, url } = await open({
    viewport: { width: 1280, height: 1600 },
    articles: {
      "hai-lan.html": articleHtml(`${codes.sources.code}\n<script type="module" src="/pkg/embed.js"></script>\n${codes.plan.code}`, {
        // The copy at another URL first: it is the one that runs.
        head: '<script type="module" src="/pkg/embed.js?v=2"></script><script type="module" src="/pkg/embed.js"></script>',
      }),
    },
  });
  try {
    await page.goto(url("hai-lan.html"));
    await drawn(page, 2);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    assert.equal(await page.locator(".kc-embed").count(), 2, "one box per picture");
    assert.equal(await page.locator("canvas.kc-chart__canvas").count(), 2);
    assert.deepEqual(
      await page.$$eval("img", (imgs) => imgs.map((i) => getComputedStyle(i).display)),
      ["none", "none"],
    );
    // Either copy's chartOf finds the charts.
    for (const loader of ["/pkg/embed.js", "/pkg/embed.js?v=2"]) {
      assert.deepEqual((await chartItems(page, 1, loader))?.items, codes.plan.items, loader);
    }
    assert.deepEqual(pathsOf(seen, (p) => p.endsWith(".wasm")), [VIEW_WASM]);
    assert.deepEqual(pathsOf(seen, (p) => p.endsWith("/embed-draw.js")), ["/pkg/embed-draw.js"]);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(seen.consoleErrors, []);
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await context.close();
  }
});

describe("without the loader", () => {
  test("the picture, link and table show; the link opens chart.html, which draws the chart", async () => {
    const { context, page, seen, url } = await open({
      viewport: { width: 390, height: 844 },
      articles: { "bai-viet.html": articleHtml(codes.sources.code, { loader: false }) },
    });
    try {
      await page.goto(url("bai-viet.html"));
      await page.waitForFunction(() => document.querySelector("img").complete);
      await assertPictures(page, 1);
      assert.ok(await page.locator("table").isVisible());
      assert.deepEqual(
        await page.$$eval("table tbody th", (ths) => ths.map((th) => th.textContent)),
        codes.sources.items.map((i) => i.title),
      );
      assert.equal(await page.locator(".kc-embed").count(), 0);
      assert.ok(!seen.requests.some((u) => u.includes("/pkg/")), "nothing of the package");

      // The reader follows the link: chart.html draws the chart from it alone.
      await page.click("text=Xem biểu đồ tương tác");
      await page.waitForURL(/\/pkg\/chart\.html#khuyencong=1/);
      await page.waitForSelector("#chart canvas.kc-chart__canvas");
      const shown = await page.evaluate(() => ({
        title: document.title,
        heading: document.querySelector("#page-title").textContent,
        message: document.querySelector("#message").hidden,
      }));
      assert.deepEqual(shown, { title: codes.sources.title, heading: codes.sources.title, message: true });
      // Its table ("Xem bảng số liệu") has the rows of the article's table.
      await page.click("#chart .kc-chart__table-toggle");
      const rows = await page.$$eval("#chart .kc-chart__table tbody th", (ths) => ths.map((th) => th.textContent));
      assert.deepEqual(rows, codes.sources.items.map((i) => i.title).filter((t, i, all) => all.indexOf(t) === i));
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("chart.html with a link cut short says so in Vietnamese, and shows no JSON", async () => {
    const { context, page, seen } = await open();
    try {
      const href = codes.sources.href.replace(/^http:\/\/[^/]+\//, site.url);
      for (const broken of [href.slice(0, href.length - 40), href.slice(0, href.indexOf("&d=") + 30), href.replace(/&d=.*$/, "")]) {
        await page.goto(broken);
        await page.waitForSelector("#message:not([hidden])");
        const alert = page.locator('[role="alert"]');
        assert.equal(await alert.count(), 1);
        assert.match(await alert.textContent(), /^Liên kết này không chứa đủ số liệu của biểu đồ \(có thể đã bị cắt khi sao chép\)/);
        const text = await page.evaluate(() => document.body.innerText);
        assert.doesNotMatch(text, /\{|khuyencong=|Failed|atob/, broken);
        assert.equal(await page.locator("#chart canvas").count(), 0);
        assert.deepEqual(await cspViolations(page), []);
      }
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
