#!/usr/bin/env bash
# Installs what the build (`serve`), the test suite (`test`) or the local sync server (`sync`:
# only the Python virtualenv .sync-venv with Kinto) needs and is missing.
# Idempotent: every tool already present at the right version is skipped.
# Stops with a message naming the missing package when it cannot install it.
set -euo pipefail
mode="${1:-serve}"
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
# Splits the release wasm into the main module and the chunks of the pages loaded on demand.
WASM_SPLIT_VERSION="0.2.4"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31msetup: %s\033[0m\n' "$*" >&2; exit 1; }

# The sync server (Kinto on PostgreSQL) for scripts/sync-server.sh and the tests/sync suite:
# a virtualenv at the repository root, Kinto pinned.
sync_venv() {
  local venv=".sync-venv" spec="kinto[postgresql]==$KINTO_VERSION"
  if [ -x "$venv/bin/python" ] \
    && [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("kinto"))' 2>/dev/null)" = "$KINTO_VERSION" ] \
    && "$venv/bin/python" -c 'import psycopg2, sqlalchemy' 2>/dev/null; then
    say "kinto $KINTO_VERSION present (.sync-venv)"
    return 0
  fi
  command -v python3 >/dev/null || die "python3 is missing: it is needed for the package $spec (Debian packages: python3 python3-venv)."
  if [ ! -x "$venv/bin/pip" ]; then
    say "creating the virtualenv .sync-venv"
    python3 -m venv "$venv" || die "python3 -m venv failed: cannot install the package $spec (Debian package: python3-venv)."
  fi
  say "installing $spec into .sync-venv (a minute)"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec" \
    || die "pip could not install the package $spec into .sync-venv."
}
KINTO_VERSION="26.5.0"

# Kinto's virtualenv, the PostgreSQL server (initdb, pg_ctl) and curl for scripts/sync-server.sh.
sync_deps() {
  sync_venv
  if { ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; } \
    && command -v psql >/dev/null && command -v curl >/dev/null; then
    say "PostgreSQL server and curl present"
  else
    [ "$(id -u)" = "0" ] || die "Debian packages postgresql and curl are missing; run as root or: sudo apt-get install postgresql curl"
    say "installing Debian packages postgresql curl"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed: cannot install postgresql curl."
    apt-get install -y -qq postgresql curl >/dev/null || die "could not install the Debian packages postgresql curl."
  fi
}

if [ "$mode" = "sync" ]; then
  sync_deps
  say "ready (sync)"
  exit 0
fi

command -v cargo >/dev/null || die "Rust is missing: install rustup and the stable toolchain (package: rustup), then retry."
command -v rustup >/dev/null || die "rustup is missing: it is needed to add the wasm32-unknown-unknown target (package: rustup)."
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js and npm are missing (Debian packages: nodejs npm)."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || die "could not add the target wasm32-unknown-unknown (rustup target add wasm32-unknown-unknown)."
fi

if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION present"
else
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked || die "could not install the crate trunk $TRUNK_VERSION from crates.io."
fi

# The CLI must match the wasm-bindgen crate version locked in Cargo.lock exactly.
wb_version="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_version" ] || die "Cargo.lock names no wasm-bindgen version."
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb_version"; then
  say "wasm-bindgen-cli $wb_version present"
else
  say "installing wasm-bindgen-cli $wb_version (a few minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --locked \
    || cargo install wasm-bindgen-cli --version "$wb_version" \
    || die "could not install the crate wasm-bindgen-cli $wb_version from crates.io."
fi

if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && command -v wasm-split-cli >/dev/null; then
  say "wasm-split-cli $WASM_SPLIT_VERSION present"
else
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked \
    || die "could not install the crate wasm_split_cli_support $WASM_SPLIT_VERSION (feature build-binary) from crates.io."
fi

if [ "$mode" = "test" ]; then
  sync_deps
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "chromium and chromedriver present"
  else
    [ "$(id -u)" = "0" ] || die "Debian packages chromium and chromium-driver are missing; run as root or: sudo apt-get install chromium chromium-driver"
    say "installing Debian packages chromium chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed: cannot install chromium chromium-driver."
    apt-get install -y -qq chromium chromium-driver >/dev/null || die "could not install the Debian packages chromium chromium-driver."
  fi
fi

# npm packages: binaryen (wasm-opt for the release build) and the end-to-end test tools.
# Reinstalled only when package-lock.json changed since the last install.
stamp="node_modules/.materiotheque-lock.sha256"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ] && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm packages present"
else
  say "installing npm packages (binaryen, playwright-core, @axe-core/playwright, ical.js, jsqr)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed: could not install the npm packages binaryen, playwright-core, @axe-core/playwright, ical.js, jsqr."
  echo "$lock_sum" > "$stamp"
fi
wasm-opt --version >/dev/null 2>&1 || die "wasm-opt from the npm package binaryen does not run."
say "ready ($mode)"
