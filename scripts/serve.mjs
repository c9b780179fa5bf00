// A tiny static file server for the demo page and the end-to-end tests.
// No dependencies: Node 20's http, fs and path only.
// Not sirv, http-server or serve-handler (no gzip on the fly), nor serve-static (needs compression
// and finalhandler, whose error pages set their own CSP): tests need one server's headers on all.
//
//   import { serve } from "./scripts/serve.mjs";
//   const server = await serve({ root: "www", headers: { "Content-Security-Policy": "default-src 'self'" } });
//   console.log(server.url);   // http://127.0.0.1:PORT/
//   await server.close();
//   serve({ root, gzip: true })   // as a production server sends them (make bench's network figure)
//
//   node scripts/serve.mjs [root] [port]   # root defaults to www; port to $PORT, then 8080

import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  // WebAssembly.instantiateStreaming refuses any other type.
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves the files under `root` over HTTP until `close()` is called.
 *
 * @param {object} options
 * @param {string} options.root directory to serve; nothing outside it is reachable
 * @param {number} [options.port=0] 0 picks a free port
 * @param {string} [options.host="127.0.0.1"]
 * @param {Record<string, string>} [options.headers] extra headers for every response
 *   (e.g. a Content-Security-Policy)
 * @param {boolean} [options.gzip=false] text and wasm files gzip-compressed (level 9, kept in
 *   memory while the file is unchanged) for a request that accepts gzip
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve({ root, port = 0, host = "127.0.0.1", headers = {}, gzip = false }) {
  const base = path.resolve(root);
  const compressed = gzip ? new Map() : null;
  const server = createServer((req, res) => {
    handle(base, headers, compressed, req, res).catch((err) => {
      if (res.headersSent) res.destroy(err);
      else send(res, 500, headers, "Internal Server Error\n");
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const url = `http://${host}:${server.address().port}/`;
  return {
    url,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function handle(base, headers, compressed, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(res, 405, { ...headers, Allow: "GET, HEAD" }, "Method Not Allowed\n");
  }
  // Only the path matters; the query string is ignored. Decoding happens before the
  // containment check below, so "%2e%2e%2f" cannot sneak a ".." past it.
  const rawPath = req.url.split("?", 1)[0];
  let requested;
  try {
    requested = decodeURIComponent(rawPath);
  } catch {
    return send(res, 400, headers, "Bad Request\n");
  }
  if (requested.includes("\0")) return send(res, 400, headers, "Bad Request\n");

  // path.join normalises "..": whatever comes out must still lie inside base.
  let file = path.join(base, requested);
  if (file !== base && !file.startsWith(base + path.sep)) {
    return send(res, 403, headers, "Forbidden\n");
  }

  let info = await statOrNull(file);
  if (info?.isDirectory()) {
    if (!rawPath.endsWith("/")) {
      // Relative links in the index page resolve against the URL, so it must end in "/".
      // Leading slashes are collapsed so that "//host" can never become an off-site redirect.
      const location = "/" + rawPath.replace(/^\/+/, "") + "/";
      return send(res, 301, { ...headers, Location: location }, "Moved Permanently\n");
    }
    file = path.join(file, "index.html");
    info = await statOrNull(file);
  }
  if (!info?.isFile()) return send(res, 404, headers, "Not Found\n");

  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  if (compressed && COMPRESSIBLE.test(type)) {
    const accepts = acceptsGzip(req.headers["accept-encoding"] ?? "");
    const vary = { ...baseHeaders(headers), Vary: "Accept-Encoding", "Content-Type": type };
    if (accepts) {
      const key = `${file}\0${info.mtimeMs}\0${info.size}`;
      let body = compressed.get(key);
      if (!body) {
        body = gzipSync(await readFile(file), { level: 9 });
        compressed.set(key, body);
      }
      res.writeHead(200, { ...vary, "Content-Encoding": "gzip", "Content-Length": body.length });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    res.writeHead(200, { ...vary, "Content-Length": info.size });
  } else {
    res.writeHead(200, { ...baseHeaders(headers), "Content-Type": type, "Content-Length": info.size });
  }
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", (err) => res.destroy(err))
    .pipe(res);
}

/** Whether an Accept-Encoding header lists gzip without `q=0`. */
function acceptsGzip(header) {
  return header.split(",").some((part) => {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    return name === "gzip" && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** What `gzip: true` compresses: text and wasm (images here are SVG, text; PNG is not). */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;

function baseHeaders(extra) {
  return { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...extra };
}

function send(res, status, headers, body) {
  res.writeHead(status, {
    ...baseHeaders(headers),
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

async function statOrNull(file) {
  try {
    return await stat(file);
  } catch (err) {
    if (err.code === "ENOENT" || err.code === "ENOTDIR") return null;
    throw err;
  }
}

// Run as a script: serve until interrupted. An explicit port argument wins over $PORT.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = "www", portArg] = process.argv.slice(2);
  const port = Number(portArg ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: invalid port ${JSON.stringify(portArg ?? process.env.PORT)}`);
    process.exit(2);
  }
  const { url } = await serve({ root, port });
  console.log(`Demo: ${url}`);
}
