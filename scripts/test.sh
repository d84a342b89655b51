#!/usr/bin/env bash
# `make test`: installs what is missing, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer, then runs every suite:
#   unit tests and the store suite on SQLite and on a real PostgreSQL 15 server
#   (started here, stopped at the end), the web app's checks, the API tests
#   against a real `trm serve`, the CLI tests, and the browser tests in Chromium.
# Ends with "N passed, N failed" and a non-zero exit on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

passed=0
failed=0
failures=()
tmp=$(mktemp -d /tmp/trm-test.XXXXXX)
chmod 755 "$tmp"
server_pid=""

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -d "$tmp/pg" ] && scripts/pg.sh stop "$tmp/pg" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

record() {  # record NAME PASSED FAILED
  passed=$((passed + $2))
  failed=$((failed + $3))
  [ "$3" -gt 0 ] && failures+=("$1: $3 failed")
  echo "== $1: $2 passed, $3 failed"
}

fatal() {
  echo "make test: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

echo "== installing dependencies"
scripts/install-deps.sh --test || fatal "could not install dependencies"

echo "== building with ASan + UBSan"
cmake -S . -B build-asan -DTRM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null || fatal "cmake failed"
cmake --build build-asan -j"$(nproc)" 2>&1 | grep -E "error|warning|Error" ; [ "${PIPESTATUS[0]}" = 0 ] || fatal "build failed"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

echo "== starting PostgreSQL"
mkdir -p "$tmp/pg"
TRM_TEST_PG=$(scripts/pg.sh start "$tmp/pg") || fatal "could not start PostgreSQL"
export TRM_TEST_PG TRM_REQUIRE_PG=1

echo "== unit tests and store suite (SQLite and PostgreSQL)"
ctest_log="$tmp/ctest.log"
(cd build-asan && ctest -j"$(nproc)" --output-on-failure --timeout 300) >"$ctest_log" 2>&1
summary=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$ctest_log" | tail -1)
if [ -z "$summary" ]; then
  tail -50 "$ctest_log"
  record "ctest" 0 1
else
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")
  nfail=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$summary")
  [ "$nfail" -gt 0 ] && grep -E "^\s*[0-9]+ - |\*\*\*Failed|Failure|FAILED" "$ctest_log" | head -40
  record "ctest" $((total - nfail)) "$nfail"
fi

echo "== web app: type check, build, translation checks"
web_ok=0
web_fail=0
for step in "npm run check --silent"; do
  if (cd web && $step) >"$tmp/web.log" 2>&1; then
    web_ok=$((web_ok + 1))
  else
    cat "$tmp/web.log"
    web_fail=$((web_fail + 1))
  fi
done
record "web" "$web_ok" "$web_fail"

node_suite() {  # node_suite NAME DIR: runs node's test runner, counts TAP results
  local name="$1" dir="$2" log="$tmp/$1.log"
  ls "$dir"/*.test.mjs >/dev/null 2>&1 || { record "$name" 0 1; echo "no tests in $dir"; return; }
  node --test --test-reporter=tap --test-concurrency=1 "$dir"/*.test.mjs >"$log" 2>&1
  local p f
  p=$(grep -E "^# pass [0-9]+" "$log" | tail -1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$log" | tail -1 | awk '{print $3}')
  if [ -z "$p" ] || [ -z "$f" ]; then
    tail -40 "$log"
    record "$name" 0 1
    return
  fi
  [ "$f" -gt 0 ] && grep -E "^not ok|^\s+not ok|error:|expected|actual" "$log" | head -60
  record "$name" "$p" "$f"
}

echo "== starting trm serve with the demo network"
port=$(scripts/free-port.sh)
build-asan/trm demo --data "$tmp/data" --cases 60 >/dev/null || fatal "trm demo failed"
build-asan/trm serve --data "$tmp/data" --port "$port" --web web/dist >"$tmp/server.log" 2>&1 &
server_pid=$!
export TRM_URL="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fs "$TRM_URL/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$TRM_URL/api/v1/health" >/dev/null || { cat "$tmp/server.log"; fatal "server did not start"; }

echo "== API tests"
node_suite "api" tests/api
echo "== browser tests (Playwright, Chromium)"
node_suite "e2e" tests/e2e

echo "== stopping the server (SIGTERM must end it cleanly)"
kill -TERM "$server_pid"
wait "$server_pid"
rc=$?
server_pid=""
if [ "$rc" = 0 ] && ! grep -q "Sanitizer" "$tmp/server.log"; then
  record "server shutdown" 1 0
else
  tail -40 "$tmp/server.log"
  record "server shutdown" 0 1
fi

echo "== CLI tests"
cli_ok=0
cli_fail=0
for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  if TRM="$root/build-asan/trm" DATA="$tmp/data" bash "$t" >"$tmp/cli.log" 2>&1; then
    cli_ok=$((cli_ok + 1))
  else
    echo "FAILED: $t"
    cat "$tmp/cli.log"
    cli_fail=$((cli_fail + 1))
  fi
done
record "cli" "$cli_ok" "$cli_fail"

echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
