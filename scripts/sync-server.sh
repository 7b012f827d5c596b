#!/usr/bin/env bash
# A local sync server for development and tests: Kinto on its own PostgreSQL cluster, both on
# 127.0.0.1 and free ports, everything (data, logs, settings, credentials) in one directory.
#
#   scripts/sync-server.sh start [DIR]       new cluster + Kinto + layout; prints DIR/env
#   scripts/sync-server.sh stop DIR          stops both and removes DIR
#   scripts/sync-server.sh stop-kinto DIR    outage simulation: Kinto down, PostgreSQL up
#   scripts/sync-server.sh start-kinto DIR   Kinto up again on the same port
#   scripts/sync-server.sh restart-postgres DIR   pg_ctl restart -m fast (drops connections)
#
# Needs the virtualenv of `scripts/setup.sh sync` (.sync-venv) and the PostgreSQL server
# binaries (Debian: postgresql-15). Run as root, the cluster is run as the `postgres` user.
# Environment (start):
#   SYNC_CORS_ORIGIN            allowed origins (Kinto `cors_origins`), default `*` (local only)
#   SYNC_COORDINATOR            first coordinator account, default `coordinateur` (or user:password)
#   SYNC_COORDINATOR_PASSWORD   its password, default random
#   SYNC_ACCOUNT_CACHE_TTL      seconds a verified password stays cached (default 3600)
#   SYNC_SERVER                 waitress (default) or gunicorn (if installed in the venv)
#   SYNC_WORKERS                waitress threads (default 8) or gunicorn processes (default 2)
#   SYNC_THREADS                gunicorn threads per process (default 4)
#   SYNC_ISOLATION              default_transaction_isolation of the kinto database:
#                               serializable (default) or "repeatable read" (see docs/sync-server.md)
#   SYNC_LOG_LEVEL              Kinto log level, default WARNING (INFO logs every request)
#   SYNC_PGBIN                  PostgreSQL binaries, default the newest /usr/lib/postgresql/*/bin
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SYNC_VENV:-$repo/.sync-venv}"

say() { printf '\033[1msync-server:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31msync-server: %s\033[0m\n' "$*" >&2; exit 1; }
usage() { sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

pgbin="${SYNC_PGBIN:-}"
if [ -z "$pgbin" ]; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$pgbin" ] || pgbin="$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")"
fi

# The cluster refuses to run as root: as root, every PostgreSQL command runs as `postgres`.
as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

random_secret() {
  python3 -c 'import secrets; print(secrets.token_hex(16))'
}

# Shell single quotes, so that DIR/env can be sourced whatever the password holds.
shq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

need_dir() {
  [ -n "${1:-}" ] || usage
  [ -f "$1/kinto.ini" ] && [ -d "$1/pg" ] || die "$1 is not a sync server directory (no kinto.ini or pg/)."
  dir="$(cd "$1" && pwd)"
  # shellcheck disable=SC1091
  . "$dir/ports"
}

kinto_alive() {
  [ -f "$dir/kinto.pid" ] && kill -0 "$(cat "$dir/kinto.pid")" 2>/dev/null
}

wait_heartbeat() {
  local i
  for i in $(seq 1 150); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$KINTO_PORT/v1/__heartbeat__" 2>/dev/null; then
      return 0
    fi
    if ! kinto_alive; then
      tail -n 30 "$dir/kinto.log" >&2 || true
      die "Kinto stopped during start-up (log: $dir/kinto.log)."
    fi
    sleep 0.1
  done
  tail -n 30 "$dir/kinto.log" >&2 || true
  die "Kinto did not answer its heartbeat in 15 s (log: $dir/kinto.log)."
}

start_kinto() {
  if kinto_alive; then
    say "Kinto already running (pid $(cat "$dir/kinto.pid"))"
    return 0
  fi
  local server="${SYNC_SERVER:-waitress}" cmd
  [ -f "$dir/server" ] && server="$(cat "$dir/server")"
  if [ "$server" = "gunicorn" ]; then
    [ -x "$venv/bin/gunicorn" ] || die "SYNC_SERVER=gunicorn but gunicorn is not installed in $venv (pip install gunicorn)."
    # Several processes (the GIL limits one to about one core), each with a few threads.
    cmd=("$venv/bin/gunicorn" --paste "$dir/kinto.ini" --bind "127.0.0.1:$KINTO_PORT"
      --workers "$(cat "$dir/workers")" --threads "${SYNC_THREADS:-4}" --graceful-timeout 5)
  else
    cmd=("$venv/bin/pserve" "$dir/kinto.ini")
  fi
  # Its own session (process group), so that stop-kinto ends it and its workers, nothing else.
  setsid "${cmd[@]}" >>"$dir/kinto.log" 2>&1 </dev/null &
  echo $! >"$dir/kinto.pid"
  wait_heartbeat
  say "Kinto up on http://127.0.0.1:$KINTO_PORT/v1 (pid $(cat "$dir/kinto.pid"))"
}

stop_kinto() {
  if ! kinto_alive; then
    rm -f "$dir/kinto.pid"
    return 0
  fi
  local pid i
  pid="$(cat "$dir/kinto.pid")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  # Waitress waits for idle keep-alive connections: killed after 1 s.
  for i in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  # Wait until the port is free, so that start-kinto can bind it again at once.
  for i in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$KINTO_PORT/" 2>/dev/null || break
    sleep 0.05
  done
  rm -f "$dir/kinto.pid"
  say "Kinto stopped"
}

pg_ctl_() { as_pg "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" "$@"; }

psql_() {
  as_pg "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$PG_PORT" -U postgres "$@"
}

cmd_start() {
  [ -x "$venv/bin/kinto" ] || die "no Kinto in $venv: run scripts/setup.sh sync first (package kinto[postgresql])."
  [ -x "$pgbin/initdb" ] || die "PostgreSQL server binaries not found (looked in $pgbin; Debian package postgresql-15, or set SYNC_PGBIN)."
  command -v curl >/dev/null || die "curl is missing (Debian package curl)."
  if [ -n "${1:-}" ]; then
    mkdir -p "$1"
    [ -z "$(ls -A "$1")" ] || die "$1 is not empty: give a new or empty directory."
    dir="$(cd "$1" && pwd)"
  else
    dir="$(mktemp -d "${TMPDIR:-/tmp}/materiotheque-sync.XXXXXX")"
  fi
  # A failed start leaves nothing running, and an empty directory (kept if it was given).
  local given="${1:-}"
  trap 'failed_start "$given"' EXIT
  local coordinator="${SYNC_COORDINATOR:-coordinateur}" coordinator_pw="${SYNC_COORDINATOR_PASSWORD:-}"
  # SYNC_COORDINATOR may also be the user:password pair of a sourced DIR/env.
  if [[ "$coordinator" == *:* ]]; then
    coordinator_pw="${coordinator_pw:-${coordinator#*:}}"
    coordinator="${coordinator%%:*}"
  fi
  coordinator_pw="${coordinator_pw:-$(random_secret)}"
  local admin_pw db_pw secret server workers
  admin_pw="$(random_secret)"
  db_pw="$(random_secret)"
  secret="$(random_secret)"
  python3 -c 'import re, sys; sys.exit(0 if re.match(r"^[a-zA-Z0-9][+.@a-zA-Z0-9_-]*$", sys.argv[1]) else 1)' \
    "$coordinator" || die "invalid account id '$coordinator' (Kinto accepts ^[a-zA-Z0-9][+.@a-zA-Z0-9_-]*\$)."
  local isolation="${SYNC_ISOLATION:-serializable}"
  case "$isolation" in
    serializable|"repeatable read") ;;
    *) die "SYNC_ISOLATION must be serializable or 'repeatable read' (read committed loses updates under If-Match)." ;;
  esac
  server="${SYNC_SERVER:-waitress}"
  case "$server" in
    waitress) workers="${SYNC_WORKERS:-8}" ;;
    gunicorn) workers="${SYNC_WORKERS:-2}" ;;
    *) die "SYNC_SERVER must be waitress or gunicorn, not '$server'." ;;
  esac
  echo "$server" >"$dir/server"
  echo "$workers" >"$dir/workers"

  # The data directory and the unix socket belong to the cluster's user; the directory stays
  # private (0700): its socket accepts local connections without a password.
  if [ "$(id -u)" = "0" ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_pg test -w "$dir" || die "the postgres user cannot write into $dir (a parent directory is private): use a directory under /tmp."

  PG_PORT="$(free_port)"
  KINTO_PORT="$(free_port)"
  while [ "$KINTO_PORT" = "$PG_PORT" ]; do KINTO_PORT="$(free_port)"; done
  printf 'PG_PORT=%s\nKINTO_PORT=%s\n' "$PG_PORT" "$KINTO_PORT" >"$dir/ports"

  say "PostgreSQL cluster in $dir/pg, port $PG_PORT"
  as_pg "$pgbin/initdb" -D "$dir/pg" -U postgres -E UTF8 --no-locale --no-sync \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed."; }
  as_pg sh -c "cat >>'$dir/pg/postgresql.conf'" <<EOF

# materiotheque sync-server.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$dir'
EOF
  pg_ctl_ -w start >/dev/null || { tail -n 20 "$dir/pg.log" >&2; die "PostgreSQL did not start."; }
  psql_ -d postgres <<EOF
CREATE ROLE kinto LOGIN PASSWORD '$db_pw';
CREATE DATABASE kinto OWNER kinto;
-- Under the default (read committed), two concurrent writes with the same If-Match can both
-- succeed: a lost update.
ALTER DATABASE kinto SET default_transaction_isolation = '$isolation';
EOF

  local db_url="postgresql://kinto:$db_pw@127.0.0.1:$PG_PORT/kinto"
  local group="/buckets/materiotheque/groups/coordinators"
  (umask 077 && cat >"$dir/kinto.ini" <<EOF
# Written by scripts/sync-server.sh for a local server: see docs/sync-server.md for production.
[server:main]
use = egg:waitress#main
host = 127.0.0.1
port = $KINTO_PORT
threads = $workers

[app:main]
use = egg:kinto
kinto.includes = kinto.plugins.accounts kinto.plugins.history
# The history names the account behind every write: coordinators take a teacher's requests in
# as that account's, whatever the requests say. Only the requests are worth a history (the pool,
# answers and catalogue are whole documents rewritten on every change).
kinto.history.exclude_resources = /buckets/materiotheque/collections/pool /buckets/materiotheque/collections/answers /buckets/materiotheque/collections/catalogue

kinto.storage_backend = kinto.core.storage.postgresql
kinto.storage_url = $db_url
kinto.cache_backend = kinto.core.cache.postgresql
kinto.cache_url = $db_url
kinto.permission_backend = kinto.core.permission.postgresql
kinto.permission_url = $db_url
# The account cache is written by nearly every request (a verified password's ttl refreshed):
# under the database's serializable default, two requests of one account at once fail (500).
# It needs no serializability: read committed for its connections only.
kinto.cache_isolation_level = READ COMMITTED
kinto.storage_pool_size = 10
kinto.cache_pool_size = 10
kinto.permission_pool_size = 10

kinto.userid_hmac_secret = $secret
multiauth.policies = account
multiauth.policy.account.use = kinto.plugins.accounts.AccountsPolicy
# Accounts are created by the administrator and the coordinators (a group principal), never
# by anonymous sign-up. Kinto makes whoever may create accounts for others an account
# administrator: coordinators can also read, change and delete any account.
kinto.account_create_principals = account:admin $group
kinto.account_write_principals = account:admin $group
kinto.account_read_principals = account:admin $group
# A verified password is cached (in PostgreSQL) instead of a bcrypt check (~0.23 s of CPU)
# on every request; the cache entry is dropped when the account changes.
kinto.account_cache_ttl_seconds = ${SYNC_ACCOUNT_CACHE_TTL:-3600}
kinto.bucket_create_principals = account:admin

kinto.cors_origins = ${SYNC_CORS_ORIGIN:-*}

[loggers]
keys = root, kinto

[handlers]
keys = console

[formatters]
keys = plain

[logger_root]
level = ${SYNC_LOG_LEVEL:-WARNING}
handlers = console

[logger_kinto]
level = ${SYNC_LOG_LEVEL:-WARNING}
handlers = console
qualname = kinto
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = plain

[formatter_plain]
format = %(asctime)s %(levelname)s %(name)s %(message)s
EOF
  )

  say "Kinto schema (kinto migrate)"
  "$venv/bin/kinto" migrate --ini "$dir/kinto.ini" -q >>"$dir/kinto.log" 2>&1 \
    || { tail -n 20 "$dir/kinto.log" >&2; die "kinto migrate failed."; }
  "$venv/bin/kinto" create-user --ini "$dir/kinto.ini" -q -u admin -p "$admin_pw" >>"$dir/kinto.log" 2>&1 \
    || { tail -n 20 "$dir/kinto.log" >&2; die "kinto create-user admin failed."; }

  start_kinto
  local url="http://127.0.0.1:$KINTO_PORT/v1"
  local body status
  body="$(python3 -c 'import json, sys; print(json.dumps({"data": {"password": sys.argv[1]}}))' "$coordinator_pw")"
  status="$(curl -sS -o "$dir/curl.out" -w '%{http_code}' -u "admin:$admin_pw" -X PUT \
    -H 'Content-Type: application/json' --data-binary "$body" "$url/accounts/$coordinator")"
  case "$status" in 200|201) ;; *) cat "$dir/curl.out" >&2; die "could not create the account $coordinator ($status)." ;; esac
  rm -f "$dir/curl.out"
  python3 "$repo/scripts/sync_layout.py" --server "$url" --auth "admin:$admin_pw" --coordinator "$coordinator" >&2

  (umask 077 && {
    echo "SYNC_DIR=$(shq "$dir")"
    echo "KINTO_URL=$(shq "$url")"
    echo "KINTO_PORT=$KINTO_PORT"
    echo "PG_PORT=$PG_PORT"
    echo "SYNC_ADMIN=$(shq "admin:$admin_pw")"
    echo "SYNC_COORDINATOR=$(shq "$coordinator:$coordinator_pw")"
  } >"$dir/env")
  cat "$dir/env"
  say "ready: $url (coordinator $coordinator). Settings above, also in $dir/env (set -a; . $dir/env)."
  say "stop with: scripts/sync-server.sh stop $dir"
  trap - EXIT
}

failed_start() {
  local status=$?
  [ "$status" != 0 ] || return 0
  stop_kinto >/dev/null 2>&1 || true
  if [ -f "$dir/pg/postmaster.pid" ]; then
    pg_ctl_ -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$1" ]; then
    find "$dir" -mindepth 1 -delete 2>/dev/null || true
  else
    rm -rf -- "$dir"
  fi
  say "start failed: nothing left running${1:+, $dir emptied}"
  exit "$status"
}

cmd_stop() {
  need_dir "${1:-}"
  stop_kinto
  if [ -f "$dir/pg/postmaster.pid" ]; then
    if ! pg_ctl_ -m fast -w stop >/dev/null; then
      local pid
      pid="$(head -n 1 "$dir/pg/postmaster.pid")"
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        die "pg_ctl stop failed and PostgreSQL (pid $pid) still runs: $dir kept (log: $dir/pg.log)."
      fi
    fi
  fi
  rm -rf -- "$dir"
  say "stopped, $dir removed"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  stop-kinto) need_dir "${2:-}"; stop_kinto ;;
  start-kinto) need_dir "${2:-}"; start_kinto ;;
  restart-postgres) need_dir "${2:-}"; pg_ctl_ -m fast -w restart >/dev/null; say "PostgreSQL restarted" ;;
  *) usage ;;
esac
