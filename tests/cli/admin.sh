#!/usr/bin/env bash
# A real node is set up from the command line: an organisation, then its admin,
# who can then sign in. Bad input is refused and changes nothing.
set -euo pipefail
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$TRM" init --data "$work/d" >/dev/null
"$TRM" org add --data "$work/d" --name "Shelter One" --type NGO --country TH | grep -q "organisation 1 added"
set +e
out=$("$TRM" org add --data "$work/d" --name "Bad" --country XX 2>&1); rc=$?
set -e
[ "$rc" != 0 ] && grep -q "country" <<<"$out" || { echo "bad country accepted: $out"; exit 1; }
TRM_PASSWORD="a long enough password" "$TRM" user add --data "$work/d" --organisation 1 \
  --username admin1 --display-name "Admin One" --role org_admin | grep -q "user 1 added"
set +e
out=$(TRM_PASSWORD="short" "$TRM" user add --data "$work/d" --organisation 1 --username u2 \
  --display-name "U2" --role case_worker 2>&1); rc=$?
set -e
[ "$rc" != 0 ] && grep -q "at least 10" <<<"$out" || { echo "short password accepted: $out"; exit 1; }
set +e
out=$(TRM_PASSWORD="a long enough password" "$TRM" user add --data "$work/d" --organisation 1 \
  --username admin1 --display-name "Again" --role org_admin 2>&1); rc=$?
set -e
[ "$rc" != 0 ] || { echo "duplicate username accepted"; exit 1; }
[ "$(sqlite3 "$work/d/trm.db" 'SELECT COUNT(*) FROM users')" = 1 ] || { echo "partial write"; exit 1; }
"$TRM" audit verify --data "$work/d" | grep -q "intact"
echo ok
