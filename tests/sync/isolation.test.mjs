// Optimistic concurrency on the Kinto server: If-Match must let exactly one of several
// concurrent writers win, which Kinto only guarantees when PostgreSQL runs its transactions
// above read committed (see docs/sync-server.md, « Deploying the sync server »). Plus the server facts a client must handle.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { collection, recordId, startSyncServer } from "./kinto.mjs";

const POOL = `${collection("pool")}/records/pool`;
const EXPECTED_ISOLATION = process.env.SYNC_ISOLATION || "serializable";
let server, coordinator;

before(async () => {
  server = await startSyncServer();
  coordinator = server.coordinator;
  const res = await server.request("PUT", POOL, { auth: coordinator, body: { data: { document: "v0" } } });
  assert.ok([200, 201].includes(res.status));
});

after(async () => {
  await server?.close();
});

test(`the kinto database runs its transactions at ${EXPECTED_ISOLATION}`, async () => {
  assert.equal(await server.psql("SHOW default_transaction_isolation"), EXPECTED_ISOLATION);
});

test("20 concurrent PUTs with the same If-Match: exactly one wins each round, the others get 412 or 503", async () => {
  for (let round = 0; round < 4; round++) {
    const current = await server.request("GET", POOL, { auth: coordinator });
    const etag = current.headers.get("etag");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, writer) =>
        server.request("PUT", POOL, {
          auth: coordinator,
          body: { data: { document: `round ${round} writer ${writer}` } },
          headers: { "If-Match": etag },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    const winners = results.filter((r) => r.status === 200);
    assert.equal(winners.length, 1, `round ${round}: ${statuses.join(" ")}`);
    for (const s of statuses) assert.ok([200, 412, 503].includes(s), `round ${round}: ${statuses.join(" ")}`);
    // The stored document is the winner's, with the winner's ETag.
    const stored = await server.request("GET", POOL, { auth: coordinator });
    assert.equal(stored.json.data.document, winners[0].json.data.document);
    assert.equal(stored.headers.get("etag"), winners[0].headers.get("etag"));
  }
});

test("fact: concurrent writes of different records fail transiently (409 errno 122, 503, 500 at commit) and land when retried", async (t) => {
  // What a client must do: retry on 503 / 500 / 409 errno 122 (with Retry-After, here faster).
  const first = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      server.request("PUT", `${collection("answers")}/records/${recordId(server.accountId(`t${i}`))}`, {
        auth: coordinator,
        body: { data: { teacher: server.accountId(`t${i}`), file: "first", pool_version: 1 } },
      }),
    ),
  );
  const transient = first.filter((r) => r.status !== 201);
  for (const r of transient) {
    assert.ok(
      r.status === 503 || r.status === 500 || (r.status === 409 && r.json.errno === 122),
      `${r.status} ${JSON.stringify(r.json)}`,
    );
  }
  const retried = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      server.retried("PUT", `${collection("answers")}/records/${recordId(server.accountId(`t${i}`))}`, {
        auth: coordinator,
        body: { data: { teacher: server.accountId(`t${i}`), file: "retried", pool_version: 1 } },
      }),
    ),
  );
  for (const r of retried) assert.ok([200, 201].includes(r.status), `${r.status}`);
  const list = await server.request("GET", `${collection("answers")}/records`, { auth: coordinator });
  const ids = new Set(Array.from({ length: 12 }, (_, i) => recordId(server.accountId(`t${i}`))));
  assert.equal(list.json.data.filter((r) => ids.has(r.id) && r.file === "retried").length, 12);
  const unavailable = transient.find((r) => r.status === 503);
  if (unavailable) assert.ok(Number(unavailable.headers.get("retry-after")) > 0, "503 carries Retry-After");
  t.diagnostic(`first attempt: ${transient.length}/12 transient failures (${transient.map((r) => r.status).join(" ")})`);
});

test("fact: /batch is not atomic — a 4xx sub-request does not undo the others, and the batch answers 200", async () => {
  const teacher = await server.createAccount(server.accountId("zoe"), "zoe-password");
  const mine = `${collection("requests")}/records/${recordId(teacher.user)}`;
  const res = await server.request("POST", "/batch", {
    auth: teacher,
    body: {
      requests: [
        { method: "PUT", path: mine, body: { data: { teacher: teacher.user, file: "sent in a batch" } } },
        { method: "PUT", path: "/buckets/materiotheque/collections/pool/records/pool", body: { data: { document: "forged" } } },
        { method: "GET", path: "/buckets/materiotheque/collections/catalogue/records/missing" },
      ],
    },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json.responses.map((r) => r.status), [201, 403, 404], // 404: the catalogue is readable by her, so a missing record is disclosed
  );
  const stored = await server.request("GET", mine, { auth: teacher });
  assert.equal(stored.json.data.file, "sent in a batch");
  const pool = await server.request("GET", POOL, { auth: coordinator });
  assert.notEqual(pool.json.data.document, "forged");
});

test("outages: Kinto stopped refuses connections and comes back on the same port; a PostgreSQL restart is survived", async (t) => {
  const path = `${collection("catalogue")}/records/public`;
  await server.request("PUT", path, { auth: coordinator, body: { data: { file: "c", pool_version: 1 } } });
  await server.stopKinto();
  await assert.rejects(server.request("GET", path, { auth: coordinator }));
  await server.startKinto();
  assert.equal((await server.request("GET", path, { auth: coordinator })).status, 200);
  await server.restartPostgres();
  // Pooled connections died with the restart: the first requests may answer 503, never hang.
  const statuses = [];
  for (let i = 0; i < 20; i++) {
    const res = await server.request("GET", path, { auth: coordinator });
    statuses.push(res.status);
    if (res.status === 200) break;
  }
  assert.equal(statuses.at(-1), 200, statuses.join(" "));
  for (const s of statuses.slice(0, -1)) assert.ok([500, 503].includes(s), statuses.join(" "));
  t.diagnostic(`after the PostgreSQL restart: ${statuses.join(" ")}`);
});
