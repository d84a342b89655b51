#!/usr/bin/env bash
# `trm audit verify` proves the chain intact, and finds the first broken link
# when a row is edited, deleted in the middle, or the newest rows are removed.
set -euo pipefail
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
copy() { rm -rf "$work/d"; cp -r "$DATA" "$work/d"; }
verify() { "$TRM" audit verify --data "$work/d"; }

copy
out=$(verify) || { echo "intact log reported broken: $out"; exit 1; }
grep -q "intact" <<<"$out"

copy
sqlite3 "$work/d/trm.db" "UPDATE audit_log SET detail = 'edited' WHERE seq = 5"
set +e; out=$(verify); rc=$?; set -e
[ "$rc" = 2 ] || { echo "edited row: exit $rc, want 2: $out"; exit 1; }
grep -q "row 5 was altered" <<<"$out" || { echo "edited row not named: $out"; exit 1; }

copy
sqlite3 "$work/d/trm.db" "DELETE FROM audit_log WHERE seq = 7"
set +e; out=$(verify); rc=$?; set -e
[ "$rc" = 2 ] || { echo "deleted row: exit $rc, want 2: $out"; exit 1; }
grep -q "row 7 is missing" <<<"$out" || { echo "deleted row not named: $out"; exit 1; }

copy
sqlite3 "$work/d/trm.db" "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)"
set +e; out=$(verify); rc=$?; set -e
[ "$rc" = 2 ] || { echo "truncated log: exit $rc, want 2: $out"; exit 1; }
grep -q "newest rows were removed" <<<"$out" || { echo "truncation not explained: $out"; exit 1; }
echo "ok"
