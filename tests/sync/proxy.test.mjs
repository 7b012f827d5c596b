// The e2e static server's proxy to the sync server (tests/e2e/server.mjs, option `proxy`):
// what passes through (method, headers both ways, body, status), what the app sees when the
// sync server is down (502) or silent (504), and that nothing changes without a proxy.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../e2e/server.mjs";
import { collection, recordId, startSyncServer } from "./kinto.mjs";

let root, kinto, fake, fakeUrl, silent, silentUrl;
const basic = ({ user, password }) => "Basic " + Buffer.from(`${user}:${password}`).toString("base64");

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return [server, `http://127.0.0.1:${server.address().port}`];
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), "materiotheque-proxy-"));
  await writeFile(join(root, "index.html"), "<!doctype html><title>app</title>");
  // An upstream that echoes what it received, with the headers Kinto sends.
  [fake, fakeUrl] = await listen((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(req.url.includes("busy") ? 503 : 200, {
        "Content-Type": "application/json",
        ETag: '"42"',
        Backoff: "10",
        "Retry-After": "3",
        "Next-Page": `${fakeUrl}/v1/list?_token=abc`,
      });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() }));
    });
  });
  // An upstream that accepts connections and never answers.
  [silent, silentUrl] = await listen(() => {});
  kinto = await startSyncServer();
});

after(async () => {
  fake?.close();
  silent?.closeAllConnections();
  silent?.close();
  await kinto?.close();
  await rm(root, { recursive: true, force: true });
});

for (const base of ["/", "/pret/"]) {
  test(`forwards method, headers, body and status both ways (base ${base})`, async () => {
    const server = await startServer({ root, base, proxy: { prefix: "sync/", target: fakeUrl } });
    try {
      const res = await fetch(`${server.url}sync/v1/buckets/b/collections/c/records/alice%40ac-lyon.fr?_since=1`, {
        method: "PUT",
        headers: {
          Authorization: "Basic YTpi",
          "If-Match": '"41"',
          "If-None-Match": '"40"',
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ data: { file: "é" } }),
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("etag"), '"42"');
      assert.equal(res.headers.get("backoff"), "10");
      assert.equal(res.headers.get("retry-after"), "3");
      assert.equal(res.headers.get("next-page"), `${server.syncUrl}/list?_token=abc`);
      const echo = await res.json();
      assert.equal(echo.method, "PUT");
      assert.equal(echo.url, "/v1/buckets/b/collections/c/records/alice%40ac-lyon.fr?_since=1");
      assert.equal(echo.headers.authorization, "Basic YTpi");
      assert.equal(echo.headers["if-match"], '"41"');
      assert.equal(echo.headers["if-none-match"], '"40"');
      assert.equal(echo.headers.host, new URL(fakeUrl).host);
      assert.deepEqual(JSON.parse(echo.body), { data: { file: "é" } });
      const busy = await fetch(`${server.url}sync/v1/busy`);
      assert.equal(busy.status, 503);
      assert.equal(busy.headers.get("retry-after"), "3");
      // Outside the prefix: the static server as before.
      const page = await fetch(`${server.url}some/page`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>app/);
    } finally {
      await server.close();
    }
  });
}

test("without a proxy, sync/ is an ordinary page address (SPA fallback)", async () => {
  const server = await startServer({ root, base: "/" });
  try {
    assert.equal(server.syncUrl, null);
    const res = await fetch(`${server.url}sync/v1/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /text\/html/);
  } finally {
    await server.close();
  }
});

test("a silent sync server: 504 after timeoutMs, not a hang", async () => {
  const server = await startServer({ root, base: "/", proxy: { prefix: "sync/", target: silentUrl, timeoutMs: 300 } });
  try {
    const started = Date.now();
    const res = await fetch(`${server.url}sync/v1/`);
    assert.equal(res.status, 504);
    assert.ok(Date.now() - started < 3000);
  } finally {
    await server.close();
  }
});

test("through the proxy to Kinto: conditional requests, 304, 412; Kinto stopped: 502; back: 200", async () => {
  const server = await startServer({ root, base: "/pret/", proxy: { prefix: "sync/", target: `http://127.0.0.1:${kinto.kintoPort}` } });
  try {
    const auth = basic(kinto.coordinator);
    const path = `${server.syncUrl}${collection("catalogue")}/records/public`;
    const put = await fetch(path, {
      method: "PUT",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify({ data: { file: "through the proxy", pool_version: 1 } }),
    });
    assert.ok([200, 201].includes(put.status));
    const etag = put.headers.get("etag");
    assert.match(etag, /^"\d+"$/);
    const notModified = await fetch(path, { headers: { Authorization: auth, "If-None-Match": etag } });
    assert.equal(notModified.status, 304);
    const stale = await fetch(path, {
      method: "PUT",
      headers: { Authorization: auth, "Content-Type": "application/json", "If-Match": '"1"' },
      body: JSON.stringify({ data: { file: "stale" } }),
    });
    assert.equal(stale.status, 412);
    const anonymous = await fetch(`${server.syncUrl}${collection("requests")}/records/${recordId("x@y.fr")}`);
    assert.equal(anonymous.status, 401);
    const hello = await (await fetch(`${server.syncUrl}/`, { headers: { Authorization: auth } })).json();
    assert.equal(hello.user.id, `account:${kinto.coordinator.user}`);

    await kinto.stopKinto();
    const down = await fetch(path, { headers: { Authorization: auth } });
    assert.equal(down.status, 502);
    assert.equal((await down.json()).code, 502);
    await kinto.startKinto();
    const back = await fetch(path, { headers: { Authorization: auth } });
    assert.equal(back.status, 200);
    assert.equal((await back.json()).data.file, "through the proxy");
  } finally {
    await server.close();
  }
});
