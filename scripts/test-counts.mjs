// Checks a test layer's output against the count recorded in tests/test-counts.txt: a run that
// runs fewer (or more) tests than recorded, or that skips or ignores one, fails. Adding or
// removing a test therefore means changing the record in the same commit, on purpose.
//
//   node scripts/test-counts.mjs <layer> <log file>
//
// It reads the summary lines of cargo's harness and of wasm-bindgen-test ("test result: ok.
// N passed; F failed; I ignored"), and of node's test runner ("# tests N", "# skipped N", ...).
import { readFileSync } from "node:fs";

const [layer, logFile] = process.argv.slice(2);
const recorded = new Map(
  readFileSync(new URL("../tests/test-counts.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/))
    .map(([name, count]) => [name, Number(count)]),
);
if (!recorded.has(layer)) {
  console.error(`test-counts: no count recorded for "${layer}" in tests/test-counts.txt`);
  process.exit(1);
}
// Colour codes out, so the summary lines match however the runner printed them.
const log = readFileSync(logFile, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let ran = 0;
let skipped = 0;
for (const [, passed, failed, ignored] of log.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g)) {
  ran += Number(passed) + Number(failed);
  skipped += Number(ignored);
}
const tap = (name) => [...log.matchAll(new RegExp(`^# ${name} (\\d+)$`, "gm"))].reduce((sum, m) => sum + Number(m[1]), 0);
ran += tap("tests") - tap("skipped") - tap("todo");
skipped += tap("skipped") + tap("todo");

const expected = recorded.get(layer);
const problems = [];
if (skipped > 0) problems.push(`${skipped} test(s) skipped or ignored: every test runs`);
if (ran !== expected) {
  problems.push(
    ran < expected
      ? `${ran} tests ran, ${expected} are recorded: ${expected - ran} no longer run`
      : `${ran} tests ran, ${expected} are recorded: record the new count in tests/test-counts.txt`,
  );
}
if (problems.length > 0) {
  console.error(`test-counts (${layer}): ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`test-counts (${layer}): ${ran} tests ran, as recorded`);
