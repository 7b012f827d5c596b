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

/** Starts a server on 127.0.0.1 with a free port; resolves to { url, setRoot, close }. */
export async function startServer({ root, base = "/" }) {
  let currentRoot = root;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
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
