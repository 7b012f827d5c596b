#!/usr/bin/env node
// Builds the app's WebAssembly and splits it into a main module and chunks loaded on demand.
// Called by the Trunk post_build hook (scripts/post-build.mjs) because the split has to happen
// between the Rust build and wasm-bindgen, where Trunk's own Rust pipeline has no hook.
//
// Every page but the catalogue is a lazy route (src/ui/lazy_pages.rs): the first screen loads
// only the main module; a page's chunks are fetched the first time it is opened (and are in the
// service worker's precache, so they work offline after the first visit).
//
// Pipeline: cargo build --features split → wasm-split-cli → wasm-bindgen --target web →
// wasm-opt -Oz on every module → one folder `app-<content hash>/` in the staging directory,
// plus a boot script and preload links in index.html.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";

const CRATE = "materiotheque";
const TARGET = "wasm32-unknown-unknown";
// The features rustc enables by default for wasm32-unknown-unknown, which wasm-opt must accept.
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

// The crate root: Trunk runs hooks from the directory of index.html, which is the same today,
// but the build must not depend on it.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
// WASM_PROFILING=1 keeps the function names (`wasm-opt -g`), so that a browser profile names
// the Rust functions; a few hundred kB larger, for measuring only.
const KEEP_NAMES = process.env.WASM_PROFILING === "1" ? ["-g"] : [];
// wasm-opt warns about the split tool's extended name section on every chunk; the warning is
// harmless (names are dropped anyway), so it is filtered to keep real messages visible.
function optimize(path) {
  const result = spawnSync("wasm-opt", ["-Oz", ...KEEP_NAMES, ...WASM_FEATURES, path, "-o", path], { cwd: ROOT, encoding: "utf8" });
  const messages = (result.stderr || "").split("\n").filter((line) => line && !line.includes("unknown name subsection"));
  if (messages.length) console.error(messages.join("\n"));
  if (result.status !== 0) throw new Error(`wasm-opt failed on ${path}`);
}
const sha = (data) => createHash("sha256").update(data).digest("hex");

/**
 * Builds and splits the wasm into `<staging>/app-<hash>/`; returns the folder name and the
 * module URLs (under `publicUrl`) the boot script loads.
 */
export function buildWasm({ staging, publicUrl, release }) {
  const cargoArgs = ["build", "--locked", "--target", TARGET, "--bin", CRATE, "--features", "split"];
  if (release) cargoArgs.push("--release");
  run("cargo", cargoArgs);

  const targetDir = process.env.CARGO_TARGET_DIR || "target";
  const builtDir = isAbsolute(targetDir) ? targetDir : join(ROOT, targetDir);
  const built = join(builtDir, TARGET, release ? "release" : "debug", `${CRATE}.wasm`);
  const work = mkdtempSync(join(tmpdir(), `${CRATE}-split-`));
  try {
    const split = join(work, "split");
    const out = join(work, "out");
    mkdirSync(out);
    run("wasm-split-cli", [built, split, "--out-name", CRATE]);
    // --keep-lld-exports: the chunks import the main module's function table, which wasm-bindgen
    // would otherwise stop exporting.
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", out, join(split, `${CRATE}.wasm`)]);
    for (const name of readdirSync(split)) {
      if (name !== `${CRATE}.wasm`) copyFileSync(join(split, name), join(out, name));
    }
    const files = readdirSync(out).sort();
    if (release) {
      for (const name of files.filter((f) => f.endsWith(".wasm"))) {
        optimize(join(out, name));
      }
    }
    const folder = `app-${sha(files.map((f) => `${f}\n${sha(readFileSync(join(out, f)))}`).join("\n")).slice(0, 16)}`;
    mkdirSync(join(staging, folder));
    for (const name of files) copyFileSync(join(out, name), join(staging, folder, name));
    return {
      folder,
      script: `${publicUrl}${folder}/${CRATE}.js`,
      wasm: `${publicUrl}${folder}/${CRATE}_bg.wasm`,
      chunks: files.filter((f) => f.endsWith(".wasm") && f !== `${CRATE}_bg.wasm`).length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Adds the boot script (a file: the CSP forbids inline scripts) and preload links to index.html. */
export function linkWasm(staging, { script, wasm }) {
  const boot = `import init from ${JSON.stringify(script)};\nawait init({ module_or_path: ${JSON.stringify(wasm)} });\n`;
  const bootName = `boot-${sha(boot).slice(0, 16)}.js`;
  writeFileSync(join(staging, bootName), boot);
  const indexPath = join(staging, "index.html");
  const tags =
    `<script type="module" src="${bootName}"></script>\n` +
    `    <link rel="modulepreload" href="${script}" />\n` +
    `    <link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />\n  </head>`;
  // Trunk leaves the skipped Rust link (and the comment saying why) in its output.
  const html = readFileSync(indexPath, "utf8")
    .replace(/\s*<!--[^>]*data-trunk-skip[\s\S]*?-->/, "")
    .replace(/\s*<link[^>]*rel="rust"[^>]*>/, "");
  if (!html.includes("</head>")) throw new Error("index.html has no </head>");
  writeFileSync(indexPath, html.replace("</head>", tags));
}
