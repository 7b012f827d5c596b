#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml), run on the staging directory of every build:
// 1. builds and splits the WebAssembly (scripts/build-wasm.mjs) and starts it from a boot
//    script file, then checks that index.html has no inline script or style, so the
//    Content-Security-Policy needs no 'unsafe-inline' and no hash;
// 2. prepends the service worker template with this build's precache list and a version
//    derived from the content of every file, so any change to the build yields a new worker.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { buildWasm, linkWasm } from "./build-wasm.mjs";

const sha = (data) => createHash("sha256").update(data).digest("hex");
const HEADER_END = "// ---- end of build header ----\n";

/** Fails when index.html has an inline script or style, which the CSP forbids. */
export function assertNoInlineCode(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) throw new Error("index.html has an inline script, which the CSP forbids");
  if (/\sstyle\s*=/.test(html) || /<style[\s>]/.test(html)) throw new Error("index.html has inline style, which the CSP forbids");
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Writes the precache header of sw.js from the files in `dir`; returns { version, files }. */
export function stampServiceWorker(dir) {
  const files = walk(dir)
    .map((path) => relative(dir, path).split(sep).join("/"))
    .filter((path) => path !== "sw.js")
    .sort();
  const version = sha(files.map((f) => `${f}\n${sha(readFileSync(join(dir, f)))}`).join("\n")).slice(0, 16);
  const swPath = join(dir, "sw.js");
  let template = readFileSync(swPath, "utf8");
  const end = template.indexOf(HEADER_END);
  if (end >= 0) template = template.slice(end + HEADER_END.length); // re-stamping
  const header = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(files)};\n${HEADER_END}`;
  writeFileSync(swPath, header + template);
  return { version, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!staging) {
    console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
    process.exit(1);
  }
  try {
    const release = process.env.TRUNK_PROFILE !== "debug";
    const wasm = buildWasm({ staging, publicUrl: process.env.TRUNK_PUBLIC_URL || "/", release });
    linkWasm(staging, wasm);
    console.log(`post-build: wasm in ${wasm.folder}, main module and ${wasm.chunks} chunks`);
    assertNoInlineCode(staging);
    const { version, files } = stampServiceWorker(staging);
    console.log(`post-build: ${files.length} files precached, version ${version}`);
  } catch (error) {
    console.error(`post-build: ${error.message}`);
    process.exit(1);
  }
}
