#!/usr/bin/env node
// Sync server benchmark (not a test): N teachers each polling every 20 s, as the app does —
// GET the catalogue record and GET her answer record, both with If-None-Match (mostly 304) and
// Basic auth, sent together; the poll's latency is the slower of the two. Polls are spread
// evenly (N/20 polls a second, open loop: latency counts from the planned start). The
// coordinator publishes a new catalogue in the middle of each level (one 200 per teacher).
// Budget: 1000 teachers (50 polls/s) at p95 ≤ 200 ms; exit code 1 when exceeded.
//
//   node scripts/bench-sync.mjs [--levels 100,250,500,1000,2000] [--duration 20] [--interval 20]
//        [--catalogue-kb 30] [--account-cache-ttl S] [--server waitress|gunicorn] [--workers N]
//        [--cold 10]
//
// It starts its own server (tests/sync/kinto.mjs; --account-cache-ttl, --server and --workers
// apply to it), or uses the one of KINTO_URL/SYNC_DIR/SYNC_ADMIN/SYNC_COORDINATOR. Teacher
// accounts are created by scripts/bench_sync_seed.py (one shared bcrypt hash, password cache
// warm as after a first request); --cold N first measures N requests of never-verified accounts.
import { execFile } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO, collection, recordId, startSyncServer } from "../tests/sync/kinto.mjs";

const run = promisify(execFile);
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return args[i].includes("=") ? args[i].split("=").slice(1).join("=") : args[i + 1];
}
const LEVELS = option("levels", "100,250,500,1000,2000").split(",").map(Number);
const DURATION = Number(option("duration", 20)) * 1000;
const INTERVAL = Number(option("interval", 20)) * 1000;
const CATALOGUE_KB = Number(option("catalogue-kb", 30));
const COLD = Number(option("cold", 10));
const BUDGET = { teachers: 1000, p95: 200 };
const PASSWORD = "bench-password";

const serverEnv = {};
if (option("account-cache-ttl") !== undefined) serverEnv.SYNC_ACCOUNT_CACHE_TTL = option("account-cache-ttl");
if (option("server")) serverEnv.SYNC_SERVER = option("server");
if (option("workers")) serverEnv.SYNC_WORKERS = option("workers");

const say = (...m) => console.error("bench:", ...m);
const server = await startSyncServer({ env: serverEnv });
const target = new URL(server.url);
// Like a reverse proxy in front of Kinto: a bounded pool of kept-alive connections.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const basic = (user, password) => "Basic " + Buffer.from(`${user}:${password}`).toString("base64");

/** One HTTP request; resolves to { status, etag, body, ms } (status 0 on a network error). */
function send(method, path, { auth, etag, body } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const headers = { Accept: "application/json", Authorization: auth };
    if (etag) headers["If-None-Match"] = etag;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    if (payload) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = payload.length;
    }
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname + path, method, headers, agent, timeout: 30000 },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode,
            etag: res.headers.etag,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }));
    if (payload) req.write(payload);
    req.end();
  });
}

const coordinatorAuth = basic(server.coordinator.user, server.coordinator.password);
async function retried(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const res = await send(method, path, { auth: coordinatorAuth, body });
    if (![0, 409, 500, 503].includes(res.status) || attempt > 20) return res;
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
}

// --- CPU of the Kinto processes and of the PostgreSQL cluster, from /proc ---
const TICK = 100; // USER_HZ
function cpuTicks() {
  const kintoPid = Number(readFileSync(join(server.dir, "kinto.pid"), "utf8"));
  const pgPid = Number(readFileSync(join(server.dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
  let kinto = 0;
  let pg = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [ppid, pgrp] = [Number(fields[1]), Number(fields[2])];
    const ticks = Number(fields[11]) + Number(fields[12]);
    const pid = Number(name);
    if (pgrp === kintoPid) kinto += ticks;
    if (pid === pgPid || ppid === pgPid) pg += ticks;
  }
  return { kinto, pg };
}

// --- Seeding ---
const maxTeachers = Math.max(...LEVELS);
const prefix = "t" + Date.now().toString(36);
const teachers = Array.from({ length: maxTeachers }, (_, i) => {
  const user = `${prefix}${String(i).padStart(4, "0")}@bench.example`;
  return { user, auth: basic(user, PASSWORD), answerEtag: null };
});
const python = join(REPO, ".sync-venv", "bin", "python");
const seed = async (pfx, count, warm) =>
  run(python, [join(REPO, "scripts", "bench_sync_seed.py"), join(server.dir, "kinto.ini"), pfx, String(count), PASSWORD, ...(warm ? ["--warm"] : [])], {
    maxBuffer: 1 << 22,
  });

let t0 = performance.now();
await seed(prefix, maxTeachers, true);
say(`${maxTeachers} teacher accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const CATALOGUE = `${collection("catalogue")}/records/public`;
const catalogueText = (n) => `catalogue ${n} `.padEnd(CATALOGUE_KB * 1024, "x");
let catalogue = await retried("PUT", CATALOGUE, { data: { file: catalogueText(0), pool_version: 0 } });
let catalogueEtag = catalogue.etag;

t0 = performance.now();
for (let i = 0; i < maxTeachers; i += 25) {
  let pending = teachers.slice(i, i + 25);
  for (let attempt = 0; pending.length; attempt++) {
    const res = await retried("POST", "/batch", {
      requests: pending.map((t) => ({
        method: "PUT",
        path: `${collection("answers")}/records/${recordId(t.user)}`,
        body: { data: { teacher: t.user, file: `answer of ${t.user}`, pool_version: 0 }, permissions: { read: [`account:${t.user}`] } },
      })),
    });
    if (res.status !== 200) throw new Error(`seeding answers: ${res.status} ${res.body}`);
    const responses = JSON.parse(res.body).responses;
    const failed = [];
    responses.forEach((r, k) => {
      if (r.status === 200 || r.status === 201) pending[k].answerEtag = r.headers.ETag;
      else failed.push(pending[k]);
    });
    if (attempt > 20 && failed.length) throw new Error(`seeding answers: ${JSON.stringify(responses[0])}`);
    pending = failed;
  }
}
say(`${maxTeachers} answer records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// --- Cold verification: accounts whose password was never verified (bcrypt on the server) ---
let cold = null;
if (COLD > 0) {
  const coldPrefix = prefix + "c";
  await seed(coldPrefix, COLD, false);
  const times = [];
  for (let i = 0; i < COLD; i++) {
    const user = `${coldPrefix}${String(i).padStart(4, "0")}@bench.example`;
    const first = await send("GET", CATALOGUE, { auth: basic(user, PASSWORD) });
    const second = await send("GET", CATALOGUE, { auth: basic(user, PASSWORD) });
    if (first.status !== 200 || second.status !== 200) throw new Error(`cold: ${first.status} ${second.status}`);
    times.push([first.ms, second.ms]);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  cold = { first: median(times.map((t) => t[0])), second: median(times.map((t) => t[1])) };
  say(`first request of an account (password verified with bcrypt): median ${cold.first.toFixed(0)} ms; ` + `the next one: ${cold.second.toFixed(0)} ms`);
}

// --- Levels ---
const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function level(n) {
  const polls = [];
  const errors = {};
  let requests = 0;
  let okStatuses = { 200: 0, 304: 0 };
  const inflight = new Set();
  const count = (res) => {
    requests += 1;
    if (res.status === 200 || res.status === 304) okStatuses[res.status] += 1;
    else errors[res.status || res.error] = (errors[res.status || res.error] || 0) + 1;
  };
  const schedule = [];
  for (let i = 0; i < n; i++) {
    for (let at = ((i + 0.5) * INTERVAL) / n; at < DURATION; at += INTERVAL) schedule.push([at, i]);
  }
  schedule.sort((a, b) => a[0] - b[0]);
  const cpuBefore = cpuTicks();
  const start = performance.now();
  let published = false;
  for (const [at, i] of schedule) {
    const wait = start + at - performance.now();
    if (wait > 1) await sleep(wait);
    if (!published && at >= DURATION / 2) {
      published = true;
      retried("PUT", CATALOGUE, { data: { file: catalogueText(n), pool_version: n } });
    }
    const planned = start + at;
    const t = teachers[i];
    const poll = Promise.all([
      send("GET", CATALOGUE, { auth: t.auth, etag: t.catalogueEtag ?? catalogueEtag }),
      send("GET", `${collection("answers")}/records/${recordId(t.user)}`, { auth: t.auth, etag: t.answerEtag }),
    ]).then(([c, a]) => {
      count(c);
      count(a);
      if (c.status === 200) t.catalogueEtag = c.etag;
      if (a.status === 200) t.answerEtag = a.etag;
      polls.push(performance.now() - planned);
    });
    inflight.add(poll);
    poll.then(() => inflight.delete(poll));
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = cpuTicks();
  await Promise.all(inflight);
  const sorted = polls.sort((a, b) => a - b);
  return {
    teachers: n,
    target: n / (INTERVAL / 1000),
    achieved: polls.length / Math.max(elapsed, (performance.now() - start) / 1000),
    rps: requests / ((performance.now() - start) / 1000),
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    errorKinds: errors,
    statuses: okStatuses,
    kintoCpu: (100 * (cpuAfter.kinto - cpuBefore.kinto)) / TICK / elapsed,
    pgCpu: (100 * (cpuAfter.pg - cpuBefore.pg)) / TICK / elapsed,
  };
}

// Catalogue ETags start as the app has them (downloaded before).
for (const t of teachers) t.catalogueEtag = catalogueEtag;
const results = [];
for (const n of LEVELS) {
  say(`${n} teachers for ${DURATION / 1000} s...`);
  const r = await level(n);
  results.push(r);
  say(
    `  ${r.achieved.toFixed(1)} polls/s, p95 ${r.p95.toFixed(0)} ms, ${r.errors} errors ${JSON.stringify(r.errorKinds)}, ` +
      `200/304: ${r.statuses[200]}/${r.statuses[304]}, CPU kinto ${r.kintoCpu.toFixed(0)}% pg ${r.pgCpu.toFixed(0)}%`,
  );
}

const settings = readFileSync(join(server.dir, "kinto.ini"), "utf8");
const ttl = /account_cache_ttl_seconds = (\d+)/.exec(settings)?.[1] ?? "30 (Kinto default)";
const serverKind = readFileSync(join(server.dir, "server"), "utf8").trim();
const workers = readFileSync(join(server.dir, "workers"), "utf8").trim();
console.log(
  `\nKinto ${serverKind} (${serverKind === "gunicorn" ? "processes" : "threads"}: ${workers}), account cache ttl ${ttl} s, ` +
    `poll every ${INTERVAL / 1000} s = 2 GETs with If-None-Match, catalogue ${CATALOGUE_KB} kB republished mid-level`,
);
if (cold) console.log(`first request of an account (bcrypt): ${cold.first.toFixed(0)} ms, next: ${cold.second.toFixed(0)} ms`);
const header = "| teachers | target polls/s | achieved polls/s | HTTP req/s | p50 ms | p95 ms | p99 ms | errors | CPU Kinto | CPU PostgreSQL |";
console.log(header);
console.log("|" + header.split("|").slice(1, -1).map(() => "---:").join("|") + "|");
for (const r of results) {
  console.log(
    `| ${r.teachers} | ${r.target.toFixed(1)} | ${r.achieved.toFixed(1)} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(0)} | ` +
      `${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.errors} | ${r.kintoCpu.toFixed(0)} % | ${r.pgCpu.toFixed(0)} % |`,
  );
}
agent.destroy();
await server.close();

const budget = results.find((r) => r.teachers === BUDGET.teachers);
if (!budget) {
  console.log(`budget not checked: no level of ${BUDGET.teachers} teachers`);
} else if (budget.p95 > BUDGET.p95 || budget.errors > 0) {
  console.log(`BUDGET EXCEEDED: ${BUDGET.teachers} teachers, p95 ${budget.p95.toFixed(0)} ms (budget ${BUDGET.p95} ms), ${budget.errors} errors`);
  process.exit(1);
} else {
  console.log(`budget met: ${BUDGET.teachers} teachers, p95 ${budget.p95.toFixed(0)} ms ≤ ${BUDGET.p95} ms`);
}
