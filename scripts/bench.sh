#!/usr/bin/env bash
# `make bench`: load-test the API on SQLite and, in the same run, the machine's
# ceilings, then print absolute rates, latencies and ratios.
#
#   GET one case    (trm)  vs  nginx, 1 worker, a static JSON body of the same size
#   list cases      (trm)  vs  nginx, 1 worker, a static JSON body of the same size
#   create a case   (trm)  vs  a bare SQLite loop, one row per durable transaction
#
# Goals (the issue): reads >= 0.5 x nginx; writes >= 0.8 x bare SQLite, with
# audit and encryption included.
#
# The reads are measured twice: as served, where a repeated read is answered
# from the answer cache while nothing has changed, and "cold", on a server
# started with --answer-cache-mb 0, where every read is built afresh.
#
# Everything runs on 127.0.0.1, every step is bounded in time, and every
# process started here is stopped by its id on exit. The machine is shared, so
# the measurements are interleaved in rounds (ceiling, then ours, side by side)
# and the table shows the median over rounds with the spread of the ratios.
#
# Settings (environment):
#   BENCH_DURATION=10     seconds per wrk run
#   BENCH_ROUNDS=3        rounds of all measurements
#   BENCH_WRK_THREADS=2   wrk threads        } as in /work/shared/PLATFORM-NOTES.md,
#   BENCH_CONNECTIONS=32  wrk connections    } where the ceilings were first measured
#   BENCH_TRM_THREADS=32  `trm serve --threads` (the server's default)
#   BENCH_CASES=2000      demo cases in the database
#   BENCH_SQLITE_SECONDS=5  seconds per bare SQLite loop
#   BENCH_GROUP=16        rows per commit for the group-commit reference loop
#   BENCH_BUILD_DIR=build where build/trm is (configured RelWithDebInfo if new)
#
# The req/fsync column needs `perf` (Debian: linux-perf) allowed to count
# system calls; without it the column shows "-". Results, raw wrk output and
# logs stay in bench/out/run.*/ (git-ignored); the databases are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DURATION=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-3}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-32}
TRM_THREADS=${BENCH_TRM_THREADS:-32}
CASES=${BENCH_CASES:-2000}
SQLITE_SECONDS=${BENCH_SQLITE_SECONDS:-5}
GROUP=${BENCH_GROUP:-16}
BUILD_DIR=${BENCH_BUILD_DIR:-build}
WARMUP=2
USERNAME=th-shelter-caseworker
PASSWORD=demo-pass-2026

for v in DURATION ROUNDS WRK_THREADS CONNS TRM_THREADS CASES SQLITE_SECONDS GROUP; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -ge 1 ] || { echo "bench: $v must be a positive whole number" >&2; exit 2; }
done
[ "$DURATION" -le 120 ] && [ "$SQLITE_SECONDS" -le 120 ] && [ "$ROUNDS" -le 20 ] ||
  { echo "bench: durations are capped at 120 s and rounds at 20" >&2; exit 2; }

# --- Debian packages -------------------------------------------------------
packages=(build-essential cmake pkg-config libboost-dev libsqlite3-dev sqlite3 libpq-dev
          libsodium-dev libicu-dev nlohmann-json3-dev libcli11-dev
          wrk nginx-light curl python3 procps)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nginx-light, nginx-core or nginx: any of them gives /usr/sbin/nginx.
if [ -x /usr/sbin/nginx ]; then
  missing=("${missing[@]/nginx-light}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "bench: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "bench: installing ${missing[*]}"
  timeout 300 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
NGINX=/usr/sbin/nginx

# --- Build -----------------------------------------------------------------
mkdir -p bench/out
build_log=$ROOT/bench/out/build.log
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build_log" 2>&1 ||
    { cat "$build_log" >&2; exit 1; }
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt")
case "$build_type" in
  Release|RelWithDebInfo) ;;
  *) echo "bench: $BUILD_DIR is a '$build_type' build; benchmark an optimised one" \
          "(BENCH_BUILD_DIR=... or cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo)" >&2; exit 1 ;;
esac
# Others may be editing the tree: when the rebuild fails but a binary is there,
# say so and benchmark that binary.
if ! cmake --build "$BUILD_DIR" -j"$(nproc)" --target trm >"$build_log" 2>&1; then
  [ -x "$BUILD_DIR/trm" ] || { cat "$build_log" >&2; exit 1; }
  echo "bench: rebuilding trm failed (see bench/out/build.log); using the existing $BUILD_DIR/trm" >&2
fi
TRM=$ROOT/$BUILD_DIR/trm

CEILING=$ROOT/bench/out/sqlite_ceiling
if [ ! -x "$CEILING" ] || [ bench/sqlite_ceiling.cc -nt "$CEILING" ]; then
  g++ -O2 -std=c++20 -Wall -Wextra -o "$CEILING" bench/sqlite_ceiling.cc -lsqlite3
fi

# --- Run folder and clean-up ---------------------------------------------------
# Under bench/out (git-ignored), on the same disk as the repository: /tmp may
# be a tmpfs elsewhere, where fsync costs nothing and the ceiling would lie.
RUN=$(mktemp -d "$ROOT/bench/out/run.XXXXXX")
chmod 755 "$RUN"
TRM_PID=
NGINX_PID=
PERF_PID=

stop_pid() {  # pid: TERM, wait up to 5 s, then KILL
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  { wait "$pid"; } 2>/dev/null || true
}
cleanup() {
  stop_pid "$PERF_PID"
  stop_pid "$TRM_PID"
  stop_pid "$NGINX_PID"
  rm -rf "$RUN/data" "$RUN/template" "$RUN"/ceiling.db* "$RUN"/nginx-body "$RUN"/nginx-proxy \
         "$RUN"/nginx-fastcgi "$RUN"/nginx-uwsgi "$RUN"/nginx-scgi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

# --- The server under test ---------------------------------------------------
# The demo database is made once; every round starts the server on a fresh
# copy of it, so that no round measures a database grown by the one before
# (a create run adds tens of thousands of cases, and listing scans them all).
"$TRM" demo --data "$RUN/template" --cases "$CASES" >"$RUN/demo.log"
TRM_URL=
TOKEN=
start_trm() {  # label [more trm serve options]
  local label=$1; shift
  stop_pid "$TRM_PID"; TRM_PID=
  rm -rf "$RUN/data"
  cp -a "$RUN/template" "$RUN/data"
  local log=$RUN/trm.$label.log port=
  : >"$log"
  "$TRM" serve --data "$RUN/data" --address 127.0.0.1 --port 0 --web '' \
    --threads "$TRM_THREADS" "$@" >"$log" 2>&1 &
  TRM_PID=$!
  for _ in $(seq 100); do
    port=$(sed -n 's|^OpenTRM serving on http://127.0.0.1:\([0-9]*\)$|\1|p' "$log" || true)
    [ -n "$port" ] && break
    kill -0 "$TRM_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "bench: trm did not start:" >&2; cat "$log" >&2; exit 1; }
  TRM_URL=http://127.0.0.1:$port
  TOKEN=$(curl_trm -X POST "$TRM_URL/api/v1/auth/sign-in" -H 'Content-Type: application/json' \
            -d "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  [ -n "$TOKEN" ] || { echo "bench: could not sign in as $USERNAME" >&2; exit 1; }
  export TRM_TOKEN=$TOKEN
}
curl_trm() { curl -sS --max-time 10 "$@"; }

start_trm setup
# The first 50 cases the user sees: the GET run rotates over them.
CASE_IDS=$(curl_trm "$TRM_URL/api/v1/cases?page_size=50" -H "Authorization: Bearer $TOKEN" |
           python3 -c 'import json,sys; print(",".join(str(c["id"]) for c in json.load(sys.stdin)["items"]))')
[ -n "$CASE_IDS" ] || { echo "bench: $USERNAME sees no cases" >&2; exit 1; }
VISIBLE=$(curl_trm "$TRM_URL/api/v1/cases?page_size=1" -H "Authorization: Bearer $TOKEN" |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

# --- Static bodies of the same size for nginx -----------------------------------------
mkdir -p "$RUN/www"
for id in ${CASE_IDS//,/ }; do
  curl_trm "$TRM_URL/api/v1/cases/$id" -H "Authorization: Bearer $TOKEN" -o "$RUN/www/case-$id.json"
done
curl_trm "$TRM_URL/api/v1/cases?page_size=20" -H "Authorization: Bearer $TOKEN" -o "$RUN/www/list.json"
# case.json: a real response padded with spaces (still valid JSON) to the mean
# size of the responses the GET run rotates over.
python3 - "$RUN/www" "$CASE_IDS" <<'EOF'
import os, sys
www, ids = sys.argv[1], sys.argv[2].split(",")
bodies = [open(f"{www}/case-{i}.json", "rb").read() for i in ids]
mean = round(sum(map(len, bodies)) / len(bodies))
first = bodies[0].rstrip()
open(f"{www}/case.json", "wb").write(first + b" " * max(0, mean - len(first)))
for i in ids: os.remove(f"{www}/case-{i}.json")
EOF
CASE_BYTES=$(stat -c %s "$RUN/www/case.json")
LIST_BYTES=$(stat -c %s "$RUN/www/list.json")

# The bare SQLite row: the size of a case row (encrypted person, reference,
# status, 8 integers), its case_team row and its audit row, averaged over the
# benchmark database.
ROW_BYTES=$(sqlite3 "file:$RUN/data/trm.db?mode=ro" "SELECT CAST(
  (SELECT avg(length(person) + length(reference) + length(status) + 64) FROM cases) + 16 +
  (SELECT avg(length(action) + length(record_type) + length(record_id) + length(ip) +
              length(detail) + length(prev_hash) + length(hash) + 32) FROM audit_log) AS INTEGER)")

# --- nginx ---------------------------------------------------------------------
NGINX_PORT=$(free_port)
user_line=
[ "$(id -u)" = 0 ] && user_line="user root root;"
sed -e "s|@PORT@|$NGINX_PORT|g" -e "s|@PREFIX@|$RUN|g" -e "s|@ROOT@|$RUN/www|g" \
    -e "s|@USER@|$user_line|" bench/nginx.conf.template >"$RUN/nginx.conf"
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/nginx-error.log" >"$RUN/nginx.log" 2>&1 &
NGINX_PID=$!
NGINX_URL=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 100); do
  curl -s --max-time 1 -o /dev/null "$NGINX_URL/api/v1/cases/1" && break
  kill -0 "$NGINX_PID" 2>/dev/null || break
  sleep 0.1
done
curl -sf --max-time 2 -o /dev/null "$NGINX_URL/api/v1/cases/1" ||
  { echo "bench: nginx did not start:" >&2; cat "$RUN/nginx.log" "$RUN/nginx-error.log" >&2; exit 1; }

# --- Measuring -------------------------------------------------------------------
export BENCH_DIR=$ROOT/bench TRM_CASE_IDS=$CASE_IDS
RESULTS=$RUN/results.txt
: >"$RESULTS"

# CPU ticks (1/100 s) used so far by a process and its children (nginx's worker).
cpu_ticks() {
  local total=0 p q t
  for p in "$@"; do
    for q in "$p" $(ps -o pid= --ppid "$p" 2>/dev/null); do
      t=$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$q/stat" 2>/dev/null || echo 0)
      total=$((total + t))
    done
  done
  echo "$total"
}
# Busy and total jiffies of the whole machine.
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9; exit}' /proc/stat; }

# How many fsyncs the server does, where perf can count system calls: the
# requests per fsync show whether group commit batches anything.
COUNT_FSYNC=0
if command -v perf >/dev/null 2>&1 &&
   timeout 20 perf stat -x, -e syscalls:sys_enter_fdatasync -- true >/dev/null 2>&1; then
  COUNT_FSYNC=1
fi

run_wrk() {  # round name url script server-pid [seconds]
  local round=$1 name=$2 url=$3 script=$4 pid=$5 secs=${6:-$DURATION}
  local out=$RUN/$name.r$round.txt c0 c1 m0 m1 perf_pid= fsyncs=-1
  if [ "$COUNT_FSYNC" = 1 ] && [ "$pid" = "$TRM_PID" ] && [ "$round" != warmup ]; then
    timeout $((secs + 20)) perf stat -x, -o "$out.fsync" \
      -e syscalls:sys_enter_fdatasync,syscalls:sys_enter_fsync -p "$pid" -- sleep $((secs + 1)) \
      >/dev/null 2>&1 &
    perf_pid=$!
    PERF_PID=$perf_pid
    sleep 0.3
  fi
  c0=$(cpu_ticks "$pid"); m0=$(machine_ticks)
  if ! timeout $((secs + 30)) wrk -t"$WRK_THREADS" -c"$CONNS" -d"${secs}s" --timeout 5s \
         -s "bench/$script" "$url" >"$out" 2>&1; then
    echo "bench: wrk failed for $name:" >&2; cat "$out" >&2; exit 1
  fi
  c1=$(cpu_ticks "$pid"); m1=$(machine_ticks)
  if [ -n "$perf_pid" ]; then
    { wait "$perf_pid"; } 2>/dev/null || true
    fsyncs=$(awk -F, '/syscalls:sys_enter_f/{n += $1} END{print n + 0}' "$out.fsync" 2>/dev/null || echo -1)
  fi
  [ "$round" = warmup ] && return 0
  local line
  line=$(grep '^BENCH ' "$out") || { echo "bench: no summary from wrk for $name" >&2; cat "$out" >&2; exit 1; }
  read -r mb0 mt0 <<<"$m0"; read -r mb1 mt1 <<<"$m1"
  echo "round=$round name=$name server_ticks=$((c1 - c0)) machine_busy=$(((mb1 - mb0) * 1000 / (mt1 - mt0 + 1))) fsyncs=$fsyncs ${line#BENCH }" >>"$RESULTS"
}

run_sqlite() {  # round name sync batch
  local round=$1 name=$2 sync=$3 batch=$4 line
  rm -f "$RUN"/ceiling.db*
  line=$(timeout $((SQLITE_SECONDS + 30)) "$CEILING" --db "$RUN/ceiling.db" --sync "$sync" \
           --seconds "$SQLITE_SECONDS" --bytes "$ROW_BYTES" --batch "$batch")
  rm -f "$RUN"/ceiling.db*
  echo "round=$round name=$name $line" >>"$RESULTS"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: $(nproc) cores, load $LOAD_BEFORE; trm --threads $TRM_THREADS, nginx on" \
     ":$NGINX_PORT; $ROUNDS rounds of ${DURATION} s runs (wrk -t$WRK_THREADS -c$CONNS);" \
     "logs in ${RUN#$ROOT/}" >&2
run_wrk warmup warm_nginx "$NGINX_URL" get_case.lua "$NGINX_PID" "$WARMUP"
for round in $(seq "$ROUNDS"); do
  echo "bench: round $round/$ROUNDS" >&2
  # Cold: with the answer cache off, every read is built afresh (decrypt,
  # check access, encode). The same requests as below, on its own copy.
  start_trm "r${round}cold" --answer-cache-mb 0
  run_wrk warmup warm_trm "$TRM_URL" get_case.lua "$TRM_PID" "$WARMUP"
  run_wrk "$round" trm_get_cold "$TRM_URL" get_case.lua "$TRM_PID"
  run_wrk "$round" trm_list_cold "$TRM_URL" list_cases.lua "$TRM_PID"
  # As served: a repeated read is answered from the answer cache while
  # nothing has changed (service/answer_cache.h).
  start_trm "r$round"
  run_wrk warmup warm_trm "$TRM_URL" get_case.lua "$TRM_PID" "$WARMUP"
  run_wrk "$round" nginx_get "$NGINX_URL" get_case.lua "$NGINX_PID"
  run_wrk "$round" trm_get "$TRM_URL" get_case.lua "$TRM_PID"
  run_wrk "$round" nginx_list "$NGINX_URL" list_cases.lua "$NGINX_PID"
  run_wrk "$round" trm_list "$TRM_URL" list_cases.lua "$TRM_PID"
  # The disk is shared and its fsync rate drifts: bracket the create run with
  # the ceiling, before and after, and compare with the mean of the two.
  run_sqlite "$round" sqlite_full_before FULL 1
  run_wrk "$round" trm_create "$TRM_URL" create_case.lua "$TRM_PID"
  run_sqlite "$round" sqlite_full_after FULL 1
  run_sqlite "$round" sqlite_normal NORMAL 1
  run_sqlite "$round" sqlite_full_group FULL "$GROUP"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Stop the server, then prove that the last round's audited requests left an
# intact chain.
stop_pid "$TRM_PID"; TRM_PID=
AUDIT=$("$TRM" audit verify --data "$RUN/data" 2>&1 || true)

# --- Report --------------------------------------------------------------------
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain --untracked-files=no -- src CMakeLists.txt 2>/dev/null)" ] && commit="$commit + uncommitted changes in src/"
export M_MACHINE="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM, Linux $(uname -r), $(df -T "$RUN" | awk 'NR==2{print $2}') on $(df "$RUN" | awk 'NR==2{print $1}')"
export M_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" M_COMMIT="$commit"
export M_LOAD="before $LOAD_BEFORE, after $LOAD_AFTER"
export M_SETUP="wrk -t$WRK_THREADS -c$CONNS --timeout 5s, ${DURATION} s per run, $ROUNDS rounds; trm serve --threads $TRM_THREADS (SQLite, synchronous=FULL); nginx 1 worker"
export M_DATA="$CASES demo cases, $USERNAME sees $VISIBLE; GET rotates over $(echo "$CASE_IDS" | tr ',' '\n' | wc -l) of them"
export M_SIZES="GET-case body $CASE_BYTES B, list body (20 cases) $LIST_BYTES B; bare SQLite row $ROW_BYTES B"
export M_GROUP="$GROUP" M_AUDIT="$AUDIT"
python3 - "$RESULTS" <<'EOF' | tee "$RUN/report.md"
import os, re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    kv = dict(re.findall(r"(\w+)=(\S+)", line))
    rows.setdefault(kv["name"], []).append(kv)
E = os.environ
# The write ceiling of a round: the mean of the loops run just before and just
# after the create run.
rows["sqlite_full"] = [
    {"rows_per_s": (float(b["rows_per_s"]) + float(a["rows_per_s"])) / 2,
     "commits_per_s": (float(b["commits_per_s"]) + float(a["commits_per_s"])) / 2}
    for b, a in zip(rows["sqlite_full_before"], rows["sqlite_full_after"])]

def rate_of(r):
    return float(r["rps"] if "rps" in r else r["rows_per_s"])

def med(name, f):
    return statistics.median(f(r) for r in rows[name])

def ratios(a, b):  # per round (measured side by side), then median and range
    rs = [rate_of(x) / rate_of(y) for x, y in zip(rows[a], rows[b])]
    return statistics.median(rs), min(rs), max(rs)

def per_fsync(r):
    n = int(r.get("fsyncs", -1))
    return int(r["requests"]) / n if n > 0 else float("nan")

print()
print(f"Machine: {E['M_MACHINE']}")
print(f"Date: {E['M_DATE']}; commit {E['M_COMMIT']}; load average (1/5/15 min) {E['M_LOAD']}")
print(f"Setup: {E['M_SETUP']}")
print(f"Data: {E['M_DATA']}; {E['M_SIZES']}")
print("Figures: medians over rounds; ratios are taken per round (ceiling and ours side by side), median and range.")
print()
print("| Measurement | req/s | p50 ms | p99 ms | server CPU µs/req | server CPU % | machine busy % | req/fsync | errors |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, label in [("nginx_get", "nginx: static GET-case body"),
                    ("trm_get", "trm: GET /api/v1/cases/{id}"),
                    ("trm_get_cold", "trm, answer cache off: GET /api/v1/cases/{id}"),
                    ("nginx_list", "nginx: static list body"),
                    ("trm_list", "trm: GET /api/v1/cases?page_size=20"),
                    ("trm_list_cold", "trm, answer cache off: GET /api/v1/cases?page_size=20"),
                    ("trm_create", "trm: POST /api/v1/cases")]:
    rs = rows[name]
    fs = med(name, per_fsync) if name.startswith("trm") else float("nan")
    print(f"| {label} | {med(name, rate_of):,.0f} | {med(name, lambda r: int(r['p50_us']))/1000:.2f}"
          f" | {med(name, lambda r: int(r['p99_us']))/1000:.2f}"
          f" | {med(name, lambda r: int(r['server_ticks']) * 1e4 / max(1, int(r['requests']))):,.0f}"
          f" | {med(name, lambda r: int(r['server_ticks']) / (int(r['duration_us']) / 1e6)):.0f}"
          f" | {med(name, lambda r: int(r['machine_busy']) / 10):.0f}"
          f" | {'-' if fs != fs else f'{fs:.1f}'}"
          f" | {sum(sum(int(v) for k, v in r.items() if k.startswith('err_')) for r in rs)} |")
print()
print(f"| Bare SQLite loop, WAL, one prepared INSERT | rows/s | commits/s | rows/s per round |")
print("|---|---:|---:|---|")
for name, label in [("sqlite_full", "synchronous=FULL, 1 row per commit (the write ceiling; mean of before and after the create run)"),
                    ("sqlite_normal", "synchronous=NORMAL, 1 row per commit (not durable; reference)"),
                    ("sqlite_full_group", f"synchronous=FULL, {E['M_GROUP']} rows per commit (group commit; reference)")]:
    print(f"| {label} | {med(name, rate_of):,.0f} | {med(name, lambda r: float(r['commits_per_s'])):,.0f}"
          f" | {', '.join(f'{rate_of(r):,.0f}' for r in rows[name])} |")
print()
print("| Ratio | median | range over rounds | goal | met |")
print("|---|---:|---:|---:|:---:|")
for a, b, label, goal in [("trm_get", "nginx_get", "GET one case / nginx", 0.5),
                          ("trm_list", "nginx_list", "list cases / nginx", 0.5),
                          ("trm_create", "sqlite_full", "create case / bare SQLite FULL", 0.8),
                          ("trm_get_cold", "nginx_get", "GET one case, answer cache off / nginx", None),
                          ("trm_list_cold", "nginx_list", "list cases, answer cache off / nginx", None),
                          ("trm_get", "sqlite_full", "GET one case / bare SQLite FULL (a GET commits an audit row)", None),
                          ("trm_list", "sqlite_full", "list cases / bare SQLite FULL (a list commits an audit row)", None)]:
    m, lo, hi = ratios(a, b)
    print(f"| {label} | {m:.3f} | {lo:.3f} – {hi:.3f} | {f'≥ {goal}' if goal else '-'}"
          f" | {('yes' if m >= goal else 'no') if goal else '-'} |")
noisy = [str(i + 1) for i, (b, a) in enumerate(zip(rows["sqlite_full_before"], rows["sqlite_full_after"]))
         if max(rate_of(b), rate_of(a)) > 1.5 * min(rate_of(b), rate_of(a))]
if noisy:
    print()
    print(f"Warning: the disk was noisy: the SQLite ceiling before and after the create run differed by"
          f" more than 1.5x in round(s) {', '.join(noisy)}. Run again when the machine is quieter.")
print()
print(f"Audit chain after the last round: {E['M_AUDIT']}")
EOF
echo "Raw wrk output and logs: ${RUN#$ROOT/}"
