#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests.
#
#   scripts/pg.sh start DIR   # prints one line: a libpq conninfo
#   scripts/pg.sh stop DIR
#
# Typical use:
#   dir=$(mktemp -d /tmp/trm-pg.XXXXXX)
#   export TRM_TEST_PG=$(scripts/pg.sh start "$dir")
#   ...; scripts/pg.sh stop "$dir"; rm -rf "$dir"
#
# DIR holds the cluster (DIR/data), its socket and log (DIR/postgres.log).
# PostgreSQL refuses to run as root, so under root the server runs as the
# `postgres` user (DIR is handed to it); otherwise as the calling user.
# Durability is switched off (fsync=off): the data is thrown away anyway.
# Everything but the conninfo goes to stderr, so that $(...) captures it.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

die() {
  echo "pg.sh: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}

# Runs a command as the user who owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

check_binaries() {
  local b
  for b in initdb pg_ctl createdb; do
    [[ -x $PG_BIN/$b ]] ||
      die "$PG_BIN/$b not found: install PostgreSQL 15 (apt-get install postgresql-15) or set PG_BIN"
  done
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
  fi
}

# A TCP port on 127.0.0.1 that nothing answers on now. Racy by nature:
# start() retries with another port if the server cannot bind it.
pick_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1"
}

# pg_ctl hands these to a shell: keep them on one line, no quotes.
server_options() {
  echo "-p $1 -k $2 -c listen_addresses=127.0.0.1 -c fsync=off" \
    "-c synchronous_commit=off -c full_page_writes=off"
}

start() {
  local dir=$1
  check_binaries
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ -e $dir/data ]]; then
    die "$dir/data already exists: stop that server and use a fresh DIR"
  fi
  chmod 755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
  fi
  as_owner test -w "$dir" ||
    die "the server's user cannot write $dir: every parent folder must be traversable (chmod 755)"

  as_owner "$PG_BIN/initdb" -D "$dir/data" -A trust -U trm -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  }

  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(pick_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "$(server_options "$port" "$dir")" start >/dev/null; then
      echo "$port" >"$dir/port"
      as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U trm trm_test ||
        die "createdb failed; see $dir/postgres.log"
      echo "host=127.0.0.1 port=$port user=trm dbname=trm_test"
      return 0
    fi
    echo "pg.sh: start on port $port failed (attempt $attempt), retrying" >&2
  done
  tail -n 20 "$dir/postgres.log" >&2 || true
  die "the server did not start; see $dir/postgres.log"
}

stop() {
  local dir=$1
  [[ -d $dir/data ]] || die "no cluster in $dir/data"
  [[ -x $PG_BIN/pg_ctl ]] || die "$PG_BIN/pg_ctl not found"
  if ! as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo "pg.sh: server in $dir is not running" >&2
    return 0
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

[[ $# -eq 2 ]] || usage
case $1 in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
