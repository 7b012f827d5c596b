#!/usr/bin/env node
// Prints the first-load transfer of a release build (index.html and every script, module,
// wasm and stylesheet it loads, plus the service worker) raw and brotli-compressed, and fails
// when the brotli total exceeds the budget.
// Usage: node scripts/size-report.mjs <dist-dir> [budget-bytes]
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] || "dist";
const budget = Number(process.argv[3] || 200_000);
const html = readFileSync(join(dir, "index.html"), "utf8");
const base = (html.match(/<base href="([^"]*)"/) || [, "/"])[1];

const wanted = new Set(["index.html", "sw.js"]);
for (const [, url] of html.matchAll(/(?:src|href)="([^"]+\.(?:js|wasm|css))"/g)) {
  wanted.add(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, ""));
}
// The wasm module is fetched by the loader even when not preloaded.
for (const file of [...wanted]) {
  if (file.endsWith(".js") && !file.startsWith("boot-") && file !== "sw.js") {
    const wasm = file.replace(/\.js$/, "_bg.wasm");
    if (existsSync(join(dir, wasm))) wanted.add(wasm);
  }
}

let raw = 0;
let br = 0;
const rows = [];
for (const file of [...wanted].sort()) {
  const data = readFileSync(join(dir, file));
  const compressed = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += data.length;
  br += compressed;
  rows.push(`  ${file.padEnd(48)} ${String(data.length).padStart(9)} B raw ${String(compressed).padStart(8)} B brotli`);
}
const kb = (n) => (n / 1000).toFixed(1);
console.log(`First-load transfer of ${dir} (base ${base}):`);
console.log(rows.join("\n"));
console.log(`  TOTAL ${kb(raw)} kB raw, ${kb(br)} kB brotli (budget ${kb(budget)} kB brotli)`);
if (br > budget) {
  console.error(`size budget exceeded: ${kb(br)} kB brotli > ${kb(budget)} kB`);
  process.exit(1);
}
