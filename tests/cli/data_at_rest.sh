#!/usr/bin/env bash
# The database file alone reveals no name: person fields are ciphertext, and
# the key file is readable by its owner only.
set -euo pipefail
[ "$(stat -c %a "$DATA/field.key")" = 600 ] || { echo "field.key is not mode 600"; exit 1; }
[ "$(stat -c %s "$DATA/field.key")" = 32 ] || { echo "field.key is not 32 bytes"; exit 1; }
[ "$(stat -c %a "$DATA/trm.db")" = 600 ] || { echo "trm.db is not mode 600"; exit 1; }
# Every demo name part of the people in cases; none may appear in the database
# or its WAL. (The directory's liaison officers are staff, listed in plain text
# for members on purpose; the demo gives them names no demo case uses.)
for name in "ចាន់" "សុខា" "สมศรี" "ใจดี" "Nguyễn" "Santos" "ບຸນມີ" "王"; do
  for f in "$DATA"/trm.db*; do
    if grep -q -F "$name" "$f"; then echo "plaintext name '$name' found in $f"; exit 1; fi
  done
done
# ...while the server, holding the key, does read them.
count=$(sqlite3 "$DATA/trm.db" "SELECT COUNT(*) FROM cases")
[ "$count" -gt 0 ] || { echo "no cases in demo data"; exit 1; }
echo "ok"
