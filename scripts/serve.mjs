#!/usr/bin/env node
// A static file server for the demo page and the page tests (no dependencies, Node 20+).
//
//   node scripts/serve.mjs [FOLDER] [PORT]      (defaults: www 8080; PORT 0 picks a free port)
//
// Listens on 127.0.0.1 only and prints the address (`http://127.0.0.1:PORT/`) as the first
// line on stdout, which the page tests read. Every response carries a strict
// Content-Security-Policy, so the demo and the widget prove that they work without eval,
// inline scripts or inline styles, and that nothing is loaded from outside the machine:
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:
//
// Only files inside FOLDER are served (no `..`, no symlinks out of it); directories serve
// their index.html.
//
// Caching: every file carries a validator (`ETag` from size and modification time,
// `Last-Modified`) and `Cache-Control: no-cache`: the browser keeps the file but asks again
// on every use, and the answer is `304 Not Modified` (no body) while the file is unchanged.
// So a rebuilt www/pkg is picked up on the next load, and an unchanged one is not sent
// again: a repeat visit reads the wasm from the HTTP cache, and Chromium can reuse the code
// it compiled from it (V8's code cache is keyed to the cached response). Files are streamed
// (`createReadStream`, 1 MiB chunks), never read whole into memory first.

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat, realpath } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonld": "application/ld+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * Starts a server for `folder` on 127.0.0.1:`port`; resolves to `{ server, url }`.
 * `options.pages` maps extra absolute paths (e.g. "/__bench/load.html") to HTML strings or
 * `{ type, body }`, served with the same headers and `no-store`: bench/browser.mjs's
 * measuring pages, which must share www/'s origin and CSP without living in www/.
 */
export async function serve(folder, port = 0, options = {}) {
  const root = await realpath(resolve(folder));
  const pages = new Map(Object.entries(options.pages || {}));
  const server = createServer((req, res) => {
    let page;
    try {
      page = pages.get(new URL(req.url, "http://localhost").pathname);
    } catch {
      page = undefined;
    }
    if (page !== undefined && (req.method === "GET" || req.method === "HEAD")) {
      const { type = "text/html; charset=utf-8", body = "" } = typeof page === "string" ? { body: page } : page;
      res.writeHead(200, headers(type, { "Content-Length": Buffer.byteLength(body) }));
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    handle(root, req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, `internal error: ${err.message}\n`);
      else res.destroy();
    });
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { server, url };
}

function headers(type, extra = {}) {
  return {
    "Content-Type": type,
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    ...extra,
  };
}

function send(res, status, body) {
  res.writeHead(status, headers("text/plain; charset=utf-8"));
  res.end(body);
}

async function handle(root, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, headers("text/plain; charset=utf-8", { Allow: "GET, HEAD" }));
    res.end("method not allowed\n");
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  } catch {
    send(res, 400, "bad request: the path is not valid percent-encoding\n");
    return;
  }
  if (pathname.includes("\0")) {
    send(res, 400, "bad request\n");
    return;
  }
  let file = join(root, pathname);
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 403, "forbidden\n");
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info && info.isDirectory()) {
    if (!pathname.endsWith("/")) {
      res.writeHead(301, headers("text/plain; charset=utf-8", { Location: pathname + "/" }));
      res.end();
      return;
    }
    file = join(file, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) {
    send(res, 404, `not found: ${pathname}\n`);
    return;
  }
  // Refuse symlinks that lead out of the served folder.
  const real = await realpath(file);
  if (real !== root && !real.startsWith(root + sep)) {
    send(res, 403, "forbidden\n");
    return;
  }
  const type = MIME[extname(file).toLowerCase()] || "application/octet-stream";
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const validators = {
    "Cache-Control": "no-cache",
    ETag: etag,
    "Last-Modified": info.mtime.toUTCString(),
  };
  if (fresh(req, etag, info.mtime)) {
    res.writeHead(304, headers(type, validators));
    res.end();
    return;
  }
  res.writeHead(200, headers(type, { ...validators, "Content-Length": info.size }));
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file, { highWaterMark: 1 << 20 }).on("error", () => res.destroy()).pipe(res);
}

/** Whether the client's cached copy (If-None-Match, else If-Modified-Since) is current. */
function fresh(req, etag, mtime) {
  const inm = req.headers["if-none-match"];
  if (inm !== undefined) {
    return inm.split(",").some((t) => {
      const tag = t.trim().replace(/^W\//, "");
      return tag === etag || tag === "*";
    });
  }
  const ims = req.headers["if-modified-since"];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds.
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder = "www", portArg = "8080"] = process.argv.slice(2);
  const port = Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: the port must be a number from 0 to 65535, not ${JSON.stringify(portArg)}`);
    process.exit(2);
  }
  const info = await stat(folder).catch(() => null);
  if (!info || !info.isDirectory()) {
    console.error(`serve: ${JSON.stringify(folder)} is not a folder`);
    process.exit(2);
  }
  try {
    const { url } = await serve(folder, port);
    console.log(url);
    console.error(`serving ${resolve(folder)} at ${url} (Ctrl+C stops)`);
  } catch (err) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  }
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
}
