#!/usr/bin/env node
// Prints the first-load transfer of a release build (index.html and every script, module,
// wasm and stylesheet it loads, the modules those scripts import, plus the service worker) raw
// and brotli-compressed, and fails when the brotli total exceeds the budget. Then prints what
// each page split off into chunks adds the first time it is opened (scripts/build-wasm.mjs).
// Usage: node scripts/size-report.mjs <dist-dir> [first-load-budget-bytes] [page-budget-bytes]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] || "dist";
const budget = Number(process.argv[3] || 200_000);
const pageBudget = Number(process.argv[4] || Infinity);
// Budgets of named pages that differ from the others: `coordinator=270000`.
const pageBudgets = new Map(
  process.argv.slice(5).map((arg) => {
    const [name, value] = arg.split("=");
    return [name, Number(value)];
  }),
);
const failures = [];
const html = readFileSync(join(dir, "index.html"), "utf8");
const base = (html.match(/<base href="([^"]*)"/) || [, "/"])[1];

const measured = new Map();
/** Raw and brotli sizes of a file of the build (relative path). */
function size(file) {
  if (!measured.has(file)) {
    const data = readFileSync(join(dir, file));
    const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    measured.set(file, { raw: data.length, brotli });
  }
  return measured.get(file);
}
const kb = (n) => (n / 1000).toFixed(1);
const local = (url) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, ""));

const wanted = new Set(["index.html", "sw.js"]);
for (const [, url] of html.matchAll(/(?:src|href)="([^"]+\.(?:js|wasm|css))"/g)) wanted.add(local(url));
// Modules imported by the loaded scripts (the boot script imports the app, the app imports the
// chunk loader), and the wasm module each app script instantiates even when not preloaded.
const pending = [...wanted].filter((f) => f.endsWith(".js"));
while (pending.length) {
  const file = pending.pop();
  if (file === "sw.js") continue;
  const source = readFileSync(join(dir, file), "utf8");
  for (const [, url] of source.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const target = url.startsWith("/") ? local(url) : normalize(join(dirname(file), url));
    if (!wanted.has(target)) {
      wanted.add(target);
      pending.push(target);
    }
  }
  const wasm = file.replace(/\.js$/, "_bg.wasm");
  if (existsSync(join(dir, wasm))) wanted.add(wasm);
}

let raw = 0;
let br = 0;
const rows = [];
for (const file of [...wanted].sort()) {
  const { raw: r, brotli: b } = size(file);
  raw += r;
  br += b;
  rows.push(`  ${file.padEnd(52)} ${String(r).padStart(9)} B raw ${String(b).padStart(8)} B brotli`);
}
console.log(`First-load transfer of ${dir} (base ${base}):`);
console.log(rows.join("\n"));
console.log(`  TOTAL ${kb(raw)} kB raw, ${kb(br)} kB brotli (budget ${kb(budget)} kB brotli)`);

// Pages loaded on demand: the chunk loader lists, above each shared chunk, the split modules
// that need it.
const loader = [...wanted].find((f) => f.endsWith("__wasm_split.js"));
if (loader) {
  const folder = dirname(loader);
  const source = readFileSync(join(dir, loader), "utf8");
  const needs = new Map();
  for (const [, users, chunk] of source.matchAll(/\/\*\s*([^*]+?)\s*\*\/\s*const\s+__(chunk_\d+)\s*=/g)) {
    for (const user of users.split(",").map((u) => u.trim())) {
      needs.set(user, [...(needs.get(user) || []), `${chunk}.wasm`]);
    }
  }
  const limit = Number.isFinite(pageBudget) ? ` (budget ${kb(pageBudget)} kB each)` : "";
  console.log(`Pages loaded on demand (added on first visit, brotli)${limit}:`);
  for (const file of readdirSync(join(dir, folder)).filter((f) => f.startsWith("split_")).sort()) {
    const module = file.replace(/^split_/, "").replace(/\.wasm$/, "");
    const parts = [file, ...(needs.get(module) || [])];
    const total = parts.reduce((sum, part) => sum + size(join(folder, part)).brotli, 0);
    const page = module.replace(/^__/, "").replace(/_route_view_\d+$/, "");
    const own = pageBudgets.get(page) ?? pageBudget;
    const note = own === pageBudget ? "" : ` (budget ${kb(own)} kB)`;
    console.log(`  ${page.padEnd(20)} ${kb(total).padStart(7)} kB in ${parts.length} file(s)${note}`);
    if (total > own) failures.push(`page ${page} adds ${kb(total)} kB brotli > ${kb(own)} kB`);
  }
}

if (br > budget) failures.push(`first load ${kb(br)} kB brotli > ${kb(budget)} kB`);
if (failures.length) {
  console.error(`size budget exceeded: ${failures.join("; ")}`);
  process.exit(1);
}
