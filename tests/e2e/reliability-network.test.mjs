// Network (issue 7), in Debian's Chromium: `src` fetches only the URL given, once, same origin
// unless allowCrossOrigin, with a timeout (tested with a fake clock) and clear errors on 404,
// wrong content, failures.
// Run: node --test tests/e2e/reliability-network.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openPage, repoPath } from "./helpers.mjs";
import { alertsIn, browser, FAILED, useReliabilityFixture } from "./reliability-helpers.mjs";

useReliabilityFixture();

const CONTENT_TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8" };

/**
 * A server that logs every request it gets and can misbehave on purpose: /never (never answers),
 * /reset (headers and half a body, then the connection dies), /redirect-away (302 to `away`),
 * /status/404, /status/500, /html (a CMS's 200 "not found" page), /png (an image), /as-text (JSON
 * sent as text/plain), /slow (JSON after 300 ms). /pkg/ and /data/ are www's; /blank.html a page.
 */
async function misbehavingServer({ host = "127.0.0.1", cors = false, away = null } = {}) {
  const log = [];
  const open = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const entry = { path: url.pathname, accept: req.headers.accept, cookie: req.headers.cookie ?? null, origin: req.headers.origin ?? null, closed: false };
    log.push(entry);
    req.socket.on("close", () => (entry.closed = true));
    const corsHeaders = cors ? { "Access-Control-Allow-Origin": "*" } : {};
    const send = (status, type, body) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...corsHeaders });
      res.end(body);
    };
    const json = readFileSync(repoPath("www", "data", "phia-bac-2022.json"));
    switch (url.pathname) {
      case "/never":
        open.add(res);
        return;
      case "/reset":
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": json.length });
        res.write(json.subarray(0, 40));
        setTimeout(() => res.socket.destroy(), 50);
        return;
      case "/redirect-away":
        res.writeHead(302, { Location: `${away.url}data.json` });
        return res.end();
      case "/status/404":
        return send(404, "text/plain", "Not Found");
      case "/status/500":
        return send(500, "text/html", "<h1>Lỗi máy chủ</h1>");
      case "/html":
        return send(200, "text/html; charset=utf-8", "<!doctype html><p>Không tìm thấy trang</p>");
      case "/png":
        return send(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      case "/as-text":
        return send(200, "text/plain", json);
      case "/slow":
        return void setTimeout(() => send(200, "application/json", json), 300);
      case "/data.json":
        return send(200, "application/json", json);
      case "/blank.html":
        return send(200, "text/html; charset=utf-8", '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head><body></body></html>');
      default: {
        const [, dir, ...rest] = url.pathname.split("/");
        const file = repoPath("www", dir, ...rest);
        if (!["pkg", "data"].includes(dir) || !existsSync(file)) return send(404, "text/plain", "Not Found");
        return send(200, CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", readFileSync(file));
      }
    }
  });
  await new Promise((done) => server.listen(0, host, done));
  return {
    url: `http://${host}:${server.address().port}/`,
    log,
    close: () =>
      new Promise((done) => {
        for (const res of open) res.socket?.destroy();
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

describe("network: src", () => {
  let away; // another origin (another host name, so cookies differ too), with CORS
  let awayNoCors;
  let home; // the page's origin
  before(async () => {
    away = await misbehavingServer({ host: "localhost", cors: true });
    awayNoCors = await misbehavingServer({ host: "localhost" });
    home = await misbehavingServer({ away });
  });
  after(async () => {
    await home?.close();
    await away?.close();
    await awayNoCors?.close();
  });

  /** The page on `home`, with the package loaded and mountOn/updateOn helpers. */
  async function openHome(contextOptions = {}) {
    const { context, page, seen } = await openPage(browser, { viewport: { width: 900, height: 800 }, ...contextOptions });
    await page.goto(`${home.url}blank.html`);
    await page.evaluate(async () => {
      window.kc = await import("/pkg/index.js");
      await window.kc.ready();
      window.handles = {};
      window.mountOn = async (id, data, options = {}) => {
        const element = document.createElement("div");
        element.id = id;
        document.body.append(element);
        try {
          window.handles[id] = await window.kc.mount(element, data, options);
          return { ok: true };
        } catch (e) {
          return { error: { code: e.code, path: e.path, message: e.message } };
        }
      };
    });
    return { context, page, seen };
  }
  const since = (log, n) => log.slice(n).map((e) => e.path);

  test("fetches exactly the URL given, once, asking for JSON; update() fetches it once more; nothing else is asked for", async () => {
    const { context, page, seen } = await openHome();
    try {
      const before = home.log.length;
      const pageBefore = seen.requests.length;
      assert.deepEqual(await page.evaluate(() => window.mountOn("c", "data/phia-bac-2022.json", { kind: "sources" })), { ok: true });
      assert.deepEqual(since(home.log, before), ["/data/phia-bac-2022.json"]);
      assert.deepEqual(seen.requests.slice(pageBefore), [`${home.url}data/phia-bac-2022.json`]);
      assert.equal(home.log.at(-1).accept, "application/json");
      await page.evaluate(() => window.handles.c.update());
      await page.evaluate(() => window.handles.c.setOptions({ kind: "trend" }));
      await page.mouse.move(200, 100);
      assert.deepEqual(since(home.log, before), ["/data/phia-bac-2022.json", "/data/phia-bac-2022.json"]);
      assert.deepEqual(away.log, []);
    } finally {
      await context.close();
    }
  });

  test("another origin is refused without being asked; allowCrossOrigin fetches it with CORS and without cookies", async () => {
    const { context, page } = await openHome();
    try {
      await context.addCookies([
        { name: "sid", value: "home-secret", url: home.url },
        { name: "sid", value: "away-secret", url: away.url },
      ]);
      const awayBefore = away.log.length;
      const refused = await page.evaluate((url) => window.mountOn("x", url), `${away.url}data.json`);
      assert.deepEqual(refused.error, {
        code: "cross_origin",
        path: "src",
        message: `src: ${away.url}data.json không cùng nguồn (origin) với trang; hãy đặt tệp dữ liệu cùng nguồn, hoặc dùng tùy chọn allowCrossOrigin: true.`,
      });
      assert.equal(away.log.length, awayBefore, "the other origin was not asked");
      const allowed = await page.evaluate((url) => window.mountOn("y", url, { allowCrossOrigin: true, kind: "sources" }), `${away.url}data.json`);
      assert.deepEqual(allowed, { ok: true });
      assert.deepEqual(since(away.log, awayBefore), ["/data.json"]);
      assert.equal(away.log.at(-1).cookie, null, "no cookie goes to another origin");
      assert.equal(away.log.at(-1).origin, home.url.slice(0, -1));
      // Same origin sends its own cookies (credentials: "same-origin").
      await page.evaluate(() => window.mountOn("z", "/data/dak-lak-2020.json"));
      assert.equal(home.log.at(-1).cookie, "sid=home-secret");
      // Without CORS headers the browser keeps the answer from the page: a clear network error.
      const noCors = await page.evaluate((url) => window.mountOn("w", url, { allowCrossOrigin: true }), `${awayNoCors.url}data.json`);
      assert.deepEqual([noCors.error.code, noCors.error.path], ["fetch_failed", "src"]);
      assert.equal(noCors.error.message, `src: không tải được ${awayNoCors.url}data.json (lỗi mạng hoặc máy chủ từ chối).`);
      // The element's allow-cross-origin attribute is the same opt-in.
      await page.evaluate(async (url) => {
        await import("/pkg/embed.js");
        for (const [id, allow] of [
          ["el-no", false],
          ["el-yes", true],
        ]) {
          const e = document.createElement("khuyencong-chart");
          e.id = id;
          e.setAttribute("src", url);
          if (allow) e.setAttribute("allow-cross-origin", "");
          document.body.append(e);
        }
      }, `${away.url}data.json`);
      await page.waitForFunction(() => ["el-no", "el-yes"].every((id) => ["ready", "error"].includes(document.getElementById(id).dataset.kcState)));
      assert.equal(await page.getAttribute("#el-no", "data-kc-state"), "error");
      assert.match((await alertsIn(page, "#el-no"))[0], /không cùng nguồn/);
      assert.equal(await page.getAttribute("#el-yes", "data-kc-state"), "ready");
      // The embed code of the chart mounted with allowCrossOrigin keeps the opt-in: the element
      // ways write allow-cross-origin beside its src, and draw.
      for (const way of ["element", "plain"]) {
        const pasted = await page.evaluate(async (way) => {
          const code = await window.handles.y.toEmbedCode({ way });
          const box = document.createElement("div");
          box.innerHTML = code; // embed.js is in the page already: its <script> line is inert here
          document.body.prepend(box);
          const e = box.querySelector("khuyencong-chart, [data-khuyencong]");
          while (!["ready", "error"].includes(e.dataset.kcState)) await new Promise((done) => setTimeout(done, 50));
          box.remove();
          return { allowed: e.hasAttribute(way === "plain" ? "data-allow-cross-origin" : "allow-cross-origin"), state: e.dataset.kcState };
        }, way);
        assert.deepEqual(pasted, { allowed: true, state: "ready" }, way);
      }
      // URLs that are not http(s) are other origins too: nothing is fetched.
      for (const url of ["javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd", "blob:null/x"]) {
        const r = await page.evaluate((url) => window.mountOn(`u${Math.random().toString(36).slice(2)}`, url), url);
        assert.deepEqual([r.error?.code, r.error?.path], ["cross_origin", "src"], url);
      }
    } finally {
      await context.close();
    }
  });

  test("a same-origin URL that redirects to another origin is refused, and the other origin is never asked", async () => {
    const { context, page } = await openHome();
    try {
      const awayBefore = away.log.length;
      const r = await page.evaluate(() => window.mountOn("r", "/redirect-away", { allowCrossOrigin: false }));
      assert.deepEqual(r.error, {
        code: "fetch_failed",
        path: "src",
        message: `src: không tải được ${home.url}redirect-away (lỗi mạng hoặc máy chủ từ chối).`,
      });
      assert.equal(away.log.length, awayBefore);
    } finally {
      await context.close();
    }
  });

  test("a server that never answers: fetch_failed after 15 s (a fake clock), and the request is dropped", async () => {
    const { context, page } = await openHome();
    try {
      // Fake timers, paused: only runFor() moves the page's time.
      await page.clock.install({ time: new Date("2025-01-01T08:00:00+07:00") });
      await page.clock.pauseAt(new Date("2025-01-01T08:00:01+07:00"));
      const before = home.log.length;
      await page.evaluate(() => {
        window.pending = window.mountOn("t", "/never", { locale: "en" });
        window.pending.then((r) => (window.settled = r));
      });
      await waitFor(() => home.log.length > before, "the request reached the server");
      await page.clock.runFor(14_900);
      assert.equal(await page.evaluate(() => window.settled ?? null), null, "still waiting at 14.9 s");
      await page.clock.runFor(200);
      const result = await page.evaluate(() => window.pending);
      assert.deepEqual(result.error, {
        code: "fetch_failed",
        path: "src",
        message: `src: could not load ${home.url}never within 15 seconds.`,
      });
      assert.deepEqual(await alertsIn(page, "#t"), [`${FAILED.en}${result.error.message}`]);
      const request = home.log.slice(before).find((e) => e.path === "/never");
      await waitFor(() => request.closed, "the browser dropped the connection");
    } finally {
      await context.close();
    }
  });

  for (const locale of ["vi", "en"]) {
    test(`clear messages (${locale}): 404, 500, an HTML page, an image, a dropped connection, a refused connection; JSON sent as text is read`, async () => {
      const { context, page } = await openHome();
      try {
        await page.route(`${home.url}refused.json`, (route) => route.abort("connectionrefused"));
        const url = (p) => `${home.url}${p}`;
        const vi = {
          "status/404": `src: không tải được ${url("status/404")} (HTTP 404).`,
          "status/500": `src: không tải được ${url("status/500")} (HTTP 500).`,
          html: `src: ${url("html")} không phải dữ liệu JSON (Content-Type: text/html; charset=utf-8).`,
          png: `src: ${url("png")} không phải dữ liệu JSON (Content-Type: image/png).`,
          reset: `src: không tải được ${url("reset")} (lỗi mạng hoặc máy chủ từ chối).`,
          "refused.json": `src: không tải được ${url("refused.json")} (lỗi mạng hoặc máy chủ từ chối).`,
        };
        const en = {
          "status/404": `src: could not load ${url("status/404")} (HTTP 404).`,
          "status/500": `src: could not load ${url("status/500")} (HTTP 500).`,
          html: `src: ${url("html")} is not JSON data (Content-Type: text/html; charset=utf-8).`,
          png: `src: ${url("png")} is not JSON data (Content-Type: image/png).`,
          reset: `src: could not load ${url("reset")} (network error or refused by the server).`,
          "refused.json": `src: could not load ${url("refused.json")} (network error or refused by the server).`,
        };
        for (const [p, message] of Object.entries(locale === "vi" ? vi : en)) {
          const id = `n${p.replace(/\W/g, "")}`;
          const r = await page.evaluate(({ id, p, locale }) => window.mountOn(id, `/${p}`, { locale }), { id, p, locale });
          assert.deepEqual(r.error, { code: "fetch_failed", path: "src", message }, p);
          assert.deepEqual(await alertsIn(page, `#${id}`), [`${FAILED[locale]}${message}`]);
        }
        // Lenient on the type, strict on the content: JSON served as text/plain is JSON.
        assert.deepEqual(await page.evaluate((locale) => window.mountOn("txt", "/as-text", { locale }), locale), { ok: true });
        // A slow answer within the time is not an error.
        assert.deepEqual(await page.evaluate((locale) => window.mountOn("slow", "/slow", { locale }), locale), { ok: true });
        // A chart whose URL starts failing shows it, keeps its figures, and recovers.
        assert.deepEqual(await page.evaluate((locale) => window.mountOn("live", "/data/phia-bac-2022.json", { locale }), locale), { ok: true });
        const failing = await page.evaluate(() => window.handles.live.update("/status/500").then(() => null, (e) => e.code));
        assert.equal(failing, "fetch_failed");
        assert.equal((await alertsIn(page, "#live")).length, 1);
        await page.evaluate(() => window.handles.live.update("/data/phia-bac-2022.json"));
        assert.deepEqual(await alertsIn(page, "#live"), []);
      } finally {
        await context.close();
      }
    });
  }
});

/** Polls `predicate` (in Node) until it holds, for up to 5 s. */
async function waitFor(predicate, what) {
  for (let i = 0; i < 100; i++) {
    if (predicate()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  assert.fail(`timed out waiting: ${what}`);
}
