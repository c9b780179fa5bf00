// How the site loader (src/js/embed.js, built into www/pkg/) turns an article's pictures into
// charts, in Debian's Chromium: lazily, as the reader nears them, from one wasm file; from a CDN;
// once when the loader is included twice; and a chart that cannot be drawn stays a picture.
// Everything runs under the strict Content-Security-Policy (helpers.mjs: it allows data: images,
// which the picture is), and no test allows a violation. The codes are written once, in
// before(), by charts mounted through /pkg/index.js, the npm entry point; articles are served on
// the site's origin (so /pkg/ and /data/ load) by page.route.
// Run: node --test tests/e2e/loader-loading.test.mjs   (needs www/pkg/ built and playwright-core)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { cspViolations, repoPath } from "./helpers.mjs";
import {
  articleHtml,
  assertInk,
  assertPictures,
  cdn,
  chartItems,
  codes,
  drawn,
  open,
  PARAGRAPH,
  pathsOf,
  portal,
  portalDir,
  site,
  useLoaderFixture,
  VIEW_WASM,
} from "./loader-helpers.mjs";

useLoaderFixture();

/** Issue #17's budget for the loader alone: 0.05 × Chart.js 4's chart.umd.min.js, gzipped. */
const LOADER_MAX_GZIP = 3555;

/** What a reader sees of the page in text, and what must never be part of it. */
async function assertNothingShown(page) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /\{/, "no JSON");
  assert.doesNotMatch(text, /khuyencong=/, "no link address");
  assert.doesNotMatch(text, /Không vẽ được/, "no error text");
  assert.equal(await page.locator('[role="alert"]').count(), 0, "no error box");
  assert.equal(await page.locator(".kc-embed").count(), 0, "no chart box left");
}

/** The loader's warnings ("the chart stays a picture: …"). */
const staysPicture = (seen) =>
  seen.warnings.filter((w) => w.startsWith("khuyencong-charts: the chart stays a picture"));

/** Waits (up to 10 s) for `count` of the loader's warnings, then for the network to be idle. */
async function loaderWarnings(page, seen, count) {
  for (let i = 0; i < 200 && staysPicture(seen).length < count; i++) await page.waitForTimeout(50);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

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
