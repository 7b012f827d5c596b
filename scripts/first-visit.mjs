#!/usr/bin/env node
// Measures how a release build feels on a first visit and at the scale of a metropolitan pool,
// in headless Chromium under Lighthouse's mobile profile (a 412 × 823 screen, 150 ms RTT,
// 1.6 Mbit/s down, 750 kbit/s up, CPU four times slower), beside a plain HTML page listing the
// same catalogue.
// A measuring tool, not a test: it prints a table and exits 0 whatever the figures.
//
//   node scripts/first-visit.mjs [dist] [--runs N] [--network host|cdp] [--no-pool | --only-pool] [--verbose]
//                                [--profile prefix]
//   (or `make first-visit`; FIRST_VISIT_RUNS=N works too)
//
// The build is served as a static host would: brotli (else gzip) with Content-Encoding, ETags
// and 304s, the SPA fallback. The network is throttled by that host by default (`host`): every
// answer waits one RTT, then shares one 1.6 Mbit/s link with every other answer in flight, the
// service worker's included. Chromium's CDP network emulation (`--network cdp`, on the page as
// Lighthouse's devtools mode does) applies per target and leaves the service worker's own
// fetches unthrottled, which hides what precaching costs a first visit. The CPU is slowed by
// CDP in both modes (`Emulation.setCPUThrottlingRate`), on the page only.
//
// Each figure is the median of N runs (default 5), each in a new browser context (cold cache,
// no service worker):
// - the catalogue on screen: navigation start to the first frame after the app says its result
//   list is rendered (`[data-results-for]` on the list, set by the catalogue page; a build from
//   before it: its first `ul.model-grid`), and the same for the plain HTML page (its list);
// - what was asked of the host before then (bytes on the wire, and which files);
// - the first-load transfer in brotli, computed from the files (scripts/size-report.mjs);
// - with the metropolitan pool stored (examples/big_pool_storage.rs: 1,000 models, 5,000 units,
//   20,000 bookings, both slots full) and the app cached by its service worker: navigation
//   start to the catalogue on screen, then each keystroke of a search to its results rendered
//   (`data-results-for` equal to what was typed).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { contentType } from "./content-types.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// ---- options ----
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 && args.splice(at, 1).length > 0;
};
const RUNS = Math.max(1, Number(option("--runs", process.env.FIRST_VISIT_RUNS || 5)));
const NETWORK = option("--network", "host");
const WITH_POOL = !flag("--no-pool");
const ONLY_POOL = flag("--only-pool");
const VERBOSE = flag("--verbose");
// Writes CDP CPU profiles of the first run's start and searches over the pool (open them in
// Chromium's DevTools; a build with WASM_PROFILING=1 names the Rust functions) and prints the
// functions that took the most time.
const PROFILE_TO = option("--profile", null);
const DIST = resolve(args[0] || "dist");
if (!["host", "cdp"].includes(NETWORK)) throw new Error(`--network host|cdp, not ${NETWORK}`);

// Lighthouse's mobile profile (its `mobileSlow4G` throttling settings).
const PROFILE = { rttMs: 150, downKbps: 1638.4, upKbps: 750, cpuSlowdown: 4 };
// Its screen: a phone (Moto G Power) held upright.
const SCREEN = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const GOALS = { ratio: 1.2, firstLoadBrotli: 200_000, poolStartMs: 1000, searchMs: 50 };
// What the app signals: its result list, and the query it was last rendered for. A build from
// before that signal (to measure where things stood) is read by its first model grid instead.
const SIGNAL = "[data-results-for]";
// The catalogue's search box (the form toolkit makes its id per instance).
const SEARCH_BOX = 'form[role="search"] input[type="search"]';
const QUERIES = ["tablette", "robot"];
const TIMEOUT = 120_000;

// ---- the build, compressed as a static host keeps it ----
const COMPRESSIBLE = new Set([".html", ".js", ".wasm", ".css", ".json", ".webmanifest", ".svg"]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function asset(body, ext) {
  const compress = COMPRESSIBLE.has(ext);
  return {
    body,
    type: contentType(ext),
    etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 20)}"`,
    br: compress ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
    gzip: compress ? gzipSync(body, { level: 9 }) : null,
  };
}

const files = new Map();
for (const path of walk(DIST)) {
  const name = relative(DIST, path).split(sep).join("/");
  files.set(name, asset(readFileSync(path), extname(name)));
}
const indexHtml = files.get("index.html")?.body.toString("utf8");
if (!indexHtml) throw new Error(`${DIST} has no index.html: build the release first`);
const BASE = (indexHtml.match(/<base href="([^"]*)"/) || [, "/"])[1];
const stylesheet = (indexHtml.match(/<link rel="stylesheet" href="([^"]+\.css)"/) || [])[1];
const SIGNALLED = [...files].some(([name, file]) => name.endsWith("_bg.wasm") && file.body.includes("data-results-for"));
const READY = SIGNALLED ? SIGNAL : "ul.model-grid";

// ---- the plain HTML reference: the demo catalogue, one line a model, the app's CSS ----
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
function referencePage() {
  const demo = JSON.parse(readFileSync(join(ROOT, "src/demo/catalogue.json"), "utf8")).catalogue;
  const categories = new Map(demo.categories.map((c) => [c.id, c.name.fr]));
  const items = demo.models
    .map((m) => `<li>${escapeHtml(typeof m.name === "string" ? m.name : m.name.fr)} — ${escapeHtml(categories.get(m.category) || m.category)}</li>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<base href="${BASE}" />
<title>Catalogue du matériel — Matériothèque</title>
${stylesheet ? `<link rel="stylesheet" href="${stylesheet}" />` : ""}
</head>
<body>
<header class="site-header"><div class="site-header__inner"><a href="${BASE}"><span class="brand">Matériothèque</span></a></div></header>
<main id="contenu">
<h1>Catalogue du matériel</h1>
<ul class="reference-list" data-results-for="">
${items}
</ul>
</main>
</body>
</html>
`;
}
const REFERENCE_PATH = `${BASE}__first-visit/reference.html`;
// A page of the origin that is not the app, to seed local storage before the app first runs.
const BLANK_PATH = `${BASE}__first-visit/blank.html`;
const extra = new Map([
  [REFERENCE_PATH, asset(Buffer.from(referencePage()), ".html")],
  [BLANK_PATH, asset(Buffer.from("<!DOCTYPE html><title>seed</title>"), ".html")],
]);

// ---- the throttled link (host mode): one RTT per answer, one shared downlink ----
const SLICE = 4096;
const sliceMs = (bytes) => (bytes * 8) / PROFILE.downKbps; // kbit/s = bit/ms
class Link {
  constructor() {
    this.queue = [];
    this.busy = false;
  }
  /** Sends `data` on `res` through the link, sharing it fairly with other answers; resolves when sent. */
  send(res, data) {
    return new Promise((done) => {
      this.queue.push({ res, data, offset: 0, done });
      if (!this.busy) this.pump();
    });
  }
  async pump() {
    this.busy = true;
    let clock = performance.now();
    while (this.queue.length) {
      const stream = this.queue.shift();
      const slice = stream.data.subarray(stream.offset, stream.offset + SLICE);
      stream.offset += slice.length;
      clock = Math.max(clock, performance.now()) + sliceMs(slice.length);
      const wait = clock - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (!stream.res.destroyed) stream.res.write(slice);
      if (stream.offset < stream.data.length && !stream.res.destroyed) this.queue.push(stream);
      else stream.done();
    }
    this.busy = false;
  }
}

// ---- the host ----
async function startHost({ throttled }) {
  const link = new Link();
  const log = [];
  const server = createServer(async (req, res) => {
    const started = Date.now();
    const url = new URL(req.url, "http://localhost");
    const path = decodeURIComponent(url.pathname);
    let file = extra.get(path);
    let name = path;
    if (!file) {
      if (!path.startsWith(BASE)) {
        res.writeHead(404).end();
        return;
      }
      name = normalize(path.slice(BASE.length)).replace(/^(\.\.[/\\])+/, "");
      file = files.get(name);
      if (!file) {
        // SPA fallback for page addresses; a missing asset stays a 404.
        if (extname(name) && extname(name) !== ".html") {
          if (throttled) await new Promise((r) => setTimeout(r, PROFILE.rttMs));
          res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
          log.push({ name, status: 404, bytes: 0, started, ended: Date.now() });
          return;
        }
        name = "index.html";
        file = files.get(name);
      }
    }
    const accepts = String(req.headers["accept-encoding"] || "");
    const [encoding, body] =
      file.br && /\bbr\b/.test(accepts) ? ["br", file.br] : file.gzip && /\bgzip\b/.test(accepts) ? ["gzip", file.gzip] : [null, file.body];
    const notModified = req.headers["if-none-match"] === file.etag;
    const headers = { "Content-Type": file.type, "Cache-Control": "no-cache", ETag: file.etag, Vary: "Accept-Encoding" };
    if (encoding) headers["Content-Encoding"] = encoding;
    if (!notModified) headers["Content-Length"] = body.length;
    const headerBytes = 200; // status line and headers, about
    // Logged when asked, so that an answer still in flight counts.
    const entry = { name, status: notModified ? 304 : 200, bytes: (notModified ? 0 : body.length) + headerBytes, started, ended: null };
    log.push(entry);
    if (throttled) await new Promise((r) => setTimeout(r, PROFILE.rttMs));
    res.writeHead(notModified ? 304 : 200, headers);
    if (!notModified && req.method !== "HEAD") {
      if (throttled) await link.send(res, body);
      else res.write(body);
    }
    res.end();
    entry.ended = Date.now();
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin + BASE,
    origin,
    log,
    close: () => new Promise((r) => server.close(r)),
  };
}

// ---- the browser ----
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/**
 * Records in the page, from navigation start: when the ready element is in the document
 * (`window.__ready`), the first frame after (`__onScreen`), FCP and LCP.
 */
function watchReady(selector) {
  const marks = (window.__marks = { ready: null, onScreen: null, fcp: null, lcp: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") marks.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const check = () => {
    if (marks.ready !== null || !document.querySelector(selector)) return;
    marks.ready = performance.now();
    // The frame that shows it: its animation frame, then the task after its paint.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marks.onScreen = performance.now());
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

async function throttle(context, page, { cpu, network }) {
  const cdp = await context.newCDPSession(page);
  if (cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuSlowdown });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PROFILE.rttMs,
      downloadThroughput: (PROFILE.downKbps * 1024) / 8,
      uploadThroughput: (PROFILE.upKbps * 1024) / 8,
    });
  }
  return cdp;
}

async function marksWhenOnScreen(page) {
  // Text always yields both paint entries, delivered a little after the frame.
  await page.waitForFunction(
    () => {
      const m = window.__marks;
      return m && m.onScreen !== null && m.fcp !== null && m.lcp !== null;
    },
    null,
    { timeout: TIMEOUT, polling: 50 },
  );
  return page.evaluate(() => ({ ...window.__marks, timeOrigin: performance.timeOrigin }));
}

/**
 * One cold visit of `url`: when its list is on screen, and what was asked of the host before it
 * was interactive: the app's ready signal, or for a page without script its first frame.
 */
async function coldVisit(browser, host, url, ready, { scripted }) {
  const context = await browser.newContext(SCREEN);
  const page = await context.newPage();
  await page.addInitScript(watchReady, ready);
  await throttle(context, page, { cpu: true, network: NETWORK === "cdp" });
  const from = host.log.length;
  await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT });
  const marks = await marksWhenOnScreen(page);
  const readyAt = marks.timeOrigin + (scripted ? marks.ready : marks.onScreen);
  // Asked for before then (whole answers: in flight, they shared the link with the first screen).
  const before = host.log.slice(from).filter((entry) => entry.started <= readyAt);
  await context.close();
  return { ...marks, bytes: before.reduce((sum, e) => sum + e.bytes, 0), files: before.map((e) => `${e.name} (${e.status}, ${(e.bytes / 1000).toFixed(1)} kB)`) };
}

/** The stored metropolitan pool, as localStorage items (built once by a Rust example). */
function bigPoolItems() {
  const text = execFileSync("cargo", ["run", "--locked", "--quiet", "--example", "big_pool_storage"], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(text.toString("utf8"));
}

/**
 * A returning visit with the metropolitan pool stored and the app cached by its worker: the
 * start (navigation to catalogue on screen) and each keystroke of the searches, CPU slowed.
 */
async function poolVisit(browser, host, items, profile) {
  const context = await browser.newContext(SCREEN);
  const page = await context.newPage();
  // Seeded from a page of the origin that is not the app, before the app first runs.
  await page.goto(host.origin + BLANK_PATH);
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);
  // A first, unthrottled visit installs the worker; the measure starts once it holds the build.
  await page.goto(host.url, { timeout: TIMEOUT });
  await page.locator(READY).first().waitFor({ timeout: TIMEOUT });
  // A worker controls a page once its install cached the whole build.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await page.addInitScript(watchReady, READY);
  const cdp = await throttle(context, page, { cpu: true, network: NETWORK === "cdp" });
  if (profile) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  const from = host.log.length;
  await page.reload({ waitUntil: "commit", timeout: TIMEOUT });
  const start = await marksWhenOnScreen(page);
  // What the start asked of the network rather than of the worker's cache.
  const network = host.log.slice(from).map((e) => e.name);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error("the start was not served by the worker");
  const resources = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => `${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms (worker ${Math.round(e.workerStart)}, fetch ${Math.round(e.fetchStart)}, response ${Math.round(e.responseStart)}) ${e.name.replace(location.origin, "")}`),
  );
  if (profile) {
    await saveProfile(cdp, `${profile}-start.cpuprofile`);
    await cdp.send("Profiler.start");
  }

  // Each keystroke: from its input event to the list rendered for the text typed so far. The
  // app renders in microtasks after the event, so the task after it sees the result; with the
  // signal, the list must also say it shows that text (a render deferred further would count).
  await page.evaluate(
    ([box, signalled]) => {
      window.__keystrokes = [];
      document.querySelector(box).addEventListener(
        "input",
        (event) => {
          const typed = event.target.value;
          const began = event.timeStamp;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const done = () => {
              const list = document.querySelector("[data-results-for]");
              if (signalled && !(list && list.dataset.resultsFor === typed)) return false;
              window.__keystrokes.push({ typed, ms: performance.now() - began });
              return true;
            };
            if (done()) return;
            const observer = new MutationObserver(() => done() && observer.disconnect());
            observer.observe(document.querySelector("main"), { childList: true, subtree: true, attributes: true });
          };
          channel.port2.postMessage(null);
        },
        { capture: true },
      );
    },
    [SEARCH_BOX, SIGNALLED],
  );
  const box = page.locator(SEARCH_BOX);
  const measured = (count) => page.waitForFunction((n) => window.__keystrokes.length >= n, count, { timeout: TIMEOUT });
  let count = 0;
  for (const query of QUERIES) {
    if (await box.inputValue()) {
      await box.fill("");
      await measured(++count);
    }
    for (const key of query) {
      await box.press(key === " " ? "Space" : key);
      await measured(++count);
    }
  }
  if (profile) await saveProfile(cdp, `${profile}-search.cpuprofile`);
  const keystrokes = await page.evaluate(() => window.__keystrokes.filter((k) => k.typed !== ""));
  await context.close();
  return { start: start.onScreen, ready: start.ready, network, resources, keystrokes };
}

/** Saves the running CPU profile to `path` and prints where the time went (self time). */
async function saveProfile(cdp, path) {
  const { profile } = await cdp.send("Profiler.stop");
  writeFileSync(path, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const gaps = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.split("/").pop()}`;
    self.set(name, (self.get(name) || 0) + (gaps[i] || 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.error(`\n${path}: ${total.toFixed(0)} ms sampled; most self time:`);
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.error(`  ${time.toFixed(1).padStart(8)} ms  ${name.slice(0, 110)}`);
  }
}

// ---- figures ----
const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (v) => (v === null ? "—" : `${Math.round(v)} ms`);
const kB = (v) => (v === null ? "—" : `${(v / 1000).toFixed(1)} kB`);

function firstLoadBrotli() {
  const output = execFileSync(process.execPath, [join(ROOT, "scripts/size-report.mjs"), DIST, "100000000"], { encoding: "utf8" });
  const total = output.match(/TOTAL [\d.]+ kB raw, ([\d.]+) kB brotli/);
  return total ? Number(total[1]) * 1000 : null;
}

const browser = await launch();
const host = await startHost({ throttled: NETWORK === "host" });
const app = [];
const reference = [];
const pool = [];
try {
  const items = WITH_POOL ? bigPoolItems() : null;
  for (let run = 0; run < RUNS; run++) {
    // Alternated, so that a busy machine weighs on both alike.
    if (!ONLY_POOL) {
      app.push(await coldVisit(browser, host, host.url, READY, { scripted: true }));
      reference.push(await coldVisit(browser, host, host.origin + REFERENCE_PATH, SIGNAL, { scripted: false }));
    }
    if (items) pool.push(await poolVisit(browser, host, items, run === 0 ? PROFILE_TO : null));
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }
} finally {
  await browser.close();
  await host.close();
}

const onScreen = median(app.map((r) => r.onScreen));
const refOnScreen = median(reference.map((r) => r.onScreen));
const brotli = firstLoadBrotli();
// The run of median bytes, for its list of files.
const middleRun = (runs) => [...runs].sort((a, b) => a.bytes - b.bytes)[Math.floor(runs.length / 2)] || { files: [] };
const byMedianBytes = middleRun(app);
const refMedianBytes = middleRun(reference);
const rows = [
  ["catalogue on screen, first visit", ms(onScreen), `≤ ${GOALS.ratio} × plain HTML`, ms(refOnScreen)],
  ["  first contentful paint", ms(median(app.map((r) => r.fcp))), "", ms(median(reference.map((r) => r.fcp)))],
  ["  largest contentful paint", ms(median(app.map((r) => r.lcp))), "", ms(median(reference.map((r) => r.lcp)))],
  ["ratio app / plain HTML", onScreen && refOnScreen ? (onScreen / refOnScreen).toFixed(2) : "—", `≤ ${GOALS.ratio}`, "1.00"],
  ["transferred before interactive", kB(median(app.map((r) => r.bytes))), "first screen only", kB(median(reference.map((r) => r.bytes)))],
  ["  files fetched before interactive", String(byMedianBytes.files.length), "first screen only", String(refMedianBytes.files.length)],
  ["first-load transfer, brotli (static)", kB(brotli), `≤ ${kB(GOALS.firstLoadBrotli)}`, ""],
];
if (pool.length) {
  const strokes = pool.flatMap((r) => r.keystrokes.map((k) => k.ms));
  rows.push(
    ["start, metropolitan pool stored (4× CPU)", ms(median(pool.map((r) => r.start))), `< ${GOALS.poolStartMs} ms`, ""],
    ["search keystroke, metropolitan pool (median)", ms(median(strokes)), `< ${GOALS.searchMs} ms`, ""],
    ["search keystroke, metropolitan pool (slowest)", ms(strokes.length ? Math.max(...strokes) : null), `< ${GOALS.searchMs} ms`, ""],
  );
}
const widths = [0, 1, 2, 3].map((i) => Math.max(...[["measure", "app", "goal", "plain HTML"], ...rows].map((r) => r[i].length)));
const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
console.log(
  `First visit of ${relative(process.cwd(), DIST) || "."} (base ${BASE}), median of ${RUNS} run(s); ${SCREEN.viewport.width} × ${SCREEN.viewport.height} screen, ${PROFILE.rttMs} ms RTT, ${PROFILE.downKbps} kbit/s down, ${PROFILE.upKbps} kbit/s up (${NETWORK === "host" ? "throttled by the host, service worker included" : "CDP on the page"}), CPU ${PROFILE.cpuSlowdown}× slower`,
);
console.log(line(["measure", "app", "goal", "plain HTML"]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
console.log(`\nFiles asked for before the app was interactive (the median run):\n  ${byMedianBytes.files.join("\n  ")}`);
if (VERBOSE) {
  console.log("\nRuns:", JSON.stringify({ app, reference, pool }, null, 1));
}
