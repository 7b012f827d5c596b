#!/usr/bin/env bash
# Builds the release and serves it on http://127.0.0.1:8080 (SPA fallback included).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
# Trunk refuses to watch with an ignore path (Trunk.toml) that does not exist yet.
mkdir -p target dist
exec trunk serve --release --offline --skip-version-check --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}" "$@"
