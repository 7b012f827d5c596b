// A static file server for the release build, like any static host with an SPA fallback:
// files are served from `root` under the URL prefix `base` ("/" or "/pret/"); any other
// path under the prefix gets index.html. The root can be swapped to simulate a new deploy.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Forwards a request to `target` as a reverse proxy in front of the sync server would (method,
 * headers, body; status, headers, body back); 502 when the server does not answer.
 */
async function forward(req, res, target, rest) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = { ...req.headers };
  delete headers.host;
  delete headers.connection;
  try {
    const answer = await fetch(target + rest, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      redirect: "manual",
    });
    const out = {};
    answer.headers.forEach((value, name) => {
      if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name)) out[name] = value;
    });
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, out).end(body);
  } catch {
    res.writeHead(502, { "Content-Type": "text/plain" }).end("sync server unreachable");
  }
}

/**
 * Starts a server on 127.0.0.1 with a free port; resolves to { url, setRoot, close }. With
 * `proxy: { prefix, target }`, requests under `<base><prefix>` go to the sync server at
 * `target` (an origin): the app reaches it under its own origin, as behind a reverse proxy.
 */
export async function startServer({ root, base = "/", proxy }) {
  let currentRoot = root;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (proxy && url.pathname.startsWith(base + proxy.prefix)) {
      await forward(req, res, proxy.target, "/" + url.pathname.slice((base + proxy.prefix).length) + url.search);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      if (path + "/" === base) {
        res.writeHead(301, { Location: base }).end();
        return;
      }
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    path = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(currentRoot, path);
    if (!path || path === "." || !(await isFile(file))) {
      // SPA fallback for page addresses; a missing asset stays a 404.
      if (extname(path) && extname(path) !== ".html") {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      file = join(currentRoot, "index.html");
    }
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      "Cache-Control": "no-cache",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    setRoot(dir) {
      currentRoot = dir;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
