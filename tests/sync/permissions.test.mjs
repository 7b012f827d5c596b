// What the Kinto server itself enforces with the layout of scripts/sync_layout.py: direct HTTP,
// no browser. Each refusal is asserted on the server, whatever a client would do.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { GROUP, collection, recordId, startSyncServer } from "./kinto.mjs";

// alice@ac-lyon.fr and the others (account ids tagged on a shared server: see kinto.mjs).
let ALICE, BOB, CAROL; // Carol never gets an account: her ids are free for squatting.
const REQUESTS = collection("requests");
const ANSWERS = collection("answers");
const CATALOGUE = collection("catalogue");
const POOL = collection("pool");
const REFUSED = [401, 403];

let server, coordinator, alice, bob, dave, frank, gina;
const as = (who) => ({ auth: who });

before(async () => {
  server = await startSyncServer();
  coordinator = server.coordinator;
  [ALICE, BOB, CAROL] = ["alice", "bob", "carol"].map(server.accountId);
  // Account creation hashes the password with bcrypt (~0.25 s each): done in parallel.
  [alice, bob, dave, frank, gina] = await Promise.all([
    server.createAccount(ALICE, "alice-password"),
    server.createAccount(BOB, "bob-password"),
    server.createAccount(server.accountId("dave"), "dave-password"),
    server.createAccount(server.accountId("frank"), "frank-password"),
    server.createAccount(server.accountId("gina"), "gina-password"),
  ]);
  const put = async (path, body) => {
    const res = await server.request("PUT", path, { auth: coordinator, body });
    assert.ok([200, 201].includes(res.status), `${path}: ${res.status} ${JSON.stringify(res.json)}`);
  };
  await put(`${CATALOGUE}/records/public`, { data: { file: "catalogue v1", pool_version: 1 } });
  await put(`${POOL}/records/pool`, { data: { document: "pool v1" } });
  for (const t of [alice, bob]) {
    await put(`${ANSWERS}/records/${recordId(t.user)}`, {
      data: { teacher: t.user, file: `answer for ${t.user}`, pool_version: 1 },
      permissions: { read: [`account:${t.user}`] },
    });
  }
  // Each teacher's own request, naming the coordinators group as a writer (see "author").
  for (const t of [alice, bob]) {
    const res = await server.request("PUT", `${REQUESTS}/records/${recordId(t.user)}`, {
      auth: t,
      body: { data: { teacher: t.user, file: `requests of ${t.user}` }, permissions: { write: [GROUP] } },
    });
    assert.equal(res.status, 201, JSON.stringify(res.json));
  }
});

after(async () => {
  await server?.close();
});

describe("accounts", () => {
  test("account ids accept @ . + - _ (an e-mail address), refuse other characters", async () => {
    const hello = await server.request("GET", "/", as(alice));
    assert.equal(hello.json.user.id, `account:${ALICE}`);
    for (const bad of ["é@ac-lyon.fr", "a:b", ".alice", "a b"]) {
      const res = await server.request("PUT", `/accounts/${encodeURIComponent(bad)}`, {
        auth: coordinator,
        body: { data: { password: "x" } },
      });
      assert.equal(res.status, 400, `${bad}: ${res.status}`);
    }
  });

  test("anonymous sign-up is refused (401), by PUT and by POST", async () => {
    const put = await server.request("PUT", "/accounts/eve", { body: { data: { password: "eve-password" } } });
    assert.equal(put.status, 401);
    const post = await server.request("POST", "/accounts", { body: { data: { id: "eve", password: "x" } } });
    assert.equal(post.status, 401);
  });

  test("a teacher cannot create an account, nor read or change another's", async () => {
    const create = await server.request("PUT", "/accounts/eve", { auth: alice, body: { data: { password: "x" } } });
    assert.equal(create.status, 403);
    const post = await server.request("POST", "/accounts", { auth: alice, body: { data: { id: "eve", password: "x" } } });
    assert.ok(REFUSED.includes(post.status) || post.status === 400, `POST: ${post.status}`);
    const read = await server.request("GET", `/accounts/${encodeURIComponent(BOB)}`, as(alice));
    assert.ok([403, 404].includes(read.status), `read: ${read.status}`);
    const change = await server.request("PATCH", `/accounts/${encodeURIComponent(BOB)}`, {
      auth: alice,
      body: { data: { password: "stolen" } },
    });
    assert.ok([403, 404].includes(change.status), `change: ${change.status}`);
    const mine = await server.request("GET", "/accounts", as(alice));
    assert.deepEqual(mine.json.data.map((a) => a.id), [ALICE]);
    // Bob's password still works.
    assert.equal((await server.request("GET", `${CATALOGUE}/records/public`, as(bob))).status, 200);
  });

  test("a wrong password is refused (401) on a protected resource", async () => {
    const res = await server.request("GET", `${CATALOGUE}/records/public`, { auth: `${ALICE}:wrong` });
    assert.equal(res.status, 401);
  });

  test("facts: coordinators administer all accounts (list them with their bcrypt hashes, change any password)", async () => {
    const list = await server.request("GET", "/accounts", as(coordinator));
    const ids = list.json.data.map((a) => a.id);
    for (const id of ["admin", coordinator.user, ALICE, BOB]) assert.ok(ids.includes(id), id);
    assert.match(list.json.data.find((a) => a.id === ALICE).password, /^\$2b\$12\$/);
    assert.equal((await server.request("GET", `${CATALOGUE}/records/public`, as(gina))).status, 200);
    const change = await server.request("PATCH", `/accounts/${encodeURIComponent(gina.user)}`, {
      auth: coordinator,
      body: { data: { password: "new-gina-password" } },
    });
    assert.equal(change.status, 200);
    // The cached verification of the old password is dropped with the change.
    assert.equal((await server.request("GET", `${CATALOGUE}/records/public`, as(gina))).status, 401);
    const renewed = { auth: `${gina.user}:new-gina-password` };
    assert.equal((await server.request("GET", `${CATALOGUE}/records/public`, renewed)).status, 200);
  });

  test("a coordinator's account creation through the group principal, and the new coordinator's rights", async () => {
    const second = await server.createAccount(server.accountId("coord2"), "coord2-password", { coordinator: true });
    const group = await server.request("GET", GROUP, as(coordinator));
    assert.ok(group.json.data.members.includes(`account:${second.user}`));
    const hello = await server.request("GET", "/", as(second));
    assert.ok(hello.json.user.principals.includes(GROUP));
    const pool = await server.request("GET", `${POOL}/records/pool`, as(second));
    assert.equal(pool.status, 200);
    // The group principal in kinto.account_create_principals / account_write_principals works,
    // for a coordinator added after the server started too.
    const created = await server.request("PUT", `/accounts/${encodeURIComponent(server.accountId("henri"))}`, {
      auth: second,
      body: { data: { password: "henri-password" } },
    });
    assert.equal(created.status, 201);
  });
});

describe("a teacher's requests", () => {
  test("she creates and updates her own request record (If-Match)", async () => {
    const id = recordId(dave.user);
    const created = await server.request("PUT", `${REQUESTS}/records/${id}`, {
      auth: dave,
      body: { data: { teacher: dave.user, file: "v1" }, permissions: { write: [GROUP] } },
      headers: { "If-None-Match": "*" },
    });
    assert.equal(created.status, 201);
    const updated = await server.request("PUT", `${REQUESTS}/records/${id}`, {
      auth: dave,
      body: { data: { teacher: dave.user, file: "v2" } },
      headers: { "If-Match": created.headers.get("etag") },
    });
    assert.equal(updated.status, 200);
    const stale = await server.request("PUT", `${REQUESTS}/records/${id}`, {
      auth: dave,
      body: { data: { teacher: dave.user, file: "v3" } },
      headers: { "If-Match": created.headers.get("etag") },
    });
    assert.equal(stale.status, 412);
    const read = await server.request("GET", `${REQUESTS}/records/${id}`, as(dave));
    assert.equal(read.json.data.file, "v2");
  });

  test("she cannot read, overwrite, patch or delete another teacher's request", async () => {
    const path = `${REQUESTS}/records/${recordId(ALICE)}`;
    assert.equal((await server.request("GET", path, as(bob))).status, 403);
    const body = { data: { teacher: BOB, file: "forged" } };
    assert.equal((await server.request("PUT", path, { auth: bob, body })).status, 403);
    assert.equal((await server.request("PATCH", path, { auth: bob, body })).status, 403);
    assert.equal((await server.request("DELETE", path, as(bob))).status, 403);
    // Nor by If-None-Match: * (create) on an existing id.
    const create = await server.request("PUT", path, { auth: bob, body, headers: { "If-None-Match": "*" } });
    assert.ok([403, 412].includes(create.status), `${create.status}`);
    const read = await server.request("GET", path, as(alice));
    assert.equal(read.json.data.file, `requests of ${ALICE}`);
  });

  test("listing the requests shows only her own records", async () => {
    const list = await server.request("GET", `${REQUESTS}/records`, as(alice));
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.data.map((r) => r.id), [recordId(ALICE)]);
  });

  test("a missing record: 403 where she cannot read the collection (requests, answers), 404 in the catalogue", async () => {
    assert.equal((await server.request("GET", `${REQUESTS}/records/${recordId("nobody@x.fr")}`, as(alice))).status, 403);
    assert.equal((await server.request("GET", `${ANSWERS}/records/${recordId("nobody@x.fr")}`, as(alice))).status, 403);
    assert.equal((await server.request("GET", `${CATALOGUE}/records/missing`, as(alice))).status, 404);
    // Her own answer before the coordinator wrote it: 403 too (not 404).
    assert.equal((await server.request("GET", `${ANSWERS}/records/${recordId(dave.user)}`, as(dave))).status, 403);
  });

  test("fact: she CAN create a record under another teacher's free id (squatting); the author shows in permissions.write", async () => {
    const path = `${REQUESTS}/records/${recordId(CAROL)}`;
    const squat = await server.request("PUT", path, {
      auth: bob,
      body: { data: { teacher: CAROL, file: "forged" }, permissions: { write: [GROUP, `account:${CAROL}`] } },
    });
    assert.equal(squat.status, 201);
    // The creator is always a writer: trying to drop himself puts him back.
    const drop = await server.request("PATCH", path, {
      auth: bob,
      body: { permissions: { write: [GROUP, `account:${CAROL}`] } },
    });
    assert.equal(drop.status, 200);
    const seen = await server.request("GET", path, as(coordinator));
    assert.ok(seen.json.permissions.write.includes(`account:${BOB}`), JSON.stringify(seen.json.permissions));
    // The coordinator removes the squat.
    assert.equal((await server.request("DELETE", path, as(coordinator))).status, 200);
  });

  test("the author check: a coordinator GET shows permissions.write only if the record names the group", async () => {
    // Named by the teacher at creation (permissions.write: [group]): the coordinator sees the writers.
    const named = await server.request("GET", `${REQUESTS}/records/${recordId(ALICE)}`, as(coordinator));
    assert.equal(named.status, 200);
    assert.ok(named.json.permissions.write.includes(`account:${ALICE}`));
    assert.ok(named.json.permissions.write.includes(GROUP));
    // Fact: Kinto returns a record's permissions only to its direct writers. A record created
    // without the group shows `permissions: {}` to the coordinators (and to the admin).
    const id = recordId(frank.user);
    const plain = await server.request("PUT", `${REQUESTS}/records/${id}`, { auth: frank, body: { data: { file: "x" } } });
    assert.equal(plain.status, 201);
    assert.deepEqual(plain.json.permissions, { write: [`account:${frank.user}`] });
    const hidden = await server.request("GET", `${REQUESTS}/records/${id}`, as(coordinator));
    assert.equal(hidden.status, 200);
    assert.deepEqual(hidden.json.permissions, {});
  });
});

describe("the history (authorship)", () => {
  test("a coordinator reads who wrote each request; a teacher sees only her own entries and cannot delete any", async () => {
    const HISTORY = "/buckets/materiotheque/history";
    const path = `${REQUESTS}/records/${recordId(ALICE)}`;
    const all = await server.request("GET", `${HISTORY}?uri=${encodeURIComponent(path)}`, as(coordinator));
    assert.equal(all.status, 200);
    assert.ok(all.json.data.length >= 1);
    for (const entry of all.json.data) assert.equal(entry.user_id, `account:${ALICE}`);
    // Bob's squat of Carol's id (above) is recorded under Bob's account.
    const squat = await server.request("GET", `${HISTORY}?record_id=${recordId(CAROL)}`, as(coordinator));
    assert.ok(squat.json.data.some((e) => e.user_id === `account:${BOB}` && e.action === "create"));
    const mine = await server.request("GET", HISTORY, as(bob));
    assert.equal(mine.status, 200);
    for (const entry of mine.json.data) assert.equal(entry.user_id, `account:${BOB}`, JSON.stringify(entry.uri));
    assert.ok(!mine.json.data.some((e) => e.uri === path));
    assert.equal((await server.request("DELETE", HISTORY, as(bob))).status, 403);
    // Pool, answers and catalogue are not in the history.
    const excluded = await server.request("GET", `${HISTORY}?collection_id=pool`, as(coordinator));
    assert.deepEqual(excluded.json.data, []);
  });
});

describe("catalogue, answers, pool", () => {
  test("a teacher reads the catalogue (304 with If-None-Match) and cannot write it", async () => {
    const path = `${CATALOGUE}/records/public`;
    const read = await server.request("GET", path, as(alice));
    assert.equal(read.status, 200);
    assert.equal(read.json.data.file, "catalogue v1");
    const again = await server.request("GET", path, { auth: alice, headers: { "If-None-Match": read.headers.get("etag") } });
    assert.equal(again.status, 304);
    const body = { data: { file: "forged", pool_version: 99 } };
    assert.equal((await server.request("PUT", path, { auth: alice, body })).status, 403);
    assert.equal((await server.request("PATCH", path, { auth: alice, body })).status, 403);
    assert.equal((await server.request("DELETE", path, as(alice))).status, 403);
    assert.equal((await server.request("PUT", `${CATALOGUE}/records/other`, { auth: alice, body })).status, 403);
    assert.equal((await server.request("POST", `${CATALOGUE}/records`, { auth: alice, body })).status, 403);
    assert.equal((await server.request("GET", path)).status, 401, "anonymous");
  });

  test("a teacher reads her own answer, not another's, and lists only hers", async () => {
    const mine = await server.request("GET", `${ANSWERS}/records/${recordId(ALICE)}`, as(alice));
    assert.equal(mine.status, 200);
    assert.equal(mine.json.data.file, `answer for ${ALICE}`);
    const again = await server.request("GET", `${ANSWERS}/records/${recordId(ALICE)}`, {
      auth: alice,
      headers: { "If-None-Match": mine.headers.get("etag") },
    });
    assert.equal(again.status, 304);
    assert.equal((await server.request("GET", `${ANSWERS}/records/${recordId(BOB)}`, as(alice))).status, 403);
    const list = await server.request("GET", `${ANSWERS}/records`, as(alice));
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.data.map((r) => r.id), [recordId(ALICE)]);
    // Fact: with no answer shared with her yet, the list is refused (403), not empty.
    assert.equal((await server.request("GET", `${ANSWERS}/records`, as(dave))).status, 403);
  });

  test("a teacher cannot write into answers (update hers, create one, create another's)", async () => {
    const body = { data: { teacher: ALICE, file: "forged", pool_version: 99 } };
    assert.equal((await server.request("PUT", `${ANSWERS}/records/${recordId(ALICE)}`, { auth: alice, body })).status, 403);
    assert.equal((await server.request("PATCH", `${ANSWERS}/records/${recordId(ALICE)}`, { auth: alice, body })).status, 403);
    assert.equal((await server.request("DELETE", `${ANSWERS}/records/${recordId(ALICE)}`, as(alice))).status, 403);
    assert.equal((await server.request("PUT", `${ANSWERS}/records/${recordId(dave.user)}`, { auth: dave, body })).status, 403);
    assert.equal((await server.request("PUT", `${ANSWERS}/records/${recordId(CAROL)}`, { auth: alice, body })).status, 403);
    assert.equal((await server.request("POST", `${ANSWERS}/records`, { auth: alice, body })).status, 403);
    const mine = await server.request("GET", `${ANSWERS}/records/${recordId(ALICE)}`, as(alice));
    assert.equal(mine.json.data.file, `answer for ${ALICE}`);
  });

  test("a teacher can neither read nor write the pool", async () => {
    const path = `${POOL}/records/pool`;
    assert.equal((await server.request("GET", path, as(alice))).status, 403);
    assert.equal((await server.request("GET", `${POOL}/records`, as(alice))).status, 403);
    const body = { data: { document: "forged" } };
    assert.equal((await server.request("PUT", path, { auth: alice, body })).status, 403);
    assert.equal((await server.request("PATCH", path, { auth: alice, body })).status, 403);
    assert.equal((await server.request("PUT", `${POOL}/records/other`, { auth: alice, body })).status, 403);
  });

  test("a teacher cannot change the group, the bucket or the collections", async () => {
    const join = { data: { members: [`account:${ALICE}`] } };
    assert.equal((await server.request("GET", GROUP, as(alice))).status, 403);
    assert.equal((await server.request("PATCH", GROUP, { auth: alice, body: join })).status, 403);
    assert.equal((await server.request("PUT", GROUP, { auth: alice, body: join })).status, 403);
    const group = await server.request("GET", GROUP, as(coordinator));
    assert.ok(!group.json.data.members.includes(`account:${ALICE}`));
    const bucket = "/buckets/materiotheque";
    assert.equal((await server.request("PUT", `${bucket}/groups/teachers`, { auth: alice, body: join })).status, 403);
    assert.equal((await server.request("PATCH", bucket, { auth: alice, body: { permissions: { read: ["system.Authenticated"] } } })).status, 403);
    assert.equal((await server.request("PUT", `${bucket}/collections/mine`, { auth: alice, body: {} })).status, 403);
    assert.equal(
      (await server.request("PATCH", REQUESTS, { auth: alice, body: { permissions: { read: ["system.Authenticated"] } } })).status,
      403,
    );
    assert.equal((await server.request("PUT", "/buckets/mine", { auth: alice, body: {} })).status, 403);
    // Nor can a coordinator create a bucket (bucket_create_principals = account:admin).
    assert.equal((await server.request("PUT", "/buckets/mine", { auth: coordinator, body: {} })).status, 403);
  });

  test("a coordinator reads every request and writes everything", async () => {
    const list = await server.request("GET", `${REQUESTS}/records`, as(coordinator));
    const ids = list.json.data.map((r) => r.id);
    for (const t of [ALICE, BOB]) assert.ok(ids.includes(recordId(t)), t);
    const write = async (method, path, body) => {
      const res = await server.request(method, path, { auth: coordinator, body });
      assert.ok([200, 201].includes(res.status), `${method} ${path}: ${res.status}`);
      return res;
    };
    await write("PUT", `${CATALOGUE}/records/public`, { data: { file: "catalogue v2", pool_version: 2 } });
    await write("PUT", `${POOL}/records/pool`, { data: { document: "pool v2" } });
    await write("PATCH", `${ANSWERS}/records/${recordId(BOB)}`, { data: { file: "answer v2", pool_version: 2 } });
    await write("PATCH", `${REQUESTS}/records/${recordId(BOB)}`, { data: { file: "edited by a coordinator" } });
    const bobAnswer = await server.request("GET", `${ANSWERS}/records/${recordId(BOB)}`, as(bob));
    assert.equal(bobAnswer.json.data.file, "answer v2");
    const catalogue = await server.request("GET", `${CATALOGUE}/records/public`, as(bob));
    assert.equal(catalogue.json.data.pool_version, 2);
  });
});
