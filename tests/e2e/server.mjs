// A static file server for the release build, like any static host with an SPA fallback:
// files are served from `root` under the URL prefix `base` ("/" or "/pret/"); any other
// path under the prefix gets index.html. The root can be swapped to simulate a new deploy.
// With `proxy: { prefix: "sync/", target: "http://127.0.0.1:PORT" }`, requests under
// `<base>sync/` are forwarded to the sync server (`<base>sync/v1/...` → `<target>/v1/...`), like
// the reverse proxy of a deployment: the app reaches Kinto on its own origin (CSP connect-src
// 'self'). Kinto down: 502; no answer within `timeoutMs` (default 15 s): 504.
import { createServer, request as httpRequest } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { contentType } from "../../scripts/content-types.mjs";


async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

// Hop-by-hop headers (RFC 9110 7.6.1): never forwarded by a proxy.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function endToEnd(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function gatewayError(res, status, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const error = status === 502 ? "Bad Gateway" : "Gateway Timeout";
  res
    .writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" })
    .end(JSON.stringify({ code: status, error, message }));
}

/** Forwards the request to `target` + `rest` (rest starts with "/", query string included). */
function forward(req, res, { target, publicPrefix, timeoutMs }, rest) {
  const upstreamUrl = new URL(target.replace(/\/$/, "") + rest);
  const headers = endToEnd(req.headers);
  headers.host = upstreamUrl.host;
  const upstream = httpRequest(upstreamUrl, { method: req.method, headers, agent: false });
  upstream.setTimeout(timeoutMs, () => {
    upstream.destroy(new Error("timeout"));
  });
  upstream.on("response", (answer) => {
    const out = endToEnd(answer.headers);
    // Absolute links built by Kinto (Next-Page, Location) point back through the proxy.
    const origin = target.replace(/\/$/, "");
    for (const name of ["next-page", "location"]) {
      if (typeof out[name] === "string" && out[name].startsWith(origin + "/")) {
        out[name] = `http://${req.headers.host}${publicPrefix}${out[name].slice(origin.length + 1)}`;
      }
    }
    res.writeHead(answer.statusCode, answer.statusMessage, out);
    answer.pipe(res);
    answer.on("error", () => res.destroy());
  });
  upstream.on("error", (error) => {
    if (error.message === "timeout") gatewayError(res, 504, "the sync server did not answer in time");
    else gatewayError(res, 502, `the sync server is unreachable (${error.code || error.message})`);
  });
  // The browser gave up: so does the proxy.
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/**
 * Starts a server on 127.0.0.1 with a free port; resolves to { url, setRoot, close }.
 * `proxy` (optional): { prefix: "sync/", target: "http://127.0.0.1:PORT", timeoutMs }.
 * `onRequest` (optional): called with each request's path as it arrives.
 */
export async function startServer({ root, base = "/", proxy = null, onRequest = null }) {
  let currentRoot = root;
  const proxyOptions = proxy && {
    prefix: proxy.prefix.replace(/^\/+/, "").replace(/\/*$/, "/"),
    target: proxy.target.replace(/\/+$/, "") + "/",
    publicPrefix: base + proxy.prefix.replace(/^\/+/, "").replace(/\/*$/, "/"),
    timeoutMs: proxy.timeoutMs ?? 15000,
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    onRequest?.(url.pathname);
    if (proxyOptions && url.pathname.startsWith(proxyOptions.publicPrefix)) {
      // The encoded path, as received (an account id's %40 stays %40).
      forward(req, res, proxyOptions, "/" + url.pathname.slice(proxyOptions.publicPrefix.length) + url.search);
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
      "Content-Type": contentType(extname(file)),
      "Cache-Control": "no-cache",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    /** The sync server's URL through the proxy (…/sync/v1), or null without a proxy. */
    syncUrl: proxyOptions ? `http://127.0.0.1:${port}${proxyOptions.publicPrefix}v1` : null,
    setRoot(dir) {
      currentRoot = dir;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
