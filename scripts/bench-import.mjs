#!/usr/bin/env node
// Measures, in headless Chromium on the release build, the time from choosing a 5 MiB backup
// in the settings page to its import preview on screen (read, parse, check, plan, render).
// Budget: 1 s. Not part of `make test` (speed is checked by benchmarks, not timed tests).
// Usage: node scripts/bench-import.mjs [dist]   (after `make serve` or a release build)
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { launch } from "../tests/e2e/support.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const BUDGET_MS = 1000;
const RUNS = 5;
const dist = resolve(process.argv[2] || "dist");
const backup = execFileSync("cargo", ["run", "--locked", "--quiet", "--example", "big_backup"], {
  maxBuffer: 64 * 1024 * 1024,
});
console.log(`backup: ${(backup.length / 1048576).toFixed(2)} MiB`);

const server = await startServer({ root: dist, base: "/" });
const browser = await launch();
const times = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + "parametres");
    await page.getByLabel("Fichier de données", { exact: true }).waitFor();
    // Timed in the page, from the input's change event to the preview in the document, so the
    // transfer of the file from this script into the browser does not count.
    await page.evaluate(() => {
      const input = document.getElementById("import-file");
      input.addEventListener("change", () => (window.__chosen = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (!window.__shown && document.querySelector(".import-preview")) window.__shown = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel("Fichier de données", { exact: true }).setInputFiles({
      name: "sauvegarde.json",
      mimeType: "application/json",
      buffer: backup,
    });
    await page.getByRole("region", { name: "Ce que sauvegarde.json changera" }).waitFor({ timeout: 30_000 });
    times.push(await page.evaluate(() => window.__shown - window.__chosen));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`choose file → preview: median ${median.toFixed(0)} ms over ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(", ")}); budget ${BUDGET_MS} ms`);
if (median > BUDGET_MS) {
  console.error("over budget");
  process.exit(1);
}
