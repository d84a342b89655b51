#!/usr/bin/env bash
# The binary on PostgreSQL: init migrates a fresh database, a node is set up,
# the audit chain verifies, and personal data stays encrypted in the server.
set -euo pipefail
[ -n "${TRM_TEST_PG:-}" ] || { echo "TRM_TEST_PG is not set (make test starts PostgreSQL)"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
db="cli_$$_$RANDOM"
psql "$TRM_TEST_PG" -q -c "CREATE DATABASE $db" >/dev/null
trap 'psql "$TRM_TEST_PG" -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$work"' EXIT
pg="${TRM_TEST_PG/dbname=trm_test/dbname=$db}"
"$TRM" init --data "$work/d" --postgres "$pg" | grep -q "schema version 13"
TRM_POSTGRES="$pg" "$TRM" demo --data "$work/d" --cases 30 | grep -q "demo network added"
out=$("$TRM" audit verify --data "$work/d" --postgres "$pg")
grep -q "intact" <<<"$out" || { echo "audit on PostgreSQL: $out"; exit 1; }
# 30 drawn cases, and the one person the demo records twice (service/demo_matching.cc).
n=$(psql "$pg" -tA -c "SELECT COUNT(*) FROM cases")
[ "$n" = 32 ] || { echo "expected 32 cases, found $n"; exit 1; }
if psql "$pg" -tA -c "SELECT encode(person, 'escape') FROM cases" | grep -q -e "ចាន់" -e "Nguyễn" -e "ใจดี"; then
  echo "plaintext name in PostgreSQL"; exit 1
fi
psql "$pg" -q -c "UPDATE audit_log SET detail = 'x' WHERE seq = 3" >/dev/null
set +e; out=$("$TRM" audit verify --data "$work/d" --postgres "$pg"); rc=$?; set -e
[ "$rc" = 2 ] && grep -q "row 3" <<<"$out" || { echo "tampering on PostgreSQL not found: $out"; exit 1; }
echo ok
