# The two commands of the README. Both install what is missing first (idempotent).
# `make sync-server` starts a local sync server (Kinto on PostgreSQL) for development.
.PHONY: serve test setup-serve setup-test bench sync-server setup-sync first-visit

serve: setup-serve
	scripts/serve.sh

test: setup-test
	scripts/test.sh

# The benchmarks with their budgets (docs/measurements.md); `make test` only compiles them.
bench:
	CARGO_BUILD_JOBS=1 cargo bench --locked --bench availability
	CARGO_BUILD_JOBS=1 cargo bench --locked --bench storage -- --quick

setup-serve:
	scripts/setup.sh serve

setup-test:
	scripts/setup.sh test

# Starts in the background, prints its settings (DIR/env) and how to stop it.
# SYNC_SERVER_DIR=/some/empty/dir to choose where; see scripts/sync-server.sh for the options.
sync-server: setup-sync
	scripts/sync-server.sh start $(SYNC_SERVER_DIR)

setup-sync:
	scripts/setup.sh sync

# Builds the release and measures a first visit and the metropolitan pool under Lighthouse's
# mobile profile, beside a plain HTML page (scripts/first-visit.mjs; RUNS=N, default 5).
first-visit: setup-test
	PATH="$${CARGO_HOME:-$$HOME/.cargo}/bin:$$PWD/node_modules/.bin:$$PATH" \
	  trunk build --release --offline --skip-version-check --locked --dist dist --public-url /
	PATH="$${CARGO_HOME:-$$HOME/.cargo}/bin:$$PWD/node_modules/.bin:$$PATH" \
	  node scripts/first-visit.mjs dist --runs $(or $(RUNS),5)
