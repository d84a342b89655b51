#!/usr/bin/env bash
# `trm init` creates a data folder; `trm migrate` is idempotent; a database
# newer than the program is refused rather than damaged.
set -euo pipefail
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$TRM" init --data "$work/d" | grep -q "schema version 13"
out=$("$TRM" migrate --data "$work/d")
grep -q "applied 0 migration(s); schema version 13" <<<"$out" || { echo "migrate: $out"; exit 1; }
sqlite3 "$work/d/trm.db" "INSERT INTO schema_migrations VALUES (999, 'future', 0)"
set +e; out=$("$TRM" migrate --data "$work/d" 2>&1); rc=$?; set -e
[ "$rc" != 0 ] || { echo "a newer schema was accepted"; exit 1; }
grep -q "newer than this program" <<<"$out" || { echo "unclear error: $out"; exit 1; }
# A key file readable by others is refused.
mkdir "$work/e" && head -c 32 /dev/urandom > "$work/e/field.key" && chmod 644 "$work/e/field.key"
set +e; out=$("$TRM" init --data "$work/e" 2>&1); rc=$?; set -e
[ "$rc" != 0 ] && grep -q "chmod 600" <<<"$out" || { echo "open key file accepted: $out"; exit 1; }
echo "ok"
