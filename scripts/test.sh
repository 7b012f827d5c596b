#!/usr/bin/env bash
# Runs every test layer: domain purity check, native tests, browser tests (headless Chromium),
# release builds at / and /pret/ with the size budget, and the end-to-end suite on both.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1;34m== %s\033[0m\n' "$*"; }
started=$SECONDS
logs="$(mktemp -d "${TMPDIR:-/tmp}/materiotheque-test-logs.XXXXXX")"

# Runs a test layer, keeping its output, then checks its count of tests against the record in
# tests/test-counts.txt (scripts/test-counts.mjs): fewer tests, or a skipped one, fails the run.
counted() {
  local layer="$1"
  shift
  "$@" 2>&1 | tee "$logs/$layer.log"
  node scripts/test-counts.mjs "$layer" "$logs/$layer.log"
}

step "domain purity: src/domain uses no web crate and never reads the clock"
if grep -rnE '(^|[^a-z_])(leptos|web_sys|js_sys|wasm_bindgen|gloo[a-z_]*)::|(Utc|Local)::now|SystemTime::now|Instant::now|Date::now' src/domain; then
  echo "src/domain must stay pure (see above)" >&2
  exit 1
fi
echo "ok"

step "native tests (cargo test)"
counted native cargo test --locked --quiet

step "benchmarks compile, so they cannot rot"
# With the test profile: the same code as `cargo bench --no-run` (8 minutes of release builds
# here), checked in seconds with the dependencies the tests built. `make bench` runs them.
cargo build --locked --benches --quiet

step "translation table for the end-to-end suite"
mkdir -p target
cargo run --locked --quiet --example i18n_table > target/i18n-table.json

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" \
WASM_BINDGEN_TEST_TIMEOUT=120 \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  counted browser cargo test --locked --target wasm32-unknown-unknown --test browser --test date_picker --test teacher --test storage --test coordinator

trunk_build() {
  trunk build --release --offline --skip-version-check --locked "$@"
}
step "release build at /"
trunk_build --dist dist --public-url /
step "release build under /pret/"
trunk_build --dist dist-pret --public-url /pret/

step "size budget"
# Budgets (brotli): 273.5 kB for the first load, 120 kB for what one page adds when first opened
# (142 kB for the settings page, 125 kB for the sync engine), 292 kB for the coordinator's
# workspace (all its pages, one chunk). The first load was 200 kB until the teacher experience (issue 4), 240 kB until the
# coordinator workspace (issue 6), 250 kB and 90 kB a page until the exchange (issue 12), 255,
# 100, 120 and 270 kB until the live sync (issue 13), 262, 110, 137, 280 and 120 kB until the
# polish of issue 14, 270 kB until the form toolkit of issue 15 (on the first screen with the
# catalogue's filters), 276 kB until the typed messages of issue 15 took the workspace's
# messages out of the first load (while the catalogue's keyed list came in): see
# docs/measurements.md.
node scripts/size-report.mjs dist 273500 120000 coordinator=292000 settings=142000 sync_engine=125000

step "sync server tests (Kinto on PostgreSQL: permissions, isolation, proxy)"
# One server for the whole run, its settings exported (KINTO_URL, SYNC_DIR, SYNC_ADMIN,
# SYNC_COORDINATOR...): tests/sync/kinto.mjs reuses it instead of starting its own.
sync_dir="$(mktemp -d "${TMPDIR:-/tmp}/materiotheque-sync.XXXXXX")"
trap 'scripts/sync-server.sh stop "$sync_dir" >/dev/null 2>&1 || true' EXIT
scripts/sync-server.sh start "$sync_dir" >/dev/null
set -a
# shellcheck disable=SC1091
. "$sync_dir/env"
set +a
counted sync node --test --test-concurrency=1 tests/sync/*.test.mjs

step "end-to-end tests at /"
E2E_DIST=dist E2E_BASE=/ counted e2e node --test --test-concurrency=1 tests/e2e/*.test.mjs
step "end-to-end tests under /pret/: what depends on the deployment path"
# Deep links, the 404 page, the manifest and the worker's scope, offline use, the update
# prompt, the published catalogue, and the addresses in links and QR codes: the other files do
# not depend on the base path and run at / only.
E2E_DIST=dist-pret E2E_BASE=/pret/ counted e2e-pret node --test --test-concurrency=1 tests/e2e/base-path.test.mjs

step "all test layers passed in $((SECONDS - started)) s"
