// scripts/serve.mjs: types, index pages, 404, path traversal, headers, and the command line.
// Run: node --test tests/e2e/

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { gunzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { repoPath } from "./helpers.mjs";

const SECRET = "secret outside the root";
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let dir; // holds secret.txt, and root/ which is served
let server;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "serve-test-"));
  const root = path.join(dir, "root");
  await mkdir(path.join(root, "sub"), { recursive: true });
  await writeFile(path.join(dir, "secret.txt"), SECRET);
  await writeFile(path.join(root, "index.html"), "<!doctype html><title>Trang chủ</title>");
  await writeFile(path.join(root, "sub", "index.html"), "<!doctype html><title>sub</title>");
  await writeFile(path.join(root, "app.wasm"), WASM);
  await writeFile(path.join(root, "app.js"), "export {};");
  await writeFile(path.join(root, "app.mjs"), "export {};");
  await writeFile(path.join(root, "site.css"), "body {}");
  await writeFile(path.join(root, "data.json"), '{"tỷ": 1}');
  await writeFile(path.join(root, "logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  server = await serve({ root, headers: { "Content-Security-Policy": "default-src 'self'" } });
});

after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** GET (or another method) with the path sent exactly as written: fetch would normalise "..". */
function raw(pathname, method = "GET", { to = server, headers = {} } = {}) {
  const { hostname, port } = new URL(to.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serve()", () => {
  test("returns a 127.0.0.1 URL on the port it picked", () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(new URL(server.url).port, "0");
  });

  test("sends each file with its MIME type", async () => {
    const cases = {
      "/app.wasm": "application/wasm",
      "/app.js": "text/javascript; charset=utf-8",
      "/app.mjs": "text/javascript; charset=utf-8",
      "/site.css": "text/css; charset=utf-8",
      "/data.json": "application/json; charset=utf-8",
      "/logo.svg": "image/svg+xml",
      "/index.html": "text/html; charset=utf-8",
    };
    for (const [file, type] of Object.entries(cases)) {
      const res = await raw(file);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers["content-type"], type, file);
    }
    assert.deepEqual((await raw("/app.wasm")).body, WASM);
  });

  test("serves index.html for a directory, redirecting to the trailing slash", async () => {
    const home = await raw("/");
    assert.equal(home.status, 200);
    assert.match(home.body.toString(), /Trang chủ/);
    const sub = await raw("/sub/?x=1");
    assert.equal(sub.status, 200);
    assert.match(sub.body.toString(), /<title>sub</);
    const bare = await raw("/sub?x=1");
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, "/sub/");
  });

  test("answers 404 for a missing file", async () => {
    assert.equal((await raw("/missing.js")).status, 404);
    assert.equal((await raw("/app.wasm/inner")).status, 404);
  });

  test("never serves a file outside the root", async () => {
    for (const attempt of [
      "/../secret.txt",
      "/sub/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/sub/%2E%2E%2F%2E%2E%2Fsecret.txt",
      "/..%5csecret.txt",
      "../secret.txt",
    ]) {
      const res = await raw(attempt);
      assert.ok([400, 403, 404].includes(res.status), `${attempt}: ${res.status}`);
      assert.doesNotMatch(res.body.toString(), new RegExp(SECRET), attempt);
    }
    assert.equal((await raw("/%E0%A4%A")).status, 400); // malformed escape
    assert.equal((await raw("/app.js%00.html")).status, 400);
  });

  test("sends no-store and the extra headers on every response", async () => {
    for (const file of ["/", "/app.wasm", "/missing"]) {
      const res = await raw(file);
      assert.equal(res.headers["cache-control"], "no-store", file);
      assert.equal(res.headers["content-security-policy"], "default-src 'self'", file);
    }
  });

  test("answers HEAD without a body and refuses other methods", async () => {
    const head = await raw("/app.wasm", "HEAD");
    assert.equal(head.status, 200);
    assert.equal(head.headers["content-length"], String(WASM.length));
    assert.equal(head.body.length, 0);
    const post = await raw("/app.wasm", "POST");
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, "GET, HEAD");
  });

  test("sends no file compressed unless asked to", async () => {
    const res = await raw("/app.js", "GET", { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(res.headers["content-encoding"], undefined);
    assert.equal(res.body.toString(), "export {};");
  });
});

describe("serve({ gzip: true })", () => {
  let zipped;
  before(async () => {
    zipped = await serve({ root: path.join(dir, "root"), gzip: true });
  });
  after(() => zipped?.close());

  test("sends text and wasm gzip-compressed to a client that accepts gzip, the same bytes", async () => {
    for (const [file, body] of [
      ["/app.wasm", WASM],
      ["/app.js", Buffer.from("export {};")],
      ["/data.json", Buffer.from('{"tỷ": 1}')],
      ["/", Buffer.from("<!doctype html><title>Trang chủ</title>")],
    ]) {
      for (const accept of ["gzip", "br, gzip, deflate", "gzip;q=0.5"]) {
        const res = await raw(file, "GET", { to: zipped, headers: { "Accept-Encoding": accept } });
        assert.equal(res.status, 200);
        assert.equal(res.headers["content-encoding"], "gzip", `${file} ${accept}`);
        assert.equal(res.headers.vary, "Accept-Encoding");
        assert.equal(Number(res.headers["content-length"]), res.body.length);
        assert.deepEqual(gunzipSync(res.body), body, file);
      }
      // Not accepted: the file as it is.
      for (const accept of [undefined, "br", "gzip;q=0", "identity"]) {
        const headers = accept ? { "Accept-Encoding": accept } : {};
        const res = await raw(file, "GET", { to: zipped, headers });
        assert.equal(res.headers["content-encoding"], undefined, `${file} ${accept}`);
        assert.deepEqual(res.body, body, `${file} ${accept}`);
      }
    }
    const head = await raw("/app.js", "HEAD", { to: zipped, headers: { "Accept-Encoding": "gzip" } });
    assert.equal(head.headers["content-encoding"], "gzip");
    assert.equal(head.body.length, 0);
  });

  test("compresses a file again when it changes", async () => {
    const file = path.join(dir, "root", "changing.json");
    await writeFile(file, '{"v": 1}');
    const get = async () =>
      gunzipSync((await raw("/changing.json", "GET", { to: zipped, headers: { "Accept-Encoding": "gzip" } })).body).toString();
    assert.equal(await get(), '{"v": 1}');
    await writeFile(file, '{"v": 22}');
    assert.equal(await get(), '{"v": 22}');
  });
});

describe("node scripts/serve.mjs", () => {
  test("serves the given root on the given port and prints the demo URL", async () => {
    const child = spawn(
      process.execPath,
      [repoPath("scripts", "serve.mjs"), path.join(dir, "root"), "0"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    try {
      const [line] = await Promise.race([
        createInterface({ input: child.stdout })
          [Symbol.asyncIterator]()
          .next()
          .then((r) => [r.value]),
        new Promise((_, reject) =>
          child.once("exit", (code) => reject(new Error(`exited with ${code}`))),
        ),
      ]);
      const match = /^Demo: (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      assert.ok(match, `unexpected first line: ${line}`);
      const res = await fetch(new URL("app.wasm", match[1]));
      assert.equal(res.headers.get("content-type"), "application/wasm");
    } finally {
      child.kill();
    }
  });
});
